import Testing
@testable import AarshjulCore

/// For every hard rule: a case where it holds and one where the audit reports it.
@Suite struct AuditHardRuleTests {
    typealias F = Fixture

    /// A yearly series (so one event a year keeps `frequency`) and a school series.
    let agreement = F.agreement([
        F.series("meet", .yearly(window: nil), people: ["slt", "pk"]),
        F.series("visit", .yearly(window: nil), venue: nil, people: ["pk"], allDay: true),
        F.series("school", .schoolWindow(.custom(name: "vår", MonthDayWindow(fromMonth: 1, fromDay: 1, toMonth: 12, toDay: 31)), perSchool: false),
                 venue: nil, people: ["nurse"]),
        F.series("station", .yearly(window: nil), venue: "station", people: ["mayor"]),
    ], venues: [F.venue("hall"), F.venue("station", [.monday, .tuesday, .thursday, .friday], from: F.t(8, 30), to: F.t(15))],
       blackouts: [Blackout(range: DateRange(F.d(2027, 3, 10), F.d(2027, 3, 10)), reason: "Kommunestyremøte")])

    func event(_ series: String, _ date: CivilDate, _ from: TimeOfDay? = F.t(9), minutes: Int = 120, people: [String]? = nil,
               uid: String? = nil) -> AuditEvent {
        AuditEvent(uid: uid ?? "\(series)-\(date.iso)", seriesID: series, date: date,
                   time: from.map { TimeSpan($0, $0.adding(minutes: minutes)) },
                   attendees: people ?? agreement.series.first { $0.id == series }!.allPeople)
    }

    /// One event for each series, all on free days: keeps every rule.
    var valid: [AuditEvent] {
        [event("meet", F.d(2027, 3, 3)), event("visit", F.d(2027, 3, 3), nil),
         event("school", F.d(2027, 3, 11)), event("station", F.d(2027, 3, 11))]
    }

    func rules(_ events: [AuditEvent], extra: [Blackout] = []) -> [String] {
        HardRuleAudit.violations(of: events, agreement: agreement, years: 2027...2027, extraBlackouts: extra).map(\.ruleID)
    }

    func replacing(_ series: String, with e: AuditEvent) -> [AuditEvent] {
        valid.filter { $0.seriesID != series } + [e]
    }

