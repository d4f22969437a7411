import AarshjulCore
import Foundation

/// What a stable feed holds, relative to today: from `monthsBack` months ago
/// to the end of the year `yearsAhead` years from now (default: 12 months
/// back to the end of next year). The window rolls with the clock, so at New
/// Year nothing a subscriber has seen disappears and next year appears.
public struct FeedHorizon: Sendable, Equatable {
    public var monthsBack: Int
    public var yearsAhead: Int

    public init(monthsBack: Int = 12, yearsAhead: Int = 1) {
        self.monthsBack = monthsBack
        self.yearsAhead = yearsAhead
    }

    public static let limits = (monthsBack: 0...120, yearsAhead: 0...4)

    /// "12m,1y" (the default), "24m,2y", "6m,0y": months back, years ahead.
    public init?(text: String) {
        let parts = text.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, parts[0].hasSuffix("m"), parts[1].hasSuffix("y"),
              let back = Int(parts[0].dropLast()), let ahead = Int(parts[1].dropLast()),
              Self.limits.monthsBack.contains(back), Self.limits.yearsAhead.contains(ahead) else { return nil }
        self.init(monthsBack: back, yearsAhead: ahead)
    }

    /// The dates a feed holds on `today`.
    public func window(on today: CivilDate) -> DateRange {
        DateRange(Self.months(before: today, monthsBack), .lastOfYear(today.year + yearsAhead))
    }

    /// The years planned on `today`: this one (its rest) to the last one the window reaches.
    public func planningYears(on today: CivilDate) -> ClosedRange<Int> { today.year...(today.year + yearsAhead) }

    /// The same day `months` months earlier (the month's last day when it is shorter).
    static func months(before date: CivilDate, _ months: Int) -> CivilDate {
        let index = date.year * 12 + (date.month - 1) - months
        let year = index / 12, month = index % 12 + 1
        return CivilDate(year: year, month: month, day: min(date.day, CivilDate.daysInMonth(year: year, month: month)))!
    }
}

/// "Today" for feeds: the civil date in Norway at a moment (the injected clock's).
public enum FeedClock {
    public static func osloDate(_ moment: UTCTimestamp) -> CivilDate {
        let date = Date(timeIntervalSince1970: TimeInterval(moment.secondsSinceEpoch))
        let offset = TimeZone(identifier: "Europe/Oslo")?.secondsFromGMT(for: date) ?? 3600
        return UTCTimestamp(secondsSinceEpoch: moment.secondsSinceEpoch + offset).date
    }
}
