import AarshjulAgreementFile
import AarshjulCore
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// `aarshjul-bench national [seed]`: plans the national instance (the 357
/// municipalities of data/kommuner.yaml in their 12 police districts, with
/// their counties' skolerute) for 2027–2030, regions in
/// parallel on every core (regions share nobody), then audits every plan.
enum NationalBenchmark {
    static func run() {
        let seed = CommandLine.arguments.count > 2 ? UInt64(CommandLine.arguments[2]) ?? 2027 : 2027
        let years = 2027...2030
        let start = Benchmarks.now()
        let regions = NationalCountry.regions(seed: seed)
        let generated = Benchmarks.now()
        let cpuBefore = Benchmarks.cpu()
        let results = Box(count: regions.count)
        let workers = max(1, min(2, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        // One memo for the country: a problem two regions share is solved once (plans are the same without it).
        let memo = CommandLine.arguments.contains("--no-memo") ? nil : PlanningMemo()
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < regions.count {
                results.set(i, Result { () throws(PlanningError) -> DistrictPlan in try DistrictPlanner.plan(regions[i], years: years, memo: memo) })
                i += workers
            }
        }
        let planned = Benchmarks.now()
        let planCPU = Benchmarks.cpu() - cpuBefore
        var cost = 0, bound = 0, failed = 0, municipalities = 0, events = 0
        var violations = 0, excusedWeeks = 0, crossBookings = 0, proven = 0
        var single: [Int] = []  // gap to the bound of each one-municipality region
        var fingerprint = Fingerprint()
        for (i, result) in results.values.enumerated() {
            switch result {
            case .failure(let error):
                failed += 1
                print("region \(regions[i].id) failed: \(error.message(.english))")
            case .success(let plan):
                cost += plan.totalCost
                bound += plan.lowerBound
                municipalities += plan.plans.count
                if plan.totalCost == plan.lowerBound { proven += 1 }
                if plan.plans.count == 1 { single.append(plan.totalCost - plan.lowerBound) }
                // Only weeks whose calendars leave a shared police contact too few days are excused.
                let excuses = PresenceWeeks.excused(plan)
                for memberPlan in plan.plans {
                    events += memberPlan.events.count
                    fingerprint.add(memberPlan)
                    let found = HardRuleAudit.violations(of: memberPlan.events.map(AuditEvent.init(from:)),
                                                         agreement: memberPlan.agreement, years: years)
                    let excused = found.filter { PresenceWeeks.isExcused($0, member: memberPlan.agreement.id, excuses) }
                    excusedWeeks += excused.count
                    violations += found.count - excused.count
                }
                crossBookings += DistrictAudit.violations(DistrictAudit.events(of: plan), district: plan.district).count
            }
        }
        let audited = Benchmarks.now()
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        print("Aarshjul national benchmark (\(Benchmarks.isDebug ? "DEBUG build: figures are not meaningful" : "release build"), seed \(seed))")
        print("\(municipalities) municipalities in \(regions.count) regions, 12 police districts, \(years.lowerBound)–\(years.upperBound); \(workers) threads")
        print("events planned:            \(events)")
        print("generate:                  \(Benchmarks.format(generated - start))")
        print("plan (wall):               \(Benchmarks.format(planned - generated))")
        print("plan (CPU, all threads):   \(Benchmarks.format(planCPU)) (wall on \(workers) idle cores ≈ CPU / \(workers))")
        print("audit (wall):              \(Benchmarks.format(audited - planned))")
        print("peak memory (ru_maxrss):   \(usage.ru_maxrss / 1024) MB")
        let gap = bound > 0 ? Double(cost - bound) * 100 / Double(bound) : 0
        print("total preference cost:     \(cost) (valid lower bound \(bound); at most \(cost - bound) points, \(Int(gap.rounded()))% above the best possible)")
        print("regions proven optimal:    \(proven) of \(regions.count)")
        if let memo {
            let (lookups, reused) = memo.statistics
            print("unit solves:               \(lookups), \(reused) answered from the memo (\(lookups - reused) solved)")
        }
        print("one-municipality regions:  \(single.count), \(single.filter { $0 == 0 }.count) proven optimal")
        print("regions that failed:       \(failed)")
        print("hard-rule violations:      \(violations) (+ \(excusedWeeks) presence weeks whose calendars leave a shared contact too few days)")
        print("cross-municipality clashes: \(crossBookings)")
        print("plans fingerprint:         \(fingerprint.hex) (every event's UID, day and time and every note: equal only for the same plans)")
    }

    /// FNV-1a (64 bit) over the plans in region order: a change of any
    /// meeting's day or time, or of any note, changes it.
    struct Fingerprint {
        private var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0x0a
            hash = hash &* 0x100_0000_01b3
        }
        mutating func add(_ plan: Plan) {
            add(plan.agreement.id)
            for event in plan.events { add("\(event.uid) \(event.date.iso) \(event.time.map { "\($0)" } ?? "all-day")") }
            for note in plan.notes { add(note.text.english) }
        }
        var hex: String {
            let digits = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
    }

    /// Results written by index from the worker threads (each index by one thread only).
    final class Box: @unchecked Sendable {
        private let lock = NSLockLike()
        private(set) var values: [Result<DistrictPlan, PlanningError>]
        init(count: Int) { values = Array(repeating: .failure(.invalidAgreement(["not planned"])), count: count) }
        func set(_ i: Int, _ value: Result<DistrictPlan, PlanningError>) {
            lock.locked { values[i] = value }
        }
    }
}

/// A pthread mutex (Core and the bench avoid Foundation).
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func locked(_ body: () -> Void) {
        pthread_mutex_lock(&mutex)
        body()
        pthread_mutex_unlock(&mutex)
    }
}
