import Testing
@testable import AarshjulCore

/// The placement rules of issue 9 ("placement no coordinator would accept"):
/// stated times, regular patterns, school term for school-attended series,
/// positional agenda items that pull their meeting, deadlines that slip
/// earlier. Each with a plan that keeps it and an input that breaks it.
@Suite struct PlacementRuleTests {
    typealias F = Fixture

    func plan(_ series: [MeetingSeries], years: ClosedRange<Int> = 2027...2027, blackouts: [Blackout] = [],
              deadlines: [QuarterlyDeadline] = [], venues: [Venue] = [F.venue("hall")]) throws -> Plan {
        try Planner.plan(PlanRequest(agreement: F.agreement(series, venues: venues, blackouts: blackouts, deadlines: deadlines),
                                     years: years))
    }

    // MARK: stated-time

    @Test func aStatedEveningTimeIsKeptWithoutAVenue() throws {
        var parents = F.series("parents", .schoolWindow(.schoolStart(weeks: 4), perSchool: false), venue: nil, people: ["pk"], minutes: 60)
        parents.statedTime = .at(F.t(18))
        var theme = F.series("theme", .schoolWindow(.custom(name: "Temamøter", MonthDayWindow(fromMonth: 10, fromDay: 1, toMonth: 11, toDay: 30)), perSchool: false),
                             venue: nil, people: ["pk"], minutes: 90)
        theme.statedTime = .within(TimeSpan(F.t(17), F.t(21)))
        let result = try plan([parents, theme], years: 2027...2030)
        for event in result.events(inSeries: "parents") {
            #expect(event.time == TimeSpan(F.t(18), F.t(19)), "\(event.date.iso) \(String(describing: event.time))")
        }
        for event in result.events(inSeries: "theme") {
            let time = try #require(event.time)
            #expect(time.start >= F.t(17) && time.end <= F.t(21))
        }
        #expect(F.audit(result).isEmpty)
    }

    @Test func theAuditCatchesAStatedTimeMovedIntoOfficeHours() throws {
        var parents = F.series("parents", .schoolWindow(.schoolStart(weeks: 4), perSchool: false), venue: nil, people: ["pk"], minutes: 60)
        parents.statedTime = .at(F.t(18))
        var result = try plan([parents])
        result.events[0].time = TimeSpan(F.t(15), F.t(16))   // what the plan did before: default office hours
        #expect(F.audit(result).contains { $0.ruleID == RuleCatalogue.statedTime && $0.uid == result.events[0].uid })
    }

    @Test func aStatedTimeTheVenueNeverOffersStopsThePlanAndCheckWarns() throws {
        var evening = F.series("evening", .perYear(count: 2, atLeast: false), people: ["slt"], minutes: 60)
        evening.statedTime = .at(F.t(18))
        #expect(throws: PlanningError.self) { try plan([evening]) }
        let warnings = PlacementWarnings.warnings(F.agreement([evening]), language: .english)
        #expect(warnings.count == 1 && warnings[0].contains("18:00"))
        var fits = evening
        fits.statedTime = .at(F.t(13))
        #expect(PlacementWarnings.warnings(F.agreement([fits]), language: .english).isEmpty)
        #expect(try plan([fits]).events.allSatisfy { $0.time?.start == F.t(13) })
    }

    @Test func schoolEventsGetAPlace() throws {
        let start = F.series("start", .schoolWindow(.schoolStart(weeks: 3), perSchool: false), venue: nil, people: ["pk"], minutes: 60)
        let grade10 = F.series("grade10", .schoolWindow(.grade10(nil), perSchool: true), venue: nil, people: ["pk"], minutes: 60)
        var named = F.series("named", .schoolWindow(.grade7(nil), perSchool: false), venue: nil, people: ["slt"], minutes: 60)
        named.place = "Barneskolane i Testvik"
        let plain = F.series("plain", .perYear(count: 2, atLeast: false), venue: nil, people: ["nurse"], minutes: 60)
        let result = try plan([start, grade10, named, plain])
        #expect(result.events(inSeries: "start").allSatisfy { $0.location == "Ungdomsskolene" })
        #expect(Set(result.events(inSeries: "grade10").compactMap(\.location)) == ["Øyer ungdomsskole", "Tretten skule"])
        #expect(result.events(inSeries: "named").allSatisfy { $0.location == "Barneskolane i Testvik" })
        #expect(result.events(inSeries: "plain").allSatisfy { $0.location == nil })
    }

    // MARK: regular-weekday, regular-week-of-month

