/// What `check` warns about before anything is planned: a time the agreement
/// states that the series' venue can never give it (the plan would stop
/// with no plan possible), and a stated time the meeting does not fit in.
public enum PlacementWarnings {
    public static func warnings(_ agreement: Agreement, language: PlanLanguage) -> [String] {
        var out: [String] = []
        for series in agreement.series {
            guard let stated = series.statedTime, !series.allDay else { continue }
            let title = language == .english ? (series.titleEnglish ?? series.title) : series.title
            let venue = series.venue.flatMap { agreement.venue($0) }
            let fits = Weekday.allCases.contains { day in
                guard day.rawValue <= 5, let hours = SeriesWindows.hours(series, venue: venue, on: day) else { return false }
                var start = max(hours.start.minutes, stated.earliestStart.minutes)
                while start + series.durationMinutes <= hours.end.minutes {
                    if stated.allows(start: TimeOfDay(minutes: start), end: TimeOfDay(minutes: start + series.durationMinutes)) { return true }
                    if case .at = stated { break }
                    start += 1
                }
                return false
            }
            guard !fits else { continue }
            let place = venue.map { "\($0.name)" } ?? ""
            let text: LocalizedText
            if let venue {
                text = LocalizedText(
                    nb: "«\(title)» skal være \(stated) (\(series.durationMinutes) min), men \(place) er ikke åpent da noen ukedag; planen kan ikke holde tidspunktet. Rett tida, lokalet eller åpningstida (\(venue.id)).",
                    nn: "«\(title)» skal vere \(stated) (\(series.durationMinutes) min), men \(place) er ikkje ope då nokon vekedag; planen kan ikkje halde tidspunktet. Rett tida, lokalet eller opningstida (\(venue.id)).",
                    en: "\"\(title)\" is to be at \(stated) (\(series.durationMinutes) min), but \(place) is not open then on any weekday; the plan cannot keep the time. Change the time, the venue or its opening hours (\(venue.id)).")
            } else {
                text = LocalizedText(
                    nb: "«\(title)» skal være \(stated), men møtet (\(series.durationMinutes) min) får ikke plass i det tidsrommet.",
                    nn: "«\(title)» skal vere \(stated), men møtet (\(series.durationMinutes) min) får ikkje plass i det tidsrommet.",
                    en: "\"\(title)\" is to be at \(stated), but the meeting (\(series.durationMinutes) min) does not fit in that window.")
            }
            out.append(text.text(language))
        }
        return out
    }
}
