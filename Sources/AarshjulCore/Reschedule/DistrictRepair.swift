/// Repairs a district's published plan member by member, in district order,
/// as `DistrictPlanner` plans them: joint meetings stay on their published
/// dates (they are one meeting in several members' feeds, so one member alone
/// must not move them), and what a shared person already holds in an earlier
/// member is busy time for the later ones. `reschedule DISTRICT.yaml` and the
/// feed server (a district continuing from what it published, above all at
/// New Year when the planned span rolls on) both repair this way.
public enum DistrictRepair {
    /// What one member published, and the dates it must keep.
    public struct Member: Sendable {
        public var previous: [PreviousEvent]
        public var deadlines: [PreviousDeadline]
        /// UID → date (`--pin`, or the meetings already held).
        public var pins: [String: CivilDate]

        public init(previous: [PreviousEvent], deadlines: [PreviousDeadline] = [], pins: [String: CivilDate] = [:]) {
            self.previous = previous
            self.deadlines = deadlines
            self.pins = pins
        }
    }

    public struct Result: Sendable {
        /// `fresh` with every member's plan replaced by its repaired one.
        public var plan: DistrictPlan
        /// Per member, in district order.
        public var results: [RescheduleResult]
        /// Someone in two places at once in the repaired plan (empty: it holds).
        public var clashes: [Violation]
    }

    /// - Parameters:
    ///   - fresh: the district planned afresh (`DistrictPlanner.plan`): its members' agreements, joint meetings merged in.
    ///   - members: per member, in district order.
    ///   - busy: busy time by district-wide person id (`oyer.ordforer`, or a shared person's id).
    public static func repair(_ district: District, fresh: DistrictPlan, members: [Member], busy userBusy: [String: [BusyInterval]] = [:],
                              blackouts: [Blackout] = [], language: PlanLanguage? = nil, stamp: UTCTimestamp,
                              detectHandEdits: Bool = true) throws(PlanningError) -> Result {
        let joint = Set(district.meetings.map(\.series.id))
        var results: [RescheduleResult] = []
        // What earlier members' plans give shared people (global ids), and which member holds it.
        var held: [(interval: BusyInterval, member: Int)] = []
        for (index, member) in district.members.enumerated() {
            let merged = fresh.plans[index].agreement
            let published = members[index]
            var pins = published.pins
            var previous = published.previous
            // A joint meeting nothing was published for yet (a year the span
            // has just reached) is taken as published on the district's fresh
            // date: every member must hold it on the same day.
            let known = Set(previous.map(\.uid))
            for event in fresh.plans[index].events where joint.contains(event.seriesID) && !known.contains(event.uid) {
                previous.append(PreviousEvent(uid: event.uid, seriesID: event.seriesID, schoolID: event.schoolID, title: event.title,
                                              date: event.date, time: event.time, sequence: event.sequence, stamp: event.stamp))
            }
            for event in previous where joint.contains(event.seriesID) && !event.cancelled && pins[event.uid] == nil {
                pins[event.uid] = event.date
            }
            var busy: [BusyInterval] = []
            for person in merged.people {
                let global = DistrictAudit.globalID(district, member: member.id, id: person.id)
                for interval in userBusy[global, default: []] where interval.personID == global {
                    var local = interval
                    local.personID = person.id
                    busy.append(local)
                }
                // Another member's meeting keeps the person busy for the travel there and back too.
                for (interval, other) in held where interval.personID == global {
                    var local = interval
                    local.personID = person.id
                    if let time = interval.time {
                        let travel = district.travel.minutes(other, index)
                        local.time = TimeSpan(TimeOfDay(minutes: max(0, time.start.minutes - travel)),
                                              TimeOfDay(minutes: min(24 * 60 - 1, time.end.minutes + travel)))
                    }
                    busy.append(local)
                }
            }
            var request = RescheduleRequest(
                agreement: merged, years: fresh.years, language: language ?? member.language, previous: previous,
                previousDeadlines: published.deadlines, extraBlackouts: blackouts, busy: busy, pins: pins, stamp: stamp)
            request.detectHandEdits = detectHandEdits
            let result = try Rescheduler.reschedule(request)
            results.append(result)
            for event in result.plan.events where !joint.contains(event.seriesID) && !event.cancelled {
                for person in event.attendees + (event.organizer.map { [$0] } ?? []) {
                    let global = DistrictAudit.globalID(district, member: member.id, id: person)
                    held.append((BusyInterval(personID: global, date: event.date, time: event.time, summary: event.title), index))
                }
            }
        }
        var repaired = fresh
        repaired.plans = results.map(\.plan)
        return Result(plan: repaired, results: results,
                      clashes: DistrictAudit.violations(DistrictAudit.events(of: repaired), district: district))
    }
}
