import AarshjulCore
import AarshjulICal
import Foundation

/// Everything ever published for one municipality: every event and deadline
/// by UID, as last published. Feeds are cut from it (the rolling horizon and
/// the year archives), so an event does not vanish when the planned years
/// move on at New Year.
///
/// The rules `record` keeps, whatever the planner says:
/// - an event or deadline dated before today is never moved, changed or
///   dropped (a held meeting is history);
/// - a fresh plan does not invent the past: an event planned before today
///   that was never published is not recorded;
/// - SEQUENCE never goes down;
/// - a future event the new plan no longer has stays, as STATUS:CANCELLED.
struct PublishedHistory: Sendable, Equatable {
    private(set) var events: [String: PlannedEvent] = [:]
    private(set) var deadlines: [String: PlannedDeadline] = [:]
    /// Per event UID, the SEQUENCE and DTSTAMP public feeds show: they rise
    /// only when what a public feed shows changes (date, time, title, place,
    /// status), so a new agenda item or attendee is not betrayed by a new
    /// version of the public event.
    private(set) var publicVersions: [String: Version] = [:]

    struct Version: Sendable, Equatable {
        var sequence: Int
        var stamp: UTCTimestamp
    }

    /// `publicVersions` missing for an event (state of an earlier version) start as its full version.
    init(events: [PlannedEvent] = [], deadlines: [PlannedDeadline] = [], publicVersions: [String: Version] = [:]) {
        for event in events {
            self.events[event.uid] = event
            self.publicVersions[event.uid] = publicVersions[event.uid] ?? Version(sequence: event.sequence, stamp: event.stamp)
        }
        for deadline in deadlines { self.deadlines[deadline.uid] = deadline }
    }

    /// Stores `event`, moving its public version on when a public field changed.
    private mutating func store(_ event: PlannedEvent, stamp: UTCTimestamp) {
        if let old = events[event.uid], let version = publicVersions[event.uid] {
            publicVersions[event.uid] = Self.samePublic(old, event)
                ? version : Version(sequence: version.sequence + 1, stamp: stamp)
        } else {
            publicVersions[event.uid] = Version(sequence: event.sequence, stamp: event.stamp)
        }
        events[event.uid] = event
    }

    var isEmpty: Bool { events.isEmpty && deadlines.isEmpty }

    /// Takes in a new plan made on `today`, stamping what it cancels with `stamp`.
    mutating func record(_ plan: Plan, today: CivilDate, stamp: UTCTimestamp) {
        var seen = Set<String>()
        for var event in plan.events + plan.cancelledEvents {
            seen.insert(event.uid)
            if let old = events[event.uid] {
                // The past stays as it was; so does a future event the plan would pull into the past.
                if old.date < today || event.date < today || old == event { continue }
                if event.sequence < old.sequence { event.sequence = old.sequence }
                if event.sequence == old.sequence && !Self.sameVersion(old, event) {
                    event.sequence = old.sequence + 1
                    event.stamp = stamp
                }
                store(event, stamp: event.stamp)
            } else if event.date >= today {
                store(event, stamp: event.stamp)
            }
        }
        for (uid, old) in events where !seen.contains(uid) && !old.cancelled && old.date >= today
            && plan.years.contains(old.date.year) {
            var cancelled = old
            cancelled.cancelled = true
            cancelled.sequence += 1
            cancelled.stamp = stamp
            store(cancelled, stamp: stamp)
        }
        for var deadline in plan.deadlines {
            if let old = deadlines[deadline.uid] {
                if old.due < today || deadline.due < today || old == deadline { continue }
                if deadline.sequence < old.sequence { deadline.sequence = old.sequence }
                deadlines[deadline.uid] = deadline
            } else if deadline.due >= today {
                deadlines[deadline.uid] = deadline
            }
        }
    }

    /// Same date, time, status and text: clients would show the same thing.
    private static func sameVersion(_ a: PlannedEvent, _ b: PlannedEvent) -> Bool {
        samePublic(a, b) && a.contentFingerprint == b.contentFingerprint
    }

