import AarshjulCore
import Foundation
import Yams

/// Reads an agreement file (YAML; see docs/agreement-format.md) into the core
/// model. Errors name file, line and column, and stop at the first problem:
/// problems of form in the order they appear in the file, then references to
/// people and venues that are not listed (the first by position).
public enum AgreementFile {
    public static func load(path: String) throws(AgreementFileError) -> Agreement {
        try parse(try readText(path, expected: Self.expectedAgreement), fileName: path)
    }

    static let expectedAgreement = LocalizedText(nb: "en avtalefil (YAML)", nn: "ei avtalefil (YAML)", en: "an agreement file (YAML)")

    /// A file named as an agreement or district file, read within `AgreementLimits.maxFileBytes`:
    /// folders, devices, FIFOs and symlink loops are refused by name, before anything is read.
    static func readText(_ path: String, expected: LocalizedText) throws(AgreementFileError) -> String {
        switch InputFile.read(path, limit: AgreementLimits.maxFileBytes) {
        case .success(let text): return text
        case .failure(let problem):
            throw AgreementFileError(file: path, line: 0, column: 0, words: problem.words(expected: expected))
        }
    }

    public static func parse(_ text: String, fileName: String) throws(AgreementFileError) -> Agreement {
        do {
            return try read(text, fileName: fileName)
        } catch {
            // Said in the language the file asks for, when no --lang overrides it.
            var said = error
            said.language = declaredLanguage(text)
            throw said
        }
    }

