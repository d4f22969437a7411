import AarshjulCore
import Glibc

/// How much work reading one calendar file may take. Busy calendars and
/// skolerute files come from other people's systems, so a file that would
/// expand without end (an `RRULE:FREQ=SECONDLY`, a minutely rule from 1601,
/// a time zone changing every day) is refused with the limit it hit instead
/// of taking the machine down. The defaults are stated in
/// docs/limits.md; each can be raised with an environment variable.
public struct ImportLimits: Sendable, Equatable {
    /// Largest calendar file read, in bytes (`AARSHJUL_MAX_CALENDAR_MB`).
    public var maxFileBytes: Int = 64 << 20
    /// Occurrences (events and expanded repeats) one file may give over the planned years (`AARSHJUL_MAX_OCCURRENCES`).
    public var maxOccurrences: Int = 200_000
    /// Recurrence steps one RRULE may take from its DTSTART to the end of
    /// the planned years (steps before them count too: a daily rule from 1601
    /// takes 156,000) (`AARSHJUL_MAX_RECURRENCE_STEPS`).
    public var maxRecurrenceSteps: Int = 200_000
    /// Time-zone changes one VTIMEZONE rule may define up to the last plannable year.
    public var maxZoneChanges: Int = 20_000
    /// How deeply components may nest (VCALENDAR > VEVENT > VALARM is 3).
    public var maxNesting: Int = 8
    /// CPU seconds for reading one file (`AARSHJUL_IMPORT_SECONDS`).
    public var seconds: Double = 3

    public init() {}

    public static let standard = ImportLimits()

    /// The defaults, with any limit the environment raises or lowers.
    public static func fromEnvironment(_ environment: [String: String]? = nil) -> ImportLimits {
        var limits = ImportLimits()
        func value(_ name: String) -> Double? {
            let text = environment.map { $0[name] } ?? getenv(name).map { String(cString: $0) }
            return text.flatMap { Double($0) }.flatMap { $0 > 0 && $0 < 1e12 ? $0 : nil }
        }
        if let mb = value("AARSHJUL_MAX_CALENDAR_MB") { limits.maxFileBytes = Int(mb * 1_048_576) }
        if let n = value("AARSHJUL_MAX_OCCURRENCES") { limits.maxOccurrences = Int(n) }
        if let n = value("AARSHJUL_MAX_RECURRENCE_STEPS") { limits.maxRecurrenceSteps = Int(n) }
        if let s = value("AARSHJUL_IMPORT_SECONDS") { limits.seconds = s }
        return limits
    }
}

/// The work done so far on one file, against its limits.
struct ImportBudget {
    let limits: ImportLimits
    let fileName: String
    private let started = ImportBudget.now()
    private(set) var occurrences = 0
    private(set) var steps = 0

    init(limits: ImportLimits, fileName: String) {
        self.limits = limits
        self.fileName = fileName
    }

    /// CPU time of this thread: the budget measures the work a file costs,
    /// so a busy machine does not turn a good file into a refused one.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    mutating func occurrence(line: Int?) throws(ICalError) {
        occurrences += 1
        if occurrences > limits.maxOccurrences {
            let n = limits.maxOccurrences.grouped
            throw .malformed(file: fileName, line: line, message: LocalizedText(
                nb: "filen gir mer enn \(n) forekomster i de planlagte årene (grensen per kalenderfil; gjentakelsene til denne hendelsen går over den); forventet en kalender med folks møter (AARSHJUL_MAX_OCCURRENCES hever grensen)",
                nn: "fila gir meir enn \(n) førekomstar i dei planlagde åra (grensa per kalenderfil; gjentakingane til denne hendinga går over ho); venta ein kalender med møta til folk (AARSHJUL_MAX_OCCURRENCES hevar grensa)",
                en: "the file gives more than \(n) occurrences over the planned years (the limit per calendar file; this event's repeats pass it); expected a calendar of people's meetings (set AARSHJUL_MAX_OCCURRENCES to raise the limit)"))
        }
    }

    /// One more step of a rule that has taken `ruleSteps` so far.
    /// `column`: where the rule's FREQ= stands on its line.
    mutating func step(_ ruleSteps: Int, line: Int?, column: Int? = nil) throws(ICalError) {
        steps += 1
        if ruleSteps > limits.maxRecurrenceSteps {
            let n = limits.maxRecurrenceSteps.grouped
            throw .malformed(file: fileName, line: line, column: column, message: LocalizedText(
                nb: "RRULE-en til denne hendelsen trenger mer enn \(n) steg for å nå slutten av de planlagte årene (grensen per regel: en regel som gjentas hvert sekund eller minutt, eller fra en DTSTART langt tilbake); forventet en regel som gjentas daglig eller sjeldnere fra en nylig start (AARSHJUL_MAX_RECURRENCE_STEPS hever grensen)",
                nn: "RRULE-en til denne hendinga treng meir enn \(n) steg for å nå slutten av dei planlagde åra (grensa per regel: ein regel som vert gjentatt kvart sekund eller minutt, eller frå ein DTSTART langt tilbake); venta ein regel som vert gjentatt dagleg eller sjeldnare frå ein nyleg start (AARSHJUL_MAX_RECURRENCE_STEPS hevar grensa)",
                en: "this event's RRULE needs more than \(n) steps to reach the end of the planned years (the limit per rule: a rule repeating every second or minute, or from a DTSTART far back); expected a rule repeating daily or less often from a recent start (set AARSHJUL_MAX_RECURRENCE_STEPS to raise the limit)"))
        }
        if steps & 1023 == 0 { try checkTime(line: line) }
    }

    func checkTime(line: Int?) throws(ICalError) {
        if Self.now() - started > limits.seconds {
            let s = limits.seconds.formatted
            throw .malformed(file: fileName, line: line, message: LocalizedText(
                nb: "å lese filen tok mer enn \(s) s regnetid (grensen per kalenderfil) og ble stoppet her; forventet en kalender med folks møter (AARSHJUL_IMPORT_SECONDS hever grensen)",
                nn: "å lese fila tok meir enn \(s) s reknetid (grensa per kalenderfil) og vart stoppa her; venta ein kalender med møta til folk (AARSHJUL_IMPORT_SECONDS hevar grensa)",
                en: "reading the file took more than \(s) s of computing (the limit per calendar file) and stopped here; expected a calendar of people's meetings (set AARSHJUL_IMPORT_SECONDS to raise the limit)"))
        }
    }
}

extension Int {
    /// 200000 → "200 000" (Norwegian and SI grouping, readable in every language).
    var grouped: String {
        let digits = Array(String(magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(" ") }
            out.append(d)
        }
        return (self < 0 ? "-" : "") + out
    }
}

extension Double {
    fileprivate var formatted: String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}
