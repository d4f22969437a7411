/// The regular weekday (and week of the month) a repaired series still
/// keeps. A repair does not choose a pattern (it keeps what was published,
/// see `UnitBias`), so without this a rescheduled plan.txt lost the weekday
/// from its summary ("tirsdager") though the meetings were still on it.
enum KeptPattern {
    /// The pattern most of the unit-year's meetings keep, when more than half
    /// keep it (one meeting moved off it by the repair does not undo it, as a
    /// fresh plan's departures do not); nil for a series that keeps no
    /// pattern (a single meeting a year, weekly on an agreed day), a
    /// per-school unit, or when no pattern holds most of the meetings.
    static func of(_ item: SpanRun.Placed, table: DayTable) -> RegularPattern? {
        guard item.unit.school == nil, item.placements.count > 1 else { return nil }
        let candidates = Candidates(unit: item.unit, table: table)
        guard let options = RegularPattern.candidates(for: item.unit, starts: candidates.starts) else { return nil }
        let dates = item.placements.map { table.date($0.day) }
        let monthly = options.first?.weekOfMonth != nil
        guard let common = RegularPattern.common(dates, monthly: monthly), options.contains(common) else { return nil }
        let keeping = dates.filter { common.cost($0) == (0, 0) }.count
        return keeping * 2 > dates.count ? common : nil
    }
}
