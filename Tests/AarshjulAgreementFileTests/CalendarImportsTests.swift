import AarshjulAgreementFile
import AarshjulCore
import Testing

@Suite struct CalendarImportsTests {
    static let base = """
        id: test
        municipality: Testvik
        county: oslo
        people:
          - {id: ordforer, role: Ordfører}
        series:
          - id: rad
            title: Politiråd
            kind: politirad
            rule: {per_quarter: 1}
            called_by: ordforer

        """

    @Test func busyCalendarsAndSkoleruteResolveAgainstTheFile() throws {
        let text = Self.base + """
            busy_calendars:
              ordforer: kalender/ordforer.ics
            school_calendar:
              winter_break_week: 8
              import: skolerute.ics

            """
        let imports = try AgreementFile.imports(text, fileName: "calendars/test.yaml", folder: "calendars", people: ["ordforer"])
        #expect(imports.busyCalendars.map(\.person) == ["ordforer"])
        #expect(imports.busyCalendars.map(\.path) == ["calendars/kalender/ordforer.ics"])
        #expect(imports.schoolCalendars == ["calendars/skolerute.ics"])
        // The plain reader accepts the keys and leaves the model as it was.
        let agreement = try AgreementFile.parse(text, fileName: "test.yaml")
        #expect(agreement.schoolCalendar.winterBreakWeek == 8)
    }

    @Test func unknownPersonIsNamedWithLine() throws {
        let text = Self.base + "busy_calendars:\n  ordfører: x.ics\n"
        #expect {
            try AgreementFile.imports(text, fileName: "test.yaml", folder: "", people: ["ordforer"])
        } throws: { error in
            "\(error)".contains("test.yaml:13:3") && "\(error)".contains("(did you mean 'ordforer'?)")
        }
    }
}
