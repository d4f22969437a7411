import Foundation
import Testing

/// `aarshjul init` as a new coordinator meets it: with flags and no terminal,
/// and interactively at a terminal (tmux), the file it writes passes `check`
/// and `plan` plans it, with the series asked for.
@Suite struct InitCommandTests {
    static func run(_ arguments: [String], in folder: URL) throws -> CLI.Result {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                          stderr: String(decoding: e, as: UTF8.self))
    }

    static let base = ["init", "--municipality", "Gran", "--county", "innlandet", "--police-district", "Innlandet",
                       "--revised", "2026-12-01"]

    @Test(arguments: ["nb", "nn", "en"])
    func flagsOnlyWritesAnAgreementThatChecksAndPlans(language: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(Self.base + ["--lang", language, "--politirad", "2", "--slt", "6-8", "--politikontakt-day", "wed",
                                          "--monthly-meeting", "--prevention-calendar"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("gran.yaml"), encoding: .utf8)
        #expect(text.contains("municipality: \"Gran\""))
        #expect(text.contains("police_district: \"Innlandet politidistrikt\""))
        #expect(text.contains("language: \(language)"))
        #expect(text.contains("rule: {per_year: 2}"))
        #expect(text.contains("rule: {weekly: wed}"))
        let defaultWord = language == "en" ? "default" : "standard"
        #expect(text.components(separatedBy: "# ").count > 15, "every default has a comment")
        #expect(text.contains(defaultWord))
        let check = try Self.run(["check", "gran.yaml"], in: dir)
        #expect(check.status == 0, "\(check.stderr)")
        let plan = try Self.run(["plan", "gran.yaml", "--year", "2027"], in: dir)
        #expect(plan.status == 0, "\(plan.stderr)")
        let council = language == "en" ? "Police council" : "Politiråd"
        let meetings = language == "en" ? "2 meetings" : (language == "nn" ? "2 møte" : "2 møter")
        let councilLine = plan.stdout.split(separator: "\n").first { $0.hasPrefix(council + " ") }
        #expect(councilLine?.contains(meetings) == true, "\(plan.stdout.prefix(800))")
        // The weekly day is on Wednesdays, every ISO week that has one free.
        #expect(plan.stdout.contains(language == "en" ? "Wed 6 Jan" : "ons 06.01."))
        #expect(plan.stdout.contains(language == "en" ? "7th grade" : "7. trinn"), "the prevention calendar is planned")
        #expect(plan.stdout.contains(language == "en" ? "Multi-agency meeting" : (language == "nn" ? "Tverrfagleg" : "Tverrfaglig")))
    }

    @Test func defaultsAreTheNationalPatternAndPlanAcrossTheNewYear() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The suggested year follows the injected date across a New Year.
        let r = try Self.run(Self.base.dropLast(2) + ["--revised", "2026-12-31", "kommune.yaml"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("--year 2027"))
        let text = try String(contentsOf: dir.appendingPathComponent("kommune.yaml"), encoding: .utf8)
        #expect(text.contains("rule: {per_quarter: 1}"))
        #expect(text.contains("rule: {every_weeks: \"6-8\"}"))
        #expect(text.contains("rule: {weekly: any}"))
        #expect(!text.contains("samarbeidsmote") && !text.contains("school_window"))
        let next = try Self.run(Self.base.dropLast(2) + ["--revised", "2027-01-01", "neste.yaml"], in: dir)
        #expect(next.stdout.contains("--year 2028"))
        for years in ["2027", "2026-2028"] {
            let plan = try Self.run(["plan", "kommune.yaml", years.count == 4 ? "--year" : "--years", years], in: dir)
            #expect(plan.status == 0, "\(years): \(plan.stderr)")
            #expect(plan.stdout.contains("SLT-møte"))
        }
    }

    @Test func withoutATerminalItRefusesToGuessTheMunicipality() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["init", "--county", "innlandet"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("--municipality") && r.stderr.contains("--police-district"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let none = try Self.run(Self.base + ["--politirad", "0", "--slt", "none", "--politikontakt-day", "ingen"], in: dir)
        #expect(none.status == 1, "an agreement with no series is refused")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let bad = try Self.run(Self.base + ["--slt", "8-6"], in: dir)
        #expect(bad.status != 0 && bad.stderr.contains("--slt"))
        let county = try Self.run(["init", "--municipality", "X", "--county", "hordaland", "--police-district", "Vest"], in: dir)
        #expect(county.status != 0 && county.stderr.contains("innlandet"))
    }

    /// A municipality in the register (data/kommuner.yaml) needs only its
    /// name: county, police district and kommunenummer come from the register.
    /// A former municipality, a shared name without a county, or a county the
    /// register contradicts are refused with what to write instead.
    @Test func theRegisterGivesCountyAndPoliceDistrict() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["init", "--municipality", "gran", "--no-input", "--revised", "2026-12-01"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("gran.yaml"), encoding: .utf8)
        #expect(text.contains("municipality: \"Gran\"\nmunicipality_number: \"3446\""), "\(text.prefix(900))")
        #expect(text.contains("police_district: \"Innlandet politidistrikt\"") && text.contains("county: innlandet "))
        #expect(try Self.run(["check", "gran.yaml"], in: dir).status == 0)
        let plan = try Self.run(["plan", "gran.yaml", "--year", "2027"], in: dir)
        #expect(plan.status == 0 && plan.stdout.contains("SLT-møte"), "\(plan.stderr)")

        let heroy = try Self.run(["init", "--municipality", "Herøy", "--county", "nordland", "--lang", "en", "--no-input",
                                  "--revised", "2026-12-01"], in: dir)
        #expect(heroy.status == 0, "\(heroy.stderr)")
        let heroyText = try String(contentsOf: dir.appendingPathComponent("heroy.yaml"), encoding: .utf8)
        #expect(heroyText.contains("municipality_number: \"1818\"") && heroyText.contains("\"Nordland politidistrikt\""))
        #expect(try Self.run(["plan", "heroy.yaml", "--year", "2027"], in: dir).status == 0)

        let refused: [([String], String)] = [
            (["--municipality", "Leikanger"], "Sogndal"),
            (["--municipality", "Herøy"], "--county"),
            (["--municipality", "Gran", "--county", "vestland"], "--county innlandet"),
            (["--municipality", "Testby", "--county", "innlandet"], "--police-district"),
        ]
        for (flags, hint) in refused {
            let other = try CLI.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: other) }
            let result = try Self.run(["init", "--no-input"] + flags, in: other)
            #expect(result.status == 1, "\(flags)")
            #expect(result.stderr.contains(hint), "\(flags): \(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: other.path).isEmpty, "\(flags): nothing written")
        }
    }

    @Test func neverOverwritesWithoutForce() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("gran.yaml")
        try "mine\n".write(to: path, atomically: true, encoding: .utf8)
        let r = try Self.run(Self.base, in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("--force"))
        #expect(try String(contentsOf: path, encoding: .utf8) == "mine\n")
        let forced = try Self.run(Self.base + ["--force"], in: dir)
        #expect(forced.status == 0)
        #expect(try String(contentsOf: path, encoding: .utf8).contains("municipality: \"Gran\""))
    }

    @Test func namesThatLookLikeYAMLStayNames() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let name = "Bø: \"Test\" #1 *x"
        let r = try Self.run(["init", "--municipality", name, "--county", "Møre og Romsdal", "--police-district", "Møre og Romsdal",
                              "--revised", "2026-12-01", "--prevention-calendar"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let check = try Self.run(["check", "bo-test-1-x.yaml"], in: dir)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains(name))
        let plan = try Self.run(["plan", "bo-test-1-x.yaml", "--year", "2027"], in: dir)
        #expect(plan.status == 0, "\(plan.stderr)")
    }

    @Test func sameChoicesSameBytes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.run(Self.base + ["a.yaml"], in: dir)
        _ = try Self.run(Self.base + ["b.yaml"], in: dir)
        let a = try Data(contentsOf: dir.appendingPathComponent("a.yaml"))
        let b = try Data(contentsOf: dir.appendingPathComponent("b.yaml"))
        #expect(a == b)
    }
}

