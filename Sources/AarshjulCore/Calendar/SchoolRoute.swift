/// The kinds of days off a skolerute lists.
public enum SchoolBreakKind: String, Sendable, Hashable, CaseIterable {
    case autumn, christmas, winter, easter
    /// A single day (or a few) without pupils: elevfri dag, planleggingsdag.
    case dayOff = "day_off"

    public var name: LocalizedText {
        switch self {
        case .autumn: return LocalizedText(nb: "Høstferie", nn: "Haustferie", en: "Autumn break")
        case .christmas: return LocalizedText(nb: "Juleferie", en: "Christmas break")
        case .winter: return LocalizedText(nb: "Vinterferie", en: "Winter break")
        case .easter: return LocalizedText(nb: "Påskeferie", en: "Easter break")
        case .dayOff: return LocalizedText(nb: "Elevfri dag", en: "Day off school")
        }
    }

    /// The four breaks every school year has (days off vary).
    public static let breaks: [SchoolBreakKind] = [.autumn, .christmas, .winter, .easter]
}

/// A day of the school year (its first or last) and what it rests on.
public struct SchoolDayFact: Sendable, Hashable {
    public var date: CivilDate
    public var provenance: Provenance

    public init(date: CivilDate, provenance: Provenance) {
        self.date = date
        self.provenance = provenance
    }
}

/// One break or day off: the days without pupils, first to last, inclusive.
public struct SchoolBreakFact: Sendable, Hashable {
    public var kind: SchoolBreakKind
    public var range: DateRange
    /// The published name of a day off ("Planleggingsdag") in each language
    /// the data file gives it; nil: the kind's name.
    public var label: LocalizedText?
    public var provenance: Provenance

    public init(kind: SchoolBreakKind, range: DateRange, label: LocalizedText? = nil, provenance: Provenance) {
        self.kind = kind
        self.range = range
        self.label = label
        self.provenance = provenance
    }

    public var name: LocalizedText { label ?? kind.name }
}

/// One school year of a county's skolerute (2026/27: August 2026 to June 2027).
public struct SchoolYearRoute: Sendable, Hashable {
    /// The calendar year the school year starts in (2026 for 2026/27).
    public var startYear: Int
    public var firstDay: SchoolDayFact
    public var lastDay: SchoolDayFact
    public var breaks: [SchoolBreakFact]

    public init(startYear: Int, firstDay: SchoolDayFact, lastDay: SchoolDayFact, breaks: [SchoolBreakFact]) {
        self.startYear = startYear
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.breaks = breaks
    }

    /// "2026/27".
    public var label: String { Self.label(startYear) }
    public static func label(_ startYear: Int) -> String {
        let next = (startYear + 1) % 100
        return "\(startYear)/" + (next < 10 ? "0" : "") + "\(next)"
    }

    public func `break`(_ kind: SchoolBreakKind) -> SchoolBreakFact? { breaks.first { $0.kind == kind } }

    /// True when anything in the year is projected rather than published.
    public var hasProjections: Bool {
        firstDay.provenance.status == .projected || lastDay.provenance.status == .projected
            || breaks.contains { $0.provenance.status == .projected }
    }

    /// True when nothing of the year is published.
    public var isWhollyProjected: Bool {
        firstDay.provenance.status == .projected && lastDay.provenance.status == .projected
            && breaks.allSatisfy { $0.provenance.status == .projected }
    }
}

/// How a county's school years usually fall, for years not decided yet.
public struct SchoolPattern: Sendable, Hashable {
    public struct BreakRule: Sendable, Hashable {
        public var from: DayRule
        public var to: DayRule
        public init(from: DayRule, to: DayRule) { self.from = from; self.to = to }
    }

    public var firstDay: DayRule
    public var lastDay: DayRule
    public var autumn: BreakRule
    /// `from` is read in the autumn's year, `to` in the next.
    public var christmas: BreakRule
    public var winter: BreakRule
    public var easter: BreakRule
    /// The pattern in words, with what it rests on (shown with every projection).
    public var basis: LocalizedText
    public var source: FactSource?

