import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import Foundation
import Testing

/// A district member's `busy_calendars` and `school_calendar.import` are
/// honoured and validated in the district plan as in the member's own plan.
@Suite(.serialized) struct DistrictImportsTests {
    /// A copy of Sogn whose Luster file (copied too) names `extra` lines.
    func sogn(_ extra: String, in dir: URL) throws -> String {
        let luster = try String(contentsOf: CLI.packageRoot.appendingPathComponent("calendars/luster.yaml"), encoding: .utf8)
        try (luster + "\n" + extra).write(to: dir.appendingPathComponent("luster.yaml"), atomically: true, encoding: .utf8)
        let sogn = try String(contentsOf: CLI.packageRoot.appendingPathComponent("calendars/districts/sogn.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "file: ../luster.yaml", with: "file: luster.yaml")
        let path = dir.appendingPathComponent("sogn.yaml").path
        try sogn.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func busyFile(_ days: [CivilDate], from: String, to: String) -> String {
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        for (k, day) in days.enumerated() {
            let d = day.iso.replacingOccurrences(of: "-", with: "")
            text += "BEGIN:VEVENT\r\nUID:busy-\(k)@test\r\nDTSTAMP:20260101T000000Z\r\n"
                + "DTSTART;TZID=Europe/Oslo:\(d)T\(from)\r\nDTEND;TZID=Europe/Oslo:\(d)T\(to)\r\nSUMMARY:Opptatt\r\nEND:VEVENT\r\n"
        }
        return text + "END:VCALENDAR\r\n"
    }

    @Test func theMayorsBusyDaysAreKeptFreeInTheDistrictPlan() throws {
        let district = try DistrictFile.load(path: CLI.packageRoot.appendingPathComponent("calendars/districts/sogn.yaml").path)
        let before = try DistrictPlanner.plan(district, years: 2027...2027)
        let luster = before.plans.first { $0.agreement.id == "luster" }!
        let mayorDays = Array(Set(luster.events.filter { $0.attendees.contains("ordforar") }.map(\.date))).sorted()
        #expect(mayorDays.count >= 5)

        let dir = try CLI.temporaryDirectory()
        try Self.busyFile(mayorDays, from: "090000", to: "150000")
            .write(to: dir.appendingPathComponent("ordforar.ics"), atomically: true, encoding: .utf8)
        let path = try sogn("busy_calendars:\n  ordforar: ordforar.ics\n", in: dir)
        let out = dir.appendingPathComponent("out")
        let result = try CLI.run(["plan", path, "--year", "2027", "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")

        let (agreement, imports) = try AgreementFile.loadWithImports(path: dir.appendingPathComponent("luster.yaml").path)
        var busy: [BusyInterval] = []
        for (person, file) in imports.busyCalendars {
            busy += try AgreementCalendarInputs.read(busyCalendars: [(person, file)], schoolCalendars: [],
                                                     horizon: .year(2027)).busy
        }
        let file = out.appendingPathComponent("luster/luster-2027.ics")
        let parsed = try ICalImporter.parse(try String(contentsOf: file, encoding: .utf8), fileName: file.path)
        let events = parsed.events.map { e -> AuditEvent in
            let series = agreement.series.first { $0.id == e.seriesID }
            let partial = Set(series?.partialAttendance.map(\.person) ?? [])
            return AuditEvent(uid: e.uid, seriesID: e.seriesID ?? "", schoolID: e.schoolID, date: e.start,
                              time: e.startTime.flatMap { s in e.endTime.map { TimeSpan(s, $0) } },
                              attendees: (series?.allPeople ?? []).filter { !partial.contains($0) })
        }
        let found = HardRuleAudit.violations(of: events, agreement: agreement, years: 2027...2027, busy: busy)
        #expect(!found.contains { $0.ruleID == RuleCatalogue.busyTime }, "\(found.map(\.explanation.bokmal))")
        // The control: the same audit on the plan made without the calendars finds every one of those days.
        let unaware = HardRuleAudit.violations(of: luster.events.map(AuditEvent.init(from:)),
                                               agreement: agreement, years: 2027...2027, busy: busy)
        #expect(unaware.filter { $0.ruleID == RuleCatalogue.busyTime }.count >= mayorDays.count)
    }

    @Test func aMissingSkoleruteInAMembersFileFailsTheDistrict() throws {
        let dir = try CLI.temporaryDirectory()
        let path = try sogn("", in: dir)
        // Luster's file already has school_calendar: add the import under it.
        let lusterPath = dir.appendingPathComponent("luster.yaml")
        let text = try String(contentsOf: lusterPath, encoding: .utf8)
            .replacingOccurrences(of: "school_calendar:\n", with: "school_calendar:\n  import: skolerute-mangler.ics\n")
        try text.write(to: lusterPath, atomically: true, encoding: .utf8)
        let result = try CLI.run(["plan", path, "--year", "2027"])
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.contains("skolerute-mangler.ics"), "\(result.stderr)")
        // Located at the member file's line that names it, in the run's language.
        #expect(result.stderr.contains("luster.yaml:") && result.stderr.contains(": skoleruten '") && result.stderr.contains("kan ikke leses: filen finnes ikke"),
                "\(result.stderr)")
    }
}
