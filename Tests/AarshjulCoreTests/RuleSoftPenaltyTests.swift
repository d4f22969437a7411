import Testing
@testable import AarshjulCore

/// For every soft rule: a plan where it costs nothing and one where the
/// plan's cost report shows its penalty.
@Suite struct RuleSoftPenaltyTests {
    typealias F = Fixture

    func plan(_ series: MeetingSeries, venues: [Venue] = [F.venue("hall")], blackouts: [Blackout] = []) throws -> Plan {
        try Planner.plan(PlanRequest(agreement: F.agreement([series], venues: venues, blackouts: blackouts), years: 2027...2027))
    }

    func window(_ from: CivilDate, _ to: CivilDate) -> FrequencyRule {
        .yearly(window: MonthDayWindow(fromMonth: from.month, fromDay: from.day, toMonth: to.month, toDay: to.day))
    }

    @Test func preferredWeekday() throws {
        let prefs = SeriesPreferences(weekdays: [.tuesday])
        let kept = try plan(F.series("s", .perQuarter(count: 1), prefs: prefs))
        #expect(kept.cost.byRule[RuleCatalogue.preferredWeekday] == 0)
        #expect(kept.events.allSatisfy { $0.date.weekday == .tuesday })
        let mondaysOnly = try plan(F.series("s", .perQuarter(count: 1), prefs: prefs), venues: [F.venue("hall", [.monday])])
        #expect(mondaysOnly.cost.byRule[RuleCatalogue.preferredWeekday] == 4 * 20)
    }

    @Test func agreedWeekday() throws {
        let presence = F.series("p", .weekly(weekday: .wednesday), venue: nil, people: ["pk"], allDay: true)
        let kept = try plan(presence)
        #expect(kept.cost.byRule[RuleCatalogue.agreedWeekday] == 0)
        let closed = Blackout(range: DateRange(F.d(2027, 3, 10), F.d(2027, 3, 10)), reason: "Kurs")
        let moved = try plan(presence, blackouts: [closed])
        #expect(moved.cost.byRule[RuleCatalogue.agreedWeekday] == 30)
        #expect(moved.events.contains { $0.date.isoWeek.week == 10 && $0.date.weekday != .wednesday })
    }

    @Test func preferredTime() throws {
        let kept = try plan(F.series("s", .perQuarter(count: 1), prefs: SeriesPreferences(startTime: F.t(10))))
        #expect(kept.cost.byRule[RuleCatalogue.preferredTime] == 0)
        #expect(kept.events.allSatisfy { $0.time?.start == F.t(10) })
        // Wants 15:00, but a two-hour meeting must start by 13:30 (closing 15:30): 90 minutes, 3 half hours.
        let late = try plan(F.series("s", .perQuarter(count: 1), prefs: SeriesPreferences(startTime: F.t(15))))
        #expect(late.cost.byRule[RuleCatalogue.preferredTime] == 4 * 15)
        #expect(late.events.allSatisfy { $0.time?.start == F.t(13, 30) })
    }

    @Test func defaultPreferredStartIsNineOrOpening() throws {
        let plan = try plan(F.series("s", .yearly(window: nil)), venues: [F.venue("hall", from: F.t(12), to: F.t(16))])
        #expect(plan.events.first?.time?.start == F.t(12))
        #expect(plan.cost.byRule[RuleCatalogue.preferredTime] == 0)
    }

    @Test func evenSpacing() throws {
        let kept = try plan(F.series("s", .perQuarter(count: 1)))
        #expect(kept.cost.byRule[RuleCatalogue.evenSpacing] == 0)
        // Only late June is open in the first half, only early July in the second.
        let squeezed = try plan(F.series("s", .perYear(count: 2, atLeast: false)), blackouts: [
            Blackout(range: DateRange(F.d(2027, 1, 1), F.d(2027, 6, 20)), reason: "Stengt"),
            Blackout(range: DateRange(F.d(2027, 8, 9), F.d(2027, 12, 31)), reason: "Stengt"),
        ])
        #expect(squeezed.events.count == 2)
        let gap = squeezed.events[1].date - squeezed.events[0].date
        #expect(squeezed.cost.byRule[RuleCatalogue.evenSpacing] == Int((182.5 - Double(gap)).rounded()) - 7)
    }

