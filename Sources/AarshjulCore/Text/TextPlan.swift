/// The terse text plan: what a person reads in a terminal or pastes into an
/// e-mail. Header, one summary line per series, the events month by month
/// (one line each), deadlines, notes and the cost of missed preferences.
public enum TextPlan {
    /// Renders `plan` in `language` (default: the plan's own language).
    /// Titles, notes and deadline texts are shown as the solver wrote them.
    /// The plain plan ends by saying whether every requirement of the
    /// agreement is met; `details` adds how far each preference was missed.
    public static func render(_ plan: Plan, language: PlanLanguage? = nil, details: Bool = false) -> String {
        let lang = language ?? plan.language
        let events = sortedEvents(plan.events)
        var blocks: [[String]] = []

        blocks.append([header(plan, lang)])
        let summary = seriesSummary(plan, events: events, lang)
        if !summary.isEmpty { blocks.append(summary) }
        if !events.isEmpty { blocks.append(eventLines(plan, events: events, lang)) }
        if !plan.deadlines.isEmpty { blocks.append(deadlineLines(plan, lang)) }
        if !plan.notes.isEmpty {
            blocks.append([PlanWords.notes.text(lang)] + plan.notes.map { "  - " + $0.text.text(lang).trimmingSpaces() })
        }
        var closing = [requirementsLine(plan, lang)]
        if details { closing.append(costLine(plan.cost, lang)) }
        blocks.append(closing)

        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    // MARK: Header and summary

    static func header(_ plan: Plan, _ lang: PlanLanguage) -> String {
        let years = plan.years.lowerBound == plan.years.upperBound
            ? String(plan.years.lowerBound)
            : "\(plan.years.lowerBound)–\(plan.years.upperBound)"
        return "\(plan.agreement.municipality) – \(PlanWords.meetingPlan.text(lang)) \(years)"
    }

    /// One line per series in agreement order (then any series only the plan knows).
    static func seriesSummary(_ plan: Plan, events: [PlannedEvent], _ lang: PlanLanguage) -> [String] {
        var ids = plan.agreement.series.map(\.id)
        for event in events where !ids.contains(event.seriesID) { ids.append(event.seriesID) }
        var table = TextTable(rightAligned: [1], tight: [1])
        for id in ids {
            let series = plan.agreement.series.first { $0.id == id }
            let own = events.filter { $0.seriesID == id }
            let title = series.map { seriesTitle($0, lang) } ?? own.first?.title ?? id
            let allDay = series?.allDay ?? (!own.isEmpty && own.allSatisfy(\.isAllDay))
            let detail: String
            if own.contains(where: { $0.schoolID != nil }) {
                detail = perSchoolCounts(plan, own, lang)
            } else {
                detail = [patternText(plan, id, lang), gapText(own.map(\.date), lang)].filter { !$0.isEmpty }
                    .joined(separator: ", ")
            }
            // A long title wraps under itself, as in the event lines, so the
            // counts stay near the names instead of 80 columns to the right;
            // its further lines are indented so they do not read as series.
            let lines = wrapped(title, width: maxEventTitle)
            table.append([lines[0], String(own.count), Words.countNoun(own.count, days: allDay, lang), detail])
            for more in lines.dropFirst() { table.append(["  " + more]) }
        }
        return table.lines(indent: "")
    }

    /// "tirsdager", "2. tirsdag i måneden", or per year when the years differ
    /// ("mandager (2027), tirsdager (2028)").
    static func patternText(_ plan: Plan, _ id: String, _ lang: PlanLanguage) -> String {
        let mine = plan.patterns.filter { $0.seriesID == id && $0.schoolID == nil }.sorted { $0.year < $1.year }
        guard let first = mine.first else { return "" }
        if mine.allSatisfy({ $0.pattern == first.pattern }) { return first.pattern.text(lang) }
        var parts: [String] = []
        for p in mine {
            if let last = parts.last, last.hasPrefix(p.pattern.text(lang) + " (") {
                parts[parts.count - 1] = String(last.dropLast()) + ", \(p.year))"
            } else {
                parts.append("\(p.pattern.text(lang)) (\(p.year))")
            }
        }
        return parts.joined(separator: ", ")
    }

    static func seriesTitle(_ series: MeetingSeries, _ lang: PlanLanguage) -> String {
        lang == .english ? (series.titleEnglish ?? series.title) : series.title
    }

    /// "avstand 42–56 dager (6–8 uker)": shortest and longest gap between
    /// consecutive meetings; weeks only when every gap is at least 14 days.
    static func gapText(_ dates: [CivilDate], _ lang: PlanLanguage) -> String {
        let sorted = dates.sorted()
        guard sorted.count >= 2 else { return "" }
        let gaps = zip(sorted.dropFirst(), sorted).map { $0 - $1 }
        let shortest = gaps.min()!, longest = gaps.max()!
        func span(_ a: String, _ b: String) -> String { a == b ? a : "\(a)–\(b)" }
        var text = "\(PlanWords.gap.text(lang)) \(span(String(shortest), String(longest))) \(Words.daysNoun(longest, lang))"
        if shortest >= 14 {
            text += " (\(span(weeks(shortest, lang), weeks(longest, lang))) \(Words.weeksNoun(plural: true, lang)))"
        }
        return text
    }

    /// Days as weeks: whole when exact, else one decimal ("6,4"; English "6.4").
    static func weeks(_ days: Int, _ lang: PlanLanguage) -> String {
        if days % 7 == 0 { return String(days / 7) }
        let tenths = (days * 20 + 7) / 14  // days / 7 rounded to tenths, half up
        return "\(tenths / 10)\(lang == .english ? "." : ",")\(tenths % 10)"
    }

    /// "per skole: Eikeli 2, Nordby 1" in the agreement's school order.
    static func perSchoolCounts(_ plan: Plan, _ events: [PlannedEvent], _ lang: PlanLanguage) -> String {
        var order = plan.agreement.schools.map(\.id)
        let unknown = Set(events.compactMap(\.schoolID)).subtracting(order).sorted()
        order += unknown
        let counts = order.compactMap { id -> String? in
            let n = events.filter { $0.schoolID == id }.count
            return n == 0 ? nil : "\(schoolName(plan, id)) \(n)"
        }
        let withoutSchool = events.filter { $0.schoolID == nil }.count
        let all = counts + (withoutSchool > 0 ? ["\(PlanWords.otherSchool.text(lang)) \(withoutSchool)"] : [])
        return "\(PlanWords.perSchool.text(lang)): " + all.joined(separator: ", ")
    }

    static func schoolName(_ plan: Plan, _ id: String) -> String {
        plan.agreement.schools.first { $0.id == id }?.name ?? id
    }

    // MARK: Events

    static func sortedEvents(_ events: [PlannedEvent]) -> [PlannedEvent] {
        events.sorted(by: PlannedEvent.planOrder)
    }

    /// Month headings with one aligned line per event; the columns line up
    /// across the whole plan, not only within a month.
    static func eventLines(_ plan: Plan, events: [PlannedEvent], _ lang: PlanLanguage) -> [String] {
        var table = TextTable(tight: [0])
        // Rows per event: a long title wraps onto lines of its own under the
        // title column instead of being cut.
        var rowCounts: [Int] = []
        for event in events {
            let time = event.time.map(\.description) ?? PlanWords.allDay.text(lang)
            let markers = positionalMarkers(plan, event).map { "· " + $0 }.joined(separator: " ")
            let title = wrapped(eventTitle(plan, event, events), width: maxEventTitle)
                .map { $0.replacingNoBreakSpaces() }
            table.append([
                Words.weekdayAbbreviation(event.date.weekday, lang), Words.shortDate(event.date, lang), time,
                title[0], venueName(plan, event), markers,
            ])
            for more in title.dropFirst() { table.append(["", "", "", more]) }
            rowCounts.append(title.count)
        }
        var rows = table.lines()[...]
        var lines: [String] = []
        var month: (Int, Int)? = nil
        for (event, count) in zip(events, rowCounts) {
            if month == nil || month! != (event.date.year, event.date.month) {
                if month != nil { lines.append("") }
                month = (event.date.year, event.date.month)
                lines.append("\(Words.monthHeading(event.date.month, lang)) \(event.date.year)")
            }
            lines += rows.prefix(count)
            rows = rows.dropFirst(count)
        }
        return lines
    }

    /// Widest the title column gets; a longer title wraps at a space.
    static let maxEventTitle = 44

    /// `text` in lines of at most `width` characters, broken at spaces (a
    /// single word longer than `width` keeps its own line whole).
    static func wrapped(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty { current = String(word) }
            else if current.count + 1 + word.count <= width { current += " " + word }
            else { lines.append(current); current = String(word) }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// "Politirådsmøte (2/4)"; the school's name is added when the title lacks it.
    static func eventTitle(_ plan: Plan, _ event: PlannedEvent, _ all: [PlannedEvent]) -> String {
        var title = event.title
        if let id = event.schoolID {
            let name = schoolName(plan, id)
            if !title.contains(name) { title += ", " + name }
        }
        // The occurrence count is per series and year (and school, for per-school series).
        let group = all.filter {
            $0.seriesID == event.seriesID && $0.date.year == event.date.year && $0.schoolID == event.schoolID
        }
        let total = max(group.count, group.map(\.occurrence).max() ?? 0)
        // A no-break space keeps the count with the title's last word when the title wraps.
        return "\(title)\u{00A0}(\(event.occurrence)/\(total))"
    }

    /// The venue's own name when the location is a known venue, else the
    /// location up to its first comma.
    static func venueName(_ plan: Plan, _ event: PlannedEvent) -> String {
        guard let location = event.location?.trimmingSpaces(), !location.isEmpty else { return "" }
        if let venue = plan.agreement.venues.first(where: { $0.location == location || $0.name == location }) {
            return venue.name
        }
        return String(location.split(separator: ",", maxSplits: 1).first ?? Substring(location)).trimmingSpaces()
    }

    /// The event's agenda items that the series places by position
    /// ("evaluering av avtalen" on the first meeting of the year).
    static func positionalMarkers(_ plan: Plan, _ event: PlannedEvent) -> [String] {
        guard let series = plan.agreement.series.first(where: { $0.id == event.seriesID }) else { return [] }
        let positional = series.positionalAgenda.map { series.agendaItem($0.item, plan.language) }
        var seen: [String] = []
        for item in event.agenda where positional.contains(item) && !seen.contains(item) { seen.append(item) }
        return seen
    }

    // MARK: Deadlines and cost

    /// One line per deadline; the year is shown when the deadlines span more than one.
    static func deadlineLines(_ plan: Plan, _ lang: PlanLanguage) -> [String] {
        let deadlines = plan.deadlines.sorted { ($0.due, $0.uid) < ($1.due, $1.uid) }
        let oneYear = Set(deadlines.map(\.due.year)).count == 1 && plan.years.contains(deadlines[0].due.year)
            && plan.years.count == 1
        var table = TextTable(tight: [0])
        for d in deadlines {
            table.append([Words.weekdayAbbreviation(d.due.weekday, lang),
                          oneYear ? Words.shortDate(d.due, lang) : Words.longDate(d.due, lang), d.title])
        }
        return [PlanWords.deadlines.text(lang)] + table.lines()
    }

    /// "Alle krav i avtalen er oppfylt." — or, when some weeks of a weekly
    /// series had no free day, that those are the exception (listed under
    /// Merknader just above).
    static func requirementsLine(_ plan: Plan, _ lang: PlanLanguage) -> String {
        // Notes about a series (a week with no free day) are requirements not met;
        // notes without one (a projected school year) only inform.
        plan.notes.contains { $0.seriesID != nil } ? PlanWords.requirementsMetExceptNotes.text(lang) : PlanWords.allRequirementsMet.text(lang)
    }

    /// With `--details`: "Ønsker som ikke er helt oppfylt: 12 poeng (ukedag 4,
    /// jevn avstand 8) – høyst 3 poeng fra best mulig".
    static func costLine(_ cost: CostReport, _ lang: PlanLanguage) -> String {
        let known = Words.softRuleNames.map(\.id)
        let ids = known.filter { cost.byRule[$0] != nil } + cost.byRule.keys.filter { !known.contains($0) }.sorted()
        let parts = ids.compactMap { id -> String? in
            let value = cost.byRule[id]!
            return value == 0 ? nil : "\(Words.softRuleName(id, lang)) \(value)"
        }
        if cost.total == 0 && cost.isProvenOptimal { return PlanWords.allPreferencesMet.text(lang) }
        var line = "\(PlanWords.cost.text(lang)): \(PlanWords.points(cost.total, lang))"
        if !parts.isEmpty { line += " (" + parts.joined(separator: ", ") + ")" }
        if cost.isProvenOptimal {
            line += " – " + PlanWords.provenOptimal.text(lang)
        } else {
            line += " – " + PlanWords.atMostFromBest(cost.gap, lang)
        }
        return line
    }
}

/// The text plan's own vocabulary.
enum PlanWords {
    static let meetingPlan = LocalizedText(nb: "møteplan", nn: "møteplan", en: "meeting plan")
    static let gap = LocalizedText(nb: "avstand", nn: "avstand", en: "gap")
    static let perSchool = LocalizedText(nb: "per skole", nn: "per skule", en: "per school")
    static let otherSchool = LocalizedText(nb: "uten skole", nn: "utan skule", en: "without a school")
    static let allDay = LocalizedText(nb: "hele dagen", nn: "heile dagen", en: "all day")
    static let deadlines = LocalizedText(nb: "Frister", nn: "Fristar", en: "Deadlines")
    static let notes = LocalizedText(nb: "Merknader", nn: "Merknader", en: "Notes")
    static let cost = LocalizedText(nb: "Ønsker som ikke er helt oppfylt", nn: "Ønske som ikkje er heilt oppfylte",
                                    en: "Preferences not fully met")
    static let provenOptimal = LocalizedText(nb: "ingen plan som holder alle krav, gjør det bedre",
                                             nn: "ingen plan som held alle krav, gjer det betre",
                                             en: "no plan that keeps every requirement does better")
    static let allRequirementsMet = LocalizedText(nb: "Alle krav i avtalen er oppfylt.", nn: "Alle krav i avtalen er oppfylte.",
                                                  en: "Every requirement of the agreement is met.")
    static let requirementsMetExceptNotes = LocalizedText(
        nb: "Alle krav i avtalen er oppfylt, unntatt det som står under Merknader.",
        nn: "Alle krav i avtalen er oppfylte, bortsett frå det som står under Merknader.",
        en: "Every requirement of the agreement is met, except what the notes say.")
    static let allPreferencesMet = LocalizedText(nb: "Alle ønsker i avtalen er oppfylt.", nn: "Alle ønske i avtalen er oppfylte.",
                                                 en: "Every preference of the agreement is met.")

    static func points(_ n: Int, _ lang: PlanLanguage) -> String {
        lang == .english ? Words.points(n) : "\(n) poeng"
    }

    static func atMostFromBest(_ gap: Int, _ lang: PlanLanguage) -> String {
        switch lang {
        case .bokmal: return "høyst \(gap) poeng fra det best mulige"
        case .nynorsk: return "høgst \(gap) poeng frå det best moglege"
        case .english: return "at most \(points(gap, lang)) from the best possible"
        }
    }
}

extension String {
    func replacingNoBreakSpaces() -> String { String(map { $0 == "\u{00A0}" ? " " : $0 }) }

    func trimmingSuffixSpaces() -> String {
        var s = self
        while s.last == " " || s.last == "," { s.removeLast() }
        return s
    }
}
