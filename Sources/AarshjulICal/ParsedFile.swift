import AarshjulCore
import CLibical

/// A calendar file parsed by libical, with what is needed to read its
/// components and to say where problems are.
final class ParsedFile {
    let fileName: String
    let root: LibicalComponent
    /// The VCALENDARs in the file (usually one; several when concatenated).
    let calendars: [LibicalComponent]
    let source: SourceLines
    let runtime: LibicalRuntime
    /// Problems found while reading times (unknown TZIDs), beside libical's own.
    var readFindings: [ICalFinding] = []

    init(_ text: String, fileName: String) throws(ICalError) {
        runtime = try LibicalRuntime.shared()
        self.fileName = fileName
        source = SourceLines(text)
        aarshjul_icalerrno_clear()
        guard let parsed = icalparser_parse_string(text) else {
            let problem = source.structureProblem()
            throw ICalError.malformed(file: fileName, line: problem.line, message: problem.message)
        }
        root = LibicalComponent(adopting: parsed)
        // libical reads some unbalanced files anyway (a missing END:VEVENT
        // nests the next event inside it); such a file is still broken.
        if case let (line?, message) = source.structureProblem() {
            throw ICalError.malformed(file: fileName, line: line, message: message)
        }
        switch root.kind {
        case ICAL_VCALENDAR_COMPONENT:
            calendars = [root]
        case ICAL_XROOT_COMPONENT where !root.children(ICAL_VCALENDAR_COMPONENT).isEmpty:
            calendars = root.children(ICAL_VCALENDAR_COMPONENT)
        default:
            let problem = source.structureProblem()
            throw ICalError.malformed(
                file: fileName, line: problem.line ?? 1,
                message: problem.line == nil ? "not a VCALENDAR (the file holds a lone \(root.kindName))" : problem.message)
        }
    }

    /// Every X-LIC-ERROR libical left in the tree, located by the component
    /// it sits in (the n-th BEGIN:<kind> line) and, where the message quotes
    /// the offending text, the line holding that text.
    func libicalFindings() -> [ICalFinding] {
        var findings: [ICalFinding] = []
        var seen: [String: Int] = [:]
        func visit(_ component: LibicalComponent) {
            let kind = component.kindName
            let ordinal = seen[kind, default: 0]
            seen[kind] = ordinal + 1
            let begins = source.beginLines(of: kind)
            let beginLine = ordinal < begins.count ? begins[ordinal] : nil
            for property in component.properties(ICAL_XLICERROR_PROPERTY) {
                let message = icalproperty_get_xlicerror(property).map { String(cString: $0) } ?? "unknown problem"
                let from = beginLine ?? 1
                let line = Self.quotedText(message).flatMap { source.line(containing: $0, from: from) }
                    ?? Self.propertyName(message).flatMap { source.line(startingWithProperty: $0, from: from) }
                    ?? beginLine
                findings.append(ICalFinding(file: fileName, line: line, component: kind, message: message))
            }
            for child in component.children(ICAL_ANY_COMPONENT) { visit(child) }
        }
        visit(root)
        return findings
    }

    /// libical ends its messages with the text it could not read, after the
    /// last ": " ("…Removing entire property: 2027garbage").
    static func quotedText(_ message: String) -> String? {
        let characters = Array(message)
        guard characters.count > 2 else { return nil }
        for index in stride(from: characters.count - 2, through: 0, by: -1)
        where characters[index] == ":" && characters[index + 1] == " " {
            let quoted = String(characters[(index + 2)...])
            return quoted.isEmpty ? nil : quoted
        }
        return nil
    }

    /// The property a message is about ("No value for DESCRIPTION property…").
    static func propertyName(_ message: String) -> String? {
        let words = message.split(separator: " ")
        guard let index = words.firstIndex(where: { $0.hasPrefix("property") }), index > 0 else { return nil }
        return String(words[index - 1])
    }

    /// The time a DTSTART/DTEND/DUE/RECURRENCE-ID property holds, with its
    /// zone attached: the file's own VTIMEZONE for its TZID, else libical's
    /// builtin zone of that name. An unknown TZID is reported and read as
    /// Europe/Oslo wall time.
    func time(of kind: icalproperty_kind, in component: LibicalComponent, calendar: LibicalComponent) -> icaltimetype? {
        guard let property = icalcomponent_get_first_property(component.pointer, kind),
              let value = icalproperty_get_value(property) else { return nil }
        var t = icalvalue_get_datetime(value)
        guard !icaltime_is_null_time(t).boolValue else { return nil }
        if t.is_date == 0, t.zone == nil,
           let parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER),
           let tzidPointer = icalparameter_get_tzid(parameter) {
            let tzid = String(cString: tzidPointer)
            if let zone = icalcomponent_get_timezone(calendar.pointer, tzid) ?? icaltimezone_get_builtin_timezone(tzid)
                ?? icaltimezone_get_builtin_timezone_from_tzid(tzid) {
                t.zone = zone
            } else {
                readFindings.append(ICalFinding(
                    file: fileName, line: nil, component: component.kindName,
                    message: "unknown time zone \"\(tzid)\" (no VTIMEZONE for it); times read as Europe/Oslo"))
            }
        }
        return t
    }
}

extension Int32 {
    fileprivate var boolValue: Bool { self != 0 }
}
