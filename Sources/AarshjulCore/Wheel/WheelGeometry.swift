/// Polar geometry for the annual wheel: a year is a full turn, 1 January at
/// 12 o'clock, running clockwise as Norwegian årshjul do.
///
/// Sine and cosine are computed here rather than taken from the platform's
/// libm so that Core stays free of Foundation/Glibc and so that the SVG bytes
/// are the same on every platform (libm results may differ in the last bit).
struct WheelGeometry: Sendable {
    let centreX: Double
    let centreY: Double

    /// Clockwise degrees from 12 o'clock of the middle of `date`'s day in its year.
    static func angle(of date: CivilDate) -> Double {
        let daysInYear = CivilDate.isLeapYear(date.year) ? 366.0 : 365.0
        let dayIndex = Double(date - CivilDate.firstOfYear(date.year))
        return 360.0 * (dayIndex + 0.5) / daysInYear
    }

    /// Clockwise degrees from 12 o'clock of the start (midnight) of `date`.
    static func startAngle(of date: CivilDate) -> Double {
        let daysInYear = CivilDate.isLeapYear(date.year) ? 366.0 : 365.0
        return 360.0 * Double(date - CivilDate.firstOfYear(date.year)) / daysInYear
    }

    /// The SVG point at `radius` and clockwise `degrees` from 12 o'clock (SVG y grows downwards).
    func point(radius: Double, degrees: Double) -> (x: Double, y: Double) {
        let radians = degrees * Double.pi / 180
        return (centreX + radius * WheelGeometry.sine(radians), centreY - radius * WheelGeometry.cosine(radians))
    }

    /// SVG path of the annulus sector between two radii and two angles.
    func sectorPath(inner: Double, outer: Double, from start: Double, to end: Double) -> String {
        let large = end - start > 180 ? 1 : 0
        let a = point(radius: outer, degrees: start), b = point(radius: outer, degrees: end)
        let c = point(radius: inner, degrees: end), d = point(radius: inner, degrees: start)
        return "M\(SVGNumber.format(a.x)) \(SVGNumber.format(a.y))"
            + " A\(SVGNumber.format(outer)) \(SVGNumber.format(outer)) 0 \(large) 1 \(SVGNumber.format(b.x)) \(SVGNumber.format(b.y))"
            + " L\(SVGNumber.format(c.x)) \(SVGNumber.format(c.y))"
            + " A\(SVGNumber.format(inner)) \(SVGNumber.format(inner)) 0 \(large) 0 \(SVGNumber.format(d.x)) \(SVGNumber.format(d.y)) Z"
    }

    /// Taylor series after reducing to [-π, π]; 12 terms keep the error far
    /// below the 0.01 the SVG numbers are rounded to.
    static func sine(_ x: Double) -> Double {
        let twoPi = 2 * Double.pi
        var r = x - twoPi * (x / twoPi).rounded()
        if r > Double.pi { r -= twoPi }
        var term = r, sum = r
        for n in 1...12 {
            term *= -r * r / Double((2 * n) * (2 * n + 1))
            sum += term
        }
        return sum
    }

    static func cosine(_ x: Double) -> Double { sine(x + Double.pi / 2) }
}

/// Fixed-precision number text for SVG attributes: two decimals, no
/// exponent, no "-0", trailing zeros dropped. Deterministic by construction.
enum SVGNumber {
    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let negative = hundredths < 0
        let magnitude = negative ? -hundredths : hundredths
        var text = String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += "." + (fraction < 10 ? "0" : "") + String(fraction)
            while text.hasSuffix("0") { text.removeLast() }
        }
        return (negative ? "-" : "") + text
    }
}

/// Escapes text for XML character data and attribute values.
public enum XMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab/newline are not allowed in XML 1.0.
                if ch.value < 0x20 && ch != "\t" && ch != "\n" && ch != "\r" { out += " " } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }
}
