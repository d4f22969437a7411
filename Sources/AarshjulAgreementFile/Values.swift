import Foundation
import AarshjulCore

/// The text rules for values in an agreement file. Each parser returns the
/// value or the reason it is not one, in the three plan languages.
enum Values {
    // MARK: Weekdays

    /// English, bokmål and nynorsk names and their usual short forms, plus
    /// ASCII spellings without æøå.
    static let weekdayNames: [(names: [String], day: Weekday)] = [
        (["mon", "monday", "man", "mandag", "mån", "måndag"], .monday),
        (["tue", "tues", "tuesday", "tir", "tirs", "tirsdag", "tys", "tysdag"], .tuesday),
        (["wed", "wednesday", "ons", "onsdag"], .wednesday),
        (["thu", "thur", "thurs", "thursday", "tor", "tors", "torsdag"], .thursday),
        (["fri", "friday", "fre", "fredag"], .friday),
        (["sat", "saturday", "lør", "lørdag", "lor", "lordag", "laur", "laurdag"], .saturday),
        (["sun", "sunday", "søn", "søndag", "son", "sondag", "sundag"], .sunday),
    ]

    static let weekdayHint = LocalizedText(
        nb: "en ukedag som mon, tue, wed, thu, fri (eller mandag, tirsdag, onsdag, torsdag, fredag)",
        nn: "ein vekedag som mon, tue, wed, thu, fri (eller måndag, tysdag, onsdag, torsdag, fredag)",
        en: "a weekday such as mon, tue, wed, thu, fri (or monday …, or Norwegian mandag, tirsdag/tysdag, onsdag, torsdag, fredag)")

    static func weekday(_ text: String) -> Weekday? {
        let key = text.lowercased().trimmingSuffix(".")
        return weekdayNames.first { $0.names.contains(key) }?.day
    }

    static let weekdayFileNames: [Weekday: String] = [
        .monday: "mon", .tuesday: "tue", .wednesday: "wed", .thursday: "thu",
        .friday: "fri", .saturday: "sat", .sunday: "sun",
    ]

    /// "mon-thu", "man–tors", or a single day. Ranges run forward (fri-mon is refused).
    static func weekdays(_ text: String) -> Result<[Weekday], Problem> {
        let parts = splitRange(text)
        if parts.count == 1 {
            guard let day = weekday(parts[0]) else {
                return .failure(Problem(LocalizedText(
                    nb: "'\(text)' er ikke en ukedag; forventet \(weekdayHint.bokmal), eller et spenn som mon-thu",
                    nn: "'\(text)' er ikkje ein vekedag; venta \(weekdayHint.nynorsk), eller eit spenn som mon-thu",
                    en: "'\(text)' is not a weekday; expected \(weekdayHint.english), or a range such as mon-thu")))
            }
            return .success([day])
        }
        guard parts.count == 2, let from = weekday(parts[0]), let to = weekday(parts[1]) else {
            return .failure(Problem(LocalizedText(
                nb: "'\(text)' er verken en ukedag eller et spenn av ukedager; forventet \(weekdayHint.bokmal), eller et spenn som mon-thu",
                nn: "'\(text)' er verken ein vekedag eller eit spenn av vekedagar; venta \(weekdayHint.nynorsk), eller eit spenn som mon-thu",
                en: "'\(text)' is not a weekday or a range of weekdays; expected \(weekdayHint.english), or a range such as mon-thu")))
        }
        guard from <= to else {
            return .failure(Problem(LocalizedText(
                nb: "ukedagene '\(text)' går baklengs; forventet den tidligste dagen først, f.eks. mon-fri",
                nn: "vekedagane '\(text)' går baklengs; venta den tidlegaste dagen først, t.d. mon-fri",
                en: "the weekday range '\(text)' runs backwards; expected the earlier day first, e.g. mon-fri")))
        }
        return .success((from.rawValue...to.rawValue).map { Weekday(rawValue: $0)! })
    }

    // MARK: Dates and times

