import AarshjulAgreementFile
import AarshjulCore
@testable import AarshjulICal
import Testing

/// Every VEVENT of the shipped agreements' 2027–2030 plans, in every
/// language and in both confidential and public feeds, is written by the
/// exporter's own writer (never left to libical) and comes out byte for byte
/// as libical writes the same component: what subscribers have been getting.
@Suite struct ShippedFeedsWriterTests {
    @Test(arguments: ShippedAgreementsRoundTripTests.municipalities)
    func everyShippedEventIsWrittenAsLibicalWritesIt(name: String) throws {
        let agreement = try AgreementFile.load(path: CLI.packageRoot.appendingPathComponent("calendars/\(name).yaml").path)
        let plan = try Planner.plan(PlanRequest(agreement: agreement, years: 2027...2030))
        for options in [ICalExportOptions(language: .bokmal), ICalExportOptions(language: .nynorsk),
                        ICalExportOptions(language: .english), ICalExportOptions(language: plan.language, confidential: false)] {
            let components = PlanComponents(plan: plan, options: options, runtime: try LibicalRuntime.shared())
            for event in plan.events + plan.cancelledEvents {
                let written = try #require(components.writtenEvent(event), "\(event.uid) left to libical")
                #expect(written == (try components.event(event).serialized()), "\(event.uid)")
            }
            for deadline in plan.deadlines + plan.cancelledDeadlines {
                let written = try #require(components.writtenDeadlineEvent(deadline), "\(deadline.uid) left to libical")
                #expect(written == (try components.deadlineEvent(deadline).serialized()), "\(deadline.uid)")
            }
        }
    }
}
