import Testing
@testable import AarshjulCore

/// The chain's shortest path over plain day numbers (`chainPath`, all of
/// plain planning) gives exactly what the general programme gives (which
/// also handles pinned days and school summers): the same days, times and
/// cost, around occupancies of every density, with and without a meeting
/// before the span.
@Suite struct SolverChainPathTests {
    @Test(arguments: 0..<12)
    func theFastChainPathFindsTheGeneralProgrammesChain(_ seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let years = 2027...2029
        let agreement = NationalPattern.agreement(id: "a", municipality: "A", county: .innlandet)
        let table = DayTable(calendar: MunicipalCalendar(agreement: agreement, years: years))
        let index = ["ordforer": 0, "slt_koordinator": 1, "politikontakt": 2, "lensmann": 3]
        let chain = Planner.units(agreement, years: years, school: table.calendar.school, personIndex: index)[2][0]
        guard case .chain(let minDays, let maxDays) = chain.shape else {
            Issue.record("the SLT series is not a chain")
            return
        }
        let solver = SeriesSolver(candidates: Candidates(unit: chain, table: table))
        let from = table.index(.firstOfYear(years.lowerBound)), to = table.index(.lastOfYear(years.upperBound))
        // The contact or the coordinator busy on some days, all day or for an hour, more with each seed.
        var occupancy = Occupancy()
        for i in from...to where random.next(below: 12) < seed / 2 {
            let person = random.next(below: 2) + 1
            if random.next(below: 3) == 0 {
                occupancy.add(day: i, start: -1, end: -1, people: [person])
            } else {
                let start = 8 * 60 + 30 * random.next(below: 14)
                occupancy.add(day: i, start: start, end: start + 60, people: [person])
            }
        }
        for previous in [nil, from - 40, from - 50] as [Int?] {
            let fast = solver.solveChain(from: from, to: to, minDays: minDays, maxDays: maxDays, previousLast: previous, occupancy)
            let general = solver.solveChain(from: from, to: to, minDays: minDays, maxDays: maxDays, previousLast: previous, occupancy,
                                            general: true)
            switch (fast, general) {
            case (.solved(let a), .solved(let b)):
                #expect(a.cost == b.cost, "seed \(seed), previous \(String(describing: previous))")
                #expect(a.placements == b.placements, "seed \(seed), previous \(String(describing: previous))")
                #expect(a.placements.count > 10)
            case (.failed, .failed): break
            default: Issue.record("seed \(seed), previous \(String(describing: previous)): one path found a chain, the other none")
            }
        }
    }
}
