import Testing
@testable import AarshjulCore

/// Repairs of a published plan of the full fixture municipality.
@Suite struct RescheduleTests {
    typealias F = Fixture
    static let stamp = UTCTimestamp(date: F.d(2027, 2, 1), time: F.t(10))

    static func published(_ agreement: Agreement = F.full) throws -> Plan {
        try Planner.plan(PlanRequest(agreement: agreement, years: 2027...2027))
    }

    static func previous(_ plan: Plan) -> [PreviousEvent] {
        plan.events.map {
            PreviousEvent(uid: $0.uid, seriesID: $0.seriesID, schoolID: $0.schoolID, title: $0.title, date: $0.date,
                          time: $0.time, sequence: $0.sequence, stamp: $0.stamp)
        }
    }

    static func repair(_ plan: Plan, blackouts: [Blackout] = [], busy: [BusyInterval] = [], pins: [String: CivilDate] = [:],
                       previous: [PreviousEvent]? = nil) throws -> RescheduleResult {
        try Rescheduler.reschedule(RescheduleRequest(agreement: plan.agreement, years: plan.years,
                                                     previous: previous ?? Self.previous(plan), extraBlackouts: blackouts,
                                                     busy: busy, pins: pins, stamp: stamp))
    }

    /// Every published UID exactly once among kept, moved, cancelled.
    static func accountedFor(_ plan: Plan, _ result: RescheduleResult) -> Bool {
        let published = plan.events.map(\.uid).sorted()
        let accounted = result.changes.filter { [.kept, .moved, .cancelled].contains($0.kind) }.map(\.uid).sorted()
        return published == accounted
    }

    @Test func nothingChangedKeepsEverythingIdentical() throws {
        let plan = try Self.published()
        let result = try Self.repair(plan)
        #expect(result.changes.allSatisfy { $0.kind == .kept })
        #expect(result.plan.events == plan.events)
        #expect(result.plan.cancelledEvents.isEmpty)
    }

    /// A repaired plan's summary still names each series' regular weekday
    /// while most of its meetings keep it (plan.txt after `reschedule`).
    @Test func aRepairKeepsTheRegularWeekdayInTheSummary() throws {
        let plan = try Self.published()
        let fresh = plan.patterns.filter { $0.schoolID == nil }
        #expect(!fresh.isEmpty)
        #expect(try Self.repair(plan).plan.patterns == fresh)
        let target = plan.events(inSeries: "politirad")[1]
        let result = try Self.repair(plan, blackouts: [Blackout(range: DateRange(target.date, target.date), reason: "Bisettelse")])
        #expect(result.changes(.moved).map(\.uid) == [target.uid])
        let council = try #require(fresh.first { $0.seriesID == "politirad" })
        #expect(result.plan.patterns.contains(council))
        let summary = TextPlan.render(result.plan).split(separator: "\n").first { $0.hasPrefix("Politirådsmøte") }
        #expect(summary?.contains(council.pattern.text(.bokmal)) == true, "\(summary ?? "")")
    }

    @Test func blackoutOnACouncilMeetingMovesOnlyThatMeeting() throws {
        let plan = try Self.published()
        let target = plan.events(inSeries: "politirad")[1]
        let result = try Self.repair(plan, blackouts: [Blackout(range: DateRange(target.date, target.date), reason: "Bisettelse")])
        let moved = result.changes(.moved)
        #expect(moved.map(\.uid) == [target.uid])
        #expect(moved.first?.reason == .blocked(LocalizedText(nb: "Bisettelse", en: "Bisettelse")))
        let after = result.plan.events.first { $0.uid == target.uid }!
        #expect(after.date != target.date)
        #expect(after.sequence == target.sequence + 1)
        #expect(after.stamp == Self.stamp)
        #expect(F.audit(result.plan, extra: [Blackout(range: DateRange(target.date, target.date), reason: "x")]).isEmpty)
        // Unaffected events are the very same values, stamp and sequence included.
        for event in plan.events where event.uid != target.uid {
            #expect(result.plan.events.contains(event))
        }
        #expect(ChangeList.render(result, language: .bokmal).contains("Politirådsmøte \(two(target.date.day)).\(two(target.date.month)). → "))
    }

    @Test func busyMayorMovesTheMeetingAndSaysWho() throws {
        let plan = try Self.published()
        let target = plan.events(inSeries: "politirad")[2]
        let busy = [BusyInterval(personID: "mayor", date: target.date, time: target.time, summary: "Budsjettmøte")]
        let result = try Self.repair(plan, busy: busy)
        #expect(result.changes(.moved).map(\.uid) == [target.uid])
        #expect(result.changes(.moved).first?.reason == .busy(name: LocalizedText(nb: "Ordførar", en: "Ordførar"), what: "Budsjettmøte"))
        let after = result.plan.events.first { $0.uid == target.uid }!
        #expect(after.date != target.date || after.time != target.time)
    }

