import Testing
@testable import AarshjulCore

/// A chain over several years against exhaustive search: on small spans
/// (a Wednesday-only venue, random closed Wednesdays) every sequence of
/// meeting days that keeps the 6–8-week rule is enumerated. The planner must
/// find a plan exactly when one exists, at the cheapest cost there is.
@Suite struct SolverSpanExhaustiveTests {
    typealias F = Fixture

    /// Every valid chain's cost (spacing: days off 49 per gap; in 2027–2028
    /// no Wednesday follows a holiday, so no other rule costs anything): the
    /// minimum, or nil when no chain exists. Plain depth-first enumeration.
    static func exhaustive(days: [CivilDate], first: CivilDate, last: CivilDate, previous: CivilDate?) -> Int? {
        var best: Int?
        func extend(_ k: Int, _ cost: Int) {
            if last - days[k] < 56 { best = min(best ?? .max, cost) }
            for j in (k + 1)..<days.count {
                let gap = days[j] - days[k]
                if gap > 56 { break }
                if gap >= 42 { extend(j, cost + abs(gap - 49)) }
            }
        }
        for (k, day) in days.enumerated() {
            if let previous {
                let gap = day - previous
                if gap >= 42 && gap <= 56 { extend(k, abs(gap - 49)) }
            } else if day - first < 56 {
                extend(k, 0)
            }
        }
        return best
    }

    @Test(arguments: 0..<24)
    func plannerFindsAPlanExactlyWhenOneExistsAndTheCheapest(_ seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let years = 2027...2028
        // Close about half of the Wednesdays, in runs, as a busy council year would.
        var blackouts: [Blackout] = []
        var day = F.d(2027, 1, 6)
        while day.year <= 2028 {
            if random.next(below: 100) < 45 + seed {
                let weeks = 1 + random.next(below: 3)
                blackouts.append(Blackout(range: DateRange(day, day.adding(days: 7 * weeks - 5)), reason: "Stengt"))
                day = day.adding(days: 7 * weeks)
            } else {
                day = day.adding(days: 7)
            }
        }
        let previous: CivilDate? = seed % 3 == 0 ? F.d(2026, 11, 25) : nil
        let agreement = F.agreement([F.series("slt", .everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: previous))],
                                    venues: [F.venue("hall", [.wednesday])], blackouts: blackouts)
        let calendar = MunicipalCalendar(agreement: agreement, years: years)
        let open = DateRange(F.d(2027, 1, 1), F.d(2028, 12, 31)).filter { $0.weekday == .wednesday && calendar.isMeetingDay($0) }
        let expected = Self.exhaustive(days: open, first: F.d(2027, 1, 1), last: F.d(2028, 12, 31), previous: previous)
        let outcome = Result { () throws(PlanningError) -> Plan in try Planner.plan(PlanRequest(agreement: agreement, years: years)) }
        switch outcome {
        case .success(let plan):
            #expect(expected != nil, "the planner found a plan the search says cannot exist")
            #expect(plan.cost.total == expected, "cost \(plan.cost.total), exhaustive \(String(describing: expected))")
            #expect(HardRuleAudit.violations(of: plan.events.map(AuditEvent.init(from:)), agreement: agreement, years: years).isEmpty)
            #expect(plan.cost.lowerBound == plan.cost.total)
        case .failure(let error):
            guard case .infeasible = error else { Issue.record("\(error)"); return }
            #expect(expected == nil, "no plan, but exhaustive search finds one costing \(expected ?? -1)")
        }
    }
}