    public init(firstDay: DayRule, lastDay: DayRule, autumn: BreakRule, christmas: BreakRule, winter: BreakRule,
                easter: BreakRule, basis: LocalizedText, source: FactSource? = nil) {
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.autumn = autumn
        self.christmas = christmas
        self.winter = winter
        self.easter = easter
        self.basis = basis
        self.source = source
    }

    /// The national habit, for a county whose data is not loaded (the core
    /// alone, as in its unit tests): first day the Monday on or after 15
    /// August, last the Friday on or before 21 June, autumn break week 40,
    /// Christmas from the Monday on or after 19 December to the first weekday
    /// of January, winter break week 8, Easter from Monday of Holy Week to
    /// Easter Monday. The tool itself always reads data/skolerute/.
    public static let national = SchoolPattern(
        firstDay: .onOrAfter(.monday, month: 8, day: 15),
        lastDay: .onOrBefore(.friday, month: 6, day: 21),
        autumn: BreakRule(from: .ofISOWeek(.monday, week: 40), to: .afterStart(days: 4)),
        christmas: BreakRule(from: .onOrAfter(.monday, month: 12, day: 19), to: .onOrAfter(nil, month: 1, day: 1)),
        winter: BreakRule(from: .ofISOWeek(.monday, week: 8), to: .afterStart(days: 4)),
        easter: BreakRule(from: .easter(offset: -6), to: .easter(offset: 1)),
        basis: LocalizedText(nb: "nasjonalt mønster (ingen fylkesdata lest)", nn: "nasjonalt mønster (utan fylkesdata)",
                             en: "the national pattern (no county data read)"))

    /// The school year starting in `startYear` as the pattern has it, every fact projected.
    public func year(startingIn startYear: Int) -> SchoolYearRoute {
        let provenance = Provenance.projected(basis, source: source)
        func range(_ rule: BreakRule, _ fromYear: Int, _ toYear: Int) -> DateRange {
            let from = rule.from.date(in: fromYear)
            var to = rule.to.date(in: toYear, start: from)
            if to < from { to = from }
            return DateRange(from, to).trimmedToWeekdays
        }
        let breaks = [
            SchoolBreakFact(kind: .autumn, range: range(autumn, startYear, startYear), provenance: provenance),
            SchoolBreakFact(kind: .christmas, range: range(christmas, startYear, startYear + 1), provenance: provenance),
            SchoolBreakFact(kind: .winter, range: range(winter, startYear + 1, startYear + 1), provenance: provenance),
            SchoolBreakFact(kind: .easter, range: range(easter, startYear + 1, startYear + 1), provenance: provenance),
        ]
        return SchoolYearRoute(startYear: startYear,
                               firstDay: SchoolDayFact(date: firstDay.date(in: startYear), provenance: provenance),
                               lastDay: SchoolDayFact(date: lastDay.date(in: startYear + 1), provenance: provenance),
                               breaks: breaks)
    }
}

extension DateRange {
    /// The range without the Saturdays and Sundays at either end (a break
    /// starts on its first weekday off); unchanged when it is all weekend.
    var trimmedToWeekdays: DateRange {
        var first = self.first, last = self.last
        while first < last && first.isWeekend { first = first.adding(days: 1) }
        while last > first && last.isWeekend { last = last.adding(days: -1) }
        return DateRange(first, last)
    }
}

/// A county's skolerute: the school years its data file lists (published or
/// projected entry by entry) and its pattern for the years beyond.
public struct CountySchoolRoute: Sendable, Hashable {
    public var county: County
    /// School years by the year they start in.
    public var years: [Int: SchoolYearRoute]
    public var pattern: SchoolPattern
    /// Which schools the calendar is for ("videregående skoler og kommunene i Vestfold").
    public var scope: String?

    public init(county: County, years: [Int: SchoolYearRoute] = [:], pattern: SchoolPattern = .national, scope: String? = nil) {
        self.county = county
        self.years = years
        self.pattern = pattern
        self.scope = scope
    }

    /// The school year starting in `startYear`: from the data where listed, else projected from the pattern.
    public func schoolYear(startingIn startYear: Int) -> SchoolYearRoute {
        years[startYear] ?? pattern.year(startingIn: startYear)
    }
}
