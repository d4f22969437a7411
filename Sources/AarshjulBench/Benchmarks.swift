import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal

#if canImport(Glibc)
import Glibc
#endif

/// Release-build benchmark: `make bench` (or `swift run -c release aarshjul-bench`).
/// Prints figures; asserts nothing about speed (that is for people to read).
@main
enum Benchmarks {
    static func main() throws {
        if CommandLine.arguments.dropFirst().first == "national" { return NationalBenchmark.run() }
        if CommandLine.arguments.dropFirst().first == "import" {
            return try ImportBenchmark.run(root: CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "calendars")
        }
        if CommandLine.arguments.dropFirst().first == "model" { return try ModelCommand.run() }
        let root = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "calendars"
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
