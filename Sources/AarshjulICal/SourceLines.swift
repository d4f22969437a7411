/// The physical lines of a calendar file, for pointing a user at a line.
/// libical keeps no line numbers, so errors are located here: this only
/// looks at BEGIN/END lines and searches text, it does not parse iCalendar.
struct SourceLines {
    let lines: [Substring]

    init(_ text: String) {
        // "\r\n" is one Character in Swift, so both line ends are listed.
        lines = text.split(omittingEmptySubsequences: false) { $0 == "\r\n" || $0 == "\n" }
    }

    /// 1-based line numbers of every `BEGIN:<kind>` line, in file order.
    func beginLines(of kind: String) -> [Int] {
        let marker = "BEGIN:" + kind.uppercased()
        return lines.indices.filter { lines[$0].uppercased() == marker }.map { $0 + 1 }
    }

    /// The first line at or after `from` (1-based) containing `snippet`.
    func line(containing snippet: String, from: Int) -> Int? {
        guard !snippet.isEmpty else { return nil }
        let start = max(0, from - 1)
        guard start < lines.count else { return nil }
        return lines[start...].firstIndex { $0.contains(snippet) }.map { $0 + 1 }
    }

    /// The first line at or after `from` that holds property `name`.
    func line(startingWithProperty name: String, from: Int) -> Int? {
        let upper = name.uppercased()
        let start = max(0, from - 1)
        guard start < lines.count else { return nil }
        return lines[start...].firstIndex { line in
            let text = line.uppercased()
            return text.hasPrefix(upper + ":") || text.hasPrefix(upper + ";")
        }.map { $0 + 1 }
    }

    /// Where and why a file libical could not read as a calendar breaks.
    func structureProblem() -> (line: Int?, message: String) {
        guard let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return (nil, "the file is empty")
        }
        if lines[first].uppercased() != "BEGIN:VCALENDAR" {
            return (first + 1, "not an iCalendar file: expected BEGIN:VCALENDAR, found \"\(lines[first].prefix(60))\"")
        }
        var open: [(name: String, line: Int)] = []
        for (index, line) in lines.enumerated() {
            let upper = line.uppercased()
            if upper.hasPrefix("BEGIN:") {
                open.append((String(upper.dropFirst(6)), index + 1))
            } else if upper.hasPrefix("END:") {
                let name = String(upper.dropFirst(4))
                guard let innermost = open.last else {
                    return (index + 1, "END:\(name) with nothing open")
                }
                if innermost.name != name {
                    return (index + 1, "END:\(name) does not close BEGIN:\(innermost.name) from line \(innermost.line)")
                }
                open.removeLast()
            }
        }
        if let unclosed = open.last {
            return (unclosed.line, "BEGIN:\(unclosed.name) is never closed (no END:\(unclosed.name))")
        }
        return (nil, "libical could not read the file as iCalendar")
    }
}
