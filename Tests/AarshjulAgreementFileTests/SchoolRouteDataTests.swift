import AarshjulAgreementFile
import AarshjulCore
import Foundation
import Testing

/// The shipped skolerute files (data/skolerute/), read as the tool reads them.
@Suite struct DataFilesSchoolRouteTests {
    static let dataFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data")

    static func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }

    /// The files in the source tree, parsed directly (not the compiled-in copy).
    static func fromDisk(_ county: County) throws -> CountySchoolRoute {
        let url = dataFolder.appendingPathComponent("skolerute/\(county.rawValue).yaml")
        return try SchoolRouteFile.parse(try String(contentsOf: url, encoding: .utf8), fileName: url.path)
    }

    @Test(arguments: County.allCases)
    func everyCountyShipsItsFileAndTheToolCarriesTheSameData(_ county: County) throws {
        let disk = try Self.fromDisk(county)
        #expect(disk.county == county)
        #expect(SchoolRouteFile.shipped[county] == disk, "the compiled-in copy of \(county.rawValue).yaml is stale")
    }

    /// Every text a reader sees (a pattern's basis, a projection's reason, a
    /// day off's name) has its nynorsk and English form, so no nynorsk or
    /// English plan says it in bokmål.
    @Test func everyShownTextHasItsNynorskAndEnglishForm() throws {
        let files = County.allCases.map { "skolerute/\($0.rawValue).yaml" } + ["valg.yaml"]
        for name in files {
            let url = Self.dataFolder.appendingPathComponent(name)
            #expect(DataFileForms.missing(in: try String(contentsOf: url, encoding: .utf8), fileName: "data/" + name) == [])
        }
        #expect(DataFileForms.missing(in: "pattern: {basis: x, basis_nn: y}\n", fileName: "x.yaml") == ["x.yaml:1:11: 'basis' has no basis_en"])
        #expect(DataFileForms.missing(in: "a: {projected: true}\nb: {projected: r}\nreasons: {r: {nb: x, nn: y, en: z}}\n", fileName: "x.yaml") == [])
    }

    @Test(arguments: County.allCases)
    func everySchoolYearIsSaneAndEveryFactHasItsOrigin(_ county: County) throws {
        let route = try Self.fromDisk(county)
        for start in 2025...2027 {
            let year = route.schoolYear(startingIn: start)
            let label = "\(county.rawValue) \(year.label)"
            #expect(route.years[start] != nil, "\(label) is not listed in the file")
            #expect(!year.firstDay.date.isWeekend && !year.lastDay.date.isWeekend, "\(label): first/last day on a weekend")
            #expect(year.firstDay.date.year == start && year.firstDay.date.month == 8, "\(label) starts \(year.firstDay.date)")
            #expect(year.lastDay.date.year == start + 1 && year.lastDay.date.month == 6, "\(label) ends \(year.lastDay.date)")
            for kind in SchoolBreakKind.breaks { #expect(year.break(kind) != nil, "\(label) has no \(kind) break") }
            for b in year.breaks {
                #expect(!b.range.first.isWeekend && !b.range.last.isWeekend, "\(label): \(b.kind) \(b.range.first)–\(b.range.last) ends on a weekend")
                #expect(b.range.first > year.firstDay.date && b.range.last < year.lastDay.date,
                        "\(label): \(b.kind) \(b.range.first)–\(b.range.last) is outside the school year")
                Self.expectOrigin(b.provenance, "\(label) \(b.kind)")
            }
            Self.expectOrigin(year.firstDay.provenance, "\(label) first day")
            Self.expectOrigin(year.lastDay.provenance, "\(label) last day")
            let winter = year.break(.winter)!.range, easter = year.break(.easter)!.range
            #expect(winter.last < easter.first, "\(label): winter break after Easter")
            #expect((9...10).contains(year.break(.autumn)!.range.first.month), "\(label): autumn break not in September/October")
        }
    }

    static func expectOrigin(_ p: Provenance, _ what: String) {
        switch p.status {
        case .published:
            #expect(p.source != nil, "\(what) is published without a source")
            if let s = p.source {
                #expect(!s.publisher.isEmpty && !s.title.isEmpty && s.read != nil && s.url?.hasPrefix("http") == true,
                        "\(what): incomplete source \(s.id) (publisher, title, url and date read)")
            }
        case .projected:
            let basis = p.basis.map { [$0.bokmal, $0.nynorsk, $0.english] } ?? []
            #expect(basis.count == 3 && !basis.contains(""), "\(what) is projected without saying from what")
        }
    }

    /// The summer break between two school years: 7–9 weeks of weekdays
    /// (Innlandet 2023: Friday 16 June to Monday 21 August is nine school
    /// weeks off, 65 calendar days), for the listed and the projected years.
    @Test(arguments: County.allCases)
    func summerBreaksAreSevenToNineWeeks(_ county: County) throws {
        let school = SchoolCalendar(county: county, settings: SchoolCalendarSettings(countyRoute: try Self.fromDisk(county)))
        for year in 2026...2032 {
            let summer = school.summerBreak(startingIn: year)
            let weekdays = summer.filter { !$0.isWeekend }.count
            #expect((35...45).contains(weekdays), "\(county.rawValue) summer \(year): \(summer.first)–\(summer.last), \(weekdays) weekdays")
        }
    }

    /// Years after the data follow the pattern: still weekdays, inside the year.
    @Test(arguments: County.allCases)
    func projectedYearsAfterTheDataAreSane(_ county: County) throws {
        let route = try Self.fromDisk(county)
        for start in 2028...2035 {
            let year = route.schoolYear(startingIn: start)
            #expect(year.isWhollyProjected)
            for b in year.breaks {
                #expect(!b.range.first.isWeekend && !b.range.last.isWeekend, "\(county.rawValue) \(year.label) \(b.kind)")
                #expect(b.range.first > year.firstDay.date && b.range.last < year.lastDay.date, "\(county.rawValue) \(year.label) \(b.kind)")
            }
        }
    }

    // MARK: The 2026/27 facts issue 10 names

    static func year2026(_ county: County) throws -> SchoolYearRoute { try fromDisk(county).schoolYear(startingIn: 2026) }

    @Test func innlandetAndTromsWinterBreakIsTheLastWeekOfFebruary2027() throws {
        for county in [County.innlandet, .troms] {
            let winter = try #require(try Self.year2026(county).break(.winter))
            #expect(winter.range == DateRange(Self.d(2027, 2, 22), Self.d(2027, 2, 26)), "\(county)")
            #expect(winter.provenance.status == .published, "\(county)")
        }
    }

    @Test func autumnBreakWeeks2026() throws {
        #expect(try Self.year2026(.agder).break(.autumn)!.range.first.isoWeek.week == 40)
        for county in [County.vestfold, .telemark, .moreOgRomsdal, .trondelag] {
            let autumn = try #require(try Self.year2026(county).break(.autumn))
            #expect(autumn.range.first.isoWeek.week == 41, "\(county)")
            #expect(autumn.range.first.weekday == .monday && autumn.range.last.weekday == .friday, "\(county)")
        }
    }

    @Test func tromsAutumnBreakIsWednesdayToFriday() throws {
        for start in 2025...2027 {
            let autumn = try #require(try Self.fromDisk(.troms).schoolYear(startingIn: start).break(.autumn))
            #expect(autumn.range.first.weekday == .wednesday && autumn.range.last.weekday == .friday, "\(start)")
        }
    }

    @Test func mondayFourthOfJanuary2027IsASchoolDayOnlyWhereTheSkoleruteSaysSo() throws {
        let monday = Self.d(2027, 1, 4)
        func offSchool(_ county: County) throws -> Bool {
            let calendar = MunicipalCalendar(county: county, school: SchoolCalendarSettings(countyRoute: try Self.fromDisk(county)),
                                             years: 2027...2027)
            return !calendar.isSchoolDay(monday)
        }
        #expect(try !offSchool(.innlandet))
        for county in [County.vestfold, .agder, .troms] {
            #expect(try offSchool(county), "\(county): 4 January 2027 should be a day off school")
            #expect(try Self.year2026(county).break(.christmas)!.range.last == monday, "\(county)")
        }
        // Tuesday 5 January is a school day everywhere it is published.
        for county in [County.innlandet, .vestfold, .agder, .troms] {
            let calendar = MunicipalCalendar(county: county, school: SchoolCalendarSettings(countyRoute: try Self.fromDisk(county)),
                                             years: 2027...2027)
            #expect(calendar.isSchoolDay(Self.d(2027, 1, 5)), "\(county)")
        }
    }

    @Test func aPublishedYearNamesItsSourceAndAProjectedOneItsPattern() throws {
        let innlandet = try Self.fromDisk(.innlandet)
        let published = innlandet.schoolYear(startingIn: 2026).break(.winter)!.provenance
        #expect(published.status == .published && published.source?.publisher == "Hamar kommune")
        let projected = innlandet.schoolYear(startingIn: 2028).break(.winter)!
        #expect(projected.provenance.status == .projected)
        #expect(projected.provenance.basis == innlandet.pattern.basis)
        // 2029: the last Monday of February is the 26th, ISO week 9.
        #expect(projected.range == DateRange(Self.d(2029, 2, 26), Self.d(2029, 3, 2)))
    }

    @Test func theMunicipalitysOwnWinterWeekWinsOverTheCountyData() throws {
        let route = try Self.fromDisk(.vestland)
        let own = SchoolCalendar(county: .vestland, settings: SchoolCalendarSettings(winterBreakWeek: 8, countyRoute: route))
        let winter = own.schoolYear(startingIn: 2026).break(.winter)!
        #expect(winter.range == DateRange(Self.d(2027, 2, 22), Self.d(2027, 2, 26)))
        #expect(route.schoolYear(startingIn: 2026).break(.winter)!.range.first == Self.d(2027, 3, 1))
    }

    @Test func anImportedSkoleruteWinsWithinItsSpan() throws {
        let route = try Self.fromDisk(.innlandet)
        let imported = [Blackout(range: DateRange(Self.d(2027, 3, 1), Self.d(2027, 3, 5)), reason: "Vinterferie (egen skolerute)"),
                        Blackout(range: DateRange(Self.d(2026, 10, 12), Self.d(2026, 10, 16)), reason: "Høstferie (egen skolerute)")]
        let calendar = MunicipalCalendar(county: .innlandet, school: SchoolCalendarSettings(importedHolidays: imported, countyRoute: route),
                                         years: 2027...2027)
        #expect(calendar.isSchoolDay(Self.d(2027, 2, 22)), "the county's winter break gives way to the imported one")
        #expect(!calendar.isSchoolDay(Self.d(2027, 3, 1)))
    }
}

