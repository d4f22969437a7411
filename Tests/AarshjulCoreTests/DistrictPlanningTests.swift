@testable import AarshjulCore
import Testing

/// Shared people and joint meetings across the municipalities of a district.
struct DistrictPlanningTests {
    static let workdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// A municipality whose police contact is present weekly and meets the SLT coordinator monthly.
    static func municipality(_ id: String, openDays: [Weekday] = workdays, presence: Bool = true, monthly: Bool = true) -> Agreement {
        let hours = Dictionary(uniqueKeysWithValues: openDays.map { ($0, TimeSpan(TimeOfDay(minutes: 9 * 60), TimeOfDay(minutes: 15 * 60))) })
        var series: [MeetingSeries] = []
        if monthly {
            series.append(MeetingSeries(id: "mote", title: "Møte \(id)", kind: .coordination, rule: .monthly(skipMonths: [7]),
                                        venue: "radhus", durationMinutes: 120, attendees: ["politikontakt", "slt"]))
        }
        if presence {
            series.append(MeetingSeries(id: "dag", title: "Politikontakten i \(id)", kind: .policeContactPresence,
                                        rule: .weekly(weekday: nil), venue: "radhus", allDay: true, attendees: ["politikontakt"]))
        }
        return Agreement(id: id, municipality: id.uppercased(), county: .innlandet,
                         people: [Person(id: "politikontakt", name: "Politikontakt", role: "Politikontakt"),
                                  Person(id: "slt", name: "SLT-koordinator", role: "SLT")],
                         venues: [Venue(id: "radhus", name: "\(id) rådhus", officeHours: hours)], series: series)
    }

    static func sharedContact(_ ids: [String]) -> SharedPerson {
        SharedPerson(id: "pk", name: "Politikontakt felles", role: "Politikontakt",
                     appearances: ids.map { .init(member: $0, person: "politikontakt") })
    }

