import AarshjulCore
import CLibical

/// Expands one calendar's events into occurrences with libical's
/// `icalcomponent_foreach_recurrence` (RRULE, RDATE, EXDATE), then applies
/// RECURRENCE-ID overrides and drops what is cancelled.
struct RecurrenceExpander {
    let file: ParsedFile
    let calendar: LibicalComponent

    /// Collects the spans libical reports; passed to C as an opaque pointer.
    private final class SpanCollector {
        var starts: [(start: Int, end: Int)] = []
    }

    func occurrences(in horizon: DateRange) -> [ImportedEvent] {
        let reader = ComponentReader(file: file, calendar: calendar)
        let components = calendar.children(ICAL_VEVENT_COMPONENT)
        // Overrides by UID, keyed by the instance they replace (seconds since
        // the epoch, in the same convention libical uses for spans).
        var overrides: [String: [Int: LibicalComponent]] = [:]
        var masters: [LibicalComponent] = []
        for component in components {
            if let rid = file.time(of: ICAL_RECURRENCEID_PROPERTY, in: component, calendar: calendar) {
                let uid = icalcomponent_get_uid(component.pointer).map { String(cString: $0) } ?? ""
                overrides[uid, default: [:]][instantKey(rid)] = component
            } else {
                masters.append(component)
            }
        }

        var out: [ImportedEvent] = []
        for master in masters {
            guard let event = reader.event(master), event.status != "CANCELLED" else { continue }
            let recurs = icalcomponent_get_first_property(master.pointer, ICAL_RRULE_PROPERTY) != nil
                || icalcomponent_get_first_property(master.pointer, ICAL_RDATE_PROPERTY) != nil
            guard recurs, let startValue = file.time(of: ICAL_DTSTART_PROPERTY, in: master, calendar: calendar) else {
                if event.dates.overlaps(horizon) { out.append(event) }
                continue
            }
            let replaced = overrides[event.uid] ?? [:]
            for span in spans(of: master, around: horizon) {
                if replaced[span.start] != nil { continue }  // the override is added below
                if let instance = self.instance(of: event, startValue: startValue, span: span),
                   instance.dates.overlaps(horizon) {
                    out.append(instance)
                }
            }
        }
        for uid in overrides.keys.sorted() {
            for (_, component) in overrides[uid]!.sorted(by: { $0.key < $1.key }) {
                guard let event = reader.event(component), event.status != "CANCELLED",
                      event.dates.overlaps(horizon) else { continue }
                out.append(event)
            }
        }
        return out
    }

    /// libical's spans for `master` around the horizon (a day of slack on
    /// each side, since the horizon is in Oslo dates and libical works in UTC).
    private func spans(of master: LibicalComponent, around horizon: DateRange) -> [(start: Int, end: Int)] {
        var from = LibicalRuntime.dateValue(horizon.first.adding(days: -1))
        from.is_date = 0
        from.zone = file.runtime.utc
        var to = LibicalRuntime.dateValue(horizon.last.adding(days: 2))
        to.is_date = 0
        to.zone = file.runtime.utc
        let collector = SpanCollector()
        let context = Unmanaged.passRetained(collector)
        defer { context.release() }
        icalcomponent_foreach_recurrence(master.pointer, from, to, { _, span, data in
            guard let span, let data else { return }
            let collector = Unmanaged<SpanCollector>.fromOpaque(data).takeUnretainedValue()
            collector.starts.append((Int(span.pointee.start), Int(span.pointee.end)))
        }, context.toOpaque())
        return collector.starts
    }

    /// The master's fields with one occurrence's start and end.
    private func instance(of master: ImportedEvent, startValue: icaltimetype, span: (start: Int, end: Int)) -> ImportedEvent? {
        guard let start = wallTime(span.start, like: startValue),
              let end = wallTime(span.end, like: startValue) else { return nil }
        var event = master
        event.start = start.date
        event.startTime = start.time
        event.startUTC = master.startUTC == nil ? nil : UTCTimestamp(secondsSinceEpoch: span.start)
        event.end = master.isAllDay ? max(start.date, end.date.adding(days: -1)) : end.date
        event.endTime = master.isAllDay ? nil : end.time
        event.recurrenceDate = start.date
        event.recurrenceTime = start.time
        return event
    }

    /// A span time back as Oslo wall time. libical computes spans of dates
    /// and floating times as if they were UTC, so those are read back as UTC
    /// fields without conversion; zoned times are real instants.
    private func wallTime(_ seconds: Int, like value: icaltimetype) -> (date: CivilDate, time: TimeOfDay?)? {
        let utc = file.runtime.utc
        var t = icaltime_from_timet_with_zone(time_t(seconds), value.is_date, utc)
        // icaltime_from_timet_with_zone leaves the zone unset in 3.0.x.
        t.zone = (value.is_date != 0 || value.zone == nil) ? nil : utc
        return file.runtime.osloWallTime(t)
    }

    /// The instant key libical's spans use for a time: real UTC for zoned
    /// times, the fields read as UTC for dates and floating times.
    private func instantKey(_ t: icaltimetype) -> Int {
        Int(icaltime_as_timet_with_zone(t, t.zone ?? file.runtime.utc))
    }
}
