/// Why a day is unavailable. School holidays block only school events.
public enum DayBlocker: Sendable, Hashable {
    case weekend(Weekday)
    case publicHoliday(LocalizedText)
    /// Christmas Eve–New Year's Eve, fellesferie: default no-meeting periods.
    case noMeetingPeriod(LocalizedText)
    /// A date the agreement (or the user) closed, with its reason.
    case blackout(String)
    case schoolHoliday(LocalizedText)

    /// True when the blocker stops every meeting, not only school events.
    public var blocksAllMeetings: Bool {
        if case .schoolHoliday = self { return false }
        return true
    }

    public func text(_ language: PlanLanguage) -> String {
        switch self {
        case .weekend: return LocalizedText(nb: "helg", nn: "helg", en: "weekend").text(language)
        case .publicHoliday(let name), .noMeetingPeriod(let name), .schoolHoliday(let name): return name.text(language)
        case .blackout(let reason): return reason
        }
    }
}

/// The Norwegian calendar as one municipality sees it over a span of years:
/// public holidays, no-meeting periods, blackouts, school holidays and
/// elections. Precomputed once so the solver asks in O(1) per day.
public struct MunicipalCalendar: Sendable {
    public let years: ClosedRange<Int>
    public let school: SchoolCalendar
    public let electionOverrides: [Int: CivilDate]
    /// Decided election days (data/valg.yaml) and the rule for the rest.
    public let elections: ElectionTable
    private let firstDayNumber: Int
    private let blockers: [[DayBlocker]]

    /// Covers `years` plus a year either side, for gaps across year boundaries.
    public init(agreement: Agreement, years: ClosedRange<Int>, extraBlackouts: [Blackout] = []) {
        self.init(county: agreement.county, school: agreement.schoolCalendar,
                  noMeeting: agreement.noMeetingPeriods,
                  blackouts: agreement.blackouts + extraBlackouts,
                  electionOverrides: agreement.electionOverrides, elections: agreement.electionTable, years: years)
    }

    public init(county: County, school: SchoolCalendarSettings = SchoolCalendarSettings(),
                noMeeting: NoMeetingSettings = NoMeetingSettings(), blackouts: [Blackout] = [],
                electionOverrides: [Int: CivilDate] = [:], elections: ElectionTable = .rule, years: ClosedRange<Int>) {
        self.years = years
        self.school = SchoolCalendar(county: county, settings: school)
        self.electionOverrides = electionOverrides
        self.elections = elections
        self.noMeeting = noMeeting
        self.blackouts = blackouts
        let span = DateRange(.firstOfYear(years.lowerBound - 1), .lastOfYear(years.upperBound + 1))
        firstDayNumber = span.first.dayNumber
        var table = Array(repeating: [DayBlocker](), count: span.dayCount)
        func add(_ date: CivilDate, _ blocker: DayBlocker) {
            let i = date.dayNumber - span.first.dayNumber
            if table.indices.contains(i), !table[i].contains(blocker) { table[i].append(blocker) }
        }
        for year in (years.lowerBound - 1)...(years.upperBound + 1) {
            for (range, blocker) in Self.datedBlockers(of: year, school: self.school, noMeeting: noMeeting) {
                for day in range { add(day, blocker) }
            }
        }
        for blackout in blackouts {
            for day in blackout.range where span.contains(day) { add(day, .blackout(blackout.reason)) }
        }
        for day in span where day.isWeekend { add(day, .weekend(day.weekday)) }
        blockers = table
    }

    private let noMeeting: NoMeetingSettings
    private let blackouts: [Blackout]

    /// What one year contributes, in listing order: public holidays, the
    /// default no-meeting periods, then the school breaks touching it.
    private static func datedBlockers(of year: Int, school: SchoolCalendar,
                                      noMeeting: NoMeetingSettings) -> [(DateRange, DayBlocker)] {
        var list: [(DateRange, DayBlocker)] = []
        for holiday in PublicHolidays.holidays(in: year) {
            list.append((DateRange(holiday.date, holiday.date), .publicHoliday(holiday.name)))
        }
        if noMeeting.christmas {
            let name = LocalizedText(nb: "Jul og romjul", nn: "Jul og romjul", en: "Christmas period")
            list.append((DateRange(CivilDate(year: year, month: 12, day: 24)!, .lastOfYear(year)), .noMeetingPeriod(name)))
        }
        if noMeeting.fellesferie {
            let name = LocalizedText(nb: "Fellesferie", en: "Common summer holiday")
            let range = DateRange(CivilDate.mondayOfISOWeek(28, year: year), CivilDate.mondayOfISOWeek(31, year: year).adding(days: 6))
            list.append((range, .noMeetingPeriod(name)))
        }
        for b in school.breaks(touching: year) { list.append((b.range, .schoolHoliday(b.name))) }
        return list
    }

    /// The same rules as the precomputed table, for a day outside it, so a
    /// question about a far year never gets "free" for Christmas Day.
    private func computedBlockers(on date: CivilDate) -> [DayBlocker] {
        var out: [DayBlocker] = []
        func add(_ blocker: DayBlocker) { if !out.contains(blocker) { out.append(blocker) } }
        for (range, blocker) in Self.datedBlockers(of: date.year, school: school, noMeeting: noMeeting)
        where range.contains(date) { add(blocker) }
        for blackout in blackouts where blackout.range.contains(date) { add(.blackout(blackout.reason)) }
        if date.isWeekend { add(.weekend(date.weekday)) }
        return out
    }

    /// Everything that stands in the way of a meeting on `date` (empty: a free working day).
    public func blockers(on date: CivilDate) -> [DayBlocker] {
        let i = date.dayNumber - firstDayNumber
        return blockers.indices.contains(i) ? blockers[i] : computedBlockers(on: date)
    }

    /// A day any meeting may be held on.
    public func isMeetingDay(_ date: CivilDate) -> Bool {
        !blockers(on: date).contains { $0.blocksAllMeetings }
    }

    /// A day a school event may be held on.
    public func isSchoolDay(_ date: CivilDate) -> Bool { blockers(on: date).isEmpty }

    public func isPublicHoliday(_ date: CivilDate) -> Bool {
        blockers(on: date).contains { if case .publicHoliday = $0 { return true } else { return false } }
    }

    public func election(in year: Int) -> Elections.Election? {
        elections.election(in: year, overrides: electionOverrides)
    }
}
