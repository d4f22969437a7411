/// Plans an agreement: year by year, each unit solved exactly by
/// `SeriesSolver`, series placed in an order that blocks the people of
/// earlier series for later ones. The sum of every unit's optimum alone is a
/// lower bound; when the plan reaches it, it is proven optimal, and when it
/// does not, other series orders are tried (deterministically, bounded).
public enum Planner {
    /// Series orders tried per year at most (5! — every order of five series; see `YearRun.orders`).
    static let maxOrders = 120

    public static func plan(_ request: PlanRequest) throws(PlanningError) -> Plan {
        var occupancy = Occupancy()
        do {
            return try plan(request, personIndex: nil, occupancy: &occupancy)
        } catch {
            // Year by year, a chain's last meeting of one year is chosen without
            // knowing what the next year allows (a closed January, say). Over
            // several years, try again with each chain laid over the whole span first.
            guard request.years.count > 1, case .infeasible(let clashes) = error,
                  let chains = spanChains(request), clashes.contains(where: { clash in
                      chains.keys.contains { request.agreement.series[$0].id == clash.seriesID } })
            else { throw error }
            var fresh = Occupancy()
            return try plan(request, personIndex: nil, occupancy: &fresh, chainDays: chains)
        }
    }

    /// Every every-A–B-weeks series solved alone over the whole span: series
    /// index → its meeting days (day indexes). nil when some chain has none.
    private static func spanChains(_ request: PlanRequest) -> [Int: [Int]]? {
        let agreement = request.agreement
        let table = DayTable(calendar: MunicipalCalendar(agreement: agreement, years: request.years,
                                                         extraBlackouts: request.extraBlackouts))
        var personIndex: [String: Int] = [:]
        for (i, person) in agreement.people.enumerated() where personIndex[person.id] == nil { personIndex[person.id] = i }
        var days: [Int: [Int]] = [:]
        for (s, series) in agreement.series.enumerated() {
            guard case .everyWeeks(let a, let b, _) = series.rule else { continue }
            let previous = SeriesWindows.previousLast(series.rule, firstYear: request.years.lowerBound).map(table.index)
            for unit in PlanUnit.units(of: s, agreement: agreement, year: request.years.lowerBound,
                                       school: table.calendar.school, personIndex: personIndex) {
                let solver = SeriesSolver(candidates: Candidates(unit: unit, table: table))
                guard case .solved(let solution) = solver.solveChain(
                    from: table.index(.firstOfYear(request.years.lowerBound)), to: table.index(.lastOfYear(request.years.upperBound)),
                    minDays: a * 7, maxDays: b * 7, previousLast: previous, Occupancy()) else { return nil }
                days[s] = solution.placements.map(\.day)
            }
        }
        return days.isEmpty ? nil : days
    }