    @Test func aDistrictFileThatNamesAnUnknownMunicipalityIsRefusedInThePlanLanguage() {
        let district = District(id: "t", name: "Test", members: [Self.municipality("a"), Self.municipality("b")],
                                sharedPeople: [Self.sharedContact(["a", "x"])])
        for (language, expected) in [(PlanLanguage.bokmal, "kommunen «x» er ikke med i distriktet"),
                                     (.nynorsk, "kommunen «x» er ikkje med i distriktet"),
                                     (.english, "the municipality \"x\" is not in the district")] {
            #expect {
                _ = try DistrictPlanner.plan(district, years: 2027...2027, language: language)
            } throws: { error in
                guard case .invalidAgreement(let problems) = error as? PlanningError else { return false }
                return problems.contains { $0.contains(expected) }
            }
        }
    }

    @Test func sharedPoliceContactIsNeverInTwoPlacesAndTravelIsKept() throws {
        let ids = ["a", "b", "c"]
        let district = District(id: "t", name: "Test", members: ids.map { Self.municipality($0) },
                                sharedPeople: [Self.sharedContact(ids)], travel: TravelTable(count: 3, uniform: 45))
        let plan = try DistrictPlanner.plan(district, years: 2027...2027)
        let items = DistrictAudit.events(of: plan).filter { $0.event.attendees.contains("pk") }
        // Presence: one day a week in each municipality, never two on one day.
        let presence = items.filter { $0.event.time == nil }
        // Every week with a working day has its three days (fellesferie and Christmas weeks have none).
        #expect(presence.count >= 3 * 46)
        #expect(Set(presence.map(\.event.date)).count == presence.count)
        // Timed meetings in different municipalities on one day are at least 45 minutes apart.
        for x in items where x.event.time != nil {
            for y in items where y.event.time != nil && y.event.uid < x.event.uid && y.event.date == x.event.date {
                let (s, t) = (x.event.time!, y.event.time!)
                let gap = x.place == y.place ? 0 : 45
                #expect(s.start.minutes >= t.end.minutes + gap || t.start.minutes >= s.end.minutes + gap,
                        "\(x.event.uid) and \(y.event.uid)")
            }
        }
        #expect(DistrictAudit.violations(DistrictAudit.events(of: plan), district: district).isEmpty)
        for memberPlan in plan.plans {
            #expect(HardRuleAudit.violations(of: memberPlan.events.map(AuditEvent.init(from:)), agreement: memberPlan.agreement,
                                             years: 2027...2027).isEmpty)
        }
    }

    @Test func withoutSharingTheSameDaysWouldBeUsedTwice() throws {
        // The control: the same municipalities planned alone put the contact's days on the same dates.
        let alone = try ["a", "b"].map { try Planner.plan(PlanRequest(agreement: Self.municipality($0), years: 2027...2027)) }
        let days = alone.map { Set($0.events(inSeries: "dag").map(\.date)) }
        #expect(!days[0].isDisjoint(with: days[1]))
    }

    @Test func auditCatchesACrossMunicipalityClashWithTravel() {
        let district = District(id: "t", name: "Test", members: [Self.municipality("a"), Self.municipality("b")],
                                sharedPeople: [Self.sharedContact(["a", "b"])], travel: TravelTable(count: 2, uniform: 30))
        let day = CivilDate(year: 2027, month: 3, day: 10)!
        let first = AuditEvent(uid: "x", seriesID: "mote", date: day, time: TimeSpan(TimeOfDay(minutes: 540), TimeOfDay(minutes: 600)), attendees: ["pk"])
        let near = AuditEvent(uid: "y", seriesID: "mote", date: day, time: TimeSpan(TimeOfDay(minutes: 615), TimeOfDay(minutes: 660)), attendees: ["pk"])
        let far = AuditEvent(uid: "z", seriesID: "mote", date: day, time: TimeSpan(TimeOfDay(minutes: 630), TimeOfDay(minutes: 660)), attendees: ["pk"])
        #expect(DistrictAudit.violations([.init(place: 0, event: first), .init(place: 1, event: near)], district: district).count == 1)
        #expect(DistrictAudit.violations([.init(place: 0, event: first), .init(place: 1, event: far)], district: district).isEmpty)
        #expect(DistrictAudit.violations([.init(place: 0, event: first), .init(place: 0, event: near)], district: district).isEmpty)
    }

    @Test func auditCatchesAPresenceDayInOneMunicipalityAndAMeetingInAnother() {
        let district = District(id: "t", name: "Test", members: [Self.municipality("a"), Self.municipality("b")],
                                sharedPeople: [Self.sharedContact(["a", "b"])], travel: TravelTable(count: 2, uniform: 30))
        let day = CivilDate(year: 2027, month: 3, day: 10)!
        let presence = AuditEvent(uid: "p", seriesID: "dag", date: day, time: nil, attendees: ["pk"])
        let meeting = AuditEvent(uid: "m", seriesID: "mote", date: day, time: TimeSpan(TimeOfDay(minutes: 540), TimeOfDay(minutes: 600)),
                                 attendees: ["pk"])
        // Present all day in A, so not in B's meeting that day; A's own meeting is fine.
        #expect(DistrictAudit.violations([.init(place: 0, event: presence), .init(place: 1, event: meeting)], district: district).count == 1)
        #expect(DistrictAudit.violations([.init(place: 0, event: presence), .init(place: 0, event: meeting)], district: district).isEmpty)
    }

    @Test func aSharedContactsPresenceDayKeepsTheirMeetingsElsewhereOffThatDay() throws {
        // Both members meet the contact monthly and have a weekly presence day: day by day,
        // the contact is either present in one municipality or at meetings, never both elsewhere.
        let ids = ["a", "b", "c"]
        let district = District(id: "t", name: "Test", members: ids.map { Self.municipality($0) },
                                sharedPeople: [Self.sharedContact(ids)], travel: TravelTable(count: 3, uniform: 30))
        for years in [2027...2027, 2027...2030] {
            let plan = try DistrictPlanner.plan(district, years: years)
            let items = DistrictAudit.events(of: plan).filter { $0.event.attendees.contains("pk") }
            for presence in items where presence.event.time == nil {
                for other in items where other.event.date == presence.event.date && other.event.uid != presence.event.uid {
                    #expect(other.place == presence.place, "\(presence.event.uid) and \(other.event.uid)")
                }
            }
            #expect(DistrictAudit.violations(DistrictAudit.events(of: plan), district: district).isEmpty)
        }
    }

    @Test func theDistrictBoundIsEachMemberAloneAndTheWholeIsNoWorseThanOneAfterAnother() throws {
        // Three members share their police contact, who has an SLT chain and presence in each.
        let ids = ["a", "b", "c"]
        let members = ids.map { id -> Agreement in
            var agreement = Self.municipality(id)
            agreement.series.append(MeetingSeries(id: "slt", title: "SLT \(id)", kind: .sltMeeting,
                                                  rule: .everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: nil), venue: "radhus",
                                                  durationMinutes: 90, attendees: ["politikontakt", "slt"]))
            return agreement
        }
        let district = District(id: "t", name: "Test", members: members, sharedPeople: [Self.sharedContact(ids)],
                                travel: TravelTable(count: 3, uniform: 30))
        let years = 2027...2030
        let whole = try DistrictPlanner.plan(district, years: years)
        let greedy = try DistrictPlanner.plan(district, years: years, language: nil, calendars: DistrictCalendars(), rounds: 0,
                                              memo: PlanningMemo())
        let alone = try members.map { try Planner.plan(PlanRequest(agreement: $0, years: years)) }
        // Each member alone with nothing else placed bounds its part, except
        // for presence weeks holidays shorten below the contact's three
        // presences (any member may leave those empty): the bound charges
        // none of them, so it is at most the members' bounds alone.
        #expect(whole.lowerBound <= alone.reduce(0) { $0 + $1.cost.lowerBound })
        #expect(whole.lowerBound <= whole.totalCost)
        #expect(whole.totalCost <= greedy.totalCost)
        #expect(DistrictAudit.violations(DistrictAudit.events(of: whole), district: district).isEmpty)
        // Deterministic: the same district gives the same plans.
        #expect(try DistrictPlanner.plan(district, years: years) == whole)
    }

    @Test func theBoundChargesNothingForAPresenceWeekAMemberMayLeaveEmpty() throws {
        // Monday to Wednesday of week 10 closed everywhere: two days for the
        // shared contact's three presences, so one member's week stays empty
        // (at no cost). Alone, each member pays for a day off its pattern there.
        let closed = Blackout(range: DateRange(CivilDate(year: 2027, month: 3, day: 8)!, CivilDate(year: 2027, month: 3, day: 10)!),
                              reason: "Stengt")
        let ids = ["a", "b", "c"]
        let members = ids.map { id -> Agreement in
            var agreement = Self.municipality(id, monthly: false)
            agreement.blackouts = [closed]
            return agreement
        }
        let district = District(id: "t", name: "Test", members: members, sharedPeople: [Self.sharedContact(ids)],
                                travel: TravelTable(count: 3, uniform: 30))
        let plan = try DistrictPlanner.plan(district, years: 2027...2027)
        let week10 = plan.plans.flatMap(\.events).filter { $0.date >= closed.range.first && $0.date <= CivilDate(year: 2027, month: 3, day: 14)! }
        #expect(week10.count == 2)
        let alone = try members.map { try Planner.plan(PlanRequest(agreement: $0, years: 2027...2027)) }
        let aloneBound = alone.reduce(0) { $0 + $1.cost.lowerBound }
        // Alone, every member's week 10 costs a day off its pattern; in the
        // district any of them may leave it empty, so the bound does not charge it.
        #expect(plan.lowerBound < aloneBound, "district bound \(plan.lowerBound), members' bounds alone \(aloneBound)")
        #expect(plan.lowerBound <= plan.totalCost)
    }

    @Test func aMembersBusyCalendarKeepsPresenceAndMeetingsOffBusyTime() throws {
        let ids = ["a", "b"]
        let district = District(id: "t", name: "Test", members: ids.map { Self.municipality($0) },
                                sharedPeople: [Self.sharedContact(ids)], travel: TravelTable(count: 2, uniform: 30))
        let before = try DistrictPlanner.plan(district, years: 2027...2027)
        let aPlan = before.plans[0]
        // One busy hour on each of A's first five presence days, and the SLT coordinator's meeting days blocked 09–15.
        let presence = Array(aPlan.events(inSeries: "dag").prefix(5))
        let meetings = Array(aPlan.events(inSeries: "mote").prefix(5))
        let busy = presence.map { BusyInterval(personID: "politikontakt", date: $0.date,
                                               time: TimeSpan(TimeOfDay(minutes: 600), TimeOfDay(minutes: 660)), summary: "Tingrett") }
            + meetings.map { BusyInterval(personID: "slt", date: $0.date,
                                          time: TimeSpan(TimeOfDay(minutes: 540), TimeOfDay(minutes: 900)), summary: "Kurs") }
        let after = try DistrictPlanner.plan(district, years: 2027...2027, calendars: DistrictCalendars(busy: ["a": busy]))
        let found = HardRuleAudit.violations(of: after.plans[0].events.map(AuditEvent.init(from:)), agreement: after.plans[0].agreement,
                                             years: 2027...2027, busy: busy)
        #expect(!found.contains { $0.ruleID == RuleCatalogue.busyTime }, "\(found.map(\.explanation.english))")
        #expect(Set(after.plans[0].events(inSeries: "dag").map(\.date)).isDisjoint(with: presence.map(\.date)))
        // The control: the plan made without the calendar breaks the rule on every one of those days.
        let unaware = HardRuleAudit.violations(of: aPlan.events.map(AuditEvent.init(from:)), agreement: aPlan.agreement,
                                               years: 2027...2027, busy: busy)
        #expect(unaware.filter { $0.ruleID == RuleCatalogue.busyTime }.count >= 10)
        #expect(DistrictAudit.violations(DistrictAudit.events(of: after), district: district).isEmpty)
    }

    @Test func jointMeetingFallsOnADayEveryMemberAllows() throws {
        var a = Self.municipality("a", monthly: false)
        var b = Self.municipality("b", monthly: false)
        // Each member closes most of the autumn in its own way; only 12–13 October are open to both.
        a.blackouts = [Blackout(range: DateRange(CivilDate(year: 2027, month: 9, day: 1)!, CivilDate(year: 2027, month: 10, day: 11)!), reason: "Kommunestyre A")]
        b.blackouts = [Blackout(range: DateRange(CivilDate(year: 2027, month: 10, day: 14)!, CivilDate(year: 2027, month: 11, day: 30)!), reason: "Budsjett B")]
        let series = MeetingSeries(id: "felles", title: "Interkommunalt politiråd", kind: .policeCouncil,
                                   rule: .yearly(window: MonthDayWindow(fromMonth: 9, fromDay: 1, toMonth: 11, toDay: 30)),
                                   venue: "radhus", durationMinutes: 120, attendees: ["a.slt", "b.slt", "pk"])
        let district = District(id: "t", name: "Test", members: [a, b], sharedPeople: [Self.sharedContact(["a", "b"])],
                                meetings: [InterMunicipalMeeting(series: series, host: "a", members: ["a", "b"], venue: a.venue("radhus"))])
        let plan = try DistrictPlanner.plan(district, years: 2027...2027)
        for memberPlan in plan.plans {
            let joint = memberPlan.events(inSeries: "felles")
            #expect(joint.count == 1)
            #expect(joint.first.map { [12, 13].contains($0.date.day) && $0.date.month == 10 } == true)
            #expect(joint.first?.uid == "t-felles-2027-01@aarshjul")
        }
        #expect(plan.plans[1].events(inSeries: "felles").first?.attendees.contains("slt") == true)
    }

    @Test func infeasibleDistrictIsExplainedInPlainWords() {
        // One police contact, weekly presence in six municipalities that all open Monday–Thursday only.
        let ids = ["a", "b", "c", "d", "e", "f"]
        let members = ids.map { Self.municipality($0, openDays: [.monday, .tuesday, .wednesday, .thursday]) }
        let district = District(id: "t", name: "Test", members: members, sharedPeople: [Self.sharedContact(ids)])
        #expect {
            _ = try DistrictPlanner.plan(district, years: 2027...2027)
        } throws: { error in
            guard let error = error as? PlanningError, case .infeasible(let clashes) = error else { return false }
            let text = error.message(.bokmal)
            return text.hasPrefix("Planen går ikke opp.") && clashes.count == 1
                && text.contains("E: Politikontakten i e: ingen ledig dag i ukene 1–11, 14–17, 19, 21–27, 32–50 i 2027")
                && text.contains("lokalet er stengt fredag")
                && text.contains("Politikontakt har andre møter da")
                && text.contains("Politikontakt felles tjener A, B, C, D, E, F og kan ikke være to steder")
        }
    }
}

/// A joint meeting's events join a member's plan by merging two lists in
/// plan order; the merge must give what sorting both together gives.
struct PlanOrderMergeTests {
    @Test func mergingTwoPlanOrderedListsEqualsSortingThemTogether() throws {
        let plan = try Planner.plan(PlanRequest(agreement: DistrictPlanningTests.municipality("a"), years: 2027...2027))
        let events = plan.events
        try #require(events.count > 20)
        // Every third event to one list, the rest to the other: both stay in plan order and interleave.
        let a = events.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        let b = events.enumerated().filter { $0.offset % 3 != 0 }.map(\.element)
        #expect(PlannedEvent.merged(a, b).map(\.uid) == PlannedEvent.inPlanOrder(a + b).map(\.uid))
        #expect(PlannedEvent.merged(b, a).map(\.uid) == events.map(\.uid))
        // Out of order or with a tie, it sorts instead of merging.
        #expect(PlannedEvent.merged(a.reversed(), b).map(\.uid) == events.map(\.uid))
        #expect(PlannedEvent.merged(a, a).map(\.uid) == PlannedEvent.inPlanOrder(a + a).map(\.uid))
        #expect(PlannedEvent.merged([], b).map(\.uid) == b.map(\.uid))
    }
}
