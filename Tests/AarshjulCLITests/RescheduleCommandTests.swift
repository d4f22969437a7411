import AarshjulCore
import Foundation
import Testing

/// `aarshjul reschedule` as a user runs it on a published Lillestrøm plan.
@Suite(.serialized) struct RescheduleCommandTests {
    /// VEVENT blocks by UID.
    static func events(_ ics: String) -> [String: String] {
        var out: [String: String] = [:]
        for block in ics.components(separatedBy: "BEGIN:VEVENT").dropFirst() {
            let body = block.components(separatedBy: "END:VEVENT")[0]
            guard let line = body.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("UID:") }) else { continue }
            out[String(line.dropFirst(4))] = body
        }
        return out
    }

    static func field(_ name: String, _ block: String) -> String? {
        block.components(separatedBy: "\r\n").first { $0.hasPrefix(name) }
    }

    func publish() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let result = try CLI.run(["plan", "calendars/lillestrom.yaml", "--year", "2027", "--out", dir.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return dir
    }

    /// The date of the second SLT meeting as YYYY-MM-DD, and its UID.
    func secondSLT(_ ics: String) -> (uid: String, date: String) {
        let slt = Self.events(ics).filter { $0.value.contains("X-AARSHJUL-SERIES:slt_mote") }
        let (uid, block) = slt.sorted { Self.field("DTSTART", $0.value)! < Self.field("DTSTART", $1.value)! }[1]
        let digits = Self.field("DTSTART", block)!.split(separator: ":").last!.prefix(8)
        return (uid, "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))")
    }

    @Test func blackoutMovesOneMeetingAndKeepsTheRestByteIdentical() throws {
        let before = try publish()
        let old = try String(contentsOf: before.appendingPathComponent("lillestrom-2027.ics"), encoding: .utf8)
        let (uid, day) = secondSLT(old)
        let after = try CLI.temporaryDirectory()
        let result = try CLI.run(["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", before.path,
                                  "--blackout", "\(day):Bisettelse", "--stamp", "2027-02-01T10:00:00Z", "--out", after.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Endringer: 1 flyttet, 0 avlyst, 0 nye"))
        #expect(result.stdout.contains("SLT-møte \(day.suffix(2)).\(day.dropFirst(5).prefix(2)). → "))
        #expect(result.stdout.contains(": Bisettelse"))
        let new = try String(contentsOf: after.appendingPathComponent("lillestrom-2027.ics"), encoding: .utf8)
        let oldEvents = Self.events(old), newEvents = Self.events(new)
        #expect(Set(oldEvents.keys) == Set(newEvents.keys))
        // The moved meeting's agenda deadline moves with it.
        for (key, block) in oldEvents where key != uid && !block.contains("RELATED-TO:\(uid)") {
            #expect(newEvents[key] == block, "\(key) changed")
        }
        let moved = try #require(newEvents[uid])
        #expect(Self.field("SEQUENCE", moved) == "SEQUENCE:1")
        #expect(Self.field("DTSTAMP", moved) == "DTSTAMP:20270201T100000Z")
        #expect(Self.field("LAST-MODIFIED", moved) == "LAST-MODIFIED:20270201T100000Z")
        #expect(Self.field("DTSTART", moved) != Self.field("DTSTART", oldEvents[uid]!))
        #expect(FileManager.default.fileExists(atPath: after.appendingPathComponent("plan.txt").path))

        // Repairing the repaired plan with nothing new changes nothing (no false hand edits).
        let again = try CLI.temporaryDirectory()
        let second = try CLI.run(["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", after.path,
                                  "--blackout", "\(day):Bisettelse", "--stamp", "2027-03-01T10:00:00Z", "--out", again.path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasPrefix("Endringer: 0 flyttet, 0 avlyst, 0 nye"))
        #expect(try String(contentsOf: again.appendingPathComponent("lillestrom-2027.ics"), encoding: .utf8) == new)
    }

    @Test func blackoutWrittenIntoTheAgreementMovesTheMeetingAndIsNoHandEdit() throws {
        let before = try publish()
        let old = try String(contentsOf: before.appendingPathComponent("lillestrom-2027.ics"), encoding: .utf8)
        let (uid, day) = secondSLT(old)
        // The coordinator adds the blackout to the agreement file instead of passing --blackout.
        let edited = try CLI.temporaryDirectory().appendingPathComponent("lillestrom.yaml")
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent("calendars/lillestrom.yaml"), encoding: .utf8)
        try (text + "\nblackouts:\n  - {date: \(day), reason: Bisettelse}\n").write(to: edited, atomically: true, encoding: .utf8)
        let after = try CLI.temporaryDirectory()
        let result = try CLI.run(["reschedule", edited.path, "--year", "2027", "--previous", before.path,
                                  "--stamp", "2027-02-01T10:00:00Z", "--out", after.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(": Bisettelse"))
        let moved = try #require(Self.events(try String(contentsOf: after.appendingPathComponent("lillestrom-2027.ics"),
                                                          encoding: .utf8))[uid])
        #expect(Self.field("SEQUENCE", moved) == "SEQUENCE:1")
        #expect(Self.field("X-AARSHJUL-DATE", moved) != "X-AARSHJUL-DATE:\(day)")
    }

    @Test func anEventMovedByHandInThePublishedFileIsKeptWhereThePersonPutIt() throws {
        let before = try publish()
        let file = before.appendingPathComponent("lillestrom-2027.ics")
        let old = try String(contentsOf: file, encoding: .utf8)
        let (uid, day) = secondSLT(old)
        // Someone moves the meeting one day later in the published calendar (DTSTART/DTEND only).
        let block = try #require(Self.events(old)[uid])
        let digits = day.replacingOccurrences(of: "-", with: "")
        let next = CivilDateText.next(digits)
        let edited = block.replacingOccurrences(of: "DTSTART;TZID=Europe/Oslo:\(digits)", with: "DTSTART;TZID=Europe/Oslo:\(next)")
            .replacingOccurrences(of: "DTEND;TZID=Europe/Oslo:\(digits)", with: "DTEND;TZID=Europe/Oslo:\(next)")
        try old.replacingOccurrences(of: block, with: edited).write(to: file, atomically: true, encoding: .utf8)
        let after = try CLI.temporaryDirectory()
        let result = try CLI.run(["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", before.path,
                                  "--stamp", "2027-02-01T10:00:00Z", "--out", after.path])
        #expect(result.status == 0, "\(result.stderr)")
        let kept = try #require(Self.events(try String(contentsOf: after.appendingPathComponent("lillestrom-2027.ics"),
                                                         encoding: .utf8))[uid])
        #expect(Self.field("DTSTART", kept) == "DTSTART;TZID=Europe/Oslo:\(next)T090000" || kept.contains(":\(next)T"),
                "the hand-moved date was not kept: \(Self.field("DTSTART", kept) ?? "")")
    }

    @Test func dryRunWritesNothingAndSpeaksNynorsk() throws {
        let before = try publish()
        let old = try String(contentsOf: before.appendingPathComponent("lillestrom-2027.ics"), encoding: .utf8)
        let (_, day) = secondSLT(old)
        let out = try CLI.temporaryDirectory().appendingPathComponent("new")
        let result = try CLI.run(["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", before.path,
                                  "--blackout", day, "--dry-run", "--lang", "nn", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Endringar: 1 flytta"))
        #expect(result.stdout.contains("--dry-run"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let unchanged = try String(contentsOf: before.appendingPathComponent("lillestrom-2027.ics"), encoding: .utf8)
        #expect(unchanged == old)
    }

    @Test func busyFileOfUnknownOwnerIsExplainedAndBrokenFileNamesLine() throws {
        let before = try publish()
        let dir = try CLI.temporaryDirectory()
        let calendar = dir.appendingPathComponent("kalender.ics")
        try String(contentsOf: CLI.packageRoot.appendingPathComponent("Tests/AarshjulICalTests/Fixtures/outlook.ics"), encoding: .utf8)
            .write(to: calendar, atomically: true, encoding: .utf8)
        let unnamed = try CLI.run(["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", before.path,
                                   "--busy", calendar.path, "--dry-run"])
        #expect(unnamed.status != 0)
        #expect(unnamed.stderr.contains("cannot tell whose calendar this is"))
        #expect(unnamed.stderr.contains("PERSONID="))
        let broken = CLI.packageRoot.appendingPathComponent("Tests/AarshjulICalTests/Fixtures/broken.ics").path
        let result = try CLI.run(["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", before.path,
                                  "--busy", "ordforer=\(broken)", "--dry-run"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.ics:10:1:"))
        let warned = try CLI.run(["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", before.path,
                                  "--busy", "ordforer=Tests/AarshjulICalTests/Fixtures/lic-errors.ics", "--dry-run"])
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(warned.stderr.contains("warning: Tests/AarshjulICalTests/Fixtures/lic-errors.ics:15:1:"))
    }
}

/// YYYYMMDD of the next working day that is no public holiday, for editing a DTSTART in a test.
enum CivilDateText {
    static func next(_ digits: String) -> String {
        var date = CivilDate(year: Int(digits.prefix(4))!, month: Int(digits.dropFirst(4).prefix(2))!, day: Int(digits.suffix(2))!)!
        repeat {
            date = date.adding(days: 1)
        } while date.isWeekend || PublicHolidays.holidays(in: date.year).contains { $0.date == date }
        return date.iso.replacingOccurrences(of: "-", with: "")
    }
}
