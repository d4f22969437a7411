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
    /// The regular pattern being tried; nil: none.
    var pattern: RegularPattern?
    /// `Occupancy.mask` of the unit's people, worked out once (every free-time check reads it).
    let peopleMask: UInt64

    init(unit: PlanUnit, table: DayTable) {
        self.unit = unit
        self.table = table
        peopleMask = Occupancy.mask(unit.people)
        let series = unit.series
        starts = Weekday.allCases.map { day -> [Start] in
            guard let hours = SeriesWindows.hours(series, venue: unit.venue, on: day) else { return [] }
            let dayCost = SoftCosts.weekday(series, day) + SoftCosts.agreedWeekday(series, day)
            if series.allDay { return [Start(start: -1, end: -1, cost: dayCost)] }
            let preferred = SoftCosts.preferredStart(series, opening: hours.start)
            let step = RuleCatalogue.startStepMinutes
            var list: [Start] = []
            // Starts on the half hour, plus the opening itself when it is off
            // the grid (08:45–10:15 fits a 90-minute meeting only at 08:45).
            var starts = [hours.start.minutes]
            var grid = (hours.start.minutes + step - 1) / step * step
            while grid <= hours.end.minutes {
                if grid != hours.start.minutes { starts.append(grid) }
                grid += step
            }
            // `stated-time`: a time the agreement states is the only start (or the window the meeting lies in).
            for start in starts where start + series.durationMinutes <= hours.end.minutes
                && series.statedTime.map({ $0.allows(start: TimeOfDay(minutes: start),
                                                      end: TimeOfDay(minutes: start + series.durationMinutes)) }) ?? true {
                let cost = dayCost + SoftCosts.time(start: TimeOfDay(minutes: start), preferred: preferred).points
                list.append(Start(start: start, end: start + series.durationMinutes, cost: cost))
            }
            return list.sorted { ($0.cost, $0.start) < ($1.cost, $1.start) }
        }
    }

    static func weekdayIndex(dayNumber: Int) -> Int { ((dayNumber % 7) + 7 + 3) % 7 }

    /// Day-dependent cost: day-after-break, agenda-notice-early and the regular pattern.
    func dayCost(_ i: Int) -> Int {
        var cost = SoftCosts.dayAfterBreak(table.afterBreak[i]) + patternCost(i)
        if let notice = unit.series.agendaNoticeDays {
            let target = i - notice
            if table.contains(target), table.latestMeetingDay[target] >= 0 {
                cost += SoftCosts.agendaEarly(daysEarly: target - table.latestMeetingDay[target])
            }
        }
        return cost
    }

    /// The regular pattern's part of `dayCost` (0 without a pattern). It does
    /// not depend on the start, so a day's best start is the same with or
    /// without a pattern.
    func patternCost(_ i: Int) -> Int { patternCost(i, pattern) }

    /// The same for `pattern` instead of the candidates' own.
    func patternCost(_ i: Int, _ pattern: RegularPattern?) -> Int {
        guard let pattern else { return 0 }
        // From the table's arrays: no date arithmetic in the solver's innermost loop.
        let regular = pattern.cost(weekday: Candidates.weekdayIndex(dayNumber: table.base + i) + 1, dayOfMonth: Int(table.dayOfMonth[i]))
        return regular.weekday + regular.week
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
        // Nobody of the unit's has anything that day (most days): the cheapest start is free.
        if occupancy.clear(day: i, mask: peopleMask), let first = list.first { return (first, first.cost + dayCost(i)) }
        let people = unit.people
        for s in list where occupancy.isFree(day: i, start: s.start, end: s.end, people: people, mask: peopleMask) {
            return (s, s.cost + dayCost(i))
        }
        return nil
    }
}

/// Who is already busy when: (person, day, time span, place) of placed events.
/// In a district, people are global indexes and `place` says which
/// municipality an item is in; a timed item elsewhere also blocks the travel
/// time either side of it.
struct Occupancy: Sendable {
    struct Busy: Sendable {
        let person: Int
        /// -1 for all-day.
        let start: Int
        let end: Int
        /// The municipality (index into the district) the item is in; 0 alone.
        var place: Int = 0
        /// Who placed it (a unit of a run, a district member), so that it can be taken out again.
        var owner: Int = 0
    }

