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
    /// The window as English explain writes it: "The window is 5 Mar 2027 – 19 Mar 2027".
    static func window(in text: String) -> (CivilDate, CivilDate)? {
        guard let range = text.range(of: "The window is ") else { return nil }
        let line = text[range.upperBound...].prefix { $0 != "\n" }
        let parts = line.components(separatedBy: " – ")
        guard parts.count == 2, let first = englishDate(parts[0]), let last = englishDate(parts[1]) else { return nil }
        return (first, last)
    }

    /// "19 Mar 2027" (anything after the year ignored).
    static func englishDate(_ text: String) -> CivilDate? {
        let words = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard words.count >= 3, let day = Int(words[0]), let month = months.firstIndex(of: String(words[1])),
              let year = Int(words[2].prefix(4)) else { return nil }
        return CivilDate(year: year, month: month + 1, day: day)
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
