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
        var period: LocalizedText
        /// `positional-agenda`: the days of `range` the slot's meeting may take; nil: all.
        var pull: PositionalPull? = nil

        func allows(_ date: CivilDate) -> Bool { pull?.allows(date) ?? true }
        func pulled(by pull: PositionalPull) -> Slot? { pull.pulledSlot(self) }
    }

    struct Week: Sendable {
        let number: Int
        let range: DateRange
    }

    let seriesIndex: Int
    let series: MeetingSeries
    let school: School?
    let year: Int
    /// The last year the unit covers: `year`, except for a chain laid over a
    /// whole span of years at once (see `spanning(through:)`).
    var lastYear: Int
    let shape: Shape
    let schoolOnly: Bool
    let venue: Venue?
    /// Indexes into `Agreement.people` of everyone the unit may involve.
    let people: [Int]
    /// Person ids, parallel to `people`.
    let personIDs: [String]
    /// Display names in each language (an English role under English),
    /// parallel to `people`.
    let peopleNames: [LocalizedText]
    /// `positional-agenda` on the year's last meeting (chains); nil: none.
    var lastPull: PositionalPull? = nil

    var title: String { series.title + (school.map { " – \($0.name)" } ?? "") }

    /// This unit over `year...last`: a chain is one path of gaps over the
    /// whole span (never laid year by year, which strands or squeezes it at
    /// a year boundary).
    func spanning(through last: Int) -> PlanUnit {
        var unit = self
        unit.lastYear = max(year, last)
        return unit
    }

    /// The same weekly unit with only `weeks` (a bound's unit: the weeks every plan must fill).
    func with(weeks: [Week]) -> PlanUnit {
        var unit = PlanUnit(seriesIndex: seriesIndex, series: series, school: school, year: year, lastYear: lastYear,
                            shape: .weekly(weeks), schoolOnly: schoolOnly, venue: venue, people: people, personIDs: personIDs,
                            peopleNames: peopleNames)
        unit.lastPull = lastPull
        return unit
    }

    /// The same unit cut to one year of its span (for UIDs, occurrence
    /// numbers, positional items and partial attendance, which count per year).
    func cut(to year: Int) -> PlanUnit {
        PlanUnit(seriesIndex: seriesIndex, series: series, school: school, year: year, lastYear: year, shape: shape,
                 schoolOnly: schoolOnly, venue: venue, people: people, personIDs: personIDs, peopleNames: peopleNames)
    }

    /// The units of one series in one year (several for per-school series).
    static func units(of seriesIndex: Int, agreement: Agreement, year: Int, school calendar: SchoolCalendar,
                      personIndex: [String: Int]) -> [PlanUnit] {
        let series = agreement.series[seriesIndex]
        let venue = series.venue.flatMap { agreement.venue($0) }
        let ids = series.allPeople.filter { personIndex[$0] != nil }
        let people = ids.map { personIndex[$0]! }
        let names = ids.map { id in
            agreement.person(id).map { LocalizedText(nb: $0.name(.bokmal), nn: $0.name(.nynorsk), en: $0.name(.english)) }
                ?? LocalizedText(nb: id, en: id)
        }
        let pulls = PositionalPull.pulls(series, year: year, agreement: agreement)
        func unit(_ shape: Shape, school: School? = nil) -> PlanUnit {
            var shape = shape
            // The year's first and last meeting go where their positional agenda items belong.
            if case .slots(var slots) = shape, !slots.isEmpty {
                if let first = pulls.first { slots[0] = first.applied(to: slots[0]) }
                if let last = pulls.last { slots[slots.count - 1] = last.applied(to: slots[slots.count - 1]) }
                shape = .slots(slots)
            }
            var made = PlanUnit(seriesIndex: seriesIndex, series: series, school: school, year: year, lastYear: year, shape: shape,
                                schoolOnly: SeriesWindows.isSchoolOnly(series), venue: venue, people: people, personIDs: ids,
                                peopleNames: names)
            made.lastPull = pulls.last
            return made
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
                                       en: "\(name.english) \(year) (\(range.englishShort))")
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

/// Where positional agenda items pull the meeting that carries them
/// (`positional-agenda`): into months, and after a municipal election day.
struct PositionalPull: Sendable, Equatable {
    /// Months allowed; empty: any.
    var months: Set<Int> = []
    /// The meeting must come after this day (election day).
    var after: CivilDate?

    func allows(_ date: CivilDate) -> Bool {
        (months.isEmpty || months.contains(date.month)) && (after.map { date > $0 } ?? true)
    }

    /// The slot with its days cut to the pull; the period names it for messages.
    func applied(to slot: PlanUnit.Slot) -> PlanUnit.Slot {
        var slot = slot
        // What the series' own rule rules out wins: a window that ends before
        // election day, or has no day in the months, keeps its days.
        let after = self.after.flatMap { slot.range.last > $0 ? $0 : nil }
        let months = slot.range.contains { self.months.contains($0.month) } ? self.months : []
        guard !months.isEmpty || after != nil else { return slot }
        slot.pull = PositionalPull(months: months.union(slot.pull?.months ?? []), after: after ?? slot.pull?.after)
        let monthNames = months.sorted().map { m in (Words.monthName(m, .bokmal), Words.monthName(m, .nynorsk), Words.monthName(m, .english)) }
        var nb = slot.period.bokmal, nn = slot.period.nynorsk, en = slot.period.english
        if !monthNames.isEmpty {
            nb += " i \(monthNames.map(\.0).joined(separator: "/"))"
            nn += " i \(monthNames.map(\.1).joined(separator: "/"))"
            en += " in \(monthNames.map(\.2).joined(separator: "/"))"
        }
        if let after {
            nb += " etter valget \(after.norwegian)"
            nn += " etter valet \(after.norwegian)"
            en += " after the election on \(after.iso)"
        }
        slot.period = LocalizedText(nb: nb, nn: nn, en: en)
        return slot
    }

    /// The slot pulled, or nil when the pull leaves it as it was.
    func pulledSlot(_ slot: PlanUnit.Slot) -> PlanUnit.Slot? {
        let result = applied(to: slot)
        return result.pull == slot.pull ? nil : result
    }

    /// The pulls on a series' first and last meeting in `year`.
    static func pulls(_ series: MeetingSeries, year: Int, agreement: Agreement) -> (first: PositionalPull?, last: PositionalPull?) {
        var first: PositionalPull?, last: PositionalPull?
        let firstMonths = Set(series.positionalAgenda.filter { $0.position == .firstOfYear }.flatMap(\.pullMonths))
        if !firstMonths.isEmpty { first = PositionalPull(months: firstMonths) }
        let lastMonths = Set(series.positionalAgenda.filter { $0.position == .lastOfYear }.flatMap(\.pullMonths))
        var pull = PositionalPull(months: lastMonths)
        let electionItems = series.positionalAgenda.filter { $0.position == .firstAfterMunicipalElection }
        if !electionItems.isEmpty, let election = Elections.election(in: year, overrides: agreement.electionOverrides),
           election.kind == .municipal {
            pull.after = election.date
            pull.months.formUnion(electionItems.flatMap(\.pullMonths))
        }
        if !pull.months.isEmpty || pull.after != nil { last = pull }
        return (first, last)
    }
}