    /// Plans one agreement around what `occupancy` already holds (other
    /// municipalities of a district) and adds its own meetings to it.
    /// `personIndex` maps the agreement's person ids to the occupancy's
    /// person numbers (global in a district); nil numbers them locally.
    /// `weeklyLoad` (district planning: person number → weekly presence
    /// series they hold): a week of weekly presence left empty although the
    /// calendar had a free day is a clash, not a note, unless holidays
    /// shorten the week below the number of municipalities the person serves.
    /// `chainDays` (series index → day indexes) makes chains keep those days.
    static func plan(_ request: PlanRequest, personIndex given: [String: Int]?, occupancy: inout Occupancy,
                     table given_table: DayTable? = nil, weeklyLoad: [Int: Int]? = nil,
                     chainDays: [Int: [Int]]? = nil) throws(PlanningError) -> Plan {
        let agreement = request.agreement
        let problems = AgreementCheck.problems(agreement, years: request.years, language: request.language)
        guard problems.isEmpty else { throw .invalidAgreement(problems) }

        let table = given_table ?? DayTable(calendar: MunicipalCalendar(agreement: agreement, years: request.years,
                                                                         extraBlackouts: request.extraBlackouts))
        let calendar = table.calendar
        var personIndex: [String: Int] = given ?? [:]
        if given == nil {
            for (i, person) in agreement.people.enumerated() where personIndex[person.id] == nil { personIndex[person.id] = i }
        }

        // Chain carry: series index → day index of its last meeting so far.
        var carry: [Int: Int] = [:]
        for (i, series) in agreement.series.enumerated() {
            if let previous = SeriesWindows.previousLast(series.rule, firstYear: request.years.lowerBound) {
                carry[i] = table.index(previous)
            }
        }
        let initialCarry = carry
        var placed: [YearRun.Placed] = []
        var notes: [PlanNote] = []
        var byRule: [String: Int] = Dictionary(uniqueKeysWithValues: RuleCatalogue.softRules.map { ($0.id, 0) })
        var lowerBound = 0

        for year in request.years {
            let units = agreement.series.indices.map { s in
                PlanUnit.units(of: s, agreement: agreement, year: year, school: calendar.school, personIndex: personIndex)
                    .map { unit -> SeriesSolver in
                        var solver = SeriesSolver(candidates: Candidates(unit: unit, table: table))
                        if let days = chainDays?[s] {
                            solver.bias = UnitBias(previous: [], pinned: [:], chainPrevious: [], chainPinned: days, busy: Occupancy())
                        }
                        return solver
                    }
            }
            let run = try YearRun(solvers: units, carry: carry, table: table, base: occupancy, weeklyLoad: weeklyLoad).best()
            occupancy = run.occupancy
            placed += run.placed
            notes += run.notes
            for penalty in run.penalties { byRule[penalty.ruleID, default: 0] += penalty.points }
            lowerBound += run.lowerBoundWithoutChains
            for item in run.placed {
                if case .chain = item.unit.shape, let last = item.placements.last { carry[item.unit.seriesIndex] = last.day }
            }
        }
        lowerBound += chainLowerBound(agreement, years: request.years, table: table, personIndex: personIndex, carry: initialCarry)
        // School events were planned around school years nobody has decided
        // yet: say which, and what was assumed.
        if agreement.series.contains(where: SeriesWindows.isSchoolOnly) {
            notes += calendar.school.projectionNotes(years: request.years).map { PlanNote(seriesID: nil, text: $0) }
        }

        return PlanBuilder(agreement: agreement, years: request.years, language: request.language, table: table)
            .plan(placed: placed, notes: notes, cost: CostReport(byRule: byRule, lowerBound: lowerBound))
    }

    /// Every-A–B-weeks series solved alone over the whole span at once: no
    /// year-by-year plan of the chain can cost less.
    private static func chainLowerBound(_ agreement: Agreement, years: ClosedRange<Int>, table: DayTable,
                                        personIndex: [String: Int], carry: [Int: Int]) -> Int {
        var total = 0
        for (s, series) in agreement.series.enumerated() {
            guard case .everyWeeks(let a, let b, _) = series.rule else { continue }
            for unit in PlanUnit.units(of: s, agreement: agreement, year: years.lowerBound, school: table.calendar.school,
                                       personIndex: personIndex) {
                let solver = SeriesSolver(candidates: Candidates(unit: unit, table: table))
                let outcome = solver.solveChain(from: table.index(.firstOfYear(years.lowerBound)),
                                                to: table.index(.lastOfYear(years.upperBound)),
                                                minDays: a * 7, maxDays: b * 7, previousLast: carry[s], Occupancy())
                if case .solved(let solution) = outcome { total += solution.cost }
            }
        }
        return total
    }
}

/// One year's search: the units of every series, tried in series orders.
struct YearRun {
    struct Placed: Sendable {
        let unit: PlanUnit
        let placements: [SeriesSolver.Placement]
        /// The regular pattern the unit keeps this year (nil: none).
        var pattern: RegularPattern? = nil
    }

    struct Result: Sendable {
        var placed: [Placed] = []
        var notes: [PlanNote] = []
        var penalties: [SoftPenalty] = []
        var cost = 0
        var lowerBoundWithoutChains = 0
        /// `base` plus everything placed.
        var occupancy = Occupancy()
    }

    /// Per series (agreement order), its units' solvers.
    let solvers: [[SeriesSolver]]
    let carry: [Int: Int]
    let table: DayTable
    /// What other municipalities of a district have already placed.
    var base = Occupancy()
    var weeklyLoad: [Int: Int]?

