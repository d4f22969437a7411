/// The extra node costs that turn the exact per-unit solver into a repair:
/// lexicographically, keep hard rules (the solver's own constraints), then
/// move the fewest events, then shift them the fewest days, then preferences.
/// The weights are far enough apart that no sum of a lower level can
/// outweigh one step of a higher one in a municipality-year.
struct UnitBias: Sendable {
    /// One moved (or added) event: more than any total of shifts and preferences.
    static let move = 1_000_000_000_000
    /// One day of shift: more than any year's total of soft penalties.
    static let shiftPerDay = 1_000_000

    /// Slot or week position → the published placement it continues (nil: a new event).
    let previous: [SeriesSolver.Placement?]
    /// Slot or week position → the only day it may take.
    let pinned: [Int: Int]
    /// Chains: every published placement of the year, by day.
    let chainPrevious: [SeriesSolver.Placement]
    /// Chains: days the chain must keep.
    let chainPinned: [Int]
    /// People's busy time from their own calendars.
    let busy: Occupancy

    /// The cheapest free start on day `i` for `position` (nil: a chain) and
    /// its cost including the change terms; nil when the day is not possible.
    func best(_ i: Int, position: Int?, candidates: Candidates, occupancy: Occupancy) -> (start: Candidates.Start, cost: Int)? {
        guard candidates.dayAllowed(i) else { return nil }
        if let position, let pin = pinned[position], pin != i { return nil }
        let people = candidates.unit.people
        let list = candidates.starts[Candidates.weekdayIndex(dayNumber: candidates.table.base + i)]
        func free(_ s: Candidates.Start) -> Bool {
            occupancy.isFree(day: i, start: s.start, end: s.end, people: people)
                && busy.isFree(day: i, start: s.start, end: s.end, people: people)
        }
        let dayCost = candidates.dayCost(i)
        let reference: SeriesSolver.Placement?
        if let position {
            reference = position < previous.count ? previous[position] : nil
        } else {
            reference = chainPrevious.first { $0.day == i }
        }
        if let reference, reference.day == i, let same = list.first(where: { $0.start == reference.start && free($0) }) {
            // Kept: free for slots and weeks, a reward for chains (a chain may
            // change its count, so every kept meeting must count for it).
            return (same, same.cost + dayCost + (position == nil ? -Self.move : 0))
        }
        guard let first = list.first(where: free) else { return nil }
        let shift: Int
        if let position {
            shift = (position < previous.count ? previous[position] : nil).map { abs($0.day - i) } ?? 0
        } else {
            shift = chainPrevious.map { abs($0.day - i) }.min() ?? 0
        }
        return (first, first.cost + dayCost + Self.move + shift * Self.shiftPerDay)
    }

    /// Pinned chain days inside `from...to`, sorted.
    func requiredChainDays(from: Int, to: Int) -> [Int] {
        chainPinned.filter { $0 >= from && $0 <= to }.sorted()
    }
}
