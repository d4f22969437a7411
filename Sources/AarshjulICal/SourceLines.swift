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
    /// The file's text; a line is cut out of it only when one is looked at.
    private let text: String
    /// Per line (0-based): the UTF-8 offset where it starts and where its
    /// content ends (before its "\r\n" or "\n").
    private var starts: [Int] = []
    private var ends: [Int] = []
    /// Every component in file order: its kind (upper-cased), BEGIN line and END line (1-based; nil if never closed).
    private(set) var components: [(kind: String, begin: Int, end: Int?)] = []
    /// Indexes into `components` by kind, in file order.
    private var byKind: [String: [Int]] = [:]
    /// The first line where BEGIN/END do not match, and why (nil when balanced).
    private(set) var imbalance: (line: Int, message: LocalizedText)?
    /// The deepest nesting seen, and the first line reaching it.
    private(set) var depth: (levels: Int, line: Int) = (0, 0)

    var lineCount: Int { starts.count }

    init(_ text: String, depthLimit: Int = .max) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        // Lines end at "\n", with a "\r" before it dropped: the same lines as
        // splitting the String at "\r\n" and "\n" (a lone "\r" ends nothing),
        // found on the bytes. Splitting by Character cost a quarter of a
        // 50,000-event import.
        var starts: [Int] = [], ends: [Int] = []
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            for i in 0..<bytes.count where bytes[i] == 0x0A {
                starts.append(start)
                ends.append(i > start && bytes[i - 1] == 0x0D ? i - 1 : i)
                start = i + 1
            }
            starts.append(start)
            ends.append(bytes.count)
        }
        self.starts = starts
        self.ends = ends
        var open: [Int] = []
        for index in 0..<starts.count {
            let number = index + 1
            guard let (isBegin, kind) = marker(index) else { continue }
            if isBegin {
                components.append((kind, number, nil))
                byKind[kind, default: []].append(components.count - 1)
                open.append(components.count - 1)
                if open.count > depth.levels { depth = (open.count, number) }
                // Nothing deeper needs looking at: the file will be refused.
                if open.count > depthLimit { break }
            } else {
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

    /// Line `index` (0-based) without its line end.
    func line(_ index: Int) -> Substring {
        let utf8 = text.utf8
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: starts[index])..<utf8.index(utf8.startIndex, offsetBy: ends[index])])
    }

    /// Calls `body` with line `index`'s bytes (without its line end).
    private func withBytes<T>(ofLine index: Int, _ body: (UnsafeBufferPointer<UInt8>.SubSequence) -> T) -> T {
        text.utf8.withContiguousStorageIfAvailable { body($0[starts[index]..<ends[index]]) }!
    }

    /// Whether line `index` is a BEGIN: (true) or END: (false) line, with the
    /// upper-cased name after the colon, trailing blanks dropped.
    private func marker(_ index: Int) -> (isBegin: Bool, kind: String)? {
        withBytes(ofLine: index) { bytes -> (Bool, String)? in
            guard bytes.count > 4, bytes.count < 200 else { return nil }
            let isBegin: Bool
            switch bytes[bytes.startIndex] | 0x20 {
            case 0x62: isBegin = true   // b
            case 0x65: isBegin = false  // e
            default: return nil
            }
            let prefix: StaticString = isBegin ? "BEGIN:" : "END:"
            guard bytes.count > prefix.utf8CodeUnitCount,
                  Self.hasPrefixIgnoringCase(bytes, prefix) else { return nil }
            var name = bytes[(bytes.startIndex + prefix.utf8CodeUnitCount)...]
            while let last = name.last, last == 0x20 || last == 0x09 { name = name.dropLast() }
            if name.allSatisfy({ $0 < 0x80 }) {
                // ASCII, as every real component name is: upper-cased byte by byte.
                return (isBegin, String(decoding: name.lazy.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self))
            }
            var full = String(decoding: name, as: UTF8.self).uppercased()
            while full.last == " " || full.last == "\t" { full.removeLast() }
            return (isBegin, full)
        }
    }

    /// Whether `bytes` start with `prefix` (upper-case ASCII), ignoring ASCII case.
    private static func hasPrefixIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence, _ prefix: StaticString) -> Bool {
        guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
        var i = bytes.startIndex
        for k in 0..<prefix.utf8CodeUnitCount {
            let expected = prefix.utf8Start[k], b = bytes[i]
            guard b == expected || (b >= 0x61 && b <= 0x7A && b - 0x20 == expected) else { return false }
            i += 1
        }
        return true
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
        return range.first { line($0).contains(snippet) }.map { $0 + 1 }
    }

    /// The first line in `from...to` that holds property `name`.
    func line(startingWithProperty name: String, from: Int, to: Int? = nil) -> Int? {
        let upper = Array(name.uppercased().utf8)
        guard let range = bounded(from, to) else { return nil }
        return range.first { index in
            withBytes(ofLine: index) { bytes in
                guard bytes.count > upper.count else { return false }
                for (k, expected) in upper.enumerated() {
                    let b = bytes[bytes.startIndex + k]
                    guard b == expected || (b >= 0x61 && b <= 0x7A && b - 0x20 == expected) else { return false }
                }
                let next = bytes[bytes.startIndex + upper.count]
                return next == 0x3A || next == 0x3B  // ":" or ";"
            }
        }.map { $0 + 1 }
    }

    /// The 1-based column (in characters) where `snippet` starts on `line`, ignoring case.
    func column(of snippet: String, line: Int?) -> Int? {
        guard let line, line >= 1, line <= lineCount else { return nil }
        let text = Array(self.line(line - 1).uppercased()), wanted = Array(snippet.uppercased())
        guard !wanted.isEmpty, text.count >= wanted.count else { return nil }
        for start in 0...(text.count - wanted.count) where text[start..<(start + wanted.count)].elementsEqual(wanted) {
            return start + 1
        }
        return nil
    }

    private func bounded(_ from: Int, _ to: Int?) -> Range<Int>? {
        let start = max(0, from - 1)
        let end = min(lineCount, to ?? lineCount)
        return start < end ? start..<end : nil
    }

    /// Where and why a file libical could not read as a calendar breaks.
    /// The file's own text is not quoted: it may not be a calendar at all.
    func structureProblem() -> (line: Int?, message: LocalizedText) {
        guard let first = (0..<lineCount).first(where: { !line($0).allSatisfy(\.isWhitespace) }) else {
            return (nil, LocalizedText(nb: "filen er tom; forventet en iCalendar-fil som begynner med BEGIN:VCALENDAR",
                                       nn: "fila er tom; venta ei iCalendar-fil som byrjar med BEGIN:VCALENDAR",
                                       en: "the file is empty; expected an iCalendar file starting with BEGIN:VCALENDAR"))
        }
        if let found = marker(first), found.isBegin, found.kind == "VCALENDAR" {} else {
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
