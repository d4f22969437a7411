/// What stands on a date for a unit now: a calendar blocker, a closed venue,
/// or a person busy at that time. Shared by the change reasons and the pin check.
enum DayObstacle {
    static func find(on date: CivilDate, time: TimeSpan?, unit: PlanUnit, context: RepairContext) -> ChangeReason? {
        for blocker in context.calendar.blockers(on: date) {
            switch blocker {
            case .weekend(let day):
                return .blocked(LocalizedText(nb: Words.weekdayName(day, .bokmal), nn: Words.weekdayName(day, .nynorsk),
                                              en: Words.weekdayName(day, .english)))
            case .publicHoliday(let name), .noMeetingPeriod(let name): return .blocked(name)
            case .blackout(let reason): return .blocked(LocalizedText(nb: reason, en: reason))
            case .schoolHoliday(let name): if unit.schoolOnly { return .blocked(name) }
            }
        }
        if SeriesWindows.hours(unit.series, venue: unit.venue, on: date.weekday) == nil { return .venueClosed(date.weekday) }
        for interval in context.request.busy where interval.date == date && unit.personIDs.contains(interval.personID) {
            let overlaps: Bool
            if let busy = interval.time, let time { overlaps = busy.overlaps(time) } else {
                // A whole busy day blocks anything; a timed busy spell blocks a
                // presence day only when it fills every hour the meeting could take.
                overlaps = interval.time == nil || !hasFreeStart(on: date, unit: unit, context: context)
            }
            if overlaps {
                let person = context.agreement.person(interval.personID)
                let name = person.map { LocalizedText(nb: $0.name(.bokmal), nn: $0.name(.nynorsk), en: $0.name(.english)) }
                    ?? LocalizedText(nb: interval.personID, en: interval.personID)
                return .busy(name: name, what: interval.summary)
            }
        }
        return nil
    }

    /// True when some start on `date` is free of the people's busy time.
    static func hasFreeStart(on date: CivilDate, unit: PlanUnit, context: RepairContext) -> Bool {
        let candidates = Candidates(unit: unit, table: context.table)
        let i = context.table.index(date)
        return candidates.starts[date.weekday.rawValue - 1].contains {
            context.busy.isFree(day: i, start: $0.start, end: $0.end, people: unit.people)
        }
    }
}

/// A pinned date must keep the hard rules; if it does not, say why in plain words.
struct PinCheck {
    let context: RepairContext
    let candidates: Candidates

    func problem(_ event: PreviousEvent, at date: CivilDate, range: DateRange?) -> Clash? {
        let unit = candidates.unit
        var why: LocalizedText?
        if let range, !range.contains(date) {
            why = LocalizedText(nb: "datoen ligger utenfor perioden \(range.norwegianShort) møtet hører til",
                                nn: "datoen ligg utanfor perioden \(range.norwegianShort) møtet høyrer til",
                                en: "the date is outside the period \(range.englishShort) the meeting belongs to")
        } else if let obstacle = DayObstacle.find(on: date, time: event.time, unit: unit, context: context) {
            why = LocalizedText(nb: obstacle.text(.bokmal), nn: obstacle.text(.nynorsk), en: obstacle.text(.english))
        } else if !candidates.dayAllowed(context.table.index(date)) || !DayObstacle.hasFreeStart(on: date, unit: unit, context: context) {
            why = LocalizedText(nb: "ingen ledig tid den dagen", nn: "inga ledig tid den dagen", en: "no free time that day")
        }
        guard let why else { return nil }
        let how = context.pins[event.uid]?.explicit == true
            ? LocalizedText(nb: "festet med --pin", nn: "festa med --pin", en: "pinned with --pin")
            : LocalizedText(nb: "flyttet for hånd i den forrige planen", nn: "flytta for hand i den førre planen",
                            en: "moved by hand in the previous plan")
        let title = unit.title
        return Clash(ruleID: RuleCatalogue.frequency, seriesID: unit.series.id, period: DateRange(date, date), explanation: LocalizedText(
            nb: "\(title) (\(event.uid)) er \(how.bokmal) til \(date.norwegian), men kan ikke holdes da: \(why.bokmal). Velg en annen dato med --pin \(event.uid)=ÅÅÅÅ-MM-DD.",
            nn: "\(title) (\(event.uid)) er \(how.nynorsk) til \(date.norwegian), men kan ikkje haldast då: \(why.nynorsk). Vel ein annan dato med --pin \(event.uid)=ÅÅÅÅ-MM-DD.",
            en: "\(title) (\(event.uid)) is \(how.english) to \(date.english) but cannot be held then: \(why.english). Choose another date with --pin \(event.uid)=YYYY-MM-DD."))
    }
}
