import Testing
@testable import AarshjulCore

/// A published to-do never silently disappears from a repaired plan.
@Suite struct RescheduleDeadlineTests {
    typealias F = Fixture

    @Test func aCancelledMeetingsAgendaDeadlineIsCancelledWithIt() throws {
        let plan = try Planner.plan(PlanRequest(agreement: F.full, years: 2027...2027))
        let previous = RescheduleTests.previous(plan)
        let deadlines = plan.deadlines.map { d -> PreviousDeadline in
            var p = PreviousDeadline(uid: d.uid, due: d.due, sequence: d.sequence, stamp: d.stamp)
            p.title = d.title
            p.sourceID = d.sourceID
            p.relatedEventUID = d.relatedEventUID
            return p
        }
        // The council series is dropped from the agreement: its meetings are cancelled, and so are their agenda to-dos.
        var agreement = F.full
        agreement.series.removeAll { $0.id == "politirad" }
        let result = try Rescheduler.reschedule(RescheduleRequest(agreement: agreement, years: 2027...2027, previous: previous,
                                                                  previousDeadlines: deadlines, stamp: RescheduleTests.stamp))
        let agenda = plan.deadlines.filter { $0.sourceID == "politirad" }
        #expect(agenda.count == 4)
        let cancelled = Dictionary(uniqueKeysWithValues: result.plan.cancelledDeadlines.map { ($0.uid, $0) })
        for deadline in agenda {
            let gone = try #require(cancelled[deadline.uid], "\(deadline.uid) vanished")
            #expect(gone.cancelled && gone.sequence == deadline.sequence + 1 && gone.stamp == RescheduleTests.stamp)
            #expect(gone.title == deadline.title && gone.due == deadline.due)
        }
        // Every published UID is still there: planned, or cancelled.
        let now = Set(result.plan.deadlines.map(\.uid) + result.plan.cancelledDeadlines.map(\.uid))
        #expect(deadlines.allSatisfy { now.contains($0.uid) })
        // Already cancelled: stays cancelled, same version.
        let again = deadlines.map { d -> PreviousDeadline in
            guard var gone = cancelled[d.uid].map({ PreviousDeadline(uid: $0.uid, due: $0.due, sequence: $0.sequence, stamp: $0.stamp) }) else { return d }
            gone.cancelled = true
            return gone
        }
        let second = try Rescheduler.reschedule(RescheduleRequest(agreement: agreement, years: 2027...2027, previous: previous,
                                                                  previousDeadlines: again, stamp: UTCTimestamp(date: F.d(2027, 3, 1))))
        for deadline in agenda {
            #expect(second.plan.cancelledDeadlines.first { $0.uid == deadline.uid }?.sequence == deadline.sequence + 1)
        }
    }
}
