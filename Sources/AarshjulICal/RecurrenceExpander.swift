import AarshjulCore
import CLibical

/// Every VEVENT of one calendar, read once in file order (`ComponentReader`).
/// A plain event (no RRULE, RDATE or RECURRENCE-ID) becomes its occurrence
/// at once and nothing of its reading is kept; recurring events and
/// overrides are kept for `RecurrenceExpander`. The findings and the
/// occurrences of a busy calendar both come from this one reading: reading
/// each event again for its findings, and keeping every event's reading
/// until the end, were a third of a large busy calendar's import.
struct CalendarReading {
    let calendar: LibicalComponent
    /// Plain events touching the horizon, not cancelled: their own occurrence.
    private(set) var plain: [ImportedEvent] = []
    /// Events with RRULE or RDATE (and no RECURRENCE-ID), with their ordinal among the file's VEVENTs.
    private(set) var masters: [(ordinal: Int, reading: EventReading)] = []
    /// Overrides by UID, keyed by the instance they replace (seconds since
    /// the epoch, in the same convention libical uses for spans).
    private(set) var overrides: [String: [Int: (ordinal: Int, reading: EventReading)]] = [:]
    /// "event without a readable DTSTART left out", by the event's BEGIN line.
    private(set) var skipped: [ICalFinding] = []
    /// How many VEVENTs the calendar holds.
    private(set) var count = 0

    /// `firstOrdinal`: how many VEVENTs the file's earlier calendars hold.
    init(file: ParsedFile, calendar: LibicalComponent, firstOrdinal: Int, horizon: DateRange) throws(ICalError) {
        self.calendar = calendar
        let reader = ComponentReader(file: file, calendar: calendar)
        var plain: [ImportedEvent] = []
        var masters: [(ordinal: Int, reading: EventReading)] = []
        var overrides: [String: [Int: (ordinal: Int, reading: EventReading)]] = [:]
        var skipped: [ICalFinding] = []
        var ordinal = firstOrdinal
        try calendar.forEachChild(ICAL_VEVENT_COMPONENT) { (pointer) throws(ICalError) in
            defer { ordinal += 1 }
            // The CPU clock is a system call: read it every 256 events, not for each.
            if ordinal & 255 == 0 { try file.budget.checkTime(line: file.lines(ofEventAt: ordinal)?.begin) }
            let reading = reader.read(LibicalComponent(borrowing: pointer), readRecurrenceIDWithoutStart: true)
            if let rid = reading.recurrenceID {
                let uid = reading.event?.uid ?? reading.properties.text(ICAL_UID_PROPERTY, icalproperty_get_uid) ?? ""
                overrides[uid, default: [:]][RecurrenceExpander.instantKey(rid, utc: file.runtime.utc)] = (ordinal, reading)
                return
            }
            guard let event = reading.event else {
                // A deadline this tool wrote as an all-day event is no meeting left out.
                if reading.properties.xValue("X-AARSHJUL-DEADLINE") == nil { skipped.append(file.eventLeftOut(ordinal: ordinal)) }
                return
            }
            guard event.status != "CANCELLED" else { return }
            if reading.properties.contains(ICAL_RRULE_PROPERTY) || reading.properties.contains(ICAL_RDATE_PROPERTY) {
                masters.append((ordinal, reading))
            } else if event.dates.overlaps(horizon) {
                try file.budget.occurrence(line: file.lines(ofEventAt: ordinal)?.begin)
                plain.append(event)
            }
        }
        (self.plain, self.masters, self.overrides, self.skipped) = (plain, masters, overrides, skipped)
        count = ordinal - firstOrdinal
        // To-dos are no busy time, but their DUE is read as `parse` reads it,
        // so an unknown zone there is reported the same way.
        for component in calendar.children(ICAL_VTODO_COMPONENT) {
            _ = file.time(of: ICAL_DUE_PROPERTY, in: component, calendar: calendar)
        }
    }
}

