/// The plan as a table with one row per event, for the spreadsheet (CSV,
/// XLSX) and the printed plan. These are the coordinator's own files: rows
/// carry attendees and agenda, so they never go to a public page or feed.
public struct PlanRow: Sendable, Equatable {
    public var event: PlannedEvent
    /// "onsdag"
    public var weekday: String
    /// "09:00"; empty for an all-day item.
    public var start: String
    public var end: String
    /// The series' title in the output language ("Politirådsmøte").
    public var series: String
    public var kind: SeriesKind?
    /// The event's own title with its occurrence ("Politirådsmøte (2/4)"),
    /// the school named for per-school events; never cut.
    public var title: String
    public var place: String
    /// The person who calls the meeting, as people read it ("Ordfører, Øyer kommune").
    public var calledBy: String
    public var attendees: [String]
    public var agenda: [String]
    /// Deadlines tied to this event ("Sakliste sendes ut: 17.03.2027").
    public var deadlines: [String]
}

public enum PlanRows {
    /// Column headings in `language`, in the order of `PlanRow.cells`.
    public static func headings(_ language: PlanLanguage) -> [String] {
        switch language {
        case .bokmal: return ["Dato", "Ukedag", "Start", "Slutt", "Møteserie", "Tittel", "Sted", "Innkaller", "Deltakere", "Sakliste", "Frister"]
        case .nynorsk: return ["Dato", "Vekedag", "Start", "Slutt", "Møteserie", "Tittel", "Stad", "Innkallar", "Deltakarar", "Sakliste", "Fristar"]
        case .english: return ["Date", "Weekday", "Start", "End", "Series", "Title", "Place", "Called by", "Attendees", "Agenda", "Deadlines"]
        }
    }

    /// One row per event of `plan` (cancelled events left out), in plan order.
    public static func rows(for plan: Plan, language: PlanLanguage) -> [PlanRow] {
        let events = plan.events.filter { !$0.cancelled }.sorted(by: PlannedEvent.planOrder)
        let deadlinesByEvent = Dictionary(grouping: plan.deadlines.filter { $0.relatedEventUID != nil }) { $0.relatedEventUID! }
        return events.map { event in
            let series = plan.agreement.series.first { $0.id == event.seriesID }
            let seriesTitle = series.map { language == .english ? ($0.titleEnglish ?? $0.title) : $0.title } ?? event.title
            let deadlines = (deadlinesByEvent[event.uid] ?? []).sorted { ($0.due, $0.uid) < ($1.due, $1.uid) }
                .map { "\($0.title): \(Words.longDate($0.due, language))" }
            return PlanRow(
                event: event,
                weekday: Words.weekdayName(event.date.weekday, language),
                start: event.time.map { $0.start.description } ?? "",
                end: event.time.map { $0.end.description } ?? "",
                series: seriesTitle,
                kind: series?.kind,
                title: fullTitle(plan, event, events),
                place: event.location ?? "",
                calledBy: event.organizer.map { personText(plan.agreement, $0, language) } ?? "",
                attendees: event.attendees.map { personText(plan.agreement, $0, language) } + event.guests,
                agenda: event.agenda,
                deadlines: deadlines
            )
        }
    }

    /// The row's cells as text, in the order of `headings`; lists one item a line.
    public static func cells(_ row: PlanRow) -> [String] {
        [row.event.date.iso, row.weekday, row.start, row.end, row.series, row.title, row.place, row.calledBy,
         row.attendees.joined(separator: "\n"), row.agenda.joined(separator: "\n"), row.deadlines.joined(separator: "\n")]
    }

    /// Deadlines not tied to one event (quarterly plans and reports), by due date.
    public static func freeDeadlines(_ plan: Plan) -> [PlannedDeadline] {
        plan.deadlines.filter { $0.relatedEventUID == nil }.sorted { ($0.due, $0.uid) < ($1.due, $1.uid) }
    }

    /// "Politirådsmøte (2/4)", the school added when the title lacks it.
    /// The count is per series, year and school, as in the text plan.
    static func fullTitle(_ plan: Plan, _ event: PlannedEvent, _ all: [PlannedEvent]) -> String {
        var title = event.title
        if let id = event.schoolID, let name = plan.agreement.schools.first(where: { $0.id == id })?.name, !title.contains(name) {
            title += ", " + name
        }
        let group = all.filter { $0.seriesID == event.seriesID && $0.date.year == event.date.year && $0.schoolID == event.schoolID }
        let total = max(group.count, group.map(\.occurrence).max() ?? 0)
        return "\(title) (\(event.occurrence)/\(total))"
    }

    /// A person as `Person.shownAs` names them in `language`; unknown ids are shown as they are.
    public static func personText(_ agreement: Agreement, _ id: String, _ language: PlanLanguage) -> String {
        agreement.person(id)?.shownAs(language) ?? id
    }
}
