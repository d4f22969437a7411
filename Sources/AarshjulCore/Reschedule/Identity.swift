/// The feed conventions of a change: kept events keep SEQUENCE and stamp (so
/// their VEVENT is byte-identical), moved ones get SEQUENCE+1 and the change
/// stamp, added ones the change stamp, cancelled ones stay in the feed as
/// STATUS:CANCELLED with SEQUENCE+1. Deadlines follow the same rule by due date.
enum Identity {
    static func apply(_ changes: [EventChange], previous: [PreviousEvent], deadlines: [PreviousDeadline],
                      stamp: UTCTimestamp, agreement: Agreement, to plan: inout Plan) {
        var published: [String: PreviousEvent] = [:]
        for event in previous { published[event.uid] = event }
        var kinds: [String: EventChange.Kind] = [:]
        for change in changes { kinds[change.uid] = change.kind }
        let planStamp = plan.events.first?.stamp ?? stamp
        for i in plan.events.indices {
            let uid = plan.events[i].uid
            switch kinds[uid] {
            case .kept:
                let before = published[uid]
                if let old = before?.contentFingerprint, old != plan.events[i].contentFingerprint {
                    // Same day and time, but its text changed (agenda, people): a new version.
                    plan.events[i].sequence = (before?.sequence ?? 0) + 1
                    plan.events[i].stamp = stamp
                } else {
                    plan.events[i].sequence = before?.sequence ?? 0
                    plan.events[i].stamp = before?.stamp ?? planStamp
                }
            case .moved:
                plan.events[i].sequence = (published[uid]?.sequence ?? 0) + 1
                plan.events[i].stamp = stamp
            default:
                plan.events[i].sequence = 0
                plan.events[i].stamp = stamp
            }
        }
        var byUID: [String: PlannedEvent] = [:]
        for event in plan.events { byUID[event.uid] = event }
        var publishedDeadlines: [String: PreviousDeadline] = [:]
        for deadline in deadlines { publishedDeadlines[deadline.uid] = deadline }
        for i in plan.deadlines.indices {
            let deadline = plan.deadlines[i]
            if let before = publishedDeadlines[deadline.uid] {
                if before.due == deadline.due {
                    plan.deadlines[i].sequence = before.sequence
                    plan.deadlines[i].stamp = before.stamp ?? deadline.stamp
                } else {
                    plan.deadlines[i].sequence = before.sequence + 1
                    plan.deadlines[i].stamp = stamp
                }
            } else if let related = deadline.relatedEventUID.flatMap({ byUID[$0] }), kinds[related.uid] != .kept {
                // Not published as a to-do (a public feed has none): follow its meeting.
                plan.deadlines[i].sequence = related.sequence
                plan.deadlines[i].stamp = stamp
            }
        }
        // Every published to-do is accounted for: one no longer planned stays, cancelled.
        let planned = Set(plan.deadlines.map(\.uid))
        plan.cancelledDeadlines = deadlines.filter { !planned.contains($0.uid) }.map { before in
            var deadline = PlannedDeadline(uid: before.uid, sourceID: before.sourceID, title: before.title, due: before.due,
                                           relatedEventUID: before.relatedEventUID,
                                           sequence: before.sequence + (before.cancelled ? 0 : 1),
                                           stamp: before.cancelled ? (before.stamp ?? stamp) : stamp)
            deadline.cancelled = true
            return deadline
        }.sorted { ($0.due, $0.uid) < ($1.due, $1.uid) }
        plan.cancelledEvents = changes.compactMap { change -> PlannedEvent? in
            guard change.kind == .cancelled || change.kind == .stillCancelled, let before = published[change.uid] else { return nil }
            let series = agreement.series.first { $0.id == before.seriesID }
            let venue = series?.venue.flatMap { agreement.venue($0) }
            var event = PlannedEvent(uid: before.uid, seriesID: before.seriesID, schoolID: before.schoolID, occurrence: 0,
                                     title: before.title.isEmpty ? change.title : before.title, date: before.date,
                                     time: before.time, location: venue?.location, organizer: series?.calledBy,
                                     sequence: before.sequence + (change.kind == .cancelled ? 1 : 0),
                                     stamp: change.kind == .cancelled ? stamp : (before.stamp ?? stamp))
            event.cancelled = true
            return event
        }.sorted(by: PlannedEvent.planOrder)
    }
}
