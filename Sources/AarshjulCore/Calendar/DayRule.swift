/// A day named by a rule rather than a date, so that a county's habit
/// ("høstferie uke 41", "vinterferien er siste uke i februar", "siste
/// skoledag er fredagen før 21. juni") can project school years nobody has
/// decided yet. Written in the data files as short English phrases:
///
///     monday of week 41            the Monday of ISO week 41
///     monday on or before 02-28    the last Monday on or before 28 February
///     friday on or before 06-21
///     weekday on or after 01-02    the first Monday–Friday on or after 2 January
///     easter-6                     six days before Easter Sunday (Monday of Holy Week)
///     day after friday on or before 12-23
///     day before weekday on or after 01-04
///     +4                           (only as the end of a break) four days after its first day
public indirect enum DayRule: Sendable, Hashable, CustomStringConvertible {
    /// The first day on or after month-day that is `weekday` (nil: any of Monday–Friday).
    case onOrAfter(Weekday?, month: Int, day: Int)
    /// The last day on or before month-day that is `weekday` (nil: any of Monday–Friday).
    case onOrBefore(Weekday?, month: Int, day: Int)
    case ofISOWeek(Weekday, week: Int)
    case easter(offset: Int)
    case dayAfter(DayRule)
    case dayBefore(DayRule)
    /// Only as a break's last day: this many days after its first day.
    case afterStart(days: Int)

    /// The day in `year` (the calendar year the rule is read in).
    public func date(in year: Int, start: CivilDate? = nil) -> CivilDate {
        switch self {
        case .onOrAfter(let weekday, let month, let day):
            var d = Self.monthDay(year, month, day)
            while !Self.matches(d, weekday) { d = d.adding(days: 1) }
            return d
        case .onOrBefore(let weekday, let month, let day):
            var d = Self.monthDay(year, month, day)
            while !Self.matches(d, weekday) { d = d.adding(days: -1) }
            return d
        case .ofISOWeek(let weekday, let week):
            return CivilDate.mondayOfISOWeek(min(week, CivilDate.isoWeeksInYear(year)), year: year)
                .adding(days: weekday.rawValue - 1)
        case .easter(let offset):
            return PublicHolidays.easterSunday(year).adding(days: offset)
        case .dayAfter(let rule):
            return rule.date(in: year, start: start).adding(days: 1)
        case .dayBefore(let rule):
            return rule.date(in: year, start: start).adding(days: -1)
        case .afterStart(let days):
            return (start ?? CivilDate.firstOfYear(year)).adding(days: days)
        }
    }

    /// A day of the rule's month; 29 February in a common year reads as 28 February.
    private static func monthDay(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: min(day, CivilDate.daysInMonth(year: year, month: month)))!
    }

    private static func matches(_ date: CivilDate, _ weekday: Weekday?) -> Bool {
        if let weekday { return date.weekday == weekday }
        return !date.isWeekend
    }

    static let weekdayNames: [(String, Weekday)] = [
        ("monday", .monday), ("tuesday", .tuesday), ("wednesday", .wednesday), ("thursday", .thursday),
        ("friday", .friday), ("saturday", .saturday), ("sunday", .sunday),
    ]

    /// Parses the phrases above; nil when `text` is not one of them.
    public init?(_ text: String) {
        let words = text.lowercased().split(separator: " ").map(String.init)
        guard let rule = Self.parse(words) else { return nil }
        self = rule
    }

    private static func parse(_ words: [String]) -> DayRule? {
        guard let first = words.first else { return nil }
        if words.count >= 3, first == "day", words[1] == "after" || words[1] == "before" {
            guard let inner = parse(Array(words.dropFirst(2))) else { return nil }
            return words[1] == "after" ? .dayAfter(inner) : .dayBefore(inner)
        }
        if words.count == 1, first.hasPrefix("easter") {
            let rest = first.dropFirst("easter".count)
            if rest.isEmpty { return .easter(offset: 0) }
            guard let n = Int(rest), abs(n) <= 60 else { return nil }
            return .easter(offset: n)
        }
        if words.count == 1, first.hasPrefix("+"), let n = Int(first.dropFirst()), (0...30).contains(n) {
            return .afterStart(days: n)
        }
        let weekday: Weekday?
        if first == "weekday" { weekday = nil } else if let w = weekdayNames.first(where: { $0.0 == first })?.1 { weekday = w } else { return nil }
        if words.count == 4, words[1] == "of", words[2] == "week", let weekday, let n = Int(words[3]), (1...53).contains(n) {
            return .ofISOWeek(weekday, week: n)
        }
        if words.count == 5, words[1] == "on", words[2] == "or", words[3] == "before" || words[3] == "after" {
            let parts = words[4].split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, (1...12).contains(parts[0]), (1...31).contains(parts[1]),
                  parts[1] <= CivilDate.daysInMonth(year: 2000, month: parts[0]) else { return nil }
            return words[3] == "before" ? .onOrBefore(weekday, month: parts[0], day: parts[1])
                                        : .onOrAfter(weekday, month: parts[0], day: parts[1])
        }
        return nil
    }

    public var description: String {
        func name(_ w: Weekday?) -> String { w.map { w in Self.weekdayNames.first { $0.1 == w }!.0 } ?? "weekday" }
        func md(_ m: Int, _ d: Int) -> String { (m < 10 ? "0" : "") + "\(m)-" + (d < 10 ? "0" : "") + "\(d)" }
        switch self {
        case .onOrAfter(let w, let m, let d): return "\(name(w)) on or after \(md(m, d))"
        case .onOrBefore(let w, let m, let d): return "\(name(w)) on or before \(md(m, d))"
        case .ofISOWeek(let w, let week): return "\(name(w)) of week \(week)"
        case .easter(let offset): return offset == 0 ? "easter" : "easter" + (offset > 0 ? "+" : "") + "\(offset)"
        case .dayAfter(let r): return "day after \(r)"
        case .dayBefore(let r): return "day before \(r)"
        case .afterStart(let n): return "+\(n)"
        }
    }
}
