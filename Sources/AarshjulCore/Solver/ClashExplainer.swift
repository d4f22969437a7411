/// Turns a period a unit cannot fill into plain words: the series, the
/// period, and what blocks its days (closed weekdays, holidays, breaks,
/// blackouts, people busy elsewhere).
struct ClashExplainer {
    let candidates: Candidates
    let occupancy: Occupancy

    func clash(range: DateRange, period: LocalizedText, needed: Int, available: Int) -> Clash {
        let unit = candidates.unit
        let reasons = self.reasons(in: range)
        func sentence(_ language: PlanLanguage) -> String {
            let title = language == .english ? (unit.series.titleEnglish ?? unit.series.title) : unit.series.title
            let who = title + (unit.school.map { " – \($0.name)" } ?? "")
            let what: String
            switch (language, available) {
            case (.bokmal, 0): what = "ingen ledig dag i \(period.bokmal)"
            case (.nynorsk, 0): what = "ingen ledig dag i \(period.nynorsk)"
            case (.english, 0): what = "no free day in \(period.english)"
            case (.bokmal, _):
                what = "trenger \(needed) \(Words.countNoun(needed, days: false, .bokmal)) i \(period.bokmal), men bare "
                    + "\(available) \(Words.daysNoun(available, .bokmal)) \(available == 1 ? "er ledig" : "er ledige")"
            case (.nynorsk, _):
                what = "treng \(needed) møte i \(period.nynorsk), men berre "
                    + "\(available) \(Words.daysNoun(available, .nynorsk)) \(available == 1 ? "er ledig" : "er ledige")"
            case (.english, _):
                what = "needs \(needed) \(Words.countNoun(needed, days: false, .english)) in \(period.english), but only "
                    + "\(available) \(available == 1 ? "day is" : "days are") free"
            }
            let why = reasons.map { $0.text(language) }.joined(separator: ", ")
            return "\(who): \(what)" + (why.isEmpty ? "." : ": \(why).")
        }
        return Clash(ruleID: RuleCatalogue.frequency, seriesID: unit.series.id, period: range,
                     explanation: LocalizedText(nb: sentence(.bokmal), nn: sentence(.nynorsk), en: sentence(.english)))
    }

    /// What blocks the days of `range`, most general first, then in date order.
    func reasons(in range: DateRange) -> [LocalizedText] {
        let unit = candidates.unit
        let table = candidates.table
        var closed: [Weekday] = []
        var named: [LocalizedText] = []
        var tooShort = false
        var busy: [Int] = []
        func note(_ text: LocalizedText) { if !named.contains(text) { named.append(text) } }
        // Calendar names already noted, as the calendar gives them: a holiday week rewords its name once, not every day.
        var seen: [LocalizedText] = []
        func noteName(_ name: LocalizedText) {
            guard !seen.contains(name) else { return }
            seen.append(name)
            note(Self.midSentence(name))
        }
        for date in range {
            let i = table.index(date)
            for blocker in table.calendar.blockers(on: date) {
                switch blocker {
                case .weekend: break
                // Calendar names read mid-sentence in Norwegian ("…: vinterferie, påskeferie");
                // a blackout keeps the user's own words.
                case .publicHoliday(let name), .noMeetingPeriod(let name): noteName(name)
                case .blackout(let reason): note(LocalizedText(nb: reason, en: reason))
                case .schoolHoliday(let name): if unit.schoolOnly { noteName(name) }
                }
            }
            guard !date.isWeekend else { continue }
            if SeriesWindows.hours(unit.series, venue: unit.venue, on: date.weekday) == nil {
                if !closed.contains(date.weekday) { closed.append(date.weekday) }
            } else if candidates.starts[date.weekday.rawValue - 1].isEmpty {
                tooShort = true
            } else if candidates.dayAllowed(i), candidates.best(i, occupancy) == nil {
                for (n, p) in unit.people.enumerated() where !occupancy.isFree(day: i, start: -1, end: -1, people: [p])
                    || !occupancy.isFree(day: i, start: 0, end: 24 * 60, people: [p]) {
                    if !busy.contains(n) { busy.append(n) }
                }
            }
        }
        var out: [LocalizedText] = []
        if !closed.isEmpty {
            let days = closed.sorted()
            out.append(LocalizedText(nb: "lokalet er stengt \(Self.weekdays(days, .bokmal))",
                                     nn: "lokalet er stengt \(Self.weekdays(days, .nynorsk))",
                                     en: "the venue is closed on \(Self.weekdays(days, .english))"))
        }
        out += named
        if tooShort {
            let minutes = unit.series.durationMinutes
            out.append(LocalizedText(nb: "åpningstiden er kortere enn møtet (\(minutes) min)",
                                     nn: "opningstida er kortare enn møtet (\(minutes) min)",
                                     en: "the opening hours are shorter than the meeting (\(minutes) min)"))
        }
        if !busy.isEmpty {
            func names(_ language: PlanLanguage) -> String { busy.map { unit.peopleNames[$0].text(language) }.joined(separator: ", ") }
            out.append(LocalizedText(nb: "\(names(.bokmal)) har andre møter da", nn: "\(names(.nynorsk)) har andre møte då",
                                     en: "\(names(.english)) \(busy.count == 1 ? "has" : "have") other meetings then"))
        }
        return out
    }

    /// A calendar name as it reads mid-sentence: lower-case first letter in
    /// Norwegian ("Vinterferie" → "vinterferie"); English keeps its capitals.
    static func midSentence(_ name: LocalizedText) -> LocalizedText {
        // "Kristi himmelfartsdag" starts with a proper noun and keeps it.
        func lower(_ s: String) -> String { s.hasPrefix("Kristi ") ? s : s.prefix(1).lowercased() + s.dropFirst() }
        return LocalizedText(nb: lower(name.bokmal), nn: lower(name.nynorsk), en: name.english)
    }

    /// "tirsdag–fredag", "mandag, onsdag": runs of consecutive weekdays joined by a dash.
    static func weekdays(_ days: [Weekday], _ language: PlanLanguage) -> String {
        var runs: [[Weekday]] = []
        for day in days {
            if let last = runs.last?.last, last.rawValue + 1 == day.rawValue { runs[runs.count - 1].append(day) } else { runs.append([day]) }
        }
        return runs.map { run in
            let first = Words.weekdayName(run[0], language)
            if run.count == 1 { return first }
            let last = Words.weekdayName(run[run.count - 1], language)
            return run.count == 2 ? "\(first), \(last)" : "\(first)–\(last)"
        }.joined(separator: ", ")
    }
}
