import AarshjulCore
import Foundation
import Yams

/// Reads an agreement file (YAML; see docs/agreement-format.md) into the core
/// model. Errors name file, line and column, and stop at the first problem:
/// problems of form in the order they appear in the file, then references to
/// people and venues that are not listed (the first by position).
public enum AgreementFile {
    public static func load(path: String) throws(AgreementFileError) -> Agreement {
        try parse(try readText(path, expected: "an agreement file (YAML)"), fileName: path)
    }

    /// A file named as an agreement or district file, read within `AgreementLimits.maxFileBytes`:
    /// folders, devices, FIFOs and symlink loops are refused by name, before anything is read.
    static func readText(_ path: String, expected: String) throws(AgreementFileError) -> String {
        switch InputFile.read(path, limit: AgreementLimits.maxFileBytes) {
        case .success(let text): return text
        case .failure(let problem):
            throw AgreementFileError(file: path, line: 0, column: 0, message: problem.message(expected: expected) + ".")
        }
    }

    public static func parse(_ text: String, fileName: String) throws(AgreementFileError) -> Agreement {
        let reader = NodeReader(file: fileName)
        try AgreementLimits.checkSize(text, fileName: fileName)
        let root: Node?
        do {
            // The basic resolver keeps every scalar as typed text (see NodeReader).
            root = try Yams.compose(yaml: text, Resolver.basic)
        } catch {
            throw SyntaxErrors.describe(error, file: fileName, text: text)
        }
        guard let root, !reader.isNull(root) else {
            throw reader.fail(.start, "The file is empty; expected an agreement starting with keys such as id:, municipality: and county:.")
        }
        // Not quoted: a file that is not keys and values may not be an agreement at all (/etc/passwd).
        guard case .mapping = root else {
            throw reader.fail(.start, "This is not an agreement file: expected keys and values such as id:, municipality: and county: at the top level, but found plain text or a list.")
        }
        return try reader.agreement(root)
    }
}

extension NodeReader {
    static let topLevelKeys = [
        "id", "municipality", "municipality_number", "police_district", "county", "language", "revised", "source",
        "people", "venues", "schools", "series", "quarterly_deadlines",
        "school_calendar", "no_meeting_periods", "blackouts", "elections", "busy_calendars",
    ]

    /// A county by file form or display name, with the close spellings and the full list when it is not one.
    func county(_ node: Node) throws(AgreementFileError) -> County {
        let text = try nonEmptyText(node, expected: "a county")
        guard let county = County(name: text) else {
            let names = County.allCases.map(\.rawValue)
            throw fail(position(node), "'\(text)' is not a Norwegian county.\(Suggestion.didYouMean(text, in: names)) Expected one of \(names.joined(separator: ", ")).")
        }
        return county
    }

