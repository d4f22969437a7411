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

    /// `serve` writes the private addresses to a mode-600 file in the state
    /// folder by default; standard error says where, and holds no token.
    @Test func servePrivateAddressesGoToAFileNotStandardError() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let calendars = dir.appendingPathComponent("calendars")
        try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("calendars/oyer.yaml"),
                                         to: calendars.appendingPathComponent("oyer.yaml"))
        let port = ReadmeCommands.freePort()
        let r = try ReadmeCommands.run("aarshjul serve calendars --port \(port) --years 2027", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let file = calendars.appendingPathComponent(".aarshjul-state/private-urls.txt")
        #expect(r.stderr.contains(file.lastPathComponent), "\(r.stderr)")
        #expect(!r.stderr.contains("/private/"), "a private address reached standard error: \(r.stderr)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("/private/") && text.contains("/oyer/"))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// Piped, a multi-year district plan prints no progress line (no
    /// carriage returns, nothing on standard error).
    @Test func noProgressWhenPiped() throws {
        let r = try CLI.run(["plan", "calendars/districts/lillehammer.yaml", "--years", "2027-2028", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        #expect(!r.stdout.contains("\r"))
    }
}
