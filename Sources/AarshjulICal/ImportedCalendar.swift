import AarshjulCore

/// One VEVENT as read back, with times as Europe/Oslo wall time.
public struct ImportedEvent: Sendable, Equatable {
    public var uid: String
    public var summary: String
    /// X-AARSHJUL-SERIES, for calendars this tool wrote.
    public var seriesID: String?
    /// X-AARSHJUL-SCHOOL.
    public var schoolID: String?
    /// X-AARSHJUL-CONTENT: the digest of the event's text when this tool wrote it.
    public var contentFingerprint: String? = nil
    /// X-AARSHJUL-PEOPLE: the agreement's person ids of who attends (full feeds only).
    public var personIDs: [String]? = nil
    /// X-AARSHJUL-DATE: the date this tool gave the event when it wrote it.
    public var plannedDate: CivilDate? = nil
    /// TRANSP:TRANSPARENT — shown in the calendar but not busy time (birthdays, reminders).
    public var transparent: Bool = false
    public var categories: [String]
    public var start: CivilDate
    /// Europe/Oslo wall time (converted from UTC or the event's own TZID); nil for all-day events.
    public var startTime: TimeOfDay?
    /// The start as an instant, from the file's own zone data; nil for
    /// all-day events and floating times.
    public var startUTC: UTCTimestamp?
    /// The last day the event covers. For all-day events that is the day
    /// before the (exclusive) DTEND; for timed events the date of DTEND.
    public var end: CivilDate
    public var endTime: TimeOfDay?
    public var isAllDay: Bool
    public var sequence: Int
    /// DTSTAMP, in UTC.
    public var stamp: UTCTimestamp?
    /// STATUS as written ("CONFIRMED", "CANCELLED", …).
    public var status: String?
    /// CN of each ATTENDEE, or its address when it has no CN.
    public var attendeeNames: [String]
    /// For an overriding instance (or an expanded occurrence): which original
    /// occurrence it is, as Europe/Oslo date and wall time.
    public var recurrenceDate: CivilDate?
    public var recurrenceTime: TimeOfDay?

    public init(uid: String, summary: String, seriesID: String? = nil, schoolID: String? = nil,
                categories: [String] = [], start: CivilDate, startTime: TimeOfDay?, startUTC: UTCTimestamp? = nil, end: CivilDate,
                endTime: TimeOfDay?, isAllDay: Bool, sequence: Int = 0, stamp: UTCTimestamp? = nil,
                status: String? = nil, attendeeNames: [String] = [], recurrenceDate: CivilDate? = nil,
                recurrenceTime: TimeOfDay? = nil) {
        self.uid = uid
        self.summary = summary
        self.seriesID = seriesID
        self.schoolID = schoolID
        self.categories = categories
        self.start = start
        self.startTime = startTime
        self.startUTC = startUTC
        self.end = end
        self.endTime = endTime
        self.isAllDay = isAllDay
        self.sequence = sequence
        self.stamp = stamp
        self.status = status
        self.attendeeNames = attendeeNames
        self.recurrenceDate = recurrenceDate
        self.recurrenceTime = recurrenceTime
    }

    /// The Europe/Oslo dates the event touches.
    public var dates: DateRange { DateRange(start, end) }
}

/// One VTODO as read back.
public struct ImportedTodo: Sendable, Equatable {
    public var uid: String
    public var summary: String
    /// DUE as a date (Europe/Oslo for timed DUE values).
    public var due: CivilDate
    public var relatedTo: String?
    public var seriesID: String?
    public var sequence: Int = 0
    /// DTSTAMP, in UTC.
    public var stamp: UTCTimestamp?
    /// STATUS:CANCELLED.
    public var cancelled = false

    public init(uid: String, summary: String, due: CivilDate, relatedTo: String? = nil, seriesID: String? = nil) {
        self.uid = uid
        self.summary = summary
        self.due = due
        self.relatedTo = relatedTo
        self.seriesID = seriesID
    }
}

/// A calendar file as read: its name, its components as written (no
/// expansion), and every problem libical noted on the way.
public struct ImportedCalendar: Sendable {
    /// X-WR-CALNAME, else NAME.
    public var name: String?
    public var events: [ImportedEvent]
    public var todos: [ImportedTodo]
    public var findings: [ICalFinding]

    public init(name: String?, events: [ImportedEvent], todos: [ImportedTodo], findings: [ICalFinding]) {
        self.name = name
        self.events = events
        self.todos = todos
        self.findings = findings
    }
}