    /// Same in what a public feed shows of it (no attendees, agenda, organizer).
    private static func samePublic(_ a: PlannedEvent, _ b: PlannedEvent) -> Bool {
        a.date == b.date && a.time == b.time && a.cancelled == b.cancelled && a.title == b.title && a.location == b.location
    }

    /// `base` (for its agreement and language) holding the recorded events
    /// and deadlines dated within `window`; `years` is the window's years.
    /// `forPublic`: each event with its public SEQUENCE and DTSTAMP (for the public feeds).
    func plan(_ base: Plan, within window: DateRange, forPublic: Bool = false) -> Plan {
        var plan = base
        plan.years = window.first.year...window.last.year
        var inside = events.values.filter { window.contains($0.date) }
        if forPublic {
            for i in inside.indices {
                guard let version = publicVersions[inside[i].uid] else { continue }
                inside[i].sequence = version.sequence
                inside[i].stamp = version.stamp
            }
        }
        plan.events = inside.filter { !$0.cancelled }.sorted(by: PlannedEvent.planOrder)
        plan.cancelledEvents = inside.filter(\.cancelled).sorted(by: PlannedEvent.planOrder)
        plan.deadlines = deadlines.values.filter { window.contains($0.due) }.sorted { ($0.due, $0.uid) < ($1.due, $1.uid) }
        return plan
    }

    /// The first day anything was published for: the record says nothing of the days before it.
    var firstRecordedDay: CivilDate? { (events.values.map(\.date) + deadlines.values.map(\.due)).min() }

    /// The years anything was published for, in order.
    var years: [Int] {
        Set(events.values.map(\.date.year)).union(deadlines.values.map(\.due.year)).sorted()
    }

    /// The year a to-do belongs to: its meeting's, or its quarter's for a
    /// quarterly one ("oyer-kvartalsrapport-2027-q4@aarshjul" is due in
    /// January 2028 but is 2027's), else the year it is due. A plan of
    /// 2028–2029 makes no 2027 report, so handing it that to-do cancelled
    /// it at New Year (a future to-do, cancelled with an empty title).
    static func year(of deadline: PlannedDeadline, events: [String: PlannedEvent]) -> Int {
        if let uid = deadline.relatedEventUID, let event = events[uid] { return event.date.year }
        let parts = deadline.uid.split(separator: "@").first?.split(separator: "-") ?? []
        if parts.count >= 3, parts[parts.count - 1].hasPrefix("q"), let year = Int(parts[parts.count - 2]) { return year }
        return deadline.due.year
    }

    /// What the rescheduler needs of the published events in `years`.
    func previous(in years: ClosedRange<Int>) -> PublishedPlan {
        let convert = { (e: PlannedEvent) -> PreviousEvent in
            var previous = PreviousEvent(uid: e.uid, seriesID: e.seriesID, schoolID: e.schoolID, title: e.title, date: e.date,
                                         time: e.time, sequence: e.sequence, stamp: e.stamp, cancelled: e.cancelled)
            previous.contentFingerprint = e.contentFingerprint
            previous.plannedDate = e.date
            return previous
        }
        let inSpan = events.values.filter { years.contains($0.date.year) }.sorted(by: PlannedEvent.planOrder)
        return PublishedPlan(
            events: inSpan.map(convert),
            deadlines: deadlines.values.filter { years.contains(Self.year(of: $0, events: events)) }.sorted { $0.uid < $1.uid }
                .map { PreviousDeadline(uid: $0.uid, due: $0.due, sequence: $0.sequence, stamp: $0.stamp) })
    }

    /// The last held (not cancelled) meeting of `seriesID` in `year`: where a
    /// chain (every A–B weeks) planned from the next year on continues from.
    func lastMeeting(of seriesID: String, in year: Int) -> CivilDate? {
        events.values.filter { $0.seriesID == seriesID && !$0.cancelled && $0.date.year == year }.map(\.date).max()
    }