    /// Every meeting off the pattern is where the pattern's day could not be used.
    func departuresAreForced(_ result: Plan, _ id: String) throws {
        let agreement = result.agreement
        let calendar = MunicipalCalendar(agreement: agreement, years: result.years)
        for year in result.years {
            let pattern = try #require(result.patterns.first { $0.seriesID == id && $0.year == year }?.pattern)
            for event in result.events(inSeries: id) where event.date.year == year && pattern.cost(event.date) != (0, 0) {
                let intended = pattern.intendedDay(for: event.date)
                #expect(!calendar.isMeetingDay(intended), "\(id) \(event.date.iso) left a usable \(intended.iso)")
                #expect(result.notes.contains { $0.seriesID == id && $0.text.bokmal.contains(event.date.norwegian) })
            }
        }
    }

    @Test func aMonthlySeriesKeepsOneWeekdayAndWeekOfTheMonth() throws {
        let result = try plan([F.series("forum", .monthly(skipMonths: [7]), people: ["nurse", "slt"], minutes: 90)], years: 2027...2028)
        let events = result.events(inSeries: "forum")
        #expect(events.count == 22)
        for year in 2027...2028 {
            let pattern = try #require(result.patterns.first { $0.seriesID == "forum" && $0.year == year }?.pattern)
            #expect(pattern.weekOfMonth != nil)
            let kept = events.filter { $0.date.year == year && pattern.cost($0.date) == (0, 0) }
            #expect(kept.count >= 9, "\(year): \(events.map(\.date.iso))")
        }
        try departuresAreForced(result, "forum")
        #expect(TextPlan.render(result).contains("i måneden"))
    }

