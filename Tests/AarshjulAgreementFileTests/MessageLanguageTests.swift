import AarshjulAgreementFile
import AarshjulCore
import Foundation
import Testing

/// Every refusal of an agreement or district file is said in bokmål,
/// nynorsk and English as "what is wrong; what was expected", located, and
/// never in libyaml's or Foundation's words.
@Suite struct MessageLanguageTests {
    /// The base agreement every case alters, shipped once for this suite and
    /// MessageLanguageCommandTests (which reads it with a misspelt county):
    /// Tests/Fixtures/korpus.yaml. A valid file: each case breaks one thing.
    static let agreement: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/korpus.yaml")
        do { return try String(contentsOf: url, encoding: .utf8) } catch { fatalError("\(url.path): \(error)") }
    }()

    /// One input per kind of message (the line that differs from a valid file).
    static let agreementCases: [(String, String)] = [
        ("syntax: second colon", agreement.replacingOccurrences(of: "county: akershus", with: "county: akershus: oslo")),
        ("syntax: unclosed quote", agreement.replacingOccurrences(of: "title: Politiråd", with: "title: \"Politiråd")),
        ("syntax: unclosed bracket", agreement.replacingOccurrences(of: "{per_quarter: 1}", with: "{per_quarter: 1")),
        ("syntax: tab", agreement.replacingOccurrences(of: "  - {id: ordforer", with: "\t- {id: ordforer")),
        ("syntax: reserved character", agreement.replacingOccurrences(of: "duration: 2h", with: "duration: @2h")),
        ("syntax: undefined alias", agreement.replacingOccurrences(of: "name: Rådhuset", with: "name: *radhus")),
        ("syntax: indentation", agreement.replacingOccurrences(of: "county: akershus", with: "county: akershus\n   x: y\n  z: w")),
        ("syntax: duplicate key", agreement + "id: igjen\n"),
        ("syntax: nesting depth", agreement + "blackouts: " + String(repeating: "[", count: 1_200) + "\n"),
        ("empty file", ""),
        ("not keys and values", "- a\n- b\n"),
        ("file too large", agreement + "source: \"" + String(repeating: "x", count: AgreementLimits.maxFileBytes) + "\"\n"),
        ("unknown key", agreement + "kommune: x\n"),
        ("missing key", agreement.replacingOccurrences(of: "county: akershus\n", with: "")),
        ("empty key", agreement.replacingOccurrences(of: "municipality: Korpus", with: "municipality:")),
        ("list, not a value", agreement.replacingOccurrences(of: "municipality: Korpus", with: "municipality: [a, b]")),
        ("block, not a list", agreement + "blackouts: {a: b}\n"),
        ("value too long", agreement + "source: " + String(repeating: "x", count: 2_001) + "\n"),
        ("list too long", agreement + "blackouts: [" + Array(repeating: "{date: 2027-01-04, reason: x}", count: 1_001).joined(separator: ", ") + "]\n"),
        ("invalid id", agreement.replacingOccurrences(of: "id: korpus", with: "id: Korpus")),
        ("id too long", agreement.replacingOccurrences(of: "id: korpus", with: "id: " + String(repeating: "k", count: 41))),
        ("county", agreement.replacingOccurrences(of: "county: akershus", with: "county: akershuss")),
        ("language", agreement + "language: svensk\n"),
        ("date", agreement + "revised: 2027-02-30\n"),
        ("date form", agreement + "revised: 15.01.2027\n"),
        ("month", agreement + "revised: 2027-13-01\n"),
        ("time", agreement.replacingOccurrences(of: "08:00-15:30", with: "08:00-25:30")),
        ("time range", agreement.replacingOccurrences(of: "08:00-15:30", with: "15:30-08:00")),
        ("weekday", agreement.replacingOccurrences(of: "mon-fri", with: "funday")),
        ("weekday twice", agreement.replacingOccurrences(of: "{mon-fri: \"08:00-15:30\"}", with: "{mon-fri: \"08:00-15:30\", mon: \"09:00-10:00\"}")),
        ("never open", agreement.replacingOccurrences(of: "{mon-fri: \"08:00-15:30\"}", with: "{mon-fri: closed}")),
        ("duration unit", agreement.replacingOccurrences(of: "duration: 2h", with: "duration: 2")),
        ("duration too long", agreement.replacingOccurrences(of: "duration: 2h", with: "duration: 153722867280912931h")),
        ("number", agreement.replacingOccurrences(of: "{per_quarter: 1}", with: "{per_quarter: two}")),
        ("number range", agreement.replacingOccurrences(of: "{per_quarter: 1}", with: "{per_quarter: 14}")),
        ("rule without kind", agreement.replacingOccurrences(of: "{per_quarter: 1}", with: "{}")),
        ("rule with two kinds", agreement.replacingOccurrences(of: "{per_quarter: 1}", with: "{per_quarter: 1, per_year: 4}")),
        ("rule modifier", agreement.replacingOccurrences(of: "{per_quarter: 1}", with: "{per_quarter: 1, skip_months: [7]}")),
        ("week range", agreement.replacingOccurrences(of: "{per_quarter: 1}", with: "{every_weeks: \"8-6\"}")),
        ("monthly false", agreement.replacingOccurrences(of: "{per_quarter: 1}", with: "{monthly: false}")),
        ("skip month", agreement.replacingOccurrences(of: "{per_quarter: 1}", with: "{monthly: true, skip_months: [juley]}")),
        ("skip all months", agreement.replacingOccurrences(of: "{per_quarter: 1}", with: "{monthly: true, skip_months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}")),
        ("yearly window", agreement.replacingOccurrences(of: "{per_quarter: 1}", with: "{yearly: {from: \"11-30\", to: \"10-01\"}}")),
        ("month-day", agreement.replacingOccurrences(of: "{per_quarter: 1}", with: "{yearly: {from: \"02-30\", to: \"03-01\"}}")),
        ("school window", agreement.replacingOccurrences(of: "{per_quarter: 1}", with: "{school_window: grade8}")),
        ("bool", agreement.replacingOccurrences(of: "duration: 2h", with: "all_day: maybe")),
        ("all-day duration", agreement.replacingOccurrences(of: "duration: 2h", with: "all_day: true, duration: 2h")),
        ("kind", agreement.replacingOccurrences(of: "duration: 2h", with: "duration: 2h, kind: council")),
        ("unknown person", agreement.replacingOccurrences(of: "chair: ordforer", with: "chair: mayor")),
        ("unknown venue", agreement.replacingOccurrences(of: "venue: radhuset", with: "venue: radhus")),
        ("attendee twice", agreement.replacingOccurrences(of: "chair: ordforer", with: "attendees: [ordforer, ordforer]")),
        ("partial attendance", agreement.replacingOccurrences(of: "chair: ordforer", with: "partial_attendance: [{who: ordforer, meetings: 40}]")),
        ("duplicate id", agreement.replacingOccurrences(of: "  - {id: ordforer, role: Ordfører}", with: "  - {id: ordforer, role: Ordfører}\n  - {id: ordforer, role: Vara}")),
        ("blackout period", agreement + "blackouts: [{from: 2027-06-04, to: 2027-06-01, reason: x}]\n"),
        ("blackout both", agreement + "blackouts: [{date: 2027-06-04, from: 2027-06-01, reason: x}]\n"),
        ("election year", agreement + "elections: {2026: 2026-09-14}\n"),
        ("summer break year", agreement + "school_calendar: {summer_breaks: {2027: {from: 2028-06-19, to: 2028-08-15}}}\n"),
        ("no series", agreement.replacingOccurrences(of: "series:\n  - {id: rad, title: Politiråd, rule: {per_quarter: 1}, venue: radhuset, duration: 2h, chair: ordforer}\n", with: "")),
        ("quarterly deadline", agreement + "quarterly_deadlines: [{id: rapport, title: Rapport}]\n"),
        ("municipality that ceased", agreement.replacingOccurrences(of: "municipality: Korpus\ncounty: akershus", with: "municipality: Leikanger\ncounty: vestland")),
    ]

    static func refusal(_ text: String) -> AgreementFileError? {
        do { _ = try AgreementFile.parse(text, fileName: "korpus.yaml"); return nil } catch { return error }
    }

    /// The forms every message must have in each language.
    static func checkWords(_ e: AgreementFileError, _ label: String) {
        #expect(e.words.bokmal.contains("; forventet "), "\(label): \(e.words.bokmal)")
        #expect(e.words.nynorsk.contains("; venta "), "\(label): \(e.words.nynorsk)")
        #expect(e.words.english.contains("; expected "), "\(label): \(e.words.english)")
        #expect(e.words.bokmal != e.words.english && e.words.nynorsk != e.words.english && e.words.bokmal != e.words.nynorsk, "\(label)")
        for text in [e.words.bokmal, e.words.nynorsk] {
            // libyaml's, Yams' and Foundation's own words never reach a Norwegian reader.
            for foreign in ["mapping values", "could not find", "did not find", "nest_level", "scalar", "NSCocoa", "Error Domain", "Did you mean",
                            " is not ", " expected ", "found "] {
                #expect(!text.contains(foreign), "\(label): '\(foreign)' in \(text)")
            }
        }
        #expect(e.message(.bokmal).hasPrefix(e.line > 0 ? "korpus.yaml:\(e.line):\(e.column): " : "korpus.yaml: "), "\(label)")
    }

    @Test func everyAgreementRefusalIsSaidInEachLanguage() throws {
        for (label, text) in Self.agreementCases {
            let e = try #require(Self.refusal(text), "\(label) was accepted")
            Self.checkWords(e, label)
            #expect(e.line > 0 || label == "file too large", "\(label) is not located: \(e)")
        }
    }

    @Test func theMessageIsInTheLanguageTheFileAsksFor() throws {
        let nynorsk = try #require(Self.refusal(Self.agreement.replacingOccurrences(of: "county: akershus", with: "county: akershuss\nlanguage: nn")))
        #expect(nynorsk.language == .nynorsk)
        #expect(nynorsk.message(asked: nil) == "korpus.yaml:3:9: " + nynorsk.words.nynorsk)
        #expect(nynorsk.message(asked: .english).contains("is not a Norwegian county"))
        // A refusal before the language line is read still knows it.
        let syntax = try #require(Self.refusal("language: en\n" + Self.agreement.replacingOccurrences(of: "title: Politiråd", with: "title: \"Politiråd")))
        #expect(syntax.message(asked: nil).contains("the quote (\") that starts here is never closed"))
        let plain = try #require(Self.refusal(Self.agreement.replacingOccurrences(of: "county: akershus", with: "county: akershuss")))
        #expect(plain.language == nil && plain.message(asked: nil).contains("er ikke et norsk fylke"))
    }

    static let member = "korpus.yaml"
    static func district(_ body: String) -> String { "district: d\nname: D\nmembers:\n" + body }

    static let districtCases: [(String, String)] = [
        ("member file refused", district("  - file: broken.yaml\n")),
        ("member without file or default", district("  - {}\n")),
        ("member twice", district("  - file: korpus.yaml\n  - file: korpus.yaml\n")),
        ("no members", "district: d\nname: D\nmembers: []\n"),
        ("default without county", district("  - default: {id: x, municipality: Nowhere}\n")),
        ("not a member", district("  - file: korpus.yaml\nshared_people:\n  - {id: p, role: R, as: {oslo: ordforer}}\n")),
        ("not a person of the member", district("  - file: korpus.yaml\nshared_people:\n  - {id: p, role: R, as: {korpus: mayor}}\n")),
        ("from and series", district("  - file: korpus.yaml\nmeetings:\n  - {from: korpus/rad, series: {id: s}, host: korpus}\n")),
        ("from form", district("  - file: korpus.yaml\nmeetings:\n  - {from: rad}\n")),
        ("no such series", district("  - file: korpus.yaml\nmeetings:\n  - {from: korpus/slt}\n")),
        ("neither member/person nor shared", district("  - file: korpus.yaml\nmeetings:\n  - {from: korpus/rad, attendees: [nobody]}\n")),
        ("between", district("  - file: korpus.yaml\ntravel_minutes: {pairs: [{between: [korpus], minutes: 5}]}\n")),
        ("travel minutes", district("  - file: korpus.yaml\ntravel_minutes: 601\n")),
        ("unknown key", district("  - file: korpus.yaml\nreise: 30\n")),
        ("empty district file", ""),
        ("not a district file", "just text\n"),
    ]

    @Test func everyDistrictRefusalIsSaidInEachLanguage() throws {
        for (label, text) in Self.districtCases {
            let e = try #require(throws: AgreementFileError.self, "\(label) was accepted") {
                try DistrictFile.parse(text, fileName: "korpus.yaml") { (path: String) throws(AgreementFileError) -> Agreement in
                    if path == "broken.yaml" { throw Self.refusal("id: Broken\n")! }
                    return try AgreementFile.parse(Self.agreement, fileName: path)
                }
            }
            Self.checkWords(e, label)
            #expect(e.line > 0, "\(label) is not located: \(e)")
        }
    }

    @Test func anUnreadableFileIsNamedInEachLanguage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aarshjul-lang-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.yaml")
        try Data(repeating: 0x61, count: AgreementLimits.maxFileBytes + 1).write(to: big)
        let binary = folder.appendingPathComponent("binary.yaml")
        try Data([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]).write(to: binary)
        for (path, nb) in [(folder.path, "dette er en mappe, ikke en fil; forventet en avtalefil (YAML)"),
                           ("/dev/null/x.yaml", "filen finnes ikke; forventet en avtalefil (YAML)"),
                           ("/dev/zero", "dette er ikke en vanlig fil"),
                           (big.path, "mer enn grensen på"),
                           (binary.path, "filen er ikke UTF-8-tekst; forventet en avtalefil (YAML)")] {
            let e = try #require(throws: AgreementFileError.self) { try AgreementFile.load(path: path) }
            #expect(e.message(.bokmal) == "\(path): " + e.words.bokmal && e.words.bokmal.contains(nb), "\(e.words.bokmal)")
            Self.checkWords(AgreementFileError(file: "korpus.yaml", line: 0, column: 0, words: e.words), path)
            let d = try #require(throws: AgreementFileError.self) { try DistrictFile.load(path: path) }
            #expect(d.words.nynorsk.contains("venta ei distriktsfil (YAML)"), "\(d.words.nynorsk)")
        }
    }
}