    private static func read(_ text: String, fileName: String) throws(AgreementFileError) -> Agreement {
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
            throw reader.fail(.start, LocalizedText(
                nb: "filen er tom; forventet en avtale som begynner med nøkler som id:, municipality: og county:",
                nn: "fila er tom; venta ein avtale som byrjar med nyklar som id:, municipality: og county:",
                en: "the file is empty; expected an agreement starting with keys such as id:, municipality: and county:"))
        }
        // Not quoted: a file that is not keys and values may not be an agreement at all (/etc/passwd).
        guard case .mapping = root else {
            throw reader.fail(.start, LocalizedText(
                nb: "dette er ikke en avtalefil (øverst står ren tekst eller en liste); forventet nøkler og verdier som id:, municipality: og county:",
                nn: "dette er ikkje ei avtalefil (øvst står rein tekst eller ei liste); venta nyklar og verdiar som id:, municipality: og county:",
                en: "this is not an agreement file (plain text or a list at the top level); expected keys and values such as id:, municipality: and county:"))
        }
        return try reader.agreement(root)
    }

    static let languageNames: [String: PlanLanguage] = ["nb": .bokmal, "bokmål": .bokmal, "bokmal": .bokmal,
                                                        "nn": .nynorsk, "nynorsk": .nynorsk, "en": .english, "english": .english]

    /// The plan language a top-level `language:` line asks for, read from the
    /// text alone, so that a file refused before (or for) anything else is
    /// still told in its own language.
    static func declaredLanguage(_ text: String) -> PlanLanguage? {
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) where line.hasPrefix("language:") {
            var value = line.dropFirst("language:".count)
            if let hash = value.firstIndex(of: "#") { value = value[..<hash] }
            let word = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            return languageNames[word.lowercased()]
        }
        return nil
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
        let text = try nonEmptyText(node, expected: LocalizedText(nb: "et fylke", nn: "eit fylke", en: "a county"))
        guard let county = County(name: text) else {
            let names = County.allCases.map(\.rawValue)
            let guess = Suggestion.didYouMean(text, in: names), list = names.joined(separator: ", ")
            throw fail(position(node), LocalizedText(
                nb: "'\(text)' er ikke et norsk fylke\(guess.bokmal); forventet ett av \(list)",
                nn: "'\(text)' er ikkje eit norsk fylke\(guess.nynorsk); venta eitt av \(list)",
                en: "'\(text)' is not a Norwegian county\(guess.english); expected one of \(list)"))
        }
        return county
    }

    func agreement(_ root: Node) throws(AgreementFileError) -> Agreement {
        let f = try fields(root, of: LocalizedText(nb: "avtalen", nn: "avtalen", en: "the agreement"), allowed: Self.topLevelKeys)
        let aid = try id(try f.required("id", expected: LocalizedText(nb: "en kort id som 'lillestrom'", nn: "ein kort id som 'lillestrom'", en: "a short id such as 'lillestrom'")),
                         of: LocalizedText(nb: "avtalen", nn: "avtalen", en: "the agreement"))
        let municipality = try f.requiredText("municipality", expected: LocalizedText(
            nb: "navnet på kommunen, som \"Lillestrøm\"", nn: "namnet på kommunen, som \"Lillestrøm\"", en: "the municipality's name, such as \"Lillestrøm\""))
        let county = try county(try f.required("county", expected: LocalizedText(
            nb: "et fylke som vestland eller \"Møre og Romsdal\"", nn: "eit fylke som vestland eller \"Møre og Romsdal\"", en: "a county such as vestland or \"Møre og Romsdal\"")))
        var a = Agreement(id: aid, municipality: municipality, county: county)
        let number = try f.optionalText("municipality_number", expected: Words.municipalityNumber)
        let known = try checkMunicipality(municipality, number: number, county: county,
                                          at: f["municipality_number"] ?? f["municipality"]!)
        a.policeDistrict = try f.optionalText("police_district", expected: Words.policeDistrict) ?? known?.policeDistrict ?? ""
        if let l = f["language"] {
            let raw = try nonEmptyText(l, expected: Words.languages)
            guard let lang = AgreementFile.languageNames[raw.lowercased()] else {
                throw fail(position(l), LocalizedText(
                    nb: "'\(raw)' er ikke et planspråk; forventet \(Words.languages.bokmal)",
                    nn: "'\(raw)' er ikkje eit planspråk; venta \(Words.languages.nynorsk)",
                    en: "'\(raw)' is not a plan language; expected \(Words.languages.english)"))
            }
            a.language = lang
        }
        a.revised = try f["revised"].map { n throws(AgreementFileError) in try date(n) }
        a.source = try f.optionalText("source", expected: LocalizedText(
            nb: "hvor avtaleteksten kommer fra", nn: "kvar avtaleteksten kjem frå", en: "where the agreement text comes from"))

        var references: [Reference] = []
        var firstSeen: [String: Position] = [:]
        /// `each`: "each person", for "expected its own id for each person".
        func unique(_ id: String, _ node: Node, _ each: LocalizedText) throws(AgreementFileError) {
            let key = each.english + "\u{0}" + id
            if let earlier = firstSeen[key] {
                throw fail(position(node), LocalizedText(
                    nb: "id-en '\(id)' er brukt to ganger (første gang på linje \(earlier.line)); forventet en egen id for \(each.bokmal)",
                    nn: "id-en '\(id)' er brukt to gonger (første gong på line \(earlier.line)); venta ein eigen id for \(each.nynorsk)",
                    en: "the id '\(id)' is used twice (first on line \(earlier.line)); expected its own id for \(each.english)"))
            }
            firstSeen[key] = position(node)
        }
        for item in try list(f["people"] ?? Node(""), expected: LocalizedText(nb: "personer", nn: "personar", en: "people")) {
            let p = try person(item); try unique(p.id, item, LocalizedText(nb: "hver person", nn: "kvar person", en: "each person")); a.people.append(p)
        }
        for item in try list(f["venues"] ?? Node(""), expected: LocalizedText(nb: "lokaler", nn: "lokale", en: "venues")) {
            let v = try venue(item); try unique(v.id, item, LocalizedText(nb: "hvert lokale", nn: "kvart lokale", en: "each venue")); a.venues.append(v)
        }
        for item in try list(f["schools"] ?? Node(""), expected: LocalizedText(nb: "skoler", nn: "skular", en: "schools")) {
            let s = try school(item); try unique(s.id, item, LocalizedText(nb: "hver skole", nn: "kvar skule", en: "each school")); a.schools.append(s)
        }
        let seriesItems = try list(f["series"] ?? Node(""), expected: LocalizedText(nb: "møteserier", nn: "møteseriar", en: "meeting series"))
        if seriesItems.count > AgreementLimits.maxSeries {
            let n = seriesItems.count, limit = AgreementLimits.maxSeries
            throw fail(position(f["series"]!), LocalizedText(
                nb: "avtalen har \(n) serier, mer enn grensen på \(limit); forventet høyst \(limit) (del den opp i flere avtaler, eller bruk et distrikt)",
                nn: "avtalen har \(n) seriar, meir enn grensa på \(limit); venta høgst \(limit) (del han opp i fleire avtalar, eller bruk eit distrikt)",
                en: "the agreement has \(n) series, more than the limit of \(limit); expected at most \(limit) (split it into several agreements, or a district)"))
        }
        for item in seriesItems {
            let s = try series(item, references: &references); try unique(s.id, item, LocalizedText(nb: "hver serie", nn: "kvar serie", en: "each series")); a.series.append(s)
        }
        for item in try list(f["quarterly_deadlines"] ?? Node(""), expected: LocalizedText(nb: "kvartalsfrister", nn: "kvartalsfristar", en: "quarterly deadlines")) {
            let d = try quarterlyDeadline(item, references: &references); try unique(d.id, item, LocalizedText(nb: "hver frist", nn: "kvar frist", en: "each deadline")); a.quarterlyDeadlines.append(d)
        }
        if let s = f["school_calendar"] { a.schoolCalendar = try schoolCalendar(s) }
        // The county's skolerute from data/skolerute/; the agreement's own
        // school_calendar settings and imported skolerute win over it.
        a.schoolCalendar.countyRoute = SchoolRouteFile.route(for: county)
        a.electionTable = ElectionsFile.shipped
        if let n = f["no_meeting_periods"] { a.noMeetingPeriods = try noMeetingPeriods(n) }
        for item in try list(f["blackouts"] ?? Node(""), expected: LocalizedText(nb: "sperrede perioder", nn: "sperra periodar", en: "blackouts")) {
            a.blackouts.append(try blackout(item, of: LocalizedText(nb: "en sperret periode", nn: "ein sperra periode", en: "a blackout")))
        }
        if let e = f["elections"] { a.electionOverrides = try elections(e) }
        if a.series.isEmpty && a.quarterlyDeadlines.isEmpty {
            throw fail(f.position, LocalizedText(
                nb: "avtalen har ingen serier (og ingen kvartalsfrister), så det er ingenting å planlegge; forventet en liste 'series:' med minst én møteserie",
                nn: "avtalen har ingen seriar (og ingen kvartalsfristar), så det er ingenting å planleggje; venta ei liste 'series:' med minst éin møteserie",
                en: "the agreement has no series (and no quarterly deadlines), so there is nothing to plan; expected a 'series:' list with at least one meeting series"))
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
        let key = first.target == .person ? "people" : "venues"
        let guess = Suggestion.didYouMean(first.id, in: known), role = first.role
        let listed = known.joined(separator: ", ")
        let expected = known.isEmpty
            ? (first.target == .person
                ? LocalizedText(nb: "en person som står under 'people:' (filen har ingen)", nn: "ein person som står under 'people:' (fila har ingen)",
                                en: "a person listed under 'people:' (the file lists none)")
                : LocalizedText(nb: "et lokale som står under 'venues:' (filen har ingen)", nn: "eit lokale som står under 'venues:' (fila har ingen)",
                                en: "a venue listed under 'venues:' (the file lists none)"))
            : LocalizedText(nb: "en av dem som står der: \(listed)", nn: "ein av dei som står der: \(listed)", en: "one of those listed there: \(listed)")
        throw fail(position(first.node), LocalizedText(
            nb: "'\(first.id)' (\(role.bokmal)) står ikke under '\(key):'\(guess.bokmal); forventet \(expected.bokmal)",
            nn: "'\(first.id)' (\(role.nynorsk)) står ikkje under '\(key):'\(guess.nynorsk); venta \(expected.nynorsk)",
            en: "'\(first.id)' (\(role.english)) is not listed under '\(key):'\(guess.english); expected \(expected.english)"))
    }
}

