import Foundation
import Testing

/// The text plan of each shipped agreement for 2027, as a coordinator reads
/// it, compared with the reviewed copy in Golden/. Re-record after an
/// intended change with `AARSHJUL_RECORD_GOLDEN=1 swift test --filter GoldenPlanTests`,
/// then read the diff before committing it.
@Suite struct GoldenPlanTests {
    static let municipalities = ["luster", "flakstad", "stjordal", "lillestrom", "oyer"]

    @Test(arguments: municipalities)
    func textPlanMatchesGolden(name: String) throws {
        let result = try CLI.run(["plan", "calendars/\(name).yaml", "--year", "2027"])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = CLI.packageRoot.appendingPathComponent("Tests/AarshjulCLITests/Golden/\(name)-2027.txt")
        if ProcessInfo.processInfo.environment["AARSHJUL_RECORD_GOLDEN"] == "1" {
            try result.stdout.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(result.stdout == expected, "text plan for \(name) differs from \(golden.lastPathComponent)")
    }

    @Test func englishOnRequest() throws {
        let result = try CLI.run(["plan", "calendars/luster.yaml", "--year", "2027", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("January"))
        #expect(!result.stdout.contains("januar"))
    }

    @Test func lusterIsInNynorsk() throws {
        let result = try CLI.run(["plan", "calendars/luster.yaml", "--year", "2027"])
        #expect(result.stdout.contains("møte"))
        #expect(result.stdout.contains("tys") || result.stdout.contains("måndag") || result.stdout.contains("mån"))
    }
}
