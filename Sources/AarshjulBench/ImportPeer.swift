import Foundation

/// scripts/bench_import.py kept running beside the benchmark: python
/// `icalendar` and `recurring-ical-events`, asked for one round of work at a
/// time, so the benchmark can alternate its own rounds with the peer's and
/// both sides are timed under the same load. nil when python or the
/// packages are missing.
final class ImportPeer {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []

    init?(sets: [[String]]) {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/bench_import.py"] + sets.map { $0.joined(separator: ",") }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil, line() == "ready" else { return nil }
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// CPU milliseconds of one round of `work` ("parse", "expand", "export") on file set `set`.
    func round(_ work: String, _ set: Int) -> Double? {
        guard process.isRunning,
              (try? input.fileHandleForWriting.write(contentsOf: Data("\(work) \(set)\n".utf8))) != nil else { return nil }
        return line().flatMap(Double.init)
    }

    /// The next line the peer prints, nil once it has stopped.
    private func line() -> String? {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                let text = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeSubrange(...end)
                return text
            }
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { return nil }
            buffer.append(contentsOf: data)
        }
    }
}
