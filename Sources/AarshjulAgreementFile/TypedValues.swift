import AarshjulCore
import Yams

/// Typed values read from nodes: the `Values` rules, located at the node.
extension NodeReader {
    func parsed<T>(_ node: Node, expected: String, _ rule: (String) -> Result<T, Problem>) throws(AgreementFileError) -> T {
        let raw = try nonEmptyText(node, expected: expected)
        switch rule(raw) {
        case .success(let value): return value
        case .failure(let problem): throw fail(position(node), problem.message)
        }
    }

    func date(_ node: Node) throws(AgreementFileError) -> CivilDate {
        try parsed(node, expected: "a date such as 2027-03-15", Values.date)
    }

    func time(_ node: Node) throws(AgreementFileError) -> TimeOfDay {
        try parsed(node, expected: "a time of day such as \"13:00\"", Values.time)
    }

    func timeSpan(_ node: Node) throws(AgreementFileError) -> TimeSpan {
        try parsed(node, expected: "opening hours such as \"09:00-15:00\"", Values.timeSpan)
    }

    func weekday(_ node: Node) throws(AgreementFileError) -> Weekday {
        let raw = try nonEmptyText(node, expected: Values.weekdayHint)
        guard let day = Values.weekday(raw) else {
            throw fail(position(node), "'\(raw)' is not a weekday; expected \(Values.weekdayHint).")
        }
        return day
    }

    func bool(_ node: Node) throws(AgreementFileError) -> Bool {
        let raw = try nonEmptyText(node, expected: "true or false")
        guard let value = Values.bool(raw) else {
            throw fail(position(node), "'\(raw)' is not true or false; expected true or false.")
        }
        return value
    }

    /// A whole number in `range`; `what` names it ("a number of days").
    func int(_ node: Node, _ what: String, in range: ClosedRange<Int>) throws(AgreementFileError) -> Int {
        let raw = try nonEmptyText(node, expected: what)
        guard let n = Int(raw) else {
            throw fail(position(node), "'\(raw)' is not a whole number; expected \(what) (\(range.lowerBound)–\(range.upperBound)).")
        }
        guard range.contains(n) else {
            throw fail(position(node), "\(n) is out of range; expected \(what) from \(range.lowerBound) to \(range.upperBound).")
        }
        return n
    }

    func year(_ node: Node) throws(AgreementFileError) -> Int {
        try int(node, "a year such as 2027", in: 1900...2200)
    }

    /// An id: lowercase ASCII, as used in UIDs and references.
    func id(_ node: Node, of what: String) throws(AgreementFileError) -> String {
        let raw = try nonEmptyText(node, expected: "an id for \(what)")
        // Ids become file names (<municipality>-<series>-<year>.ics) and UIDs.
        guard raw.count <= AgreementLimits.maxIDLength else {
            throw fail(position(node), "The id for \(what) is \(raw.count) characters long; ids may be at most \(AgreementLimits.maxIDLength) characters, since they become file names, e.g. 'slt_koordinator'.")
        }
        guard Values.isValidID(raw) else {
            throw fail(position(node), "'\(raw)' is not a valid id for \(what); ids use only lowercase a–z, digits, '_' and '-' (no æ, ø, å or spaces), e.g. 'slt_koordinator'.")
        }
        return raw
    }

    func stringList(_ node: Node?, expected: String) throws(AgreementFileError) -> [String] {
        guard let node else { return [] }
        var out: [String] = []
        for item in try list(node, expected: expected) { out.append(try nonEmptyText(item, expected: expected)) }
        return out
    }

    /// Agenda items: each a text (`- Saker frå kommunen`) or a text with its
    /// English form, like a title and title_en (`- {text: Saker frå kommunen,
    /// text_en: Matters from the municipality}`).
    func agendaItems(_ node: Node?) throws(AgreementFileError) -> [(text: String, english: String?)] {
        guard let node else { return [] }
        var out: [(text: String, english: String?)] = []
        for item in try list(node, expected: "agenda items") {
            if case .mapping = item {
                let f = try fields(item, of: "an agenda item", allowed: ["text", "text_en"])
                out.append((try f.requiredText("text", expected: "the agenda item's text"),
                            try f.optionalText("text_en", expected: "the agenda item in English")))
            } else {
                out.append((try nonEmptyText(item, expected: "an agenda item"), nil))
            }
        }
        return out
    }

    /// A list of ids with the nodes they came from, for later reference checks.
    func idList(_ node: Node?, of what: String) throws(AgreementFileError) -> [(id: String, node: Node)] {
        guard let node else { return [] }
        var out: [(id: String, node: Node)] = []
        for item in try list(node, expected: "ids of \(what)") { out.append((try id(item, of: what), item)) }
        return out
    }

    func monthDayWindow(from: Node, to: Node) throws(AgreementFileError) -> MonthDayWindow {
        let a = try parsed(from, expected: "a month-day such as \"10-01\"", Values.monthDay)
        let b = try parsed(to, expected: "a month-day such as \"11-30\"", Values.monthDay)
        guard (a.month, a.day) <= (b.month, b.day) else {
            throw fail(position(to), "The window ends (\(try text(to, expected: "")) before it starts (\(try text(from, expected: ""))); a window must lie within one calendar year.")
        }
        return MonthDayWindow(fromMonth: a.month, fromDay: a.day, toMonth: b.month, toDay: b.day)
    }

    /// `{date: …, reason: …}` or `{from: …, to: …, reason: …}`.
    func blackout(_ node: Node, of what: String) throws(AgreementFileError) -> Blackout {
        let f = try fields(node, of: what, allowed: ["date", "from", "to", "reason"])
        let reason = try f.requiredText("reason", expected: "why nothing can be planned then")
        if let single = f["date"] {
            if f.has("from") || f.has("to") {
                throw fail(f.position, "Give either 'date' or 'from' and 'to' in \(what), not both.")
            }
            let d = try date(single)
            return Blackout(range: DateRange(d, d), reason: reason)
        }
        guard f.has("from") || f.has("to") else {
            throw fail(f.position, "\(what.prefix(1).uppercased() + what.dropFirst()) needs 'date' (one day) or 'from' and 'to' (a period).")
        }
        let start = try date(try f.required("from", expected: "the first day, such as 2027-06-21"))
        let end = try date(try f.required("to", expected: "the last day, such as 2027-08-15"))
        guard start <= end else {
            throw fail(position(f["to"]!), "The period ends (\(end)) before it starts (\(start)).")
        }
        return Blackout(range: DateRange(start, end), reason: reason)
    }
}