/// A broken skolerute file is reported like a broken agreement: where, and what was expected.
@Suite struct SchoolRouteFileErrorTests {
    static let base = """
        county: innlandet
        sources:
          hamar: {publisher: Hamar kommune, title: Skoleruta, read: 2026-12-01}
        pattern:
          basis: test
          first_day: monday on or after 08-15
          last_day: friday on or before 06-21
          autumn: {from: monday of week 41, to: +4}
          christmas: {from: monday on or after 12-19, to: day before weekday on or after 01-02}
          winter: {from: monday on or before 02-28, to: +4}
          easter: {from: easter-6, to: easter+1}
        years:

        """

    func error(_ years: String) -> AgreementFileError? {
        do { _ = try SchoolRouteFile.parse(Self.base + years, fileName: "x.yaml"); return nil } catch { return error }
    }

    @Test func anUnknownSourceKeyIsNamedWithTheListedOnes() throws {
        let e = try #require(error("  2026/27:\n    winter: {from: 2027-02-22, to: 2027-02-26, source: hamr}\n"))
        #expect(e.line == 14 && e.column == 56)
        #expect(e.message.contains("'hamr' is not listed under 'sources:'") && e.message.contains("hamar"))
    }

    @Test func aBreakOnAWeekendIsRefused() throws {
        let e = try #require(error("  2026/27:\n    winter: {from: 2027-02-20, to: 2027-02-26, source: hamar}\n"))
        #expect(e.line == 14 && e.message.contains("weekend"))
    }

