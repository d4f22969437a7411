import Testing
@testable import AarshjulCore

/// Each frequency rule kind planned for 2027 on a hand-built agreement.
@Suite struct SolverFrequencyTests {
    typealias F = Fixture

    func plan(_ series: [MeetingSeries], years: ClosedRange<Int> = 2027...2027, blackouts: [Blackout] = []) throws -> Plan {
        let plan = try Planner.plan(PlanRequest(agreement: F.agreement(series, blackouts: blackouts), years: years))
        #expect(F.audit(plan).isEmpty, "\(F.audit(plan).map(\.explanation.english))")
        return plan
    }

    @Test func perQuarterTwo() throws {
        let plan = try plan([F.series("s", .perQuarter(count: 2))])
        #expect((1...4).map { q in plan.events.filter { $0.date.quarter == q }.count } == [2, 2, 2, 2])
        #expect(plan.events.map(\.occurrence) == Array(1...8))
    }

    @Test func perYearSlices() throws {
        let plan = try plan([F.series("s", .perYear(count: 3, atLeast: true))])
        let slices = SeriesWindows.slices(of: 2027, count: 3)
        #expect(plan.events.count == 3)
        #expect(zip(plan.events, slices).allSatisfy { $1.contains($0.date) })
    }

    @Test func monthlySkipsJuly() throws {
        let plan = try plan([F.series("s", .monthly(skipMonths: [7]))])
        #expect(plan.events.map(\.date.month) == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12])
    }

    @Test func yearlyInWindow() throws {
        let plan = try plan([F.series("s", .yearly(window: MonthDayWindow(fromMonth: 10, fromDay: 1, toMonth: 10, toDay: 31)))])
        #expect(plan.events.count == 1)
        #expect(plan.events[0].date.month == 10)
        // Innlandet's autumn break is week 41, but this is not a school event.
    }

    @Test func schoolWindowPerSchool() throws {
        let plan = try plan([F.series("g7", .schoolWindow(.grade7(nil), perSchool: true), venue: nil, people: ["pk"], minutes: 60)])
        // Grade 7: primary and combined schools.
        #expect(plan.events.map(\.schoolID).compactMap { $0 }.sorted() == ["b1", "u2"])
        let calendar = MunicipalCalendar(agreement: plan.agreement, years: 2027...2027)
        for event in plan.events {
            #expect(DateRange(F.d(2027, 9, 1), F.d(2027, 11, 30)).contains(event.date))
            #expect(calendar.isSchoolDay(event.date))
            #expect(event.uid.hasPrefix("test-g7-\(event.schoolID!)-2027-01"))
            #expect(event.title.hasSuffix(" – " + F.schools.first { $0.id == event.schoolID }!.name))
        }
        // The pk cannot be at two schools at the same time.
        #expect(Set(plan.events.map { "\($0.date)\($0.time!.start)" }).count == 2)
    }

    @Test func schoolStartWindowAndSingleEvent() throws {
        let plan = try plan([F.series("start", .schoolWindow(.schoolStart(weeks: 2), perSchool: false), venue: nil)])
        let start = SchoolCalendar(county: .innlandet).schoolStart(in: 2027)
        #expect(plan.events.count == 1)
        #expect(plan.events[0].schoolID == nil)
        #expect(DateRange(start, start.adding(days: 13)).contains(plan.events[0].date))
    }

    @Test func weeklyPresenceSkipsWeeksWithoutAFreeDay() throws {
        let plan = try plan([F.series("p", .weekly(weekday: .wednesday), venue: nil, people: ["pk"], allDay: true)])
        #expect(plan.events.allSatisfy { $0.time == nil && $0.date.weekday == .wednesday })
        // Weeks 28–31 (fellesferie) as one note, then 52 (Christmas), in date order.
        let skipped = plan.notes.map(\.text.bokmal)
        #expect(skipped.count == 2, "\(skipped)")
        #expect(skipped.first?.hasSuffix(", uke 28–31 i 2027: ingen ledig dag (fellesferie)") == true, "\(skipped)")
        #expect(skipped.last?.hasSuffix(", uke 52 i 2027: ingen ledig dag (jul og romjul)") == true, "\(skipped)")
        #expect(plan.notes.first?.text.nynorsk.contains(", veke 28–31 i 2027: ingen ledig dag (fellesferie)") == true)
        #expect(plan.notes.first?.text.english.contains(", weeks 28–31 of 2027: no free day (Common summer holiday)") == true)
        #expect(plan.events.count == 52 - 5)
    }

