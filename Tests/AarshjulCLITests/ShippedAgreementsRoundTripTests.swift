import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import Testing

/// Every shipped agreement planned for 2027–2030, written as iCalendar,
/// read back through libical and audited against every hard rule — what a
/// subscriber's calendar would hold, not what the planner meant to write.
@Suite struct ShippedAgreementsRoundTripTests {
    static let municipalities = ["luster", "flakstad", "stjordal", "lillestrom", "oyer"]
    static let years = 2027...2030

    @Test(arguments: municipalities)
    func parsedFeedKeepsEveryHardRule(name: String) throws {
        let agreement = try AgreementFile.load(path: CLI.packageRoot.appendingPathComponent("calendars/\(name).yaml").path)
        let plan = try Planner.plan(PlanRequest(agreement: agreement, years: Self.years))
        let files = try ICalExporter.files(for: plan, options: ICalExportOptions(language: plan.language))
        let whole = try #require(files.first { $0.name == "\(name)-2027-2030.ics" }, "no municipality feed in \(files.map(\.name))")
        let parsed = try ICalImporter.parse(whole.contents, fileName: whole.name)
        #expect(parsed.findings.isEmpty, "libical found problems: \(parsed.findings)")
        #expect(parsed.events.count == plan.events.count)
        #expect(parsed.todos.count == plan.deadlines.count)

        // Who attends comes from the full feed's X-AARSHJUL-PEOPLE (people are named
        // by role, without e-mail addresses, so there are no ATTENDEE lines to read).
        let audited = try parsed.events.map { event -> AuditEvent in
            let seriesID = try #require(event.seriesID, "\(event.uid) has no X-AARSHJUL-SERIES")
            let people = try #require(event.personIDs, "\(event.uid) has no X-AARSHJUL-PEOPLE")
            let time = event.startTime.flatMap { start in event.endTime.map { TimeSpan(start, $0) } }
            return AuditEvent(uid: event.uid, seriesID: seriesID, schoolID: event.schoolID, date: event.start,
                              time: event.isAllDay ? nil : time, attendees: people)
        }
        let violations = HardRuleAudit.violations(of: audited, agreement: agreement, years: Self.years)
        #expect(violations.isEmpty, "\(violations.map { $0.explanation.english })")

        // The BUP-style partial attendance survived the round trip (Luster: BUP at 4 familieforum meetings).
        for series in agreement.series {
            for partial in series.partialAttendance {
                let attended = audited.filter { $0.seriesID == series.id && $0.attendees.contains(partial.person) }
                #expect(attended.count == partial.count * Self.years.count, "\(partial.person) in \(series.id)")
            }
        }

        // Times came back as Europe/Oslo wall time, not shifted by the UTC offset.
        for (event, planned) in zip(parsed.events.sorted { $0.uid < $1.uid }, plan.events.sorted { $0.uid < $1.uid }) {
            #expect(event.uid == planned.uid)
            #expect(event.start == planned.date)
            #expect(event.startTime == planned.time?.start)
        }
    }

    @Test func auditOfTheParsedFeedCatchesAMeetingMovedOntoAHoliday() throws {
        let agreement = try AgreementFile.load(path: CLI.packageRoot.appendingPathComponent("calendars/stjordal.yaml").path)
        let plan = try Planner.plan(PlanRequest(agreement: agreement, years: 2027...2027))
        var moved = plan
        moved.events[0].date = CivilDate(year: 2027, month: 5, day: 17)!  // Grunnlovsdag and 2. pinsedag
        let files = try ICalExporter.files(for: moved, options: ICalExportOptions(language: .bokmal))
        let whole = try #require(files.first { $0.name == "stjordal-2027.ics" })
        let parsed = try ICalImporter.parse(whole.contents, fileName: whole.name)
        let audited = parsed.events.map { event in
            AuditEvent(uid: event.uid, seriesID: event.seriesID ?? "", date: event.start,
                       time: event.startTime.flatMap { s in event.endTime.map { TimeSpan(s, $0) } }, attendees: [])
        }
        let violations = HardRuleAudit.violations(of: audited, agreement: agreement, years: 2027...2027)
        #expect(violations.contains { $0.ruleID == RuleCatalogue.noPublicHoliday && $0.uid == plan.events[0].uid })
    }
}
