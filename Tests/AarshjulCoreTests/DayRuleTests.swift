import AarshjulCore
import Testing

@Suite struct DayRuleTests {
    static func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }

    @Test func phrasesReadAsTheDaysTheyName() throws {
        func date(_ text: String, _ year: Int) throws -> CivilDate { try #require(DayRule(text), "\(text)").date(in: year) }
        #expect(try date("monday of week 41", 2026) == Self.d(2026, 10, 5))
        #expect(try date("wednesday of week 40", 2026) == Self.d(2026, 9, 30))
        // The last Monday of February: week 8 in 2027, week 9 in 2026 and 2028.
        #expect(try date("monday on or before 02-28", 2027) == Self.d(2027, 2, 22))
        #expect(try date("monday on or before 02-28", 2026) == Self.d(2026, 2, 23))
        #expect(try date("monday on or before 02-28", 2028) == Self.d(2028, 2, 28))
        #expect(try date("friday on or before 06-21", 2027) == Self.d(2027, 6, 18))
        #expect(try date("friday on or before 06-21", 2024) == Self.d(2024, 6, 21))
        #expect(try date("weekday on or after 01-02", 2027) == Self.d(2027, 1, 4))
        #expect(try date("day before weekday on or after 01-05", 2027) == Self.d(2027, 1, 4))
        #expect(try date("easter-6", 2027) == Self.d(2027, 3, 22))
        #expect(try date("easter+1", 2027) == Self.d(2027, 3, 29))
        #expect(try date("monday on or after 09-08", 2027) == Self.d(2027, 9, 13))
        #expect(DayRule("+4")?.date(in: 2027, start: Self.d(2027, 2, 22)) == Self.d(2027, 2, 26))
    }

    @Test func phrasesRoundTripAndNonsenseIsRefused() {
        for text in ["monday of week 41", "friday on or before 06-21", "weekday on or after 01-02", "easter-6", "easter+1",
                     "day after friday on or before 12-23", "day before weekday on or after 01-04", "+2"] {
            #expect(DayRule(text)?.description == text)
        }
        for bad in ["monday in week 41", "monday of week 54", "friday on or before 02-30", "easter-100", "weekday of week 3", "", "day before"] {
            #expect(DayRule(bad) == nil, "\(bad)")
        }
    }

    @Test func aProjectedYearSaysWhatIsAssumed() {
        var pattern = SchoolPattern.national
        pattern.basis = LocalizedText(nb: "test", en: "test")
        let route = CountySchoolRoute(county: .innlandet, pattern: pattern)
        let school = SchoolCalendar(county: .innlandet, settings: SchoolCalendarSettings(countyRoute: route))
        let dated = school.projectionNotes(years: 2029...2029)
        let notes = dated.map(\.text)
        // Only what falls in the planned year: spring 2029 of 2028/29, autumn 2029 of 2029/30,
        // each dated by the first break it assumes (a plan lists notes as the year runs).
        #expect(dated.map(\.date) == [CivilDate(year: 2029, month: 2, day: 19)!, CivilDate(year: 2029, month: 10, day: 1)!])
        #expect(notes.map(\.bokmal) == [
            "Skoleruta for 2028/29 (Innlandet) er ikke vedtatt ennå; vinterferien er antatt å være i uke 8 og påskeferien 26.03.–02.04.2029.",
            "Skoleruta for 2029/30 (Innlandet) er ikke vedtatt ennå; høstferien er antatt å være i uke 40.",
        ])
        #expect(notes[0].nynorsk.hasPrefix("Skuleruta for 2028/29 (Innlandet) er ikkje vedteken enno; vinterferien er venta å vere i veke 8"))
        #expect(notes[0].english.hasPrefix("The 2028/29 school calendar (Innlandet) is not decided yet; the winter break is assumed to be in week 8"))
        // The municipality's own winter week is not an assumption: only Easter is left.
        let own = SchoolCalendar(county: .innlandet, settings: SchoolCalendarSettings(winterBreakWeek: 9, countyRoute: route))
        #expect(own.projectionNotes(years: 2029...2029).first?.text.bokmal
            == "Skoleruta for 2028/29 (Innlandet) er ikke vedtatt ennå; påskeferien er antatt å være 26.03.–02.04.2029.")
    }
}