/// Expected values named in more than one reader, in the three languages.
enum Words {
    static let municipalityNumber = LocalizedText(nb: "det firesifrede kommunenummeret, som \"4644\"", nn: "det firesifra kommunenummeret, som \"4644\"",
                                                  en: "the four-digit kommunenummer, such as \"4644\"")
    static let policeDistrict = LocalizedText(nb: "politidistriktet", nn: "politidistriktet", en: "the police district")
    static let languages = LocalizedText(nb: "nb (bokmål), nn (nynorsk) eller en (engelsk)", nn: "nb (bokmål), nn (nynorsk) eller en (engelsk)",
                                         en: "nb (bokmål), nn (nynorsk) or en (English)")
    static let name = LocalizedText(nb: "et navn", nn: "eit namn", en: "a name")
    static let email = LocalizedText(nb: "en e-postadresse", nn: "ei e-postadresse", en: "an e-mail address")
    static let englishTitle = LocalizedText(nb: "en engelsk tittel", nn: "ein engelsk tittel", en: "an English title")
    static let person = LocalizedText(nb: "en person", nn: "ein person", en: "a person")
    static let member = LocalizedText(nb: "et medlem", nn: "eit medlem", en: "a member")
    static let month = LocalizedText(nb: "en måned", nn: "ein månad", en: "a month")
    static let months = LocalizedText(nb: "måneder", nn: "månader", en: "months")
    static let travelMinutes = LocalizedText(nb: "minutter reisetid", nn: "minutt reisetid", en: "minutes of travel")
    static func monthDay(_ example: String) -> LocalizedText {
        LocalizedText(nb: "måned-dag som \"\(example)\"", nn: "månad-dag som \"\(example)\"", en: "a month-day such as \"\(example)\"")
    }
}
