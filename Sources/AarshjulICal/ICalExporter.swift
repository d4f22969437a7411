import AarshjulCore
import CLibical

/// Writes a plan as iCalendar feeds people subscribe to, through libical.
public enum ICalExporter {
    /// One calendar for the whole municipality, one per series, and (in
    /// confidential feeds) one per quarterly deadline, sorted by file name.
    /// Names look like "lillestrom-2027.ics", "lillestrom-politirad-2027-2030.ics".
    public static func files(for plan: Plan, options: ICalExportOptions) throws(ICalError) -> [(name: String, contents: String)] {
        let agreement = plan.agreement
        let years = yearPart(plan.years)
        let titleYears = plan.years.count == 1 ? String(plan.years.lowerBound)
            : "\(plan.years.lowerBound)–\(plan.years.upperBound)"
        let components = PlanComponents(plan: plan, options: options, runtime: try LibicalRuntime.shared())
        var files: [(name: String, contents: String)] = []

        files.append((
            "\(agreement.id)-\(years).ics",
            try calendar(name: "\(agreement.municipality): \(ExportWords.wholePlan(options.language)) \(titleYears)",
                         events: plan.events + plan.cancelledEvents, deadlines: plan.deadlines, plan: plan, options: options)))
        for series in agreement.series {
            files.append((
                "\(agreement.id)-\(series.id)-\(years).ics",
                try calendar(name: "\(agreement.municipality): \(components.seriesTitle(series)) \(titleYears)",
                             events: plan.events(inSeries: series.id) + plan.cancelledEvents.filter { $0.seriesID == series.id },
                             deadlines: plan.deadlines.filter { $0.sourceID == series.id },
                             plan: plan, options: options)))
        }
        if options.confidential {
            for quarterly in agreement.quarterlyDeadlines {
                let title = options.language == .english ? (quarterly.titleEnglish ?? quarterly.title) : quarterly.title
                files.append((
                    "\(agreement.id)-\(quarterly.id)-\(years).ics",
                    try calendar(name: "\(agreement.municipality): \(title) \(titleYears)", events: [],
                                 deadlines: plan.deadlines.filter { $0.sourceID == quarterly.id },
                                 plan: plan, options: options)))
            }
        }
        return files.sorted { $0.name < $1.name }
    }

    /// One VCALENDAR named `name` holding `events` (and, in confidential feeds,
    /// `deadlines` as VTODOs), in a fixed order: events by date, start time
    /// (all-day first) and UID, then to-dos by due date and UID.
    public static func calendar(name: String, events: [PlannedEvent], deadlines: [PlannedDeadline], plan: Plan,
                                options: ICalExportOptions) throws(ICalError) -> String {
        let runtime = try LibicalRuntime.shared()
        let components = PlanComponents(plan: plan, options: options, runtime: runtime)
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
        cal.add(try runtime.vtimezone(years: coveredYears))

        let orderedEvents = events.sorted(by: PlannedEvent.planOrder)
        for event in orderedEvents { cal.add(try components.event(event)) }
        for deadline in todos.sorted(by: { ($0.due, $0.uid) < ($1.due, $1.uid) }) {
            cal.add(try components.todo(deadline))
        }
        return try cal.serialized()
    }

    /// "2027", or "2027-2030" for a multi-year plan: the years part of every file name.
    public static func yearPart(_ years: ClosedRange<Int>) -> String {
        years.count == 1 ? String(years.lowerBound) : "\(years.lowerBound)-\(years.upperBound)"
    }
}