    @Test func everyWeeksChainFromPreviousYear() throws {
        let previous = F.d(2026, 11, 20)
        let plan = try plan([F.series("slt", .everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: previous))])
        let dates = [previous] + plan.events.map(\.date)
        for (a, b) in zip(dates, dates.dropFirst()) { #expect((42...56).contains(b - a)) }
        #expect(plan.events.last!.date > F.d(2027, 12, 31).adding(days: -56))
    }

    @Test func partialAttendanceSpreadsEvenly() throws {
        var forum = F.series("forum", .monthly(skipMonths: []), people: ["nurse", "slt"], minutes: 90)
        forum.partialAttendance = [PartialAttendance(person: "bup", count: 4)]
        let plan = try plan([forum])
        #expect(plan.events.filter { $0.attendees.contains("bup") }.map(\.occurrence) == [1, 4, 7, 10])
        #expect(plan.events.allSatisfy { $0.attendees.contains("nurse") && $0.attendees.contains("slt") })
    }
}

/// The solver's promises: errors that name the period, determinism, the
/// lower bound, no double-booking, multi-year chains, and the plan's texts.
@Suite struct SolverBehaviourTests {
    typealias F = Fixture

    @Test func fiveMeetingsInAQuarterWithOneOpenWeekdayIsInfeasibleAndNamesTheQuarter() {
        let agreement = F.agreement([F.series("politirad", .perQuarter(count: 5))],
                                    venues: [F.venue("hall", [.wednesday])],
                                    blackouts: [Blackout(range: DateRange(F.d(2027, 4, 1), F.d(2027, 6, 10)), reason: "Ombygging")])
        #expect {
            try Planner.plan(PlanRequest(agreement: agreement, years: 2027...2027))
        } throws: { error in
            guard case .infeasible(let clashes) = error as? PlanningError, let clash = clashes.first else { return false }
            let text = clash.explanation.bokmal
            return clash.seriesID == "politirad" && clash.period == .quarter(2, of: 2027)
                && text.contains("2. kvartal 2027 (01.04.–30.06.)") && text.contains("lokalet er stengt mandag, tirsdag, torsdag, fredag")
                && text.contains("Ombygging") && text.contains("bare 3 dager")
        }
    }

    @Test func infeasibleMessageIsPlainWords() {
        let error = PlanningError.infeasible([Clash(ruleID: "frequency", seriesID: "s", period: .quarter(1, of: 2027),
                                                    explanation: LocalizedText(nb: "Møte: ingen ledig dag", en: "Meeting: no free day"))])
        #expect(error.message(.bokmal) == "Planen går ikke opp. Dette står i veien:\n- Møte: ingen ledig dag")
        #expect(error.message(.english).contains("Meeting: no free day"))
    }

    @Test func brokenChainNamesTheGap() {
        let agreement = F.agreement([F.series("slt", .everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: nil))],
                                    blackouts: [Blackout(range: DateRange(F.d(2027, 3, 1), F.d(2027, 6, 30)), reason: "Stengt")])
        #expect {
            try Planner.plan(PlanRequest(agreement: agreement, years: 2027...2027))
        } throws: { error in
            guard case .infeasible(let clashes) = error as? PlanningError, let clash = clashes.first else { return false }
            // The window after the last meeting before the closure lies wholly inside it.
            return clash.seriesID == "slt" && clash.explanation.bokmal.contains("perioden 6–8 uker etter møtet")
                && clash.explanation.bokmal.contains("Stengt")
                && clash.period.first >= F.d(2027, 3, 1) && clash.period.last <= F.d(2027, 6, 30)
        }
    }

    @Test func unknownVenueOrPersonIsAnInvalidAgreement() {
        var agreement = F.agreement([F.series("s", .yearly(window: nil), venue: "nowhere", people: ["slt", "ghost"])])
        agreement.language = .nynorsk
        #expect {
            try Planner.plan(PlanRequest(agreement: agreement, years: 2027...2027))
        } throws: { error in
            guard case .invalidAgreement(let problems) = error as? PlanningError else { return false }
            return problems.count == 2 && problems[0].contains("nowhere") && problems[1].contains("ghost")
                && problems[1].contains("ikkje finst")
        }
    }

    @Test func samePlanTwice() throws {
        let a = try Planner.plan(PlanRequest(agreement: F.full, years: 2027...2028))
        let b = try Planner.plan(PlanRequest(agreement: F.full, years: 2027...2028))
        #expect(a == b)
    }

    @Test func lowerBoundAndProvenOptimum() throws {
        let simple = try Planner.plan(PlanRequest(agreement: F.agreement([F.series("s", .perQuarter(count: 1))]), years: 2027...2027))
        #expect(simple.cost.isProvenOptimal)
        #expect(simple.cost.total == 0)
        let full = try Planner.plan(PlanRequest(agreement: F.full, years: 2027...2027))
        #expect(full.cost.lowerBound <= full.cost.total)
    }

    @Test func sharedPersonIsNotDoubleBooked() throws {
        // Both series want the same single day at 10:00 with the same person.
        let only = MonthDayWindow(fromMonth: 3, fromDay: 3, toMonth: 3, toDay: 3)
        let prefs = SeriesPreferences(startTime: F.t(10))
        let agreement = F.agreement([
            F.series("a", .yearly(window: only), people: ["pk", "slt"], prefs: prefs),
            F.series("b", .yearly(window: only), people: ["mayor", "pk"], prefs: prefs),
        ])
        let plan = try Planner.plan(PlanRequest(agreement: agreement, years: 2027...2027))
        #expect(F.audit(plan).isEmpty)
        let a = plan.events(inSeries: "a")[0], b = plan.events(inSeries: "b")[0]
        #expect(a.date == b.date && !a.time!.overlaps(b.time!))
        // The second meeting starts two hours away from 10:00: 4 half hours.
        #expect(plan.cost.byRule[RuleCatalogue.preferredTime] == 20)
        #expect(plan.cost.lowerBound == 0 && !plan.cost.isProvenOptimal)
    }

    @Test func multiYearPlanKeepsEveryHardRuleAndCarriesTheChain() throws {
        let plan = try Planner.plan(PlanRequest(agreement: F.full, years: 2027...2030))
        let violations = F.audit(plan)
        #expect(violations.isEmpty, "\(violations.map(\.explanation.english))")
        #expect(plan.cost.lowerBound <= plan.cost.total)
        let slt = plan.events(inSeries: "slt").map(\.date)
        for (a, b) in zip(slt, slt.dropFirst()) { #expect((42...56).contains(b - a)) }
        #expect(Set(slt.map(\.year)) == [2027, 2028, 2029, 2030])
        // The municipal election of 2031 is outside; the one in 2027 revises the agreement once.
        #expect(plan.events(inSeries: "politirad").filter { $0.agenda.contains("Revisjon etter valet") }.count == 1)
    }

    @Test func uidsStampsTitlesAndDeadlines() throws {
        let plan = try Planner.plan(PlanRequest(agreement: F.full, years: 2027...2027))
        let council = plan.events(inSeries: "politirad")
        #expect(council.map(\.uid) == (1...4).map { "test-politirad-2027-0\($0)@aarshjul" })
        #expect(council.allSatisfy { $0.stamp == UTCTimestamp(date: F.d(2026, 11, 2)) && $0.sequence == 0 })
        #expect(council[0].agenda == ["Opning og referat", "Evaluering av avtalen"])
        #expect(council[3].agenda.contains("Effekt av tiltaka"))
        #expect(council[0].location == "Lokale hall, Storgata 1" && council[0].organizer == "slt")
        let agenda = plan.deadlines.first { $0.relatedEventUID == council[0].uid }!
        #expect(agenda.uid == "test-politirad-2027-01-agenda@aarshjul")
        #expect(agenda.title == "Sakliste sendes ut: Politirådsmøte")
        #expect(agenda.due <= council[0].date.adding(days: -7) && agenda.responsible == ["slt"])
        let q1 = plan.deadlines.first { $0.uid == "test-activity-plan-2027-q1@aarshjul" }!
        #expect(q1.title == "Aktivitetsplan (K1 2027)" && q1.due == F.d(2026, 12, 18))
        let q4 = plan.deadlines.first { $0.uid == "test-report-2027-q4@aarshjul" }!
        #expect(q4.due == F.d(2028, 1, 10))
        #expect(plan.events == plan.events.sorted { ($0.date, $0.time?.start.minutes ?? -1, $0.uid) < ($1.date, $1.time?.start.minutes ?? -1, $1.uid) })
        let english = try Planner.plan(PlanRequest(agreement: F.full, years: 2027...2027, language: .english))
        #expect(english.events(inSeries: "politirad")[0].title == "Police council")
        #expect(english.deadlines.contains { $0.title == "Activity plan (Q2 2027)" })
        #expect(english.deadlines.contains { $0.title == "Agenda out: Police council" })
    }

    @Test func stampWithoutRevisionIsFirstOfDecemberBefore() throws {
        var agreement = F.agreement([F.series("s", .yearly(window: nil))])
        agreement.revised = nil
        let plan = try Planner.plan(PlanRequest(agreement: agreement, years: 2028...2028))
        #expect(plan.events[0].stamp == UTCTimestamp(date: F.d(2027, 12, 1)))
    }
}
