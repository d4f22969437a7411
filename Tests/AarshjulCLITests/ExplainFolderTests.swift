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
        #expect(!result.stdout.contains("26.04.2027 09:00"), "explained the old date: \(result.stdout)")
        let fresh = try CLI.run(["explain", "calendars/stjordal.yaml", "--year", "2027", "--event", "stjordal-politirad-2027-01"])
        #expect(fresh.stdout.contains("26.04.2027"))
    }

    @Test func aFolderWithoutAnAgreementSaysWhatToGiveInstead() throws {
        let empty = try CLI.temporaryDirectory()
        let result = try CLI.run(["explain", empty.path, "--year", "2027", "--event", "2027-03-31"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Gi avtalefilen (eller distriktsfilen) i stedet"), "\(result.stderr)")
        let english = try CLI.run(["explain", empty.path, "--year", "2027", "--event", "2027-03-31", "--lang", "en"])
        #expect(english.status == 1)
        #expect(english.stderr.contains("Name the agreement (or district) file instead"))
    }

    /// A date with two events explains both, in plan order (Øyer 31 March 2027:
    /// the police contact's day and the lower secondary school meeting, golden plan).
    @Test func aDateWithTwoEventsExplainsBoth() throws {
        let result = try CLI.run(["explain", "calendars/oyer.yaml", "--year", "2027", "--event", "2027-03-31"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Politikontakten i Øyer: onsdag 31.03.2027"), "\(result.stdout)")
        #expect(result.stdout.contains("\n\nMøte med ansatte ved ungdomsskolen: onsdag 31.03.2027 09:00–10:00"), "\(result.stdout)")
        let byUID = try CLI.run(["explain", "calendars/oyer.yaml", "--year", "2027", "--event", "oyer-politirad-2027-01"])
        #expect(byUID.stdout.hasPrefix("Politiråd: ") && !byUID.stdout.contains("Politikontakten i Øyer:"))
    }

    /// Not found: said in the agreement's language (nynorsk for Luster).
    @Test func notFoundInTheRunsLanguage() throws {
        let result = try CLI.run(["explain", "calendars/luster.yaml", "--year", "2027", "--event", "2027-01-01"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("er verken UID-en til ei hending"), "\(result.stderr)")
    }

    /// A district's output folder explains the dates published there, for any member.
    @Test func explainsADistrictFolder() throws {
        let out = try CLI.temporaryDirectory().appendingPathComponent("lillehammer")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let plan = try CLI.run(["plan", "calendars/districts/lillehammer.yaml", "--year", "2027", "--out", out.path, "--quiet"])
        #expect(plan.status == 0, "\(plan.stderr)")
        for uid in ["oyer-politirad-2027-01", "gausdal-politirad-2027-01", "lillehammer-slt-2027-01"] {
            let r = try CLI.run(["explain", out.path, "--year", "2027", "--event", uid])
            #expect(r.status == 0, "\(uid): \(r.stderr)")
            let feed = try String(contentsOf: out.appendingPathComponent(String(uid.prefix { $0 != "-" }))
                .appendingPathComponent("\(uid.prefix { $0 != "-" })-2027.ics"), encoding: .utf8)
            // The explained date is the one the member's published feed gives the event.
            let lines = feed.components(separatedBy: "\r\n")
            let at = lines.firstIndex { $0 == "UID:\(uid)@aarshjul" }!
            let start = lines[at...].first { $0.hasPrefix("DTSTART") }!
            let ymd = String(start.split(separator: ":").last!.prefix(8))
            let shown = "\(ymd.suffix(2)).\(ymd.dropFirst(4).prefix(2)).\(ymd.prefix(4))"
            #expect(r.stdout.contains(shown), "\(uid): \(r.stdout.prefix(200)) does not show \(shown)")
        }
    }

    /// `explain AGREEMENT.yaml` plans as `plan` does, busy calendars named in the
    /// agreement included: it explains the event on the date plan gave it.
    @Test func explainHonoursTheAgreementsBusyCalendars() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOf: CLI.packageRoot.appendingPathComponent("calendars/lillestrom.yaml"), encoding: .utf8)
        text += "\nbusy_calendars:\n  ordforer: ordforer.ics\n"
        try text.write(to: dir.appendingPathComponent("lillestrom.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("calendars/examples/ordforer.ics"),
                                         to: dir.appendingPathComponent("ordforer.ics"))
        let busy = try CLI.run(["plan", dir.appendingPathComponent("lillestrom.yaml").path, "--year", "2027"])
        let free = try CLI.run(["plan", "calendars/lillestrom.yaml", "--year", "2027"])
        #expect(busy.status == 0, "\(busy.stderr)")
        func councilDates(_ text: String) -> [String] {
            text.split(separator: "\n").filter { $0.contains("Politiråd (") }.map { String($0.dropFirst(6).prefix(6)) }
        }
        let moved = zip(councilDates(busy.stdout), councilDates(free.stdout)).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(!moved.isEmpty, "the mayor's calendar should move some politiråd")
        for (index, pair) in moved {
            let uid = "lillestrom-politirad-2027-0\(index + 1)"
            let r = try CLI.run(["explain", dir.appendingPathComponent("lillestrom.yaml").path, "--year", "2027", "--event", uid])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains(pair.0 + "2027"), "\(uid) explained on another day than plan gave it (\(pair.0)): \(r.stdout.prefix(120))")
        }
    }
}
