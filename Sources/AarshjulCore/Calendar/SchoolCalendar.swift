/// A municipality's school calendar settings: its own corrections to the
/// county's skolerute. Unset fields leave the county's data as it is.
public struct SchoolCalendarSettings: Sendable, Equatable {
    /// The municipality's own winter-break week (ISO week), every year.
    public var winterBreakWeek: Int?
    public var autumnBreakWeek: Int?
    public var autumnBreakDays: Int?
    /// Summer breaks stated for a given year (key: the year the break starts).
    public var summerBreaks: [Int: DateRange]
    /// More days without school (planning days, local holidays), with reasons.
    public var extraClosedDays: [Blackout]
    /// Holidays from an imported skolerute; when non-empty they replace the
    /// county's breaks for the dates they cover.
    public var importedHolidays: [Blackout]
    /// The county's skolerute as read from data/skolerute/<county>.yaml; nil:
    /// the national default pattern (`SchoolPattern.national`), all projected.
    public var countyRoute: CountySchoolRoute?

    public init(winterBreakWeek: Int? = nil, autumnBreakWeek: Int? = nil, autumnBreakDays: Int? = nil,
                summerBreaks: [Int: DateRange] = [:], extraClosedDays: [Blackout] = [],
                importedHolidays: [Blackout] = [], countyRoute: CountySchoolRoute? = nil) {
        self.winterBreakWeek = winterBreakWeek
        self.autumnBreakWeek = autumnBreakWeek
        self.autumnBreakDays = autumnBreakDays
        self.summerBreaks = summerBreaks
        self.extraClosedDays = extraClosedDays
        self.importedHolidays = importedHolidays
        self.countyRoute = countyRoute
    }
}

/// The school holidays of one municipality: the county's skolerute (published
/// school years from the data files, projected ones from the county's
/// pattern), corrected by the municipality's own settings, with an imported
/// skolerute winning over both within the span it covers.
public struct SchoolCalendar: Sendable {
    public struct Break: Sendable, Hashable {
        public let range: DateRange
        public let name: LocalizedText
        /// Where the break comes from; nil for the municipality's own
        /// (agreement file, imported skolerute).
        public let provenance: Provenance?

        public init(range: DateRange, name: LocalizedText, provenance: Provenance? = nil) {
            self.range = range
            self.name = name
            self.provenance = provenance
        }
    }

    public let county: County
    public let settings: SchoolCalendarSettings
    public let route: CountySchoolRoute

    public init(county: County, settings: SchoolCalendarSettings = SchoolCalendarSettings()) {
        self.county = county
        self.settings = settings
        self.route = settings.countyRoute ?? CountySchoolRoute(county: county)
    }

    static let ownSetting = Provenance(status: .published,
                                       source: FactSource(id: "agreement", publisher: "Avtalefila",
                                                          title: "school_calendar"))

    /// The school year starting in `startYear`, with the municipality's own
    /// break weeks and stated summer breaks applied.
    public func schoolYear(startingIn startYear: Int) -> SchoolYearRoute {
        var year = route.schoolYear(startingIn: startYear)
        if let week = settings.winterBreakWeek, let i = year.breaks.firstIndex(where: { $0.kind == .winter }) {
            let monday = CivilDate.mondayOfISOWeek(week, year: startYear + 1)
            year.breaks[i].range = DateRange(monday, monday.adding(days: 4))
            year.breaks[i].provenance = Self.ownSetting
        }
        if settings.autumnBreakWeek != nil || settings.autumnBreakDays != nil,
           let i = year.breaks.firstIndex(where: { $0.kind == .autumn }) {
            let county = year.breaks[i].range
            let week = settings.autumnBreakWeek ?? county.first.isoWeek.week
            let days = settings.autumnBreakDays ?? min(5, county.dayCount)
            let monday = CivilDate.mondayOfISOWeek(week, year: startYear)
            year.breaks[i].range = DateRange(monday, monday.adding(days: max(1, days) - 1))
            year.breaks[i].provenance = Self.ownSetting
        }
        if let summer = settings.summerBreaks[startYear] {
            year.firstDay = SchoolDayFact(date: summer.last.adding(days: 1), provenance: Self.ownSetting)
        }
        if let summer = settings.summerBreaks[startYear + 1] {
            year.lastDay = SchoolDayFact(date: summer.first.adding(days: -1), provenance: Self.ownSetting)
        }
        return year
    }

