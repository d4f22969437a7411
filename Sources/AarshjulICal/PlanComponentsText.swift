import AarshjulCore

/// The exporter's VEVENTs written straight to text (`ContentLines`), property
/// for property as `event(_:)` and `deadlineEvent(_:)` build them for
/// libical: building, writing and freeing the libical tree was two thirds of
/// export time. nil when a value is outside what `ContentLines` writes as
/// libical does; the caller then has libical write it. ExportWriterTests
/// holds the two ways to the same bytes.
extension PlanComponents {
    func writtenEvent(_ event: PlannedEvent) -> String? {
        guard ContentLines.plainYear(event.date), ContentLines.plainYear(event.stamp.date),
              (0..<60).contains(event.stamp.second), event.stamp.time.minutes >= 0, event.stamp.time.hour < 24 else { return nil }
        var out = ContentLines()
        out.begin("VEVENT")
        out.text("UID", event.uid)
        out.raw("SEQUENCE", String(Int32(clamping: event.sequence)))
        out.utc("DTSTAMP", event.stamp)
        out.utc("LAST-MODIFIED", event.stamp)
        if let span = event.time {
            guard span.start.minutes >= 0, span.end.minutes >= 0, span.start.hour < 24, span.end.hour < 24 else { return nil }
            out.zoned("DTSTART", tzid: osloTZID, event.date, span.start)
            out.zoned("DTEND", tzid: osloTZID, event.date, span.end)
        } else {
            let next = event.date.adding(days: 1)
            guard ContentLines.plainYear(next) else { return nil }
            out.date("DTSTART", event.date)
            out.date("DTEND", next)
        }
        out.text("SUMMARY", event.title)
        if options.confidential, let text = description(of: event) { out.text("DESCRIPTION", text) }
        if let location = event.location, !location.isEmpty { out.text("LOCATION", location) }
        if let series = series(event.seriesID) { out.plain("CATEGORIES", LibicalComponent.plainXValue(seriesTitle(series))) }
        out.raw("STATUS", event.cancelled ? "CANCELLED" : "CONFIRMED")
        if event.isAllDay { out.raw("TRANSP", "TRANSPARENT") }
        if options.confidential {
            if let organizer = event.organizer.flatMap(person), let email = organizer.email {
                out.person("ORGANIZER", cn: organizer.name(language), address: email)
            }
            for id in event.attendees {
                guard let attendee = person(id), let email = attendee.email else { continue }
                out.person("ATTENDEE", cn: attendee.name(language), address: email)
            }
            if !event.attendees.isEmpty { out.plain("X-AARSHJUL-PEOPLE", LibicalComponent.plainXValue(event.attendees.joined(separator: " "))) }
        }
        out.plain("X-AARSHJUL-SERIES", LibicalComponent.plainXValue(event.seriesID))
        if let school = event.schoolID { out.plain("X-AARSHJUL-SCHOOL", LibicalComponent.plainXValue(school)) }
        if options.confidential { out.plain("X-AARSHJUL-CONTENT", LibicalComponent.plainXValue(event.contentFingerprint)) }
        out.plain("X-AARSHJUL-DATE", LibicalComponent.plainXValue(event.date.iso))
        out.end("VEVENT")
        return out.writable ? out.text : nil
    }

    func writtenDeadlineEvent(_ deadline: PlannedDeadline) -> String? {
        let next = deadline.due.adding(days: 1)
        guard ContentLines.plainYear(deadline.due), ContentLines.plainYear(next), ContentLines.plainYear(deadline.stamp.date),
              (0..<60).contains(deadline.stamp.second), deadline.stamp.time.minutes >= 0, deadline.stamp.time.hour < 24 else { return nil }
        let meeting = deadline.relatedEventUID.flatMap(meeting)
        let cancelled = deadline.cancelled || deadline.relatedEventUID != nil && (meeting == nil || meeting!.cancelled)
        var out = ContentLines()
        out.begin("VEVENT")
        out.text("UID", deadline.uid)
        out.raw("SEQUENCE", String(Int32(clamping: deadline.sequence)))
        out.utc("DTSTAMP", deadline.stamp)
        out.utc("LAST-MODIFIED", deadline.stamp)
        out.date("DTSTART", deadline.due)
        out.date("DTEND", next)
        out.text("SUMMARY", deadlineTitle(deadline, meeting: meeting))
        out.text("DESCRIPTION", deadlineDescription(deadline))
        if let related = deadline.relatedEventUID { out.text("RELATED-TO", related) }
        if let category = deadlineCategory(deadline) { out.plain("CATEGORIES", LibicalComponent.plainXValue(category)) }
        out.raw("STATUS", cancelled ? "CANCELLED" : "CONFIRMED")
        out.raw("TRANSP", "TRANSPARENT")
        out.plain("X-AARSHJUL-DEADLINE", LibicalComponent.plainXValue(deadline.sourceID))
        out.end("VEVENT")
        return out.writable ? out.text : nil
    }
}
