import Foundation
import Testing

/// `publish --to` and `plan --svg` as a user runs them.
@Suite struct PublishCommandTests {
    static func calendars() throws -> URL {
        let dir = try CLI.temporaryDirectory().appendingPathComponent("calendars")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("calendars/flakstad.yaml"),
                                         to: dir.appendingPathComponent("flakstad.yaml"))
        return dir
    }

    /// No plan keeps every hard rule (the town hall closed all of 2027, and
    /// the politiråd meets three times a year): publish says which file and rule,
    /// exits 2 as `plan` does, and writes no site.
    @Test func anAgreementNoPlanCanKeepExits2AndWritesNothing() throws {
        let calendars = try Self.calendars()
        let file = calendars.appendingPathComponent("flakstad.yaml")
        try (try String(contentsOf: file, encoding: .utf8) + "\nblackouts:\n  - {from: 2027-01-01, to: 2027-12-31, reason: Ombygging}\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let site = calendars.deletingLastPathComponent().appendingPathComponent("site")
        let result = try CLI.run(["publish", calendars.path, "--to", site.path, "--years", "2027"])
        #expect(result.status == 2, "stderr: \(result.stderr)")
        // Said in bokmål by default, in English when asked.
        #expect(result.stderr.contains("flakstad.yaml: kan ikke planlegges") && result.stderr.contains("Ombygging"), "\(result.stderr)")
        #expect(!result.stderr.contains("cannot be planned"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.path))
        let english = try CLI.run(["publish", calendars.path, "--to", site.path, "--years", "2027", "--lang", "en"])
        #expect(english.status == 2 && english.stderr.contains("flakstad.yaml: cannot be planned"), "\(english.stderr)")
    }

    @Test func publishWritesTheSiteAndASecondRunTouchesNothing() throws {
        let calendars = try Self.calendars()
        let site = calendars.deletingLastPathComponent().appendingPathComponent("site")
        let first = try CLI.run(["publish", calendars.path, "--to", site.path, "--years", "2027"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"flakstad/index.html\""))
        // The pages link the year-free addresses; the year's archive is there too, at the old address.
        let page = try String(contentsOf: site.appendingPathComponent("flakstad/index.html"), encoding: .utf8)
        #expect(index.contains("\"flakstad.ics\"") && page.contains("\"../flakstad/politirad.ics\""))
        #expect(!index.contains("flakstad-2027.ics") && !page.contains("flakstad-2027.ics"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("flakstad/flakstad-2027.ics").path))
        // The wheel is on the municipality's own page.
        #expect(page.contains("<svg") && !page.contains("private/"))
        let feed = try String(contentsOf: site.appendingPathComponent("flakstad/flakstad-politirad-2027.ics"), encoding: .utf8)
        #expect(feed.contains("BEGIN:VEVENT") && !feed.contains("ATTENDEE") && !feed.contains("DESCRIPTION"))
        // The full feeds sit under private/<token>/ and are never linked from the index.
        let tokens = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("private").path)
            .filter { $0 != "index.html" }
        #expect(tokens.count > 1 && tokens.allSatisfy { $0.count == 32 })
        #expect(!index.contains("private/"))
        // State and secret went to the hidden state folder, so the second run keeps identities.
        #expect(FileManager.default.fileExists(atPath: calendars.appendingPathComponent(".aarshjul-state/secret").path))
        let second = try CLI.run(["publish", calendars.path, "--to", site.path, "--years", "2027"])
        // The counts are said in bokmål by default, nynorsk or English when asked.
        #expect(first.stdout.contains(" skrevet, 0 uendret, 0 fjernet"), "stdout: \(first.stdout)")
        #expect(second.stdout.contains(": 0 skrevet, "), "stdout: \(second.stdout)")
        let nynorsk = try CLI.run(["publish", calendars.path, "--to", site.path, "--years", "2027", "--lang", "nn"])
        #expect(nynorsk.stdout.contains(": 0 skrivne, ") && nynorsk.stdout.contains(" uendra, 0 fjerna"), "stdout: \(nynorsk.stdout)")
        let english = try CLI.run(["publish", calendars.path, "--to", site.path, "--years", "2027", "--lang", "en"])
        #expect(english.stdout.contains(": 0 written, "), "stdout: \(english.stdout)")
    }

    @Test func planWritesTheWheel() throws {
        let dir = try CLI.temporaryDirectory()
        let svg = dir.appendingPathComponent("flakstad.svg")
        let result = try CLI.run(["plan", "calendars/flakstad.yaml", "--year", "2027", "--quiet", "--svg", svg.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.contains("<svg") && text.contains("Flakstad") && text.contains("januar"))
    }

    @Test func missingFolderIsSaidPlainly() throws {
        let result = try CLI.run(["serve", "no-such-folder", "--port", "1"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("'no-such-folder' is not a folder"), "stderr: \(result.stderr)")
    }
}
