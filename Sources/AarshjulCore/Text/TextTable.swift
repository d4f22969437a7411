/// Lays out rows of cells as aligned columns for the terse text views.
/// Columns are separated by two spaces; a column is as wide as its widest
/// cell (counted in characters, so "ø" and "–" are one). Trailing spaces are
/// never written, so a row whose last cells are empty simply ends early.
struct TextTable {
    var rows: [[String]] = []
    /// Columns whose cells are padded on the left (numbers).
    var rightAligned: Set<Int> = []
    /// Columns followed by a single space instead of two (a weekday and its
    /// date, a number and its noun read as one unit).
    var tight: Set<Int> = []

    mutating func append(_ cells: [String]) { rows.append(cells) }

    /// One line per row, in row order, each starting with `indent`.
    func lines(indent: String = "  ") -> [String] {
        let columnCount = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columnCount)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            var line = indent
            // Empty columns (no cell in any row) take no room at all.
            let used = row.indices.filter { widths[$0] > 0 }
            for (n, i) in used.enumerated() {
                let cell = row[i]
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                line += rightAligned.contains(i) ? pad + cell : cell + pad
                if n < used.count - 1 { line += tight.contains(i) ? " " : "  " }
            }
            return line.trimmingTrailingSpaces()
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }

    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
