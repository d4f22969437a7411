import AarshjulCore
import AarshjulData
import Foundation
import Yams

/// Reads `data/skolerute/<county>.yaml` (format: data/README.md) into a
/// `CountySchoolRoute`. Every listed school year keeps each fact's source and
/// status; a break a year does not list, and a year given as `projected`,
/// follow the county's pattern and are marked projected. Errors name file,
/// line and column, like an agreement file's.
public enum SchoolRouteFile {
    public static func parse(_ text: String, fileName: String) throws(AgreementFileError) -> CountySchoolRoute {
        let (reader, root) = try NodeReader.dataFile(text, fileName: fileName, empty: "The file is empty; expected a skolerute starting with county:, sources:, pattern: and years:.")
        return try reader.schoolRoute(root)
    }

    /// The shipped skolerute of every county, read once from the data compiled
    /// into the tool. A county whose file is missing is absent; a broken file
    /// stops the tool with its location (it is the tool's own data).
    public static let shipped: [County: CountySchoolRoute] = {
        var out: [County: CountySchoolRoute] = [:]
        for path in AarshjulData.paths(under: "skolerute/") {
            do {
                let route = try parse(AarshjulData.text(path) ?? "", fileName: "data/" + path)
                out[route.county] = route
            } catch {
                fatalError("\(error)")
            }
        }
        return out
    }()

    /// The shipped skolerute of `county` (the national default pattern if none is shipped).
    public static func route(for county: County) -> CountySchoolRoute {
        shipped[county] ?? CountySchoolRoute(county: county)
    }
}

extension NodeReader {
    /// A data file's reader and top node (data/README.md), or a located error.
    static func dataFile(_ text: String, fileName: String, empty: String) throws(AgreementFileError) -> (NodeReader, Node) {
        let reader = NodeReader(file: fileName)
        let root: Node?
        do { root = try Yams.compose(yaml: text, Resolver.basic) } catch {
            throw SyntaxErrors.describe(error, file: fileName, text: text)
        }
        guard let root, !reader.isNull(root) else { throw reader.fail(.start, empty) }
        return (reader, root)
    }

    func schoolRoute(_ root: Node) throws(AgreementFileError) -> CountySchoolRoute {
        let f = try fields(root, of: "the skolerute", allowed: ["county", "scope", "sources", "reasons", "pattern", "years"])
        let county = try county(try f.required("county", expected: "the county, such as innlandet"))
        let scope = try f.optionalText("scope", expected: "which schools the skolerute is for")
        var sources: [String: FactSource] = [:]
        for entry in try pairs(f["sources"] ?? Node(""), expected: "sources by key, such as {hamar: {publisher: …, title: …}}") {
            guard Values.isValidID(entry.key) else {
                throw fail(position(entry.keyNode), "'\(entry.key)' is not a usable source key; use lowercase letters, digits, - and _.")
            }
            if sources[entry.key] != nil { throw fail(position(entry.keyNode), "The source '\(entry.key)' is listed twice.") }
            sources[entry.key] = try factSource(entry.key, entry.value)
        }
        // Why dates are assumed, by key, when several dates share one reason.
        var reasons: [String: LocalizedText] = [:]
        for entry in try pairs(f["reasons"] ?? Node(""), expected: "reasons by key, such as {asker-forslag: {nb: …, nn: …, en: …}}") {
            guard Values.isValidID(entry.key) else {
                throw fail(position(entry.keyNode), "'\(entry.key)' is not a usable reason key; use lowercase letters, digits, - and _.")
            }
            if reasons[entry.key] != nil { throw fail(position(entry.keyNode), "The reason '\(entry.key)' is listed twice.") }
            let r = try fields(entry.value, of: "the reason '\(entry.key)'", allowed: ["nb", "nn", "en"])
            reasons[entry.key] = LocalizedText(nb: try r.requiredText("nb", expected: "the reason in bokmål"),
                                               nn: try r.requiredText("nn", expected: "the reason in nynorsk"),
                                               en: try r.requiredText("en", expected: "the reason in English"))
        }
        let patternNode = try f.required("pattern", expected: "the county's pattern for years not decided yet")
        let pattern = try schoolPattern(patternNode, sources: sources)
        var years: [Int: SchoolYearRoute] = [:]
        for entry in try pairs(try f.required("years", expected: "the school years, such as 2026/27"), expected: "school years such as 2026/27") {
            guard let start = Self.schoolYearStart(entry.key) else {
                throw fail(position(entry.keyNode), "'\(entry.key)' is not a school year; write it as 2026/27.")
            }
            if years[start] != nil { throw fail(position(entry.keyNode), "The school year \(entry.key) is listed twice.") }
            years[start] = try schoolYear(start, entry.value, pattern: pattern, sources: sources, reasons: reasons)
        }
        return CountySchoolRoute(county: county, years: years, pattern: pattern, scope: scope)
    }

