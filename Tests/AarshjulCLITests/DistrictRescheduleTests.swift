import AarshjulCore
import Foundation
import Testing

/// `aarshjul reschedule DISTRICT.yaml`: repairs what `plan DISTRICT.yaml --out` published,
/// after the same validation `check` and `plan` run.
@Suite(.serialized) struct DistrictRescheduleTests {
    func publish(_ district: String) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let result = try CLI.run(["plan", district, "--year", "2027", "--out", dir.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return dir
    }

    func text(_ dir: URL, _ path: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
    }

    /// DTSTART per UID of the events in a feed that are not cancelled.
    func held(_ ics: String) -> [String: String] {
        var out: [String: String] = [:]
        for (uid, block) in RescheduleCommandTests.events(ics) where !block.contains("STATUS:CANCELLED") {
            out[uid] = RescheduleCommandTests.field("DTSTART", block)
        }
        return out
    }

    @Test func blackoutRepairsEveryMemberAndKeepsTheRest() throws {
        let before = try publish("calendars/districts/lillehammer.yaml")
        let after = try CLI.temporaryDirectory()
        let result = try CLI.run(["reschedule", "calendars/districts/lillehammer.yaml", "--year", "2027",
                                  "--previous", before.path, "--blackout", "2027-02-01..2027-02-12:Seminar",
                                  "--stamp", "2027-01-20T10:00:00Z", "--out", after.path])
        #expect(result.status == 0, "\(result.stderr)")
        for member in ["oyer", "lillehammer", "gausdal"] {
            let old = RescheduleCommandTests.events(try text(before, "\(member)/\(member)-2027.ics"))
            let newText = try text(after, "\(member)/\(member)-2027.ics")
            let new = RescheduleCommandTests.events(newText)
            // Nothing lost: every published event is still there (moved, kept or cancelled).
            #expect(Set(old.keys).isSubset(of: Set(new.keys)), "\(member) lost events")
            // Nothing is held in the blackout.
            for (uid, start) in held(newText) {
                let day = start.split(separator: ":").last.map { String($0.prefix(8)) } ?? ""
                #expect(!("20270201"..."20270212").contains(day), "\(member): \(uid) still on \(day)")
            }
            // Kept meetings are byte-identical.
            let unchanged = old.filter { new[$0.key] == $0.value }
            #expect(unchanged.count > old.count / 2, "\(member): only \(unchanged.count) of \(old.count) kept")
            #expect(result.stdout.contains(member == "oyer" ? "Øyer\n" : member.prefix(1).uppercased() + member.dropFirst() + "\n"))
        }
        // The district-wide feeds are written again from the repaired plans.
        let shared = try text(after, "personer/politikontakt_oyer_gausdal-2027.ics")
        for (uid, start) in held(shared) {
            let day = start.split(separator: ":").last.map { String($0.prefix(8)) } ?? ""
            #expect(!("20270201"..."20270212").contains(day), "shared feed: \(uid) still on \(day)")
        }
    }

    @Test func aJointMeetingMovesOnlyWhereTheUserSaysAndThenForEveryMember() throws {
        let before = try publish("calendars/districts/sogn.yaml")
        let uid = "sogn-politirad_lls-2027-01@aarshjul"
        let start = try #require(RescheduleCommandTests.events(try text(before, "luster/luster-2027.ics"))[uid]
            .flatMap { RescheduleCommandTests.field("DTSTART", $0) })
        let day = String(start.split(separator: ":").last!.prefix(8))
        let iso = "\(day.prefix(4))-\(day.dropFirst(4).prefix(2))-\(day.suffix(2))"
        let after = try CLI.temporaryDirectory()
        let base = ["reschedule", "calendars/districts/sogn.yaml", "--year", "2027", "--previous", before.path,
                    "--blackout", "\(iso):Flom", "--stamp", "2027-01-20T10:00:00Z", "--out", after.path]
        // One member alone may not move a meeting it holds with another: it says so and writes nothing.
        let refused = try CLI.run(base)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--pin \(uid)="), "\(refused.stderr)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: after.path))?.isEmpty ?? true)

        // The first later weekday on which neither member holds anything (a presence day would clash).
        var taken = Set<String>()
        for file in ["luster/luster-2027.ics", "sogndal/sogndal-2027.ics"] {
            for start in held(try text(before, file)).values { taken.insert(String(start.split(separator: ":").last!.prefix(8))) }
        }
        var free = try #require(CivilDate(iso: iso))
        repeat { free = free.adding(days: 1) } while free.isWeekend || taken.contains(free.iso.replacingOccurrences(of: "-", with: ""))
        let moved = try CLI.run(base + ["--pin", "\(uid)=\(free.iso)"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let freeDigits = free.iso.replacingOccurrences(of: "-", with: "")
        for file in ["luster/luster-2027.ics", "sogndal/sogndal-2027.ics", "personer/lensmann_sogn-2027.ics"] {
            let block = try #require(RescheduleCommandTests.events(try text(after, file))[uid], "\(file)")
            #expect(RescheduleCommandTests.field("DTSTART", block)?.hasSuffix(":\(freeDigits)T\(start.suffix(6))") == true, "\(file)")
            #expect(RescheduleCommandTests.field("SEQUENCE", block) == "SEQUENCE:1", "\(file)")
        }
    }

    @Test func aBadDistrictGetsTheVerdictCheckAndPlanGive() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("tom.yaml")
        try "district: tom\nname: Tomt distrikt\nmembers: []\n".write(to: file, atomically: true, encoding: .utf8)
        let check = try CLI.run(["check", file.path, "--years", "2027"])
        let plan = try CLI.run(["plan", file.path, "--year", "2027"])
        let reschedule = try CLI.run(["reschedule", file.path, "--year", "2027", "--previous", dir.path, "--dry-run"])
        #expect(check.status == 1)
        #expect(reschedule.status == check.status && plan.status == check.status)
        #expect(reschedule.stderr == check.stderr && plan.stderr == check.stderr, "\(check.stderr)\n\(reschedule.stderr)")
        #expect(check.stderr.contains("tom.yaml:3:"))
    }

    @Test func aMemberMissingFromThePreviousFolderIsNamed() throws {
        let before = try publish("calendars/districts/lillehammer.yaml")
        try FileManager.default.removeItem(at: before.appendingPathComponent("gausdal"))
        let result = try CLI.run(["reschedule", "calendars/districts/lillehammer.yaml", "--year", "2027",
                                  "--previous", before.path, "--dry-run"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("gausdal/gausdal-2027.ics"), "\(result.stderr)")
    }
}
