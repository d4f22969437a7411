/// The decisions: when each meeting of an agreement happens over a span of
/// years, with the cost of the preferences it misses. Facts stay in `Agreement`.
public struct Plan: Sendable, Equatable {
    public var agreement: Agreement
    public var years: ClosedRange<Int>
    /// The language titles, notes and deadline texts were written in.
    public var language: PlanLanguage
    /// Sorted by date, then start time, then UID.
    public var events: [PlannedEvent]
    /// Sorted by due date, then UID.
    public var deadlines: [PlannedDeadline]
    /// Things the plan could not do and says so (a week with no free day for
    /// the weekly presence, …). Never a broken hard rule.
    public var notes: [PlanNote]
    public var cost: CostReport
    /// Events of an earlier version of the plan that can no longer be held.
    /// They stay in the feeds as STATUS:CANCELLED (clients strike them
    /// through or delete them) and take part in no rule; empty for a fresh plan.
    public var cancelledEvents: [PlannedEvent] = []
    /// The regular weekday (and week of the month) each series keeps, per
    /// year, as the planner chose it; empty for a repaired plan.
    public var patterns: [PlannedPattern] = []
    /// Deadlines of an earlier version that no longer exist (their meeting
    /// was cancelled or renumbered): kept in the feeds as STATUS:CANCELLED so
    /// no published to-do silently disappears; empty for a fresh plan.
    public var cancelledDeadlines: [PlannedDeadline] = []

    public init(agreement: Agreement, years: ClosedRange<Int>, language: PlanLanguage, events: [PlannedEvent],
                deadlines: [PlannedDeadline] = [], notes: [PlanNote] = [], cost: CostReport = CostReport()) {
        self.agreement = agreement
        self.years = years
        self.language = language
        self.events = events
        self.deadlines = deadlines
        self.notes = notes
        self.cost = cost
    }

    public func events(inSeries id: String) -> [PlannedEvent] { events.filter { $0.seriesID == id } }

    /// DTSTAMP/LAST-MODIFIED of a freshly planned event: `agreement.revised`
    /// at midnight UTC, else 1 December before the first year — never "now",
    /// so the same agreement always gives the same bytes.
    public static func freshStamp(_ agreement: Agreement, years: ClosedRange<Int>) -> UTCTimestamp {
        UTCTimestamp(date: agreement.revised ?? CivilDate(year: years.lowerBound - 1, month: 12, day: 1)!)
    }
}

/// One meeting (or presence day) in the plan.
public struct PlannedEvent: Sendable, Equatable {
    /// Stable for ever: same agreement, series, year and occurrence → same UID.
    public var uid: String
    public var seriesID: String
    /// For per-school series, the school the event is for.
    public var schoolID: String?
    /// 1-based number of the occurrence within its series and year.
    public var occurrence: Int
    public var title: String
    public var date: CivilDate
    /// nil for all-day items.
    public var time: TimeSpan?
    public var location: String?
    /// Person ids.
    public var organizer: String?
    public var attendees: [String]
    public var guests: [String]
    /// The full agenda for this occurrence, positional items included.
    public var agenda: [String]
    public var sequence: Int
    /// DTSTAMP and LAST-MODIFIED: when the event last changed.
    public var stamp: UTCTimestamp
    /// True for an event withdrawn from a published plan (see `Plan.cancelledEvents`).
    public var cancelled: Bool = false

    public init(uid: String, seriesID: String, schoolID: String? = nil, occurrence: Int, title: String,
                date: CivilDate, time: TimeSpan?, location: String? = nil, organizer: String? = nil,
                attendees: [String] = [], guests: [String] = [], agenda: [String] = [],
                sequence: Int = 0, stamp: UTCTimestamp) {
        self.uid = uid
        self.seriesID = seriesID
        self.schoolID = schoolID
        self.occurrence = occurrence
        self.title = title
        self.date = date
        self.time = time
        self.location = location
        self.organizer = organizer
        self.attendees = attendees
        self.guests = guests
        self.agenda = agenda
        self.sequence = sequence
        self.stamp = stamp
    }

    public var isAllDay: Bool { time == nil }

    /// The order of events in a plan and in every file made from it: by date,
    /// then start time (all-day items first), then UID.
    public static func planOrder(_ a: PlannedEvent, _ b: PlannedEvent) -> Bool {
        (a.date, a.time?.start.minutes ?? -1, a.uid) < (b.date, b.time?.start.minutes ?? -1, b.uid)
    }
}

/// A task with a due date: an agenda that must go out, a quarterly plan or report.
public struct PlannedDeadline: Sendable, Equatable {
    public var uid: String
    /// The series (agenda deadlines) or quarterly deadline id it belongs to.
    public var sourceID: String
    public var title: String
    public var due: CivilDate
    /// The meeting it serves, for agenda deadlines.
    public var relatedEventUID: String?
    /// Person ids.
    public var responsible: [String]
    public var sequence: Int
    public var stamp: UTCTimestamp
    /// Withdrawn from a published plan (see `Plan.cancelledDeadlines`).
    public var cancelled = false

    public init(uid: String, sourceID: String, title: String, due: CivilDate, relatedEventUID: String? = nil,
                responsible: [String] = [], sequence: Int = 0, stamp: UTCTimestamp) {
        self.uid = uid
        self.sourceID = sourceID
        self.title = title
        self.due = due
        self.relatedEventUID = relatedEventUID
        self.responsible = responsible
        self.sequence = sequence
        self.stamp = stamp
    }
}

/// A plain-language remark the plan carries to the user.
public struct PlanNote: Sendable, Equatable {
    public var seriesID: String?
    public var text: LocalizedText
    /// The first day the remark is about: a plan lists its notes by it, as
    /// the year runs (undated ones last, in the order they came).
    public var date: CivilDate?

    public init(seriesID: String?, text: LocalizedText, date: CivilDate? = nil) {
        self.seriesID = seriesID
        self.text = text
        self.date = date
    }
}

extension Array where Element == PlanNote {
    /// By date (stable), undated notes last.
    public var byDate: [PlanNote] {
        enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}

/// The preference cost of a plan, broken down by soft rule, and how far from
/// the best possible it can be.
public struct CostReport: Sendable, Equatable {
    /// Soft-rule id → total penalty.
    public var byRule: [String: Int]
    /// No plan that keeps every hard rule costs less than this.
    public var lowerBound: Int

    public init(byRule: [String: Int] = [:], lowerBound: Int = 0) {
        self.byRule = byRule
        self.lowerBound = lowerBound
    }

    public var total: Int { byRule.values.reduce(0, +) }
    public var isProvenOptimal: Bool { total == lowerBound }
    /// At most this much worse than the best plan.
    public var gap: Int { total - lowerBound }
}
