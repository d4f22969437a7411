import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Release-build benchmark: `make bench` (or `swift run -c release aarshjul-bench`).
/// Prints figures; asserts nothing about speed (that is for people to read).
@main
enum Benchmarks {
    static func main() {
        do {
            try run(Array(CommandLine.arguments.dropFirst()))
        } catch {
            // A wrong argument or a missing file is a message, not a crash report.
            FileHandle.standardError.write(Data("aarshjul-bench: \(error)\n\(usage)\n".utf8))
            exit(1)
        }
    }

    static let usage = """
        usage: aarshjul-bench [CALENDARS-FOLDER]   plan, export and repair the five shipped agreements
               aarshjul-bench national             the national instance 2027–2030
               aarshjul-bench import [FOLDER]      import and export beside python icalendar
               aarshjul-bench busy [EVENTS]        one busy calendar of EVENTS events (default 50 000), read as plan reads it
               aarshjul-bench model ...            the CP-SAT cross-check's model (scripts/cpsat-crosscheck.py)
        """

    static func run(_ arguments: [String]) throws {
        if arguments.first == "-h" || arguments.first == "--help" { return print(usage) }
        if arguments.first == "national" { return NationalBenchmark.run() }
        if arguments.first == "import" {
            return try ImportBenchmark.run(root: arguments.count > 1 ? arguments[1] : "calendars")
        }
        if arguments.first == "busy" {
            guard arguments.count <= 2, let events = arguments.count > 1 ? Int(arguments[1]) : 50_000, events > 0 else {
                throw BenchArgumentError(text: "busy takes one positive number of events")
            }
            return ImportBenchmark.busy(events: events)
        }
        if arguments.first == "model" { return try ModelCommand.run() }
        let root = arguments.first ?? "calendars"
        let names = ["luster", "flakstad", "stjordal", "lillestrom", "oyer"]
        let agreements = try names.map { try AgreementFile.load(path: "\(root)/\($0).yaml") }
        print("Aarshjul benchmark (\(isDebug ? "DEBUG build: figures are not meaningful" : "release build"))")
        print("median of \(rounds) rounds after \(warmups) warm-up rounds\n")

        for agreement in agreements {
            let request = PlanRequest(agreement: agreement, years: 2027...2027)
            let ms = measure { _ = try? Planner.plan(request) }
            print(pad("plan \(agreement.id) 2027", 34) + format(ms))
        }
        let all = measure {
            for agreement in agreements { _ = try? Planner.plan(PlanRequest(agreement: agreement, years: 2027...2027)) }
        }
        print(pad("plan all five, 2027", 34) + format(all))
        let four = measure {
            for agreement in agreements { _ = try? Planner.plan(PlanRequest(agreement: agreement, years: 2027...2030)) }
        }
        print(pad("plan all five, 2027–2030", 34) + format(four))
        let plans = try agreements.map { try Planner.plan(PlanRequest(agreement: $0, years: 2027...2027)) }
        let export = measure {
            for plan in plans { _ = try? ICalExporter.files(for: plan, options: ICalExportOptions(language: plan.language)) }
        }
        print(pad("export .ics, all five, 2027", 34) + format(export))
        let parse = measure {
            for name in names { _ = try? AgreementFile.load(path: "\(root)/\(name).yaml") }
        }
        print(pad("read all five agreement files", 34) + format(parse))

        // Repair: one blackout on the second SLT meeting of Lillestrøm's published 2027.
        if let index = names.firstIndex(of: "lillestrom"), let slt = plans[index].events.filter({ $0.seriesID == "slt_mote" }).dropFirst().first {
            let published = plans[index]
            let previous = published.events.map {
                PreviousEvent(uid: $0.uid, seriesID: $0.seriesID, schoolID: $0.schoolID, title: $0.title, date: $0.date,
                              time: $0.time, sequence: $0.sequence, stamp: $0.stamp)
            }
            let request = RescheduleRequest(agreement: published.agreement, years: 2027...2027, previous: previous,
                                            extraBlackouts: [Blackout(range: DateRange(slt.date, slt.date), reason: "Bisettelse")],
                                            stamp: UTCTimestamp(date: CivilDate(year: 2027, month: 2, day: 1)!))
            let repair = measure { _ = try? Rescheduler.reschedule(request) }
            print(pad("reschedule one blackout, lillestrom", 34) + format(repair))
        }
    }

    struct BenchArgumentError: Error, CustomStringConvertible { let text: String; var description: String { text } }

    static let warmups = 3
    static let rounds = 25

    #if DEBUG
    static let isDebug = true
    #else
    static let isDebug = false
    #endif

    /// Median wall time in milliseconds.
    static func measure(rounds: Int = rounds, _ body: () -> Void) -> Double {
        for _ in 0..<min(warmups, rounds) { body() }
        var samples: [Double] = []
        for _ in 0..<rounds {
            let start = now()
            body()
            samples.append(now() - start)
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
    }

    /// CPU time of the whole process (every thread), in ms: on a loaded
    /// machine the wall time says more about the others than about us.
    static func cpu() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
    }

    static func format(_ ms: Double) -> String {
        let rounded = (ms * 100).rounded() / 100
        return "\(rounded) ms"
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(1, width - s.count))
    }
}
