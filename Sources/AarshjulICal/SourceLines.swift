import AarshjulCore

/// The physical lines of a calendar file, for pointing a user at a line.
/// libical keeps no line numbers, so errors are located here: this only
/// looks at BEGIN/END lines and searches text, it does not parse iCalendar.
///
/// Everything is found in one pass at init (time linear in the file): the
/// BEGIN line of every component with the line of its END, the nesting
/// depth, and the first structural problem. Searches for a property or a
/// quoted text are bounded to one component's lines.
struct SourceLines {
    let lines: [Substring]
    /// Every component in file order: its kind (upper-cased), BEGIN line and END line (1-based; nil if never closed).
    private(set) var components: [(kind: String, begin: Int, end: Int?)] = []
    /// Indexes into `components` by kind, in file order.
    private var byKind: [String: [Int]] = [:]
    /// The first line where BEGIN/END do not match, and why (nil when balanced).
    private(set) var imbalance: (line: Int, message: LocalizedText)?
    /// The deepest nesting seen, and the first line reaching it.
    private(set) var depth: (levels: Int, line: Int) = (0, 0)

    init(_ text: String, depthLimit: Int = .max) {
        // "\r\n" is one Character in Swift, so both line ends are listed.
        lines = text.split(omittingEmptySubsequences: false) { $0 == "\r\n" || $0 == "\n" }
        var open: [Int] = []
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if let kind = Self.marker("BEGIN:", line) {
                components.append((kind, number, nil))
                byKind[kind, default: []].append(components.count - 1)
                open.append(components.count - 1)
                if open.count > depth.levels { depth = (open.count, number) }
                // Nothing deeper needs looking at: the file will be refused.
                if open.count > depthLimit { break }
            } else if let kind = Self.marker("END:", line) {
                guard let innermost = open.last else {
                    if imbalance == nil {
                        imbalance = (number, LocalizedText(
                            nb: "END:\(kind) uten noen åpen BEGIN:\(kind); forventet BEGIN:\(kind) før den, eller ingen END-linje",
                            nn: "END:\(kind) utan nokon open BEGIN:\(kind); venta BEGIN:\(kind) før han, eller inga END-line",
                            en: "END:\(kind) with nothing open; expected BEGIN:\(kind) before it, or no END line"))
                    }
                    continue
                }
                if components[innermost].kind != kind {
                    if imbalance == nil {
                        let inner = components[innermost]
                        // END of an outer component: the inner one was never closed, and that is where to fix it.
                        if open.contains(where: { components[$0].kind == kind }) {
                            imbalance = (inner.begin, LocalizedText(
                                nb: "BEGIN:\(inner.kind) blir aldri lukket; forventet END:\(inner.kind) før END:\(kind) på linje \(number)",
                                nn: "BEGIN:\(inner.kind) vert aldri lukka; venta END:\(inner.kind) før END:\(kind) på line \(number)",
                                en: "BEGIN:\(inner.kind) is never closed; expected END:\(inner.kind) before END:\(kind) on line \(number)"))
                        } else {
                            imbalance = (number, LocalizedText(
                                nb: "END:\(kind) lukker ikke BEGIN:\(inner.kind) fra linje \(inner.begin); forventet END:\(inner.kind)",
                                nn: "END:\(kind) lukkar ikkje BEGIN:\(inner.kind) frå line \(inner.begin); venta END:\(inner.kind)",
                                en: "END:\(kind) does not close BEGIN:\(inner.kind) from line \(inner.begin); expected END:\(inner.kind)"))
                        }
                    }
                    continue
                }
                components[innermost].end = number
                open.removeLast()
            }
        }
        if imbalance == nil, let unclosed = open.last {
            let c = components[unclosed]
            imbalance = (c.begin, LocalizedText(
                nb: "BEGIN:\(c.kind) blir aldri lukket; forventet END:\(c.kind) senere i filen",
                nn: "BEGIN:\(c.kind) vert aldri lukka; venta END:\(c.kind) seinare i fila",
                en: "BEGIN:\(c.kind) is never closed; expected END:\(c.kind) later in the file"))
        }
    }

    /// The upper-cased name after `prefix` ("BEGIN:") when the line is such a marker.
    private static func marker(_ prefix: String, _ line: Substring) -> String? {
        let bytes = line.utf8
        let p = prefix.utf8
        guard bytes.count > p.count, bytes.count < 200 else { return nil }
        var i = bytes.startIndex
        for expected in p {
            let b = bytes[i]
            // ASCII case-insensitive.
            guard b == expected || (b >= 0x61 && b <= 0x7A && b - 0x20 == expected) else { return nil }
            i = bytes.index(after: i)
        }
        var name = String(line[i...]).uppercased()
        while name.last == " " || name.last == "\t" { name.removeLast() }
        return name
    }

    /// 1-based line numbers of every `BEGIN:<kind>` line, in file order.
    func beginLines(of kind: String) -> [Int] {
        (byKind[kind.uppercased()] ?? []).map { components[$0].begin }
    }

    /// The n-th (0-based) component of `kind`: its BEGIN and END lines.
    func component(_ kind: String, ordinal: Int) -> (begin: Int, end: Int?)? {
        guard let list = byKind[kind.uppercased()], ordinal < list.count else { return nil }
        let c = components[list[ordinal]]
        return (c.begin, c.end)
    }

    /// The first line in `from...to` (1-based) containing `snippet`.
    func line(containing snippet: String, from: Int, to: Int? = nil) -> Int? {
        guard !snippet.isEmpty else { return nil }
        guard let range = bounded(from, to) else { return nil }
        return lines[range].firstIndex { $0.contains(snippet) }.map { $0 + 1 }
    }

    /// The first line in `from...to` that holds property `name`.
    func line(startingWithProperty name: String, from: Int, to: Int? = nil) -> Int? {
        let upper = name.uppercased()
        guard let range = bounded(from, to) else { return nil }
        return lines[range].firstIndex { line in
            let head = line.prefix(upper.count + 1).uppercased()
            return head == upper + ":" || head == upper + ";"
        }.map { $0 + 1 }
    }

    /// The 1-based column (in characters) where `snippet` starts on `line`, ignoring case.
    func column(of snippet: String, line: Int?) -> Int? {
        guard let line, line >= 1, line <= lines.count else { return nil }
        let text = Array(lines[line - 1].uppercased()), wanted = Array(snippet.uppercased())
        guard !wanted.isEmpty, text.count >= wanted.count else { return nil }
        for start in 0...(text.count - wanted.count) where text[start..<(start + wanted.count)].elementsEqual(wanted) {
            return start + 1
        }
        return nil
    }

    private func bounded(_ from: Int, _ to: Int?) -> Range<Int>? {
        let start = max(0, from - 1)
        let end = min(lines.count, to ?? lines.count)
        return start < end ? start..<end : nil
    }

    /// Where and why a file libical could not read as a calendar breaks.
    /// The file's own text is not quoted: it may not be a calendar at all.
    func structureProblem() -> (line: Int?, message: LocalizedText) {
        guard let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return (nil, LocalizedText(nb: "filen er tom; forventet en iCalendar-fil som begynner med BEGIN:VCALENDAR",
                                       nn: "fila er tom; venta ei iCalendar-fil som byrjar med BEGIN:VCALENDAR",
                                       en: "the file is empty; expected an iCalendar file starting with BEGIN:VCALENDAR"))
        }
        if Self.marker("BEGIN:", lines[first]) != "VCALENDAR" {
            return (first + 1, LocalizedText(nb: "dette er ikke en iCalendar-fil; forventet BEGIN:VCALENDAR som første linje",
                                             nn: "dette er ikkje ei iCalendar-fil; venta BEGIN:VCALENDAR som første line",
                                             en: "this is not an iCalendar file; expected BEGIN:VCALENDAR as the first line"))
        }
        if let imbalance { return (imbalance.line, imbalance.message) }
        return (nil, LocalizedText(nb: "libical kunne ikke lese filen som iCalendar; forventet en fil etter RFC 5545",
                                   nn: "libical kunne ikkje lese fila som iCalendar; venta ei fil etter RFC 5545",
                                   en: "libical could not read the file as iCalendar; expected a file following RFC 5545"))
    }
}
