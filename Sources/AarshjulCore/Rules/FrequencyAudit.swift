/// The `frequency` hard rule checked on one series' events (sorted by date):
/// counts per period, windows, and the gaps of every-A–B-weeks chains.
struct FrequencyAudit {
    let series: MeetingSeries
    let events: [AuditEvent]
    let agreement: Agreement
    let calendar: MunicipalCalendar
    let years: ClosedRange<Int>

    func violations() -> [Violation] {
        switch series.rule {
        case .perQuarter(let n):
            return years.flatMap { year in
                (1...4).compactMap { q in count(in: .quarter(q, of: year), expected: n, period: quarterName(q, year)) }
            }
        case .perYear(let count, _):
            return years.flatMap { year in
                var found: [Violation] = []
                if let v = self.count(in: .year(year), expected: count, period: yearName(year)) { found.append(v) }
                for (k, slice) in SeriesWindows.slices(of: year, count: max(1, count)).enumerated() {
                    if let v = self.count(in: slice, expected: 1, period: sliceName(k + 1, of: count, slice)) { found.append(v) }
                }
                return found
            }
        case .monthly(let skip):
            return years.flatMap { year in
                (1...12).compactMap { m in
                    count(in: .month(m, of: year), expected: skip.contains(m) ? 0 : 1,
                          period: LocalizedText(nb: "\(Words.monthName(m, .bokmal)) \(year)", nn: "\(Words.monthName(m, .nynorsk)) \(year)",
                                                en: "\(Words.monthName(m, .english)) \(year)"))
                }
            }
        case .yearly(let window):
            return years.flatMap { year in
                var found: [Violation] = []
                if let v = count(in: .year(year), expected: 1, period: yearName(year)) { found.append(v) }
                if let window {
                    let range = window.range(in: year)
                    found += outside(range, events: events.filter { $0.date.year == year })
                }
                return found
            }
        case .schoolWindow(let window, _):
            return schoolWindowViolations(window)
        case .weekly:
            return weeklyViolations()
        case .everyWeeks(let a, let b, _):
            return chainViolations(minDays: a * 7, maxDays: b * 7,
                                   previousLast: SeriesWindows.previousLast(series.rule, firstYear: years.lowerBound))
        }
    }

    // MARK: Counts

    private func count(in range: DateRange, expected: Int, period: LocalizedText) -> Violation? {
        let n = events.filter { range.contains($0.date) }.count
        guard n != expected else { return nil }
        return Violation(ruleID: RuleCatalogue.frequency, uid: nil, explanation: LocalizedText(
            nb: "\(series.title): \(n) møter i \(period.bokmal), avtalen krever \(expected).",
            nn: "\(series.title): \(n) møte i \(period.nynorsk), avtalen krev \(expected).",
            en: "\(series.title): \(n) meetings in \(period.english), the agreement asks for \(expected)."))
    }

    private func outside(_ range: DateRange, events: [AuditEvent]) -> [Violation] {
        events.filter { !range.contains($0.date) }.map { event in
            Violation(ruleID: RuleCatalogue.frequency, uid: event.uid, explanation: LocalizedText(
                nb: "\(series.title) \(event.date.norwegian): utenfor perioden \(range.norwegianShort).",
                nn: "\(series.title) \(event.date.norwegian): utanfor perioden \(range.norwegianShort).",
                en: "\(series.title) \(event.date.english): outside the window \(range.englishShort)."))
        }
    }

