import CLibical

/// What can go wrong reading or writing iCalendar, in words a user can act on.
public enum ICalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not an iCalendar file libical can read; `line` is 1-based.
    case malformed(file: String, line: Int?, message: String)
    /// libical refused an operation; `code` is its `icalerrorenum` value.
    case libical(code: Int32, message: String)
    /// Reading or writing a file failed.
    case io(path: String, message: String)

    public var description: String {
        switch self {
        case let .malformed(file, line, message):
            // file:line:column, the form editors and terminals link to (libical keeps no columns: the line's start).
            if let line { return "\(file):\(line):1: \(message)" }
            return "\(file): \(message)"
        case let .libical(code, message):
            return "libical error \(code): \(message)"
        case let .io(path, message):
            return "\(path): \(message)"
        }
    }

    /// The error libical last recorded on this thread, with `context` saying
    /// what we were doing. Clears libical's error so the next check starts clean.
    static func lastLibicalError(_ context: String) -> ICalError {
        let code = aarshjul_icalerrno()
        aarshjul_icalerrno_clear()
        let reason = icalerror_strerror(code).map { String(cString: $0) } ?? "unknown error"
        return .libical(code: Int32(truncatingIfNeeded: code.rawValue), message: "\(context): \(reason)")
    }
}

/// A problem libical reported while reading a calendar without giving up on
/// it (an `X-LIC-ERROR` property): the property it dropped and why.
public struct ICalFinding: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line in the file, when it could be found.
    public var line: Int?
    /// The component the problem was in ("VEVENT").
    public var component: String
    /// libical's own text, e.g. "Can't parse as DATE-TIME value in DTSTART property…".
    public var message: String

    public init(file: String, line: Int?, component: String, message: String) {
        self.file = file
        self.line = line
        self.component = component
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file):\($0):1" } ?? file
        return "\(place): (\(component)) \(message)"
    }
}

extension ICalFinding {
    /// At most `limit` findings, the rest summed up in one: a broken export
    /// of 50,000 events should not print 50,000 warnings.
    static func capped(_ findings: [ICalFinding], limit: Int = 20) -> [ICalFinding] {
        guard findings.count > limit, let first = findings.first else { return findings }
        return Array(findings.prefix(limit)) + [ICalFinding(
            file: first.file, line: nil, component: "VCALENDAR",
            message: "and \(findings.count - limit) more problems like these (only the first \(limit) are listed)")]
    }
}