    static func date(_ text: String) -> Result<CivilDate, Problem> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            return .failure(Problem(LocalizedText(
                nb: "'\(text)' er ikke en dato; forventet år-måned-dag som 2027-03-15",
                nn: "'\(text)' er ikkje ein dato; venta år-månad-dag som 2027-03-15",
                en: "'\(text)' is not a date; expected year-month-day such as 2027-03-15")))
        }
        guard (1...12).contains(m) else {
            return .failure(Problem(LocalizedText(
                nb: "\(text) er ikke en dato: det finnes ingen måned \(m); forventet år-måned-dag som 2027-03-15",
                nn: "\(text) er ikkje ein dato: det finst ingen månad \(m); venta år-månad-dag som 2027-03-15",
                en: "\(text) is not a date: there is no month \(m); expected year-month-day such as 2027-03-15")))
        }
        guard let date = CivilDate(year: y, month: m, day: d) else {
            let days = CivilDate.daysInMonth(year: y, month: m)
            return .failure(Problem(LocalizedText(
                nb: "\(text) er ikke en dato: \(norwegianMonthNames[m - 1]) \(y) har \(days) dager; forventet en dag fra 1 til \(days)",
                nn: "\(text) er ikkje ein dato: \(norwegianMonthNames[m - 1]) \(y) har \(days) dagar; venta ein dag frå 1 til \(days)",
                en: "\(text) is not a date: \(monthNames[m - 1]) \(y) has \(days) days; expected a day from 1 to \(days)")))
        }
        return .success(date)
    }

    /// `13:00`, `9:30` or the Norwegian `13.00`.
    static func time(_ text: String) -> Result<TimeOfDay, Problem> {
        let normal = text.replacingOccurrences(of: ".", with: ":")
        let parts = normal.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]) else {
            return .failure(Problem(LocalizedText(
                nb: "'\(text)' er ikke et klokkeslett; forventet timer og minutter som 09:00 eller 13:30",
                nn: "'\(text)' er ikkje eit klokkeslett; venta timar og minutt som 09:00 eller 13:30",
                en: "'\(text)' is not a time of day; expected hours and minutes such as 09:00 or 13:30")))
        }
        guard let time = TimeOfDay(hour: h, minute: m), time.minutes < 24 * 60 else {
            return .failure(Problem(LocalizedText(
                nb: "\(text) er ikke et klokkeslett; forventet timer fra 00 til 23 og minutter fra 00 til 59",
                nn: "\(text) er ikkje eit klokkeslett; venta timar frå 00 til 23 og minutt frå 00 til 59",
                en: "\(text) is not a time of day; expected hours from 00 to 23 and minutes from 00 to 59")))
        }
        return .success(time)
    }

    /// `09:00-15:00` (hyphen or en dash).
    static func timeSpan(_ text: String) -> Result<TimeSpan, Problem> {
        let parts = splitRange(text)
        guard parts.count == 2 else {
            return .failure(Problem(LocalizedText(
                nb: "'\(text)' er ikke et tidsrom; forventet fra- og til-klokkeslett som \"09:00-15:00\"",
                nn: "'\(text)' er ikkje eit tidsrom; venta frå- og til-klokkeslett som \"09:00-15:00\"",
                en: "'\(text)' is not a time range; expected opening and closing time such as \"09:00-15:00\"")))
        }
        let start: TimeOfDay, end: TimeOfDay
        switch time(parts[0]) { case .success(let t): start = t; case .failure(let p): return .failure(p) }
        switch time(parts[1]) { case .success(let t): end = t; case .failure(let p): return .failure(p) }
        guard start < end else {
            return .failure(Problem(LocalizedText(
                nb: "tidsrommet '\(text)' slutter før det begynner; forventet det tidligste klokkeslettet først, som \"09:00-15:00\"",
                nn: "tidsrommet '\(text)' sluttar før det byrjar; venta det tidlegaste klokkeslettet først, som \"09:00-15:00\"",
                en: "the time range '\(text)' ends before it starts; expected the earlier time first, such as \"09:00-15:00\"")))
        }
        return .success(TimeSpan(start, end))
    }

    /// `2h`, `90m`, `90min`, `1h30m`, `1h 30m`. A bare number is refused:
    /// nobody can tell whether `2` means hours or minutes.
    static func durationMinutes(_ text: String) -> Result<Int, Problem> {
        let hint = LocalizedText(nb: "en varighet som 2h, 90m eller 1h30m", nn: "ei lengd som 2h, 90m eller 1h30m", en: "a duration such as 2h, 90m or 1h30m")
        let notDuration = Problem(LocalizedText(nb: "'\(text)' er ikke en varighet; forventet \(hint.bokmal)",
                                                nn: "'\(text)' er ikkje ei lengd; venta \(hint.nynorsk)",
                                                en: "'\(text)' is not a duration; expected \(hint.english)"))
        let tooLong = Problem(LocalizedText(
            nb: "'\(text)' er lenger enn et døgn (høyst 24h); forventet \(hint.bokmal), eller all_day: true for en hel dag",
            nn: "'\(text)' er lengre enn eit døgn (høgst 24h); venta \(hint.nynorsk), eller all_day: true for ein heil dag",
            en: "'\(text)' is longer than a day (at most 24h); expected \(hint.english), or all_day: true for a whole day"))
        var rest = Substring(text.lowercased().replacingOccurrences(of: " ", with: ""))
        var total = 0
        var sawUnit = false
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let n = Int(digits) else { return .failure(notDuration) }
            rest = rest.dropFirst(digits.count)
            // Checked before any arithmetic: a number of hours past Int's range must not overflow.
            guard n <= 24 * 60 else { return .failure(tooLong) }
            if rest.hasPrefix("min") { rest = rest.dropFirst(3); total += n }
            else if rest.hasPrefix("m") { rest = rest.dropFirst(); total += n }
            else if rest.hasPrefix("h") || rest.hasPrefix("t") { rest = rest.dropFirst(); total += n * 60 }
            else {
                return .failure(Problem(LocalizedText(
                    nb: "'\(text)' har ingen enhet (h eller m); forventet \(hint.bokmal)",
                    nn: "'\(text)' har inga eining (h eller m); venta \(hint.nynorsk)",
                    en: "'\(text)' has no unit (h or m); expected \(hint.english)")))
            }
            sawUnit = true
            guard total <= 24 * 60 else { return .failure(tooLong) }
        }
        guard sawUnit, total > 0 else { return .failure(notDuration) }
        return .success(total)
    }

    /// `10-01` (month-day) for windows that recur every year.
    static func monthDay(_ text: String) -> Result<(month: Int, day: Int), Problem> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let m = Int(parts[0]), let d = Int(parts[1]) else {
            return .failure(Problem(LocalizedText(
                nb: "'\(text)' er ikke en måned og dag; forventet måned-dag i anførselstegn, som \"10-01\" for 1. oktober",
                nn: "'\(text)' er ikkje ein månad og dag; venta månad-dag i hermeteikn, som \"10-01\" for 1. oktober",
                en: "'\(text)' is not a month and day; expected month-day in quotes, such as \"10-01\" for 1 October")))
        }
        guard (1...12).contains(m) else {
            return .failure(Problem(LocalizedText(
                nb: "'\(text)' har ingen måned \(m); forventet måned-dag som \"10-01\", med måned 01–12",
                nn: "'\(text)' har ingen månad \(m); venta månad-dag som \"10-01\", med månad 01–12",
                en: "'\(text)' has no month \(m); expected month-day such as \"10-01\", with month 01–12")))
        }
        // Leap day allowed: the window is clamped in years without it.
        guard d >= 1, d <= CivilDate.daysInMonth(year: 2028, month: m) else {
            let days = CivilDate.daysInMonth(year: 2028, month: m)
            return .failure(Problem(LocalizedText(
                nb: "'\(text)' er ikke en dag i året: \(norwegianMonthNames[m - 1]) har ingen dag \(d); forventet en dag fra 1 til \(days)",
                nn: "'\(text)' er ikkje ein dag i året: \(norwegianMonthNames[m - 1]) har ingen dag \(d); venta ein dag frå 1 til \(days)",
                en: "'\(text)' is not a day of the year: \(monthNames[m - 1]) has no day \(d); expected a day from 1 to \(days)")))
        }
        return .success((m, d))
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// Month names as written in running Norwegian text (both forms agree).
    static let norwegianMonthNames = ["januar", "februar", "mars", "april", "mai", "juni", "juli",
                                      "august", "september", "oktober", "november", "desember"]

    /// 1–12, or a month name in English or Norwegian ("jul", "july", "juli").
    static func month(_ text: String) -> Int? {
        if let n = Int(text), (1...12).contains(n) { return n }
        let key = text.lowercased()
        let norwegian = ["januar", "februar", "mars", "april", "mai", "juni", "juli",
                         "august", "september", "oktober", "november", "desember"]
        for i in 0..<12 {
            let english = monthNames[i].lowercased()
            if key == english || key == norwegian[i] || key == String(english.prefix(3)) || key == String(norwegian[i].prefix(3)) {
                return i + 1
            }
        }
        return nil
    }

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nei": return false
        default: return nil
        }
    }

    /// Lowercase ASCII letters, digits, `_` and `-`, starting with a letter or digit.
    static func isValidID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isLowerAlnum else { return false }
        return text.unicodeScalars.allSatisfy { $0.isLowerAlnum || $0 == "_" || $0 == "-" }
    }

    static func splitRange(_ text: String) -> [String] {
        text.replacingOccurrences(of: "–", with: "-")
            .split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// Why a value was refused, in words for the person editing the file.
struct Problem: Error {
    let words: LocalizedText
    init(_ words: LocalizedText) { self.words = words }
}

extension Unicode.Scalar {
    var isLowerAlnum: Bool { ("a"..."z").contains(self) || ("0"..."9").contains(self) }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
