import Testing
@testable import AarshjulCore

/// What a coordinator reads when a quarter cannot hold its meetings.
@Suite struct SolverClashWordingTests {
    typealias F = Fixture

    @Test func oneFreeDayIsSaidInTheSingularAndHolidaysReadMidSentence() {
        // Tuesdays only; 1 April–28 June closed: only Tuesday 29 June is left in Q2.
        let agreement = F.agreement([F.series("rad", .perQuarter(count: 2))], venues: [F.venue("hall", [.tuesday])],
                                    blackouts: [Blackout(range: DateRange(F.d(2027, 4, 1), F.d(2027, 6, 28)), reason: "Ombygging")])
        #expect {
            try Planner.plan(PlanRequest(agreement: agreement, years: 2027...2027))
        } throws: { error in
            guard let error = error as? PlanningError else { return false }
            let nb = error.message(.bokmal), en = error.message(.english)
            return nb.contains("trenger 2 møter i 2. kvartal 2027") && nb.contains("men bare 1 dag er ledig:")
                && nb.contains("Ombygging") && nb.contains("Kristi himmelfartsdag") && nb.contains("2. pinsedag")
                && en.contains("but only 1 day is free")
        }
    }
}
