import AarshjulICal
import Foundation
import Testing

@Suite struct AtomicFileTests {
    private func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("aarshjul-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func writeReplacesTheFileAndLeavesNoTemporary() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write("første\r\n", to: dir + "/a.ics")
        try AtomicFile.write("andre – ny\r\n", to: dir + "/a.ics")
        #expect(try contents(dir + "/a.ics") == "andre – ny\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.ics"])
    }

    @Test func writeAllWritesEveryFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.writeAll([("a.ics", "A"), ("b.ics", "B")], into: dir)
        #expect(try contents(dir + "/a.ics") == "A" && contents(dir + "/b.ics") == "B")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.ics", "b.ics"])
    }

    @Test func failureLeavesExistingFilesAndNoTemporaries() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write("gammel", to: dir + "/a.ics")
        // The second file cannot be written (no such folder): nothing is replaced.
        #expect(throws: ICalError.self) {
            try AtomicFile.writeAll([("a.ics", "ny"), ("mangler/b.ics", "B")], into: dir)
        }
        #expect(try contents(dir + "/a.ics") == "gammel")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.ics"])

        do {
            try AtomicFile.write("x", to: dir + "/finnes-ikke/c.ics")
            Issue.record("wrote into a missing folder")
        } catch {
            guard case let .io(path, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path == dir + "/finnes-ikke/c.ics")
        }
    }

    @Test func staleTemporariesOfKilledRunsGoOnTheNextWriteLiveOnesStay() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A process that has ended: its temporaries are stale.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let stale = ".a.ics.tmp-\(gone.processIdentifier)-Ab12Cd"
        let live = ".b.ics.tmp-\(ProcessInfo.processInfo.processIdentifier)-Zz99Yy"
        let oldStyle = ".c.ics.tmp-Qw3rty", youngOldStyle = ".d.ics.tmp-Qw3rtz", unrelated = ".notes.tmp-x"
        for name in [stale, live, oldStyle, youngOldStyle, unrelated] {
            try "half".write(toFile: dir + "/" + name, atomically: false, encoding: .utf8)
        }
        let twoMinutesAgo = Date().addingTimeInterval(-120)
        try FileManager.default.setAttributes([.modificationDate: twoMinutesAgo], ofItemAtPath: dir + "/" + oldStyle)
        try AtomicFile.writeAll([("a.ics", "A")], into: dir)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
        #expect(left == ["a.ics", live, youngOldStyle, unrelated], "\(left)")
    }
}
