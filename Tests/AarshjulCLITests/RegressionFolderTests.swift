import Foundation
import Testing

/// Every file in `Regressions/` (the shared regression folder's files, plus
/// the ones the mutation campaign and earlier sessions added) goes through
/// the command its README gives, and ends as that README says it must: in
/// bounded time and memory, exit 1 with `file:line:` or exit 2 naming the
/// series, or (the two files that once lost or overflowed a published
/// event) exit 0 with nothing lost. A file with no entry here fails the test,
/// so a new regression input cannot be added without being run.
@Suite(.serialized) struct RegressionFolderTests {
    /// Paths relative to `Regressions/`, in the folder (fuzz findings are replayed by FuzzFindingsTests).
    static var files: [String] {
        let root = RegressionTests.folder.path
        let all = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return all.filter { path in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            return !isFolder.boolValue && !path.hasPrefix("fuzz/") && !path.hasSuffix("README.md")
        }.sorted()
    }

    /// How each file must end: the exit status and text the message must hold.
    enum Outcome { case refused(located: String), noPlan(naming: String), kept }

    static func outcome(_ file: String) -> Outcome? {
        let name = (file as NSString).lastPathComponent
        switch name {
        case "duration-overflow.yaml": return .refused(located: "duration-overflow.yaml:19:15:")
        case "district-no-members.yaml": return .refused(located: "district-no-members.yaml:3:")
        case "weekly-two-series-one-slot.yaml": return .noPlan(naming: "B:")
        case "weekly-wednesday-venue-closed.yaml": return .noPlan(naming: "A:")
        case "rrule-secondly.ics", "rrule-minutely-1601.ics", "rrule-byminute-bysecond.ics": return .refused(located: "\(name):9:7:")
        case "rrule-rscale.ics", "vtimezone-minutely.ics": return .refused(located: "\(name):8:7:")
        case "vtimezone-daily-rscale.ics": return .refused(located: "\(name):8:18:")
        case "busy-event-from-1601.ics": return .noPlan(naming: "Politiråd")
        case "sequence-2147483647-lillestrom-2027.ics", "ind-54-seksjonsleder_kultur.ics", "ind-54-seksjonsleder_out.ics":
            return .kept
        default: return nil
        }
    }

    @Test func theFolderHoldsEveryInputTheSharedReadmeNames() {
        let names = Set(Self.files.map { ($0 as NSString).lastPathComponent })
        for shared in ["duration-overflow.yaml", "district-no-members.yaml", "weekly-two-series-one-slot.yaml",
                       "weekly-wednesday-venue-closed.yaml", "rrule-secondly.ics", "vtimezone-daily-rscale.ics",
                       "sequence-2147483647-lillestrom-2027.ics", "ind-54-seksjonsleder_kultur.ics",
                       "ind-54-seksjonsleder_out.ics"] {
            #expect(names.contains(shared), "\(shared) is missing from Regressions/")
        }
        #expect(Self.files.contains("lost-todo/ind-54-seksjonsleder_out.ics"))
    }

    @Test func everyFileEndsAsItsReadmeSays() throws {
        let dir = try CLI.temporaryDirectory()
        let previous = dir.appendingPathComponent("prev")
        let planned = try CLI.run(["plan", "calendars/lillestrom.yaml", "--year", "2027", "--out", previous.path, "--quiet"])
        try #require(planned.status == 0, "\(planned.stderr)")
        let published = try HardRuleRegressionTests.uids(in: previous)
        var ran = 0
        var pairsRun: Set<String> = []
        for file in Self.files {
            let path = RegressionTests.fixture(file)
            guard let outcome = Self.outcome(file) else {
                Issue.record("\(file): no command and outcome for this regression input (add it to RegressionFolderTests)")
                continue
            }
            let result: CLI.Result
            let name = (file as NSString).lastPathComponent
            if name.hasPrefix("sequence-") {
                // Copied in as the published plan, then one meeting moved: SEQUENCE+1 once crashed.
                let held = dir.appendingPathComponent("held-\(ran)")
                try FileManager.default.createDirectory(at: held, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: path, toPath: held.appendingPathComponent("lillestrom-2027.ics").path)
                let out = dir.appendingPathComponent("new-\(ran)")
                result = try RegressionTests.bounded(["reschedule", "calendars/lillestrom.yaml", "--year", "2027",
                                                      "--previous", held.path, "--out", out.path, "--blackout", "2027-03-01"])
                let written = try String(contentsOfFile: out.appendingPathComponent("lillestrom-2027.ics").path, encoding: .utf8)
                #expect(written.contains("SEQUENCE:2147483647") && !written.contains("SEQUENCE:-"), "\(file)")
            } else if name.hasPrefix("ind-54-") {
                // The lost-todo pair: both calendars, the README's blackouts; every published UID stays.
                let folder = (path as NSString).deletingLastPathComponent
                if !pairsRun.insert(folder).inserted { ran += 1; continue }  // run once per folder, for both files
                let out = dir.appendingPathComponent("new-\(ran)")
                result = try RegressionTests.bounded([
                    "reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", previous.path, "--out", out.path,
                    "--blackout", "2027-07-16..2027-07-19:Sperret", "--blackout", "2027-04-14..2027-04-19:Sperret",
                    "--blackout", "2027-08-02..2027-08-03:Sperret", "--blackout", "2027-04-21", "--blackout", "2027-12-22",
                    "--busy", "seksjonsleder_kultur=\(folder)/ind-54-seksjonsleder_kultur.ics",
                    "--busy", "seksjonsleder_out=\(folder)/ind-54-seksjonsleder_out.ics"])
                let after = try HardRuleRegressionTests.uids(in: out)
                for uid in published.keys.sorted() { #expect(after[uid] != nil, "\(file): \(uid) vanished") }
            } else if name.hasSuffix(".yaml") {
                var arguments = ["plan", path, "--year", "2027"]
                if name.hasPrefix("district-") { arguments += ["--out", dir.appendingPathComponent("out-\(ran)").path] }
                result = try RegressionTests.bounded(arguments)
            } else if name.hasPrefix("rrule-secondly") || name.hasPrefix("vtimezone-daily") {
                // The README's own command: a busy calendar given to reschedule.
                result = try RegressionTests.bounded(["reschedule", "calendars/lillestrom.yaml", "--year", "2027",
                                                      "--previous", previous.path, "--busy", "ordforer=" + path, "--dry-run"])
            } else {
                result = try RegressionTests.bounded(["plan", try RegressionTests.agreementWithBusy(path, in: dir, name: "r\(ran).yaml"),
                                                      "--year", "2027"])
            }
            ran += 1
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("NSCocoaErrorDomain"), "\(file): \(result.stderr)")
            switch outcome {
            case .refused(let located):
                #expect(result.status == 1, "\(file): exit \(result.status): \(result.stderr)")
                #expect(result.stderr.contains(located), "\(file): \(result.stderr)")
            case .noPlan(let naming):
                #expect(result.status == 2, "\(file): exit \(result.status): \(result.stderr)")
                #expect(result.stderr.contains(naming), "\(file): \(result.stderr)")
            case .kept:
                #expect(result.status == 0, "\(file): exit \(result.status): \(result.stderr)")
            }
        }
        #expect(ran == Self.files.count && ran >= 16, "ran \(ran) of \(Self.files.count) files")
    }
}