    /// From the day after the last school day of the year before to the day
    /// before the first school day.
    public func summerBreak(startingIn year: Int) -> DateRange {
        if let stated = settings.summerBreaks[year] { return stated }
        let lastDay = schoolYear(startingIn: year - 1).lastDay.date
        let firstDay = schoolYear(startingIn: year).firstDay.date
        return DateRange(lastDay.adding(days: 1), max(lastDay.adding(days: 1), firstDay.adding(days: -1)))
    }

    /// The first school day after the summer break of `year`.
    public func schoolStart(in year: Int) -> CivilDate {
        summerBreak(startingIn: year).last.adding(days: 1)
    }

    static let summerName = LocalizedText(nb: "Sommerferie", nn: "Sommarferie", en: "Summer break")

    /// Every break that touches `year`, in date order.
    public func breaks(touching year: Int) -> [Break] {
        var list: [Break] = []
        for startYear in [year - 1, year] {
            let schoolYear = schoolYear(startingIn: startYear)
            for b in schoolYear.breaks { list.append(Break(range: b.range, name: b.name, provenance: b.provenance)) }
            if startYear == year {
                let summer = summerBreak(startingIn: year)
                let own = settings.summerBreaks[year] != nil
                let known = own ? Self.ownSetting
                    : Self.weaker(schoolYear.firstDay.provenance,
                                  self.schoolYear(startingIn: year - 1).lastDay.provenance)
                list.append(Break(range: summer, name: Self.summerName, provenance: known))
            }
        }
        // An imported skolerute replaces the county's breaks within the span it
        // covers (its first to its last holiday: a school year, say); outside
        // that span the county's breaks stand, so a 2026–27 skolerute does not
        // erase the autumn and Christmas breaks of autumn 2027.
        if let first = settings.importedHolidays.map(\.range.first).min(),
           let last = settings.importedHolidays.map(\.range.last).max() {
            list = list.flatMap { computed -> [Break] in
                var pieces: [Break] = []
                if computed.range.first < first {
                    pieces.append(Break(range: DateRange(computed.range.first, min(computed.range.last, first.adding(days: -1))),
                                        name: computed.name, provenance: computed.provenance))
                }
                if computed.range.last > last {
                    pieces.append(Break(range: DateRange(max(computed.range.first, last.adding(days: 1)), computed.range.last),
                                        name: computed.name, provenance: computed.provenance))
                }
                return pieces
            }
        }
        for extra in settings.extraClosedDays + settings.importedHolidays where extra.range.overlaps(.year(year)) {
            list.append(Break(range: extra.range, name: LocalizedText(nb: extra.reason, en: extra.reason)))
        }
        return list.filter { $0.range.overlaps(.year(year)) }
            .enumerated()
            .sorted { ($0.element.range.first, $0.offset) < ($1.element.range.first, $1.offset) }
            .map(\.element)
    }

    /// The projected one of two provenances (a summer break is only as
    /// certain as both its ends).
    static func weaker(_ a: Provenance, _ b: Provenance) -> Provenance {
        a.status == .projected ? a : b
    }

    /// True when an imported skolerute covers the whole school year.
    func importCovers(_ schoolYear: SchoolYearRoute) -> Bool {
        guard let first = settings.importedHolidays.map(\.range.first).min(),
              let last = settings.importedHolidays.map(\.range.last).max() else { return false }
        return first <= schoolYear.firstDay.date && last >= schoolYear.lastDay.date.adding(days: -14)
    }

    /// One note per school year touching `years` whose skolerute is (partly)
    /// projected: which breaks are assumed, and in which week; dated by the
    /// first assumed break it names (so a plan lists it as the year runs).
    public func projectionNotes(years: ClosedRange<Int>) -> [(date: CivilDate, text: LocalizedText)] {
        var notes: [(date: CivilDate, text: LocalizedText)] = []
        let span = DateRange(.firstOfYear(years.lowerBound), .lastOfYear(years.upperBound))
        for startYear in (years.lowerBound - 1)...years.upperBound {
            let schoolYear = schoolYear(startingIn: startYear)
            guard schoolYear.hasProjections, !importCovers(schoolYear),
                  let note = SchoolRouteWords.projectionNote(schoolYear, county: county, span: span, own: Self.ownSetting) else { continue }
            let assumed = schoolYear.breaks.filter {
                [.winter, .autumn, .easter].contains($0.kind) && $0.provenance.status == .projected && $0.range.overlaps(span)
            }
            notes.append((max(assumed.map(\.range.first).min() ?? span.first, span.first), note))
        }
        return notes
    }
}
