import AarshjulCore
import Testing

@Suite struct CalendarTests {
    static func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }

    @Test func easterSundayOfKnownYears() {
        let known: [(Int, CivilDate)] = [
            (1818, Self.d(1818, 3, 22)), (1900, Self.d(1900, 4, 15)), (1943, Self.d(1943, 4, 25)),
            (1954, Self.d(1954, 4, 18)), (2000, Self.d(2000, 4, 23)), (2008, Self.d(2008, 3, 23)),
            (2011, Self.d(2011, 4, 24)), (2024, Self.d(2024, 3, 31)), (2025, Self.d(2025, 4, 20)),
            (2027, Self.d(2027, 3, 28)), (2038, Self.d(2038, 4, 25)), (2100, Self.d(2100, 3, 28)),
            (2200, Self.d(2200, 4, 6)), (2285, Self.d(2285, 3, 22)),
        ]
        for (year, easter) in known { #expect(PublicHolidays.easterSunday(year) == easter, "\(year)") }
        for year in 1900...2200 {
            let easter = PublicHolidays.easterSunday(year)
            #expect(easter.weekday == .sunday)
            #expect(easter >= Self.d(year, 3, 22) && easter <= Self.d(year, 4, 25))
        }
    }

    @Test func holidaysOf2027() {
        let list = PublicHolidays.holidays(in: 2027).map { "\($0.date.iso) \($0.name.text(.bokmal))" }
        #expect(list == [
            "2027-01-01 1. nyttårsdag", "2027-03-25 Skjærtorsdag", "2027-03-26 Langfredag",
            "2027-03-28 1. påskedag", "2027-03-29 2. påskedag", "2027-05-01 Offentlig høytidsdag (1. mai)",
            "2027-05-06 Kristi himmelfartsdag", "2027-05-16 1. pinsedag", "2027-05-17 2. pinsedag",
            "2027-05-17 Grunnlovsdagen (17. mai)", "2027-12-25 1. juledag", "2027-12-26 2. juledag",
        ])
        let calendar = MunicipalCalendar(county: .oslo, years: 2027...2027)
        let may17 = calendar.blockers(on: Self.d(2027, 5, 17)).filter {
            if case .publicHoliday = $0 { return true } else { return false }
        }
        #expect(may17.map { $0.text(.english) } == ["Whit Monday", "Constitution Day"])
        #expect(calendar.isPublicHoliday(Self.d(2027, 5, 17)) && !calendar.isMeetingDay(Self.d(2027, 5, 17)))
    }

    @Test func twelveHolidaysFrom1947TenBefore() {
        for year in 1900...2200 {
            let list = PublicHolidays.holidays(in: year)
            #expect(list.count == (year >= 1947 ? 12 : 10), "\(year)")
            #expect(zip(list, list.dropFirst()).allSatisfy { $0.date <= $1.date }, "\(year) out of order")
            #expect(list.allSatisfy { $0.date.year == year })
            let easter = PublicHolidays.easterSunday(year)
            #expect(list.contains { $0.date == easter.adding(days: 39) && $0.date.weekday == .thursday })
            #expect(list.contains { $0.date == easter.adding(days: 50) && $0.date.weekday == .monday })
        }
        #expect(!PublicHolidays.holidays(in: 1946).contains { $0.date == Self.d(1946, 5, 17) })
        #expect(PublicHolidays.holidays(in: 1947).contains { $0.date == Self.d(1947, 5, 17) })
    }

    @Test func christmasAndFellesferieAreNoMeetingPeriods() {
        let calendar = MunicipalCalendar(county: .oslo, years: 2027...2027)
        #expect(calendar.isMeetingDay(Self.d(2027, 12, 23)))
        for day in DateRange(Self.d(2027, 12, 24), Self.d(2027, 12, 31)) { #expect(!calendar.isMeetingDay(day)) }
        #expect(calendar.isMeetingDay(Self.d(2027, 7, 9)))   // Friday of week 27
        for day in DateRange(Self.d(2027, 7, 12), Self.d(2027, 8, 8)) { #expect(!calendar.isMeetingDay(day)) }
        #expect(calendar.isMeetingDay(Self.d(2027, 8, 9)))   // Monday of week 32
        #expect(!calendar.isMeetingDay(Self.d(2027, 1, 1)))
        #expect(!calendar.isMeetingDay(Self.d(2027, 1, 9)))  // Saturday
    }

    @Test func noMeetingPeriodsCanBeSwitchedOff() {
        let calendar = MunicipalCalendar(county: .oslo, noMeeting: NoMeetingSettings(christmas: false, fellesferie: false),
                                         years: 2027...2027)
        #expect(calendar.isMeetingDay(Self.d(2027, 12, 27)))
        #expect(calendar.isMeetingDay(Self.d(2027, 7, 20)))
        #expect(!calendar.isMeetingDay(Self.d(2027, 12, 27).adding(days: -2)))  // 25 Dec is still a holiday
        #expect(!calendar.isSchoolDay(Self.d(2027, 12, 27)))  // and the school Christmas break stays
    }

    @Test func blackoutsCloseDaysWithTheirReason() {
        let calendar = MunicipalCalendar(county: .oslo,
                                         blackouts: [Blackout(range: DateRange(Self.d(2027, 6, 3), Self.d(2027, 6, 3)), reason: "Kommunestyret")],
                                         years: 2027...2027)
        #expect(!calendar.isMeetingDay(Self.d(2027, 6, 3)))
        #expect(calendar.blockers(on: Self.d(2027, 6, 3)).map { $0.text(.bokmal) } == ["Kommunestyret"])
    }

    /// A county route whose pattern puts the winter break in `week` and the
    /// autumn break on `autumnDays` days from `autumnStart` of week 40.
    static func route(_ county: County, winterWeek: Int, autumnStart: Weekday = .monday, autumnDays: Int = 5) -> SchoolCalendarSettings {
        var pattern = SchoolPattern.national
        pattern.winter = .init(from: .ofISOWeek(.monday, week: winterWeek), to: .afterStart(days: 4))
        pattern.autumn = .init(from: .ofISOWeek(autumnStart, week: 40), to: .afterStart(days: autumnDays - 1))
        pattern.basis = LocalizedText(nb: "test pattern", en: "test pattern")
        return SchoolCalendarSettings(countyRoute: CountySchoolRoute(county: county, pattern: pattern))
    }

    @Test func schoolHolidaysBlockOnlySchoolEvents() {
        let oslo = MunicipalCalendar(county: .oslo, years: 2027...2027)
        let innlandet = MunicipalCalendar(county: .innlandet, school: Self.route(.innlandet, winterWeek: 9), years: 2027...2027)
        #expect(oslo.isMeetingDay(Self.d(2027, 2, 22)) && !oslo.isSchoolDay(Self.d(2027, 2, 22)))
        #expect(oslo.isSchoolDay(Self.d(2027, 3, 1)))
        #expect(innlandet.isSchoolDay(Self.d(2027, 2, 22)) && !innlandet.isSchoolDay(Self.d(2027, 3, 1)))
        #expect(!innlandet.isSchoolDay(Self.d(2027, 3, 5)) && innlandet.isSchoolDay(Self.d(2027, 3, 8)))
        let own = MunicipalCalendar(county: .oslo, school: SchoolCalendarSettings(winterBreakWeek: 10), years: 2027...2027)
        #expect(own.isSchoolDay(Self.d(2027, 2, 22)) && !own.isSchoolDay(Self.d(2027, 3, 8)))
    }

    @Test func withoutCountyDataTheNationalPatternIsUsedAndMarkedProjected() {
        let school = SchoolCalendar(county: .finnmark)
        let year = school.schoolYear(startingIn: 2026)
        #expect(year.isWhollyProjected)
        #expect(year.break(.winter)?.range == DateRange(Self.d(2027, 2, 22), Self.d(2027, 2, 26)))
        #expect(year.break(.christmas)?.range == DateRange(Self.d(2026, 12, 21), Self.d(2027, 1, 1)))
        #expect(year.break(.easter)?.range == DateRange(Self.d(2027, 3, 22), Self.d(2027, 3, 29)))
    }

    @Test func summerBreakAndSchoolStart2027() {
        let school = SchoolCalendar(county: .oslo)
        #expect(school.summerBreak(startingIn: 2027) == DateRange(Self.d(2027, 6, 19), Self.d(2027, 8, 15)))
        #expect(school.schoolStart(in: 2027) == Self.d(2027, 8, 16))
        #expect(school.schoolStart(in: 2027).weekday == .monday)
        let stated = SchoolCalendar(county: .oslo, settings: SchoolCalendarSettings(
            summerBreaks: [2027: DateRange(Self.d(2027, 6, 22), Self.d(2027, 8, 17))]))
        #expect(stated.schoolStart(in: 2027) == Self.d(2027, 8, 18))
        let names = school.breaks(touching: 2027).map { $0.name.text(.nynorsk) }
        #expect(names == ["Juleferie", "Vinterferie", "Påskeferie", "Sommarferie", "Haustferie", "Juleferie"])
        let north = SchoolCalendar(county: .nordland, settings: Self.route(.nordland, winterWeek: 9, autumnStart: .wednesday, autumnDays: 3))
        let autumnNorth = north.breaks(touching: 2027).first { $0.name.english == "Autumn break" }
        #expect(autumnNorth?.range == DateRange(Self.d(2027, 10, 6), Self.d(2027, 10, 8)))
    }

    /// An imported skolerute replaces the computed breaks within the span it
    /// covers (here the school year 2026–27), and only there.
    @Test func importedSkoleruteReplacesComputedBreaksWithinItsSpan() {
        let imported = [Blackout(range: DateRange(Self.d(2026, 10, 5), Self.d(2026, 10, 9)), reason: "Haustferie"),
                        Blackout(range: DateRange(Self.d(2026, 12, 21), Self.d(2027, 1, 1)), reason: "Juleferie"),
                        Blackout(range: DateRange(Self.d(2027, 3, 1), Self.d(2027, 3, 5)), reason: "Vinterferie"),
                        Blackout(range: DateRange(Self.d(2027, 6, 24), Self.d(2027, 8, 17)), reason: "Sommarferie")]
        let school = SchoolCalendar(county: .oslo, settings: SchoolCalendarSettings(importedHolidays: imported))
        let breaks = school.breaks(touching: 2027)
        #expect(breaks.map(\.range) == [DateRange(Self.d(2026, 12, 21), Self.d(2027, 1, 1)),
                                         DateRange(Self.d(2027, 3, 1), Self.d(2027, 3, 5)),
                                         DateRange(Self.d(2027, 6, 24), Self.d(2027, 8, 17)),
                                         DateRange(Self.d(2027, 10, 4), Self.d(2027, 10, 8)),
                                         DateRange(Self.d(2027, 12, 20), Self.d(2028, 1, 3))])
        let calendar = MunicipalCalendar(county: .oslo, school: SchoolCalendarSettings(importedHolidays: imported),
                                         years: 2027...2027)
        #expect(calendar.isSchoolDay(Self.d(2027, 2, 22)))       // computed week 8 is replaced by the import
        #expect(!calendar.isSchoolDay(Self.d(2027, 3, 1)))
        #expect(calendar.isSchoolDay(Self.d(2027, 1, 4)))
        #expect(!calendar.isSchoolDay(Self.d(2027, 10, 4)))      // autumn 2027 lies after the import: computed break stands
        #expect(!calendar.isSchoolDay(Self.d(2027, 12, 21)))     // and so does Christmas 2027
        #expect(calendar.isSchoolDay(Self.d(2028, 2, 21)) == false)  // 2028 keeps its computed winter break
    }

    @Test func electionDays() {
        #expect(Elections.projectedDay(in: 2019) == Self.d(2019, 9, 9))
        #expect(Elections.projectedDay(in: 2021) == Self.d(2021, 9, 13))
        #expect(Elections.projectedDay(in: 2023) == Self.d(2023, 9, 11))
        #expect(Elections.projectedDay(in: 2025) == Self.d(2025, 9, 8))
        for year in 2000...2100 {
            let day = Elections.projectedDay(in: year)
            #expect(day.weekday == .monday && day.month == 9 && (8...14).contains(day.day))
        }
        #expect(Elections.kind(in: 2023) == .municipal && Elections.kind(in: 2027) == .municipal)
        #expect(Elections.kind(in: 2019) == .municipal && Elections.kind(in: 2031) == .municipal)
        #expect(Elections.kind(in: 2025) == .parliament && Elections.kind(in: 2029) == .parliament)
        #expect(Elections.kind(in: 2021) == .parliament)
        #expect(Elections.kind(in: 2026) == nil && Elections.kind(in: 2028) == nil)
        #expect(Elections.election(in: 2025)?.projected == false)
        let projected = Elections.election(in: 2027)
        #expect(projected?.date == Self.d(2027, 9, 13) && projected?.projected == true)
        let overridden = Elections.election(in: 2027, overrides: [2027: Self.d(2027, 9, 14)])
        #expect(overridden?.date == Self.d(2027, 9, 14) && overridden?.projected == false)
        #expect(Elections.election(in: 2026, overrides: [2026: Self.d(2026, 9, 14)]) == nil)
        let calendar = MunicipalCalendar(county: .oslo, electionOverrides: [2027: Self.d(2027, 9, 14)], years: 2027...2027)
        #expect(calendar.election(in: 2027)?.date == Self.d(2027, 9, 14))
    }

    @Test func countiesByFileAndDisplayName() {
        #expect(County(name: "Møre og Romsdal") == .moreOgRomsdal)
        #expect(County(name: "more-og-romsdal") == .moreOgRomsdal)
        #expect(County(name: "OSLO") == .oslo)
        #expect(County(name: "Østfold") == .ostfold)
        #expect(County(name: "Hordaland") == nil)
    }

    /// Days outside the precomputed table follow the same rules as days inside it.
    @Test func daysOutsideTheTableAreAnsweredByTheSameRules() {
        let blackouts = [Blackout(range: DateRange(Self.d(2027, 6, 3), Self.d(2027, 6, 4)), reason: "Kommunestyret")]
        let near = MunicipalCalendar(county: .agder, blackouts: blackouts, years: 2027...2027)
        let far = MunicipalCalendar(county: .agder, blackouts: blackouts, years: 2040...2040)
        var differing: [CivilDate] = []
        for day in DateRange(Self.d(2026, 12, 1), Self.d(2028, 1, 31))
        where Set(near.blockers(on: day)) != Set(far.blockers(on: day)) { differing.append(day) }
        #expect(differing.isEmpty, "\(differing)")
        #expect(!far.isMeetingDay(Self.d(2027, 12, 27)))
        #expect(!near.isMeetingDay(Self.d(2045, 12, 25)) && !near.isMeetingDay(Self.d(2045, 12, 23)))  // Saturday
        #expect(near.isMeetingDay(Self.d(2045, 12, 22)))
    }
}
