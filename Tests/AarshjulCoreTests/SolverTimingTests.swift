import Testing
@testable import AarshjulCore

/// A municipality-year plans in milliseconds in a release build; a debug
/// build is about ten times slower, so the bound here is generous but still
/// catches a solver that has gone quadratic in days or exponential in series.
@Test func municipalityYearPlansQuickly() throws {
    let clock = ContinuousClock()
    let elapsed = try clock.measure { _ = try Planner.plan(PlanRequest(agreement: Fixture.full, years: 2027...2027)) }
    #expect(elapsed < .milliseconds(500))
    let fourYears = try clock.measure { _ = try Planner.plan(PlanRequest(agreement: Fixture.full, years: 2027...2030)) }
    #expect(fourYears < .seconds(3))
}
