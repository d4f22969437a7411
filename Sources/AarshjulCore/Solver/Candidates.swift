/// The possible (day, start) pairs of one unit and their soft costs, computed
/// once per unit. A day's best start is the first free one in `starts`, which
/// is sorted by cost and then by time.
struct Candidates: Sendable {
    struct Start: Sendable {
        /// Minutes after midnight; -1 for an all-day item.
        let start: Int
        let end: Int
        /// preferred-weekday + agreed-weekday + preferred-time.
        let cost: Int
    }

    let unit: PlanUnit
    /// Indexed by weekday raw value − 1.
    let starts: [[Start]]
    let table: DayTable

    init(unit: PlanUnit, table: DayTable) {
        self.unit = unit
        self.table = table
        let series = unit.series
        starts = Weekday.allCases.map { day -> [Start] in
            guard let hours = SeriesWindows.hours(unit.venue, on: day) else { return [] }
            let dayCost = SoftCosts.weekday(series, day) + SoftCosts.agreedWeekday(series, day)
            if series.allDay { return [Start(start: -1, end: -1, cost: dayCost)] }
            let preferred = SoftCosts.preferredStart(series, opening: hours.start)
            let step = RuleCatalogue.startStepMinutes
            var list: [Start] = []
            var start = (hours.start.minutes + step - 1) / step * step
            while start + series.durationMinutes <= hours.end.minutes {
                let cost = dayCost + SoftCosts.time(start: TimeOfDay(minutes: start), preferred: preferred).points
                list.append(Start(start: start, end: start + series.durationMinutes, cost: cost))
                start += step
            }
            return list.sorted { ($0.cost, $0.start) < ($1.cost, $1.start) }
        }
    }

    static func weekdayIndex(dayNumber: Int) -> Int { ((dayNumber % 7) + 7 + 3) % 7 }

    /// Day-dependent cost: day-after-break and agenda-notice-early.
    func dayCost(_ i: Int) -> Int {
        var cost = SoftCosts.dayAfterBreak(table.afterBreak[i])
        if let notice = unit.series.agendaNoticeDays {
            let target = i - notice
            if table.contains(target), table.latestMeetingDay[target] >= 0 {
                cost += SoftCosts.agendaEarly(daysEarly: target - table.latestMeetingDay[target])
            }
        }
        return cost
    }

    /// True when the calendar lets the unit meet on day `i` at all.
    func dayAllowed(_ i: Int) -> Bool {
        guard table.contains(i), table.meetingDay[i] else { return false }
        if unit.schoolOnly && !table.schoolDay[i] { return false }
        return !starts[Candidates.weekdayIndex(dayNumber: table.base + i)].isEmpty
    }

    /// The cheapest free start on day `i` and the total node cost, or nil.
    func best(_ i: Int, _ occupancy: Occupancy) -> (start: Start, cost: Int)? {
        guard dayAllowed(i) else { return nil }
        let list = starts[Candidates.weekdayIndex(dayNumber: table.base + i)]
        for s in list where occupancy.isFree(day: i, start: s.start, end: s.end, people: unit.people) {
            return (s, s.cost + dayCost(i))
        }
        return nil
    }
}

/// Who is already busy when: (person, day, time span) of placed events.
struct Occupancy: Sendable {
    struct Busy: Sendable {
        let person: Int
        /// -1 for all-day.
        let start: Int
        let end: Int
    }

    private(set) var byDay: [Int: [Busy]] = [:]

    func isFree(day: Int, start: Int, end: Int, people: [Int]) -> Bool {
        guard let busy = byDay[day] else { return true }
        for b in busy where people.contains(b.person) {
            if start < 0 && b.start < 0 { return false }
            if start >= 0 && b.start >= 0 && start < b.end && b.start < end { return false }
        }
        return true
    }

    mutating func add(day: Int, start: Int, end: Int, people: [Int]) {
        for p in people { byDay[day, default: []].append(Busy(person: p, start: start, end: end)) }
    }
}
