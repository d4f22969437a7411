import Foundation
import Testing

/// What the fuzzer (scripts/fuzz.sh) found stays fixed: every input in
/// `Regressions/fuzz/` goes through the fuzz target again (built without
/// libFuzzer it replays files), together with the seed corpus, and through
/// `check` as a user would meet it: an agreement file, or a calendar named
/// as a busy calendar. No crash, no hang; a refusal names the file.
@Suite struct FuzzFindingsTests {
    static let findings = RegressionTests.folder.appendingPathComponent("fuzz")

    static var files: [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: findings.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { findings.appendingPathComponent($0) }
    }

    @Test func theFuzzTargetReplaysEveryFindingAndSeedWithoutCrashing() throws {
        let replay = CLI.binary.deletingLastPathComponent().appendingPathComponent("aarshjul-fuzz")
        try #require(FileManager.default.isExecutableFile(atPath: replay.path), "aarshjul-fuzz is built by swift build")
        let seeds = ["calendars", "calendars/districts", "Tests/AarshjulICalTests/Fixtures",
                     "Tests/AarshjulCLITests/Regressions"].map { CLI.packageRoot.appendingPathComponent($0).path }
        let process = Process()
        process.executableURL = replay
        process.arguments = seeds.filter { FileManager.default.fileExists(atPath: $0) } + Self.files.map(\.path)
        process.currentDirectoryURL = CLI.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(text.suffix(2000))")
        #expect(text.contains("inputs replayed, no crash"), "\(text.suffix(500))")
    }

    @Test func everyFindingIsAnsweredWithAnExitStatusAndANamedFile() throws {
        let dir = try CLI.temporaryDirectory()
        for file in Self.files {
            let bytes = try Data(contentsOf: file)
            let isCalendar = String(decoding: bytes.prefix(64), as: UTF8.self)
                .drop(while: { $0.isWhitespace }).uppercased().hasPrefix("BEGIN:")
            let target: String
            if isCalendar {
                let ics = dir.appendingPathComponent(file.lastPathComponent + ".ics")
                try bytes.write(to: ics)
                target = try RegressionTests.agreementWithBusy(ics.path, in: dir, name: file.lastPathComponent + ".yaml")
            } else {
                target = dir.appendingPathComponent(file.lastPathComponent + ".yaml").path
                try bytes.write(to: URL(fileURLWithPath: target))
            }
            let result = try RegressionTests.bounded(["check", target, "--years", "2027"], seconds: 30)
            #expect([0, 1, 2].contains(result.status), "\(file.lastPathComponent): exit \(result.status): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"), "\(file.lastPathComponent): \(result.stderr)")
            if result.status == 1 {
                #expect(result.stderr.contains(".ics") || result.stderr.contains(".yaml"),
                        "\(file.lastPathComponent): \(result.stderr)")
            }
        }
    }
}
