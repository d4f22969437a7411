import AarshjulAgreementFile
import AarshjulCore
import Foundation
import Testing

/// Every shipped plan (five agreements, three districts, 2027–2030) costs the
/// same event by event in `explain` as in the planner's report, and the
/// bound it states is one: never above the cost, "proven optimal" only when reached.
struct ShippedCostTests {
    static let years = 2027...2030

    static func agreement(_ name: String) throws -> Agreement {
        try AgreementFile.load(path: CLI.packageRoot.appendingPathComponent("calendars/\(name).yaml").path)
    }

    @Test(arguments: ["flakstad", "lillestrom", "luster", "oyer", "stjordal"])
    func explainCostsAnAgreementsPlanAsThePlannerDoes(_ name: String) throws {
        let plan = try Planner.plan(PlanRequest(agreement: try Self.agreement(name), years: Self.years))
        let explained = plan.events.reduce(0) { $0 + EventExplainer.cost($1, in: plan) }
        #expect(explained == plan.cost.total, "explain \(explained), planner \(plan.cost.total)")
        #expect(plan.cost.lowerBound <= plan.cost.total)
    }

    @Test(arguments: ["lillehammer", "sogn", "vaernes"])
    func explainCostsADistrictsPlansAsThePlannerDoes(_ name: String) throws {
        let district = try DistrictFile.load(path: CLI.packageRoot.appendingPathComponent("calendars/districts/\(name).yaml").path)
        let plan = try DistrictPlanner.plan(district, years: Self.years)
        let joint = Set(district.meetings.map(\.series.id))
        var explained = 0
        for memberPlan in plan.plans {
            for event in memberPlan.events where !joint.contains(event.seriesID) { explained += EventExplainer.cost(event, in: memberPlan) }
        }
        for meetingPlan in plan.meetingPlans {
            for event in meetingPlan.events { explained += EventExplainer.cost(event, in: meetingPlan) }
        }
        #expect(explained == plan.totalCost, "explain \(explained), planner \(plan.totalCost)")
        #expect(plan.lowerBound <= plan.totalCost)
    }
}