/// Expands one calendar's recurring events into occurrences (RRULE, RDATE,
/// EXDATE), then applies RECURRENCE-ID overrides and drops what is cancelled.
///
/// The expansion walks libical's recurrence iterator itself rather than
/// `icalcomponent_foreach_recurrence`, so every step is counted against the
/// file's `ImportBudget` (steps before the planned years included: a
/// minutely rule from 1601 is stopped, not waited for) and EXDATEs are
/// looked up in a set instead of scanned per occurrence.
struct RecurrenceExpander {
    let file: ParsedFile
    let reading: CalendarReading
    var calendar: LibicalComponent { reading.calendar }

    /// The calendar's plain events, every instance of its recurring ones, then its overrides.
    func occurrences(in horizon: DateRange) throws(ICalError) -> [ImportedEvent] {
        var out = reading.plain
        for (index, (ordinal, master)) in reading.masters.enumerated() {
            let lines = file.lines(ofEventAt: ordinal)
            if index & 255 == 0 { try file.budget.checkTime(line: lines?.begin) }
            guard let event = master.event, let startValue = master.start else { continue }
            let replaced = reading.overrides[event.uid] ?? [:]
            for span in try spans(of: master, lines: lines, start: startValue, around: horizon) {
                if replaced[span.start] != nil { continue }  // the override is added below
                if let instance = self.instance(of: event, startValue: startValue, span: span),
                   instance.dates.overlaps(horizon) {
                    out.append(instance)
                }
            }
        }
        for uid in reading.overrides.keys.sorted() {
            for (_, entry) in reading.overrides[uid]!.sorted(by: { $0.key < $1.key }) {
                guard let event = entry.reading.event, event.status != "CANCELLED",
                      event.dates.overlaps(horizon) else { continue }
                try file.budget.occurrence(line: file.lines(ofEventAt: entry.ordinal)?.begin)
                out.append(event)
            }
        }
        return out
    }

