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

    /// What reading this file has cost so far, against its limits.
    var budget: ImportBudget

    init(_ text: String, fileName: String, limits: ImportLimits = .standard) throws(ICalError) {
        runtime = try LibicalRuntime.shared()
        self.fileName = fileName
        budget = ImportBudget(limits: limits, fileName: fileName)
        if text.utf8.count > limits.maxFileBytes {
            let size = text.utf8.count / 1_048_576, limit = limits.maxFileBytes / 1_048_576
            throw ICalError.malformed(file: fileName, line: nil, message: LocalizedText(
                nb: "filen er \(size) MB; en kalenderfil kan være høyst \(limit) MB (AARSHJUL_MAX_CALENDAR_MB hever grensen)",
                nn: "fila er \(size) MB; ei kalenderfil kan vere høgst \(limit) MB (AARSHJUL_MAX_CALENDAR_MB hevar grensa)",
                en: "the file is \(size) MB; a calendar file may be at most \(limit) MB (set AARSHJUL_MAX_CALENDAR_MB to raise the limit)"))
        }
        // Structure first, in one pass, before libical sees the text: a
        // file nested thousands deep or unbalanced is refused here.
        source = SourceLines(text, depthLimit: limits.maxNesting)
        if source.depth.levels > limits.maxNesting {
            let limit = limits.maxNesting
            throw ICalError.malformed(file: fileName, line: source.depth.line, message: LocalizedText(
                nb: "komponentene ligger mer enn \(limit) nivåer inni hverandre her (BEGIN: inni BEGIN:); forventet VCALENDAR med VEVENT-er (med høyst en alarm inni)",
                nn: "komponentane ligg meir enn \(limit) nivå inni kvarandre her (BEGIN: inni BEGIN:); venta VCALENDAR med VEVENT-ar (med høgst ein alarm inni)",
                en: "components are nested more than \(limit) deep here (BEGIN: inside BEGIN:); expected VCALENDAR holding VEVENTs (with at most an alarm inside)"))
        }
        let problem = source.structureProblem()
        if problem.line != nil || source.components.isEmpty {
            throw ICalError.malformed(file: fileName, line: problem.line, message: problem.message)
        }
        aarshjul_icalerrno_clear()
        guard let parsed = icalparser_parse_string(text) else {
            throw ICalError.malformed(file: fileName, line: problem.line, message: problem.message)
        }
        root = LibicalComponent(adopting: parsed)
        switch root.kind {
        case ICAL_VCALENDAR_COMPONENT:
            calendars = [root]
        case ICAL_XROOT_COMPONENT where !root.children(ICAL_VCALENDAR_COMPONENT).isEmpty:
            calendars = root.children(ICAL_VCALENDAR_COMPONENT)
        default:
            let kind = root.kindName
            throw ICalError.malformed(file: fileName, line: source.components.first?.begin ?? 1, message: LocalizedText(
                nb: "filen har en løs \(kind), ikke en VCALENDAR; forventet BEGIN:VCALENDAR rundt den",
                nn: "fila har ein laus \(kind), ikkje ein VCALENDAR; venta BEGIN:VCALENDAR rundt han",
                en: "the file holds a lone \(kind), not a VCALENDAR; expected BEGIN:VCALENDAR around it"))
        }
        try ZoneRuleCheck(file: self).check()
    }

    /// Where the `ordinal`-th VEVENT of the file (over all its calendars)
    /// starts and ends, when every VEVENT sits directly in a VCALENDAR
    /// (libical keeps no lines; the readers walk the events in order and
    /// know which one they are at).
    func lines(ofEventAt ordinal: Int) -> (begin: Int, end: Int?)? {
        eventsSitInCalendars ? source.component("VEVENT", ordinal: ordinal) : nil
    }

    /// Whether every VEVENT sits directly in a VCALENDAR, so that the n-th
    /// one libical holds is the n-th BEGIN:VEVENT line (counted, not listed).
    private lazy var eventsSitInCalendars: Bool = {
        var count = 0
        for calendar in calendars {
            // Its own iterator: a reader may be walking the calendar's events when it asks.
            calendar.forEachChild(ICAL_VEVENT_COMPONENT) { _ in count += 1 }
        }
        return count == source.beginLines(of: "VEVENT").count
    }()

    /// The line of `property` between an event's BEGIN and END lines (else its BEGIN line).
    func line(of property: String, within lines: (begin: Int, end: Int?)?) -> Int? {
        guard let lines else { return nil }
        return source.line(startingWithProperty: property, from: lines.begin, to: lines.end) ?? lines.begin
    }

    /// The finding for the `ordinal`-th VEVENT, left out for want of a
    /// readable DTSTART, at its BEGIN line (counted over the whole file).
    /// Looked up by ordinal, not by listing every BEGIN:VEVENT line: a file
    /// of 50,000 events without DTSTART asks 50,000 times.
    func eventLeftOut(ordinal: Int) -> ICalFinding {
        ICalFinding(file: fileName, line: source.component("VEVENT", ordinal: ordinal)?.begin, component: "VEVENT",
                    message: "event without a readable DTSTART left out")
    }

    /// Every X-LIC-ERROR libical left in the tree, located by the component
    /// it sits in (the n-th BEGIN:<kind> line) and, where the message quotes
    /// the offending text, the line holding that text. Only the findings that
    /// are listed (`ICalFinding.listed`) are searched for: the rest are only
    /// counted, so a file with an error on every line of a 50,000-line
    /// VCALENDAR is not searched 50,000 times over.
    func libicalFindings() -> [ICalFinding] {
        var findings: [ICalFinding] = []
        // Components counted by kind, named only when one holds an error:
        // most files have none, and naming 50,000 events was most of this walk.
        var seen: [UInt32: Int] = [:]
        // Walked by pointer with each component's own child iterator: a
        // Swift wrapper and a list of children per component were most of
        // this walk on a 50,000-event file.
        func visit(_ component: OpaquePointer) {
            let kindValue = icalcomponent_isa(component)
            let ordinal = seen[kindValue.rawValue, default: 0]
            seen[kindValue.rawValue] = ordinal + 1
            if icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY) != nil {
                let kind = String(cString: icalcomponent_kind_to_string(kindValue))
                let extent = source.component(kind, ordinal: ordinal)
                let beginLine = extent?.begin
                for property in LibicalComponent(borrowing: component).properties(ICAL_XLICERROR_PROPERTY) {
                    let message = icalproperty_get_xlicerror(property).map { String(cString: $0) } ?? "unknown problem"
                    guard findings.count < ICalFinding.listed else {
                        findings.append(ICalFinding(file: fileName, line: beginLine, component: kind, message: message))
                        continue
                    }
                    let from = beginLine ?? 1
                    let to = extent?.end
                    let line = Self.quotedText(message).flatMap { source.line(containing: $0, from: from, to: to) }
                        ?? Self.propertyName(message).flatMap { source.line(startingWithProperty: $0, from: from, to: to) }
                        ?? beginLine
                    findings.append(ICalFinding(file: fileName, line: line, component: kind, message: message))
                }
            }
            LibicalComponent.forEachChild(of: component, ICAL_ANY_COMPONENT) { visit($0) }
        }
        visit(root.pointer)
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
    /// zone attached: for `TZID=Europe/Oslo` libical's own Europe/Oslo (the
    /// zone this tool writes and plans in, expanded once per process), else
    /// the file's own VTIMEZONE for its TZID, else libical's builtin zone of
    /// that name. An unknown TZID is reported and read as Europe/Oslo wall time.
    func time(of kind: icalproperty_kind, in component: LibicalComponent, calendar: LibicalComponent) -> icaltimetype? {
        time(icalcomponent_get_first_property(component.pointer, kind), in: component, calendar: calendar)
    }

    /// The time `property` (of `component`) holds, zoned as `time(of:in:calendar:)` does.
    func time(_ property: OpaquePointer?, in component: LibicalComponent, calendar: LibicalComponent) -> icaltimetype? {
        guard let property, let value = icalproperty_get_value(property) else { return nil }
        return zoned(icalvalue_get_datetime(value), of: property, in: component, calendar: calendar)
    }

    /// `t` (read from `property`) with the zone its TZID names attached.
    func zoned(_ time: icaltimetype, of property: OpaquePointer, in component: LibicalComponent,
               calendar: LibicalComponent) -> icaltimetype? {
        var t = time
        guard !icaltime_is_null_time(t).boolValue else { return nil }
        if t.is_date == 0, t.zone == nil,
           let parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER),
           let tzidPointer = icalparameter_get_tzid(parameter) {
            let tzid = String(cString: tzidPointer)
            // The name says which zone, as Google, Outlook and python icalendar
            // read it: the file's copy of Europe/Oslo is not expanded again for
            // each file (that was a fifth of reading the tool's own feeds), and
            // a copy with made-up rules cannot move Norwegian meetings.
            if tzid == osloTZID {
                t.zone = runtime.oslo
            } else if let zone = icalcomponent_get_timezone(calendar.pointer, tzid) ?? icaltimezone_get_builtin_timezone(tzid)
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