    func best() throws(PlanningError) -> Result {
        // Alone: each unit's optimum is a lower bound for it, and clashes here
        // are ones no series order can cure.
        var alone: [[SeriesSolver.Solution]] = []
        var bound = 0, boundWithoutChains = 0
        var clashes: [Clash] = []
        for series in solvers {
            var row: [SeriesSolver.Solution] = []
            for solver in series {
                switch solver.solve(base, previousLast: carry[solver.unit.seriesIndex]) {
                case .solved(let solution):
                    row.append(solution)
                    bound += solution.cost
                    if case .chain = solver.unit.shape {} else { boundWithoutChains += solution.cost }
                case .failed(let clash): clashes.append(clash)
                }
            }
            alone.append(row)
        }
        guard clashes.isEmpty else { throw .infeasible(clashes) }

        var best: (cost: Int, order: [Int])?
        var firstClash: Clash?
        for order in Self.orders(solvers.count) {
            switch run(order, alone: alone, bound: bound, cutoff: best?.cost, detailed: false) {
            case .success(let result):
                if best == nil || result.cost < best!.cost { best = (result.cost, order) }
            case .failure(let failure):
                if firstClash == nil, let clash = failure.clash { firstClash = clash }
            }
            if let best, best.cost == bound { break }
        }
        guard let best else { throw .infeasible([firstClash!]) }
        // The search only costs orders; the winner is replayed once with its
        // penalty breakdown and notes (deterministic, so the same placements).
        guard case .success(var result) = run(best.order, alone: alone, bound: bound, cutoff: nil, detailed: true) else {
            throw .infeasible([firstClash].compactMap { $0 })
        }
        result.lowerBoundWithoutChains = boundWithoutChains
        // Report in agreement order whatever order won.
        result.placed.sort { ($0.unit.seriesIndex, $0.unit.school?.id ?? "") < ($1.unit.seriesIndex, $1.unit.school?.id ?? "") }
        return result
    }

    /// A failed order: a clash, or nil when it was abandoned for costing too much.
    struct Failure: Error { let clash: Clash? }

    /// Places the series in `order`. A unit whose optimum alone is still free
    /// keeps it (nothing can beat it); an order that cannot beat `cutoff`
    /// (cost so far + the remaining units' optima alone) is abandoned.
    /// `detailed` adds the penalty breakdown and notes, which the order search does not need.
    private func run(_ order: [Int], alone: [[SeriesSolver.Solution]], bound: Int, cutoff: Int?,
                     detailed: Bool) -> Swift.Result<Result, Failure> {
        var occupancy = base
        var result = Result()
        var remaining = bound
        for s in order {
            for (u, solver) in solvers[s].enumerated() {
                let unit = solver.unit
                let best = alone[s][u]
                remaining -= best.cost
                let stillFree = best.placements.allSatisfy {
                    occupancy.isFree(day: $0.day, start: $0.start, end: $0.end, people: unit.people)
                }
                let solution: SeriesSolver.Solution
                if stillFree {
                    solution = best
                } else {
                    switch solver.solve(occupancy, previousLast: carry[unit.seriesIndex], bounds: best.patternCosts) {
                    case .failed(let clash): return .failure(Failure(clash: clash))
                    case .solved(let found): solution = found
                    }
                }
                result.cost += solution.cost
                if let cutoff, result.cost + remaining >= cutoff { return .failure(Failure(clash: nil)) }
                if detailed {
                    // Before the unit's own meetings are added: what stood on the pattern's day or at the usual start.
                    var candidates = solver.candidates
                    if let pattern = solution.pattern {
                        candidates.pattern = pattern
                        result.notes += PatternDepartures.notes(unit, pattern: pattern, placements: solution.placements,
                                                                candidates: candidates, occupancy: occupancy)
                    }
                    result.notes += solution.placements.compactMap {
                        PatternDepartures.startNote(unit, $0, candidates: candidates, occupancy: occupancy)
                    }
                }
                let total = solution.placements.count
                let everyoneAttends = unit.series.partialAttendance.isEmpty
                for (k, p) in solution.placements.enumerated() {
                    if everyoneAttends {
                        occupancy.add(day: p.day, start: p.start, end: p.end, people: unit.people)
                        continue
                    }
                    let people = Attendance.attendees(unit.series, occurrence: k + 1, of: total)
                    let attending = zip(unit.personIDs, unit.people).filter { people.contains($0.0) }.map(\.1)
                    occupancy.add(day: p.day, start: p.start, end: p.end, people: attending)
                }
                if detailed {
                    result.penalties += CostBreakdown.penalties(unit, solution.placements, table: table,
                                                                previousLast: carry[unit.seriesIndex], pattern: solution.pattern)
                }
                result.placed.append(Placed(unit: unit, placements: solution.placements, pattern: solution.pattern))
                for week in solution.skippedWeeks {
                    if let load = weeklyLoad, Self.unexcused(week, unit, solver.candidates, load: load) {
                        let explainer = ClashExplainer(candidates: solver.candidates, occupancy: occupancy)
                        return .failure(Failure(clash: explainer.clash(
                            range: week.range, period: LocalizedText(nb: "uke \(week.number) i \(unit.year) (\(week.range.norwegianShort))",
                                                  nn: "veke \(week.number) i \(unit.year) (\(week.range.norwegianShort))",
                                                  en: "week \(week.number) of \(unit.year) (\(week.range.norwegianShort))"),
                            needed: 1, available: 0)))
                    }
                    if detailed { result.notes.append(skippedWeekNote(unit, week, ClashExplainer(candidates: solver.candidates, occupancy: occupancy))) }
                }
            }
        }
        result.occupancy = occupancy
        return .success(result)
    }

