import Testing
@testable import AarshjulCore

/// Planning 2028 when 2027 (a municipal election year) is known as
/// published (`Agreement.heldBefore`): the revision item goes to 2028's first
/// meeting exactly when the published 2027 had no meeting after election day,
/// whatever a fresh plan of 2027 would have done.
@Suite struct HeldYearElectionTests {
    typealias F = Fixture
    static let revise = "Revisjon av avtalen etter kommunevalget"

    /// A quarterly council: a fresh 2027 plan meets in Q4, after the election.
    static func agreement(held: HeldYear?) -> Agreement {
        var series = F.series("rad", .perQuarter(count: 1))
        series.positionalAgenda = [PositionalAgendaItem(position: .firstAfterMunicipalElection, item: revise)]
        var agreement = F.agreement([series])
        agreement.heldBefore = held
        return agreement
    }

    static func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }

    @Test func thePublishedElectionYearDecidesNotAFreshPlanOfIt() throws {
        // Unknown: a fresh plan of 2027 has its Q4 meeting after the election, so 2028 carries nothing.
        let unknown = try Planner.plan(PlanRequest(agreement: Self.agreement(held: nil), years: 2028...2028))
        #expect(!unknown.events.contains { $0.agenda.contains(Self.revise) })
        // Published: the Q4 meeting was cancelled, the last one held on 9 Sept, before the election (13 Sept).
        let noneAfter = HeldYear(year: 2027, meetings: ["rad": [Self.d(2027, 3, 3), Self.d(2027, 6, 2), Self.d(2027, 9, 9)]],
                                 knownFrom: Self.d(2027, 1, 4))
        let carried = try Planner.plan(PlanRequest(agreement: Self.agreement(held: noneAfter), years: 2028...2028))
        #expect(carried.events.filter { $0.agenda.contains(Self.revise) }.map(\.date) == [carried.events.first!.date])
        // Published with a meeting after the election: nothing carried.
        let oneAfter = HeldYear(year: 2027, meetings: ["rad": [Self.d(2027, 11, 3)]], knownFrom: Self.d(2027, 10, 1))
        let none = try Planner.plan(PlanRequest(agreement: Self.agreement(held: oneAfter), years: 2028...2028))
        #expect(!none.events.contains { $0.agenda.contains(Self.revise) })
    }

    @Test func aRecordThatStartsAfterTheElectionSaysNothingAboutIt() {
        let late = HeldYear(year: 2027, meetings: ["rad": []], knownFrom: Self.d(2027, 12, 2))
        #expect(late.met("rad", after: Self.d(2027, 9, 13)) == nil)
        let early = HeldYear(year: 2027, meetings: ["rad": [Self.d(2027, 6, 2)]], knownFrom: Self.d(2027, 9, 14))
        #expect(early.met("rad", after: Self.d(2027, 9, 13)) == false)
        #expect(early.met("other", after: Self.d(2027, 9, 13)) == false, "a series with nothing published that year did not meet")
    }
}
