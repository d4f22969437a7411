import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress report on standard error, redrawn in place, shown
/// only when standard error is a terminal: piped or logged runs stay quiet.
final class TerminalProgress: @unchecked Sendable {
    let enabled: Bool
    private let lock = NSLock()
    private var last = ""

    init(enabled: Bool = isatty(2) == 1) { self.enabled = enabled }

    /// Replaces the line with `text` (cut to the terminal's width so it never wraps).
    func update(_ text: String) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let line = String(text.prefix(Self.width() - 1))
        guard line != last else { return }
        last = line
        var standardError = StandardError()
        print("\r\u{1B}[K" + line, terminator: "", to: &standardError)
    }

    /// Clears the line and, when given, leaves `summary` on a line of its own.
    func finish(_ summary: String? = nil) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        var standardError = StandardError()
        print("\r\u{1B}[K" + (summary.map { $0 + "\n" } ?? ""), terminator: "", to: &standardError)
    }

    /// Runs `work` on another thread, redrawing `label` with the seconds
    /// passed until it is done (for one long computation that cannot report steps).
    func whileRunning<T>(_ label: @escaping @Sendable (Int) -> String, _ work: () throws -> T) rethrows -> T {
        guard enabled else { return try work() }
        let done = DispatchSemaphore(value: 0), stopped = DispatchSemaphore(value: 0)
        let start = Date()
        let ticker = Thread { [self] in
            while done.wait(timeout: .now() + 0.5) == .timedOut {
                update(label(Int(Date().timeIntervalSince(start))))
            }
            stopped.signal()
        }
        update(label(0))
        ticker.start()
        // The ticker has drawn its last line before the caller draws its own.
        defer { done.signal(); stopped.wait() }
        return try work()
    }

    static func width() -> Int {
        var size = winsize()
        if ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 10 { return Int(size.ws_col) }
        return 80
    }
}
