import AarshjulCore
import Yams

/// Reads `rule:` — one rule kind key plus the modifiers that kind allows.
extension NodeReader {
    static let ruleKinds = ["per_quarter", "per_year", "at_least_per_year", "every_weeks",
                            "weekly", "monthly", "yearly", "school_window"]
    static let ruleModifiers: [String: [String]] = [
        "every_weeks": ["previous_last"],
        "monthly": ["skip_months"],
        "school_window": ["weeks", "per_school", "from", "to", "name"],
    ]
    static let schoolWindows = ["school_start", "grade7", "grade10", "russ_season", "custom"]

    func rule(_ node: Node) throws(AgreementFileError) -> FrequencyRule {
        let allowed = Self.ruleKinds + ["previous_last", "skip_months", "weeks", "per_school", "from", "to", "name"]
        let f = try fields(node, of: LocalizedText(nb: "en regel", nn: "ein regel", en: "a rule"), allowed: allowed)
        let kinds = f.entries.filter { Self.ruleKinds.contains($0.key) }
        let kindList = Self.ruleKinds.joined(separator: ", ")
        guard let kind = kinds.first else {
            throw fail(f.position, LocalizedText(
                nb: "regelen sier ikke hvor ofte; forventet én av \(kindList), f.eks. {per_quarter: 1} eller {every_weeks: \"6-8\"}",
                nn: "regelen seier ikkje kor ofte; venta éin av \(kindList), t.d. {per_quarter: 1} eller {every_weeks: \"6-8\"}",
                en: "the rule says nothing about how often; expected one of \(kindList), e.g. {per_quarter: 1} or {every_weeks: \"6-8\"}"))
        }
        if kinds.count > 1 {
            let a = kind.key, b = kinds[1].key
            throw fail(position(kinds[1].keyNode), LocalizedText(
                nb: "regelen har både '\(a)' og '\(b)'; forventet én slags regel per serie (lag to serier hvis begge er ment)",
                nn: "regelen har både '\(a)' og '\(b)'; venta éin slags regel per serie (lag to seriar om begge er meinte)",
                en: "the rule has both '\(a)' and '\(b)'; expected one kind of rule per series (make two series if both are meant)"))
        }
        let modifiers = Self.ruleModifiers[kind.key] ?? []
        for entry in f.entries where entry.key != kind.key && !modifiers.contains(entry.key) {
            let others = modifiers.joined(separator: ", ")
            throw fail(position(entry.keyNode), modifiers.isEmpty
                ? LocalizedText(nb: "'\(entry.key)' hører ikke til en \(kind.key)-regel; forventet ingen andre nøkler ved siden av \(kind.key)",
                                nn: "'\(entry.key)' høyrer ikkje til ein \(kind.key)-regel; venta ingen andre nyklar ved sida av \(kind.key)",
                                en: "'\(entry.key)' does not belong in a \(kind.key) rule; expected no other keys beside \(kind.key)")
                : LocalizedText(nb: "'\(entry.key)' hører ikke til en \(kind.key)-regel; forventet bare \(others) ved siden av \(kind.key)",
                                nn: "'\(entry.key)' høyrer ikkje til ein \(kind.key)-regel; venta berre \(others) ved sida av \(kind.key)",
                                en: "'\(entry.key)' does not belong in a \(kind.key) rule; expected only \(others) beside \(kind.key)"))
        }
        let value = try f.required(kind.key, expected: LocalizedText(nb: "en verdi for \(kind.key)", nn: "ein verdi for \(kind.key)", en: "a value for \(kind.key)"))
        let meetingsPerYear = LocalizedText(nb: "et antall møter per år", nn: "eit tal på møte per år", en: "a number of meetings per year")

        switch kind.key {
        case "per_quarter":
            return .perQuarter(count: try int(value, LocalizedText(nb: "et antall møter per kvartal", nn: "eit tal på møte per kvartal", en: "a number of meetings per quarter"), in: 1...13))
        case "per_year":
            return .perYear(count: try int(value, meetingsPerYear, in: 1...52), atLeast: false)
        case "at_least_per_year":
            return .perYear(count: try int(value, meetingsPerYear, in: 1...52), atLeast: true)
        case "every_weeks":
            let weeks = try parsed(value, expected: LocalizedText(nb: "et antall uker eller et spenn som \"6-8\"", nn: "eit tal på veker eller eit spenn som \"6-8\"",
                                                                  en: "a number of weeks or a range such as \"6-8\""), Self.weekRange)
            let previous = try f["previous_last"].map { n throws(AgreementFileError) in try date(n) }
            return .everyWeeks(minWeeks: weeks.min, maxWeeks: weeks.max, previousLast: previous)
        case "weekly":
            let raw = try nonEmptyText(value, expected: LocalizedText(nb: "en ukedag eller 'any'", nn: "ein vekedag eller 'any'", en: "a weekday or 'any'"))
            if ["any", "hvilken som helst", "kva som helst"].contains(raw.lowercased()) { return .weekly(weekday: nil) }
            return .weekly(weekday: try weekday(value))
        case "monthly":
            guard try bool(value) else {
                throw fail(position(value), LocalizedText(
                    nb: "'monthly: false' planlegger ingenting; forventet monthly: true (eller fjern serien)",
                    nn: "'monthly: false' planlegg ingenting; venta monthly: true (eller fjern serien)",
                    en: "'monthly: false' plans nothing; expected monthly: true (or remove the series)"))
            }
            var skip: [Int] = []
            for item in try list(f["skip_months"] ?? Node(""), expected: Words.months) {
                let raw = try nonEmptyText(item, expected: Words.month)
                guard let m = Values.month(raw) else { throw fail(position(item), Self.notAMonth(raw, example: "jul")) }
                if !skip.contains(m) { skip.append(m) }
            }
            if skip.count == 12, let months = f["skip_months"] {
                throw fail(position(months), LocalizedText(
                    nb: "skip_months hopper over alle 12 måneder, så serien møtes aldri; forventet høyst 11 måneder å hoppe over",
                    nn: "skip_months hoppar over alle 12 månader, så serien møtest aldri; venta høgst 11 månader å hoppe over",
                    en: "skip_months leaves out all 12 months, so the series never meets; expected at most 11 months to skip"))
            }
            return .monthly(skipMonths: skip.sorted())
        case "yearly":
            if case .mapping = value {
                let w = try fields(value, of: LocalizedText(nb: "et årlig vindu", nn: "eit årleg vindauge", en: "a yearly window"), allowed: ["from", "to"])
                return .yearly(window: try monthDayWindow(from: try w.required("from", expected: Words.monthDay("10-01")),
                                                          to: try w.required("to", expected: Words.monthDay("11-30"))))
            }
            let yearly = LocalizedText(
                nb: "true (når som helst i året) eller et vindu som {from: \"10-01\", to: \"11-30\"}",
                nn: "true (når som helst i året) eller eit vindauge som {from: \"10-01\", to: \"11-30\"}",
                en: "true (any time of year) or a window such as {from: \"10-01\", to: \"11-30\"}")
            let raw = try nonEmptyText(value, expected: yearly)
            guard Values.bool(raw) == true || raw.lowercased() == "any" else {
                throw fail(position(value), LocalizedText(nb: "'\(raw)' er ikke en årlig regel; forventet \(yearly.bokmal)",
                                                          nn: "'\(raw)' er ikkje ein årleg regel; venta \(yearly.nynorsk)",
                                                          en: "'\(raw)' is not a yearly rule; expected \(yearly.english)"))
            }
            return .yearly(window: nil)
        default:
            return try schoolWindowRule(value, f)
        }
    }

