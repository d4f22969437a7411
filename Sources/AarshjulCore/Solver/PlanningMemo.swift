import Synchronization

/// What planning many municipalities can share: their calendars, and unit
/// solves.
///
/// A member's calendar (and the solver's day table) depends only on its
/// county, school-calendar settings, no-meeting periods, blackouts and
/// elections: members equal in those share one, built once.
///
/// `SeriesSolver.solve` is a pure function of what
/// it reads: the unit's start list and costs, its shape, rule and years,
/// the calendar's day facts, the chain's previous meeting, the pattern
/// bounds it is given, and what the occupancy holds for the unit's own
/// people within the unit's days (with how far away each item is). Two
/// units equal in all of that (the same national pattern in two
/// municipalities of one county, a member re-planned around others that
/// did not change for its people, the bound's solve with only facts placed)
/// get the same solution, so it is solved once. Names play no part: the
/// solution is day indexes and costs, and the plan is built from the
/// unit's own agreement afterwards.
///
/// Shared by threads behind a lock. Every answer is exactly what the solver
/// computes for the key, so plans do not depend on which thread solved
/// first: the memo changes time, never plans. Failed solves are not kept
/// (their clash is worded with the unit's names); rescheduling (a bias)
/// never uses it.
public final class PlanningMemo: Sendable {
    struct CalendarFacts: Equatable {
        let county: County
        let school: SchoolCalendarSettings
        let noMeeting: NoMeetingSettings
        let blackouts: [Blackout]
        let electionOverrides: [Int: CivilDate]
        let elections: ElectionTable
        let years: ClosedRange<Int>

        init(_ agreement: Agreement, years: ClosedRange<Int>) {
            county = agreement.county
            school = agreement.schoolCalendar
            noMeeting = agreement.noMeetingPeriods
            blackouts = agreement.blackouts
            electionOverrides = agreement.electionOverrides
            elections = agreement.electionTable
            self.years = years
        }
    }

    struct State {
        var calendars: [(facts: CalendarFacts, table: DayTable)] = []
        var tables: [Int: [(facts: DayTable.Facts, id: Int)]] = [:]
        var tableCount = 0
        var units: [SeriesSolver.Signature: Int] = [:]
        var solutions: [Key: SeriesSolver.Solution] = [:]
        var lookups = 0
        var reused = 0
    }

    struct Key: Hashable {
        let unit: Int
        let table: Int
        let previousLast: Int?
        /// (pattern weekday, week of month, cost), sorted.
        let bounds: [Int]
        /// The occupancy as the unit's solve sees it (`SeriesSolver.busyKey`).
        let busy: [Int]
        /// Mixed once from all of the above: a lookup hashes one word, not every item.
        private let mixed: Int

        init(unit: Int, table: Int, previousLast: Int?, bounds: [Int], busy: [Int]) {
            self.unit = unit
            self.table = table
            self.previousLast = previousLast
            self.bounds = bounds
            self.busy = busy
            var h = WordHash()
            h.add(unit)
            h.add(table)
            h.add(previousLast ?? Int.min)
            h.add(bounds)
            h.add(busy)
            mixed = h.value
        }

        static func == (a: Key, b: Key) -> Bool {
            a.mixed == b.mixed && a.unit == b.unit && a.table == b.table && a.previousLast == b.previousLast
                && a.bounds == b.bounds && a.busy == b.busy
        }

        func hash(into hasher: inout Hasher) { hasher.combine(mixed) }
    }

    private let state = Mutex(State())

    public init() {}

    /// Unit solves asked of the memo, and how many were answered from it.
    public var statistics: (lookups: Int, reused: Int) { state.withLock { ($0.lookups, $0.reused) } }

    /// The member's calendar as the solver reads it (its `calendar` is the
    /// agreement's `MunicipalCalendar` for `years`), shared with every
    /// agreement whose calendar facts are equal.
    func table(_ agreement: Agreement, years: ClosedRange<Int>) -> DayTable {
        let facts = CalendarFacts(agreement, years: years)
        if let known = state.withLock({ $0.calendars.first { $0.facts == facts }?.table }) { return known }
        // Built outside the lock (the other thread may build the same; the first kept wins, both are equal).
        let table = DayTable(calendar: MunicipalCalendar(agreement: agreement, years: years))
        return state.withLock { state in
            if let known = state.calendars.first(where: { $0.facts == facts })?.table { return known }
            state.calendars.append((facts, table))
            return table
        }
    }

    /// A small number naming the table's day facts (equal facts, equal number).
    func tableID(_ table: DayTable) -> Int {
        let facts = table.facts
        return state.withLock { state in
            if let id = state.tables[facts.hash]?.first(where: { $0.facts == facts })?.id { return id }
            let id = state.tableCount
            state.tableCount += 1
            state.tables[facts.hash, default: []].append((facts, id))
            return id
        }
    }

    /// A small number naming the unit as its solve sees it.
    func unitID(_ signature: SeriesSolver.Signature) -> Int {
        state.withLock { state in
            if let id = state.units[signature] { return id }
            let id = state.units.count
            state.units[signature] = id
            return id
        }
    }