    @Test func aDateWithoutSourceOrProjectionIsRefused() throws {
        let e = try #require(error("  2026/27:\n    winter: {from: 2027-02-22, to: 2027-02-26}\n"))
        #expect(e.line == 14 && e.message.contains("'source:'") && e.message.contains("'projected:'"))
    }

    @Test func aBreakOutsideTheSchoolYearIsRefused() throws {
        let e = try #require(error("  2026/27:\n    last_day: {date: 2027-02-19, source: hamar}\n"))
        #expect(e.message.contains("outside the school year 2026/27"))
    }

    @Test func aBadSchoolYearAndABadRuleAreNamed() throws {
        #expect(try #require(error("  2026/28: projected\n")).message.contains("not a school year"))
        let bad = Self.base.replacingOccurrences(of: "monday of week 41", with: "monday in week 41")
        #expect(throws: AgreementFileError.self) { try SchoolRouteFile.parse(bad + "  2026/27: projected\n", fileName: "x.yaml") }
    }

    @Test func textsCarryTheirNynorskAndEnglishFormsAndReasonsAreNamedByKey() throws {
        let text = Self.base.replacingOccurrences(of: "sources:", with: "reasons:\n  forslag: {nb: forslag, nn: framlegg, en: proposal}\nsources:")
            .replacingOccurrences(of: "basis: test", with: "basis: uke 41\n  basis_nn: veke 41\n  basis_en: week 41")
            + "  2026/27:\n    winter: {from: 2027-02-15, to: 2027-02-19, projected: forslag}\n"
            + "    days_off:\n      - {date: 2026-11-27, name: Fridag for elevene, name_nn: Fridag for elevane, name_en: Pupils' day off, source: hamar}\n"
        let year = try SchoolRouteFile.parse(text, fileName: "x.yaml").schoolYear(startingIn: 2026)
        #expect(year.break(.winter)!.provenance.basis == LocalizedText(nb: "forslag", nn: "framlegg", en: "proposal"))
        #expect(year.break(.autumn)!.provenance.basis == LocalizedText(nb: "uke 41", nn: "veke 41", en: "week 41"))
        #expect(year.break(.dayOff)!.name == LocalizedText(nb: "Fridag for elevene", nn: "Fridag for elevane", en: "Pupils' day off"))
        let orphan = Self.base.replacingOccurrences(of: "basis: test", with: "basis_nn: test")
        #expect(throws: AgreementFileError.self) { try SchoolRouteFile.parse(orphan + "  2026/27: projected\n", fileName: "x.yaml") }
    }

    @Test func aProjectedEntryKeepsItsReason() throws {
        let route = try SchoolRouteFile.parse(Self.base + "  2026/27:\n    winter: {from: 2027-02-15, to: 2027-02-19, projected: \"uke 7, tidlig påske\"}\n",
                                              fileName: "x.yaml")
        let winter = try #require(route.schoolYear(startingIn: 2026).break(.winter))
        #expect(winter.provenance == .projected(LocalizedText(nb: "uke 7, tidlig påske", en: "uke 7, tidlig påske")))
        #expect(route.schoolYear(startingIn: 2026).break(.autumn)!.provenance.basis?.bokmal == "test")
    }
}
