import AarshjulCore
import Foundation

/// Other people's calendars as rescheduling input: a person's busy time, a
/// skolerute's holidays, and a published plan read back. Every reader also
/// returns libical's findings, which the caller must show, not swallow.
public enum BusyCalendar {
    /// The busy time of `person` over `horizon`, one interval per day: all-day
    /// events whole days, timed events cut at midnight (Europe/Oslo).
    public static func intervals(_ text: String, fileName: String, person: String, horizon: DateRange,
                                 limits: ImportLimits = .standard) throws(ICalError) -> (intervals: [BusyInterval], findings: [ICalFinding]) {
        let (findings, occurrences) = try ICalImporter.findingsAndOccurrences(text, fileName: fileName, horizon: horizon, limits: limits)
        var out: [BusyInterval] = []
        // Days already busy from midnight to midnight: further busy time on them
        // adds nothing, and thousands of overlapping occurrences (a weekly event
        // stretched over centuries) would otherwise give millions of intervals.
        // They are skipped in runs, not one by one: 22,000 such occurrences
        // each covering the whole horizon took seconds of Set lookups.
        var whole = WholeDays(horizon)
        // A timed event its owner marked "show as free" (TRANSP:TRANSPARENT) is
        // no busy time. All-day events count whatever their TRANSP: Outlook and
        // Google mark every all-day event free by default, holidays and
        // courses away included, so TRANSP says nothing about them.
        for event in occurrences
        where event.isAllDay || !event.transparent {
            // Only the days inside the horizon are walked: an occurrence may
            // last centuries (a stray DTSTART:1601…), and walking all of its
            // days once per occurrence took minutes and gigabytes.
            guard let days = event.dates.clamped(to: horizon) else { continue }
            guard !event.isAllDay, let startTime = event.startTime else {
                whole.cover(days) { out.append(BusyInterval(personID: person, date: $0, time: nil, summary: event.summary)) }
                continue
            }
            let start = startTime.minutes, end = event.endTime?.minutes ?? start
            let allDay = TimeSpan(TimeOfDay(minutes: 0), TimeOfDay(minutes: 24 * 60))
            var day = days.first
            while day <= days.last {
                guard day == event.start || day == event.end else {
                    // Midnight to midnight up to the event's last day (or the horizon's).
                    let last = event.end > day && event.end <= days.last ? event.end.adding(days: -1) : days.last
                    whole.cover(DateRange(day, last)) {
                        out.append(BusyInterval(personID: person, date: $0, time: allDay, summary: event.summary))
                    }
                    day = last.adding(days: 1)
                    continue
                }
                defer { day = day.adding(days: 1) }
                guard !whole.contains(day) else { continue }
                let from = day == event.start ? start : 0
                let to = day == event.end ? end : 24 * 60
                guard from < to else { continue }
                if from == 0 && to == 24 * 60 { whole.cover(DateRange(day, day)) { _ in } }
                out.append(BusyInterval(personID: person, date: day,
                                        time: TimeSpan(TimeOfDay(minutes: from), TimeOfDay(minutes: to)), summary: event.summary))
            }
        }
        return (out, findings)
    }

    /// A skolerute's events over `horizon` as school holidays (their dates, their SUMMARY as the reason).
    public static func schoolHolidays(_ text: String, fileName: String, horizon: DateRange,
                                      limits: ImportLimits = .standard) throws(ICalError) -> (holidays: [Blackout], findings: [ICalFinding]) {
        let (findings, occurrences) = try ICalImporter.findingsAndOccurrences(text, fileName: fileName, horizon: horizon, limits: limits)
        // Cut to the horizon for the same reason as busy time: later code walks a blackout's days.
        let holidays = occurrences.compactMap { occurrence in
            occurrence.dates.clamped(to: horizon).map {
                Blackout(range: $0, reason: occurrence.summary.isEmpty ? "Skolefri" : occurrence.summary)
            }
        }
        return (holidays, findings)
    }

    /// A plan this tool published: its events (with X-AARSHJUL-SERIES) and to-dos.
    /// Events without a series were not written by aarshjul and come back in `foreign`.
    public static func previous(_ text: String, fileName: String) throws(ICalError)
        -> (events: [PreviousEvent], deadlines: [PreviousDeadline], foreign: [String], findings: [ICalFinding]) {
        let parsed = try ICalImporter.parse(text, fileName: fileName)
        var events: [PreviousEvent] = []
        var foreign: [String] = []
        for event in parsed.events {
            guard let series = event.seriesID else { foreign.append(event.uid); continue }
            let time = event.startTime.flatMap { start in event.endTime.map { TimeSpan(start, $0) } }
            var previous = PreviousEvent(uid: event.uid, seriesID: series, schoolID: event.schoolID, title: event.summary,
                                         date: event.start, time: event.isAllDay ? nil : time, sequence: event.sequence,
                                         stamp: event.stamp, cancelled: event.status == "CANCELLED")
            previous.contentFingerprint = event.contentFingerprint
            previous.plannedDate = event.plannedDate
            events.append(previous)
        }
        return (events, parsed.todos.map { todo in
            var deadline = PreviousDeadline(uid: todo.uid, due: todo.due, sequence: todo.sequence, stamp: todo.stamp)
            deadline.title = todo.summary
            deadline.sourceID = todo.seriesID ?? ""
            deadline.relatedEventUID = todo.relatedTo
            deadline.cancelled = todo.cancelled
            return deadline
        }, foreign, parsed.findings)
    }
}