    @Test func validEventsKeepEveryRule() { #expect(rules(valid).isEmpty) }

    @Test func anExtraEventOutsideThePlannedYearsIsReported() {
        // A plan for 2027 holding a 2028 meeting too: the yearly count of 2027 is right, yet the feed is wrong.
        let stray = event("meet", F.d(2028, 3, 1), uid: "stray")
        let found = HardRuleAudit.violations(of: valid + [stray], agreement: agreement, years: 2027...2027)
        #expect(found.contains { $0.ruleID == RuleCatalogue.frequency && $0.uid == "stray" })
        #expect(found.first { $0.uid == "stray" }?.explanation.english.contains("outside the planned years") == true)
    }

    @Test func noWeekend() {
        #expect(!rules(replacing("meet", with: event("meet", F.d(2027, 3, 4)))).contains(RuleCatalogue.noWeekend))
        #expect(rules(replacing("meet", with: event("meet", F.d(2027, 3, 6)))).contains(RuleCatalogue.noWeekend))
    }

    @Test func noPublicHoliday() {
        #expect(!rules(replacing("meet", with: event("meet", F.d(2027, 5, 18)))).contains(RuleCatalogue.noPublicHoliday))
        // 17 May 2027 is both Constitution Day and Whit Monday.
        #expect(rules(replacing("meet", with: event("meet", F.d(2027, 5, 17)))).contains(RuleCatalogue.noPublicHoliday))
    }

    @Test func noMeetingPeriod() {
        #expect(!rules(replacing("meet", with: event("meet", F.d(2027, 12, 23)))).contains(RuleCatalogue.noMeetingPeriod))
        #expect(rules(replacing("meet", with: event("meet", F.d(2027, 12, 28)))).contains(RuleCatalogue.noMeetingPeriod))
        #expect(rules(replacing("meet", with: event("meet", F.d(2027, 7, 20)))).contains(RuleCatalogue.noMeetingPeriod))
    }

    @Test func blackout() {
        #expect(!rules(replacing("meet", with: event("meet", F.d(2027, 3, 9)))).contains(RuleCatalogue.blackout))
        #expect(rules(replacing("meet", with: event("meet", F.d(2027, 3, 10)))).contains(RuleCatalogue.blackout))
        let extra = [Blackout(range: DateRange(F.d(2027, 3, 3), F.d(2027, 3, 3)), reason: "Kurs")]
        #expect(rules(valid, extra: extra).contains(RuleCatalogue.blackout))
    }

    @Test func schoolHoliday() {
        // The winter break 2027 is 22–26 February (the core's national pattern,
        // and Innlandet's published skolerute alike).
        #expect(rules(replacing("school", with: event("school", F.d(2027, 2, 23)))).contains(RuleCatalogue.schoolHoliday))
        // A meeting that is not a school event may be held in the school holiday.
        #expect(!rules(replacing("meet", with: event("meet", F.d(2027, 2, 23)))).contains(RuleCatalogue.schoolHoliday))
    }

    @Test func officeHours() {
        #expect(!rules(replacing("meet", with: event("meet", F.d(2027, 3, 3), F.t(13, 30)))).contains(RuleCatalogue.officeHours))
        #expect(rules(replacing("meet", with: event("meet", F.d(2027, 3, 3), F.t(14)))).contains(RuleCatalogue.officeHours))
        #expect(rules(replacing("meet", with: event("meet", F.d(2027, 3, 3), F.t(7, 30)))).contains(RuleCatalogue.officeHours))
        // The station is closed on Wednesdays, all day long.
        #expect(rules(replacing("station", with: event("station", F.d(2027, 3, 10)))).contains(RuleCatalogue.officeHours))
        // No venue: the default office day, Monday–Friday 08–16.
        #expect(!rules(replacing("school", with: event("school", F.d(2027, 3, 11), F.t(14)))).contains(RuleCatalogue.officeHours))
    }

    @Test func noDoubleBooking() {
        let meet = event("meet", F.d(2027, 3, 11), F.t(9))
        let overlapping = event("station", F.d(2027, 3, 11), F.t(10), people: ["mayor", "pk"])
        let after = event("station", F.d(2027, 3, 11), F.t(11), people: ["mayor", "pk"])
        #expect(rules(valid.filter { $0.seriesID != "meet" && $0.seriesID != "station" } + [meet, after]).isEmpty)
        #expect(rules(valid.filter { $0.seriesID != "meet" && $0.seriesID != "station" } + [meet, overlapping])
            .contains(RuleCatalogue.noDoubleBooking))
        // Two all-day items of one person on one day clash; an all-day item and a meeting do not.
        let twoDays = valid + [event("visit", F.d(2027, 3, 3), nil, uid: "second")]
        #expect(rules(twoDays).contains(RuleCatalogue.noDoubleBooking))
        #expect(!rules(valid).contains(RuleCatalogue.noDoubleBooking))
    }

    @Test func busyTime() {
        // pk is busy 10–11 on 11 March and all of 12 March in their own calendar.
        let busy = [BusyInterval(personID: "pk", date: F.d(2027, 3, 11), time: TimeSpan(F.t(10), F.t(11)), summary: "Tingrett"),
                    BusyInterval(personID: "pk", date: F.d(2027, 3, 12), time: nil, summary: "Kurs")]
        func found(_ events: [AuditEvent]) -> [String] {
            HardRuleAudit.violations(of: events, agreement: agreement, years: 2027...2027, busy: busy).map(\.ruleID)
        }
        #expect(!found(valid).contains(RuleCatalogue.busyTime))
        #expect(!found(replacing("meet", with: event("meet", F.d(2027, 3, 11), F.t(11)))).contains(RuleCatalogue.busyTime))
        #expect(found(replacing("meet", with: event("meet", F.d(2027, 3, 11), F.t(9)))).contains(RuleCatalogue.busyTime))
        #expect(found(replacing("meet", with: event("meet", F.d(2027, 3, 12), F.t(13)))).contains(RuleCatalogue.busyTime))
        // A presence day needs the whole day: one busy hour rules it out.
        #expect(found(replacing("visit", with: event("visit", F.d(2027, 3, 11), nil))).contains(RuleCatalogue.busyTime))
    }

    @Test func frequency() {
        #expect(!rules(valid).contains(RuleCatalogue.frequency))
        #expect(rules(valid + [event("meet", F.d(2027, 4, 7))]).contains(RuleCatalogue.frequency))
        #expect(rules(valid.filter { $0.seriesID != "meet" }).contains(RuleCatalogue.frequency))
    }

