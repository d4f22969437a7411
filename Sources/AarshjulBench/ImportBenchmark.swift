import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import Foundation

/// `aarshjul-bench import`: calendar import and export speed, side by side
/// with python `icalendar` (parse, serialise) and `recurring-ical-events`
/// (expansion) on the very same files, in one run. Prints figures only:
/// CPU time on both sides, since the build machine is shared and wall time
/// there measures the other jobs as much as this one.
enum ImportBenchmark {
    static let horizon = DateRange(CivilDate(year: 2027, month: 1, day: 1)!, CivilDate(year: 2030, month: 12, day: 31)!)

    static func run(root: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("aarshjul-bench-import-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }

        // The tool's own feeds: the five shipped agreements planned 2027–2030.
        var feeds: [String] = []
        var plans: [Plan] = []
        for name in ["luster", "flakstad", "stjordal", "lillestrom", "oyer"] {
            let agreement = try AgreementFile.load(path: "\(root)/\(name).yaml")
            let plan = try Planner.plan(PlanRequest(agreement: agreement, years: 2027...2030))
            plans.append(plan)
            for file in try ICalExporter.files(for: plan, options: ICalExportOptions(language: plan.language))
            where file.name.hasSuffix(".ics") {
                let path = "\(dir)/\(file.name)"
                try file.contents.write(toFile: path, atomically: true, encoding: .utf8)
                feeds.append(path)
            }
        }
        // The peers take about 0.2 ms per event to parse (icalendar) and as
        // much again to expand: the side-by-side files are kept to 10,000
        // events and 1,000 weekly series so the whole run stays at a minute or
        // two on a loaded machine. The 50,000-event figure (issue 11) is ours alone.
        let busy = "\(dir)/busy-10000.ics"
        try generated(events: 10_000, recurring: false).write(toFile: busy, atomically: true, encoding: .utf8)
        let weekly = "\(dir)/weekly-1000.ics"
        try generated(events: 1_000, recurring: true).write(toFile: weekly, atomically: true, encoding: .utf8)
        let large = generated(events: 50_000, recurring: false)

        print("\nCalendar import and export (release build; CPU time, median of \(rounds) rounds, events/s;")
        print("python peers on the same files in the same run, CPU time, median of 3 rounds)\n")
        let sets: [(String, [String])] = [("own feeds (\(feeds.count) files, 2027–2030)", feeds),
                                          ("busy calendar, 10 000 events", [busy]),
                                          ("1 000 weekly events (2027–2030)", [weekly])]
        let python = peerFigures(sets.map(\.1))
        for (index, (label, files)) in sets.enumerated() {
            let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
            var events = 0
            let parse = measureCPU {
                events = 0
                for (file, text) in zip(files, texts) { events += (try? ICalImporter.parse(text, fileName: file))?.events.count ?? 0 }
            }
            var occurrences = 0
            let expand = measureCPU {
                occurrences = 0
                for (file, text) in zip(files, texts) {
                    occurrences += (try? ICalImporter.busyOccurrences(text, fileName: file, horizon: horizon))?.count ?? 0
                }
            }
            print(label)
            row("  parse", events, parse, peer: python?[index].parse, peerName: "icalendar")
            row("  expand 2027–2030", occurrences, expand, peer: python?[index].expand, peerName: "recurring-ical-events")
            if index == 0 {
                let export = measureCPU {
                    for plan in plans { _ = try? ICalExporter.files(for: plan, options: ICalExportOptions(language: plan.language)) }
                }
                row("  export (same feeds)", events, export, peer: python?[index].export, peerName: "icalendar to_ical")
            }
        }
        // Issue 11's figure: a 50,000-event busy calendar read as plan and
        // check read one (structure, libical, findings, occurrences, busy intervals).
        var intervals = 0
        let busyImport = measureCPU {
            intervals = (try? BusyCalendar.intervals(large, fileName: "busy-50000.ics", person: "p", horizon: horizon))?.intervals.count ?? 0
        }
        print("busy calendar, 50 000 events, read as plan reads it (issue 11: under 1 s)")
        row("  import", intervals, busyImport, peer: nil, peerName: "")
        if python == nil {
            print("\n(python icalendar / recurring-ical-events not installed: scripts/setup.sh --with-test-peers)")
        }
    }

    static let rounds = 3

    /// Median CPU milliseconds of `rounds` runs after one warm-up.
    static func measureCPU(_ body: () -> Void) -> Double {
        body()
        var samples: [Double] = []
        for _ in 0..<rounds {
            let start = Benchmarks.cpu()
            body()
            samples.append(Benchmarks.cpu() - start)
        }
        return samples.sorted()[rounds / 2]
    }

    static func row(_ label: String, _ count: Int, _ ms: Double, peer: Double?, peerName: String) {
        let rate = Double(count) / (ms / 1000)
        var line = Benchmarks.pad(label, 26) + Benchmarks.pad("\(count) in \(Benchmarks.format(ms))", 26) + "\(Int(rate)) /s"
        if let peer {
            line += "   \(peerName) \(Benchmarks.format(peer)): ×\(((peer / ms) * 10).rounded() / 10)"
        }
        print(line)
    }

    /// Busy time as Outlook or Google exports it: timed events across 2027–2030.
    static func generated(events: Int, recurring: Bool) -> String {
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//aarshjul//bench//EN\r\n"
        for i in 0..<events {
            let day = 1 + i % 28, month = 1 + (i / 28) % 12, year = 2027 + (i / 336) % 4
            let stamp = "\(year)\(month < 10 ? "0" : "")\(month)\(day < 10 ? "0" : "")\(day)"
            let hour = 8 + i % 8
            text += "BEGIN:VEVENT\r\nUID:bench-\(i)@aarshjul\r\nDTSTAMP:20261201T000000Z\r\n"
            text += "DTSTART:\(stamp)T\(hour < 10 ? "0" : "")\(hour)0000Z\r\nDURATION:PT45M\r\n"
            if recurring { text += "RRULE:FREQ=WEEKLY;COUNT=20\r\n" }
            text += "SUMMARY:Opptatt \(i)\r\nLOCATION:Rådhuset\\, møterom \(i % 9)\r\nEND:VEVENT\r\n"
        }
        return text + "END:VCALENDAR\r\n"
    }

    /// Median milliseconds per file set from scripts/bench_import.py, or nil without the peers.
    static func peerFigures(_ sets: [[String]]) -> [(parse: Double, expand: Double, export: Double)]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/bench_import.py"] + sets.map { $0.joined(separator: ",") }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let rows = String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
        guard rows.count == sets.count, rows.allSatisfy({ $0.count == 3 }) else { return nil }
        return rows.map { ($0[0], $0[1], $0[2]) }
    }
}