    /// "2026/27" → 2026.
    static func schoolYearStart(_ text: String) -> Int? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let start = Int(parts[0]), let next = Int(parts[1]), (start + 1) % 100 == next else { return nil }
        return start
    }

    func factSource(_ id: String, _ node: Node) throws(AgreementFileError) -> FactSource {
        let f = try fields(node, of: "the source '\(id)'", allowed: ["publisher", "title", "url", "read"])
        return FactSource(id: id,
                          publisher: try f.requiredText("publisher", expected: "who published it, such as Hamar kommune"),
                          title: try f.requiredText("title", expected: "the title of the page or decision"),
                          url: try f.optionalText("url", expected: "the address of the page"),
                          read: try f["read"].map { n throws(AgreementFileError) in try date(n) })
    }

    func source(_ node: Node, in sources: [String: FactSource]) throws(AgreementFileError) -> FactSource {
        let key = try nonEmptyText(node, expected: "a source key listed under sources:")
        guard let found = sources[key] else {
            let known = sources.keys.sorted()
            throw fail(position(node), "'\(key)' is not listed under 'sources:'.\(Suggestion.didYouMean(key, in: known)) Listed sources: \(known.joined(separator: ", ")).")
        }
        return found
    }

    func dayRule(_ node: Node, allowStartOffset: Bool = false) throws(AgreementFileError) -> DayRule {
        let text = try nonEmptyText(node, expected: "a day rule such as 'monday of week 41'")
        guard let rule = DayRule(text) else {
            throw fail(position(node), "'\(text)' is not a day rule; expected for example 'monday of week 41', 'friday on or before 06-21', 'weekday on or after 01-02', 'easter-6' or 'day before …'.")
        }
        if case .afterStart = rule, !allowStartOffset {
            throw fail(position(node), "'\(text)' counts from a break's first day, so it can only end a break (to: +4).")
        }
        return rule
    }

    func schoolPattern(_ node: Node, sources: [String: FactSource]) throws(AgreementFileError) -> SchoolPattern {
        let f = try fields(node, of: "the pattern", allowed: DataFileForms.keys("basis") + ["source", "first_day", "last_day", "autumn", "christmas", "winter", "easter"])
        func breakRule(_ key: String) throws(AgreementFileError) -> SchoolPattern.BreakRule {
            let b = try fields(try f.required(key, expected: "{from: RULE, to: RULE}"), of: "the pattern's \(key)", allowed: ["from", "to"])
            return SchoolPattern.BreakRule(from: try dayRule(try b.required("from", expected: "the break's first day")),
                                           to: try dayRule(try b.required("to", expected: "the break's last day"), allowStartOffset: true))
        }
        return SchoolPattern(
            firstDay: try dayRule(try f.required("first_day", expected: "the first school day, such as 'monday on or after 08-15'")),
            lastDay: try dayRule(try f.required("last_day", expected: "the last school day, such as 'friday on or before 06-21'")),
            autumn: try breakRule("autumn"), christmas: try breakRule("christmas"),
            winter: try breakRule("winter"), easter: try breakRule("easter"),
            basis: try f.requiredDataText("basis", expected: "the pattern in words, with what it rests on"),
            source: try f["source"].map { n throws(AgreementFileError) in try source(n, in: sources) })
    }

    /// `source: KEY` (published) or `projected: true | REASON | "why"` (with an optional source).
    func provenance(_ f: Fields, pattern: SchoolPattern, sources: [String: FactSource],
                    reasons: [String: LocalizedText]) throws(AgreementFileError) -> Provenance {
        let src = try f["source"].map { n throws(AgreementFileError) in try source(n, in: sources) }
        if let p = f["projected"] {
            let text = try nonEmptyText(p, expected: "true or why the date is assumed")
            if ["true", "yes"].contains(text.lowercased()) { return .projected(pattern.basis, source: src) }
            if let reason = reasons[text] { return .projected(reason, source: src) }
            return .projected(try dataText(f, "projected", expected: "why the date is assumed")!, source: src)
        }
        guard let src else {
            throw fail(f.position, "Each date needs 'source:' (a key under sources:) or 'projected:' (why it is assumed).")
        }
        return .published(src)
    }

    func schoolYear(_ start: Int, _ node: Node, pattern: SchoolPattern,
                    sources: [String: FactSource], reasons: [String: LocalizedText]) throws(AgreementFileError) -> SchoolYearRoute {
        var year = pattern.year(startingIn: start)
        if case .scalar = node, try text(node, expected: "projected").lowercased() == "projected" { return year }
        let label = SchoolYearRoute.label(start)
        let keys = ["first_day", "last_day"] + SchoolBreakKind.breaks.map(\.rawValue) + ["days_off"]
        let f = try fields(node, of: "the school year \(label)", allowed: keys)
        let span = DateRange(CivilDate(year: start, month: 7, day: 1)!, CivilDate(year: start + 1, month: 6, day: 30)!)
        func day(_ key: String) throws(AgreementFileError) -> SchoolDayFact? {
            guard let n = f[key] else { return nil }
            let d = try fields(n, of: "\(key) of \(label)", allowed: ["date", "source"] + DataFileForms.keys("projected"))
            let dateNode = try d.required("date", expected: "the date, such as \(start)-08-17")
            let date = try date(dateNode)
            guard span.contains(date) else { throw fail(position(dateNode), "\(date.iso) is not in the school year \(label) (July \(start) to June \(start + 1)).") }
            guard !date.isWeekend else { throw fail(position(dateNode), "\(date.iso) is a \(date.weekday == .saturday ? "Saturday" : "Sunday"); a school day is a weekday.") }
            return SchoolDayFact(date: date, provenance: try provenance(d, pattern: pattern, sources: sources, reasons: reasons))
        }
        func range(_ n: Node, of what: String, named: Bool) throws(AgreementFileError) -> (DateRange, LocalizedText?, Provenance) {
            let allowed = ["from", "to", "date", "source"] + DataFileForms.keys("projected") + (named ? DataFileForms.keys("name") : [])
            let b = try fields(n, of: what, allowed: allowed)
            let fromNode: Node, toNode: Node
            if let single = b["date"] { fromNode = single; toNode = single } else {
                fromNode = try b.required("from", expected: "the first day off")
                toNode = try b.required("to", expected: "the last day off")
            }
            let from = try date(fromNode), to = try date(toNode)
            guard from <= to else { throw fail(position(toNode), "The break ends (\(to.iso)) before it starts (\(from.iso)).") }
            for (d, node) in [(from, fromNode), (to, toNode)] {
                guard span.contains(d) else { throw fail(position(node), "\(d.iso) is not in the school year \(label) (July \(start) to June \(start + 1)).") }
                guard !d.isWeekend else { throw fail(position(node), "\(d.iso) is a weekend day; write a break from its first to its last weekday off.") }
            }
            let name = named ? try dataText(b, "name", expected: "the name of the day off, such as Planleggingsdag") : nil
            return (DateRange(from, to), name, try provenance(b, pattern: pattern, sources: sources, reasons: reasons))
        }
        if let first = try day("first_day") { year.firstDay = first }
        if let last = try day("last_day") { year.lastDay = last }
        for kind in SchoolBreakKind.breaks {
            guard let n = f[kind.rawValue] else { continue }
            let (r, _, p) = try range(n, of: "the \(kind.rawValue) break of \(label)", named: false)
            if let i = year.breaks.firstIndex(where: { $0.kind == kind }) {
                year.breaks[i] = SchoolBreakFact(kind: kind, range: r, provenance: p)
            }
        }
        for item in try list(f["days_off"] ?? Node(""), expected: "days off") {
            let (r, name, p) = try range(item, of: "a day off in \(label)", named: true)
            year.breaks.append(SchoolBreakFact(kind: .dayOff, range: r, label: name, provenance: p))
        }
        guard year.firstDay.date < year.lastDay.date else {
            throw fail(f.position, "The school year \(label) ends (\(year.lastDay.date.iso)) before it starts (\(year.firstDay.date.iso)).")
        }
        for b in year.breaks where b.range.first < year.firstDay.date || b.range.last > year.lastDay.date {
            throw fail(f.position, "\(b.name.bokmal) \(b.range.first.iso)–\(b.range.last.iso) is outside the school year \(label) (\(year.firstDay.date.iso) to \(year.lastDay.date.iso)).")
        }
        year.breaks.sort { ($0.range.first, $0.kind.rawValue) < ($1.range.first, $1.kind.rawValue) }
        return year
    }
}
