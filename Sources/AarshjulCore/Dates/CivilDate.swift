/// A calendar date with no time zone: what an agreement, a holiday list or a
/// plan talks about. Europe/Oslo only enters at the iCalendar edge.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or nil when the fields do not name a real day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
              day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's algorithm.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday(rawValue: index + 1)!
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Whole days from `other` to `self`.
    public static func - (lhs: CivilDate, rhs: CivilDate) -> Int { lhs.dayNumber - rhs.dayNumber }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// 1...4
    public var quarter: Int { (month - 1) / 3 + 1 }

    public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

    /// ISO 8601 week-numbering year and week.
    public var isoWeek: (year: Int, week: Int) {
        // The Thursday of this date's week decides the year.
        let thursday = adding(days: 4 - weekday.rawValue)
        let jan1 = CivilDate(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday - jan1) / 7 + 1)
    }

    /// The Monday of ISO week `week` in ISO year `year`.
    public static func mondayOfISOWeek(_ week: Int, year: Int) -> CivilDate {
        let jan4 = CivilDate(year: year, month: 1, day: 4)!
        let week1Monday = jan4.adding(days: 1 - jan4.weekday.rawValue)
        return week1Monday.adding(days: (week - 1) * 7)
    }

    /// Number of ISO weeks (52 or 53) in ISO year `year`.
    public static func isoWeeksInYear(_ year: Int) -> Int {
        CivilDate(year: year, month: 12, day: 28)!.isoWeek.week
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func firstOfYear(_ year: Int) -> CivilDate { CivilDate(year: year, month: 1, day: 1)! }
    public static func lastOfYear(_ year: Int) -> CivilDate { CivilDate(year: year, month: 12, day: 31)! }
}

/// ISO weekday numbering: Monday = 1 … Sunday = 7.
public enum Weekday: Int, CaseIterable, Sendable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An inclusive range of civil dates.
public struct DateRange: Hashable, Sendable, Sequence {
    public let first: CivilDate
    public let last: CivilDate

    public init(_ first: CivilDate, _ last: CivilDate) {
        self.first = Swift.min(first, last)
        self.last = Swift.max(first, last)
    }

    public func contains(_ date: CivilDate) -> Bool { date >= first && date <= last }

    public var dayCount: Int { last - first + 1 }

    public func overlaps(_ other: DateRange) -> Bool { first <= other.last && other.first <= last }

    /// The days this range shares with `other`, or nil when they share none.
    /// Lets a reader walk only the days it needs of a range a user's file may
    /// stretch over centuries (an event from 1601 to 2027).
    public func clamped(to other: DateRange) -> DateRange? {
        overlaps(other) ? DateRange(Swift.max(first, other.first), Swift.min(last, other.last)) : nil
    }

    public func makeIterator() -> AnyIterator<CivilDate> {
        var next = first.dayNumber
        let end = last.dayNumber
        return AnyIterator {
            guard next <= end else { return nil }
            defer { next += 1 }
            return CivilDate(dayNumber: next)
        }
    }

    public static func year(_ year: Int) -> DateRange {
        DateRange(.firstOfYear(year), .lastOfYear(year))
    }

    public static func quarter(_ quarter: Int, of year: Int) -> DateRange {
        let startMonth = (quarter - 1) * 3 + 1
        let endMonth = startMonth + 2
        return DateRange(CivilDate(year: year, month: startMonth, day: 1)!,
                         CivilDate(year: year, month: endMonth,
                                   day: CivilDate.daysInMonth(year: year, month: endMonth))!)
    }

    public static func month(_ month: Int, of year: Int) -> DateRange {
        DateRange(CivilDate(year: year, month: month, day: 1)!,
                  CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!)
    }
}
