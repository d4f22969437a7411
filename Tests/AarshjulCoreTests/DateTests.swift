import AarshjulCore
import Testing

@Suite struct DateTests {
    static func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }

    /// Every day 1900–2200: dayNumber and back, consecutive numbers, weekdays cycling.
    @Test func dayNumberRoundTripEveryDay1900To2200() {
        var expected = Self.d(1900, 1, 1).dayNumber
        var weekday = Weekday.monday  // 1900-01-01 was a Monday
        var failures = 0
        for year in 1900...2200 {
            for month in 1...12 {
                for day in 1...CivilDate.daysInMonth(year: year, month: month) {
                    let date = Self.d(year, month, day)
                    if date.dayNumber != expected || CivilDate(dayNumber: expected) != date || date.weekday != weekday {
                        failures += 1
                    }
                    expected += 1
                    weekday = Weekday(rawValue: weekday.rawValue % 7 + 1)!
                }
            }
        }
        #expect(failures == 0)
        #expect(Self.d(1970, 1, 1).dayNumber == 0)
        #expect(Self.d(1969, 12, 31).dayNumber == -1)
        #expect(Self.d(2000, 3, 1).dayNumber == 11_017)
    }

    @Test func invalidDatesAreRejected() {
        #expect(CivilDate(year: 2027, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2027, month: 13, day: 1) == nil)
        #expect(CivilDate(year: 2027, month: 4, day: 31) == nil)
        #expect(CivilDate(iso: "2027-05-17") == Self.d(2027, 5, 17))
        #expect(CivilDate(iso: "2027-5-17") == nil)
        #expect(Self.d(987, 3, 4).iso == "0987-03-04")
    }

    @Test func weekdaysOfKnownDates() {
        #expect(Self.d(1814, 5, 17).weekday == .tuesday)
        #expect(Self.d(1905, 6, 7).weekday == .wednesday)
        #expect(Self.d(1945, 5, 8).weekday == .tuesday)
        #expect(Self.d(1969, 7, 20).weekday == .sunday)
        #expect(Self.d(2000, 1, 1).weekday == .saturday)
        #expect(Self.d(2027, 5, 17).weekday == .monday)
        #expect(Self.d(2200, 1, 1).weekday == .wednesday)
        #expect(Self.d(2027, 1, 2).isWeekend && !Self.d(2027, 1, 4).isWeekend)
    }

    @Test func isoWeeks() {
        #expect(Self.d(2027, 1, 1).isoWeek == (2026, 53))
        #expect(Self.d(2027, 1, 3).isoWeek == (2026, 53))
        #expect(Self.d(2027, 1, 4).isoWeek == (2027, 1))
        #expect(Self.d(2024, 12, 30).isoWeek == (2025, 1))
        #expect(Self.d(2021, 1, 3).isoWeek == (2020, 53))
        #expect(Self.d(2016, 1, 1).isoWeek == (2015, 53))
        #expect(Self.d(2027, 5, 17).isoWeek == (2027, 20))
        for year in [2015, 2020, 2026] { #expect(CivilDate.isoWeeksInYear(year) == 53) }
        for year in [2016, 2019, 2024, 2025, 2027] { #expect(CivilDate.isoWeeksInYear(year) == 52) }
    }

    @Test func mondayOfISOWeek() {
        #expect(CivilDate.mondayOfISOWeek(1, year: 2027) == Self.d(2027, 1, 4))
        #expect(CivilDate.mondayOfISOWeek(53, year: 2026) == Self.d(2026, 12, 28))
        #expect(CivilDate.mondayOfISOWeek(1, year: 2025) == Self.d(2024, 12, 30))
        #expect(CivilDate.mondayOfISOWeek(8, year: 2027) == Self.d(2027, 2, 22))
        // Round trip for every week of a range of years.
        for year in 2000...2040 {
            for week in 1...CivilDate.isoWeeksInYear(year) {
                let monday = CivilDate.mondayOfISOWeek(week, year: year)
                #expect(monday.weekday == .monday)
                #expect(monday.isoWeek == (year, week))
            }
        }
    }

    @Test func rangesAndQuarters() {
        #expect(DateRange.year(2028).dayCount == 366)
        #expect(DateRange.quarter(1, of: 2027) == DateRange(Self.d(2027, 1, 1), Self.d(2027, 3, 31)))
        #expect(DateRange.quarter(4, of: 2027).last == Self.d(2027, 12, 31))
        #expect(DateRange.month(2, of: 2028).dayCount == 29)
        #expect(Self.d(2027, 8, 31).quarter == 3)
        #expect(Array(DateRange(Self.d(2027, 12, 30), Self.d(2028, 1, 2))).map(\.iso)
                == ["2027-12-30", "2027-12-31", "2028-01-01", "2028-01-02"])
        #expect(Self.d(2028, 3, 1) - Self.d(2028, 2, 1) == 29)
    }

    @Test func timesOfDay() {
        #expect(TimeOfDay(text: "9:05")?.description == "09:05")
        #expect(TimeOfDay(text: "24:00")?.minutes == 1440)
        #expect(TimeOfDay(text: "24:01") == nil)
        #expect(TimeOfDay(text: "12:60") == nil)
        #expect(TimeOfDay(text: "1230") == nil)
        let morning = TimeSpan(TimeOfDay(hour: 9, minute: 0)!, TimeOfDay(hour: 11, minute: 0)!)
        let late = TimeSpan(TimeOfDay(hour: 11, minute: 0)!, TimeOfDay(hour: 12, minute: 0)!)
        #expect(!morning.overlaps(late))  // half-open: back to back is fine
        #expect(morning.minutes == 120 && morning.description == "09:00–11:00")
    }

    @Test func utcTimestamps() {
        let t = UTCTimestamp(date: Self.d(2027, 1, 1), time: TimeOfDay(hour: 8, minute: 30)!, second: 5)
        #expect(t.description == "2027-01-01T08:30:05Z")
        #expect(UTCTimestamp(secondsSinceEpoch: t.secondsSinceEpoch) == t)
        #expect(UTCTimestamp(secondsSinceEpoch: -1).description == "1969-12-31T23:59:59Z")
    }
}
