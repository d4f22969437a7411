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
        let f = try fields(node, of: "a rule", allowed: allowed)
        let kinds = f.entries.filter { Self.ruleKinds.contains($0.key) }
        guard let kind = kinds.first else {
            throw fail(f.position, "The rule says nothing about how often; expected one of \(Self.ruleKinds.joined(separator: ", ")), e.g. {per_quarter: 1} or {every_weeks: \"6-8\"}.")
        }
        if kinds.count > 1 {
            throw fail(position(kinds[1].keyNode), "A rule has one kind, but this one has both '\(kind.key)' and '\(kinds[1].key)'; make two series if both are meant.")
        }
        let modifiers = Self.ruleModifiers[kind.key] ?? []
        for entry in f.entries where entry.key != kind.key && !modifiers.contains(entry.key) {
            let fits = modifiers.isEmpty ? "it takes no other keys" : "it allows only \(modifiers.joined(separator: ", "))"
            throw fail(position(entry.keyNode), "'\(entry.key)' does not belong in a \(kind.key) rule; \(fits).")
        }
        let value = try f.required(kind.key, expected: "a value for \(kind.key)")

        switch kind.key {
        case "per_quarter":
            return .perQuarter(count: try int(value, "a number of meetings per quarter", in: 1...13))
        case "per_year":
            return .perYear(count: try int(value, "a number of meetings per year", in: 1...52), atLeast: false)
        case "at_least_per_year":
            return .perYear(count: try int(value, "a number of meetings per year", in: 1...52), atLeast: true)
        case "every_weeks":
            let weeks = try parsed(value, expected: "a number of weeks or a range such as \"6-8\"", Self.weekRange)
            let previous = try f["previous_last"].map { n throws(AgreementFileError) in try date(n) }
            return .everyWeeks(minWeeks: weeks.min, maxWeeks: weeks.max, previousLast: previous)
        case "weekly":
            let raw = try nonEmptyText(value, expected: "a weekday or 'any'")
            if ["any", "hvilken som helst", "kva som helst"].contains(raw.lowercased()) { return .weekly(weekday: nil) }
            return .weekly(weekday: try weekday(value))
        case "monthly":
            guard try bool(value) else {
                throw fail(position(value), "'monthly: false' plans nothing; remove the series or write monthly: true.")
            }
            var skip: [Int] = []
            for item in try list(f["skip_months"] ?? Node(""), expected: "months") {
                let raw = try nonEmptyText(item, expected: "a month")
                guard let m = Values.month(raw) else {
                    throw fail(position(item), "'\(raw)' is not a month; expected a number 1–12 or a name such as jul.")
                }
                if !skip.contains(m) { skip.append(m) }
            }
            if skip.count == 12, let months = f["skip_months"] {
                throw fail(position(months), "skip_months leaves out all 12 months, so the series never meets; expected at most 11 months to skip.")
            }
            return .monthly(skipMonths: skip.sorted())
        case "yearly":
            if case .mapping = value {
                let w = try fields(value, of: "a yearly window", allowed: ["from", "to"])
                return .yearly(window: try monthDayWindow(from: try w.required("from", expected: "a month-day such as \"10-01\""),
                                                          to: try w.required("to", expected: "a month-day such as \"11-30\"")))
            }
            let raw = try nonEmptyText(value, expected: "true, any, or a window {from: \"10-01\", to: \"11-30\"}")
            guard Values.bool(raw) == true || raw.lowercased() == "any" else {
                throw fail(position(value), "'\(raw)' is not a yearly rule; expected true (any time of year) or a window such as {from: \"10-01\", to: \"11-30\"}.")
            }
            return .yearly(window: nil)
        default:
            return try schoolWindowRule(value, f)
        }
    }

    private func schoolWindowRule(_ value: Node, _ f: Fields) throws(AgreementFileError) -> FrequencyRule {
        let name = try nonEmptyText(value, expected: "a school window")
        let perSchool = try f["per_school"].map { n throws(AgreementFileError) in try bool(n) } ?? false
        var window: MonthDayWindow?
        if f.has("from") || f.has("to") {
            window = try monthDayWindow(from: try f.required("from", expected: "a month-day such as \"09-01\""),
                                        to: try f.required("to", expected: "a month-day such as \"11-30\""))
        }
        func refuse(_ key: String) throws(AgreementFileError) {
            if let entry = f.entries.first(where: { $0.key == key }) {
                throw fail(position(entry.keyNode), "'\(key)' does not apply to the \(name) window.")
            }
        }
        switch name {
        case "school_start":
            try refuse("from"); try refuse("to"); try refuse("name")
            let weeks = try f["weeks"].map { n throws(AgreementFileError) in try int(n, "a number of weeks after school starts", in: 1...20) } ?? 4
            return .schoolWindow(.schoolStart(weeks: weeks), perSchool: perSchool)
        case "grade7", "grade10", "russ_season":
            try refuse("weeks"); try refuse("name")
            let w: SchoolWindow = name == "grade7" ? .grade7(window) : name == "grade10" ? .grade10(window) : .russSeason(window)
            return .schoolWindow(w, perSchool: perSchool)
        case "custom":
            try refuse("weeks")
            let title = try f.requiredText("name", expected: "a name for the window, such as \"Eksamenstid\"")
            guard let window else {
                throw fail(f.position, "A custom school window needs 'from' and 'to', such as from: \"05-01\", to: \"06-15\".")
            }
            return .schoolWindow(.custom(name: title, window), perSchool: perSchool)
        default:
            throw fail(position(value), "'\(name)' is not a school window.\(Suggestion.didYouMean(name, in: Self.schoolWindows)) Expected one of \(Self.schoolWindows.joined(separator: ", ")).")
        }
    }

    /// `6`, `"6-8"` or `"6–8"`.
    static func weekRange(_ text: String) -> Result<(min: Int, max: Int), Problem> {
        let parts = Values.splitRange(text)
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, (1...2).contains(numbers.count) else {
            return .failure(Problem("'\(text)' is not a number of weeks; expected a number such as 4 or a range such as \"6-8\"."))
        }
        let lo = numbers[0], hi = numbers.last!
        guard lo >= 1, hi <= 52 else {
            return .failure(Problem("'\(text)' is out of range; weeks between meetings run from 1 to 52."))
        }
        guard lo <= hi else {
            return .failure(Problem("The range '\(text)' runs backwards; write the smaller number first, such as \"6-8\"."))
        }
        return .success((lo, hi))
    }
}
