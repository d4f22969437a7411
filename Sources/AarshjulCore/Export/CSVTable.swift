/// The plan as CSV after RFC 4180: comma-separated, CRLF line ends, a field
/// quoted when it holds a comma, a double quote or a line break (quotes
/// doubled inside). UTF-8 without a byte-order mark. One row per event after
/// the heading row; list cells hold one item a line.
public enum CSVTable {
    public static func csv(for plan: Plan, language: PlanLanguage) -> String {
        var out = line(PlanRows.headings(language))
        for row in PlanRows.rows(for: plan, language: language) { out += line(PlanRows.cells(row)) }
        return out
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ text: String) -> String {
        // Line breaks inside a cell are CRLF too, so the file has one line-end convention.
        let normalised = text.replacingLineBreaks()
        guard normalised.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) else { return normalised }
        var quoted = "\""
        for ch in normalised { quoted += ch == "\"" ? "\"\"" : String(ch) }
        return quoted + "\""
    }
}

extension String {
    /// Every LF, CR or CRLF as CRLF.
    func replacingLineBreaks() -> String {
        var out = ""
        for ch in self {
            if ch == "\r\n" || ch == "\n" || ch == "\r" { out += "\r\n" } else { out.append(ch) }
        }
        return out
    }
}
