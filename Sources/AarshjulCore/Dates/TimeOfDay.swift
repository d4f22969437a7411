/// A wall-clock time in minutes after midnight, with no zone.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 24 * 60 else { return nil }
        self.minutes = hour * 60 + minute
    }

    public init(minutes: Int) { self.minutes = minutes }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    /// Parses `HH:MM` (also `H:MM`).
    public init?(text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(hour: h, minute: m)
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    public func adding(minutes: Int) -> TimeOfDay { TimeOfDay(minutes: self.minutes + minutes) }

    /// `HH:MM`
    public var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
}

/// A half-open interval of wall-clock time on one day: [start, end).
public struct TimeSpan: Hashable, Sendable, CustomStringConvertible {
    public let start: TimeOfDay
    public let end: TimeOfDay

    public init(_ start: TimeOfDay, _ end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    public func contains(_ other: TimeSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TimeSpan) -> Bool { start < other.end && other.start < end }
    public var minutes: Int { end.minutes - start.minutes }
    public var description: String { "\(start)–\(end)" }
}

/// A moment in UTC, used only for DTSTAMP/LAST-MODIFIED. Civil fields, no zone math.
public struct UTCTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: CivilDate
    public let time: TimeOfDay
    public let second: Int

    public init(date: CivilDate, time: TimeOfDay = TimeOfDay(minutes: 0), second: Int = 0) {
        self.date = date
        self.time = time
        self.second = second
    }

    /// Seconds since the Unix epoch.
    public var secondsSinceEpoch: Int { date.dayNumber * 86_400 + time.minutes * 60 + second }

    public init(secondsSinceEpoch s: Int) {
        let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        let rest = s - days * 86_400
        self.init(date: CivilDate(dayNumber: days), time: TimeOfDay(minutes: rest / 60), second: rest % 60)
    }

    public static func < (lhs: UTCTimestamp, rhs: UTCTimestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    public var description: String { "\(date.iso)T\(time):\(second < 10 ? "0" : "")\(second)Z" }
}
