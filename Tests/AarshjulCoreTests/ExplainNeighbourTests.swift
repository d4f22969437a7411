import Testing
@testable import AarshjulCore

/// `explain` names a neighbouring day's meeting as an obstacle only when it
/// would really collide: the same person at an overlapping time.
@Suite struct ExplainNeighbourTests {
    typealias F = Fixture

    @Test func onlyOverlappingMeetingsOfTheSamePeopleAreObstacles() throws {
        let agreement = F.agreement([F.series("a", .yearly(window: nil)), F.series("b", .yearly(window: nil)),
                                     F.series("c", .yearly(window: nil))])
        func event(_ series: String, _ day: Int, _ hour: Int) -> PlannedEvent {
            PlannedEvent(uid: "\(series)@test", seriesID: series, occurrence: 1, title: "Møte \(series)",
                         date: F.d(2027, 3, day), time: TimeSpan(F.t(hour), F.t(hour + 2)), attendees: ["slt"],
                         stamp: UTCTimestamp(date: F.d(2026, 11, 2)))
        }
        let plan = Plan(agreement: agreement, years: 2027...2027, language: .bokmal,
                        events: [event("b", 9, 9), event("a", 10, 9), event("c", 11, 13)])
        let text = EventExplainer.explain(plan.events[1], in: plan)
        #expect(text.contains("er i «Møte b»"), "\(text)")
        #expect(!text.contains("«Møte c»"), "a meeting at another time is no obstacle: \(text)")
    }
}
