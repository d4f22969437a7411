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

/// `explain`'s window for a meeting of an every-A–B-weeks chain holds the
/// meeting itself on every shipped plan: a school-term chain's window runs
/// on over the pupils' summer holiday, as the planner and the audit count it.
struct ExplainWindowTests {
    static func window(in text: String) -> (CivilDate, CivilDate)? {
        guard let range = text.range(of: "The window is ") else { return nil }
        let parts = text[range.upperBound...].prefix(25).components(separatedBy: " – ")
        guard parts.count == 2, let first = CivilDate(iso: parts[0]), let last = CivilDate(iso: String(parts[1].prefix(10))) else { return nil }
        return (first, last)
    }

    @Test(arguments: ShippedAgreementsRoundTripTests.municipalities)
    func aChainMeetingLiesInTheWindowExplainGives(_ name: String) throws {
        let plan = try Planner.plan(PlanRequest(agreement: try ShippedCostTests.agreement(name), years: ShippedCostTests.years))
        var chained = 0
        for series in plan.agreement.series {
            guard case .everyWeeks = series.rule else { continue }
            for event in plan.events(inSeries: series.id) {
                let text = EventExplainer.explain(event, in: plan, language: .english)
                let window = try #require(Self.window(in: text), "\(text)")
                #expect(window.0 <= event.date && event.date <= window.1, "\(event.uid) \(event.date.iso): \(window)")
                chained += 1
            }
        }
        if name == "lillestrom" { #expect(chained > 20) }
    }
}
