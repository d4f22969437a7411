import AarshjulCore

/// How a plan is written as iCalendar.
public struct ICalExportOptions: Sendable, Equatable {
    /// The language of the words the exporter adds (headings, calendar names).
    public var language: PlanLanguage
    /// true: the working feed for the people in the plan (attendees, organizer,
    /// agenda, deadlines). false: a public feed with only times, titles and places.
    public var confidential: Bool
    /// How often subscribers should re-fetch, in hours (REFRESH-INTERVAL, X-PUBLISHED-TTL).
    public var refreshIntervalHours: Int
    /// Deadlines (in confidential feeds) as all-day VEVENTs, which every
    /// calendar shows (Google, Outlook and Apple subscriptions ignore VTODO),
    /// and/or as VTODOs for task lists. Default: events only.
    public var deadlines: DeadlineStyle

    public enum DeadlineStyle: Sendable, Equatable {
        case events, todos, eventsAndTodos

        var events: Bool { self != .todos }
        var todos: Bool { self != .events }
    }

    public init(language: PlanLanguage, confidential: Bool = true, refreshIntervalHours: Int = 12,
                deadlines: DeadlineStyle = .events) {
        self.language = language
        self.confidential = confidential
        self.refreshIntervalHours = refreshIntervalHours
        self.deadlines = deadlines
    }
}