    @Test func aBlockedPatternDayMovesOneMeetingAndSaysWhy() throws {
        let forum = F.series("forum", .monthly(skipMonths: [7]), people: ["slt"], minutes: 90,
                             prefs: SeriesPreferences(weekdays: [.tuesday]))
        let free = try plan([forum])
        #expect(free.patterns.first?.pattern.weekday == .tuesday)
        #expect(free.events.allSatisfy { $0.date.weekday == .tuesday })
        #expect(free.cost.byRule[RuleCatalogue.regularWeekday, default: 0] == 0)
        // Every Tuesday of March closed: that month's meeting alone leaves the weekday, and the plan says why.
        let tuesdays = DateRange(F.d(2027, 3, 1), F.d(2027, 3, 31)).filter { $0.weekday == .tuesday }
        let blocked = try plan([forum], blackouts: tuesdays.map { Blackout(range: DateRange($0, $0), reason: "Kommunestyreseminar") })
        let pattern = try #require(blocked.patterns.first?.pattern)
        #expect(pattern.weekday == .tuesday)
        let moved = try #require(blocked.events.first { $0.date.month == 3 })
        #expect(moved.date.weekday != .tuesday)
        #expect(blocked.events.filter { $0.date.weekday != .tuesday }.count == 1)
        #expect(blocked.cost.byRule[RuleCatalogue.regularWeekday] == 41)   // one weekday away
        let intended = pattern.intendedDay(for: moved.date)
        #expect(blocked.notes.contains { $0.seriesID == "forum" && $0.text.bokmal.contains("Kommunestyreseminar")
            && $0.text.bokmal.contains(intended.norwegian) && $0.text.bokmal.contains(moved.date.norwegian) })
    }

    @Test func aMeetingMovedOffItsUsualStartSaysWho() throws {
        // Both on Tuesdays at 09:00 for the same person: one keeps 09:00, the other says why it does not.
        let a = F.series("a", .weekly(weekday: .tuesday), people: ["slt"], minutes: 60)
        var b = F.series("b", .weekly(weekday: .tuesday), people: ["slt"], minutes: 60)
        b.title = "Møte b"
        let result = try plan([a, b])
        let late = result.events.filter { $0.time?.start != F.t(9) }
        #expect(!late.isEmpty)
        for event in late {
            #expect(result.notes.contains { $0.seriesID == event.seriesID && $0.text.bokmal.contains(event.date.norwegian)
                && $0.text.bokmal.contains("i stedet for 09:00") && $0.text.bokmal.contains("SLT-koordinator") })
        }
    }

    @Test func weeklyPresenceOnAnAgreedDayStaysOnOneWeekday() throws {
        let presence = F.series("presence", .weekly(weekday: nil), venue: nil, people: ["pk"], allDay: true)
        let council = F.series("council", .perQuarter(count: 1), people: ["slt", "mayor", "pk"])
        let result = try plan([presence, council], years: 2027...2028)
        try departuresAreForced(result, "presence")
        try departuresAreForced(result, "council")
        // The first week of 2027: Monday 4 January is free (the day after New Year costs less than a departure).
        #expect(result.events(inSeries: "presence").first?.date.weekday == result.patterns.first { $0.seriesID == "presence" }?.pattern.weekday)
    }

    // MARK: school-holiday for school-attended series

    @Test func schoolAttendanceIsReadFromTheGuests() {
        #expect(SchoolAttendance.namesSchools(["NAV", "Alle ungdomsskolene (11)"]))
        #expect(SchoolAttendance.namesSchools(["Ansatte ved ungdomsskolen"]))
        #expect(SchoolAttendance.namesSchools(["Alle vidaregåande skular"]))
        #expect(SchoolAttendance.namesSchools(["Schools"]))
        #expect(!SchoolAttendance.namesSchools(["Skolehelsetjenesten", "Oppvekst", "Barneverntjenesten"]))
    }

    @Test func aSchoolAttendedChainStaysInTermTime() throws {
        var slt = F.series("slt", .everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: nil), people: ["slt", "pk"], minutes: 150)
        slt.schoolTermOnly = true
        slt.guests = ["Alle ungdomsskolene (11)"]
        let result = try plan([slt], years: 2027...2030)
        let calendar = MunicipalCalendar(agreement: result.agreement, years: result.years)
        for event in result.events {
            #expect(calendar.isSchoolDay(event.date), "\(event.date.iso) is in a school holiday")
        }
        #expect(F.audit(result).isEmpty)
        // The same meetings with one moved into the pupils' summer holiday break the rule.
        var broken = result
        let i = try #require(broken.events.firstIndex { $0.date.month == 6 })
        broken.events[i].date = F.d(2027, 6, 30)
        #expect(F.audit(broken).contains { $0.ruleID == RuleCatalogue.schoolHoliday })
    }

    // MARK: positional-agenda

    @Test func theLastCouncilOfTheYearIsAtTheYearsEnd() throws {
        var council = F.series("council", .perYear(count: 2, atLeast: false), people: ["slt", "mayor"])
        council.positionalAgenda = [PositionalAgendaItem(position: .lastOfYear, item: "Evaluering ved årets slutt")]
        let result = try plan([council], years: 2027...2030)
        for year in 2027...2030 {
            let last = try #require(result.events.filter { $0.date.year == year }.last)
            #expect([11, 12].contains(last.date.month), "\(last.date.iso)")
            #expect(last.agenda.contains("Evaluering ved årets slutt"))
        }
        #expect(F.audit(result).isEmpty)
        var early = result
        early.events[1].date = F.d(2027, 9, 27)
        #expect(F.audit(early).contains { $0.ruleID == RuleCatalogue.positionalAgenda })
        // "In these months": the agreement may name others.
        council.positionalAgenda[0].months = [10]
        let october = try plan([council])
        #expect(october.events.last?.date.month == 10)
    }

    @Test func theFirstMeetingAfterTheElectionIsInTheElectionYear() throws {
        var council = F.series("council", .perYear(count: 3, atLeast: false), people: ["slt", "mayor"])
        council.positionalAgenda = [PositionalAgendaItem(position: .firstAfterMunicipalElection, item: "Revisjon av avtalen")]
        let election = try #require(Elections.election(in: 2027)).date
        let y2027 = try plan([council], years: 2027...2027)
        let carrying = y2027.events.filter { $0.agenda.contains("Revisjon av avtalen") }
        #expect(carrying.count == 1 && carrying[0].date > election)
        #expect(F.audit(y2027).isEmpty)
        // Planning 2028 alone: 2027 had its meeting after the election, so the item is not repeated.
        let y2028 = try plan([council], years: 2028...2028)
        #expect(!y2028.events.contains { $0.agenda.contains("Revisjon av avtalen") })
        var before = y2027
        before.events[2].date = F.d(2027, 9, 8)
        #expect(F.audit(before).contains { $0.ruleID == RuleCatalogue.positionalAgenda })
    }

    // MARK: deadline-slip

    @Test func aDeadlineInFellesferieMovesToTheWorkingDayBefore() throws {
        let report = QuarterlyDeadline(id: "report", title: "Kvartalsrapport", anchor: .afterEnd, days: 14)
        var later = report
        later.id = "later"
        later.ifClosed = .later
        let result = try plan([F.series("s", .perYear(count: 2, atLeast: false))], years: 2027...2028, deadlines: [report, later])
        let q2 = try #require(result.deadlines.first { $0.uid == "test-report-2027-q2@aarshjul" })
        #expect(q2.due == F.d(2027, 7, 9))   // 14.07 is in fellesferie (weeks 28–31)
        #expect(result.deadlines.first { $0.uid == "test-later-2027-q2@aarshjul" }?.due == F.d(2027, 8, 9))
        let audited = result.deadlines.map { AuditDeadline(uid: $0.uid, due: $0.due) }
        #expect(PlacementAudit.deadlineViolations(audited, agreement: result.agreement, years: result.years).isEmpty)
        let slipped = audited.map { $0.uid == q2.uid ? AuditDeadline(uid: $0.uid, due: F.d(2027, 8, 9)) : $0 }
        #expect(PlacementAudit.deadlineViolations(slipped, agreement: result.agreement, years: result.years)
            .contains { $0.ruleID == RuleCatalogue.deadlineSlip && $0.uid == q2.uid })
    }
}
