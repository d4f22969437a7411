import Testing
@testable import AarshjulCore

/// A kept event whose text changed must reach subscribers as a new version:
/// clients ignore a changed body when SEQUENCE does not advance.
@Suite struct RescheduleContentChangeTests {
    typealias F = Fixture
    static let stamp = UTCTimestamp(date: F.d(2027, 2, 1), time: F.t(10))

    static func previous(_ plan: Plan) -> [PreviousEvent] {
        plan.events.map { event in
            var previous = PreviousEvent(uid: event.uid, seriesID: event.seriesID, schoolID: event.schoolID, title: event.title,
                                         date: event.date, time: event.time, sequence: event.sequence, stamp: event.stamp)
            previous.contentFingerprint = event.contentFingerprint
            return previous
        }
    }

    @Test func sameTextKeepsSequenceAndStamp() throws {
        let plan = try Planner.plan(PlanRequest(agreement: F.full, years: 2027...2027))
        let result = try Rescheduler.reschedule(RescheduleRequest(agreement: F.full, years: 2027...2027,
                                                                  previous: Self.previous(plan), stamp: Self.stamp))
        #expect(result.plan.events == plan.events)
    }

    @Test func changedAgendaRaisesSequenceOfThatSeriesOnly() throws {
        let plan = try Planner.plan(PlanRequest(agreement: F.full, years: 2027...2027))
        var edited = F.full
        let index = try #require(edited.series.firstIndex { $0.id == "politirad" })
        edited.series[index].agenda.append("Nytt fast punkt: trygghetsundersøkelsen")
        let result = try Rescheduler.reschedule(RescheduleRequest(agreement: edited, years: 2027...2027,
                                                                  previous: Self.previous(plan), stamp: Self.stamp))
        for event in result.plan.events {
            let before = try #require(plan.events.first { $0.uid == event.uid })
            #expect(event.date == before.date, "nothing needed to move")
            if event.seriesID == "politirad" {
                #expect(event.sequence == before.sequence + 1)
                #expect(event.stamp == Self.stamp)
            } else {
                #expect(event == before)
            }
        }
    }

    @Test func fingerprintSeesPeopleAndAgendaButNotTheDate() throws {
        let plan = try Planner.plan(PlanRequest(agreement: F.full, years: 2027...2027))
        var event = plan.events[0]
        let original = event.contentFingerprint
        event.date = event.date.adding(days: 1)
        #expect(event.contentFingerprint == original)
        event.attendees.append("bup")
        #expect(event.contentFingerprint != original)
        #expect(original.count == 16)
    }
}
