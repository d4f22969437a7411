/// Norwegian public holidays (helligdager and offentlige høytidsdager,
/// lov 1947-04-26). Valid for any Gregorian year; 1 May and 17 May are
/// statutory only from 1947 and are left out before it.
public enum PublicHolidays {
    public struct Holiday: Sendable, Hashable {
        public let date: CivilDate
        public let name: LocalizedText
    }

    /// Easter Sunday (anonymous Gregorian computus).
    public static func easterSunday(_ year: Int) -> CivilDate {
        let a = year % 19
        let b = year / 100, c = year % 100
        let d = b / 4, e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }

    /// The year's public holidays in date order. Where two fall on one day
    /// (17 May 2027 is also Whit Monday) both are listed.
    public static func holidays(in year: Int) -> [Holiday] {
        let easter = easterSunday(year)
        func fixed(_ m: Int, _ d: Int) -> CivilDate { CivilDate(year: year, month: m, day: d)! }
        var list: [Holiday] = [
            Holiday(date: fixed(1, 1), name: LocalizedText(nb: "1. nyttårsdag", en: "New Year's Day")),
            Holiday(date: easter.adding(days: -3), name: LocalizedText(nb: "Skjærtorsdag", nn: "Skjærtorsdag", en: "Maundy Thursday")),
            Holiday(date: easter.adding(days: -2), name: LocalizedText(nb: "Langfredag", en: "Good Friday")),
            Holiday(date: easter, name: LocalizedText(nb: "1. påskedag", en: "Easter Sunday")),
            Holiday(date: easter.adding(days: 1), name: LocalizedText(nb: "2. påskedag", en: "Easter Monday")),
            Holiday(date: easter.adding(days: 39), name: LocalizedText(nb: "Kristi himmelfartsdag", en: "Ascension Day")),
            Holiday(date: easter.adding(days: 49), name: LocalizedText(nb: "1. pinsedag", en: "Whit Sunday")),
            Holiday(date: easter.adding(days: 50), name: LocalizedText(nb: "2. pinsedag", en: "Whit Monday")),
            Holiday(date: fixed(12, 25), name: LocalizedText(nb: "1. juledag", en: "Christmas Day")),
            Holiday(date: fixed(12, 26), name: LocalizedText(nb: "2. juledag", en: "Boxing Day")),
        ]
        if year >= 1947 {
            list.append(Holiday(date: fixed(5, 1), name: LocalizedText(nb: "Offentlig høytidsdag (1. mai)", nn: "Offentleg høgtidsdag (1. mai)", en: "Labour Day")))
            list.append(Holiday(date: fixed(5, 17), name: LocalizedText(nb: "Grunnlovsdagen (17. mai)", nn: "Grunnlovsdagen (17. mai)", en: "Constitution Day")))
        }
        // Stable order: by date, then by the order above.
        return list.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }
}
