import Foundation
import Testing

/// People's roles under `--lang en`, as a user gets them from `plan`: the
/// agreement's `role_en:` where it gives one, the Norwegian role where not.
@Suite struct EnglishRoleCommandTests {
    static func csv(_ agreement: String, language: String, in dir: URL) throws -> String {
        let out = dir.appendingPathComponent("plan-\(language).csv")
        let result = try CLI.run(["plan", agreement, "--year", "2027", "--lang", language, "--quiet", "--csv", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        return try String(contentsOf: out, encoding: .utf8)
    }

    @Test func anEnglishPlanShowsTheEnglishRoles() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let english = try Self.csv("calendars/oyer.yaml", language: "en", in: dir)
        #expect(english.contains("Mayor, Øyer municipality"))
        #expect(english.contains("Police contact officer for Øyer and Gausdal, Lillehammer police station"))
        #expect(!english.contains("Ordfører") && !english.contains("Politikontakt for"), "no Norwegian role is left")
        let norwegian = try Self.csv("calendars/oyer.yaml", language: "nb", in: dir)
        #expect(norwegian.contains("Ordfører, Øyer kommune") && !norwegian.contains("Mayor"))
    }

    @Test func anAgreementWithoutEnglishRolesFallsBackToTheNorwegianOnes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shipped = try String(contentsOf: CLI.packageRoot.appendingPathComponent("calendars/oyer.yaml"), encoding: .utf8)
        #expect(shipped.contains("role_en:"))
        let withoutEnglish = shipped.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("role_en:") }.joined(separator: "\n")
        let file = dir.appendingPathComponent("oyer.yaml")
        try withoutEnglish.write(to: file, atomically: true, encoding: .utf8)
        let english = try Self.csv(file.path, language: "en", in: dir)
        #expect(english.contains("Ordfører, Øyer kommune"))
        #expect(!english.contains("Mayor"))
        #expect(english.hasPrefix("Date,Weekday"), "the rest is still English")
    }

    @Test func theEnglishFeedsNameTheEnglishRoles() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("site")
        let result = try CLI.run(["plan", "calendars/oyer.yaml", "--year", "2027", "--lang", "en", "--quiet", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".ics") } ?? []
        let feeds = try files.map { try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8) }.joined()
        #expect(!feeds.isEmpty)
        // Unfolded and unescaped (RFC 5545 folds long lines with CRLF + space, escapes commas).
        let text = feeds.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\\,", with: ",")
        #expect(text.contains("Mayor, Øyer municipality"), "\(files)")
        #expect(!text.contains("Ordfører, Øyer kommune"))
    }

    @Test func initWritesEnglishRolesForANorwegianAgreement() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try InitCommandTests.run(InitCommandTests.base + ["--lang", "nn"], in: dir)
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("gran.yaml"), encoding: .utf8)
        #expect(text.contains("role: \"Ordførar, Gran kommune\"") && text.contains("role_en: \"Mayor, Gran municipality\""))
        #expect(text.contains("role: \"Politistasjonssjef, Innlandet politidistrikt\"")
                && text.contains("role_en: \"Police station chief, Innlandet police district\""))
        let english = try Self.csv(dir.appendingPathComponent("gran.yaml").path, language: "en", in: dir)
        #expect(english.contains("Mayor, Gran municipality") && !english.contains("Ordførar"))

        let englishAgreement = try InitCommandTests.run(InitCommandTests.base + ["--lang", "en", "english.yaml"], in: dir)
        #expect(englishAgreement.status == 0, "\(englishAgreement.stderr)")
        let englishText = try String(contentsOf: dir.appendingPathComponent("english.yaml"), encoding: .utf8)
        #expect(englishText.contains("role: \"Mayor, Gran municipality\"") && !englishText.contains("role_en:"),
                "an English agreement's roles are English already")
    }
}
