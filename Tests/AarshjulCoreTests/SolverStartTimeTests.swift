import Testing
@testable import AarshjulCore

/// Start times: on the half hour, and the opening itself when it is off the grid.
@Suite struct SolverStartTimeTests {
    typealias F = Fixture

    @Test func aMeetingThatFitsTheOpeningHoursExactlyIsPlannedAtOpening() throws {
        let venue = F.venue("hall", from: TimeOfDay(hour: 8, minute: 45)!, to: TimeOfDay(hour: 10, minute: 15)!)
        let plan = try Planner.plan(PlanRequest(agreement: F.agreement([F.series("rad", .perQuarter(count: 1), minutes: 90)],
                                                                       venues: [venue]), years: 2027...2027))
        #expect(plan.events.count == 4)
        #expect(plan.events.allSatisfy { $0.time == TimeSpan(TimeOfDay(hour: 8, minute: 45)!, TimeOfDay(hour: 10, minute: 15)!) })
        #expect(HardRuleAudit.violations(of: plan.events.map(AuditEvent.init(from:)), agreement: plan.agreement,
                                         years: 2027...2027).isEmpty)
    }

    @Test func onTheGridOpeningsStillUseHalfHours() throws {
        let plan = try Planner.plan(PlanRequest(agreement: F.agreement([F.series("rad", .perQuarter(count: 1),
                                                                                 prefs: SeriesPreferences(startTime: F.t(10)))]),
                                                years: 2027...2027))
        #expect(plan.events.allSatisfy { $0.time?.start == F.t(10) })
    }
}