    /// The spans (start and end, in libical's instant convention) of
    /// `master`'s occurrences that touch the horizon, with a day of slack on
    /// each side (the horizon is in Oslo dates, spans in UTC): DTSTART
    /// itself, every RRULE step and every RDATE, less the EXDATEs.
    private func spans(of reading: EventReading, lines: (begin: Int, end: Int?)?, start: icaltimetype,
                       around horizon: DateRange) throws(ICalError) -> [(start: Int, end: Int)] {
        let master = reading.component
        let from = instantKey(utcMidnight(horizon.first.adding(days: -1)))
        let to = instantKey(utcMidnight(horizon.last.adding(days: 2)))
        let ruleLine = file.line(of: "RRULE", within: lines)
        let freqColumn = file.source.column(of: "FREQ=", line: ruleLine)
        let duration = durationSeconds(of: reading, start: start)

        var excludedInstants: Set<Int> = []
        var excludedDays: Set<Int> = []
        for property in reading.properties.all(ICAL_EXDATE_PROPERTY) {
            guard let t = file.zoned(icalproperty_get_exdate(property), of: property, in: master, calendar: calendar) else { continue }
            if t.is_date != 0 { excludedDays.insert(dayKey(t)) } else { excludedInstants.insert(instantKey(t)) }
        }
        if reading.properties.contains(ICAL_EXRULE_PROPERTY) {
            file.readFindings.append(ICalFinding(
                file: file.fileName, line: file.line(of: "EXRULE", within: lines), component: "VEVENT",
                message: "EXRULE (withdrawn in RFC 5545) is not read; the event counts as busy on every repeat. Use EXDATE instead"))
        }

        var out: [(start: Int, end: Int)] = []
        var emitted: Set<Int> = []
        func add(_ t: icaltimetype, end: Int? = nil, line: Int?) throws(ICalError) {
            let key = instantKey(t)
            let stop = end ?? key + duration
            guard stop >= from, key <= to, !excludedInstants.contains(key), !excludedDays.contains(dayKey(t)),
                  emitted.insert(key).inserted else { return }
            try file.budget.occurrence(line: line)
            out.append((key, stop))
        }
        try add(start, line: lines?.begin)
        for property in reading.properties.all(ICAL_RRULE_PROPERTY) {
            let rule = icalproperty_get_rrule(property)
            if let scale = RecurrenceRule.nonGregorianScale(rule) {
                throw .malformed(file: file.fileName, line: ruleLine, column: file.source.column(of: "RSCALE=", line: ruleLine),
                                 message: LocalizedText(
                    nb: "RRULE-en til hendelsen bruker RSCALE=\(scale) (en ikke-gregoriansk kalender), som Aarshjul ikke leser; forventet en gregoriansk regel som RRULE:FREQ=WEEKLY;BYDAY=MO",
                    nn: "RRULE-en til hendinga brukar RSCALE=\(scale) (ein ikkje-gregoriansk kalender), som Aarshjul ikkje les; venta ein gregoriansk regel som RRULE:FREQ=WEEKLY;BYDAY=MO",
                    en: "the event's RRULE uses RSCALE=\(scale) (a non-Gregorian calendar), which Aarshjul does not read; expected a Gregorian rule such as RRULE:FREQ=WEEKLY;BYDAY=MO"))
            }
            guard let iterator = icalrecur_iterator_new(rule, start) else { continue }
            defer { icalrecur_iterator_free(iterator) }
            var ruleSteps = 0
            while true {
                ruleSteps += 1
                try file.budget.step(ruleSteps, line: ruleLine, column: freqColumn)
                var next = icalrecur_iterator_next(iterator)
                if icaltime_is_null_time(next) != 0 { break }
                if next.zone == nil { next.zone = start.zone }
                if instantKey(next) > to { break }
                try add(next, line: ruleLine)
            }
        }
        for property in reading.properties.all(ICAL_RDATE_PROPERTY) {
            let value = icalproperty_get_rdate(property)
            let line = file.line(of: "RDATE", within: lines)
            if icaltime_is_null_time(value.time) == 0 {
                if let t = file.zoned(value.time, of: property, in: master, calendar: calendar) { try add(t, line: line) }
            } else if let t = file.zoned(value.period.start, of: property, in: master, calendar: calendar) {
                var end: Int?
                if icaltime_is_null_time(value.period.end) == 0,
                   let e = file.zoned(value.period.end, of: property, in: master, calendar: calendar) {
                    end = instantKey(e)
                } else if icaldurationtype_is_null_duration(value.period.duration) == 0 {
                    end = instantKey(t) + Int(icaldurationtype_as_int(value.period.duration))
                }
                try add(t, end: end, line: line)
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    /// How long each occurrence lasts: DTEND − DTSTART, else DURATION, else
    /// a day for an all-day event and nothing for a timed one.
    private func durationSeconds(of master: EventReading, start: icaltimetype) -> Int {
        if let end = master.end {
            return max(0, instantKey(end) - instantKey(start))
        }
        if let property = master.properties.first(ICAL_DURATION_PROPERTY) {
            return max(0, Int(icaldurationtype_as_int(icalproperty_get_duration(property))))
        }
        return start.is_date != 0 ? 86_400 : 0
    }

    private func utcMidnight(_ date: CivilDate) -> icaltimetype {
        var t = LibicalRuntime.dateValue(date)
        t.is_date = 0
        t.zone = file.runtime.utc
        return t
    }

    /// A time's calendar day in its own fields (for date-valued EXDATEs).
    private func dayKey(_ t: icaltimetype) -> Int { Int(t.year) * 10_000 + Int(t.month) * 100 + Int(t.day) }

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
    private func instantKey(_ t: icaltimetype) -> Int { Self.instantKey(t, utc: file.runtime.utc) }

    static func instantKey(_ t: icaltimetype, utc: OpaquePointer) -> Int {
        Int(icaltime_as_timet_with_zone(t, t.zone ?? utc))
    }
}
