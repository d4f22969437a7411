import Testing
@testable import AarshjulCore

/// "First meeting after the municipal election" when that meeting falls in
/// the year after the election — planned one year at a time, as users do.
@Suite struct SolverElectionItemTests {
    typealias F = Fixture
    static let revise = "Revisjon av avtalen etter kommunevalget"

    static func agreement() -> Agreement {
        var series = F.series("rad", .yearly(window: MonthDayWindow(fromMonth: 3, fromDay: 1, toMonth: 6, toDay: 30)))
        series.positionalAgenda = [PositionalAgendaItem(position: .firstAfterMunicipalElection, item: revise)]
        return F.agreement([series])
    }

    @Test func theYearAfterTheElectionCarriesTheItemWhenTheElectionYearHadNoMeetingAfterIt() throws {
        // Election 13 Sept 2027; the yearly meeting falls in March–June.
        let y2027 = try Planner.plan(PlanRequest(agreement: Self.agreement(), years: 2027...2027))
        #expect(!y2027.events.contains { $0.agenda.contains(Self.revise) })
        let y2028 = try Planner.plan(PlanRequest(agreement: Self.agreement(), years: 2028...2028))
        #expect(y2028.events.first?.agenda.contains(Self.revise) == true)
        let both = try Planner.plan(PlanRequest(agreement: Self.agreement(), years: 2027...2028))
        #expect(both.events.filter { $0.agenda.contains(Self.revise) }.map(\.date.year) == [2028])
        // Two years later nothing is carried.
        let y2029 = try Planner.plan(PlanRequest(agreement: Self.agreement(), years: 2029...2029))
        #expect(!y2029.events.contains { $0.agenda.contains(Self.revise) })
    }

    @Test func aQuarterlyCouncilTakesTheItemInTheElectionYearItself() throws {
        var series = F.series("rad", .perQuarter(count: 1))
        series.positionalAgenda = [PositionalAgendaItem(position: .firstAfterMunicipalElection, item: Self.revise)]
        let y2028 = try Planner.plan(PlanRequest(agreement: F.agreement([series]), years: 2028...2028))
        #expect(!y2028.events.contains { $0.agenda.contains(Self.revise) }, "Q4 2027 already had the meeting after the election")
        let y2027 = try Planner.plan(PlanRequest(agreement: F.agreement([series]), years: 2027...2027))
        #expect(y2027.events.filter { $0.agenda.contains(Self.revise) }.map(\.date.quarter) == [4])
    }
}
