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
        let eventLines = file.source.beginLines(of: "VEVENT")
        for calendar in file.calendars {
            if name == nil { name = calendar.xValue("X-WR-CALNAME") ?? calendarName(calendar) }
            let reader = ComponentReader(file: file, calendar: calendar)
            for component in calendar.children(ICAL_VEVENT_COMPONENT) {
                if events.count & 1023 == 0 { try file.budget.checkTime(line: file.lines(of: component)?.begin) }
                // A deadline this tool wrote as an all-day event is a deadline, not a meeting.
                if component.xValue("X-AARSHJUL-DEADLINE") != nil {
                    if let todo = reader.deadline(component) { todos.append(todo) }
                    continue
                }
                if let event = reader.event(component) {
                    events.append(event)
                } else {
                    // Counted over the whole file: right for the usual single calendar.
                    let ordinal = events.count + skipped.count
                    skipped.append(ICalFinding(
                        file: file.fileName, line: ordinal < eventLines.count ? eventLines[ordinal] : nil, component: "VEVENT",
                        message: "event without a readable DTSTART left out"))
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
        var out: [ImportedEvent] = []
        for calendar in file.calendars {
            out += try RecurrenceExpander(file: file, calendar: calendar).occurrences(in: horizon)
        }
        return out.sorted {
            ($0.start, $0.startTime?.minutes ?? -1, $0.uid) < ($1.start, $1.startTime?.minutes ?? -1, $1.uid)
        }
    }

    /// Both readings of one file from a single parse: findings, then occurrences.
    static func findingsAndOccurrences(_ text: String, fileName: String, horizon: DateRange,
                                       limits: ImportLimits) throws(ICalError) -> (findings: [ICalFinding], occurrences: [ImportedEvent]) {
        let file = try ParsedFile(text, fileName: fileName, limits: limits)
        let findings = try findings(file)
        let occurrences = try busyOccurrences(file, horizon: horizon)
        return (findings, occurrences)
    }

    /// The findings `parse` reports, without building the events: the
    /// occurrence pass reads every event anyway, so reading each one fully
    /// here too was half the import time of a large busy calendar. Reads
    /// the same times `parse` reads (each may report an unknown zone) and
    /// notes the events left out for want of a readable DTSTART.
    static func findings(_ file: ParsedFile) throws(ICalError) -> [ICalFinding] {
        var skipped: [ICalFinding] = []
        let eventLines = file.source.beginLines(of: "VEVENT")
        var ordinal = 0
        for calendar in file.calendars {
            for (index, component) in calendar.children(ICAL_VEVENT_COMPONENT).enumerated() {
                if index & 1023 == 0 { try file.budget.checkTime(line: file.lines(of: component)?.begin) }
                let start = file.time(of: ICAL_DTSTART_PROPERTY, in: component, calendar: calendar)
                if component.xValue("X-AARSHJUL-DEADLINE") != nil { continue }
                if start.flatMap(file.runtime.osloWallTime) == nil {
                    skipped.append(ICalFinding(
                        file: file.fileName, line: ordinal < eventLines.count ? eventLines[ordinal] : nil, component: "VEVENT",
                        message: "event without a readable DTSTART left out"))
                } else {
                    _ = file.time(of: ICAL_DTEND_PROPERTY, in: component, calendar: calendar)
                    _ = file.time(of: ICAL_RECURRENCEID_PROPERTY, in: component, calendar: calendar)
                }
                ordinal += 1
            }
            for component in calendar.children(ICAL_VTODO_COMPONENT) {
                _ = file.time(of: ICAL_DUE_PROPERTY, in: component, calendar: calendar)
            }
        }
        return ICalFinding.capped(file.libicalFindings() + file.readFindings + skipped)
    }

    private static func calendarName(_ calendar: LibicalComponent) -> String? {
        guard let property = icalcomponent_get_first_property(calendar.pointer, ICAL_NAME_PROPERTY),
              let value = icalproperty_get_name(property) else { return nil }
        return String(cString: value)
    }
}

/// Reads one component's properties into the imported model.
struct ComponentReader {
    let file: ParsedFile
    let calendar: LibicalComponent

    func event(_ component: LibicalComponent) -> ImportedEvent? {
        let runtime = file.runtime
        guard let startValue = file.time(of: ICAL_DTSTART_PROPERTY, in: component, calendar: calendar),
              let start = runtime.osloWallTime(startValue) else { return nil }
        let isAllDay = startValue.is_date != 0
        var end = start
        if let endValue = file.time(of: ICAL_DTEND_PROPERTY, in: component, calendar: calendar),
           let wall = runtime.osloWallTime(endValue) {
            end = wall
        } else if icalcomponent_get_first_property(component.pointer, ICAL_DURATION_PROPERTY) != nil,
                  let wall = runtime.osloWallTime(icaltime_add(startValue, icalcomponent_get_duration(component.pointer))) {
            end = wall
        } else if isAllDay {
            end = (start.date.adding(days: 1), nil)
        }
        // A date DTEND is exclusive; report the last day covered.
        let lastDay = isAllDay ? max(start.date, end.date.adding(days: -1)) : end.date
        var recurrenceDate: CivilDate?
        var recurrenceTime: TimeOfDay?
        if let rid = file.time(of: ICAL_RECURRENCEID_PROPERTY, in: component, calendar: calendar),
           let wall = runtime.osloWallTime(rid) {
            recurrenceDate = wall.date
            recurrenceTime = wall.time
        }
        var event = ImportedEvent(
            uid: text(icalcomponent_get_uid(component.pointer)) ?? "",
            summary: text(icalcomponent_get_summary(component.pointer)) ?? "",
            seriesID: component.xValue("X-AARSHJUL-SERIES"),
            schoolID: component.xValue("X-AARSHJUL-SCHOOL"),
            categories: component.properties(ICAL_CATEGORIES_PROPERTY).compactMap { text(icalproperty_get_categories($0)) },
            start: start.date, startTime: start.time, startUTC: runtime.instant(startValue), end: lastDay, endTime: isAllDay ? nil : end.time,
            isAllDay: isAllDay,
            sequence: Int(icalcomponent_get_sequence(component.pointer)),
            stamp: stamp(component),
            status: status(component),
            attendeeNames: component.properties(ICAL_ATTENDEE_PROPERTY).compactMap(attendeeName),
            recurrenceDate: recurrenceDate, recurrenceTime: recurrenceTime)
        event.contentFingerprint = component.xValue("X-AARSHJUL-CONTENT")
        event.transparent = transparency(component) == "TRANSPARENT"
        event.plannedDate = component.xValue("X-AARSHJUL-DATE").flatMap { CivilDate(iso: $0) }
        event.personIDs = component.xValue("X-AARSHJUL-PEOPLE").map { $0.split(separator: " ").map(String.init) }
        return event
    }

    /// A deadline written as an all-day VEVENT (X-AARSHJUL-DEADLINE: what it belongs to): due on its DTSTART.
    /// Its SUMMARY is the display title ("Frist: sakliste til …"); the deadline's own title is DESCRIPTION's first line.
    func deadline(_ component: LibicalComponent) -> ImportedTodo? {
        guard var todo = todo(component, dueOn: ICAL_DTSTART_PROPERTY, belongsTo: "X-AARSHJUL-DEADLINE") else { return nil }
        if let description = text(icalcomponent_get_description(component.pointer)),
           let first = description.split(separator: "\n", omittingEmptySubsequences: false).first, !first.isEmpty {
            todo.summary = String(first)
        }
        return todo
    }

    func todo(_ component: LibicalComponent) -> ImportedTodo? {
        todo(component, dueOn: ICAL_DUE_PROPERTY, belongsTo: "X-AARSHJUL-SERIES")
    }

    /// A deadline either way it is written: `dueOn` holds its day, `belongsTo` the series it belongs to.
    private func todo(_ component: LibicalComponent, dueOn property: icalproperty_kind,
                      belongsTo seriesProperty: String) -> ImportedTodo? {
        guard let dueValue = file.time(of: property, in: component, calendar: calendar),
              let due = file.runtime.osloWallTime(dueValue) else { return nil }
        let related = icalcomponent_get_first_property(component.pointer, ICAL_RELATEDTO_PROPERTY)
        var todo = ImportedTodo(
            uid: text(icalcomponent_get_uid(component.pointer)) ?? "",
            summary: text(icalcomponent_get_summary(component.pointer)) ?? "",
            due: due.date,
            relatedTo: related.flatMap { text(icalproperty_get_relatedto($0)) },
            seriesID: component.xValue(seriesProperty))
        todo.sequence = Int(icalcomponent_get_sequence(component.pointer))
        todo.stamp = stamp(component)
        todo.cancelled = icalcomponent_get_status(component.pointer) == ICAL_STATUS_CANCELLED
        return todo
    }

    private func text(_ pointer: UnsafePointer<CChar>?) -> String? { pointer.map { String(cString: $0) } }

    private func stamp(_ component: LibicalComponent) -> UTCTimestamp? {
        guard icalcomponent_get_first_property(component.pointer, ICAL_DTSTAMP_PROPERTY) != nil else { return nil }
        let t = icalcomponent_get_dtstamp(component.pointer)
        guard let date = CivilDate(year: Int(t.year), month: Int(t.month), day: Int(t.day)) else { return nil }
        return UTCTimestamp(date: date, time: TimeOfDay(minutes: Int(t.hour) * 60 + Int(t.minute)), second: Int(t.second))
    }

    private func transparency(_ component: LibicalComponent) -> String? {
        guard let property = icalcomponent_get_first_property(component.pointer, ICAL_TRANSP_PROPERTY),
              let value = icalproperty_get_value_as_string(property) else { return nil }
        return String(cString: value)
    }

    private func status(_ component: LibicalComponent) -> String? {
        guard let property = icalcomponent_get_first_property(component.pointer, ICAL_STATUS_PROPERTY),
              let value = icalproperty_get_value_as_string(property) else { return nil }
        return String(cString: value)
    }

    private func attendeeName(_ property: OpaquePointer) -> String? {
        if let parameter = icalproperty_get_first_parameter(property, ICAL_CN_PARAMETER),
           let cn = icalparameter_get_cn(parameter) {
            return String(cString: cn)
        }
        guard let address = icalproperty_get_attendee(property) else { return nil }
        let text = String(cString: address)
        return text.lowercased().hasPrefix("mailto:") ? String(text.dropFirst(7)) : text
    }
}
