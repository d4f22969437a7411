extension DistrictPlan {
    /// The whole district as one plan in global ids, for feeds that cross
    /// municipalities (per person, per role): series and venues are named
    /// "member.id" (joint meetings keep their own id), every event appears
    /// once, and the agreement lists every person of the district.
    public func merged() -> Plan {
        let joint = Set(district.meetings.map(\.series.id))
        var agreement = Agreement(id: district.id, municipality: district.name,
                                  county: district.members.first?.county ?? .oslo,
                                  language: district.members.first?.language ?? .bokmal,
                                  revised: district.members.compactMap(\.revised).max(), people: district.people)
        var events: [PlannedEvent] = []
        var deadlines: [PlannedDeadline] = []
        var seen = Set<String>()
        for plan in plans {
            let member = plan.agreement.id
            let global = { (id: String) in DistrictAudit.globalID(district, member: member, id: id) }
            let seriesID = { (id: String) in joint.contains(id) ? id : "\(member).\(id)" }
            for venue in plan.agreement.venues {
                var v = venue
                v.id = "\(member).\(venue.id)"
                agreement.venues.append(v)
            }
            for series in plan.agreement.series where !joint.contains(series.id) || !agreement.series.contains(where: { $0.id == series.id }) {
                var s = series
                s.id = seriesID(series.id)
                s.venue = series.venue.map { "\(member).\($0)" }
                s.calledBy = s.calledBy.map(global)
                s.chair = s.chair.map(global)
                s.secretary = s.secretary.map(global)
                s.attendees = s.attendees.map(global)
                s.partialAttendance = s.partialAttendance.map { PartialAttendance(person: global($0.person), count: $0.count) }
                agreement.series.append(s)
            }
            for event in plan.events where seen.insert(event.uid).inserted {
                var e = event
                e.seriesID = seriesID(event.seriesID)
                e.attendees = event.attendees.map(global)
                e.organizer = event.organizer.map(global)
                events.append(e)
            }
            for deadline in plan.deadlines where seen.insert(deadline.uid).inserted {
                var d = deadline
                d.sourceID = seriesID(deadline.sourceID)
                d.responsible = deadline.responsible.map(global)
                deadlines.append(d)
            }
        }
        events.sort(by: PlannedEvent.planOrder)
        deadlines.sort { ($0.due, $0.uid) < ($1.due, $1.uid) }
        return Plan(agreement: agreement, years: years, language: plans.first?.language ?? .bokmal, events: events,
                    deadlines: deadlines, notes: plans.flatMap(\.notes),
                    cost: CostReport(byRule: ["total": totalCost], lowerBound: lowerBound))
    }
}
