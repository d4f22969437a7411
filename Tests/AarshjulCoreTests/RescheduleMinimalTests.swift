import Testing
@testable import AarshjulCore

/// On small hand-built agreements the repair moves exactly as few events as
/// an exhaustive search finds possible, and among those shifts the fewest days.
@Suite struct RescheduleMinimalTests {
    typealias F = Fixture

    /// Three to four one-day (all-day) series sharing a person, each in a short
    /// window of March 2027, so every plan can be enumerated.
    func agreement(_ random: inout SeededRandom) -> Agreement {
        let count = 3 + random.next(2)
        let series = (0..<count).map { k -> MeetingSeries in
            let from = 1 + random.next(14)
            let window = MonthDayWindow(fromMonth: 3, fromDay: from, toMonth: 3, toDay: from + 4 + random.next(8))
            return F.series("s\(k)", .yearly(window: window), venue: nil, people: ["pk"], allDay: true)
        }
        return F.agreement(series)
    }

    /// (fewest moves, fewest shifted days among them) over every plan keeping the
    /// hard rules: a meeting day in its window, no two on one day (same person).
    func bruteForce(_ agreement: Agreement, previous: [CivilDate], blackouts: [Blackout]) -> (moves: Int, shift: Int)? {
        let calendar = MunicipalCalendar(agreement: agreement, years: 2027...2027, extraBlackouts: blackouts)
        let options = agreement.series.map { series -> [CivilDate] in
            guard case .yearly(let window?) = series.rule else { return [] }
            return window.range(in: 2027).filter { calendar.isMeetingDay($0) }
        }
        var best: (Int, Int)?
        func walk(_ k: Int, _ chosen: [CivilDate]) {
            if k == options.count {
                let moves = zip(chosen, previous).filter { $0 != $1 }.count
                let shift = zip(chosen, previous).map { abs($0 - $1) }.reduce(0, +)
                if best == nil || (moves, shift) < best! { best = (moves, shift) }
                return
            }
            for day in options[k] where !chosen.contains(day) { walk(k + 1, chosen + [day]) }
        }
        walk(0, [])
        return best.map { (moves: $0.0, shift: $0.1) }
    }

    @Test func movesEqualTheExhaustiveMinimum() throws {
        var random = SeededRandom(seed: 3)
        var compared = 0
        for _ in 0..<60 {
            let agreement = agreement(&random)
            guard let plan = try? Planner.plan(PlanRequest(agreement: agreement, years: 2027...2027)) else { continue }
            let previousDates = agreement.series.map { s in plan.events.first { $0.seriesID == s.id }!.date }
            var blackouts: [Blackout] = []
            for _ in 0..<(1 + random.next(4)) {
                let day = F.d(2027, 3, 1).adding(days: random.next(24))
                blackouts.append(Blackout(range: DateRange(day, day.adding(days: random.next(2))), reason: "Sperre"))
            }
            let expected = bruteForce(agreement, previous: previousDates, blackouts: blackouts)
            let request = RescheduleRequest(agreement: agreement, years: 2027...2027, previous: RescheduleTests.previous(plan),
                                            extraBlackouts: blackouts, stamp: RescheduleTests.stamp)
            guard let result = try? Rescheduler.reschedule(request) else {
                #expect(expected == nil, "the repair failed where a plan exists: \(blackouts.map(\.range))")
                continue
            }
            guard let expected else { Issue.record("a repair where none exists"); continue }
            let after = agreement.series.map { s in result.plan.events.first { $0.seriesID == s.id }!.date }
            let moves = zip(after, previousDates).filter { $0 != $1 }.count
            let shift = zip(after, previousDates).map { abs($0 - $1) }.reduce(0, +)
            #expect(moves == expected.moves, "\(blackouts.map(\.range))")
            #expect(shift == expected.shift, "\(blackouts.map(\.range))")
            #expect(result.changes(.moved).count == moves)
            compared += 1
        }
        #expect(compared > 30)
    }
}