    @Test func handEditedDateIsHeldAndExplicitPinMovesTheEvent() throws {
        let plan = try Self.published()
        var previous = Self.previous(plan)
        let i = previous.firstIndex { $0.seriesID == "report" }!
        // Someone moved the report meeting by a week in the file (SEQUENCE untouched).
        let handDate = previous[i].date.adding(days: 7)
        previous[i].date = handDate
        let result = try Self.repair(plan, previous: previous)
        #expect(result.plan.events.first { $0.uid == previous[i].uid }?.date == handDate)
        #expect(result.changes.first { $0.uid == previous[i].uid }?.kind == .kept)
        #expect(result.changes.first { $0.uid == previous[i].uid }?.pinned == true)

        let pinDate = plan.events.first { $0.seriesID == "report" }!.date.adding(days: 14)
        let pinned = try Self.repair(plan, pins: [previous[i].uid: pinDate])
        #expect(pinned.plan.events.first { $0.uid == previous[i].uid }?.date == pinDate)
        #expect(pinned.changes(.moved).map(\.reason) == [.pinned])
    }

    @Test func pinOnABlockedDayIsAPlainError() throws {
        let plan = try Self.published()
        let report = plan.events.first { $0.seriesID == "report" }!
        var sunday = report.date
        while sunday.weekday != .sunday { sunday = sunday.adding(days: 1) }
        #expect {
            try Self.repair(plan, pins: [report.uid: sunday])
        } throws: { error in
            guard case PlanningError.infeasible(let clashes) = error else { return false }
            return clashes.first?.explanation.bokmal.contains("festet med --pin") == true
                && clashes.first?.explanation.bokmal.contains("søndag") == true
        }
        #expect(throws: PlanningError.self) { try Self.repair(plan, pins: ["nope@aarshjul": report.date]) }
    }

    @Test func chainMoveForcedByTheSpacingRuleSaysSo() throws {
        let plan = try Self.published()
        let slt = plan.events(inSeries: "slt")
        // Black out a whole span around one SLT meeting: the chain must re-flow.
        let hit = slt[2]
        let blackout = Blackout(range: DateRange(hit.date.adding(days: -10), hit.date.adding(days: 10)), reason: "Kommunestyre-seminar")
        let result = try Self.repair(plan, blackouts: [blackout])
        #expect(Self.accountedFor(plan, result))
        #expect(F.audit(result.plan, extra: [blackout]).isEmpty, "\(F.audit(result.plan, extra: [blackout]).map(\.explanation.english))")
        let hitChange = result.changes.first { $0.uid == hit.uid }!
        #expect(hitChange.kind != .kept)
        for change in result.changes where change.kind == .moved || change.kind == .cancelled {
            #expect(change.reason != nil)
            if case .rule(let id, let text) = change.reason {
                #expect(change.seriesID == "slt" && id == RuleCatalogue.frequency && text.bokmal.contains("6–8 uker"))
            }
        }
    }

    /// Random blackout sets: no hard rule broken, nothing lost, and an event
    /// moves only for something on its old date or a named rule.
    @Test func randomBlackoutsKeepRulesAndLoseNothing() throws {
        let plan = try Self.published()
        var random = SeededRandom(seed: 2027)
        var infeasible = 0
        for _ in 0..<25 {
            var blackouts: [Blackout] = []
            for _ in 0..<(1 + random.next(4)) {
                let start = F.d(2027, 1, 4).adding(days: random.next(340))
                blackouts.append(Blackout(range: DateRange(start, start.adding(days: random.next(4))), reason: "Sperre"))
            }
            let result: RescheduleResult
            do { result = try Self.repair(plan, blackouts: blackouts) } catch { infeasible += 1; continue }
            let violations = F.audit(result.plan, extra: blackouts)
            #expect(violations.isEmpty, "\(blackouts.map(\.range)) \(violations.map(\.explanation.english))")
            #expect(Self.accountedFor(plan, result))
            for change in result.changes {
                let old = plan.events.first { $0.uid == change.uid }
                switch change.kind {
                case .kept:
                    // The occurrence number is internal (a cancelled week renumbers the rest); all else is the same.
                    var after = result.plan.events.first { $0.uid == change.uid }
                    after?.occurrence = old?.occurrence ?? 0
                    #expect(after == old)
                case .moved, .cancelled:
                    let blocked = blackouts.contains { $0.range.contains(change.from!) }
                    switch change.reason {
                    case .blocked: #expect(blocked)
                    case .rule: #expect(!blocked && ["slt", "presence"].contains(change.seriesID))
                    case .clash: #expect(!blocked)
                    default: Issue.record("unexpected reason \(String(describing: change.reason))")
                    }
                    if change.kind == .moved {
                        #expect(result.plan.events.first { $0.uid == change.uid }!.sequence == old!.sequence + 1)
                    } else {
                        #expect(result.plan.cancelledEvents.contains { $0.uid == change.uid && $0.cancelled })
                    }
                default: break
                }
            }
        }
        #expect(infeasible < 5)
    }
}

func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// A small deterministic generator (SplitMix64) so random tests repeat exactly.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(1, bound)))
    }
}
