import AarshjulCore
import CLibical

/// One VEVENT as read: the imported event (nil without a readable DTSTART),
/// the raw times it was read from, and its properties for further reading.
/// Each of DTSTART, DTEND and RECURRENCE-ID is read once, so a zone problem
/// is noted once per event.
struct EventReading {
    let component: LibicalComponent
    let properties: ComponentProperties
    let event: ImportedEvent?
    let start: icaltimetype?
    let end: icaltimetype?
    let recurrenceID: icaltimetype?
}

/// Reads one component's properties into the imported model.
struct ComponentReader {
    let file: ParsedFile
    let calendar: LibicalComponent

    func event(_ component: LibicalComponent) -> ImportedEvent? { read(component).event }

    /// Reads `component` whole. `recurrenceID` is read only for an event with a
    /// readable DTSTART (the others are left out, and the read must not note
    /// their zones twice); `readRecurrenceIDWithoutStart` reads it for them too.
    func read(_ component: LibicalComponent, readRecurrenceIDWithoutStart: Bool = false) -> EventReading {
        let properties = ComponentProperties(component)
        let runtime = file.runtime
        guard let startValue = file.time(properties.first(ICAL_DTSTART_PROPERTY), in: component, calendar: calendar),
              let start = runtime.osloWallTime(startValue) else {
            let rid = readRecurrenceIDWithoutStart
                ? file.time(properties.first(ICAL_RECURRENCEID_PROPERTY), in: component, calendar: calendar) : nil
            return EventReading(component: component, properties: properties, event: nil, start: nil, end: nil, recurrenceID: rid)
        }
        let isAllDay = startValue.is_date != 0
        var end = start
        let endValue = file.time(properties.first(ICAL_DTEND_PROPERTY), in: component, calendar: calendar)
        if let endValue, let wall = runtime.osloWallTime(endValue) {
            end = wall
        } else if properties.contains(ICAL_DURATION_PROPERTY),
                  let wall = runtime.osloWallTime(icaltime_add(startValue, properties.durationWithoutEnd)) {
            end = wall
        } else if isAllDay {
            end = (start.date.adding(days: 1), nil)
        }
        // A date DTEND is exclusive; report the last day covered.
        let lastDay = isAllDay ? max(start.date, end.date.adding(days: -1)) : end.date
        var recurrenceDate: CivilDate?
        var recurrenceTime: TimeOfDay?
        let ridValue = file.time(properties.first(ICAL_RECURRENCEID_PROPERTY), in: component, calendar: calendar)
        if let ridValue, let wall = runtime.osloWallTime(ridValue) {
            recurrenceDate = wall.date
            recurrenceTime = wall.time
        }
        var event = ImportedEvent(
            uid: properties.text(ICAL_UID_PROPERTY, icalproperty_get_uid) ?? "",
            summary: properties.text(ICAL_SUMMARY_PROPERTY, icalproperty_get_summary) ?? "",
            seriesID: properties.xValue("X-AARSHJUL-SERIES"),
            schoolID: properties.xValue("X-AARSHJUL-SCHOOL"),
            categories: properties.all(ICAL_CATEGORIES_PROPERTY).compactMap { text(icalproperty_get_categories($0)) },
            start: start.date, startTime: start.time, startUTC: runtime.instant(startValue), end: lastDay, endTime: isAllDay ? nil : end.time,
            isAllDay: isAllDay,
            sequence: properties.sequence,
            stamp: stamp(properties),
            status: valueText(properties.first(ICAL_STATUS_PROPERTY)),
            attendeeNames: properties.all(ICAL_ATTENDEE_PROPERTY).compactMap(attendeeName),
            recurrenceDate: recurrenceDate, recurrenceTime: recurrenceTime)
        event.contentFingerprint = properties.xValue("X-AARSHJUL-CONTENT")
        event.transparent = valueText(properties.first(ICAL_TRANSP_PROPERTY)) == "TRANSPARENT"
        event.plannedDate = properties.xValue("X-AARSHJUL-DATE").flatMap { CivilDate(iso: $0) }
        event.personIDs = properties.xValue("X-AARSHJUL-PEOPLE").map { $0.split(separator: " ").map(String.init) }
        return EventReading(component: component, properties: properties, event: event,
                            start: startValue, end: endValue, recurrenceID: ridValue)
    }

    /// A deadline written as an all-day VEVENT (X-AARSHJUL-DEADLINE: what it belongs to): due on its DTSTART.
    /// Its SUMMARY is the display title ("Frist: sakliste til …"); the deadline's own title is DESCRIPTION's first line.
    func deadline(_ component: LibicalComponent) -> ImportedTodo? {
        let properties = ComponentProperties(component)
        guard var todo = todo(component, properties, dueOn: ICAL_DTSTART_PROPERTY, belongsTo: "X-AARSHJUL-DEADLINE") else { return nil }
        if let description = properties.text(ICAL_DESCRIPTION_PROPERTY, icalproperty_get_description),
           let first = description.split(separator: "\n", omittingEmptySubsequences: false).first, !first.isEmpty {
            todo.summary = String(first)
        }
        return todo
    }

    func todo(_ component: LibicalComponent) -> ImportedTodo? {
        todo(component, ComponentProperties(component), dueOn: ICAL_DUE_PROPERTY, belongsTo: "X-AARSHJUL-SERIES")
    }

    /// A deadline either way it is written: `dueOn` holds its day, `belongsTo` the series it belongs to.
    private func todo(_ component: LibicalComponent, _ properties: ComponentProperties, dueOn property: icalproperty_kind,
                      belongsTo seriesProperty: String) -> ImportedTodo? {
        guard let dueValue = file.time(properties.first(property), in: component, calendar: calendar),
              let due = file.runtime.osloWallTime(dueValue) else { return nil }
        var todo = ImportedTodo(
            uid: properties.text(ICAL_UID_PROPERTY, icalproperty_get_uid) ?? "",
            summary: properties.text(ICAL_SUMMARY_PROPERTY, icalproperty_get_summary) ?? "",
            due: due.date,
            relatedTo: properties.text(ICAL_RELATEDTO_PROPERTY, icalproperty_get_relatedto),
            seriesID: properties.xValue(seriesProperty))
        todo.sequence = properties.sequence
        todo.stamp = stamp(properties)
        todo.cancelled = properties.status == ICAL_STATUS_CANCELLED
        return todo
    }

    private func text(_ pointer: UnsafePointer<CChar>?) -> String? { pointer.map { String(cString: $0) } }

    private func stamp(_ properties: ComponentProperties) -> UTCTimestamp? {
        guard let property = properties.first(ICAL_DTSTAMP_PROPERTY) else { return nil }
        let t = icalproperty_get_dtstamp(property)
        guard let date = CivilDate(year: Int(t.year), month: Int(t.month), day: Int(t.day)) else { return nil }
        return UTCTimestamp(date: date, time: TimeOfDay(minutes: Int(t.hour) * 60 + Int(t.minute)), second: Int(t.second))
    }

    /// A property's value as libical writes it (STATUS, TRANSP).
    private func valueText(_ property: OpaquePointer?) -> String? {
        guard let property, let value = icalproperty_get_value_as_string(property) else { return nil }
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