    static func notAMonth(_ raw: String, example: String) -> LocalizedText {
        LocalizedText(nb: "'\(raw)' er ikke en måned; forventet et tall 1–12 eller et navn som \(example)",
                      nn: "'\(raw)' er ikkje ein månad; venta eit tal 1–12 eller eit namn som \(example)",
                      en: "'\(raw)' is not a month; expected a number 1–12 or a name such as \(example)")
    }

    private func schoolWindowRule(_ value: Node, _ f: Fields) throws(AgreementFileError) -> FrequencyRule {
        let name = try nonEmptyText(value, expected: LocalizedText(nb: "et skolevindu", nn: "eit skulevindauge", en: "a school window"))
        let perSchool = try f["per_school"].map { n throws(AgreementFileError) in try bool(n) } ?? false
        var window: MonthDayWindow?
        if f.has("from") || f.has("to") {
            window = try monthDayWindow(from: try f.required("from", expected: Words.monthDay("09-01")),
                                        to: try f.required("to", expected: Words.monthDay("11-30")))
        }
        func refuse(_ key: String, _ allowed: String) throws(AgreementFileError) {
            if let entry = f.entries.first(where: { $0.key == key }) {
                throw fail(position(entry.keyNode), LocalizedText(
                    nb: "'\(key)' gjelder ikke for vinduet \(name); forventet bare \(allowed) ved siden av school_window: \(name)",
                    nn: "'\(key)' gjeld ikkje for vindauget \(name); venta berre \(allowed) ved sida av school_window: \(name)",
                    en: "'\(key)' does not apply to the \(name) window; expected only \(allowed) beside school_window: \(name)"))
            }
        }
        switch name {
        case "school_start":
            for key in ["from", "to", "name"] { try refuse(key, "weeks, per_school") }
            let weeks = try f["weeks"].map { n throws(AgreementFileError) in
                try int(n, LocalizedText(nb: "et antall uker etter skolestart", nn: "eit tal på veker etter skulestart", en: "a number of weeks after school starts"), in: 1...20)
            } ?? 4
            return .schoolWindow(.schoolStart(weeks: weeks), perSchool: perSchool)
        case "grade7", "grade10", "russ_season":
            for key in ["weeks", "name"] { try refuse(key, "from, to, per_school") }
            let w: SchoolWindow = name == "grade7" ? .grade7(window) : name == "grade10" ? .grade10(window) : .russSeason(window)
            return .schoolWindow(w, perSchool: perSchool)
        case "custom":
            try refuse("weeks", "name, from, to, per_school")
            let title = try f.requiredText("name", expected: LocalizedText(nb: "et navn på vinduet, som \"Eksamenstid\"", nn: "eit namn på vindauget, som \"Eksamenstid\"",
                                                                           en: "a name for the window, such as \"Eksamenstid\""))
            guard let window else {
                throw fail(f.position, LocalizedText(
                    nb: "et eget skolevindu (custom) mangler 'from' og 'to'; forventet f.eks. from: \"05-01\", to: \"06-15\"",
                    nn: "eit eige skulevindauge (custom) manglar 'from' og 'to'; venta t.d. from: \"05-01\", to: \"06-15\"",
                    en: "a custom school window has no 'from' and 'to'; expected e.g. from: \"05-01\", to: \"06-15\""))
            }
            return .schoolWindow(.custom(name: title, window), perSchool: perSchool)
        default:
            let guess = Suggestion.didYouMean(name, in: Self.schoolWindows), list = Self.schoolWindows.joined(separator: ", ")
            throw fail(position(value), LocalizedText(
                nb: "'\(name)' er ikke et skolevindu\(guess.bokmal); forventet ett av \(list)",
                nn: "'\(name)' er ikkje eit skulevindauge\(guess.nynorsk); venta eitt av \(list)",
                en: "'\(name)' is not a school window\(guess.english); expected one of \(list)"))
        }
    }

