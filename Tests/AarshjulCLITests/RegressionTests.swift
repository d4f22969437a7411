import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Every known bad input (`Regressions/`, copied from the shared regression
/// folder, and the classes its README lists without a file) ends quickly,
/// in bounded memory, with exit 1 or 2 and a message naming the file and,
/// where there is one, the line. `check` gives the same verdict as `plan`.
@Suite struct RegressionTests {
    static let folder = CLI.packageRoot.appendingPathComponent("Tests/AarshjulCLITests/Regressions")
    static func fixture(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A run held to `seconds` (killed after, and reported as a failure).
    /// A hang guard, not a speed claim: the debug build on a loaded machine
    /// is several times slower than the release figures in docs/limits.md.
    static func bounded(_ arguments: [String], seconds: Double = 60, environment: [String: String] = [:]) throws -> CLI.Result {
        let started = Date()
        let result = try CLI.run(arguments, timeout: seconds * 1.5, environment: environment)
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < seconds, "\(arguments.joined(separator: " ")) took \(elapsed) s")
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #expect(usage.ru_maxrss < 300 * 1024, "a child used \(usage.ru_maxrss / 1024) MB")
        return result
    }

    /// A one-series agreement whose politikontakt has `busy` as busy calendar.
    static func agreementWithBusy(_ busy: String, in dir: URL, name: String = "busy.yaml") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try """
        id: testkommune
        municipality: Testkommune
        county: akershus
        people:
          - id: politikontakt
            role: Politikontakt
        venues:
          - id: radhuset
            name: Rådhuset
            office_hours: {mon-fri: "08:00-15:30"}
        series:
          - id: politirad
            title: Politiråd
            rule: {per_quarter: 1}
            venue: radhuset
            duration: 1h
            attendees: [politikontakt]
        busy_calendars:
          politikontakt: \(busy)
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// plan and check both refuse with `status`, naming `located` (file:line…).
    static func bothRefuse(_ file: String, status: Int32, located: String, mentioning: String? = nil) throws {
        let plan = try bounded(["plan", file, "--year", "2027"])
        let check = try bounded(["check", file, "--years", "2027"])
        #expect(plan.status == status, "plan: \(plan.stderr)")
        #expect(check.status == plan.status, "check: \(check.stderr) vs plan: \(plan.stderr)")
        #expect(plan.stderr.contains(located), "plan: \(plan.stderr)")
        #expect(check.stderr == plan.stderr)
        if let mentioning { #expect(plan.stderr.contains(mentioning), "plan: \(plan.stderr)") }
        #expect(!plan.stderr.contains("Fatal error") && !plan.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test func durationOverflowIsALocatedError() throws {
        try Self.bothRefuse(Self.fixture("duration-overflow.yaml"), status: 1,
                            located: "duration-overflow.yaml:19:15", mentioning: "24h")
    }

    @Test func districtWithoutMembersIsRefused() throws {
        let out = try CLI.temporaryDirectory().appendingPathComponent("out").path
        let plan = try Self.bounded(["plan", Self.fixture("district-no-members.yaml"), "--year", "2027", "--out", out])
        #expect(plan.status == 1, "\(plan.stderr)")
        #expect(plan.stderr.contains("district-no-members.yaml:3:"), "\(plan.stderr)")
        #expect(plan.stderr.contains("distriktet har ingen medlemmer; forventet minst ett medlem"), "\(plan.stderr)")
        let english = try Self.bounded(["check", Self.fixture("district-no-members.yaml"), "--years", "2027", "--lang", "en"])
        #expect(english.stderr.contains("the district has no members; expected at least one member"), "\(english.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        try Self.bothRefuse(Self.fixture("district-no-members.yaml"), status: 1, located: "district-no-members.yaml:3:")
    }

    @Test(arguments: [
        // line:column of the part to change: the rule's FREQ=, or its RSCALE=.
        ("rrule-secondly.ics", "9:7", "AARSHJUL_"),
        ("rrule-minutely-1601.ics", "9:7", "AARSHJUL_"),
        ("rrule-byminute-bysecond.ics", "9:7", "AARSHJUL_"),
        ("rrule-rscale.ics", "8:7", "RSCALE=CHINESE"),
        ("vtimezone-daily-rscale.ics", "8:18", "RSCALE=CHINESE"),
        ("vtimezone-minutely.ics", "8:7", "20 000"),
    ])
    func runawayBusyCalendarIsRefusedNamingTheLineAndLimit(file: String, line: String, limit: String) throws {
        let dir = try CLI.temporaryDirectory()
        let agreement = try Self.agreementWithBusy(Self.fixture(file), in: dir)
        try Self.bothRefuse(agreement, status: 1, located: "\(file):\(line):", mentioning: limit)
    }

    /// A refused calendar is told in the plan's language: the agreement's own
    /// (bokmål here), or the one --lang asks for, at the column of the part to change.
    @Test func calendarErrorsSpeakThePlansLanguage() throws {
        let dir = try CLI.temporaryDirectory()
        let agreement = try Self.agreementWithBusy(Self.fixture("rrule-secondly.ics"), in: dir)
        let said = try Self.bounded(["check", agreement, "--years", "2027"])
        #expect(said.stderr.contains("rrule-secondly.ics:9:7: RRULE-en til denne hendelsen trenger mer enn 200 000 steg"), "\(said.stderr)")
        #expect(said.stderr.contains("; forventet en regel som gjentas daglig eller sjeldnere"), "\(said.stderr)")
        let english = try Self.bounded(["check", agreement, "--years", "2027", "--lang", "en"])
        #expect(english.stderr.contains("rrule-secondly.ics:9:7: this event's RRULE needs more than 200 000 steps"), "\(english.stderr)")
        let nynorsk = try Self.bounded(["check", agreement, "--years", "2027", "--lang", "nn"])
        #expect(nynorsk.stderr.contains("rrule-secondly.ics:9:7: RRULE-en til denne hendinga treng meir enn 200 000 steg"), "\(nynorsk.stderr)")
        #expect(nynorsk.status == 1 && english.status == 1 && said.status == 1)
    }

    /// A mutated busy calendar whose weekly event got a stray `DTSTART:16010101T000000Z`
    /// before its real one: every occurrence lasts from 1601 to 2027. Walking each
    /// occurrence's days took 130 s and 1.3 GB (release) before the reader cut them
    /// to the planning horizon; now the person is simply busy all of 2027 and the
    /// plan says so at once.
    @Test func aBusyEventLastingCenturiesIsCutToTheHorizon() throws {
        let dir = try CLI.temporaryDirectory()
        let agreement = try Self.agreementWithBusy(Self.fixture("busy-event-from-1601.ics"), in: dir)
        let plan = try Self.bounded(["plan", agreement, "--year", "2027"], seconds: 30)
        #expect(plan.status == 2, "\(plan.stderr)")
        #expect(plan.stderr.contains("Politiråd"), "\(plan.stderr)")
        #expect(!plan.stderr.contains("Fatal error"))
    }

    @Test func runawaySkoleruteIsRefusedToo() throws {
        let dir = try CLI.temporaryDirectory()
        let out = dir.appendingPathComponent("prev").path
        #expect(try CLI.run(["plan", "calendars/lillestrom.yaml", "--year", "2027", "--out", out, "--quiet"]).status == 0)
        let result = try Self.bounded(["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", out,
                                       "--school-calendar", Self.fixture("vtimezone-daily-rscale.ics"), "--dry-run"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("vtimezone-daily-rscale.ics:8:"), "\(result.stderr)")
        let secondly = try Self.bounded(["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", out,
                                         "--busy", "ordforer=" + Self.fixture("rrule-secondly.ics"), "--dry-run"])
        #expect(secondly.status == 1 && secondly.stderr.contains("rrule-secondly.ics:9:"), "\(secondly.stderr)")
    }

    @Test func occurrenceLimitCanBeRaised() throws {
        let dir = try CLI.temporaryDirectory()
        let ics = dir.appendingPathComponent("hourly.ics").path
        // Six night hours every day of 2027: 2,190 occurrences, refused under a limit of 1,000, accepted under the default.
        try "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:h@t\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270101T000000Z\r\nDTEND:20270101T000100Z\r\nRRULE:FREQ=DAILY;BYHOUR=0,1,2,3,4,5;UNTIL=20271231T230000Z\r\nSUMMARY:Ping\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            .write(toFile: ics, atomically: true, encoding: .utf8)
        let agreement = try Self.agreementWithBusy(ics, in: dir)
        let low = try Self.bounded(["check", agreement, "--years", "2027"], environment: ["AARSHJUL_MAX_OCCURRENCES": "1000"])
        #expect(low.status == 1 && low.stderr.contains("1 000 forekomster") && low.stderr.contains("hourly.ics:9:"), "\(low.stderr)")
        let normal = try Self.bounded(["check", agreement, "--years", "2027"])
        #expect(normal.status == 0, "\(normal.stderr)")
    }

    @Test func sequenceAtTheTopOfItsRangeSaturatesInsteadOfCrashing() throws {
        let dir = try CLI.temporaryDirectory()
        let previous = dir.appendingPathComponent("prev")
        try FileManager.default.createDirectory(at: previous, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixture("sequence-2147483647-lillestrom-2027.ics"),
                                         toPath: previous.appendingPathComponent("lillestrom-2027.ics").path)
        let out = dir.appendingPathComponent("new")
        let result = try Self.bounded(["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", previous.path,
                                       "--out", out.path, "--blackout", "2027-03-01"])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOfFile: out.appendingPathComponent("lillestrom-2027.ics").path, encoding: .utf8)
        #expect(written.contains("SEQUENCE:2147483647"))
        #expect(!written.contains("SEQUENCE:-"))
    }

    @Test func deepNestingIsRefusedAtTheLineItGoesTooDeep() throws {
        let dir = try CLI.temporaryDirectory()
        let ics = dir.appendingPathComponent("nested.ics").path
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        text += String(repeating: "BEGIN:VEVENT\r\n", count: 20_000) + String(repeating: "END:VEVENT\r\n", count: 20_000)
        text += "END:VCALENDAR\r\n"
        try text.write(toFile: ics, atomically: true, encoding: .utf8)
        try Self.bothRefuse(try Self.agreementWithBusy(ics, in: dir), status: 1, located: "nested.ics:11:", mentioning: "mer enn 8 nivåer")
    }

    @Test func manyPlainBusyEventsAreReadQuickly() throws {
        let dir = try CLI.temporaryDirectory()
        let ics = dir.appendingPathComponent("many.ics").path
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        for i in 0..<8_000 {
            let day = 1 + i % 28, month = 1 + (i / 28) % 12
            text += "BEGIN:VEVENT\r\nUID:e\(i)@t\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:2027\(month < 10 ? "0" : "")\(month)\(day < 10 ? "0" : "")\(day)T0\(i % 7)0000Z\r\nDURATION:PT30M\r\nSUMMARY:Opptatt \(i)\r\nEND:VEVENT\r\n"
        }
        text += "END:VCALENDAR\r\n"
        try text.write(toFile: ics, atomically: true, encoding: .utf8)
        let result = try Self.bounded(["check", try Self.agreementWithBusy(ics, in: dir), "--years", "2027"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func tenThousandSeriesAndATenMegabyteTitleAreRefusedByTheirLimits() throws {
        let dir = try CLI.temporaryDirectory()
        let head = "id: big\nmunicipality: Stor\ncounty: oslo\nseries:\n"
        let many = dir.appendingPathComponent("many.yaml").path
        var text = head
        for i in 0..<10_000 { text += "  - {id: s\(i), title: S, rule: {yearly: true}}\n" }
        try text.write(toFile: many, atomically: true, encoding: .utf8)
        try Self.bothRefuse(many, status: 1, located: "many.yaml:", mentioning: "forventet høyst 1000")
        let long = dir.appendingPathComponent("long.yaml").path
        try (head + "  - id: s\n    title: \"" + String(repeating: "x", count: 10 << 20) + "\"\n    rule: {yearly: true}\n")
            .write(toFile: long, atomically: true, encoding: .utf8)
        try Self.bothRefuse(long, status: 1, located: "long.yaml: ", mentioning: "mer enn grensen på 1 MB")
        let title = dir.appendingPathComponent("title.yaml").path
        try (head + "  - id: s\n    title: \"" + String(repeating: "x", count: 100_000) + "\"\n    rule: {yearly: true}\n")
            .write(toFile: title, atomically: true, encoding: .utf8)
        try Self.bothRefuse(title, status: 1, located: "title.yaml:6:12", mentioning: "forventet høyst 2000 tegn")
    }

    @Test func filesThatAreNotAgreementsAreNamedWithoutPrintingThem() throws {
        let dir = try CLI.temporaryDirectory()
        let district = dir.appendingPathComponent("d.yaml").path
        try "district: d\nname: D\nmembers:\n  - file: /etc/passwd\n".write(toFile: district, atomically: true, encoding: .utf8)
        let result = try Self.bounded(["plan", district, "--year", "2027"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/etc/passwd"), "\(result.stderr)")
        #expect(!result.stderr.contains("/bin/"), "printed the file: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count <= 2, "\(result.stderr)")

        let shadow = try Self.agreementWithBusy("/etc/shadow", in: dir)
        let busy = try Self.bounded(["plan", shadow, "--year", "2027"])
        #expect(busy.status == 1 && busy.stderr.contains("/etc/shadow"), "\(busy.stderr)")
        #expect(!busy.stderr.contains("root:"), "printed the file: \(busy.stderr)")

        for special in ["/dev/zero", dir.path] {
            let r = try Self.bounded(["check", special])
            #expect(r.status == 1, "\(special): \(r.stderr)")
            #expect(!r.stderr.contains("NSCocoaErrorDomain") && !r.stderr.contains("permission"), "\(r.stderr)")
        }
        let loop = dir.appendingPathComponent("loop.yaml").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let looped = try Self.bounded(["check", loop])
        #expect(looped.status == 1 && looped.stderr.contains("peker rundt i ring"), "\(looped.stderr)")
        let fifo = dir.appendingPathComponent("fifo.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let piped = try Self.bounded(["check", fifo, "--lang", "en"])
        #expect(piped.status == 1 && piped.stderr.contains("not a regular file"), "\(piped.stderr)")
        let nynorsk = try Self.bounded(["check", fifo, "--lang", "nn"])
        #expect(nynorsk.stderr.contains("fifo.yaml: dette er ikkje ei vanleg fil"), "\(nynorsk.stderr)")
    }
}