    func agreement(_ root: Node) throws(AgreementFileError) -> Agreement {
        let f = try fields(root, of: "the agreement", allowed: Self.topLevelKeys)
        let aid = try id(try f.required("id", expected: "a short id such as 'lillestrom'"), of: "the agreement")
        let municipality = try f.requiredText("municipality", expected: "the municipality's name, such as \"Lillestrøm\"")
        let county = try county(try f.required("county", expected: "a county such as vestland or \"Møre og Romsdal\""))
        var a = Agreement(id: aid, municipality: municipality, county: county)
        let number = try f.optionalText("municipality_number", expected: "the four-digit kommunenummer, such as \"4644\"")
        let known = try checkMunicipality(municipality, number: number, county: county,
                                          at: f["municipality_number"] ?? f["municipality"]!)
        a.policeDistrict = try f.optionalText("police_district", expected: "the police district") ?? known?.policeDistrict ?? ""
        if let l = f["language"] {
            let raw = try nonEmptyText(l, expected: "nb, nn or en")
            let names: [String: PlanLanguage] = ["nb": .bokmal, "bokmål": .bokmal, "bokmal": .bokmal,
                                                 "nn": .nynorsk, "nynorsk": .nynorsk, "en": .english, "english": .english]
            guard let lang = names[raw.lowercased()] else {
                throw fail(position(l), "'\(raw)' is not a plan language; expected nb (bokmål), nn (nynorsk) or en (English).")
            }
            a.language = lang
        }
        a.revised = try f["revised"].map { n throws(AgreementFileError) in try date(n) }
        a.source = try f.optionalText("source", expected: "where the agreement text comes from")

        var references: [Reference] = []
        var firstSeen: [String: Position] = [:]
        func unique(_ id: String, _ node: Node, _ what: String) throws(AgreementFileError) {
            let key = what + "\u{0}" + id
            if let earlier = firstSeen[key] {
                throw fail(position(node), "The \(what) id '\(id)' is used twice (first on line \(earlier.line)); each \(what) needs its own id.")
            }
            firstSeen[key] = position(node)
        }
        for item in try list(f["people"] ?? Node(""), expected: "people") {
            let p = try person(item); try unique(p.id, item, "person"); a.people.append(p)
        }
        for item in try list(f["venues"] ?? Node(""), expected: "venues") {
            let v = try venue(item); try unique(v.id, item, "venue"); a.venues.append(v)
        }
        for item in try list(f["schools"] ?? Node(""), expected: "schools") {
            let s = try school(item); try unique(s.id, item, "school"); a.schools.append(s)
        }
        let seriesItems = try list(f["series"] ?? Node(""), expected: "series")
        if seriesItems.count > AgreementLimits.maxSeries {
            throw fail(position(f["series"]!), "The agreement has \(seriesItems.count) series; an agreement may have at most \(AgreementLimits.maxSeries) (split it into several agreements, or a district).")
        }
        for item in seriesItems {
            let s = try series(item, references: &references); try unique(s.id, item, "series"); a.series.append(s)
        }
        for item in try list(f["quarterly_deadlines"] ?? Node(""), expected: "quarterly deadlines") {
            let d = try quarterlyDeadline(item, references: &references); try unique(d.id, item, "deadline"); a.quarterlyDeadlines.append(d)
        }
        if let s = f["school_calendar"] { a.schoolCalendar = try schoolCalendar(s) }
        // The county's skolerute from data/skolerute/; the agreement's own
        // school_calendar settings and imported skolerute win over it.
        a.schoolCalendar.countyRoute = SchoolRouteFile.route(for: county)
        a.electionTable = ElectionsFile.shipped
        if let n = f["no_meeting_periods"] { a.noMeetingPeriods = try noMeetingPeriods(n) }
        for item in try list(f["blackouts"] ?? Node(""), expected: "blackouts") {
            a.blackouts.append(try blackout(item, of: "a blackout"))
        }
        if let e = f["elections"] { a.electionOverrides = try elections(e) }
        if a.series.isEmpty && a.quarterlyDeadlines.isEmpty {
            throw fail(f.position, "The agreement has no series (and no quarterly deadlines), so there is nothing to plan; add a 'series:' list.")
        }
        try checkReferences(references, in: a)
        return a
    }

    /// Every id a series or deadline names must be listed under people/venues.
    func checkReferences(_ references: [Reference], in a: Agreement) throws(AgreementFileError) {
        let people = a.people.map(\.id), venues = a.venues.map(\.id)
        let broken = references.filter { ($0.target == .person ? people : venues).contains($0.id) == false }
        guard let first = broken.min(by: { position($0.node) < position($1.node) }) else { return }
        let known = first.target == .person ? people : venues
        let list = first.target == .person ? "people" : "venues"
        let listed = known.isEmpty ? "The file lists no \(list)." : "Listed \(list): \(known.joined(separator: ", "))."
        throw fail(position(first.node), "'\(first.id)' (\(first.role)) is not listed under '\(list):'.\(Suggestion.didYouMean(first.id, in: known)) \(listed)")
    }
}
