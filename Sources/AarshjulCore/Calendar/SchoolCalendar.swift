/// A municipality's school calendar settings. Unset fields fall back to the
/// county defaults and the national pattern described in `SchoolCalendar`.
public struct SchoolCalendarSettings: Sendable, Equatable {
    public var winterBreakWeek: Int?
    public var autumnBreakWeek: Int?
    public var autumnBreakDays: Int?
    /// Summer breaks stated for a given year (key: the year the break starts).
    public var summerBreaks: [Int: DateRange]
    /// More days without school (planning days, local holidays), with reasons.
    public var extraClosedDays: [Blackout]
    /// Holidays from an imported skolerute; when non-empty for a year they
    /// replace the computed breaks for the dates they cover.
    public var importedHolidays: [Blackout]

    public init(winterBreakWeek: Int? = nil, autumnBreakWeek: Int? = nil, autumnBreakDays: Int? = nil,
                summerBreaks: [Int: DateRange] = [:], extraClosedDays: [Blackout] = [],
                importedHolidays: [Blackout] = []) {
        self.winterBreakWeek = winterBreakWeek
        self.autumnBreakWeek = autumnBreakWeek
        self.autumnBreakDays = autumnBreakDays
        self.summerBreaks = summerBreaks
        self.extraClosedDays = extraClosedDays
        self.importedHolidays = importedHolidays
    }
}

/// The school holidays of one municipality, from county defaults and its own
/// settings. The national pattern: summer break from the Saturday after the
/// last Friday on or before 21 June to the Sunday before the first Monday on
/// or after 15 August; Easter break from the Saturday before Palm Sunday to
/// Easter Monday; Christmas break 20 December to 2 January.
public struct SchoolCalendar: Sendable {
    public struct Break: Sendable, Hashable {
        public let range: DateRange
        public let name: LocalizedText
    }

    public let county: County
    public let settings: SchoolCalendarSettings

    public init(county: County, settings: SchoolCalendarSettings = SchoolCalendarSettings()) {
        self.county = county
        self.settings = settings
    }

    public func summerBreak(startingIn year: Int) -> DateRange {
        if let stated = settings.summerBreaks[year] { return stated }
        var lastDay = CivilDate(year: year, month: 6, day: 21)!
        while lastDay.weekday != .friday { lastDay = lastDay.adding(days: -1) }
        var firstDay = CivilDate(year: year, month: 8, day: 15)!
        while firstDay.weekday != .monday { firstDay = firstDay.adding(days: 1) }
        return DateRange(lastDay.adding(days: 1), firstDay.adding(days: -1))
    }

    /// The first school day after the summer break of `year`.
    public func schoolStart(in year: Int) -> CivilDate {
        summerBreak(startingIn: year).last.adding(days: 1)
    }

    /// Every break that touches `year`, in date order.
    public func breaks(touching year: Int) -> [Break] {
        var list: [Break] = []
        let winterWeek = settings.winterBreakWeek ?? county.winterBreakWeek
        let winterMonday = CivilDate.mondayOfISOWeek(winterWeek, year: year)
        list.append(Break(range: DateRange(winterMonday, winterMonday.adding(days: 4)),
                          name: LocalizedText(nb: "Vinterferie", en: "Winter break")))
        let easter = PublicHolidays.easterSunday(year)
        list.append(Break(range: DateRange(easter.adding(days: -8), easter.adding(days: 1)),
                          name: LocalizedText(nb: "Påskeferie", en: "Easter break")))
        list.append(Break(range: summerBreak(startingIn: year),
                          name: LocalizedText(nb: "Sommarferie", en: "Summer break").withBokmal("Sommerferie")))
        let autumnWeek = settings.autumnBreakWeek ?? county.autumnBreakWeek
        let autumnDays = settings.autumnBreakDays ?? county.autumnBreakDays
        let autumnMonday = CivilDate.mondayOfISOWeek(autumnWeek, year: year)
        list.append(Break(range: DateRange(autumnMonday, autumnMonday.adding(days: max(1, autumnDays) - 1)),
                          name: LocalizedText(nb: "Høstferie", nn: "Haustferie", en: "Autumn break")))
        let christmas = LocalizedText(nb: "Juleferie", en: "Christmas break")
        list.append(Break(range: DateRange(CivilDate(year: year - 1, month: 12, day: 20)!, CivilDate(year: year, month: 1, day: 2)!), name: christmas))
        list.append(Break(range: DateRange(CivilDate(year: year, month: 12, day: 20)!, CivilDate(year: year + 1, month: 1, day: 2)!), name: christmas))
        // An imported skolerute replaces the computed breaks within the span it
        // covers (its first to its last holiday: a school year, say); outside
        // that span the computed breaks stand, so a 2026–27 skolerute does not
        // erase the autumn and Christmas breaks of autumn 2027.
        if let first = settings.importedHolidays.map(\.range.first).min(),
           let last = settings.importedHolidays.map(\.range.last).max() {
            list = list.flatMap { computed -> [Break] in
                var pieces: [Break] = []
                if computed.range.first < first {
                    pieces.append(Break(range: DateRange(computed.range.first, min(computed.range.last, first.adding(days: -1))),
                                        name: computed.name))
                }
                if computed.range.last > last {
                    pieces.append(Break(range: DateRange(max(computed.range.first, last.adding(days: 1)), computed.range.last),
                                        name: computed.name))
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
}

extension LocalizedText {
    func withBokmal(_ nb: String) -> LocalizedText { LocalizedText(nb: nb, nn: nynorsk, en: english) }
}
