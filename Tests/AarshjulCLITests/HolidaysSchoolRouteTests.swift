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
        #expect(text.contains("Kilder for skoleruta (Innlandet)\n  [1] Trysil kommune: «Forslag til forskrift om skole- og feriedager 2026/2027"))
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

    @Test func aCountyWithoutPublishedDataSaysItIsProjected() throws {
        let text = try Self.listing("finnmark")
        #expect(Self.line(text, "01.03.–05.03.", "Vinterferie")?.hasSuffix("antatt [1]") == true, "\(text)")
        let english = try Self.listing("finnmark", lang: "en")
        #expect(english.contains("projected [1]") && english.contains("School calendar sources (Finnmark)"))
    }

    /// The bar of issue 10: for every county the 2027 listing shows exactly the
    /// breaks of its data file, each marked as the file marks it.
    @Test(arguments: County.allCases)
    func theListingMatchesTheCountysDataFile(_ county: County) throws {
        let text = try Self.listing(county.rawValue)
        let year = SchoolRouteFile.route(for: county).schoolYear(startingIn: 2026)
        for kind in [SchoolBreakKind.winter, .easter] {
            let b = try #require(year.break(kind))
            let when = Words.shortDate(b.range.first) + "–" + Words.shortDate(b.range.last)
            let line = try #require(Self.line(text, when, kind.name.bokmal), "\(county): no \(kind) line for \(when)\n\(text)")
            #expect(line.contains(b.provenance.status.word(.bokmal)), "\(county): \(line)")
        }
    }
}
