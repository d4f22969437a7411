import AarshjulCore
import Testing

@Suite struct HolidayListingTests {
    static let oslo2027 = MunicipalCalendar(county: .oslo, years: 2027...2027)

    @Test func oslo2027InBokmal() {
        #expect(HolidayListing.render(year: 2027, calendar: Self.oslo2027, language: .bokmal, countyName: "Oslo") == """
            Dager uten møter 2027 – Oslo

            Helligdager
              fre 01.01.  1. nyttårsdag
              tor 25.03.  Skjærtorsdag
              fre 26.03.  Langfredag
              søn 28.03.  1. påskedag
              man 29.03.  2. påskedag
              lør 01.05.  Offentlig høytidsdag (1. mai)
              tor 06.05.  Kristi himmelfartsdag
              søn 16.05.  1. pinsedag
              man 17.05.  2. pinsedag
              man 17.05.  Grunnlovsdagen (17. mai)
              lør 25.12.  1. juledag
              søn 26.12.  2. juledag

            Møtefrie perioder
              12.07.–08.08.  Fellesferie
              24.12.–31.12.  Jul og romjul

            Skoleferier (gjelder bare skolearrangementer)
              01.01.         Juleferie    antatt [1]
              22.02.–26.02.  Vinterferie  antatt [1]
              22.03.–29.03.  Påskeferie   antatt [1]
              19.06.–15.08.  Sommerferie  antatt [1]
              04.10.–08.10.  Høstferie    antatt [1]
              20.12.–31.12.  Juleferie    antatt [1]

            Kilder for skoleruta (Oslo)
              [1] antatt etter mønsteret: nasjonalt mønster (ingen fylkesdata lest)

            Valg (til orientering)
              man 13.09.  Kommunestyre- og fylkestingsvalg (foreløpig dato)
              Kilde: antatt etter regelen: andre mandag i september

            Lørdager og søndager brukes aldri til møter.

            """)
    }

    @Test func nynorskAndEnglishWording() {
        let nn = HolidayListing.render(year: 2027, calendar: Self.oslo2027, language: .nynorsk, countyName: nil)
        #expect(nn.hasPrefix("Dagar utan møte 2027\n\nHeilagdagar\n  fre 01.01.  1. nyttårsdag\n"))
        #expect(nn.contains("  lau 01.05.  Offentleg høgtidsdag (1. mai)\n"))
        #expect(nn.contains("  24.12.–31.12.  Jul og romjul\n"))
        #expect(nn.contains("  04.10.–08.10.  Haustferie   venta [1]\n"))
        #expect(nn.contains("Kjelder for skuleruta (Oslo)\n"))
        #expect(nn.contains("  mån 13.09.  Kommunestyre- og fylkestingsval (førebels dato)\n"))
        #expect(nn.hasSuffix("\n\nLaurdagar og sundagar vert aldri brukte til møte.\n"))
        let en = HolidayListing.render(year: 2027, calendar: Self.oslo2027, language: .english, countyName: "Oslo")
        #expect(en.contains("  Mon 17 May  Whit Monday\n  Mon 17 May  Constitution Day\n"))
        #expect(en.hasSuffix("\n\nSaturdays and Sundays are never used for meetings.\n"))
    }

    @Test func blackoutsJoinTheNoMeetingPeriodsAndWeekdaysBreakNothing() {
        let blackouts = [Blackout(range: DateRange(CivilDate(year: 2027, month: 6, day: 3)!, CivilDate(year: 2027, month: 6, day: 4)!),
                                  reason: "Kommunestyremøte"),
                         Blackout(range: DateRange(CivilDate(year: 2027, month: 6, day: 7)!, CivilDate(year: 2027, month: 6, day: 7)!),
                                  reason: "Kommunestyremøte")]
        let calendar = MunicipalCalendar(county: .oslo, blackouts: blackouts, years: 2027...2027)
        let text = HolidayListing.render(year: 2027, calendar: calendar, language: .bokmal, countyName: nil)
        // Two runs: the weekend between them is not part of the blackout.
        #expect(text.contains("""
            Møtefrie perioder
              03.06.–04.06.  Kommunestyremøte
              07.06.         Kommunestyremøte
              12.07.–08.08.  Fellesferie
            """))
    }

    @Test func switchedOffPeriodsAreNotListed() {
        let calendar = MunicipalCalendar(county: .oslo, noMeeting: NoMeetingSettings(christmas: false, fellesferie: false),
                                         years: 2027...2027)
        let text = HolidayListing.render(year: 2027, calendar: calendar, language: .bokmal, countyName: nil)
        #expect(!text.contains("Møtefrie perioder"))
        #expect(!text.contains("Fellesferie"))
        #expect(text.contains("Skoleferier"))
    }

    @Test func schoolBreaksFollowTheCountysRouteWithTheirSources() {
        var pattern = SchoolPattern.national
        pattern.winter = .init(from: .ofISOWeek(.monday, week: 9), to: .afterStart(days: 4))
        pattern.autumn = .init(from: .ofISOWeek(.monday, week: 41), to: .afterStart(days: 4))
        pattern.basis = LocalizedText(nb: "uke 9 og 41", en: "uke 9 og 41")
        let source = FactSource(id: "bergen", publisher: "Bergen kommune", title: "Skolerute 2026–27",
                                read: CivilDate(year: 2026, month: 12, day: 1)!)
        var year = pattern.year(startingIn: 2026)
        year.breaks = year.breaks.map { b in
            var b = b
            if b.kind == .winter { b.provenance = .published(source) }
            return b
        }
        let route = CountySchoolRoute(county: .vestland, years: [2026: year], pattern: pattern)
        let bergen = MunicipalCalendar(county: .vestland, school: SchoolCalendarSettings(countyRoute: route), years: 2027...2027)
        let text = HolidayListing.render(year: 2027, calendar: bergen, language: .bokmal, countyName: "Vestland")
        // Sources are numbered in the order the listing first needs them.
        #expect(text.contains("  01.03.–05.03.  Vinterferie  vedtatt [2]\n"))  // ISO week 9, published
        #expect(text.contains("  11.10.–15.10.  Høstferie    antatt [1]\n"))   // ISO week 41, projected
        #expect(text.contains("Kilder for skoleruta (Vestland)\n  [1] antatt etter mønsteret: uke 9 og 41\n"
                              + "  [2] Bergen kommune: «Skolerute 2026–27», lest 01.12.2026\n"))
    }

    @Test func electionSectionOnlyInElectionYears() {
        let calendar = MunicipalCalendar(county: .oslo, years: 2024...2026)
        #expect(!HolidayListing.render(year: 2026, calendar: calendar, language: .bokmal, countyName: nil).contains("Valg"))
        #expect(HolidayListing.render(year: 2025, calendar: calendar, language: .bokmal, countyName: nil)
            .contains("Valg (til orientering)\n  man 08.09.  Stortingsvalg\n"))
    }

    @Test func isoListingHasOneLinePerHoliday() {
        let iso = HolidayListing.renderISO(year: 2027, calendar: Self.oslo2027)
        let lines = iso.split(separator: "\n")
        #expect(lines.count == 12)
        #expect(lines.first == "2027-01-01\t1. nyttårsdag")
        #expect(lines.filter { $0.hasPrefix("2027-05-17\t") }.count == 2)
        #expect(iso.hasSuffix("2027-12-26\t2. juledag\n"))
    }

    @Test func isoListingWorksForYearsOutsideTheCalendarsTable() {
        let iso = HolidayListing.renderISO(year: 2200, calendar: Self.oslo2027)
        let expected = PublicHolidays.holidays(in: 2200).map { "\($0.date.iso)\t\($0.name.text(.bokmal))\n" }.joined()
        #expect(iso == expected)
        #expect(iso.split(separator: "\n").count == 12)
    }
}