    /// What was published of `year`, for the planner's rules about the year
    /// before a plan (nil when nothing was published before or in it). The
    /// record covers the days from the first one anything was published for.
    func heldYear(_ year: Int) -> HeldYear? {
        guard let first = firstRecordedDay, first.year <= year else { return nil }
        var meetings: [String: [CivilDate]] = [:]
        for event in events.values where !event.cancelled && event.date.year == year {
            meetings[event.seriesID, default: []].append(event.date)
        }
        return HeldYear(year: year, meetings: meetings.mapValues { $0.sorted() }, knownFrom: first)
    }

    /// UIDs of events published before `today` that are still held, with their dates (for pinning).
    func held(before today: CivilDate, in years: ClosedRange<Int>) -> [String: CivilDate] {
        var pins: [String: CivilDate] = [:]
        for event in events.values where !event.cancelled && event.date < today && years.contains(event.date.year) {
            pins[event.uid] = event.date
        }
        return pins
    }
}

extension Agreement {
    /// The agreement with each chain (every A–B weeks) continuing from the
    /// last meeting `history` holds in the year before `firstYear`, unless
    /// the agreement itself names that meeting (`previous_last`), and with
    /// that year as published for the rules about it (the election's revision item).
    func continuing(from history: PublishedHistory, firstYear: Int) -> Agreement {
        var agreement = ChainContinuation.continuing(self, firstYear: firstYear) { history.lastMeeting(of: $0, in: $1) }
        agreement.heldBefore = history.heldYear(firstYear - 1)
        return agreement
    }
}

/// Feeds a chain's last published meeting to the planner through the
/// agreement's own mechanism (`every_weeks.previous_last`), so a plan of the
/// next year keeps the 6–8 weeks across New Year.
public enum ChainContinuation {
    /// `last(seriesID, year)`: the last held meeting of that series in that year, if known.
    public static func continuing(_ agreement: Agreement, firstYear: Int,
                                  last: (String, Int) -> CivilDate?) -> Agreement {
        var agreement = agreement
        for i in agreement.series.indices {
            guard case .everyWeeks(let a, let b, let given) = agreement.series[i].rule,
                  given?.year != firstYear - 1,
                  let date = last(agreement.series[i].id, firstYear - 1) else { continue }
            agreement.series[i].rule = .everyWeeks(minWeeks: a, maxWeeks: b, previousLast: date)
        }
        return agreement
    }

    /// `agreement` continued from a folder of published .ics files (`plan
    /// --previous DIR`): its chains from their last meetings there, and the
    /// year before `firstYear` as the folder holds it (a plan of a year
    /// covers all of it) for the rules about that year.
    public static func continuing(_ agreement: Agreement, firstYear: Int, fromFolder folder: String) throws -> Agreement {
        let all = try events(inFolder: folder)
        var last: [String: CivilDate] = [:]
        var meetings: [String: [CivilDate]] = [:]
        for event in all where !event.cancelled && event.date.year == firstYear - 1 {
            if last[event.seriesID].map({ event.date > $0 }) ?? true { last[event.seriesID] = event.date }
            meetings[event.seriesID, default: []].append(event.date)
        }
        var continued = continuing(agreement, firstYear: firstYear) { series, year in year == firstYear - 1 ? last[series] : nil }
        if !all.isEmpty, all.contains(where: { $0.date.year == firstYear - 1 }) {
            continued.heldBefore = HeldYear(year: firstYear - 1, meetings: meetings.mapValues { $0.sorted() },
                                            knownFrom: .firstOfYear(firstYear - 1))
        }
        return continued
    }

    /// Every event in the folder's .ics files, once per UID (the whole-municipality file repeats the series' files).
    private static func events(inFolder folder: String) throws -> [PreviousEvent] {
        var events: [PreviousEvent] = []
        var seen = Set<String>()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".ics") }.sorted()
        for name in names {
            let path = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            for event in try BusyCalendar.previous(String(decoding: data, as: UTF8.self), fileName: path).events
            where seen.insert(event.uid).inserted { events.append(event) }
        }
        return events
    }
}
