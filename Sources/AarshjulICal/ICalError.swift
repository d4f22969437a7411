import AarshjulCore
import CLibical

/// What can go wrong reading or writing iCalendar, in words a user can act on.
public enum ICalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not an iCalendar file Aarshjul can read: what is wrong and
    /// what was expected, in the plan's language. `line` and `column` are
    /// 1-based; the column is where the offending part starts (libical keeps
    /// no positions, so it is found in the text), nil for the line's start.
    case malformed(file: String, line: Int?, column: Int? = nil, message: LocalizedText)
    /// The file named as a calendar cannot be read (missing, a folder, a device, too large…).
    case unreadable(path: String, problem: InputFile.Problem)
    /// libical refused an operation; `code` is its `icalerrorenum` value.
    case libical(code: Int32, message: String)
    /// Reading or writing a file failed.
    case io(path: String, message: String)

    public var description: String { message(.english) }

    /// `file:line:column: what is wrong; what was expected`, the form editors and terminals link to.
    public func message(_ language: PlanLanguage) -> String {
        switch self {
        case let .malformed(file, line, column, message):
            if let line { return "\(file):\(line):\(column ?? 1): \(message.text(language))" }
            return "\(file): \(message.text(language))"
        case let .unreadable(path, problem):
            let expected = LocalizedText(nb: "en iCalendar-fil (.ics)", nn: "ei iCalendar-fil (.ics)", en: "an iCalendar file (.ics)")
            return "\(path): \(problem.words(expected: expected).text(language))"
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
    /// How many findings of one file are listed one by one.
    static let listed = 20

    /// At most `limit` findings, the rest summed up in one: a broken export
    /// of 50,000 events should not print 50,000 warnings.
    static func capped(_ findings: [ICalFinding], limit: Int = listed) -> [ICalFinding] {
        guard findings.count > limit, let first = findings.first else { return findings }
        return Array(findings.prefix(limit)) + [ICalFinding(
            file: first.file, line: nil, component: "VCALENDAR",
            message: "and \(findings.count - limit) more problems like these (only the first \(limit) are listed)")]
    }
}
