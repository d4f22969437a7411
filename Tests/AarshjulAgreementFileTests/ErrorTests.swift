import AarshjulAgreementFile
import AarshjulCore
import Testing

/// The error `text` gives, read as lillestrom.yaml.
func failure(_ text: String) -> AgreementFileError? {
    do {
        _ = try AgreementFile.parse(text, fileName: "lillestrom.yaml")
        return nil
    } catch {
        return error
    }
}

let header = """
id: lillestrom
municipality: Lillestrøm
county: akershus
people:
  - {id: slt, role: SLT-koordinator}
series:

"""

@Suite struct Errors {
    @Test func syntaxErrorHasLineAndColumn() throws {
        let e = try #require(failure("id: x\nmunicipality: X\n  county: oslo\n"))
        #expect(e.file == "lillestrom.yaml")
        #expect(e.line == 3 && e.column == 9)
        #expect(e.message.contains("starts a second value"))
        #expect(e.message.contains("; expected the same indentation as the keys around it"))
        #expect(!e.message.contains("mapping values"), "libyaml's own words: \(e.message)")
        #expect(e.message(.bokmal).hasPrefix("lillestrom.yaml:3:9: et ': ' her begynner en ny verdi"))
        #expect(e.description.hasPrefix("lillestrom.yaml:3:9: "))
    }

    @Test func duplicateKeyIsNamed() throws {
        let e = try #require(failure("id: x\nid: y\n"))
        #expect(e.line == 1 && e.column == 1)
        #expect(e.message.contains("'id' appears more than once"))
    }

    @Test func unknownKeySuggestsTheClosest() throws {
        let e = try #require(failure(header + "  - id: s\n    title: S\n    rule: {per_year: 1}\n    atendees: [slt]\n"))
        #expect(e.line == 10 && e.column == 5)
        #expect(e.message.contains("unknown key 'atendees' in a series"))
        #expect(e.message.contains("(did you mean 'attendees'?)"))
        #expect(e.message.contains("; expected one of the keys id, title"))
        #expect(e.message(.bokmal).contains("ukjent nøkkel 'atendees' i en serie (mente du 'attendees'?); forventet en av nøklene id, title"))
        #expect(e.message(.nynorsk).contains("ukjend nykel 'atendees' i ein serie (meinte du 'attendees'?); venta ein av nyklane id, title"))
    }

    @Test func wrongWeekday() throws {
        let e = try #require(failure(header + "  - {id: s, title: S, rule: {weekly: onsdgs}}\n"))
        #expect(e.line == 7 && e.column == 38)
        #expect(e.message.contains("'onsdgs' is not a weekday"))
        #expect(e.message.contains("mon, tue"))
        #expect(e.message.contains("mandag"))
    }

    @Test func impossibleDate() throws {
        let e = try #require(failure(header + "  - {id: s, title: S, rule: {per_year: 1}}\nblackouts:\n  - {date: 2027-02-30, reason: x}\n"))
        #expect(e.line == 9 && e.column == 12)
        #expect(e.message == "2027-02-30 is not a date: February 2027 has 28 days; expected a day from 1 to 28")
        #expect(e.words.bokmal == "2027-02-30 er ikke en dato: februar 2027 har 28 dager; forventet en dag fra 1 til 28")
        #expect(e.words.nynorsk == "2027-02-30 er ikkje ein dato: februar 2027 har 28 dagar; venta ein dag frå 1 til 28")
    }

    @Test func backwardsTimeRangeInOfficeHours() throws {
        let e = try #require(failure(header + "  - {id: s, title: S, rule: {per_year: 1}}\nvenues:\n  - id: v\n    name: V\n    office_hours: {mon-fri: \"15:00-09:00\"}\n"))
        #expect(e.line == 11 && e.column == 29)
        #expect(e.message.contains("'15:00-09:00' ends before it starts"))
    }

    @Test func badTimeInRange() throws {
        let e = try #require(failure(header + "  - {id: s, title: S, rule: {per_year: 1}}\nvenues:\n  - {id: v, name: V, office_hours: {mon: \"09:00-25:00\"}}\n"))
        #expect(e.line == 9 && e.column == 42)
        #expect(e.message.contains("25:00 is not a time of day"))
    }

    @Test func unknownPersonReference() throws {
        let e = try #require(failure(header + "  - id: s\n    title: S\n    rule: {per_year: 1}\n    attendees: [slt, politikontakt]\n"))
        #expect(e.line == 10 && e.column == 22)
        #expect(e.message.contains("'politikontakt' (an attendee of series 's') is not listed under 'people:'"))
        #expect(e.message.contains("; expected one of those listed there: slt"))
    }

    @Test func unknownVenueSuggestsSpelling() throws {
        let e = try #require(failure(header + "  - {id: s, title: S, rule: {per_year: 1}, venue: radhust}\nvenues:\n  - {id: radhus, name: R, office_hours: {mon: \"09:00-15:00\"}}\n"))
        #expect(e.line == 7 && e.column == 51)
        #expect(e.message.contains("(did you mean 'radhus'?)"))
    }

    @Test func missingRequiredKey() throws {
        let e = try #require(failure(header + "  - id: s\n    title: S\n"))
        #expect(e.line == 7 && e.column == 5)
        #expect(e.message.contains("a series is missing the key 'rule'; expected rule:"))
    }

    @Test func missingCountyAtTopLevel() throws {
        let e = try #require(failure("id: x\nmunicipality: X\nseries: []\n"))
        #expect(e.line == 1 && e.column == 1)
        #expect(e.message.contains("missing the key 'county'"))
    }

    @Test func unknownCountySuggests() throws {
        let e = try #require(failure("id: x\nmunicipality: X\ncounty: vestlnad\n"))
        #expect(e.line == 3 && e.column == 9)
        #expect(e.message.contains("(did you mean 'vestland'?)"))
    }

    @Test func valueParsingErrors() throws {
        func message(_ rule: String, extra: String = "") throws -> String {
            try #require(failure(header + "  - {id: s, title: S, rule: \(rule)\(extra)}\n")).message
        }
        #expect(try message("{every_weeks: \"8-6\"}").contains("runs backwards"))
        #expect(try message("{per_year: 1}", extra: ", duration: 90").contains("'90' has no unit"))
        #expect(try message("{per_year: 1, skip_months: [7]}").contains("'skip_months' does not belong in a per_year rule"))
        #expect(try message("{per_year: 1, monthly: true}").contains("both 'per_year' and 'monthly'"))
        #expect(try message("{school_window: grade8}").contains("(did you mean 'grade7'?)"))
        #expect(try message("{yearly: {from: \"02-30\", to: \"03-01\"}}").contains("February has no day 30"))
        #expect(try message("{per_year: 1}", extra: ", time: \"9\"").contains("'9' is not a time of day"))
        let badID = try #require(failure(header + "  - {id: Politiråd, title: S, rule: {per_year: 1}}\n"))
        #expect(badID.message.contains("'Politiråd' is not a valid id"))
        #expect(badID.line == 7 && badID.column == 10)
    }

    @Test func electionsMustFallInElectionYears() throws {
        let e = try #require(failure(header + "  - {id: s, title: S, rule: {per_year: 1}}\nelections: {2026: 2026-09-14}\n"))
        #expect(e.line == 8 && e.column == 13)
        #expect(e.message.contains("there is no election in 2026; expected an election year"))
    }

    @Test func loadReportsUnreadableFile() {
        #expect(throws: AgreementFileError.self) { try AgreementFile.load(path: "/nonexistent/x.yaml") }
    }
}
