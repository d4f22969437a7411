/// The regular pattern a series keeps through a year: one weekday, and for
/// monthly series one week of the month ("the second Tuesday"). A decision,
/// not a fact: the solver chooses it per unit and year (the weekday an
/// agreement names wins through `preferred-weekday` / `agreed-weekday`), and
/// a meeting off it pays `regular-weekday` / `regular-week-of-month`.
public struct RegularPattern: Sendable, Hashable {
    public let weekday: Weekday
    /// 1–4: the n-th such weekday of the month; nil for non-monthly series.
    public let weekOfMonth: Int?

    public init(weekday: Weekday, weekOfMonth: Int? = nil) {
        self.weekday = weekday
        self.weekOfMonth = weekOfMonth
    }

    /// The n-th weekday of its month that `date` is (1 for days 1–7, …).
    static func weekOfMonth(_ date: CivilDate) -> Int { (date.day - 1) / 7 + 1 }

    /// (regular-weekday, regular-week-of-month) points for a meeting on `date`:
    /// off the weekday, the weight plus a point per weekday away (a meeting
    /// kept from a Wednesday holiday goes to Tuesday or Thursday, not Monday).
    func cost(_ date: CivilDate) -> (weekday: Int, week: Int) {
        cost(weekday: date.weekday.rawValue, dayOfMonth: date.day)
    }

    /// The same from the weekday's raw value and the day of the month.
    func cost(weekday day: Int, dayOfMonth: Int) -> (weekday: Int, week: Int) {
        let away = abs(day - self.weekday.rawValue)
        let weekday = away == 0 ? 0 : RuleCatalogue.Weight.regularWeekday + away
        let week = weekOfMonth.map { $0 == (dayOfMonth - 1) / 7 + 1 ? 0 : RuleCatalogue.Weight.regularWeekOfMonth } ?? 0
        return (weekday, week)
    }

    /// The day the pattern would have given for a meeting held on `date`: the
    /// n-th weekday of that month, or the pattern weekday in the same ISO week.
    func intendedDay(for date: CivilDate) -> CivilDate {
        if let n = weekOfMonth {
            var day = CivilDate(year: date.year, month: date.month, day: 1)!
            while day.weekday != weekday { day = day.adding(days: 1) }
            return day.adding(days: (n - 1) * 7)
        }
        return date.adding(days: weekday.rawValue - date.weekday.rawValue)
    }

    /// The patterns worth trying for a unit, in a fixed order (Monday first,
    /// first week first); nil when the series keeps no pattern: a single
    /// meeting a year, or weekly presence on a weekday the agreement names.
    static func candidates(for unit: PlanUnit, starts: [[Candidates.Start]]) -> [RegularPattern]? {
        let weekdays = Weekday.allCases.filter { $0.rawValue <= 5 && !starts[$0.rawValue - 1].isEmpty }
        guard !weekdays.isEmpty else { return nil }
        switch unit.series.rule {
        case .perQuarter, .everyWeeks, .weekly(weekday: nil):
            return weekdays.map { RegularPattern(weekday: $0) }
        case .perYear(let count, _) where count > 1:
            return weekdays.map { RegularPattern(weekday: $0) }
        case .monthly(let skip) where (1...12).filter({ !skip.contains($0) }).count > 1:
            return weekdays.flatMap { day in (1...4).map { RegularPattern(weekday: day, weekOfMonth: $0) } }
        default:
            return nil
        }
    }

    /// The pattern most of `dates` keep (earliest weekday and week on ties);
    /// nil for fewer than two dates.
    static func common(_ dates: [CivilDate], monthly: Bool) -> RegularPattern? {
        guard dates.count > 1 else { return nil }
        var counts: [RegularPattern: Int] = [:]
        for date in dates {
            counts[RegularPattern(weekday: date.weekday, weekOfMonth: monthly ? weekOfMonth(date) : nil), default: 0] += 1
        }
        return counts.max { a, b in
            (a.value, -a.key.weekday.rawValue, -(a.key.weekOfMonth ?? 0)) < (b.value, -b.key.weekday.rawValue, -(b.key.weekOfMonth ?? 0))
        }?.key
    }

    /// "tirsdager", "2. tirsdag i måneden".
    func text(_ language: PlanLanguage) -> String {
        let name = Words.weekdayName(weekday, language)
        if let n = weekOfMonth {
            switch language {
            case .bokmal: return "\(n). \(name) i måneden"
            case .nynorsk: return "\(n). \(name) i månaden"
            case .english: return "\(["1st", "2nd", "3rd", "4th"][n - 1]) \(name) of the month"
            }
        }
        switch language {
        case .bokmal: return name + "er"
        case .nynorsk: return name + "ar"
        case .english: return name + "s"
        }
    }
}

