import AarshjulAgreementFile
import AarshjulCore
import Foundation
import Testing

/// `aarshjul holidays --county C --year 2027`: each school break with whether
/// it is published or projected, and where it comes from.
@Suite struct HolidaysSchoolRouteTests {
    static func listing(_ county: String, _ year: Int = 2027, lang: String? = nil) throws -> String {
        let result = try CLI.run(["holidays", "--year", "\(year)", "--county", county] + (lang.map { ["--lang", $0] } ?? []))
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// The line of `name` starting on `when` in the school section, squeezed to single spaces.
    static func line(_ text: String, _ when: String, _ name: String) -> String? {
        text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            .first { $0.hasPrefix(when + " " + name) }
    }

    @Test func innlandet2027ShowsThePublishedSkoleruteWithItsSource() throws {
        let text = try Self.listing("innlandet")
        #expect(Self.line(text, "22.02.–26.02.", "Vinterferie")?.hasSuffix("vedtatt [1]") == true, "\(text)")
        #expect(Self.line(text, "22.03.–29.03.", "Påskeferie") != nil)
        #expect(Self.line(text, "01.01.", "Juleferie") != nil, "4 January 2027 is a school day in Innlandet")
        #expect(Self.line(text, "11.10.–15.10.", "Høstferie")?.contains("antatt") == true, "autumn 2027 is projected")
        #expect(text.contains("Kilder for skoleruta (Innlandet)\n  [1] Hamar kommune: «Skoleruta – ferie og fridager (Skoleruta 2025-2026, Skoleruta 2026-2027)»"))
        #expect(text.contains("antatt etter mønsteret: høstferie uke 41"))
    }

    @Test func vestfoldAgderAndTromsKeepMondayTheFourthOfJanuaryOff() throws {
        for county in ["vestfold", "agder", "troms"] {
            let text = try Self.listing(county)
            #expect(Self.line(text, "01.01.–04.01.", "Juleferie")?.contains("vedtatt") == true, "\(county):\n\(text)")
        }
        let troms = try Self.listing("troms")
        #expect(Self.line(troms, "22.02.–26.02.", "Vinterferie") != nil)
        #expect(Self.line(troms, "18.06.–", "Sommerferie") == nil, "the summer break starts after the last school day")
        #expect(troms.contains("skolefri.no (etter Troms fylkeskommune, tromsfylke.no)"))
    }

    /// Akershus 2026/27 rests on Asker's proposal: projected, and said to be
    /// the proposal rather than the county's pattern.
    @Test func aDateProjectedForItsOwnReasonSaysSoNotThePattern() throws {
        let text = try Self.listing("akershus")
        let line = try #require(Self.line(text, "22.03.–30.03.", "Påskeferie"), "\(text)")
        let reference = try #require(Self.reference(text, of: line))
        #expect(reference.hasPrefix("antatt: Asker kommunes forslag på høring (2024)"), "\(reference)")
        #expect(text.contains("antatt etter mønsteret: høstferie uke 40"), "2027/28 still follows the pattern")
    }

    /// What the data files say in words (a day off's name, the pattern, a
    /// projection's reason, the election rule) is said in the listing's
    /// language, from the forms the files give (data/README.md).
    @Test func dataFileWordsAreSaidInTheListingsLanguage() throws {
        let cases: [(lang: String, dayOff: String, pattern: String, reason: String, rule: String)] = [
            ("nb", "Fridag for elevene", "antatt etter mønsteret: høstferie uke 40", "antatt: Asker kommunes forslag på høring (2024)",
             "antatt etter regelen: andre mandag i september"),
            ("nn", "Fridag for elevane", "venta ut frå mønsteret: haustferie veke 40", "venta: framlegget til Asker kommune på høyring (2024)",
             "venta ut frå regelen: andre måndag i september"),
            ("en", "Pupils' day off", "projected from the pattern: autumn break week 40",
             "projected: Asker municipality's proposal on consultation (2024)", "projected from the rule: the second Monday of September"),
        ]
        for c in cases {
            let agder = try Self.listing("agder", lang: c.lang)
            let dayOff = agder.split(separator: "\n").first { $0.contains(c.lang == "en" ? " 7 May " : " 07.05. ") && !$0.contains("Kristi") && !$0.contains("Ascension") }
            #expect(dayOff?.contains(c.dayOff) == true, "\(c.lang):\n\(agder)")
            #expect(agder.contains(c.pattern), "\(c.lang):\n\(agder)")
            let akershus = try Self.listing("akershus", lang: c.lang)
            #expect(akershus.contains(c.reason), "\(c.lang):\n\(akershus)")
            #expect(akershus.contains(c.rule), "\(c.lang):\n\(akershus)")
        }
        let vestland = try Self.listing("vestland", 2026)
        #expect(vestland.contains("Fridag for elevene") && !vestland.contains("Fridag for elevar"), "bokmål, though Stord publishes in nynorsk:\n\(vestland)")
    }

    @Test func aCountyWithoutPublishedDataSaysItIsProjected() throws {
        let text = try Self.listing("finnmark")
        #expect(Self.line(text, "01.03.–05.03.", "Vinterferie")?.hasSuffix("antatt [1]") == true, "\(text)")
        let english = try Self.listing("finnmark", lang: "en")
        #expect(english.contains("projected [1]") && english.contains("School calendar sources (Finnmark)"))
        let nynorsk = try Self.listing("finnmark", lang: "nn")
        #expect(Self.line(nynorsk, "01.03.–05.03.", "Vinterferie")?.hasSuffix("venta [1]") == true, "\(nynorsk)")
        #expect(nynorsk.contains("Kjelder for skuleruta (Finnmark)\n  [1] venta ut frå mønsteret: "))
    }

    /// Published and projected facts are told apart in every language: in
    /// Vestland 2027 the winter and Easter breaks are published (Bergen), the
    /// last school day and the breaks of 2027/28 projected.
    @Test func publishedAndProjectedAreToldApartInNynorskAndEnglish() throws {
        let cases = [("nn", "vedteke", "venta", "01.03.–05.03.", "11.10.–15.10."),
                     ("en", "published", "projected", "1 Mar – 5 Mar", "11 Oct – 15 Oct"),
                     ("nb", "vedtatt", "antatt", "01.03.–05.03.", "11.10.–15.10.")]
        for (lang, published, projected, winterDates, autumnDates) in cases {
            let text = try Self.listing("vestland", lang: lang)
            let winter = try #require(text.split(separator: "\n").first { $0.contains(winterDates) }, "\(lang):\n\(text)")
            #expect(winter.contains(" \(published) ["), "\(lang): \(winter)")
            let autumn = try #require(text.split(separator: "\n").first { $0.contains(autumnDates) }, "\(lang):\n\(text)")
            #expect(autumn.contains(" \(projected) ["), "\(lang): \(autumn)")
        }
    }

    static let dataFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data")

    /// The county's file as it lies in the source tree (not the compiled-in copy).
    static func fromDisk(_ county: County) throws -> CountySchoolRoute {
        let url = dataFolder.appendingPathComponent("skolerute/\(county.rawValue).yaml")
        return try SchoolRouteFile.parse(try String(contentsOf: url, encoding: .utf8), fileName: url.path)
    }

    /// What the listing's numbered reference `[n]` stands for.
    static func reference(_ text: String, of line: String) -> String? {
        guard let open = line.lastIndex(of: "["), line.hasSuffix("]") else { return nil }
        let prefix = "  " + line[open...] + " "
        return text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// What a fact rests on, as the listing is to cite it: a projection
    /// names the county's pattern, or its own reason (a proposal, say).
    static func citation(_ p: Provenance, pattern: LocalizedText) -> String {
        let source = p.source?.citation(.bokmal)
        guard p.status == .projected else { return source ?? "" }
        let lead = p.basis == pattern ? "antatt etter mønsteret: " : "antatt: "
        return lead + (p.basis?.bokmal ?? "") + (source.map { " (\($0))" } ?? "")
    }

    /// The bar of issue 10, for every county: `holidays --county C --year
    /// 2026` and `--year 2027` list every break of the county's 2026/27 data
    /// (days off and the summer after it included) with the dates the file
    /// records, "vedtatt" with the page it was read in or "antatt" with the
    /// pattern it follows. The expected values are the data file's, read from
    /// disk: a published date changed in data/ must change the listing.
    @Test(arguments: County.allCases)
    func every2026_27BreakIsListedAsTheCountysDataFileRecordsIt(_ county: County) throws {
        let route = try Self.fromDisk(county)
        let year = route.schoolYear(startingIn: 2026), next = route.schoolYear(startingIn: 2027)
        var expected = year.breaks.map { ($0.range, $0.name.text(.bokmal), $0.provenance) }
        let summer = DateRange(year.lastDay.date.adding(days: 1), next.firstDay.date.adding(days: -1))
        let summerKnown = next.firstDay.provenance.status == .projected ? next.firstDay.provenance : year.lastDay.provenance
        expected.append((summer, "Sommerferie", summerKnown))
        let listings = [2026: try Self.listing(county.rawValue, 2026), 2027: try Self.listing(county.rawValue, 2027)]
        for (range, name, provenance) in expected {
            for calendarYear in range.first.year...range.last.year {
                let text = try #require(listings[calendarYear])
                let first = max(range.first, .firstOfYear(calendarYear)), last = min(range.last, .lastOfYear(calendarYear))
                let when = Words.dateRange(first, last, .bokmal)
                let line = try #require(Self.line(text, when, name), "\(county) \(calendarYear): no \(name) line for \(when)\n\(text)")
                let status = provenance.status.word(.bokmal)
                #expect(line.contains(" \(status) ["), "\(county): \(line)")
                #expect(Self.reference(text, of: line) == Self.citation(provenance, pattern: route.pattern.basis),
                        "\(county): \(line)\n\(text)")
            }
        }
    }

    /// The election day is listed with what it rests on (data/valg.yaml): the
    /// decision for a decided year, the rule and its source for a projected one.
    @Test func theElectionLineNamesItsSource() throws {
        let table = ElectionsFile.shipped
        let decided = try #require(table.election(in: 2025)), next = try #require(table.election(in: 2027))
        let cite2025 = try #require(decided.provenance?.source).citation(.bokmal)
        #expect(decided.provenance?.status == .published && next.provenance?.status == .projected)
        let text2025 = try Self.listing("oslo", 2025)
        #expect(text2025.contains("  man 08.09.  Stortingsvalg\n  Kilde: vedtatt – " + cite2025 + "\n"), "\(text2025)")
        let text2027 = try Self.listing("vestland", 2027)
        let rule = "antatt etter regelen: " + table.basis.bokmal + " (" + (try #require(table.source)).citation(.bokmal) + ")"
        #expect(text2027.contains("Kommunestyre- og fylkestingsvalg (foreløpig dato)\n  Kilde: " + rule + "\n"), "\(text2027)")
        #expect(try Self.listing("oslo", 2027, lang: "en").contains("  Source: projected from the rule: " + table.basis.english))
    }
}
