/// Which empty weeks of weekly presence a district plan may have, from the
/// calendars alone: a person with all-day presence in several municipalities
/// can be in at most as many of them in a week as there are distinct usable
/// days to give them (a matching of series to days; busy days excluded).
/// When the plan holds that many of the person's presence days in the week,
/// the rest of the week's empty presence is excused; otherwise it is not.
/// Nothing here reads the plan's notes.
public enum PresenceWeeks {
    /// An excused week: the member, the series and the week's first day.
    public struct Key: Hashable, Sendable {
        public var member: String
        public var seriesID: String
        public var monday: CivilDate
    }

    /// `busy` per member id, in member person ids (people's own calendars).
    public static func excused(_ plan: DistrictPlan, busy: [String: [BusyInterval]] = [:]) -> Set<Key> {
        let district = plan.district
        // Global person → (member index, series) of the all-day weekly series they hold.
        var holders: [String: [(Int, MeetingSeries)]] = [:]
        for (m, member) in district.members.enumerated() {
            for series in member.series where series.allDay {
                guard case .weekly = series.rule else { continue }
                for person in series.allPeople {
                    holders[district.globalID(member: member.id, person: person), default: []].append((m, series))
                }
            }
        }
        var busyDays: [String: Set<CivilDate>] = [:]
        for (member, intervals) in busy {
            for interval in intervals { busyDays[district.globalID(member: member, person: interval.personID), default: []].insert(interval.date) }
        }
        let calendars = district.members.map { MunicipalCalendar(agreement: $0, years: plan.years) }
        var out = Set<Key>()
        for person in holders.keys.sorted() where holders[person]!.count > 1 {
            let held = holders[person]!
            // Presence days the plan gives the person, by date.
            var planned = Set<CivilDate>()
            for (m, series) in held {
                for event in plan.plans[m].events where event.seriesID == series.id { planned.insert(event.date) }
            }
            for year in plan.years {
                for week in 1...CivilDate.isoWeeksInYear(year) {
                    let monday = CivilDate.mondayOfISOWeek(week, year: year)
                    let days = (0..<7).map { monday.adding(days: $0) }.filter { $0.year == year }
                    let options = held.map { m, series in
                        days.filter { day in
                            !(busyDays[person]?.contains(day) ?? false) && FrequencyAudit.usable(
                                day, series, venue: series.venue.flatMap { district.members[m].venue($0) }, calendar: calendars[m])
                        }
                    }
                    let possible = maximumMatching(options)
                    guard possible < held.count, days.filter(planned.contains).count >= possible else { continue }
                    for (m, series) in held { out.insert(Key(member: district.members[m].id, seriesID: series.id, monday: days[0])) }
                }
            }
        }
        return out
    }

    /// The most series that can get a distinct day each (augmenting paths; a handful of series and days).
    static func maximumMatching(_ options: [[CivilDate]]) -> Int {
        var owner: [CivilDate: Int] = [:]
        func assign(_ s: Int, _ seen: inout Set<CivilDate>) -> Bool {
            for day in options[s] where seen.insert(day).inserted {
                if owner[day] == nil || assign(owner[day]!, &seen) { owner[day] = s; return true }
            }
            return false
        }
        var count = 0
        for s in options.indices {
            var seen = Set<CivilDate>()
            if assign(s, &seen) { count += 1 }
        }
        return count
    }

    /// The frequency violations of one member's audit that `excused` covers.
    public static func isExcused(_ violation: Violation, member: String, _ excused: Set<Key>) -> Bool {
        guard violation.ruleID == RuleCatalogue.frequency, violation.uid == nil, let series = violation.seriesID,
              let period = violation.period else { return false }
        return excused.contains(Key(member: member, seriesID: series, monday: period.first))
    }
}
