/// One thing the solver places in one year: a series, or one school's share
/// of a per-school series. Its `shape` says what the frequency rule asks.
struct PlanUnit: Sendable {
    enum Shape: Sendable {
        /// One meeting in each slot, in order, on strictly increasing days.
        case slots([Slot])
        /// One day in each ISO week (days already cut to the calendar year).
        case weekly([Week])
        /// Consecutive gaps of `minDays`…`maxDays` over the whole year.
        case chain(minDays: Int, maxDays: Int)
    }

    struct Slot: Sendable {
        let range: DateRange
        /// The period named in messages ("3. kvartal 2027 (1.7.–30.9.)").
        let period: LocalizedText
    }

    struct Week: Sendable {
        let number: Int
        let range: DateRange
    }

    let seriesIndex: Int
    let series: MeetingSeries
    let school: School?
    let year: Int
    let shape: Shape
    let schoolOnly: Bool
    let venue: Venue?
    /// Indexes into `Agreement.people` of everyone the unit may involve.
    let people: [Int]
    /// Person ids, parallel to `people`.
    let personIDs: [String]
    /// Display names, parallel to `people`.
    let peopleNames: [String]

    var title: String { series.title + (school.map { " – \($0.name)" } ?? "") }

    /// The units of one series in one year (several for per-school series).
    static func units(of seriesIndex: Int, agreement: Agreement, year: Int, school calendar: SchoolCalendar,
                      personIndex: [String: Int]) -> [PlanUnit] {
        let series = agreement.series[seriesIndex]
        let venue = series.venue.flatMap { agreement.venue($0) }
        let ids = series.allPeople.filter { personIndex[$0] != nil }
        let people = ids.map { personIndex[$0]! }
        let names = ids.map { agreement.person($0)?.name ?? $0 }
        func unit(_ shape: Shape, school: School? = nil) -> PlanUnit {
            PlanUnit(seriesIndex: seriesIndex, series: series, school: school, year: year, shape: shape,
                     schoolOnly: SeriesWindows.isSchoolOnly(series), venue: venue, people: people, personIDs: ids, peopleNames: names)
        }
        switch series.rule {
        case .perQuarter(let n):
            let slots = (1...4).flatMap { q in
                Array(repeating: Slot(range: .quarter(q, of: year), period: PeriodNames.quarter(q, year)), count: n)
            }
            return [unit(.slots(slots))]
        case .perYear(let count, _):
            let slots = SeriesWindows.slices(of: year, count: count).enumerated().map { k, range in
                Slot(range: range, period: PeriodNames.slice(k + 1, of: count, range))
            }
            return [unit(.slots(slots))]
        case .monthly(let skip):
            let slots = (1...12).filter { !skip.contains($0) }.map { m in
                Slot(range: .month(m, of: year), period: PeriodNames.month(m, year))
            }
            return [unit(.slots(slots))]
        case .yearly(let window):
            let range = window?.range(in: year) ?? .year(year)
            return [unit(.slots([Slot(range: range, period: PeriodNames.range(range))]))]
        case .schoolWindow(let window, _):
            let range = SeriesWindows.range(of: window, in: year, school: calendar)
            let name = SeriesWindows.name(of: window)
            let period = LocalizedText(nb: "\(name.bokmal) \(year) (\(range.norwegianShort))",
                                       nn: "\(name.nynorsk) \(year) (\(range.norwegianShort))",
                                       en: "\(name.english) \(year) (\(range.norwegianShort))")
            return SeriesWindows.schools(for: series.rule, in: agreement).map { school in
                unit(.slots([Slot(range: range, period: period)]), school: school)
            }
        case .weekly:
            let weeks = (1...CivilDate.isoWeeksInYear(year)).compactMap { week -> Week? in
                let monday = CivilDate.mondayOfISOWeek(week, year: year)
                let first = max(monday, .firstOfYear(year))
                let last = min(monday.adding(days: 6), .lastOfYear(year))
                return first <= last ? Week(number: week, range: DateRange(first, last)) : nil
            }
            return [unit(.weekly(weeks))]
        case .everyWeeks(let a, let b, _):
            return [unit(.chain(minDays: a * 7, maxDays: b * 7))]
        }
    }
}