    /// A week left empty that had a day the unit could use, in a full week
    /// or in a holiday-shortened one with at least as many such days as the
    /// busiest person's weekly presences.
    static func unexcused(_ week: PlanUnit.Week, _ unit: PlanUnit, _ candidates: Candidates, load: [Int: Int]) -> Bool {
        let table = candidates.table
        let usable = week.range.filter { candidates.dayAllowed(table.index($0)) }.count
        guard usable > 0 else { return false }
        let shortened = week.range.contains { !$0.isWeekend && !table.meetingDay[table.index($0)] }
        let most = unit.people.map { load[$0] ?? 1 }.max() ?? 1
        return !shortened || usable >= most
    }

    private func skippedWeekNote(_ unit: PlanUnit, _ week: PlanUnit.Week, _ explainer: ClashExplainer) -> PlanNote {
        let reasons = explainer.reasons(in: week.range)
        func why(_ language: PlanLanguage) -> String {
            let list = reasons.map { $0.text(language) }.joined(separator: ", ")
            guard language != .english, let first = list.first else { return list }
            return first.lowercased() + list.dropFirst()
        }
        let title = unit.title
        let english = (unit.series.titleEnglish ?? unit.series.title) + (unit.school.map { " – \($0.name)" } ?? "")
        return PlanNote(seriesID: unit.series.id, text: LocalizedText(
            nb: "\(title), uke \(week.number) i \(unit.year): ingen ledig dag (\(why(.bokmal)))",
            nn: "\(title), veke \(week.number) i \(unit.year): ingen ledig dag (\(why(.nynorsk)))",
            en: "\(english), week \(week.number) of \(unit.year): no free day (\(why(.english)))"))
    }

    /// The series orders to try, agreement order first. Up to five series:
    /// every order (at most 5! = 120). More: each series once first and once
    /// last (2n + 1 orders) — the tail permutations of a lexicographic walk
    /// never reorder the early series, and on the shipped agreements never
    /// improved on the first order, while costing ~20× the time.
    static func orders(_ n: Int) -> [[Int]] {
        var order = Array(0..<n)
        guard n > 5 else {
            var all = [order]
            while nextPermutation(&order) && all.count < Planner.maxOrders { all.append(order) }
            return all
        }
        var all = [order]
        for s in 0..<n where s > 0 { all.append([s] + order.filter { $0 != s }) }
        for s in 0..<n where s < n - 1 { all.append(order.filter { $0 != s } + [s]) }
        return all
    }

    /// Next lexicographic permutation; false after the last.
    static func nextPermutation(_ a: inout [Int]) -> Bool {
        guard a.count > 1 else { return false }
        var i = a.count - 2
        while i >= 0 && a[i] >= a[i + 1] { i -= 1 }
        guard i >= 0 else { return false }
        var j = a.count - 1
        while a[j] <= a[i] { j -= 1 }
        a.swapAt(i, j)
        a[(i + 1)...].reverse()
        return true
    }
}
