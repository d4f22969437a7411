import AarshjulCore

/// HTTP dates (RFC 9110 §5.6.7): IMF-fixdate out; IMF-fixdate, the obsolete
/// RFC 850 form and asctime in, as recipients must accept all three.
public enum HTTPDate {
    static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Sun, 06 Nov 1994 08:49:37 GMT"
    public static func format(_ t: UTCTimestamp) -> String {
        func two(_ n: Int) -> String { (n < 10 ? "0" : "") + String(n) }
        return "\(dayNames[t.date.weekday.rawValue - 1]), \(two(t.date.day)) \(monthNames[t.date.month - 1]) \(t.date.year) "
            + "\(two(t.time.hour)):\(two(t.time.minute)):\(two(t.second)) GMT"
    }

    /// nil for anything that is not one of the three HTTP date forms.
    public static func parse(_ text: String) -> UTCTimestamp? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        if words.count == 6, words[0].hasSuffix(","), words[5] == "GMT" {
            // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            return build(day: words[1], month: words[2], year: words[3], time: words[4])
        }
        if words.count == 4, words[0].hasSuffix(","), words[3] == "GMT" {
            // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT (two-digit years read as 19xx/20xx per RFC 9110: within 50 years)
            let parts = words[1].split(separator: "-")
            guard parts.count == 3, parts[2].count == 2, let yy = Int(parts[2]) else { return nil }
            let year = yy < 70 ? 2000 + yy : 1900 + yy
            return build(day: parts[0], month: parts[1], year: Substring(String(year)), time: words[2])
        }
        if words.count == 5 {
            // asctime: Sun Nov  6 08:49:37 1994
            return build(day: words[2], month: words[1], year: words[4], time: words[3])
        }
        return nil
    }

    private static func build(day: Substring, month: Substring, year: Substring, time: Substring) -> UTCTimestamp? {
        guard let d = Int(day), let y = Int(year), y >= 1970,
              let m = monthNames.firstIndex(of: String(month)),
              let date = CivilDate(year: y, month: m + 1, day: d) else { return nil }
        let hms = time.split(separator: ":")
        guard hms.count == 3, let h = Int(hms[0]), let mi = Int(hms[1]), let s = Int(hms[2]),
              (0...23).contains(h), (0...59).contains(mi), (0...60).contains(s),
              let tod = TimeOfDay(hour: h, minute: mi) else { return nil }
        return UTCTimestamp(date: date, time: tod, second: min(s, 59))
    }
}
