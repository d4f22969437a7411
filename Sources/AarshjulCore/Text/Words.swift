/// Small shared vocabulary for the plan's user-facing text.
public enum Words {
    public static func weekdayName(_ day: Weekday, _ language: PlanLanguage) -> String {
        switch language {
        case .bokmal: return ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"][day.rawValue - 1]
        case .nynorsk: return ["måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"][day.rawValue - 1]
        case .english: return ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.rawValue - 1]
        }
    }

    public static func monthName(_ month: Int, _ language: PlanLanguage) -> String {
        switch language {
        case .bokmal: return ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"][month - 1]
        case .nynorsk: return ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"][month - 1]
        case .english: return ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][month - 1]
        }
    }
}

extension Words {
    /// Weekday abbreviations as Norwegian calendars print them, three letters
    /// (nynorsk "tys", "lau", "sun" — Språkrådet's "lau." for laurdag; bokmål
    /// "tir", "lør", "søn").
    public static func weekdayAbbreviation(_ day: Weekday, _ language: PlanLanguage) -> String {
        switch language {
        case .bokmal: return ["man", "tir", "ons", "tor", "fre", "lør", "søn"][day.rawValue - 1]
        case .nynorsk: return ["mån", "tys", "ons", "tor", "fre", "lau", "sun"][day.rawValue - 1]
        case .english: return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.rawValue - 1]
        }
    }

    /// The one date style of each language. Norwegian: `31.03.` and
    /// `31.03.2027` (day and month always two digits); English: `31 Mar`
    /// and `31 Mar 2027`. Every date a person reads goes through these.
    public static func shortDate(_ date: CivilDate, _ language: PlanLanguage) -> String {
        switch language {
        case .bokmal, .nynorsk: return twoDigits(date.day) + "." + twoDigits(date.month) + "."
        case .english: return "\(date.day) " + englishMonthAbbreviations[date.month - 1]
        }
    }

    public static func longDate(_ date: CivilDate, _ language: PlanLanguage) -> String {
        switch language {
        case .bokmal, .nynorsk: return shortDate(date, language) + String(date.year)
        case .english: return shortDate(date, language) + " " + String(date.year)
        }
    }

    /// A span with its last day included: `01.01.–31.03.`, `1 Jan – 31 Mar`
    /// (with the year when `withYear`); one day is written once.
    public static func dateRange(_ first: CivilDate, _ last: CivilDate, _ language: PlanLanguage, withYear: Bool = false) -> String {
        let show = { (d: CivilDate) in withYear ? longDate(d, language) : shortDate(d, language) }
        if first == last { return show(first) }
        return show(first) + (language == .english ? " – " : "–") + show(last)
    }

    static let englishMonthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func twoDigits(_ n: Int) -> String { (n < 10 ? "0" : "") + String(n) }

    /// "Januar" for a heading (month names are lower case in running Norwegian text).
    public static func monthHeading(_ month: Int, _ language: PlanLanguage) -> String {
        let name = monthName(month, language)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// Short localized names for the solver's soft-rule ids, in the order the
    /// cost line lists them. Ids not in the table are shown as they are, after these.
    public static let softRuleNames: [(id: String, name: LocalizedText)] = [
        ("agreed-weekday", LocalizedText(nb: "avtalt ukedag", nn: "avtalt vekedag", en: "agreed weekday")),
        ("preferred-weekday", LocalizedText(nb: "ukedag", nn: "vekedag", en: "weekday")),
        ("preferred-time", LocalizedText(nb: "klokkeslett", nn: "klokkeslett", en: "time of day")),
        ("even-spacing", LocalizedText(nb: "jevn avstand", nn: "jamn avstand", en: "even spacing")),
        ("day-after-break", LocalizedText(nb: "dagen etter ferie", nn: "dagen etter ferie", en: "day after a break")),
        ("agenda-notice-early", LocalizedText(nb: "tidlig sakliste", nn: "tidleg sakliste", en: "early agenda")),
        ("mid-window", LocalizedText(nb: "midt i perioden", nn: "midt i perioden", en: "mid-period")),
        ("regular-weekday", LocalizedText(nb: "fast ukedag", nn: "fast vekedag", en: "regular weekday")),
        ("regular-week-of-month", LocalizedText(nb: "fast uke i måneden", nn: "fast veke i månaden", en: "regular week of the month")),
    ]

    public static func softRuleName(_ id: String, _ language: PlanLanguage) -> String {
        softRuleNames.first { $0.id == id }?.name.text(language) ?? id
    }

    /// The word for a count of meetings (or presence days when `days`).
    public static func countNoun(_ count: Int, days: Bool, _ language: PlanLanguage) -> String {
        let one = count == 1
        switch (language, days) {
        case (.bokmal, false): return one ? "møte" : "møter"
        case (.nynorsk, false): return "møte"
        case (.english, false): return one ? "meeting" : "meetings"
        case (.bokmal, true): return one ? "dag" : "dager"
        case (.nynorsk, true): return one ? "dag" : "dagar"
        case (.english, true): return one ? "day" : "days"
        }
    }

    /// "dager"/"dagar"/"days" after a number of days.
    public static func daysNoun(_ count: Int, _ language: PlanLanguage) -> String {
        countNoun(count, days: true, language)
    }

    /// "uker"/"veker"/"weeks" after a number of weeks.
    public static func weeksNoun(plural: Bool, _ language: PlanLanguage) -> String {
        switch language {
        case .bokmal: return plural ? "uker" : "uke"
        case .nynorsk: return plural ? "veker" : "veke"
        case .english: return plural ? "weeks" : "week"
        }
    }

    /// "1 point", "5 points" (English penalty counts; Norwegian "poeng" does not change).
    public static func points(_ count: Int) -> String { count == 1 ? "1 point" : "\(count) points" }
}