    /// Items by day index (a flat array, grown on demand: the solver asks
    /// for a day in its innermost loop, and hashing the day cost more than
    /// the check itself). Day indexes are never negative (`DayTable`).
    private(set) var byDay: [[Busy]] = []
    /// Per day, a bit for each person with an item that day (`bit`): most
    /// checks find none of their people there and stop at one AND. A bit
    /// may be set with no item left for it (never the reverse).
    private(set) var masks: [UInt64] = []
    /// The municipality whose items are being checked and added now.
    var place = 0
    /// The owner of the items added now.
    var owner = 0
    /// One more than the highest owner of any item held.
    private(set) var nextOwner = 0
    private(set) var itemCount = 0
    /// Travel minutes between places; nil when everything is in one place.
    var travel: TravelTable?
    /// Items of these owners are held but not seen by `isFree` (a plan's
    /// notes look at everything but the unit's own meetings without
    /// copying the occupancy to take them out).
    var ignoring: Range<Int>?

    /// The place of time a person's own calendar blocks: somewhere else than
    /// any municipality, so it also rules out an all-day presence that day.
    static let elsewhere = -1

    /// Person numbers from 63 up share the last bit (a shared bit only costs a full look).
    static func bit(_ person: Int) -> UInt64 { person >= 0 && person < 63 ? 1 << UInt64(person) : 1 << 63 }

    static func mask(_ people: [Int]) -> UInt64 {
        var m: UInt64 = 0
        for p in people { m |= bit(p) }
        return m
    }

    /// True when none of `mask`'s people may have an item on `day`.
    func clear(day: Int, mask: UInt64) -> Bool { day < 0 || day >= masks.count || masks[day] & mask == 0 }

    func isFree(day: Int, start: Int, end: Int, people: [Int]) -> Bool {
        isFree(day: day, start: start, end: end, people: people, mask: Self.mask(people))
    }

    /// The same with `mask` = `Occupancy.mask(people)` worked out by the caller.
    func isFree(day: Int, start: Int, end: Int, people: [Int], mask: UInt64) -> Bool {
        guard day >= 0 && day < byDay.count, masks[day] & mask != 0 else { return true }
        for b in byDay[day] where people.contains(b.person) {
            if let ignoring, ignoring.contains(b.owner) { continue }
            if start < 0 && b.start < 0 { return false }
            if start >= 0 && b.start >= 0 {
                let gap = b.place == place ? 0 : (travel?.minutes(b.place, place) ?? 0)
                if start < b.end + gap && b.start < end + gap { return false }
            } else if b.place != place {
                // An all-day presence occupies the person's whole day in its
                // municipality: nothing of theirs elsewhere that day, travel included.
                return false
            }
        }
        return true
    }

    /// Everything held on day `i` (empty outside what was ever added).
    func items(on i: Int) -> [Busy] { i >= 0 && i < byDay.count ? byDay[i] : [] }

    mutating func add(day: Int, start: Int, end: Int, people: [Int]) {
        precondition(day >= 0, "occupancy day index below the table")
        if day >= byDay.count {
            byDay += Array(repeating: [], count: day + 1 - byDay.count)
            masks += Array(repeating: 0, count: day + 1 - masks.count)
        }
        for p in people {
            byDay[day].append(Busy(person: p, start: start, end: end, place: place, owner: owner))
            masks[day] |= Self.bit(p)
        }
        itemCount += people.count
        nextOwner = max(nextOwner, owner + 1)
    }

    /// Takes out every item whose owner is in `owners`.
    mutating func remove(owners: Range<Int>) {
        var count = 0
        for day in byDay.indices where !byDay[day].isEmpty {
            if byDay[day].contains(where: { owners.contains($0.owner) }) {
                byDay[day].removeAll { owners.contains($0.owner) }
                masks[day] = byDay[day].reduce(0) { $0 | Self.bit($1.person) }
            }
            count += byDay[day].count
        }
        itemCount = count
    }

    /// Adds everything `other` holds (owners kept).
    mutating func merge(_ other: Occupancy) {
        if other.byDay.count > byDay.count {
            byDay += Array(repeating: [], count: other.byDay.count - byDay.count)
            masks += Array(repeating: 0, count: other.masks.count - masks.count)
        }
        for (day, items) in other.byDay.enumerated() where !items.isEmpty {
            byDay[day] += items
            masks[day] |= other.masks[day]
        }
        itemCount += other.itemCount
        nextOwner = max(nextOwner, other.nextOwner)
    }
}

/// Minutes of travel between the municipalities of a district, by index.
public struct TravelTable: Sendable, Equatable {
    public let count: Int
    private var table: [Int]

    /// The same travel time between every two different places.
    public init(count: Int, uniform: Int) {
        self.count = count
        table = (0..<(count * count)).map { $0 / count == $0 % count ? 0 : uniform }
    }

    public func minutes(_ a: Int, _ b: Int) -> Int {
        guard a >= 0, b >= 0, a < count, b < count else { return 0 }
        return table[a * count + b]
    }

    /// Sets the travel time both ways.
    public mutating func set(_ a: Int, _ b: Int, _ value: Int) {
        table[a * count + b] = value
        table[b * count + a] = value
    }
}
