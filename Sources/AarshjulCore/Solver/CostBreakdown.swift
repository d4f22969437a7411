/// The soft penalties of one unit's placements, rule by rule, from the same
/// cost functions the solver's nodes and edges use (so the report adds up
/// to exactly what the solver minimised).
enum CostBreakdown {
    static func penalties(_ unit: PlanUnit, _ placements: [SeriesSolver.Placement], table: DayTable,
                          previousLast: Int?, pattern: RegularPattern? = nil) -> [SoftPenalty] {
        let series = unit.series
        var out: [SoftPenalty] = []
        func add(_ rule: String, _ day: Int, _ points: Int, _ measure: Int = 0) {
            guard points > 0 else { return }
            out.append(SoftPenalty(ruleID: rule, seriesID: series.id, seriesTitle: unit.title, date: table.date(day),
                                   points: points, measure: measure))
        }
        let spacing = SoftCosts.spacing(series.rule, year: unit.year)
        var before: Int?
        if case .chain = unit.shape { before = previousLast }
        var slotRanges: [DateRange] = []
        if case .slots(let slots) = unit.shape { slotRanges = slots.map(\.range) }
        for (k, p) in placements.enumerated() {
            if k < slotRanges.count {
                let cost = SoftCosts.midWindow(day: p.day, first: table.index(slotRanges[k].first),
                                               last: table.index(slotRanges[k].last))
                add(RuleCatalogue.midWindow, p.day, cost.points, cost.days)
            }
            let weekday = table.date(p.day).weekday
            add(RuleCatalogue.preferredWeekday, p.day, SoftCosts.weekday(series, weekday))
            add(RuleCatalogue.agreedWeekday, p.day, SoftCosts.agreedWeekday(series, weekday))
            if p.start >= 0, let hours = SeriesWindows.hours(series, venue: unit.venue, on: weekday) {
                let cost = SoftCosts.time(start: TimeOfDay(minutes: p.start),
                                          preferred: SoftCosts.preferredStart(series, opening: hours.start))
                add(RuleCatalogue.preferredTime, p.day, cost.points, cost.minutes)
            }
            add(RuleCatalogue.dayAfterBreak, p.day, SoftCosts.dayAfterBreak(table.afterBreak[p.day]))
            if let regular = pattern?.cost(table.date(p.day)) {
                add(RuleCatalogue.regularWeekday, p.day, regular.weekday)
                add(RuleCatalogue.regularWeekOfMonth, p.day, regular.week)
            }
            if let notice = series.agendaNoticeDays {
                let target = p.day - notice
                if table.contains(target), table.latestMeetingDay[target] >= 0 {
                    let early = target - table.latestMeetingDay[target]
                    add(RuleCatalogue.agendaNoticeEarly, p.day, SoftCosts.agendaEarly(daysEarly: early), early)
                }
            }
            if let spacing, let before {
                let cost = spacing.cost(gap: p.day - before)
                add(RuleCatalogue.evenSpacing, p.day, cost.points, cost.days)
            }
            before = p.day
        }
        return out
    }
}

/// Who attends which meeting: everyone, except people with partial
/// attendance, who come to `count` of the year's meetings spread evenly
/// (4 of 12 → meetings 1, 4, 7, 10).
enum Attendance {
    static func attendees(_ series: MeetingSeries, occurrence: Int, of total: Int) -> [String] {
        series.allPeople.filter { person in
            guard let partial = series.partialAttendance.first(where: { $0.person == person }) else { return true }
            return attends(occurrence: occurrence, of: total, count: partial.count)
        }
    }

    /// `occurrence` is 1-based.
    static func attends(occurrence: Int, of total: Int, count: Int) -> Bool {
        let c = min(max(count, 0), total)
        guard c > 0 else { return false }
        return (0..<c).contains { m in m * total / c == occurrence - 1 }
    }
}