/// The days of a horizon that are busy from midnight to midnight, with each
/// run of them skipped in one step (every covered day points past itself,
/// paths shortened as they are followed): covering N ranges costs about N
/// plus the days of the horizon, however much the ranges overlap.
struct WholeDays {
    let first: CivilDate
    /// next[i] == i: day i is not yet whole; else a day at or before the next one that may not be.
    private var next: [Int]

    init(_ horizon: DateRange) {
        first = horizon.first
        next = Array(0...max(0, horizon.last - horizon.first + 1))
    }

    func contains(_ day: CivilDate) -> Bool {
        let i = day - first
        return i >= 0 && i < next.count - 1 && next[i] != i
    }

    /// Marks every day of `range` (inside the horizon) whole, calling `newlyWhole` for each one that was not, in date order.
    mutating func cover(_ range: DateRange, _ newlyWhole: (CivilDate) -> Void) {
        let end = min(range.last - first, next.count - 2)
        var i = find(max(0, range.first - first))
        while i <= end {
            newlyWhole(first.adding(days: i))
            next[i] = i + 1
            i = find(i + 1)
        }
    }

    private mutating func find(_ start: Int) -> Int {
        var root = start
        while next[root] != root { root = next[root] }
        var i = start
        while i != root {
            let following = next[i]
            next[i] = root
            i = following
        }
        return root
    }
}

/// The busy calendars and skolerute files an agreement names, read from disk
/// over a planning horizon. Shared by the `plan` command and the feed server.
public struct AgreementCalendarInputs: Sendable, Equatable {
    public var busy: [BusyInterval] = []
    public var schoolHolidays: [Blackout] = []
    public var findings: [ICalFinding] = []

    public var isEmpty: Bool { busy.isEmpty && schoolHolidays.isEmpty }

    public init() {}

    /// `busyCalendars`: (person id, path); `schoolCalendars`: paths.
    /// Each file is held to `limits` (default: `ImportLimits.fromEnvironment()`).
    public static func read(busyCalendars: [(person: String, path: String)], schoolCalendars: [String],
                            horizon: DateRange, limits: ImportLimits? = nil) throws(ICalError) -> AgreementCalendarInputs {
        let limits = limits ?? .fromEnvironment()
        var inputs = AgreementCalendarInputs()
        for (person, path) in busyCalendars {
            let read = try BusyCalendar.intervals(try text(path, limits: limits), fileName: path, person: person,
                                                  horizon: horizon, limits: limits)
            inputs.busy += read.intervals
            inputs.findings += read.findings
        }
        for path in schoolCalendars {
            let read = try BusyCalendar.schoolHolidays(try text(path, limits: limits), fileName: path,
                                                       horizon: horizon, limits: limits)
            inputs.schoolHolidays += read.holidays
            inputs.findings += read.findings
        }
        return inputs
    }

    /// A calendar file's text: a plain file within the size limit, read
    /// without quoting it in any error (it may be /etc/shadow).
    public static func text(_ path: String, limits: ImportLimits = .fromEnvironment()) throws(ICalError) -> String {
        switch InputFile.read(path, limit: limits.maxFileBytes) {
        case .success(let text): return text
        case .failure(let problem): throw .unreadable(path: path, problem: problem)
        }
    }
}

extension AgreementCalendarInputs {
    /// The busy calendars and skolerute files of a district's members
    /// (member id → (busy calendars, skolerute paths)), read as for one
    /// agreement, into the district planner's facts. Members in id order, so
    /// findings come out in the same order every run.
    public static func district(_ byMember: [String: (busy: [(person: String, path: String)], school: [String])],
                                horizon: DateRange) throws(ICalError) -> (DistrictCalendars, [ICalFinding]) {
        var calendars = DistrictCalendars()
        var findings: [ICalFinding] = []
        for id in byMember.keys.sorted() {
            let files = byMember[id]!
            let inputs = try read(busyCalendars: files.busy, schoolCalendars: files.school, horizon: horizon)
            if !inputs.busy.isEmpty { calendars.busy[id] = inputs.busy }
            if !inputs.schoolHolidays.isEmpty { calendars.schoolHolidays[id] = inputs.schoolHolidays }
            findings += inputs.findings
        }
        return (calendars, findings)
    }
}