    private func schoolWindowViolations(_ window: SchoolWindow) -> [Violation] {
        let expected = SeriesWindows.schools(for: series.rule, in: agreement)
        var found: [Violation] = []
        for year in years {
            let range = SeriesWindows.range(of: window, in: year, school: calendar.school)
            let inYear = events.filter { $0.date.year == year }
            for school in expected {
                let mine = inYear.filter { $0.schoolID == school?.id }
                let label = school.map { " – \($0.name)" } ?? ""
                if mine.count != 1 {
                    found.append(Violation(ruleID: RuleCatalogue.frequency, uid: nil, explanation: LocalizedText(
                        nb: "\(series.title)\(label): \(mine.count) arrangementer i \(year), avtalen krever 1.",
                        nn: "\(series.title)\(label): \(mine.count) arrangement i \(year), avtalen krev 1.",
                        en: "\(series.title)\(label): \(mine.count) events in \(year), the agreement asks for 1.")))
                }
                found += outside(range, events: mine)
            }
            let known = Set(expected.map { $0?.id })
            for event in inYear where !known.contains(event.schoolID) {
                found.append(Violation(ruleID: RuleCatalogue.frequency, uid: event.uid, explanation: LocalizedText(
                    nb: "\(series.title): arrangement for en skole serien ikke gjelder (\(event.schoolID ?? "-")).",
                    nn: "\(series.title): arrangement for ein skule serien ikkje gjeld (\(event.schoolID ?? "-")).",
                    en: "\(series.title): an event for a school the series does not cover (\(event.schoolID ?? "-")).")))
            }
        }
        return found
    }

    // MARK: Weekly presence

    private func weeklyViolations() -> [Violation] {
        var found: [Violation] = []
        let venue = series.venue.flatMap { agreement.venue($0) }
        for year in years {
            for week in 1...CivilDate.isoWeeksInYear(year) {
                let monday = CivilDate.mondayOfISOWeek(week, year: year)
                let days = (0..<7).map { monday.adding(days: $0) }.filter { $0.year == year }
                let held = events.filter { $0.date.isoWeek == (year, week) }
                if held.count > 1 {
                    found.append(Violation(ruleID: RuleCatalogue.frequency, uid: held[1].uid, explanation: LocalizedText(
                        nb: "\(series.title): \(held.count) dager i uke \(week) i \(year), avtalen sier én.",
                        nn: "\(series.title): \(held.count) dagar i veke \(week) i \(year), avtalen seier éin.",
                        en: "\(series.title): \(held.count) days in week \(week) of \(year), the agreement says one.")))
                }
                let anyFree = days.contains { Self.usable($0, series, venue: venue, calendar: calendar) }
                if held.isEmpty && anyFree {
                    found.append(Violation(ruleID: RuleCatalogue.frequency, uid: nil, explanation: LocalizedText(
                        nb: "\(series.title): ingen dag i uke \(week) i \(year), selv om uka har ledige dager.",
                        nn: "\(series.title): ingen dag i veke \(week) i \(year), sjølv om veka har ledige dagar.",
                        en: "\(series.title): no day in week \(week) of \(year) although the week has free days."),
                        seriesID: series.id, period: DateRange(days[0], days[days.count - 1])))
                }
            }
        }
        return found
    }

    /// True when the calendar lets `series` meet on `day` at all (a meeting
    /// day, a school day for school events, the venue open long enough).
    static func usable(_ day: CivilDate, _ series: MeetingSeries, venue: Venue?, calendar: MunicipalCalendar) -> Bool {
        let open = calendar.isMeetingDay(day) && (!SeriesWindows.isSchoolOnly(series) || calendar.isSchoolDay(day))
        guard open, let hours = SeriesWindows.hours(series, venue: venue, on: day.weekday) else { return false }
        return series.allDay || hours.minutes >= series.durationMinutes
    }

    // MARK: Every A–B weeks