    func solution(_ key: Key) -> SeriesSolver.Solution? {
        state.withLock { state in
            state.lookups += 1
            guard let found = state.solutions[key] else { return nil }
            state.reused += 1
            return found
        }
    }

    /// The solution if the memo holds it, without counting a lookup.
    func peek(_ key: Key) -> SeriesSolver.Solution? { state.withLock { $0.solutions[key] } }

    func keep(_ solution: SeriesSolver.Solution, for key: Key) {
        state.withLock { $0.solutions[key] = solution }
    }
}

/// FNV-1a over whole words: a memo's keys are long runs of small numbers,
/// and hashing them byte by byte through `Hasher` cost more than it saved.
/// Equal keys are still compared in full.
struct WordHash {
    private(set) var value = Int(bitPattern: 0xcbf2_9ce4_8422_2325)

    mutating func add(_ x: Int) {
        value = (value ^ x) &* 0x100_0000_01b3
    }

    mutating func add(_ xs: [Int]) {
        add(xs.count)
        for x in xs { add(x) }
    }
}

extension SeriesSolver {
    /// Everything of the unit its solve reads apart from the occupancy, the
    /// calendar (`PlanningMemo.tableID`) and the arguments. Hashed once.
    struct Signature: Hashable {
        let rule: FrequencyRule
        let year: Int
        let lastYear: Int
        /// Starts per weekday (start, end, cost, -1 between weekdays), the
        /// shape (kind, then per slot or week its days and pull), the
        /// last-meeting pull, agenda notice, school-only and the gap costs.
        let numbers: [Int]
        private let hashValue_: Int

        init(_ solver: SeriesSolver) {
            let unit = solver.unit, table = solver.table
            var n: [Int] = []
            // Appended number by number: array literals here allocated one array per start, slot and week.
            n.reserveCapacity(solver.gapCosts.count + 64)
            for day in solver.candidates.starts {
                for s in day {
                    n.append(s.start)
                    n.append(s.end)
                    n.append(s.cost)
                }
                n.append(-1)
            }
            func pull(_ p: PositionalPull?) {
                guard let p else { n.append(-1); return }
                n.append(p.months.count)
                n.append(contentsOf: p.months.sorted())
                n.append(p.after?.dayNumber ?? -1)
            }
            switch unit.shape {
            case .slots(let slots):
                n.append(0)
                n.append(slots.count)
                for slot in slots {
                    n.append(table.index(slot.range.first))
                    n.append(table.index(slot.range.last))
                    pull(slot.pull)
                }
            case .weekly(let weeks):
                n.append(1)
                n.append(weeks.count)
                for week in weeks {
                    n.append(week.number)
                    n.append(table.index(week.range.first))
                    n.append(table.index(week.range.last))
                }
            case .chain(let minDays, let maxDays):
                n.append(2)
                n.append(minDays)
                n.append(maxDays)
            }
            pull(unit.lastPull)
            n.append(unit.series.agendaNoticeDays ?? -1)
            n.append(unit.schoolOnly ? 1 : 0)
            n.append(solver.gapCosts.count)
            n.append(contentsOf: solver.gapCosts)
            rule = unit.series.rule
            year = unit.year
            lastYear = unit.lastYear
            numbers = n
            var h = WordHash()
            h.add(n)
            h.add(year)
            h.add(lastYear)
            hashValue_ = h.value
        }

        static func == (a: Signature, b: Signature) -> Bool {
            a.hashValue_ == b.hashValue_ && a.year == b.year && a.lastYear == b.lastYear && a.rule == b.rule && a.numbers == b.numbers
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hashValue_) }
    }

    /// What `occupancy` holds that the unit's solve can see: every item of
    /// one of its people on one of its days, as (day, start, end, where),
    /// where = -1 in the unit's own place, else the travel minutes from the
    /// item's place (an item elsewhere blocks an all-day presence even at 0
    /// minutes). Sorted and without repeats per day (two of the unit's people
    /// at one meeting block exactly what one does).
    func busyKey(_ occupancy: Occupancy) -> [Int] {
        let range = dayRange
        var out: [Int] = []
        var day: [(Int, Int, Int)] = []
        let mask = candidates.peopleMask
        let people = unit.people
        let here = occupancy.place, travel = occupancy.travel, ignoring = occupancy.ignoring
        for i in range where !occupancy.clear(day: i, mask: mask) {
            day.removeAll(keepingCapacity: true)
            for b in occupancy.items(on: i) where people.contains(b.person) {
                if let ignoring, ignoring.contains(b.owner) { continue }
                let place = b.place == here ? -1 : (travel?.minutes(b.place, here) ?? 0)
                day.append((b.start, b.end, place))
            }
            guard !day.isEmpty else { continue }
            if day.count > 1 { day.sort { $0 < $1 } }
            var last: (Int, Int, Int)?
            for item in day where last.map({ $0 != item }) ?? true {
                // Appended one by one: an array literal here allocated on every item.
                out.append(i)
                out.append(item.0)
                out.append(item.1)
                out.append(item.2)
                last = item
            }
        }
        return out
    }
}
