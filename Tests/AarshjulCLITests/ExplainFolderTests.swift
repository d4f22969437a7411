import Foundation
import Testing

/// `explain` on a plan folder speaks of the dates published there, after a reschedule too.
@Suite struct ExplainFolderTests {
    @Test func explainsTheRescheduledDateFromThePlanFolder() throws {
        let out = try CLI.temporaryDirectory().appendingPathComponent("stjordal-2027")
        #expect(try CLI.run(["plan", "calendars/stjordal.yaml", "--year", "2027", "--out", out.path, "--quiet"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("agreement.yaml").path))
        // The first politiråd is on 26 April (golden plan); close that day and repair.
        let repaired = try CLI.run(["reschedule", "calendars/stjordal.yaml", "--year", "2027", "--previous", out.path,
                                    "--blackout", "2027-04-26:Budsjettseminar", "--stamp", "2027-02-01T10:00:00Z", "--out", out.path])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.stdout.contains("Budsjettseminar"))
        let result = try CLI.run(["explain", out.path, "--year", "2027", "--event", "stjordal-politirad-2027-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Politiråd: "))
        #expect(!result.stdout.contains("26.4.2027 09:00"), "explained the old date: \(result.stdout)")
        let fresh = try CLI.run(["explain", "calendars/stjordal.yaml", "--year", "2027", "--event", "stjordal-politirad-2027-01"])
        #expect(fresh.stdout.contains("26.4.2027"))
    }

    @Test func aFolderWithoutAnAgreementSaysWhatToGiveInstead() throws {
        let empty = try CLI.temporaryDirectory()
        let result = try CLI.run(["explain", empty.path, "--year", "2027", "--event", "2027-03-31"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Name the agreement (or district) file instead"))
    }
}
