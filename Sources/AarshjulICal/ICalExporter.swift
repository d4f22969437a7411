import AarshjulCore
import CLibical

/// How feed files are named: with the years they cover (what `plan --out`
/// writes, and the year archives the feed server keeps), or stable and
/// year-free (the feeds people subscribe to, which roll with the years).
public enum FeedNaming: Sendable, Equatable {
    /// "lillestrom-2027.ics", "lillestrom-politirad-2027-2030.ics".
    case years(ClosedRange<Int>)
    /// "lillestrom.ics", "politirad.ics": no year anywhere, titles without years.
    case stable

    /// The file name of a calendar `base` ("lillestrom", "politirad", "personer/ola").
    /// `yearsBase` is the base used with years, where it differs ("lillestrom-politirad").
    public func file(_ base: String, yearsBase: String? = nil) -> String {
        switch self {
        case .years(let years): return "\(yearsBase ?? base)-\(ICalExporter.yearPart(years)).ics"
        case .stable: return "\(base).ics"
        }
    }

    /// " 2027", " 2027–2030", or nothing for stable feeds: appended to calendar names.
    public var titleSuffix: String {
        switch self {
        case .years(let years):
            return years.count == 1 ? " \(years.lowerBound)" : " \(years.lowerBound)–\(years.upperBound)"
        case .stable: return ""
        }
    }
}

/// Writes a plan as iCalendar feeds people subscribe to, through libical.
public enum ICalExporter {
    /// One calendar for the whole municipality, one per series, and (in
    /// confidential feeds) one per quarterly deadline, sorted by file name.
    /// Names look like "lillestrom-2027.ics", "lillestrom-politirad-2027-2030.ics".
    public static func files(for plan: Plan, options: ICalExportOptions) throws(ICalError) -> [(name: String, contents: String)] {
        try files(for: plan, options: options, naming: .years(plan.years))
    }

    /// As above with the given naming: `.stable` gives "lillestrom.ics" for
    /// the whole plan and "politirad.ics" per series (the caller places the
    /// whole-plan file), holding whatever events the plan is given.
    public static func files(for plan: Plan, options: ICalExportOptions,
                             naming: FeedNaming) throws(ICalError) -> [(name: String, contents: String)] {
        let agreement = plan.agreement
        let suffix = naming.titleSuffix
        let components = PlanComponents(plan: plan, options: options, runtime: try LibicalRuntime.shared())
        var files: [(name: String, contents: String)] = []

        files.append((
            naming.file(agreement.id),
            try calendar(name: "\(agreement.municipality): \(ExportWords.wholePlan(options.language))\(suffix)",
                         events: plan.events + plan.cancelledEvents, deadlines: plan.deadlines + plan.cancelledDeadlines,
                         plan: plan, options: options, components: components)))
        for series in agreement.series {
            files.append((
                naming.file(series.id, yearsBase: "\(agreement.id)-\(series.id)"),
                try calendar(name: "\(agreement.municipality): \(components.seriesTitle(series))\(suffix)",
                             events: plan.events(inSeries: series.id) + plan.cancelledEvents.filter { $0.seriesID == series.id },
                             deadlines: (plan.deadlines + plan.cancelledDeadlines).filter { $0.sourceID == series.id },
                             plan: plan, options: options, components: components)))
        }
        if options.confidential {
            for quarterly in agreement.quarterlyDeadlines {
                let title = options.language == .english ? (quarterly.titleEnglish ?? quarterly.title) : quarterly.title
                files.append((
                    naming.file(quarterly.id, yearsBase: "\(agreement.id)-\(quarterly.id)"),
                    try calendar(name: "\(agreement.municipality): \(title)\(suffix)", events: [],
                                 deadlines: (plan.deadlines + plan.cancelledDeadlines).filter { $0.sourceID == quarterly.id },
                                 plan: plan, options: options, components: components)))
            }
        }
        return files.sorted { $0.name < $1.name }
    }

