import Foundation
import Testing

/// A refused agreement or district file is told in the plan's language by
/// every command that reads one: `--lang` when given, else the file's own
/// `language:`, else bokmål (`publish` and `serve` too, which also take `--lang`).
@Suite struct MessageLanguageCommandTests {
    /// The shipped base agreement (Tests/Fixtures/korpus.yaml, which
    /// MessageLanguageTests alters case by case) with its county misspelt on
    /// purpose: the refusal every command must tell in the right language.
    static let base: String = {
        let url = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/korpus.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8), text.contains("county: akershus\n") else {
            fatalError("\(url.path) is missing or no longer says 'county: akershus'")
        }
        return text.replacingOccurrences(of: "county: akershus\n", with: "county: akershuss\n")
    }()

    static let bokmal = "korpus.yaml:3:9: 'akershuss' er ikke et norsk fylke (mente du 'akershus'?); forventet ett av oslo, akershus"
    static let nynorsk = "korpus.yaml:3:9: 'akershuss' er ikkje eit norsk fylke (meinte du 'akershus'?); venta eitt av oslo, akershus"
    static let english = "korpus.yaml:3:9: 'akershuss' is not a Norwegian county (did you mean 'akershus'?); expected one of oslo, akershus"

    static func write(_ text: String, in dir: URL, name: String = "korpus.yaml") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theFilesOwnLanguageUnlessLangIsGiven() throws {
        let dir = try CLI.temporaryDirectory()
        let file = try Self.write(Self.base + "language: nn\n", in: dir)
        let runs: [([String], String)] = [
            (["check", file], Self.nynorsk),
            (["plan", file, "--year", "2027"], Self.nynorsk),
            (["check", file, "--lang", "en"], Self.english),
            (["plan", file, "--year", "2027", "--lang", "nb"], Self.bokmal),
            (["reschedule", file, "--year", "2027", "--previous", dir.path, "--dry-run"], Self.nynorsk),
            (["reschedule", file, "--year", "2027", "--previous", dir.path, "--dry-run", "--lang", "en"], Self.english),
            (["explain", file, "--event", "2027-03-01", "--year", "2027"], Self.nynorsk),
            (["explain", file, "--event", "2027-03-01", "--year", "2027", "--lang", "nb"], Self.bokmal),
            (["holidays", "--year", "2027", file, "--lang", "en"], Self.english),
        ]
        for (arguments, said) in runs {
            let result = try CLI.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(said), "\(arguments.joined(separator: " ")): \(result.stderr)")
        }
    }

    @Test func bokmalWhenTheFileSaysNothing() throws {
        let dir = try CLI.temporaryDirectory()
        let file = try Self.write(Self.base, in: dir)
        let result = try CLI.run(["check", file])
        #expect(result.status == 1 && result.stderr.contains(Self.bokmal), "\(result.stderr)")
        let nynorsk = try CLI.run(["check", file, "--lang", "nn"])
        #expect(nynorsk.stderr.contains(Self.nynorsk), "\(nynorsk.stderr)")
    }

    @Test func publishTellsARefusedFileInItsOwnLanguage() throws {
        let dir = try CLI.temporaryDirectory()
        let calendars = dir.appendingPathComponent("calendars")
        try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
        _ = try Self.write(Self.base, in: calendars)
        let site = dir.appendingPathComponent("site").path
        let result = try CLI.run(["publish", calendars.path, "--to", site, "--years", "2027", "--today", "2026-12-02"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("'akershuss' er ikke et norsk fylke"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site))
        _ = try Self.write(Self.base + "language: en\n", in: calendars)
        let english = try CLI.run(["publish", calendars.path, "--to", site, "--years", "2027", "--today", "2026-12-02"])
        #expect(english.stderr.contains("'akershuss' is not a Norwegian county"), "\(english.stderr)")
    }

    @Test func aDistrictAndItsMemberFilesAreToldInTheRunsLanguage() throws {
        let dir = try CLI.temporaryDirectory()
        _ = try Self.write(Self.base, in: dir)
        let district = try Self.write("district: d\nname: D\nmembers:\n  - file: korpus.yaml\n", in: dir, name: "d.yaml")
        let result = try CLI.run(["check", district])
        #expect(result.status == 1)
        #expect(result.stderr.contains("d.yaml:4:11: medlemsfilen 'korpus.yaml' kan ikke brukes: ") && result.stderr.contains(Self.bokmal),
                "\(result.stderr)")
        let nynorsk = try CLI.run(["plan", district, "--year", "2027", "--lang", "nn"])
        #expect(nynorsk.stderr.contains("d.yaml:4:11: medlemsfila 'korpus.yaml' kan ikkje brukast: ") && nynorsk.stderr.contains(Self.nynorsk),
                "\(nynorsk.stderr)")
        let english = try CLI.run(["reschedule", district, "--year", "2027", "--previous", dir.path, "--dry-run", "--lang", "en"])
        #expect(english.stderr.contains("d.yaml:4:11: the member file 'korpus.yaml' cannot be used: ") && english.stderr.contains(Self.english),
                "\(english.stderr)")
    }
}
