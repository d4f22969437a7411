import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import Foundation

/// `aarshjul-bench import`: calendar import and export speed, side by side
/// with python `icalendar` (parse, serialise) and `recurring-ical-events`
/// (expansion) on the very same files, in one run. Prints figures only:
/// CPU time on both sides, since the build machine is shared and wall time
/// there measures the other jobs as much as this one. Each figure is several
/// rounds, ours and the peer's taken in turn (the peer stays running and does
/// one round per request), so a burst of load from other jobs falls on both
/// sides alike; the spread is printed with the median.
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
        let large = generated(events: 50_000, recurring: false)  // issue 11's figure

        let sets: [(String, [String])] = [("own feeds (\(feeds.count) files, 2027–2030)", feeds),
                                          ("busy calendar, 10 000 events", [busy]),
                                          ("1 000 weekly events (2027–2030)", [weekly])]
        let peer = ImportPeer(sets: sets.map(\.1))
        print("\nCalendar import and export (release build; CPU time of \(rounds) rounds after one warm-up,")
        print("each round of ours next to one of the python peers' on the same files, alternating who goes")
        print("first; median (min–max) ms, × = peer median / our median, and the lowest and highest ×")
        print("of the \(rounds) paired rounds). Load average at start: \(loadAverage())\n")
        for (index, (label, files)) in sets.enumerated() {
            let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
            var events = 0
            let parse = paired(peer, "parse", index) {
                events = 0
                for (file, text) in zip(files, texts) { events += (try? ICalImporter.parse(text, fileName: file))?.events.count ?? 0 }
            }
            var occurrences = 0
            let expand = paired(peer, "expand", index) {
                occurrences = 0
                for (file, text) in zip(files, texts) {
                    occurrences += (try? ICalImporter.busyOccurrences(text, fileName: file, horizon: horizon))?.count ?? 0
                }
            }
            print(label)
            row("  parse", events, parse, peerName: "icalendar")
            row("  expand 2027–2030", occurrences, expand, peerName: "recurring-ical-events")
            if index == 0 {
                let export = paired(peer, "export", index) {
                    for plan in plans { _ = try? ICalExporter.files(for: plan, options: ICalExportOptions(language: plan.language)) }
                }
                row("  export (same feeds)", events, export, peerName: "icalendar to_ical")
            }
        }
        busyRow(large, events: 50_000)
        print("\nLoad average at end: \(loadAverage())")
        if peer == nil {
            print("\n(python icalendar / recurring-ical-events not installed: scripts/setup.sh --with-test-peers)")
        }
    }

    /// `aarshjul-bench busy N`: only the busy-calendar figure, for a quick
    /// look or a profiler (`perf record`), without the python peers.
    static func busy(events: Int) {
        print("Load average at start: \(loadAverage())")
        busyRow(generated(events: events, recurring: false), events: events)
        print("Load average at end: \(loadAverage())")
    }

    /// Issue 11's figure: a busy calendar read as plan and check read one
    /// (structure, libical, findings, occurrences, busy intervals), CPU ms.
    /// Beside it, in turns, libical alone parsing the same text and freeing
    /// the tree: the floor under any reading through libical.
    static func busyRow(_ text: String, events: Int) {
        var intervals = 0, parsed = 0
        func ours() { intervals = (try? BusyCalendar.intervals(text, fileName: "busy-\(events).ics", person: "p", horizon: horizon))?.intervals.count ?? 0 }
        func libical() { parsed = LibicalBaseline.parseAndFree(text) }
        ours()
        libical()
        var own: [Double] = [], floor: [Double] = []
        for round in 0..<rounds {
            // Who goes first alternates, as with the python peers.
            for isOurs in round % 2 == 0 ? [true, false] : [false, true] {
                let start = Benchmarks.cpu()
                if isOurs {
                    ours()
                    own.append(Benchmarks.cpu() - start)
                } else {
                    libical()
                    floor.append(Benchmarks.cpu() - start)
                }
            }
        }
        print("busy calendar, \(events) events, read as plan reads it (issue 11: 50 000 under 1 s)")
        row("  import", intervals, Figure(own: own, peer: []), peerName: "")
        row("  libical parse+free", parsed, Figure(own: floor, peer: []), peerName: "")
    }

    /// Rounds per figure, on each side. The peers need seconds per round on
    /// the larger sets, so this is what keeps the run to a minute or two.
    static let rounds = 7

    /// One figure's CPU milliseconds per round: ours, and the peer's when it runs.
    struct Figure {
        var own: [Double] = []
        var peer: [Double] = []
    }

    /// `rounds` rounds of `body`, each beside one round of the peer's `work`
    /// on file set `set` (the peer first in every other round), after one
    /// unrecorded warm-up round on each side.
    static func paired(_ peer: ImportPeer?, _ work: String, _ set: Int, _ body: () -> Void) -> Figure {
        body()
        var figure = Figure()
        var peerRuns = peer?.round(work, set) != nil
        for round in 0...rounds - 1 {
            if peerRuns, round % 2 == 1 { peerRuns = record(peer?.round(work, set), in: &figure.peer) }
            let start = Benchmarks.cpu()
            body()
            figure.own.append(Benchmarks.cpu() - start)
            if peerRuns, round % 2 == 0 { peerRuns = record(peer?.round(work, set), in: &figure.peer) }
        }
        if figure.peer.count != rounds { figure.peer = [] }
        return figure
    }

    private static func record(_ sample: Double?, in samples: inout [Double]) -> Bool {
        guard let sample else { return false }
        samples.append(sample)
        return true
    }

    static func median(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// "68.1 ms (66.0–75.2)".
    static func spread(_ samples: [Double]) -> String {
        func ms(_ value: Double) -> String { value >= 100 ? String(Int(value.rounded())) : String((value * 10).rounded() / 10) }
        return "\(ms(median(samples))) ms (\(ms(samples.min()!))–\(ms(samples.max()!)))"
    }

    static func times(_ value: Double) -> String { "×\((value * 10).rounded() / 10)" }

    static func row(_ label: String, _ count: Int, _ figure: Figure, peerName: String) {
        let rate = Double(count) / (median(figure.own) / 1000)
        var line = Benchmarks.pad(label, 22) + Benchmarks.pad("\(count)", 7) + Benchmarks.pad(spread(figure.own), 24)
            + Benchmarks.pad("\(Int(rate)) /s", 12)
        if !figure.peer.isEmpty {
            let ratios = zip(figure.peer, figure.own).map { $0 / $1 }
            line += "\(peerName) \(spread(figure.peer))  \(times(median(figure.peer) / median(figure.own)))"
                + " (rounds \(times(ratios.min()!))–\(times(ratios.max()!)))"
        }
        print(line)
    }

    /// The 1, 5 and 15 minute load averages, as /proc/loadavg has them.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
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
}
