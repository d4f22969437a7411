import AarshjulCore
import AarshjulICal
import ArgumentParser
import Foundation

/// Reads what `reschedule` needs from files and arguments: the published
/// plan, busy calendars and skolerute files (through libical, findings
/// printed as warnings), blackouts, pins and the change stamp.
struct RescheduleInputs {
    let agreement: Agreement
    let years: ClosedRange<Int>

    var horizon: DateRange { DateRange(.firstOfYear(years.lowerBound), .lastOfYear(years.upperBound)) }

    enum BusyFile { case person(String, String), school(String) }

    static func blackout(_ text: String) throws -> Blackout {
        let (span, reason) = text.firstIndex(of: ":").map { (String(text[..<$0]), String(text[text.index(after: $0)...])) }
            ?? (text, "")
        let parts = span.components(separatedBy: "..")
        guard (1...2).contains(parts.count), let first = CivilDate(iso: parts[0]), let last = CivilDate(iso: parts.last!), first <= last else {
            throw ValidationError("--blackout '\(text)' is not a date or span; write 2027-03-10 or 2027-06-01..2027-06-04:\"Reason\".")
        }
        let trimmed = reason.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
        return Blackout(range: DateRange(first, last), reason: trimmed.isEmpty ? "Sperret dag" : trimmed)
    }

    static func pin(_ text: String) throws -> (String, CivilDate) {
        guard let eq = text.lastIndex(of: "="), let date = CivilDate(iso: text[text.index(after: eq)...]), eq != text.startIndex else {
            throw ValidationError("--pin '\(text)' must be UID=YYYY-MM-DD, e.g. lillestrom-slt_mote-2027-02@aarshjul=2027-03-17.")
        }
        return (String(text[..<eq]), date)
    }

    static func timestamp(_ text: String) -> UTCTimestamp? {
        // 2027-02-01T10:00:00Z
        let parts = text.split(separator: "T")
        guard parts.count == 2, let date = CivilDate(iso: parts[0]), parts[1].hasSuffix("Z") else { return nil }
        let clock = parts[1].dropLast().split(separator: ":").map { Int($0) }
        guard clock.count == 3, let h = clock[0], let m = clock[1], let s = clock[2], (0..<24).contains(h), (0..<60).contains(m),
              (0..<60).contains(s), let time = TimeOfDay(hour: h, minute: m) else { return nil }
        return UTCTimestamp(date: date, time: time, second: s)
    }

    /// `PERSONID=FILE`, or a file whose stem is a person id or starts with "skolerute".
    func busyArgument(_ text: String) throws -> BusyFile {
        if let eq = text.firstIndex(of: "="), !text[..<eq].contains("/") {
            let person = String(text[..<eq])
            guard agreement.person(person) != nil else {
                throw ValidationError("--busy \(text): '\(person)' is not a person in the agreement. People: \(agreement.people.map(\.id).joined(separator: ", ")).")
            }
            return .person(person, String(text[text.index(after: eq)...]))
        }
        let stem = ((text as NSString).lastPathComponent as NSString).deletingPathExtension
        if agreement.person(stem) != nil { return .person(stem, text) }
        if stem.lowercased().hasPrefix("skolerute") { return .school(text) }
        throw ValidationError("""
            --busy \(text): cannot tell whose calendar this is. Write --busy PERSONID=\(text) \
            (people: \(agreement.people.map(\.id).joined(separator: ", "))), name the file after a person id \
            (e.g. \(agreement.people.first?.id ?? "ordforer").ics), or start a school calendar's name with 'skolerute'.
            """)
    }

    private func read(_ path: String) throws(ICalError) -> String { try AgreementCalendarInputs.text(path) }

    private func warn(_ findings: [ICalFinding]) {
        var standardError = StandardError()
        for finding in findings { print("aarshjul: warning: \(finding)", to: &standardError) }
    }

    func busy(_ path: String, person: String) throws(ICalError) -> [BusyInterval] {
        let read = try AgreementCalendarInputs.read(busyCalendars: [(person, path)], schoolCalendars: [], horizon: horizon)
        warn(read.findings)
        return read.busy
    }

    func schoolHolidays(_ path: String) throws(ICalError) -> [Blackout] {
        let read = try AgreementCalendarInputs.read(busyCalendars: [], schoolCalendars: [path], horizon: horizon)
        warn(read.findings)
        return read.schoolHolidays
    }

    /// The published plan's municipality file: its events and to-dos.
    func previous(_ path: String) throws(ICalError) -> ([PreviousEvent], [PreviousDeadline]) {
        let read = try BusyCalendar.previous(try read(path), fileName: path)
        warn(read.findings)
        var standardError = StandardError()
        for uid in read.foreign {
            print("aarshjul: warning: \(path): \(uid) has no X-AARSHJUL-SERIES (not written by aarshjul); not carried over",
                  to: &standardError)
        }
        return (read.events, read.deadlines)
    }
}