    /// `6`, `"6-8"` or `"6–8"`.
    static func weekRange(_ text: String) -> Result<(min: Int, max: Int), Problem> {
        let parts = Values.splitRange(text)
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, (1...2).contains(numbers.count) else {
            return .failure(Problem(LocalizedText(
                nb: "'\(text)' er ikke et antall uker; forventet et tall som 4 eller et spenn som \"6-8\"",
                nn: "'\(text)' er ikkje eit tal på veker; venta eit tal som 4 eller eit spenn som \"6-8\"",
                en: "'\(text)' is not a number of weeks; expected a number such as 4 or a range such as \"6-8\"")))
        }
        let lo = numbers[0], hi = numbers.last!
        guard lo >= 1, hi <= 52 else {
            return .failure(Problem(LocalizedText(
                nb: "'\(text)' er utenfor det tillatte; forventet fra 1 til 52 uker mellom møtene",
                nn: "'\(text)' er utanfor det tillatne; venta frå 1 til 52 veker mellom møta",
                en: "'\(text)' is out of range; expected 1 to 52 weeks between meetings")))
        }
        guard lo <= hi else {
            return .failure(Problem(LocalizedText(
                nb: "spennet '\(text)' går baklengs; forventet det minste tallet først, som \"6-8\"",
                nn: "spennet '\(text)' går baklengs; venta det minste talet først, som \"6-8\"",
                en: "the range '\(text)' runs backwards; expected the smaller number first, such as \"6-8\"")))
        }
        return .success((lo, hi))
    }
}