    @Test func dayAfterBreak() throws {
        // Easter Monday 2027 is 29 March: Tuesday 30 March is the first working day after it.
        let after = try plan(F.series("s", window(F.d(2027, 3, 30), F.d(2027, 3, 30))))
        #expect(after.cost.byRule[RuleCatalogue.dayAfterBreak] == 10)
        let later = try plan(F.series("s", window(F.d(2027, 3, 30), F.d(2027, 3, 31))))
        #expect(later.events.first?.date == F.d(2027, 3, 31))
        #expect(later.cost.byRule[RuleCatalogue.dayAfterBreak] == 0)
    }

    @Test func agendaNoticeEarly() throws {
        // 11 January − 7 days = Monday 4 January, a working day.
        let kept = try plan(F.series("s", window(F.d(2027, 1, 11), F.d(2027, 1, 11)), notice: 7))
        #expect(kept.cost.byRule[RuleCatalogue.agendaNoticeEarly] == 0)
        #expect(kept.deadlines.first?.due == F.d(2027, 1, 4))
        // 5 January − 7 days = 29 December, in the Christmas period: the agenda goes out 23 December, 6 days early.
        let early = try plan(F.series("s", window(F.d(2027, 1, 5), F.d(2027, 1, 5)), notice: 7))
        #expect(early.cost.byRule[RuleCatalogue.agendaNoticeEarly] == 12)
        #expect(early.deadlines.first?.due == F.d(2026, 12, 23))
    }

    @Test func midWindow() throws {
        // A yearly meeting in a 1–23 March window (middle: 12 March): it lands less than a week from the middle, at no cost.
        let kept = try plan(F.series("s", window(F.d(2027, 3, 1), F.d(2027, 3, 23))))
        #expect(kept.cost.byRule[RuleCatalogue.midWindow] == 0)
        #expect(kept.events.allSatisfy { abs($0.date - F.d(2027, 3, 12)) < 7 })
        // Only the window's first days are free: 10 days from the middle, one whole week.
        let closed = Blackout(range: DateRange(F.d(2027, 3, 4), F.d(2027, 3, 23)), reason: "Ombygging")
        let pushed = try plan(F.series("s", window(F.d(2027, 3, 1), F.d(2027, 3, 23))), blackouts: [closed])
        #expect(pushed.events.map(\.date) == [F.d(2027, 3, 1)])
        #expect(pushed.cost.byRule[RuleCatalogue.midWindow] == 1)
    }

    @Test func catalogueWeightsAndSentences() {
        let weights = Dictionary(uniqueKeysWithValues: RuleCatalogue.softRules.map { ($0.id, $0.weight) })
        #expect(weights == [RuleCatalogue.preferredWeekday: 20, RuleCatalogue.agreedWeekday: 30, RuleCatalogue.preferredTime: 5,
                            RuleCatalogue.evenSpacing: 1, RuleCatalogue.dayAfterBreak: 10, RuleCatalogue.agendaNoticeEarly: 2,
                            RuleCatalogue.midWindow: 1, RuleCatalogue.regularWeekday: 40, RuleCatalogue.regularWeekOfMonth: 15])
        for rule in RuleCatalogue.softRules {
            let penalty = SoftPenalty(ruleID: rule.id, seriesID: "s", seriesTitle: "Politirådsmøte", date: F.d(2027, 3, 30), points: 10, measure: 3)
            for language in PlanLanguage.allCases {
                #expect(penalty.explanation.text(language).contains("Politirådsmøte"))
                #expect(!rule.description.text(language).isEmpty)
            }
        }
        for rule in RuleCatalogue.hardRules {
            #expect(PlanLanguage.allCases.allSatisfy { !rule.description.text($0).isEmpty })
        }
    }
}
