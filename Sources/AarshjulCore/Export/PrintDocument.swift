/// A printed document as positioned marks on pages, in PDF points (1/72
/// inch), y growing downwards, text placed by its baseline. Core lays the
/// plan out into this; AarshjulPDF only draws it, so layout and page breaks
/// are plain Swift and tested without cairo.
public struct PrintDocument: Sendable, Equatable {
    public var title: String
    public var pages: [PrintPage]
}

public struct PrintPage: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var items: [PrintItem]
}

public enum PrintItem: Sendable, Equatable {
    case text(PrintText)
    /// A filled rectangle; `colour` is "#rrggbb".
    case box(x: Double, y: Double, width: Double, height: Double, colour: String)
    /// A horizontal rule.
    case rule(x: Double, y: Double, width: Double, colour: String)
    /// An SVG document drawn into the rectangle, aspect ratio kept.
    case svg(document: String, x: Double, y: Double, width: Double, height: Double)
}

public struct PrintText: Sendable, Equatable {
    public var x: Double
    /// The baseline.
    public var y: Double
    public var text: String
    public var size: Double
    public var bold: Bool
    public var colour: String
}

/// How wide a line of text is when printed: supplied by the drawing side
/// (cairo's font metrics), so lines wrap where the printed text really ends.
public typealias TextWidth = @Sendable (_ text: String, _ size: Double, _ bold: Bool) -> Double

/// Greedy word wrapping to a width; a word longer than a line is broken
/// between characters. Explicit line breaks are kept.
public enum TextWrap {
    public static func lines(_ text: String, width: Double, size: Double, bold: Bool, measure: TextWidth) -> [String] {
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if measure(candidate, size, bold) <= width { line = candidate; continue }
                if !line.isEmpty { out.append(line); line = "" }
                // The word alone may still be too wide: cut it where it overflows.
                var rest = String(word)
                while measure(rest, size, bold) > width, rest.count > 1 {
                    var cut = rest.count - 1
                    while cut > 1 && measure(String(rest.prefix(cut)), size, bold) > width { cut -= 1 }
                    out.append(String(rest.prefix(cut)))
                    rest = String(rest.dropFirst(cut))
                }
                line = rest
            }
            out.append(line)
        }
        return out
    }
}
