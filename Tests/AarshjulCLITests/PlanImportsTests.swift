import Foundation
import Testing

/// `plan` honours the busy calendars an agreement file names, not only `reschedule`.
@Suite struct PlanImportsTests {
    static let agreement = """
        id: busytest
        municipality: Prøve
        county: oslo
        revised: 2026-06-01
        people:
          - {id: ordforer, name: Ordfører, role: Ordfører}
        venues:
          - id: hall
            name: Rådhuset
            office_hours: {mon-fri: "08:00-16:00"}
        series:
          - id: rad
            title: Politirådsmøte
            kind: politirad
            venue: hall
            rule: {per_quarter: 1}
            chair: ordforer

        """

    func firstMeeting(_ dir: URL) throws -> String {
        let result = try CLI.run(["plan", dir.appendingPathComponent("a.yaml").path, "--year", "2027", "--out",
                                  dir.appendingPathComponent("out").path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let ics = try String(contentsOf: dir.appendingPathComponent("out/busytest-2027.ics"), encoding: .utf8)
        let line = try #require(ics.split(separator: "\r\n").first { $0.hasPrefix("DTSTART;TZID=Europe/Oslo:") })
        return String(line.suffix(15).prefix(8))  // YYYYMMDD
    }

    @Test func busyCalendarInTheAgreementMovesTheMeetingAndOutputStaysDeterministic() throws {
        let dir = try CLI.temporaryDirectory()
        try Self.agreement.write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let free = try firstMeeting(dir)

        // The mayor is away all day on exactly that day.
        let busy = """
            BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:away@test\r\nDTSTAMP:20260101T000000Z\r
            DTSTART;VALUE=DATE:\(free)\r\nSUMMARY:Borte\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
            """
        try busy.write(to: dir.appendingPathComponent("ordforer.ics"), atomically: true, encoding: .utf8)
        try (Self.agreement + "busy_calendars:\n  ordforer: ordforer.ics\n")
            .write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let moved = try firstMeeting(dir)
        #expect(moved != free, "the meeting stayed on the day the mayor is away (\(free))")
        let first = try Data(contentsOf: dir.appendingPathComponent("out/busytest-2027.ics"))
        _ = try firstMeeting(dir)
        #expect(try Data(contentsOf: dir.appendingPathComponent("out/busytest-2027.ics")) == first)
        #expect(String(decoding: first, as: UTF8.self).contains("DTSTAMP:20260601T000000Z"))
    }
}
