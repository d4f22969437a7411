import AarshjulCore
import Foundation
import Testing

/// Known bad inputs (copied from the shared regressions into `Regressions/`)
/// that once broke a hard rule with exit 0.
@Suite(.serialized) struct HardRuleRegressionTests {
    static func regression(_ name: String) -> String {
        CLI.packageRoot.appendingPathComponent("Tests/AarshjulCLITests/Regressions/\(name)").path
    }

    /// UIDs of every VEVENT and VTODO in a folder's .ics files (STATUS per UID).
    static func uids(in folder: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".ics") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for kind in ["VEVENT", "VTODO"] {
                for block in text.components(separatedBy: "BEGIN:\(kind)").dropFirst() {
                    let lines = block.components(separatedBy: "END:\(kind)")[0].components(separatedBy: "\r\n")
                    guard let uid = lines.first(where: { $0.hasPrefix("UID:") }) else { continue }
                    out[String(uid.dropFirst(4))] = lines.first { $0.hasPrefix("STATUS:") } ?? "STATUS:CONFIRMED"
                }
            }
        }
        return out
    }

    @Test func aCancelledMeetingsAgendaDeadlineIsCancelledWithItNeverLost() throws {
        let before = try CLI.temporaryDirectory()
        let planned = try CLI.run(["plan", "calendars/lillestrom.yaml", "--year", "2027", "--out", before.path, "--quiet"])
        #expect(planned.status == 0, "\(planned.stderr)")
        let after = try CLI.temporaryDirectory()
        let result = try CLI.run(["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", before.path,
                                  "--out", after.path,
                                  "--blackout", "2027-07-16..2027-07-19:Sperret", "--blackout", "2027-04-14..2027-04-19:Sperret",
                                  "--blackout", "2027-08-02..2027-08-03:Sperret", "--blackout", "2027-04-21",
                                  "--blackout", "2027-12-22",
                                  "--busy", "seksjonsleder_kultur=" + Self.regression("ind-54-seksjonsleder_kultur.ics"),
                                  "--busy", "seksjonsleder_out=" + Self.regression("ind-54-seksjonsleder_out.ics"),
                                  "--stamp", "2027-02-01T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        let old = try Self.uids(in: before), new = try Self.uids(in: after)
        #expect(!old.isEmpty)
        for uid in old.keys.sorted() { #expect(new[uid] != nil, "\(uid) vanished") }
        // A cancelled meeting's agenda deadline goes with it (cancelled, not lost).
        for (uid, status) in new where status == "STATUS:CANCELLED" && !uid.hasSuffix("-agenda@aarshjul") {
            let agenda = String(uid.dropLast("@aarshjul".count)) + "-agenda@aarshjul"
            if old[agenda] != nil { #expect(new[agenda] == "STATUS:CANCELLED", "\(agenda)") }
        }
        // Repairing the repaired plan again keeps the cancelled to-do (still cancelled, same version).
        let again = try CLI.temporaryDirectory()
        let rerun = try CLI.run(["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", after.path,
                                 "--out", again.path, "--stamp", "2027-03-01T10:00:00Z"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let third = try Self.uids(in: again)
        for uid in new.keys.sorted() { #expect(third[uid] != nil, "\(uid) vanished on the second repair") }
    }

    @Test func twoWeeklySeriesThatNeedOneSlotExitTwoNamingTheSeriesAndWeeks() throws {
        let result = try CLI.run(["plan", Self.regression("weekly-two-series-one-slot.yaml"), "--year", "2027"])
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("B:"), "\(result.stderr)")
        // Every full week: only the holiday-shortened ones (one open Wednesday for two series) are excused.
        #expect(result.stderr.contains("ukene 1–11, 14–17, 19, 21–27, 32–50 i 2027 (én dag i uka)"), "\(result.stderr)")
        #expect(!result.stdout.contains("0 møter"))
    }

    @Test func anAgreedWeekdayTheVenueIsClosedOnExitsTwo() throws {
        let result = try CLI.run(["plan", Self.regression("weekly-wednesday-venue-closed.yaml"), "--year", "2027", "--lang", "en"])
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("A: the agreement says one day a week, on Wednesday"), "\(result.stderr)")
        #expect(result.stderr.contains("weeks 1–52 of 2027"), "\(result.stderr)")
    }
}
