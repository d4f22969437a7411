import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A serial executor on its own thread, at a lower scheduling priority: the
/// folder source plans on it, so a reload (seconds of CPU for a big folder)
/// never occupies the threads that answer requests, and the system gives
/// request threads the CPU first. Feeds keep being served from the old
/// catalog meanwhile, with no latency cliff.
public final class PlanningExecutor: SerialExecutor, @unchecked Sendable {
    public static let shared = PlanningExecutor()

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init() {
        let thread = Thread { [unowned self] in self.run() }
        thread.name = "aarshjul-planning"
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }

    private func run() {
        // Nice 10 for this thread only (Linux: setpriority on a thread id; gettid is
        // in glibc ≥ 2.30 but not in Swift's Glibc module, so it is looked up).
        typealias GetTID = @convention(c) () -> Int32
        if let symbol = dlsym(dlopen(nil, RTLD_NOW), "gettid") {
            let tid = unsafeBitCast(symbol, to: GetTID.self)()
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(tid), 10)
        }
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedSerialExecutor())
        }
    }
}
