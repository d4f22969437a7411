import Testing
@testable import AarshjulCore

/// A chain over several years where the year-by-year choice of December's
/// meeting would strand January: the span is planned as one chain instead.
@Suite struct SolverChainSpanTests {
    typealias F = Fixture

    @Test func aClosedJanuaryIsBridgedByPlanningTheChainOverBothYears() throws {
        let closed = Blackout(range: DateRange(F.d(2028, 1, 3), F.d(2028, 1, 31)), reason: "Stengt i januar")
        let agreement = F.agreement([F.series("slt", .everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: nil))], blackouts: [closed])
        // Each year alone plans; 2027–2028 together must too.
        let plan = try Planner.plan(PlanRequest(agreement: agreement, years: 2027...2028))
        let dates = plan.events.map(\.date)
        #expect(!dates.isEmpty)
        for (a, b) in zip(dates, dates.dropFirst()) { #expect((42...56).contains(b - a), "\(a) → \(b)") }
        #expect(!dates.contains { closed.range.contains($0) })
        #expect(HardRuleAudit.violations(of: plan.events.map(AuditEvent.init(from:)), agreement: agreement,
                                         years: 2027...2028).isEmpty)
    }
}
