import AarshjulCore
import CLibical

/// Reads iCalendar text through libical: plans written by `ICalExporter`,
/// and other people's calendars (Google, Outlook) to know when they are busy.
public enum ICalImporter {
    /// Every VEVENT and VTODO as written (recurring events are not expanded).
    /// Throws `.malformed` with the file and line when libical cannot read the
    /// file as a calendar; lesser problems come back as `findings`.
    public static func parse(_ text: String, fileName: String, limits: ImportLimits = .standard) throws(ICalError) -> ImportedCalendar {
        try parse(ParsedFile(text, fileName: fileName, limits: limits))
    }

    static func parse(_ file: ParsedFile) throws(ICalError) -> ImportedCalendar {
        var name: String?
        var events: [ImportedEvent] = []
        var todos: [ImportedTodo] = []
        var skipped: [ICalFinding] = []
        // Which VEVENT of the file this is, over all its calendars, deadlines included.
        var ordinal = -1
        for calendar in file.calendars {
            if name == nil { name = calendar.xValue("X-WR-CALNAME") ?? calendarName(calendar) }
            let reader = ComponentReader(file: file, calendar: calendar)
            for component in calendar.children(ICAL_VEVENT_COMPONENT) {
                ordinal += 1
                if ordinal & 1023 == 0 { try file.budget.checkTime(line: file.lines(ofEventAt: ordinal)?.begin) }
                // A deadline this tool wrote as an all-day event is a deadline, not a meeting.
                if component.xValue("X-AARSHJUL-DEADLINE") != nil {
                    if let todo = reader.deadline(component) { todos.append(todo) }
                    continue
                }
                if let event = reader.event(component) {
                    events.append(event)
                } else {
                    skipped.append(file.eventLeftOut(ordinal: ordinal))
                }
            }
            for component in calendar.children(ICAL_VTODO_COMPONENT) {
                if let todo = reader.todo(component) { todos.append(todo) }
            }
        }
        return ImportedCalendar(name: name, events: events, todos: todos,
                                findings: ICalFinding.capped(file.libicalFindings() + file.readFindings + skipped))
    }

    /// The occurrences of every event that touch `horizon` (Europe/Oslo
    /// dates): RRULE, RDATE and EXDATE expanded, an instance with a
    /// RECURRENCE-ID override replaced by the override, and cancelled events
    /// and instances left out. Sorted by start, then UID. Refused with the
    /// file, the event's line and the limit when the file passes `limits`.
    public static func busyOccurrences(_ text: String, fileName: String, horizon: DateRange,
                                       limits: ImportLimits = .standard) throws(ICalError) -> [ImportedEvent] {
        try busyOccurrences(ParsedFile(text, fileName: fileName, limits: limits), horizon: horizon)
    }

    static func busyOccurrences(_ file: ParsedFile, horizon: DateRange) throws(ICalError) -> [ImportedEvent] {
        try occurrences(of: readings(file, horizon: horizon), in: file, horizon: horizon)
    }

    /// Both readings of one file from a single parse and a single read of
    /// each event: the findings `parse` reports, then the occurrences.
    static func findingsAndOccurrences(_ text: String, fileName: String, horizon: DateRange,
                                       limits: ImportLimits) throws(ICalError) -> (findings: [ICalFinding], occurrences: [ImportedEvent]) {
        let file = try ParsedFile(text, fileName: fileName, limits: limits)
        let readings = try readings(file, horizon: horizon)
        // Taken before the expansion, which may note more (an EXRULE): the
        // findings `parse` gives for the file.
        let findings = ICalFinding.capped(file.libicalFindings() + file.readFindings + readings.flatMap(\.skipped))
        return (findings, try occurrences(of: readings, in: file, horizon: horizon))
    }

    /// Every calendar of the file read, its events once each, in file order.
    private static func readings(_ file: ParsedFile, horizon: DateRange) throws(ICalError) -> [CalendarReading] {
        var readings: [CalendarReading] = []
        var ordinal = 0
        for calendar in file.calendars {
            let reading = try CalendarReading(file: file, calendar: calendar, firstOrdinal: ordinal, horizon: horizon)
            ordinal += reading.count
            readings.append(reading)
        }
        return readings
    }

    /// Sorted by start, then UID.
    private static func occurrences(of readings: [CalendarReading], in file: ParsedFile,
                                    horizon: DateRange) throws(ICalError) -> [ImportedEvent] {
        var out: [ImportedEvent] = []
        for reading in readings {
            out += try RecurrenceExpander(file: file, reading: reading).occurrences(in: horizon)
        }
        // In place: `sorted` would copy 50,000 events first.
        out.sort {
            ($0.start, $0.startTime?.minutes ?? -1, $0.uid) < ($1.start, $1.startTime?.minutes ?? -1, $1.uid)
        }
        return out
    }

    private static func calendarName(_ calendar: LibicalComponent) -> String? {
        guard let property = icalcomponent_get_first_property(calendar.pointer, ICAL_NAME_PROPERTY),
              let value = icalproperty_get_name(property) else { return nil }
        return String(cString: value)
    }
}