/// Where a pattern is stated in a plan: one unit in one year.
public struct PlannedPattern: Sendable, Equatable {
    public var seriesID: String
    public var schoolID: String?
    public var year: Int
    public var pattern: RegularPattern

    public init(seriesID: String, schoolID: String?, year: Int, pattern: RegularPattern) {
        self.seriesID = seriesID
        self.schoolID = schoolID
        self.year = year
        self.pattern = pattern
    }
}

/// The plan's word on each meeting off its series' pattern: which day the
/// pattern gave and what stood in the way of it.
enum PatternDepartures {
    static func notes(_ unit: PlanUnit, pattern: RegularPattern, placements: [SeriesSolver.Placement],
                      candidates: Candidates, occupancy: Occupancy) -> [PlanNote] {
        let table = candidates.table
        let explainer = ClashExplainer(candidates: candidates, occupancy: occupancy)
        let english = (unit.series.titleEnglish ?? unit.series.title) + (unit.school.map { " – \($0.name)" } ?? "")
        var notes: [PlanNote] = []
        for p in placements {
            let date = table.date(p.day)
            let cost = pattern.cost(date)
            guard cost.weekday + cost.week > 0 else { continue }
            let intended = pattern.intendedDay(for: date)
            var reasons = explainer.reasons(in: DateRange(intended, intended))
            if intended.isWeekend || !table.contains(table.index(intended)) { reasons = [] }
            if reasons.isEmpty {
                reasons = [LocalizedText(nb: "avstanden til de andre møtene i serien", nn: "avstanden til dei andre møta i serien",
                                         en: "the gap to the series' other meetings")]
            }
            func why(_ language: PlanLanguage) -> String { reasons.map { $0.text(language) }.joined(separator: ", ") }
            func day(_ d: CivilDate, _ language: PlanLanguage) -> String {
                "\(Words.weekdayName(d.weekday, language)) \(language == .english ? d.english : d.norwegian)"
            }
            notes.append(PlanNote(seriesID: unit.series.id, text: LocalizedText(
                nb: "\(unit.title): \(day(date, .bokmal)) i stedet for \(day(intended, .bokmal)) (\(pattern.text(.bokmal))): \(why(.bokmal))",
                nn: "\(unit.title): \(day(date, .nynorsk)) i staden for \(day(intended, .nynorsk)) (\(pattern.text(.nynorsk))): \(why(.nynorsk))",
                en: "\(english): \(day(date, .english)) instead of \(day(intended, .english)) (\(pattern.text(.english))): \(why(.english))"),
                date: date))
        }
        return notes
    }

    /// A meeting on its regular day that starts later or earlier than the
    /// series' usual start because someone is busy then.
    static func startNote(_ unit: PlanUnit, _ p: SeriesSolver.Placement, candidates: Candidates, occupancy: Occupancy) -> PlanNote? {
        let table = candidates.table, date = table.date(p.day), series = unit.series
        guard p.start >= 0, let hours = SeriesWindows.hours(series, venue: unit.venue, on: date.weekday) else { return nil }
        let usual = SoftCosts.preferredStart(series, opening: hours.start)
        guard p.start != usual.minutes,
              candidates.starts[date.weekday.rawValue - 1].contains(where: { $0.start == usual.minutes }) else { return nil }
        let end = usual.minutes + series.durationMinutes
        let busy = zip(unit.people, unit.peopleNames).filter { !occupancy.isFree(day: p.day, start: usual.minutes, end: end, people: [$0.0]) }
            .map(\.1)
        guard !busy.isEmpty else { return nil }
        func names(_ language: PlanLanguage) -> String { busy.map { $0.text(language) }.joined(separator: ", ") }
        let at = TimeOfDay(minutes: p.start)
        let english = (series.titleEnglish ?? series.title) + (unit.school.map { " – \($0.name)" } ?? "")
        return PlanNote(seriesID: series.id, text: LocalizedText(
            nb: "\(unit.title): \(date.norwegian) kl. \(at) i stedet for \(usual): \(names(.bokmal)) har andre møter da",
            nn: "\(unit.title): \(date.norwegian) kl. \(at) i staden for \(usual): \(names(.nynorsk)) har andre møte då",
            en: "\(english): \(date.english) at \(at) instead of \(usual): \(names(.english)) \(busy.count == 1 ? "has" : "have") other meetings then"),
            date: date)
    }
}
