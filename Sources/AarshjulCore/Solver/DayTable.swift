/// Per-day facts the solver reads in its inner loops, precomputed once per
/// plan as flat arrays indexed by day number − `base` (no allocation per day).
/// A class (every field constant): solvers, candidates and units hold it by
/// reference, so copying one retains one object, not every list and the
/// whole calendar.
final class DayTable: Sendable {
    let calendar: MunicipalCalendar
    /// Day number of the first day covered.
    let base: Int
    let count: Int
    let meetingDay: [Bool]
    let schoolDay: [Bool]
    /// The first meeting day after a public holiday or a no-meeting period.
    let afterBreak: [Bool]
    /// Index of the latest meeting day on or before each day (-1 if none).
    let latestMeetingDay: [Int]
    /// Index of the earliest meeting day on or after each day (`count` if none).
    let earliestMeetingDay: [Int]
    /// Days of the pupils' summer holiday before each day: a school-term
    /// chain does not count them towards its longest gap.
    let summerBefore: [Int]
    /// Day of the month of each day (for regular patterns' week of the month).
    let dayOfMonth: [Int8]
    /// `Facts.hash`, mixed once when the table is built.
    let factsHash: Int

    /// The day facts a unit's solve reads (the rest of the table follows
    /// from them), hashed once: a solve memo names equal tables by them.
    struct Facts: Equatable {
        let base: Int
        let meetingDay: [Bool]
        let schoolDay: [Bool]
        let afterBreak: [Bool]
        let summerBefore: [Int]
        let hash: Int
    }

    var facts: Facts {
        Facts(base: base, meetingDay: meetingDay, schoolDay: schoolDay, afterBreak: afterBreak,
              summerBefore: summerBefore, hash: factsHash)
    }

    /// The day numbers a table for `years` covers: the years and one either side.
    static func span(_ years: ClosedRange<Int>) -> (base: Int, count: Int) {
        let span = DateRange(.firstOfYear(years.lowerBound - 1), .lastOfYear(years.upperBound + 1))
        return (span.first.dayNumber, span.dayCount)
    }

    init(calendar: MunicipalCalendar) {
        self.calendar = calendar
        (base, count) = Self.span(calendar.years)
        var meeting = [Bool](repeating: false, count: count)
        var school = [Bool](repeating: false, count: count)
        var breakDay = [Bool](repeating: false, count: count)
        for i in 0..<count {
            let blockers = calendar.blockers(on: CivilDate(dayNumber: base + i))
            meeting[i] = !blockers.contains { $0.blocksAllMeetings }
            school[i] = blockers.isEmpty
            breakDay[i] = blockers.contains {
                switch $0 {
                case .publicHoliday, .noMeetingPeriod: return true
                default: return false
                }
            }
        }
        var after = [Bool](repeating: false, count: count)
        var sawBreak = false
        for i in 0..<count {
            if meeting[i] {
                after[i] = sawBreak
                sawBreak = false
            } else if breakDay[i] {
                sawBreak = true
            }
        }
        var latest = [Int](repeating: -1, count: count)
        var last = -1
        for i in 0..<count {
            if meeting[i] { last = i }
            latest[i] = last
        }
        var earliest = [Int](repeating: count, count: count)
        var next = count
        for i in stride(from: count - 1, through: 0, by: -1) {
            if meeting[i] { next = i }
            earliest[i] = next
        }
        var summer = [Int](repeating: 0, count: count + 1)
        var inSummer = [Bool](repeating: false, count: count)
        for year in calendar.years.lowerBound - 1...calendar.years.upperBound + 1 {
            for day in calendar.school.summerBreak(startingIn: year) {
                let i = day.dayNumber - base
                if i >= 0 && i < count { inSummer[i] = true }
            }
        }
        for i in 0..<count { summer[i + 1] = summer[i] + (inSummer[i] ? 1 : 0) }
        summerBefore = summer
        var days = [Int8](repeating: 0, count: count)
        var date = CivilDate(dayNumber: base)
        for i in 0..<count {
            days[i] = Int8(date.day)
            date = date.day < 28 ? CivilDate(year: date.year, month: date.month, day: date.day + 1)! : CivilDate(dayNumber: base + i + 1)
        }
        dayOfMonth = days
        var h = WordHash()
        h.add(base)
        for i in 0..<count {
            h.add((meeting[i] ? 1 : 0) | (school[i] ? 2 : 0) | (after[i] ? 4 : 0) | summer[i] << 3)
        }
        factsHash = h.value
        meetingDay = meeting
        schoolDay = school
        afterBreak = after
        latestMeetingDay = latest
        earliestMeetingDay = earliest
    }

    func index(_ date: CivilDate) -> Int { date.dayNumber - base }

    /// Summer-holiday days strictly between day indexes `a` and `b` (a < b).
    func summerDays(between a: Int, and b: Int) -> Int {
        guard a + 1 < b else { return 0 }
        let lo = max(0, min(count, a + 1)), hi = max(0, min(count, b))
        return summerBefore[hi] - summerBefore[lo]
    }
    func date(_ index: Int) -> CivilDate { CivilDate(dayNumber: base + index) }
    func contains(_ index: Int) -> Bool { index >= 0 && index < count }

    /// The latest meeting day on or before `date` (walks the calendar outside the table).
    func meetingDay(onOrBefore date: CivilDate) -> CivilDate {
        let i = index(date)
        if contains(i), latestMeetingDay[i] >= 0 { return self.date(latestMeetingDay[i]) }
        var d = date
        while !calendar.isMeetingDay(d) { d = d.adding(days: -1) }
        return d
    }

    /// The earliest meeting day on or after `date`.
    func meetingDay(onOrAfter date: CivilDate) -> CivilDate {
        let i = index(date)
        if contains(i), earliestMeetingDay[i] < count { return self.date(earliestMeetingDay[i]) }
        var d = date
        while !calendar.isMeetingDay(d) { d = d.adding(days: 1) }
        return d
    }
}
