import Testing
import AarshjulICal
@testable import AarshjulCore

@Test func scratchPrint() throws {
    let files = try ICalExporter.files(for: PlanFixtures.plan(), options: ICalExportOptions(language: .bokmal))
    for f in files { print("#### \(f.name)"); print(f.contents) }
}
