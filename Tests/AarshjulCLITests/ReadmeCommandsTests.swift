import Foundation
import Testing

/// Every `aarshjul …` line in the README's ```sh blocks runs as written,
/// in order, from a fresh copy of the repository, with the built binary first
/// on PATH: a new user who copies the README's commands meets no error.
/// (`make …` lines are left out: `make test` is what runs this test.)
@Suite(.serialized) struct ReadmeCommandsTests {
    @Test func everyReadmeCommandRuns() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let commands = ReadmeCommands.lines(in: readme)
        #expect(commands.count >= 10, "found only \(commands.count) aarshjul commands in README.md")
        let copy = try ReadmeCommands.copyOfRepository()
        defer { try? FileManager.default.removeItem(at: copy) }
        for command in commands {
            let result = try ReadmeCommands.run(command, in: copy)
            #expect(result.status == 0, "README command failed (status \(result.status)): \(command)\n\(result.stderr.suffix(2000))")
        }
    }

    @Test func readmeBlocksAreFoundAndJoined() {
        let text = """
        ```sh
        aarshjul plan a.yaml --year 2027 \\
            --out x   # comment
        make demo
        ```
        aarshjul not-in-a-block
        ```yaml
        aarshjul: not a command
        ```
        """
        #expect(ReadmeCommands.lines(in: text) == ["aarshjul plan a.yaml --year 2027 --out x   # comment"])
    }
}

enum ReadmeCommands {
    /// The `aarshjul` lines of the ```sh blocks, continuation lines joined.
    static func lines(in markdown: String) -> [String] {
        var commands: [String] = []
        var inShell = false, inOther = false
        var pending = ""
        for raw in markdown.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                if inShell || inOther { inShell = false; inOther = false; continue }
                let tag = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                if ["sh", "bash", "shell", "console"].contains(tag) { inShell = true } else { inOther = true }
                continue
            }
            guard inShell else { continue }
            if line.hasSuffix("\\") {
                pending += line.dropLast().trimmingCharacters(in: .whitespaces) + " "
                continue
            }
            let whole = pending + line
            pending = ""
            if whole.hasPrefix("aarshjul ") { commands.append(whole) }
        }
        return commands
    }

    /// The repository without build products, so README paths resolve as for a user.
    static func copyOfRepository() throws -> URL {
        let copy = try CLI.temporaryDirectory()
        let skip: Set<String> = [".build", ".git", "out", "site", ".swiftpm"]
        for name in try FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot.path) where !skip.contains(name) {
            try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        return copy
    }

    /// serve's last start-up line ("deler 12 offentlige kalendere på http://…/",
    /// "serving 12 public feeds at http://…/") is the only one naming an address.
    static func isServing(_ stderr: String) -> Bool {
        stderr.contains(" http://") || stderr.contains(" https://")
    }

    /// Runs one line through /bin/sh (globs and comments as a user's shell
    /// sees them). `serve` never ends by itself: it passes once it says it
    /// is serving (within 10 minutes), on a free port instead of the README's one (the test
    /// machine may have it taken), and is then stopped.
    static func run(_ command: String, in folder: URL) throws -> CLI.Result {
        var line = command
        let serving = line.hasPrefix("aarshjul serve ")
        if serving { line = line.replacingOccurrences(of: "--port 8080", with: "--port \(freePort())") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", serving ? "exec " + line : line]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CLI.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let outFile = folder.appendingPathComponent(".readme-stdout"), errFile = folder.appendingPathComponent(".readme-stderr")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if serving {
            let deadline = Date().addingTimeInterval(600)  // generous: serve plans every agreement first, and a loaded CI machine is slow
            while process.isRunning, Date() < deadline {
                if let err = try? String(contentsOf: errFile, encoding: .utf8), Self.isServing(err) { break }
                Thread.sleep(forTimeInterval: 0.2)
            }
            let started = process.isRunning
            if started { process.terminate() }
            process.waitUntilExit()
            let err = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
            return CLI.Result(status: started && Self.isServing(err) ? 0 : max(1, process.terminationStatus), stdout: "", stderr: err)
        }
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus,
                          stdout: (try? String(contentsOf: outFile, encoding: .utf8)) ?? "",
                          stderr: (try? String(contentsOf: errFile, encoding: .utf8)) ?? "")
    }

    /// A port nothing listens on now (bound to 0, read back, released).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
