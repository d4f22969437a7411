/// Why an event is where it is, in plain words: the hard rules that bound
/// it (its window, what closes the neighbouring days, gap bounds), and each
/// preference it meets or misses with what that costs (RuleCatalogue sentences).
public enum EventExplainer {
    /// The event with this UID, or the first event on this date (ISO or d.m.yyyy).
    public static func find(_ key: String, in plan: Plan) -> PlannedEvent? {
        findAll(key, in: plan).first
    }

    /// The event with this UID, or every event on this date, in plan order.
    public static func findAll(_ key: String, in plan: Plan) -> [PlannedEvent] {
        if let event = plan.events.first(where: { $0.uid == key || $0.uid == key + "@aarshjul" }) { return [event] }
        guard let date = date(of: key) else { return [] }
        return plan.events.filter { $0.date == date }.sorted(by: PlannedEvent.planOrder)
    }

    /// The date `key` names (2027-03-15 or 15.3.2027), nil for a UID.
    public static func date(of key: String) -> CivilDate? { CivilDate(iso: key) ?? norwegianDate(key) }

    static func norwegianDate(_ text: String) -> CivilDate? {
        let parts = text.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return CivilDate(year: parts[2], month: parts[1], day: parts[0])
    }

    /// The event's line and the hard rules that bind it.
    static func hardRuleLines(_ event: PlannedEvent, in plan: Plan, language lang: PlanLanguage) -> [String] {
        guard let series = plan.agreement.series.first(where: { $0.id == event.seriesID }) else { return [] }
        let calendar = MunicipalCalendar(agreement: plan.agreement, years: plan.years)
        let venue = series.venue.flatMap { plan.agreement.venue($0) }
        let date = event.date
        let dateText = Words.longDate(date, lang)
        var lines: [String] = []
        let when = event.time.map { " \($0)" } ?? lang.pick(nb: " (hele dagen)", nn: " (heile dagen)", en: " (all day)")
        lines.append("\(event.title): \(Words.weekdayName(date.weekday, lang)) \(dateText)\(when)" + (event.location.map { ", \($0)" } ?? ""))

        // Hard rules: the window.
        lines.append(lang.pick(nb: "Harde regler som binder møtet:", nn: "Harde reglar som bind møtet:", en: "Hard rules that constrain this meeting:"))
        let siblings = plan.events.filter { $0.seriesID == series.id && $0.schoolID == event.schoolID }
        let sameYear = siblings.filter { $0.date.year == date.year }
        let index = sameYear.firstIndex { $0.uid == event.uid } ?? 0
        var window = Self.window(series.rule, occurrence: index, of: sameYear.count, date: date, siblings: siblings,
                                 event: event, school: calendar.school, schoolOnly: SeriesWindows.isSchoolOnly(series))
        if case .weekly = series.rule {
            window = Window(range: window.range, note: LocalizedText(nb: "uke \(date.isoWeek.week)", nn: "veke \(date.isoWeek.week)", en: "week \(date.isoWeek.week)"))
        }
        let frequency = RuleCatalogue.hardRule(RuleCatalogue.frequency)!.description.text(lang)
        let span = Words.dateRange(window.range.first, window.range.last, lang, withYear: true)
        let note = window.note.map { " (\($0.text(lang)))" } ?? ""
        lines.append("- \(frequency) " + lang.pick(nb: "Perioden er \(span)\(note).", nn: "Perioden er \(span)\(note).", en: "The window is \(span)\(note)."))
        // The year's last meeting goes where its positional agenda items belong.
        if index == sameYear.count - 1, let pull = PositionalPull.pulls(series, year: date.year, agreement: plan.agreement).last,
           let applied = PlanUnit.Slot(range: window.range, period: LocalizedText(nb: "", en: "")).pulled(by: pull) {
            lines.append("- \(Self.withoutFullStop(RuleCatalogue.hardRule(RuleCatalogue.positionalAgenda)!.description.text(lang)))"
                         + " (\(applied.period.text(lang).trimmingSpaces())).")
        }
        // Neighbouring days in the window: what closes them.
        var closed: [String] = []
        for offset in -3...3 where offset != 0 {
            let day = date.adding(days: offset)
            guard window.range.contains(day) else { continue }
            var why = calendar.blockers(on: day).filter { $0.blocksAllMeetings || SeriesWindows.isSchoolOnly(series) }.map { $0.text(lang) }
            if !day.isWeekend && SeriesWindows.hours(series, venue: venue, on: day.weekday) == nil {
                why.append(lang.pick(nb: "lokalet er stengt", nn: "lokalet er stengt", en: "the venue is closed"))
            }
            // Only what would really collide: the same people at an overlapping
            // time (timed), or another whole-day item of theirs (all-day).
            let busy = plan.events.filter { other in
                guard other.uid != event.uid, other.date == day, !Set(other.attendees).isDisjoint(with: event.attendees) else {
                    return false
                }
                switch (event.time, other.time) {
                case (nil, nil): return true
                case (let mine?, let theirs?): return mine.overlaps(theirs)
                default: return false
                }
            }
            for other in busy.prefix(2) {
                let names = Set(other.attendees).intersection(event.attendees).sorted().map { plan.agreement.person($0)?.name(lang) ?? $0 }
                why.append(lang.pick(nb: "\(names.joined(separator: ", ")) er i «\(other.title)»", nn: "\(names.joined(separator: ", ")) er i «\(other.title)»",
                             en: "\(names.joined(separator: ", ")) \(names.count == 1 ? "is" : "are") at \"\(other.title)\""))
            }
            if !why.isEmpty { closed.append("\(Words.weekdayName(day.weekday, lang)) \(Words.longDate(day, lang)): \(why.joined(separator: ", "))") }
        }
        if !closed.isEmpty {
            lines.append("- " + lang.pick(nb: "Dager like ved, og hva som står i veien der:", nn: "Dagar like ved, og kva som står i vegen der:", en: "Nearby days and what stands in the way there:"))
            lines += closed.map { "  - \($0)" }
        }
        if event.time != nil, let hours = SeriesWindows.hours(series, venue: venue, on: date.weekday) {
            // "… innenfor åpningstiden (08:00–15:30)."
            lines.append("- " + Self.withoutFullStop(RuleCatalogue.hardRule(RuleCatalogue.officeHours)!.description.text(lang)) + " (\(hours)).")
        }
        if !event.attendees.isEmpty {
            lines.append("- " + RuleCatalogue.hardRule(RuleCatalogue.noDoubleBooking)!.description.text(lang))
        }

        return lines
    }

