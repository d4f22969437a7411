extension SpanRun {
    /// Each placement with its occurrence number and the number of the
    /// unit's placements in its calendar year (a chain spans several years,
    /// but counts, UIDs and partial attendance are per year).
    static func perYearOccurrences(_ placements: [SeriesSolver.Placement], table: DayTable)
        -> [(SeriesSolver.Placement, occurrence: Int, total: Int)] {
        let years = placements.map { table.date($0.day).year }
        var totals: [Int: Int] = [:]
        for year in years { totals[year, default: 0] += 1 }
        var seen: [Int: Int] = [:]
        return zip(placements, years).map { p, year in
            seen[year, default: 0] += 1
            return (p, seen[year]!, totals[year]!)
        }
    }

    /// Units spanning several years cut into one per year (in year order),
    /// each with that year's placements.
    static func byYear(_ placed: [Placed], table: DayTable) -> [Placed] {
        placed.flatMap { item -> [Placed] in
            guard item.unit.lastYear > item.unit.year else { return [item] }
            return (item.unit.year...item.unit.lastYear).compactMap { year in
                let mine = item.placements.filter { table.date($0.day).year == year }
                return mine.isEmpty ? nil : Placed(unit: item.unit.cut(to: year), placements: mine, pattern: item.pattern)
            }
        }
    }
}

/// "3–5, 9, 12": ISO week numbers, runs joined by a dash.
enum WeekList {
    static func text(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var k = 0
        let sorted = numbers.sorted()
        while k < sorted.count {
            var j = k
            while j + 1 < sorted.count && sorted[j + 1] == sorted[j] + 1 { j += 1 }
            parts.append(j > k ? "\(sorted[k])–\(sorted[j])" : "\(sorted[k])")
            k = j + 1
        }
        return parts.joined(separator: ", ")
    }
}

/// A weekly series on an agreed weekday its venue never opens on (or is
/// open too briefly for it): no week can keep the agreement, so it is a
/// clash naming the series, its rule and its weeks, not a silent move.
enum AgreedWeekday {
    static func clash(_ unit: PlanUnit, table: DayTable) -> Clash? {
        guard case .weekly(let day?) = unit.series.rule, case .weekly(let weeks) = unit.shape,
              let first = weeks.first, let last = weeks.last else { return nil }
        let hours = SeriesWindows.hours(unit.series, venue: unit.venue, on: day)
        guard hours == nil || (!unit.series.allDay && hours!.minutes < unit.series.durationMinutes) else { return nil }
        let nb = Words.weekdayName(day, .bokmal), nn = Words.weekdayName(day, .nynorsk), en = Words.weekdayName(day, .english)
        let place = unit.venue?.name ?? "lokalet"
        let placeEn = unit.venue?.name ?? "the venue"
        let weeksText = WeekList.text(weeks.map(\.number))
        let title = unit.title, titleEn = (unit.series.titleEnglish ?? unit.series.title) + (unit.school.map { " – \($0.name)" } ?? "")
        let why = hours == nil
            ? LocalizedText(nb: "\(place) er stengt på \(nb)", nn: "\(place) er stengt på \(nn)", en: "\(placeEn) is closed on \(en)s")
            : LocalizedText(nb: "\(place) er ikke åpen lenge nok på \(nb)", nn: "\(place) er ikkje open lenge nok på \(nn)",
                            en: "\(placeEn) is not open long enough on \(en)s")
        return Clash(ruleID: RuleCatalogue.frequency, seriesID: unit.series.id, period: DateRange(first.range.first, last.range.last),
                     explanation: LocalizedText(
                        nb: "\(title): avtalen sier én dag i uka, på \(nb), men \(why.bokmal): ukene \(weeksText) i \(unit.year) kan ikke holdes.",
                        nn: "\(title): avtalen seier éin dag i veka, på \(nn), men \(why.nynorsk): vekene \(weeksText) i \(unit.year) kan ikkje haldast.",
                        en: "\(titleEn): the agreement says one day a week, on \(en), but \(why.english): weeks \(weeksText) of \(unit.year) cannot be held."))
    }
}
