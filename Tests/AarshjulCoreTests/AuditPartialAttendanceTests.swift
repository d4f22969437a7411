import Testing
@testable import AarshjulCore

/// "BUP attends 4 of the 12 family-forum meetings": held and broken.
@Suite struct AuditPartialAttendanceTests {
    typealias F = Fixture

    static var agreement: Agreement {
        var forum = F.series("forum", .monthly(skipMonths: []), people: ["nurse", "slt"])
        forum.partialAttendance = [PartialAttendance(person: "bup", count: 4)]
        return F.agreement([forum])
    }

    /// The planner's own plan: BUP at exactly four meetings.
    static func planned() throws -> [AuditEvent] {
        try Planner.plan(PlanRequest(agreement: agreement, years: 2027...2027)).events.map(AuditEvent.init(from:))
    }

    @Test func fourOfTwelveKeepsTheRule() throws {
        let events = try Self.planned()
        #expect(events.filter { $0.attendees.contains("bup") }.count == 4)
        #expect(HardRuleAudit.violations(of: events, agreement: Self.agreement, years: 2027...2027).isEmpty)
    }

    @Test func bupAtEveryMeetingIsReported() throws {
        let everywhere = try Self.planned().map { event in
            var e = event
            if !e.attendees.contains("bup") { e.attendees.append("bup") }
            return e
        }
        let found = HardRuleAudit.violations(of: everywhere, agreement: Self.agreement, years: 2027...2027)
        #expect(found.contains { $0.ruleID == RuleCatalogue.frequency && $0.explanation.english.contains("should attend 4 of the meetings but attends 12") })
    }

    @Test func eventsThatSayNothingOfBupAreNotJudged() throws {
        let silent = try Self.planned().map { event in
            var e = event
            e.attendees.removeAll { $0 == "bup" }
            return e
        }
        #expect(HardRuleAudit.violations(of: silent, agreement: Self.agreement, years: 2027...2027).isEmpty)
    }
}