/// The interactive path, typed at a real terminal: tmux runs `init`, the
/// test waits for each question and types the answer (one wrong answer
/// first, to see it asked again), then plans the file.
@Suite struct InitInteractiveTests {
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: tmux != nil, "tmux is not installed (scripts/setup.sh --with-test-peers installs it)"))
    func answersTypedAtATerminal() throws {
        let dir = try CLI.temporaryDirectory()
        let socket = "aarshjul-init-\(UUID().uuidString.prefix(8))"
        defer {
            _ = try? Self.tmux(socket, ["kill-server"])
            try? FileManager.default.removeItem(at: dir)
        }
        let script = "cd '\(dir.path)' && '\(CLI.binary.path)' init --revised 2026-12-01; echo INIT-EXIT=$?; sleep 120"
        _ = try Self.tmux(socket, ["new-session", "-d", "-x", "220", "-y", "60", "-s", "init", script])
        let answers: [(question: String, answer: String)] = [
            ("Språk for avtalen", "nn"),
            ("Namnet på kommunen", "Luster"),
            ("Fylke (for skuleferiane)", "Vestland"),
            ("Politidistrikt", "Vest"),
            ("kor mange møte i året", ""),          // Enter: the default, 4
            ("kor mange veker mellom", "sju"),       // not understood: asked again
            ("Skriv veker som 6-8", "6-8"),
            ("Politikontakten éin dag i veka", "tys"),
            ("Månadleg tverrfagleg", "ja"),
            ("Førebyggingskalender", ""),           // Enter: nei
            ("Filnamn [luster.yaml]", ""),
        ]
        var screen = ""
        for (question, answer) in answers {
            screen = try Self.waitFor(question, socket: socket)
            if !answer.isEmpty { _ = try Self.tmux(socket, ["send-keys", "-t", "init", "-l", answer]) }
            _ = try Self.tmux(socket, ["send-keys", "-t", "init", "Enter"])
        }
        screen = try Self.waitFor("INIT-EXIT=", socket: socket)
        #expect(screen.contains("INIT-EXIT=0"), "\(screen)")
        #expect(screen.contains("Skreiv luster.yaml"), "\(screen)")
        let text = try String(contentsOf: dir.appendingPathComponent("luster.yaml"), encoding: .utf8)
        #expect(text.contains("language: nn"))
        #expect(text.contains("county: vestland"))
        #expect(text.contains("police_district: \"Vest politidistrikt\""))
        #expect(text.contains("rule: {per_quarter: 1}"))
        #expect(text.contains("rule: {weekly: tue}"))
        #expect(text.contains("id: samarbeidsmote"))
        #expect(!text.contains("school_window"))
        let plan = try InitCommandTests.run(["plan", "luster.yaml", "--year", "2027"], in: dir)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("Tverrfagleg samarbeidsmøte"))
        #expect(plan.stdout.contains("tys 05.01."), "the police contact's day is Tuesday")
    }

    static func waitFor(_ text: String, socket: String) throws -> String {
        let deadline = Date().addingTimeInterval(120)
        var screen = ""
        while Date() < deadline {
            screen = try tmux(socket, ["capture-pane", "-p", "-t", "init", "-S", "-200"])
            if screen.contains(text) { return screen }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("'\(text)' never appeared on the terminal:\n\(screen)")
        throw CancellationError()
    }

    /// Runs one tmux command and waits for it with `waitpid`. (Foundation's
    /// `Process` was seen to wait for ever on the client of `new-session -d`,
    /// which forks the tmux server and exits, leaving it a zombie.) Only
    /// capture-pane's output is read, through a file: the server a command
    /// starts would inherit a pipe, and the pipe would never reach its end.
    @discardableResult
    static func tmux(_ socket: String, _ arguments: [String]) throws -> String {
        let reads = arguments.first == "capture-pane"
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("aarshjul-tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, reads ? output.path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let argv = ([tmux!, "-u", "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux!, &actions, nil, argv, envp)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return reads ? ((try? String(contentsOf: output, encoding: .utf8)) ?? "") : ""
    }
}
