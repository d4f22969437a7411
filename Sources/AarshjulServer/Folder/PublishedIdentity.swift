import AarshjulCore

/// The published plan of one municipality as the rescheduler reads it.
struct PublishedPlan: Sendable {
    var events: [PreviousEvent]
    var deadlines: [PreviousDeadline]

    init(events: [PreviousEvent], deadlines: [PreviousDeadline]) {
        self.events = events
        self.deadlines = deadlines
    }

    /// What subscribers hold now: the plan's events, the cancelled ones and the to-dos.
    init(_ plan: Plan) {
        let convert = { (e: PlannedEvent) -> PreviousEvent in
            var previous = PreviousEvent(uid: e.uid, seriesID: e.seriesID, schoolID: e.schoolID, title: e.title, date: e.date,
                                         time: e.time, sequence: e.sequence, stamp: e.stamp, cancelled: e.cancelled)
            // As the feed says it: the text's digest and the date the tool gave (no hand edits in memory).
            previous.contentFingerprint = e.contentFingerprint
            previous.plannedDate = e.date
            return previous
        }
        events = plan.events.map(convert) + plan.cancelledEvents.map(convert)
        deadlines = plan.deadlines.map { PreviousDeadline(uid: $0.uid, due: $0.due, sequence: $0.sequence, stamp: $0.stamp) }
    }
}

extension PublishedPlan {
    /// The published plan with the days before the record began (the first
    /// publish was on 2 December: nothing of January–November was published)
    /// filled from `fresh`, a plan of the same agreement and span. The
    /// rescheduler matches published events to a year's slots and chains in
    /// date order, so without them December's published meeting would be
    /// taken for January's, and the year re-planned around it (a second
    /// December meeting, or a chain cut short). The filled-in events lie in
    /// the past, so no feed ever shows them.
    func filled(before first: CivilDate, from fresh: Plan) -> PublishedPlan {
        let known = Set(events.map(\.uid))
        let earlier = PublishedPlan(fresh).events.filter { $0.date < first && !$0.cancelled && !known.contains($0.uid) }
        return PublishedPlan(events: earlier + events, deadlines: deadlines)
    }
}

/// District plans are made whole by `DistrictPlanner` (the rescheduler works
/// on one agreement and knows no shared occupancy), so their identities are
/// carried over here: UIDs are stable by construction (agreement, series,
/// year, occurrence); an event on the same date and time keeps its SEQUENCE
/// and stamp, a moved one gets SEQUENCE+1 and the change stamp, and a
/// published event that is gone stays in the feed as cancelled.
enum IdentityCarry {
    static func apply(previous: PublishedPlan, stamp: UTCTimestamp, to plan: inout Plan) {
        var before: [String: PreviousEvent] = [:]
        for event in previous.events { before[event.uid] = event }
        for i in plan.events.indices {
            guard let old = before[plan.events[i].uid] else { continue }
            let sameText = old.contentFingerprint.map { $0 == plan.events[i].contentFingerprint } ?? true
            if old.date == plan.events[i].date && old.time == plan.events[i].time && !old.cancelled && sameText {
                plan.events[i].sequence = old.sequence
                plan.events[i].stamp = old.stamp ?? plan.events[i].stamp
            } else {
                plan.events[i].sequence = old.sequence + 1
                plan.events[i].stamp = stamp
            }
        }
        var deadlines: [String: PreviousDeadline] = [:]
        for deadline in previous.deadlines { deadlines[deadline.uid] = deadline }
        for i in plan.deadlines.indices {
            guard let old = deadlines[plan.deadlines[i].uid] else { continue }
            if old.due == plan.deadlines[i].due {
                plan.deadlines[i].sequence = old.sequence
                plan.deadlines[i].stamp = old.stamp ?? plan.deadlines[i].stamp
            } else {
                plan.deadlines[i].sequence = old.sequence + 1
                plan.deadlines[i].stamp = stamp
            }
        }
        let current = Set(plan.events.map(\.uid))
        plan.cancelledEvents = previous.events.filter { !current.contains($0.uid) }.map { old in
            var event = PlannedEvent(uid: old.uid, seriesID: old.seriesID, schoolID: old.schoolID, occurrence: 0,
                                     title: old.title, date: old.date, time: old.time,
                                     sequence: old.sequence + (old.cancelled ? 0 : 1),
                                     stamp: old.cancelled ? (old.stamp ?? stamp) : stamp)
            event.cancelled = true
            return event
        }.sorted(by: PlannedEvent.planOrder)
    }
}