    /// Each preference the event meets or misses: (rule id, points, detail).
    static func penalties(_ event: PlannedEvent, in plan: Plan, language lang: PlanLanguage) -> [(rule: String, points: Int, detail: String?)] {
        guard let series = plan.agreement.series.first(where: { $0.id == event.seriesID }) else { return [] }
        let calendar = MunicipalCalendar(agreement: plan.agreement, years: plan.years)
        let table = DayTable(calendar: calendar)
        let venue = series.venue.flatMap { plan.agreement.venue($0) }
        let date = event.date
        let siblings = plan.events.filter { $0.seriesID == series.id && $0.schoolID == event.schoolID }
        let sameYear = siblings.filter { $0.date.year == date.year }
        let index = sameYear.firstIndex { $0.uid == event.uid } ?? 0
        let window = Self.window(series.rule, occurrence: index, of: sameYear.count, date: date, siblings: siblings,
                                 event: event, school: calendar.school, schoolOnly: SeriesWindows.isSchoolOnly(series))
        let i = table.index(date)
        var penalties: [(String, Int, String?)] = []
        penalties.append((RuleCatalogue.preferredWeekday, SoftCosts.weekday(series, date.weekday), nil))
        if case .weekly = series.rule { penalties.append((RuleCatalogue.agreedWeekday, SoftCosts.agreedWeekday(series, date.weekday), nil)) }
        if let time = event.time, let hours = SeriesWindows.hours(series, venue: venue, on: date.weekday) {
            let preferred = SoftCosts.preferredStart(series, opening: hours.start)
            let cost = SoftCosts.time(start: time.start, preferred: preferred)
            penalties.append((RuleCatalogue.preferredTime, cost.points, lang.pick(nb: "ønsket start \(preferred)", nn: "ønskt start \(preferred)", en: "preferred start \(preferred)")))
        }
        if table.contains(i) { penalties.append((RuleCatalogue.dayAfterBreak, SoftCosts.dayAfterBreak(table.afterBreak[i]), nil)) }
        if let notice = series.agendaNoticeDays, table.contains(i - notice), table.latestMeetingDay[i - notice] >= 0 {
            penalties.append((RuleCatalogue.agendaNoticeEarly, SoftCosts.agendaEarly(daysEarly: i - notice - table.latestMeetingDay[i - notice]), nil))
        }
        switch series.rule {
        case .weekly, .everyWeeks: break
        default:
            let cost = SoftCosts.midWindow(day: i, first: table.index(window.range.first), last: table.index(window.range.last))
            penalties.append((RuleCatalogue.midWindow, cost.points,
                              "\(cost.days) " + lang.pick(nb: "\(Words.daysNoun(cost.days, .bokmal)) fra midten", nn: "\(Words.daysNoun(cost.days, .nynorsk)) frå midten",
                                                   en: "\(Words.daysNoun(cost.days, .english)) from the middle")))
        }
        // Spacing as the planner charges it: a chain across the years (from
        // `previous_last` before the first), any other series within its year.
        let spaced: [PlannedEvent]
        var before: CivilDate?
        if case .everyWeeks = series.rule {
            spaced = siblings
            before = SeriesWindows.previousLast(series.rule, firstYear: plan.years.lowerBound)
        } else {
            spaced = sameYear
        }
        let position = spaced.firstIndex { $0.uid == event.uid } ?? 0
        if position > 0 { before = spaced[position - 1].date }
        if let spacing = SoftCosts.spacing(series.rule, year: date.year), let before {
            let gap = date - before
            let cost = spacing.cost(gap: gap)
            penalties.append((RuleCatalogue.evenSpacing, cost.points,
                              lang.pick(nb: "\(gap) dager etter forrige, jevn avstand er \(Int(spacing.ideal.rounded()))",
                                nn: "\(gap) dagar etter førre, jamn avstand er \(Int(spacing.ideal.rounded()))",
                                en: "\(gap) days after the previous one, even spacing is \(Int(spacing.ideal.rounded()))")))
        }
        // The regular pattern: the planner's choice when the plan carries it, else the year's most common day.
        let sameYearSiblings = siblings.filter { $0.date.year == date.year }
        var monthly = false
        if case .monthly = series.rule { monthly = true }
        let planned: RegularPattern? = plan.patterns.first { p in
            p.seriesID == series.id && p.schoolID == event.schoolID && p.year == date.year
        }?.pattern
        let pattern: RegularPattern? = planned ?? RegularPattern.common(sameYearSiblings.map(\.date), monthly: monthly)
        if let pattern, sameYearSiblings.count > 1 {
            let cost = pattern.cost(date)
            let why = plan.notes.first { $0.seriesID == series.id && $0.text.bokmal.contains(date.norwegian) }
                .map { note in String(note.text.text(lang).split(separator: ":").dropFirst(2).joined(separator: ":")).trimmingSpaces() }
            let detail = pattern.text(lang) + (why.map { $0.isEmpty ? "" : "; " + $0 } ?? "")
            penalties.append((RuleCatalogue.regularWeekday, cost.weekday, detail))
            if pattern.weekOfMonth != nil { penalties.append((RuleCatalogue.regularWeekOfMonth, cost.week, nil)) }
        }
        return penalties
    }

