import Foundation
import Testing

/// The command line as a system administrator meets it: `--version`,
/// private addresses kept out of the journal, progress only on a terminal.
@Suite struct CommandLineMannersTests {
    @Test func versionIsPrinted() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(r.stdout)")
    }

    @Test func completionScriptsAreGenerated() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try CLI.run(["--generate-completion-script", shell])
            #expect(r.status == 0)
            #expect(r.stdout.contains("init") && r.stdout.contains("explain"), "\(shell) completion names the subcommands")
        }
    }

    /// `--lang`'s help names the default that command really has: the
    /// agreement's language for the commands that read one, bokmål for
    /// `rules` and for publish/serve's own lines (which never follow an
    /// agreement: a folder holds several).
    @Test func langHelpSaysEachCommandsOwnDefault() throws {
        let expected: [(String, String)] = [
            ("plan", "Default: the agreement's own language (its language:, else bokmål)."),
            ("check", "Default: the agreement's own language (its language:, else bokmål)."),
            ("reschedule", "Default: the agreement's own language (its language:, else bokmål)."),
            ("explain", "Default: the agreement's own language (its language:, else bokmål)."),
            ("holidays", "Default: the agreement's own language when one is named, else bokmål."),
            ("rules", "Default: bokmål."),
            ("publish", "Default: bokmål (a refused agreement file in its own language)."),
            ("serve", "Default: bokmål (a refused agreement file in its own language)."),
        ]
        for (command, said) in expected {
            let r = try CLI.run([command, "--help"])
            // The help is wrapped to the terminal's width: compare words, not lines.
            let help = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(r.status == 0 && help.contains(said), "\(command) --help: \(help)")
            if ["publish", "serve", "rules"].contains(command) {
                #expect(!help.contains("agreement's own language"), "\(command) --help: \(help)")
            }
        }
    }

    /// Every command's `--help` reads right at an 80-column terminal (the
    /// width the parser wraps to when output is not a terminal): no line is
    /// wider, and no sentence is broken by hand before the parser's own wrap,
    /// which leaves ragged half-lines ("…and one resource per event (full
    /// details unless" / "--public-only); …"). Examples are hand-broken with
    /// shell continuations, so they stay whole commands.
    @Test func helpFitsEightyColumnsWithoutRaggedLines() throws {
        let root = try CLI.run(["--help"])
        // The subcommands as the root help lists them, so a new one is covered too.
        let names = root.stdout.components(separatedBy: "SUBCOMMANDS:").last!
            .split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
                      name.allSatisfy(\.isLowercase) else { return nil }
                return String(name)
            }
        #expect(names.contains("publish") && names.contains("init") && names.count >= 10, "\(names)")
        for command in [nil] + names.map(Optional.some) {
            let r = try CLI.run(command.map { [$0, "--help"] } ?? ["--help"])
            #expect(r.status == 0)
            let lines = r.stdout.components(separatedBy: "\n")
            for line in lines {
                #expect(line.count <= 80, "\(command ?? "aarshjul") --help has a line of \(line.count) columns: \(line)")
            }
            for (line, next) in zip(lines, lines.dropFirst()) {
                let indent = line.prefix(while: { $0 == " " }).count
                let nextText = next.drop(while: { $0 == " " })
                guard let word = nextText.split(separator: " ").first,
                      !line.trimmingCharacters(in: .whitespaces).isEmpty,
                      next.count - nextText.count == indent,
                      !line.hasSuffix(":"), !line.hasSuffix("\\"),
                      !nextText.hasPrefix("-"), !nextText.hasPrefix("aarshjul"),
                      // A table row (name, then the column): its own line by design.
                      nextText.range(of: #"^\S+\s{2,}"#, options: .regularExpression) == nil
                else { continue }
                // The parser fills a line to at most 79 columns.
                #expect(line.count + 1 + word.count > 79,
                        "\(command ?? "aarshjul") --help breaks a sentence by hand:\n\(line)\n\(next)")
            }
        }
    }

    /// A scratch folder holding `calendars/oyer.yaml`, the folder `serve` is given.
    static func calendarsFolderWithOyer() throws -> (dir: URL, calendars: URL) {
        let dir = try CLI.temporaryDirectory()
        let calendars = dir.appendingPathComponent("calendars")
        try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("calendars/oyer.yaml"),
                                         to: calendars.appendingPathComponent("oyer.yaml"))
        return (dir, calendars)
    }

    /// `serve` writes the private addresses to a mode-600 file in the state
    /// folder by default; standard error says where, and holds no token.
    @Test func servePrivateAddressesGoToAFileNotStandardError() throws {
        let (dir, calendars) = try Self.calendarsFolderWithOyer()
        defer { try? FileManager.default.removeItem(at: dir) }
        let port = ReadmeCommands.freePort()
        let r = try ReadmeCommands.run("aarshjul serve calendars --port \(port) --years 2027", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let file = calendars.appendingPathComponent(".aarshjul-state/private-urls.txt")
        #expect(r.stderr.contains(file.lastPathComponent), "\(r.stderr)")
        #expect(!r.stderr.contains("/private/"), "a private address reached standard error: \(r.stderr)")
        // Said in bokmål, as the rest of a Norwegian run.
        #expect(r.stderr.contains("private kalenderadresser") && r.stderr.contains(" offentlige kalendere på http") && !r.stderr.contains("serving"), "\(r.stderr)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("/private/") && text.contains("/oyer/"))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// A broken agreement file is skipped by `serve` with a line in the
    /// run's language, like its other lines: bokmål by default, `--lang`'s
    /// language when given (the refusal inside too).
    @Test func serveSaysASkippedFileInTheRunsLanguage() throws {
        let (dir, calendars) = try Self.calendarsFolderWithOyer()
        defer { try? FileManager.default.removeItem(at: dir) }
        try MessageLanguageCommandTests.base.write(to: calendars.appendingPathComponent("brutt.yaml"), atomically: true, encoding: .utf8)
        let runs: [(lang: String, line: String, why: String, notSaid: String)] = [
            ("", "calendars/brutt.yaml er hoppet over: ", "brutt.yaml:3:9: 'akershuss' er ikke et norsk fylke", "skipped"),
            (" --lang nn", "calendars/brutt.yaml er hoppa over: ", "brutt.yaml:3:9: 'akershuss' er ikkje eit norsk fylke", "skipped"),
            (" --lang en", "calendars/brutt.yaml skipped: ", "brutt.yaml:3:9: 'akershuss' is not a Norwegian county", "hoppet"),
        ]
        for run in runs {
            let r = try ReadmeCommands.run("aarshjul serve calendars --port 8080 --years 2027" + run.lang, in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains(run.line) && r.stderr.contains(run.why) && !r.stderr.contains(run.notSaid), "\(run.lang): \(r.stderr)")
        }
    }

    /// Piped, a multi-year district plan prints no progress line (no
    /// carriage returns, nothing on standard error).
    @Test func noProgressWhenPiped() throws {
        let r = try CLI.run(["plan", "calendars/districts/lillehammer.yaml", "--years", "2027-2028", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        #expect(!r.stdout.contains("\r"))
    }

    /// At a terminal a long district run shows its progress on standard
    /// error and leaves a one-line summary (piped, above, it says nothing).
    @Test(.enabled(if: InitInteractiveTests.tmux != nil, "tmux is not installed (scripts/setup.sh --with-test-peers installs it)"))
    func progressOnATerminal() throws {
        let dir = try CLI.temporaryDirectory()
        let socket = "aarshjul-progress-\(UUID().uuidString.prefix(8))"
        defer {
            _ = try? InitInteractiveTests.tmux(socket, ["kill-server"])
            try? FileManager.default.removeItem(at: dir)
        }
        let district = CLI.packageRoot.appendingPathComponent("calendars/districts/lillehammer.yaml").path
        let script = "cd '\(dir.path)' && '\(CLI.binary.path)' plan '\(district)' --years 2027-2028 --quiet --out out; echo PLAN-EXIT=$?; sleep 120"
        _ = try InitInteractiveTests.tmux(socket, ["new-session", "-d", "-x", "160", "-y", "20", "-s", "init", script])
        let screen = try InitInteractiveTests.waitFor("PLAN-EXIT=", socket: socket)
        #expect(screen.contains("PLAN-EXIT=0"), "\(screen)")
        #expect(screen.contains("Planla Lillehammer") && screen.contains("for 2027–2028: ") && screen.contains(" hendelser."), "\(screen)")
        #expect(!screen.contains("Planlegger "), "the progress line is cleared when done:\n\(screen)")
    }
}
