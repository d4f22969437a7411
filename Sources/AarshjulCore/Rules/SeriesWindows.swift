/// What the frequency rules mean in dates: the windows, slices and school sets
/// a series is planned into. Shared by the solver and the audit because they
/// are the definition of the rules, not a planning decision.
enum SeriesWindows {
    /// The school-year window of `window` in `year`.
    static func range(of window: SchoolWindow, in year: Int, school: SchoolCalendar) -> DateRange {
        switch window {
        case .schoolStart(let weeks):
            let start = school.schoolStart(in: year)
            return DateRange(start, start.adding(days: max(1, weeks) * 7 - 1))
        case .grade7(let w):
            return (w ?? MonthDayWindow(fromMonth: 9, fromDay: 1, toMonth: 11, toDay: 30)).range(in: year)
        case .grade10(let w):
            return (w ?? MonthDayWindow(fromMonth: 3, fromDay: 1, toMonth: 5, toDay: 31)).range(in: year)
        case .russSeason(let w):
            return (w ?? MonthDayWindow(fromMonth: 4, fromDay: 20, toMonth: 5, toDay: 16)).range(in: year)
        case .custom(_, let w):
            return w.range(in: year)
        }
    }

    /// The school levels a per-school window visits.
    static func levels(of window: SchoolWindow) -> [SchoolLevel] {
        switch window {
        case .grade7: return [.primary, .combined]
        case .grade10, .schoolStart: return [.lowerSecondary, .combined]
        case .russSeason: return [.upperSecondary]
        case .custom: return SchoolLevel.allCases
        }
    }

    /// One entry per event a school-window series has in a year: a school, or
    /// nil for a single municipal event.
    static func schools(for rule: FrequencyRule, in agreement: Agreement) -> [School?] {
        guard case .schoolWindow(let window, let perSchool) = rule, perSchool else { return [nil] }
        let levels = levels(of: window)
        let matching = agreement.schools.filter { levels.contains($0.level) }
        return matching.isEmpty ? [nil] : matching.map { Optional($0) }
    }

    /// `count` equal slices of the year, in order.
    static func slices(of year: Int, count: Int) -> [DateRange] {
        let first = CivilDate.firstOfYear(year).dayNumber
        let length = DateRange.year(year).dayCount
        return (0..<count).map { k in
            DateRange(CivilDate(dayNumber: first + k * length / count),
                      CivilDate(dayNumber: first + (k + 1) * length / count - 1))
        }
    }

    /// The previous year's last meeting of an every-A–B-weeks chain, when it
    /// belongs to the year before `firstYear` (an older date says nothing
    /// about a plan that starts later, so the chain starts afresh).
    static func previousLast(_ rule: FrequencyRule, firstYear: Int) -> CivilDate? {
        guard case .everyWeeks(_, _, let previous?) = rule, previous.year == firstYear - 1 else { return nil }
        return previous
    }

    /// Days of the pupils' summer holidays strictly between `a` and `b`.
    static func summerDays(between a: CivilDate, and b: CivilDate, school: SchoolCalendar) -> Int {
        guard a < b else { return 0 }
        var days = 0
        for year in a.year...b.year {
            let summer = school.summerBreak(startingIn: year)
            let first = max(summer.first.dayNumber, a.dayNumber + 1), last = min(summer.last.dayNumber, b.dayNumber - 1)
            if first <= last { days += last - first + 1 }
        }
        return days
    }

    /// True for series that may only meet on school days.
    static func isSchoolOnly(_ series: MeetingSeries) -> Bool {
        if case .schoolWindow = series.rule { return true }
        return series.schoolTermOnly
    }

    /// The hours `series` may meet in on `day`; nil when it cannot meet that
    /// weekday. A venue's opening hours; without a venue the time the series
    /// states (an evening parent meeting is not cut to office hours), else
    /// the default office day (`RuleCatalogue.defaultOfficeHours`, Mon–Fri).
    static func hours(_ series: MeetingSeries, venue: Venue?, on day: Weekday) -> TimeSpan? {
        if let venue { return venue.officeHours[day] }
        guard day.rawValue <= 5 else { return nil }
        if let stated = series.statedTime { return stated.span(duration: series.durationMinutes) }
        return RuleCatalogue.defaultOfficeHours
    }

    /// Where an event of `series` is held, as LOCATION shows it: the venue,
    /// else the school a per-school event is for, else the place the series
    /// names, else — for a school event — the schools it goes to ("the lower
    /// secondary schools"); nil for a series that says nothing about a place.
    static func place(_ series: MeetingSeries, venue: Venue?, school: School?, language: PlanLanguage) -> String? {
        if let venue { return venue.location }
        if let school { return school.name }
        if let place = series.place, !place.isEmpty { return place }
        guard isSchoolOnly(series) else { return nil }
        let schools: LocalizedText
        switch series.rule {
        case .schoolWindow(.schoolStart, _), .schoolWindow(.grade10, _):
            schools = LocalizedText(nb: "Ungdomsskolene", nn: "Ungdomsskulane", en: "The lower secondary schools")
        case .schoolWindow(.grade7, _):
            schools = LocalizedText(nb: "Barneskolene", nn: "Barneskulane", en: "The primary schools")
        case .schoolWindow(.russSeason, _):
            schools = LocalizedText(nb: "De videregående skolene", nn: "Dei vidaregåande skulane", en: "The upper secondary schools")
        default:
            schools = LocalizedText(nb: "Skolene", nn: "Skulane", en: "The schools")
        }
        return schools.text(language)
    }

    /// A school window's name in plain words.
    static func name(of window: SchoolWindow) -> LocalizedText {
        switch window {
        case .schoolStart: return LocalizedText(nb: "skolestart", nn: "skulestart", en: "school start")
        case .grade7: return LocalizedText(nb: "7. trinn", en: "7th grade")
        case .grade10: return LocalizedText(nb: "10. trinn", en: "10th grade")
        case .russSeason: return LocalizedText(nb: "russetida", en: "the russ season")
        case .custom(let name, _): return LocalizedText(nb: name, en: name)
        }
    }
}

extension DateRange {
    /// "01.07.–30.09.", the last day included.
    var norwegianShort: String { Words.dateRange(first, last, .bokmal) }
    /// "1 Jul – 30 Sep", the last day included.
    var englishShort: String { Words.dateRange(first, last, .english) }
}