    /// The preference points of one event, exactly as the planner charges them.
    public static func cost(_ event: PlannedEvent, in plan: Plan) -> Int {
        penalties(event, in: plan, language: plan.language).reduce(0) { $0 + $1.points }
    }

    public static func explain(_ event: PlannedEvent, in plan: Plan, language: PlanLanguage? = nil) -> String {
        let lang = language ?? plan.language
        guard plan.agreement.series.contains(where: { $0.id == event.seriesID }) else {
            return lang.pick(nb: "\(event.uid): møteserien finnes ikke i avtalen.", nn: "\(event.uid): møteserien finst ikkje i avtalen.",
                     en: "\(event.uid): the series is not in the agreement.")
        }
        var lines = hardRuleLines(event, in: plan, language: lang)
        lines.append(lang.pick(nb: "Ønsker (kostnad i poeng):", nn: "Ønske (kostnad i poeng):", en: "Preferences (cost in points):"))
        var total = 0
        for (rule, points, detail) in penalties(event, in: plan, language: lang) {
            guard let soft = RuleCatalogue.softRule(rule) else { continue }
            total += points
            let verdict = points == 0 ? lang.pick(nb: "holdt", nn: "halde", en: "met")
                : lang.pick(nb: "brutt, \(points) poeng", nn: "brote, \(points) poeng", en: "missed, \(points) \(points == 1 ? "point" : "points")")
            // "Description – verdict (detail)."
            lines.append("- \(Self.withoutFullStop(soft.description.text(lang))) – \(verdict)" + (detail.map { " (\($0))" } ?? "") + ".")
        }
        lines.append(lang.pick(nb: "Sum for dette møtet: \(total) poeng.", nn: "Sum for dette møtet: \(total) poeng.", en: "Total for this event: \(total) \(total == 1 ? "point" : "points")."))
        return lines.joined(separator: "\n")
    }

