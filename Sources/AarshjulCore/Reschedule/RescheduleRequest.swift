/// One event of the published plan, as read back from its .ics file.
public struct PreviousEvent: Sendable, Equatable {
    public var uid: String
    public var seriesID: String
    public var schoolID: String?
    /// SUMMARY as published; used for a cancelled event whose series is gone.
    public var title: String
    public var date: CivilDate
    /// nil for all-day items.
    public var time: TimeSpan?
    public var sequence: Int
    /// DTSTAMP as published; nil when the file had none.
    public var stamp: UTCTimestamp?
    /// Already STATUS:CANCELLED in the published plan.
    public var cancelled: Bool
    /// `PlannedEvent.contentFingerprint` as published (X-AARSHJUL-CONTENT); nil when unknown.
    public var contentFingerprint: String? = nil
    /// The date aarshjul itself gave the event (X-AARSHJUL-DATE); a different
    /// `date` means a person moved it. nil for feeds written before it existed.
    public var plannedDate: CivilDate? = nil

    public init(uid: String, seriesID: String, schoolID: String? = nil, title: String = "", date: CivilDate,
                time: TimeSpan?, sequence: Int = 0, stamp: UTCTimestamp? = nil, cancelled: Bool = false) {
        self.uid = uid
        self.seriesID = seriesID
        self.schoolID = schoolID
        self.title = title
        self.date = date
        self.time = time
        self.sequence = sequence
        self.stamp = stamp
        self.cancelled = cancelled
    }
}

/// One to-do (deadline) of the published plan, from a confidential feed.
public struct PreviousDeadline: Sendable, Equatable {
    public var uid: String
    public var due: CivilDate
    public var sequence: Int
    public var stamp: UTCTimestamp?
    /// SUMMARY, X-AARSHJUL-SERIES, RELATED-TO and STATUS:CANCELLED as published
    /// (for a to-do that must be cancelled because it is no longer planned).
    public var title: String = ""
    public var sourceID: String = ""
    public var relatedEventUID: String? = nil
    public var cancelled = false

    public init(uid: String, due: CivilDate, sequence: Int = 0, stamp: UTCTimestamp? = nil) {
        self.uid = uid
        self.due = due
        self.sequence = sequence
        self.stamp = stamp
    }
}

/// A time a person is busy elsewhere (from their own calendar).
public struct BusyInterval: Sendable, Equatable {
    public var personID: String
    public var date: CivilDate
    /// nil: the whole day.
    public var time: TimeSpan?
    /// What keeps them busy, for the change list.
    public var summary: String

    public init(personID: String, date: CivilDate, time: TimeSpan?, summary: String) {
        self.personID = personID
        self.date = date
        self.time = time
        self.summary = summary
    }
}

/// Repair a published plan: the agreement, the plan as published, and what
/// changed since (blackouts, people's busy time, the school calendar, pins).
public struct RescheduleRequest: Sendable {
    public var agreement: Agreement
    public var years: ClosedRange<Int>
    public var language: PlanLanguage
    public var previous: [PreviousEvent]
    public var previousDeadlines: [PreviousDeadline]
    public var extraBlackouts: [Blackout]
    public var busy: [BusyInterval]
    /// Holidays from an imported skolerute (replace the computed breaks of the years they cover).
    public var schoolHolidays: [Blackout]
    /// UID → date the event must stay on (`--pin`).
    public var pins: [String: CivilDate]
    /// DTSTAMP/LAST-MODIFIED of every event this change touches.
    public var stamp: UTCTimestamp
    /// Treat a never-changed event (SEQUENCE 0) off its fresh-plan date as
    /// moved by hand and hold it there. Right for files people edit; wrong
    /// when the change is in the agreement itself and the previous plan is
    /// the tool's own (the feed server), since the fresh plan then already
    /// reflects the change.
    public var detectHandEdits: Bool = true

    public init(agreement: Agreement, years: ClosedRange<Int>, language: PlanLanguage? = nil, previous: [PreviousEvent],
                previousDeadlines: [PreviousDeadline] = [], extraBlackouts: [Blackout] = [], busy: [BusyInterval] = [],
                schoolHolidays: [Blackout] = [], pins: [String: CivilDate] = [:], stamp: UTCTimestamp) {
        self.agreement = agreement
        self.years = years
        self.language = language ?? agreement.language
        self.previous = previous
        self.previousDeadlines = previousDeadlines
        self.extraBlackouts = extraBlackouts
        self.busy = busy
        self.schoolHolidays = schoolHolidays
        self.pins = pins
        self.stamp = stamp
    }
}