    /// One VCALENDAR named `name` holding `events` (and, in confidential feeds,
    /// `deadlines` as all-day VEVENTs and/or VTODOs, see `ICalExportOptions.deadlines`),
    /// in a fixed order: events by date, start time (all-day first) and UID,
    /// then deadlines by due date and UID.
    public static func calendar(name: String, events: [PlannedEvent], deadlines: [PlannedDeadline], plan: Plan,
                                options: ICalExportOptions) throws(ICalError) -> String {
        try calendar(name: name, events: events, deadlines: deadlines, plan: plan, options: options,
                     components: PlanComponents(plan: plan, options: options, runtime: try LibicalRuntime.shared()))
    }

    /// As above, with the plan's components already set up (one export writes many calendars).
    static func calendar(name: String, events: [PlannedEvent], deadlines: [PlannedDeadline], plan: Plan,
                         options: ICalExportOptions, components: PlanComponents) throws(ICalError) -> String {
        let cal = try LibicalComponent(kind: ICAL_VCALENDAR_COMPONENT)
        let prodLanguage = options.language == .english ? "EN" : "NB"
        try cal.add(property: icalproperty_new_version("2.0"), what: "VERSION")
        try cal.add(property: icalproperty_new_prodid("-//Aarshjul//Aarshjul 1.0//\(prodLanguage)"), what: "PRODID")
        try cal.add(property: icalproperty_new_calscale("GREGORIAN"), what: "CALSCALE")
        try cal.add(property: icalproperty_new_name(name), what: "NAME")
        try cal.addX("X-WR-CALNAME", name)
        try cal.addX("X-WR-TIMEZONE", osloTZID)
        var refresh = icaldurationtype_null_duration()
        refresh.hours = UInt32(max(1, options.refreshIntervalHours))
        try cal.add(property: icalproperty_new_refreshinterval(refresh),
                    icalparameter_new_value(ICAL_VALUE_DURATION), what: "REFRESH-INTERVAL")
        try cal.addX("X-PUBLISHED-TTL", "PT\(max(1, options.refreshIntervalHours))H")

        let todos = options.confidential ? deadlines : []
        var coveredYears = plan.years
        for year in events.map(\.date.year) + todos.map(\.due.year) {
            coveredYears = min(coveredYears.lowerBound, year)...max(coveredYears.upperBound, year)
        }

        // libical writes a component as BEGIN, its properties, its children in
        // order, END; so the calendar is written as that, with each child's
        // text written once per export (the whole plan's calendar and each
        // series' calendar carry the same events): byte for byte what
        // serialising the whole tree gives, in half the time.
        let end = "END:VCALENDAR\r\n"
        let head = try cal.serialized()
        guard head.hasSuffix(end) else {
            throw ICalError.libical(code: -1, message: "libical wrote a VCALENDAR that does not end in END:VCALENDAR")
        }
        // The children's texts first, then the file in one string of the right size.
        var children: [String] = [try components.vtimezoneText(years: coveredYears)]
        children.reserveCapacity(1 + events.count + 2 * todos.count)
        for event in events.sorted(by: PlannedEvent.planOrder) { children.append(try components.eventText(event)) }
        let orderedDeadlines = todos.sorted(by: { ($0.due, $0.uid) < ($1.due, $1.uid) })
        if options.deadlines.events {
            for deadline in orderedDeadlines { children.append(try components.deadlineEventText(deadline)) }
        }
        if options.deadlines.todos {
            for deadline in orderedDeadlines { children.append(try components.todoText(deadline)) }
        }
        var text = head
        text.removeLast(end.count)
        text.reserveCapacity(children.reduce(head.utf8.count) { $0 + $1.utf8.count })
        for child in children { text += child }
        text += end
        return text
    }

    /// "2027", or "2027-2030" for a multi-year plan: the years part of every file name.
    public static func yearPart(_ years: ClosedRange<Int>) -> String {
        years.count == 1 ? String(years.lowerBound) : "\(years.lowerBound)-\(years.upperBound)"
    }
}
