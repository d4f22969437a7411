/// An inter-municipal meeting as an agreement the planner can solve: the
/// host's calendar and venue, with every day another member cannot meet
/// closed as a blackout that names the member and the reason (so the plan
/// keeps the union of the members' blockers, and clashes say why).
enum MeetingAgreement {
    /// `calendars`: the members' calendars for `years`, in district order,
    /// when the caller has them already (nil: built here).
    static func make(_ meeting: InterMunicipalMeeting, in district: District, years: ClosedRange<Int>,
                     language: PlanLanguage, calendars: [MunicipalCalendar]? = nil) -> Agreement {
        func calendar(_ i: Int) -> MunicipalCalendar { calendars?[i] ?? MunicipalCalendar(agreement: district.members[i], years: years) }
        let hostIndex = district.memberIndex(meeting.host)!
        let host = district.members[hostIndex]
        let hostCalendar = calendar(hostIndex)
        var blackouts = host.blackouts
        let span = DateRange(.firstOfYear(years.lowerBound - 1), .lastOfYear(years.upperBound + 1))
        for id in meeting.members where id != host.id {
            guard let index = district.members.firstIndex(where: { $0.id == id }) else { continue }
            let member = district.members[index]
            let calendar = calendar(index)
            var run: (first: CivilDate, last: CivilDate, reason: String)?
            func flush() {
                if let r = run { blackouts.append(Blackout(range: DateRange(r.first, r.last), reason: r.reason)) }
                run = nil
            }
            // The last blocker worded and its words: a closed stretch words its blocker once, not every day.
            var worded: (blocker: DayBlocker, reason: String)?
            for day in span where !day.isWeekend {
                let closing = calendar.blockers(on: day).first {
                    $0.blocksAllMeetings || (meeting.series.schoolTermOnly && !$0.blocksAllMeetings)
                }
                guard let first = closing else { flush(); continue }
                let hostOpen = meeting.series.schoolTermOnly ? hostCalendar.isSchoolDay(day) : hostCalendar.isMeetingDay(day)
                guard hostOpen else { flush(); continue }
                let reason: String
                if let worded, worded.blocker == first { reason = worded.reason } else {
                    reason = "\(member.municipality): \(first.text(language))"
                    worded = (first, reason)
                }
                if let r = run, r.reason == reason, r.last.adding(days: 1) == day || (r.last.adding(days: 3) == day && day.weekday == .monday) {
                    run = (r.first, day, reason)
                } else {
                    flush()
                    run = (day, day, reason)
                }
            }
            flush()
        }
        let ids = meeting.series.allPeople
        let people = district.people.filter { ids.contains($0.id) }
        let names = meeting.members.compactMap { id in district.members.first { $0.id == id }?.municipality }
        var agreement = Agreement(
            id: district.id, municipality: names.joined(separator: ", "), policeDistrict: host.policeDistrict,
            county: host.county, language: language, revised: district.members.compactMap(\.revised).max(),
            people: people, venues: meeting.venue.map { [$0] } ?? [], series: [meeting.series],
            schoolCalendar: host.schoolCalendar, noMeetingPeriods: host.noMeetingPeriods, blackouts: blackouts,
            electionOverrides: host.electionOverrides)
        agreement.electionTable = host.electionTable
        return agreement
    }

    /// Adds a planned inter-municipal meeting to one member's plan: the
    /// series, its venue and the people from elsewhere join the member's
    /// agreement; events and deadlines keep their UIDs; person ids become
    /// the member's own where the person is its own.
    static func merge(_ meetingPlan: Plan, of meeting: InterMunicipalMeeting, into plan: inout Plan, district: District) {
        let member = plan.agreement.id
        func local(_ global: String) -> String {
            if global.hasPrefix(member + "."), !global.dropFirst(member.count + 1).contains(".") {
                return String(global.dropFirst(member.count + 1))
            }
            if let shared = district.sharedPeople.first(where: { $0.id == global }),
               let here = shared.appearances.first(where: { $0.member == member }) {
                return here.person
            }
            return global
        }
        var series = meeting.series
        series.calledBy = series.calledBy.map(local)
        series.chair = series.chair.map(local)
        series.secretary = series.secretary.map(local)
        series.attendees = series.attendees.map(local)
        series.partialAttendance = series.partialAttendance.map { PartialAttendance(person: local($0.person), count: $0.count) }
        if let venue = meeting.venue {
            if let existing = plan.agreement.venue(venue.id) {
                if existing != venue {
                    var renamed = venue
                    renamed.id = "\(district.id).\(venue.id)"
                    if plan.agreement.venue(renamed.id) == nil { plan.agreement.venues.append(renamed) }
                    series.venue = renamed.id
                }
            } else {
                plan.agreement.venues.append(venue)
            }
        }
        for id in meeting.series.allPeople where local(id) == id && plan.agreement.person(id) == nil {
            if let person = meetingPlan.agreement.person(id) { plan.agreement.people.append(person) }
        }
        plan.agreement.series.append(series)
        var joining: [PlannedEvent] = []
        joining.reserveCapacity(meetingPlan.events.count)
        for var event in meetingPlan.events {
            event.attendees = event.attendees.map(local)
            event.organizer = event.organizer.map(local)
            joining.append(event)
        }
        for var deadline in meetingPlan.deadlines {
            deadline.responsible = deadline.responsible.map(local)
            plan.deadlines.append(deadline)
        }
        // Both lists are in plan order already: merged, not sorted again.
        plan.events = PlannedEvent.merged(plan.events, joining)
        plan.deadlines.sort { ($0.due, $0.uid) < ($1.due, $1.uid) }
        plan.notes += meetingPlan.notes
    }
}
