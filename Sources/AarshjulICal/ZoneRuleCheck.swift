import AarshjulCore
import CLibical

/// Refuses VTIMEZONE rules that would make libical expand without end:
/// libical computes a zone's changes from the rule's DTSTART onwards, so a
/// daily (or RSCALE) rule from 1601 costs minutes on the first time read.
/// Real zones change twice a year; a rule giving more changes than
/// `ImportLimits.maxZoneChanges` up to the last plannable year is refused.
struct ZoneRuleCheck {
    let file: ParsedFile
    /// The last year anything is planned or read for.
    static let lastYear: Int32 = 2201

    func check() throws(ICalError) {
        var seen: [String: Int] = [:]
        for calendar in file.calendars {
            for zone in calendar.children(ICAL_VTIMEZONE_COMPONENT) {
                for part in zone.children(ICAL_ANY_COMPONENT) {
                    let kind = part.kindName
                    let ordinal = seen[kind, default: 0]
                    seen[kind] = ordinal + 1
                    let extent = file.source.component(kind, ordinal: ordinal)
                    let line = extent.flatMap { file.source.line(startingWithProperty: "RRULE", from: $0.begin, to: $0.end) ?? $0.begin }
                    for property in part.properties(ICAL_RRULE_PROPERTY) {
                        try check(rule: icalproperty_get_rrule(property), start: icalcomponent_get_dtstart(part.pointer), line: line)
                    }
                }
            }
        }
    }

    private func check(rule: icalrecurrencetype, start: icaltimetype, line: Int?) throws(ICalError) {
        if let rscale = RecurrenceRule.nonGregorianScale(rule) {
            throw .malformed(file: file.fileName, line: line, column: file.source.column(of: "RSCALE=", line: line),
                             message: LocalizedText(
                nb: "RRULE-en til tidssonen bruker RSCALE=\(rscale) (en ikke-gregoriansk kalender), som Aarshjul ikke leser; forventet en årlig regel som RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                nn: "RRULE-en til tidssona brukar RSCALE=\(rscale) (ein ikkje-gregoriansk kalender), som Aarshjul ikkje les; venta ein årleg regel som RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                en: "the time zone's RRULE uses RSCALE=\(rscale) (a non-Gregorian calendar), which Aarshjul does not read; expected a yearly rule such as RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))
        }
        let limit = file.budget.limits.maxZoneChanges
        // A real zone's yearly rule is bounded by its parts alone (one change a
        // year from its DTSTART): walked, it took a sixth of reading a feed.
        if let bound = RecurrenceRule.yearlyBound(rule, from: start, until: Self.lastYear), bound <= limit { return }
        let steps = RecurrenceRule.countSteps(rule, from: start, until: Self.lastYear, limit: limit)
        if steps > limit {
            let n = limit.grouped, year = Self.lastYear
            throw .malformed(file: file.fileName, line: line, column: file.source.column(of: "FREQ=", line: line),
                             message: LocalizedText(
                nb: "RRULE-en til tidssonen stiller klokka mer enn \(n) ganger fram til \(year) (grensen per tidssoneregel); forventet en årlig regel som RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                nn: "RRULE-en til tidssona stiller klokka meir enn \(n) gonger fram til \(year) (grensa per tidssoneregel); venta ein årleg regel som RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                en: "the time zone's RRULE changes the clock more than \(n) times up to \(year) (the limit per time-zone rule); expected a yearly rule such as RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))
        }
    }
}

/// Small readings of libical recurrence rules.
enum RecurrenceRule {
    /// The RSCALE name when the rule asks for a calendar other than the Gregorian one.
    static func nonGregorianScale(_ rule: icalrecurrencetype) -> String? {
        guard let pointer = rule.rscale else { return nil }
        let name = String(cString: pointer).uppercased()
        return name.isEmpty || name == "GREGORIAN" ? nil : name
    }

    /// At least as many steps as a YEARLY rule takes from `start` to the end
    /// of `year`, read from its parts without walking it; nil for other rules
    /// and for parts this does not bound (BYHOUR, BYMINUTE, BYSECOND,
    /// BYYEARDAY, BYWEEKNO), which are then walked. Per year: one step per
    /// BYMONTH value times the days each month may give (BYMONTHDAY values,
    /// or per BYDAY entry 1 with an ordinal and 5 without); without BYMONTH,
    /// twelve months of BYMONTHDAY, or per BYDAY entry 1 or 53. COUNT caps it.
    static func yearlyBound(_ rule: icalrecurrencetype, from start: icaltimetype, until year: Int32) -> Int? {
        guard rule.freq == ICAL_YEARLY_RECURRENCE,
              values(rule.by_hour).isEmpty, values(rule.by_minute).isEmpty, values(rule.by_second).isEmpty,
              values(rule.by_year_day).isEmpty, values(rule.by_week_no).isEmpty else { return nil }
        let months = values(rule.by_month).count, monthDays = values(rule.by_month_day).count
        let days = values(rule.by_day)
        let perYear: Int
        if monthDays > 0 {
            perYear = (months > 0 ? months : 12) * monthDays
        } else if !days.isEmpty {
            let perEntry = months > 0 ? 5 : 53
            perYear = max(1, months) * days.reduce(0) { $0 + (icalrecurrencetype_day_position($1) != 0 ? 1 : perEntry) }
        } else {
            perYear = max(1, months)
        }
        let interval = max(1, Int(rule.interval))
        let periods = max(0, Int(year) - Int(start.year)) / interval + 1
        let bound = perYear * periods
        return rule.count > 0 ? min(bound, Int(rule.count)) : bound
    }

    /// The values of one of libical's BY* arrays (a C array ended by ICAL_RECURRENCE_ARRAY_MAX unless full).
    private static func values<T>(_ array: T) -> [Int16] {
        withUnsafeBytes(of: array) { raw in
            Array(raw.bindMemory(to: Int16.self).prefix { $0 != Int16(ICAL_RECURRENCE_ARRAY_MAX.rawValue) })
        }
    }

    /// libical's steps for `rule` from `start` until a step past `until`
    /// (a year) or the rule's end, stopping once past `limit`.
    static func countSteps(_ rule: icalrecurrencetype, from start: icaltimetype, until year: Int32, limit: Int) -> Int {
        guard let iterator = icalrecur_iterator_new(rule, start) else { return 0 }
        defer { icalrecur_iterator_free(iterator) }
        var count = 0
        while count <= limit {
            let next = icalrecur_iterator_next(iterator)
            if icaltime_is_null_time(next) != 0 || next.year > year { break }
            count += 1
        }
        return count
    }
}