    @Test func everyHardRuleInTheCatalogueIsTested() {
        let ids = Set(RuleCatalogue.hardRules.map(\.id))
        #expect(ids == [RuleCatalogue.noWeekend, RuleCatalogue.noPublicHoliday, RuleCatalogue.noMeetingPeriod, RuleCatalogue.blackout,
                        RuleCatalogue.schoolHoliday, RuleCatalogue.officeHours, RuleCatalogue.noDoubleBooking, RuleCatalogue.busyTime,
                        RuleCatalogue.frequency,
                        // Tested in PlacementRuleTests.
                        RuleCatalogue.statedTime, RuleCatalogue.positionalAgenda, RuleCatalogue.deadlineSlip])
    }
}

/// The `frequency` rule for each rule kind, checked on hand-made event lists.
@Suite struct AuditFrequencyTests {
    typealias F = Fixture

    func rules(_ rule: FrequencyRule, _ dates: [CivilDate], years: ClosedRange<Int> = 2027...2027, allDay: Bool = false) -> [Violation] {
        let agreement = F.agreement([F.series("s", rule, venue: nil, allDay: allDay)])
        let events = dates.enumerated().map { k, date in
            AuditEvent(uid: "s-\(k)", seriesID: "s", date: date, time: allDay ? nil : TimeSpan(F.t(9), F.t(11)), attendees: ["slt"])
        }
        return HardRuleAudit.violations(of: events, agreement: agreement, years: years).filter { $0.ruleID == RuleCatalogue.frequency }
    }

    @Test func perQuarter() {
        #expect(rules(.perQuarter(count: 1), [F.d(2027, 2, 3), F.d(2027, 5, 5), F.d(2027, 8, 11), F.d(2027, 11, 3)]).isEmpty)
        let broken = rules(.perQuarter(count: 1), [F.d(2027, 2, 3), F.d(2027, 3, 3), F.d(2027, 8, 11), F.d(2027, 11, 3)])
        #expect(broken.count == 2)  // two in Q1, none in Q2
        #expect(broken.contains { $0.explanation.bokmal.contains("2. kvartal 2027") })
    }

    @Test func monthlySkipsJuly() {
        let months = (1...12).filter { $0 != 7 }.map { F.d(2027, $0, 10) }.map { $0.isWeekend ? $0.adding(days: 2) : $0 }
        #expect(rules(.monthly(skipMonths: [7]), months).isEmpty)
        #expect(!rules(.monthly(skipMonths: [7]), months + [F.d(2027, 7, 6)]).isEmpty)
    }

    @Test func everyWeeksGapsAndYearEnds() {
        let chain = stride(from: 0, to: 8, by: 1).map { F.d(2027, 1, 12).adding(days: 49 * $0) }
        #expect(rules(.everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: F.d(2026, 11, 24)), chain).isEmpty)
        // A 9-week gap in the middle.
        var gap = chain
        gap[4] = gap[4].adding(days: 14)
        #expect(!rules(.everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: F.d(2026, 11, 24)), gap).isEmpty)
        // The first meeting too far after the previous year's last.
        #expect(!rules(.everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: F.d(2026, 10, 1)), chain).isEmpty)
        // The last meeting too early for next year to keep the gap.
        #expect(!rules(.everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: F.d(2026, 11, 24)), Array(chain.dropLast())).isEmpty)
    }

    @Test func weeklyNeedsEveryWeekWithAFreeDay() {
        var days: [CivilDate] = []
        for week in 1...52 {
            let wednesday = CivilDate.mondayOfISOWeek(week, year: 2027).adding(days: 2)
            days.append(wednesday)
        }
        let agreement = F.agreement([])
        let calendar = MunicipalCalendar(agreement: agreement, years: 2027...2027)
        let free = days.filter { calendar.isMeetingDay($0) }
        // Weeks 28–31 and 52 have no free day at all; week 13's Wednesday is free.
        #expect(rules(.weekly(weekday: .wednesday), free, allDay: true).isEmpty)
        #expect(!rules(.weekly(weekday: .wednesday), Array(free.dropFirst()), allDay: true).isEmpty)
        #expect(!rules(.weekly(weekday: .wednesday), free + [free[0].adding(days: 1)], allDay: true).isEmpty)
    }

    @Test func yearlyWindow() {
        let window = MonthDayWindow(fromMonth: 9, fromDay: 1, toMonth: 10, toDay: 31)
        #expect(rules(.yearly(window: window), [F.d(2027, 9, 15)]).isEmpty)
        #expect(!rules(.yearly(window: window), [F.d(2027, 11, 15)]).isEmpty)
    }
}