    /// A rule's sentence without its closing full stop, to go on with what follows.
    static func withoutFullStop(_ sentence: String) -> String {
        sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
    }

    struct Window { let range: DateRange; let note: LocalizedText? }

    static func window(_ rule: FrequencyRule, occurrence k: Int, of count: Int, date: CivilDate, siblings: [PlannedEvent],
                       event: PlannedEvent, school: SchoolCalendar, schoolOnly: Bool = false) -> Window {
        let year = date.year
        switch rule {
        case .perQuarter(let n): return Window(range: .quarter(min(4, k / max(1, n) + 1), of: year), note: nil)
        case .perYear(let c, _):
            let slices = SeriesWindows.slices(of: year, count: c)
            return Window(range: slices.first { $0.contains(date) } ?? .year(year),
                          note: LocalizedText(nb: "møte \(k + 1) av \(c) i året", nn: "møte \(k + 1) av \(c) i året",
                                              en: "meeting \(k + 1) of \(c) in the year"))
        case .monthly: return Window(range: .month(date.month, of: year), note: nil)
        case .yearly(let w): return Window(range: w?.range(in: year) ?? .year(year), note: nil)
        case .schoolWindow(let w, _): return Window(range: SeriesWindows.range(of: w, in: year, school: school), note: nil)
        case .weekly:
            let monday = CivilDate.mondayOfISOWeek(date.isoWeek.week, year: date.isoWeek.year)
            return Window(range: DateRange(monday, monday.adding(days: 6)), note: nil)
        case .everyWeeks(let a, let b, _):
            let chain = a == b
                ? LocalizedText(nb: "hver \(a). uke", nn: "kvar \(a). veke", en: "every \(a) weeks")
                : LocalizedText(nb: "hver \(a).–\(b). uke", nn: "kvar \(a).–\(b). veke", en: "every \(a)–\(b) weeks")
            let position = siblings.firstIndex { $0.uid == event.uid } ?? 0
            guard position > 0 else { return Window(range: DateRange(.firstOfYear(year), .firstOfYear(year).adding(days: b * 7 - 1)), note: chain) }
            let previous = siblings[position - 1].date
            var last = previous.adding(days: b * 7)
            // A school-term chain does not count the pupils' summer holiday towards its longest gap
            // (as the planner and the audit): the window runs on by the holiday days it crosses.
            if schoolOnly {
                var extra = 0
                while true {
                    let crossed = SeriesWindows.summerDays(between: previous, and: previous.adding(days: b * 7 + extra), school: school)
                    if crossed == extra { break }
                    extra = crossed
                }
                last = previous.adding(days: b * 7 + extra)
            }
            if position + 1 < siblings.count { last = min(last, siblings[position + 1].date.adding(days: -a * 7)) }
            return Window(range: DateRange(previous.adding(days: a * 7), max(last, previous.adding(days: a * 7))), note: chain)
        }
    }
}