    private func chainViolations(minDays: Int, maxDays: Int, previousLast: CivilDate?) -> [Violation] {
        let firstDay = CivilDate.firstOfYear(years.lowerBound)
        let lastDay = CivilDate.lastOfYear(years.upperBound)
        let mine = events.filter { $0.date >= firstDay && $0.date <= lastDay }
        guard let first = mine.first, let last = mine.last else {
            return [Violation(ruleID: RuleCatalogue.frequency, uid: nil, explanation: LocalizedText(
                nb: "\(series.title): ingen møter planlagt.", nn: "\(series.title): ingen møte planlagde.",
                en: "\(series.title): no meetings planned."))]
        }
        var found: [Violation] = []
        func gapViolation(_ from: CivilDate, _ to: AuditEvent) {
            let gap = to.date - from
            // A school-term chain does not count the pupils' summer holiday towards its longest gap.
            let summer = SeriesWindows.isSchoolOnly(series)
                ? SeriesWindows.summerDays(between: from, and: to.date, school: calendar.school) : 0
            guard gap < minDays || gap - summer > maxDays else { return }
            found.append(Violation(ruleID: RuleCatalogue.frequency, uid: to.uid, explanation: LocalizedText(
                nb: "\(series.title) \(to.date.norwegian): \(gap) dager etter forrige møte (\(from.norwegian)), avtalen sier \(minDays / 7)–\(maxDays / 7) uker.",
                nn: "\(series.title) \(to.date.norwegian): \(gap) dagar etter førre møte (\(from.norwegian)), avtalen seier \(minDays / 7)–\(maxDays / 7) veker.",
                en: "\(series.title) \(to.date.english): \(gap) days after the previous meeting (\(from.english)), the agreement says \(minDays / 7)–\(maxDays / 7) weeks.")))
        }
        if let previousLast, previousLast < first.date {
            gapViolation(previousLast, first)
        } else if first.date - firstDay >= maxDays {
            found.append(Violation(ruleID: RuleCatalogue.frequency, uid: first.uid, explanation: LocalizedText(
                nb: "\(series.title): første møte \(first.date.norwegian) kommer mer enn \(maxDays / 7) uker ut i året.",
                nn: "\(series.title): første møte \(first.date.norwegian) kjem meir enn \(maxDays / 7) veker ut i året.",
                en: "\(series.title): the first meeting \(first.date.english) is more than \(maxDays / 7) weeks into the year.")))
        }
        for (a, b) in zip(mine, mine.dropFirst()) { gapViolation(a.date, b) }
        if lastDay - last.date >= maxDays {
            found.append(Violation(ruleID: RuleCatalogue.frequency, uid: last.uid, explanation: LocalizedText(
                nb: "\(series.title): siste møte \(last.date.norwegian) er for tidlig til at neste års første møte kan holde avstanden.",
                nn: "\(series.title): siste møte \(last.date.norwegian) er for tidleg til at første møte neste år kan halde avstanden.",
                en: "\(series.title): the last meeting \(last.date.english) is too early for next year's first meeting to keep the gap.")))
        }
        return found
    }

    // MARK: Period names

    private func quarterName(_ q: Int, _ year: Int) -> LocalizedText {
        PeriodNames.quarter(q, year)
    }

    private func yearName(_ year: Int) -> LocalizedText { LocalizedText(nb: "\(year)", en: "\(year)") }

    private func sliceName(_ k: Int, of count: Int, _ range: DateRange) -> LocalizedText {
        PeriodNames.slice(k, of: count, range)
    }
}

/// Period names shared by the audit's and the solver's messages.
enum PeriodNames {
    static func quarter(_ q: Int, _ year: Int) -> LocalizedText {
        let range = DateRange.quarter(q, of: year).norwegianShort
        return LocalizedText(nb: "\(q). kvartal \(year) (\(range))", en: "Q\(q) \(year) (\(range))")
    }

    static func slice(_ k: Int, of count: Int, _ range: DateRange) -> LocalizedText {
        LocalizedText(nb: "periode \(k) av \(count) i \(range.first.year) (\(range.norwegianShort))",
                      en: "period \(k) of \(count) in \(range.first.year) (\(range.englishShort))")
    }

    static func month(_ m: Int, _ year: Int) -> LocalizedText {
        LocalizedText(nb: "\(Words.monthName(m, .bokmal)) \(year)", nn: "\(Words.monthName(m, .nynorsk)) \(year)",
                      en: "\(Words.monthName(m, .english)) \(year)")
    }

    static func range(_ range: DateRange) -> LocalizedText {
        LocalizedText(nb: "perioden \(range.first.norwegian)–\(range.last.norwegian)",
                      en: "the period \(range.first.english) – \(range.last.english)")
    }
}
