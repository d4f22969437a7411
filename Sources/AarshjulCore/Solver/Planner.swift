/// Plans an agreement over its whole span at once: every unit solved
/// exactly by `SeriesSolver` (an every-A–B-weeks chain as one path over all
/// the years, never laid year by year), series placed in an order that
/// blocks the people of earlier series for later ones. The sum of every
/// unit's optimum alone with nothing else placed is a lower bound; when the
/// plan reaches it, it is proven optimal, and when it does not, other series
/// orders are tried (deterministically, bounded).
public enum Planner {
    /// Series orders tried at most (5! — every order of five series; see `SpanRun.orders`).
    static let maxOrders = 120

    public static func plan(_ request: PlanRequest) throws(PlanningError) -> Plan {
        var occupancy = Occupancy()
        return try plan(request, personIndex: nil, occupancy: &occupancy)!
    }

    /// The units of every series over the span, per series in agreement order:
    /// a chain once over all the years, everything else year by year.
    static func units(_ agreement: Agreement, years: ClosedRange<Int>, school: SchoolCalendar,
                      personIndex: [String: Int]) -> [[PlanUnit]] {
        agreement.series.indices.map { s in
            if case .everyWeeks = agreement.series[s].rule {
                return PlanUnit.units(of: s, agreement: agreement, year: years.lowerBound, school: school, personIndex: personIndex)
                    .map { $0.spanning(through: years.upperBound) }
            }
            return years.flatMap { year in
                PlanUnit.units(of: s, agreement: agreement, year: year, school: school, personIndex: personIndex)
            }
        }
    }

    /// How many weekly series each person holds (person number → count).
    static func weeklyLoad(_ agreement: Agreement, personIndex: [String: Int]) -> [Int: Int] {
        var load: [Int: Int] = [:]
        for series in agreement.series {
            guard case .weekly = series.rule else { continue }
            for id in series.allPeople { if let n = personIndex[id] { load[n, default: 0] += 1 } }
        }
        return load
    }

    /// Plans one agreement around what `occupancy` already holds (other
    /// municipalities of a district) and adds its own meetings to it.
    /// `personIndex` maps the agreement's person ids to the occupancy's
    /// person numbers (global in a district); nil numbers them locally.
    /// `weeklyLoad` (person number → weekly series they hold, district-wide
    /// in a district): a week of a weekly series left empty although the
    /// calendar had a usable day is a clash, not a note, unless holidays
    /// shorten the week below the number of weekly series the person holds.
    /// `facts` is occupancy that is a fact, not a decision (people's own busy
    /// time): it is already in `occupancy` and also bounds the cost alone.
    /// `mustBeat`: a cost the plan must come under, else nil (no plan is built:
    /// a district's re-plans that do not improve cost only their search).
    static func plan(_ request: PlanRequest, personIndex given: [String: Int]?, occupancy: inout Occupancy,
                     table given_table: DayTable? = nil, weeklyLoad: [Int: Int]? = nil,
                     facts: Occupancy = Occupancy(), knownBound: Int? = nil,
                     mustBeat: Int? = nil, build: Bool = true, memo: PlanningMemo? = nil,
                     prepared given_prepared: Prepared? = nil) throws(PlanningError) -> Plan? {
        let agreement = request.agreement
        let prepared: Prepared
        if let given_prepared { prepared = given_prepared } else {
            prepared = try prepare(request, personIndex: given, table: given_table, memo: memo)
        }
        let table = prepared.table
        let calendar = table.calendar
        let solvers = prepared.solvers
        let run = try SpanRun(solvers: solvers, carry: prepared.carry, table: table, base: occupancy, facts: facts,
                              weeklyLoad: weeklyLoad ?? Self.weeklyLoad(agreement, personIndex: prepared.personIndex),
                              knownBound: knownBound, mustBeat: mustBeat, detailed: build,
                              memo: prepared.memo).best()
        guard !run.abandoned else { return nil }
        occupancy = run.occupancy
        // `build: false`: only the occupancy was wanted (a district's presence pass).
        guard build else { return nil }
        var byRule: [String: Int] = Dictionary(uniqueKeysWithValues: RuleCatalogue.softRules.map { ($0.id, 0) })
        for penalty in run.penalties { byRule[penalty.ruleID, default: 0] += penalty.points }
        var notes = run.notes
        // School events were planned around school years nobody has decided
        // yet: say which, and what was assumed.
        if agreement.series.contains(where: SeriesWindows.isSchoolOnly) {
            notes += calendar.school.projectionNotes(years: request.years).map { PlanNote(seriesID: nil, text: $0.text, date: $0.date) }
        }
        return PlanBuilder(agreement: agreement, years: request.years, language: request.language, table: table)
            .plan(placed: SpanRun.byYear(run.placed, table: table), notes: notes,
                  cost: CostReport(byRule: byRule, lowerBound: run.lowerBound))
    }
}

extension Planner {
    /// What a plan of one agreement works out before it looks at what is
    /// placed: the agreement checked, its calendar, every unit's solver
    /// and their names in the memo. A district plans each member several
    /// times (presence, first pass, re-plans around the others) and
    /// prepares it once.
    struct Prepared {
        let table: DayTable
        let personIndex: [String: Int]
        let solvers: [[SeriesSolver]]
        /// Chain carry: series index → day index of the meeting before the span (`previous_last`).
        let carry: [Int: Int]
        let memo: SpanRun.Memo?
    }

    /// Checks the agreement (its problems and structural clashes are thrown
    /// here) and builds what `plan` needs of it.
    static func prepare(_ request: PlanRequest, personIndex givenIndex: [String: Int]?, table given: DayTable?,
                        memo: PlanningMemo?) throws(PlanningError) -> Prepared {
        let agreement = request.agreement
        let problems = AgreementCheck.problems(agreement, years: request.years, language: request.language)
        guard problems.isEmpty else { throw .invalidAgreement(problems) }

        let table = given ?? DayTable(calendar: MunicipalCalendar(agreement: agreement, years: request.years,
                                                                   extraBlackouts: request.extraBlackouts))
        var personIndex: [String: Int] = givenIndex ?? [:]
        if givenIndex == nil {
            for (i, person) in agreement.people.enumerated() where personIndex[person.id] == nil { personIndex[person.id] = i }
        }
        let units = units(agreement, years: request.years, school: table.calendar.school, personIndex: personIndex)
        let structural = units.flatMap { $0 }.compactMap { AgreedWeekday.clash($0, table: table) }
        guard structural.isEmpty else { throw .infeasible(structural) }

        var carry: [Int: Int] = [:]
        for (i, series) in agreement.series.enumerated() {
            if let previous = SeriesWindows.previousLast(series.rule, firstYear: request.years.lowerBound) {
                carry[i] = table.index(previous)
            }
        }
        let solvers = units.map { row in row.map { SeriesSolver(candidates: Candidates(unit: $0, table: table)) } }
        return Prepared(table: table, personIndex: personIndex, solvers: solvers, carry: carry,
                        memo: memo.map { SpanRun.Memo($0, solvers: solvers, table: table) })
    }
}

/// One search over a set of units (a span of years, or one year when
/// rescheduling): the units of every series, tried in series orders, then
/// each unit re-solved exactly around all the others until none improves.
struct SpanRun {
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
        /// Every unit's optimum alone, with only `facts` placed: no plan of
        /// these units keeping the hard rules costs less, whatever else is placed.
        var lowerBound = 0
        /// `base` plus everything placed.
        var occupancy = Occupancy()
        /// Parallel to `placed`: each unit's solution and its solver (series, unit).
        var solutions: [SeriesSolver.Solution] = []
        var solverIndex: [(Int, Int)] = []
        /// Set when the run could not come under `mustBeat`: nothing else is filled in.
        var abandoned = false
    }

    /// Per series (agreement order), its units' solvers.
    let solvers: [[SeriesSolver]]
    let carry: [Int: Int]
    let table: DayTable
    /// What is already placed (other municipalities of a district, busy time).
    var base = Occupancy()
    /// The part of `base` that is fact, not decision (people's busy time).
    var facts = Occupancy()
    var weeklyLoad: [Int: Int]?
    /// The lower bound when the caller has it already (a district re-plans a
    /// member around the others with the same facts: the bound cannot change).
    var knownBound: Int? = nil
    /// Give up (`Result.abandoned`) unless the cost comes under this.
    var mustBeat: Int? = nil
    /// False: only placements, cost and occupancy are wanted (no penalties or notes).
    var detailed = true
    /// Where unit solves are remembered (nil: every solve is run).
    var memo: Memo? = nil

    /// A `PlanningMemo` with this run's table and units named once.
    struct Memo {
        let memo: PlanningMemo
        let table: Int
        let units: [[Int]]

        init(_ memo: PlanningMemo, solvers: [[SeriesSolver]], table: DayTable) {
            self.memo = memo
            self.table = memo.tableID(table)
            units = solvers.map { row in row.map { memo.unitID(SeriesSolver.Signature($0)) } }
        }
    }

    /// Unit `u` of series `s` solved exactly around `occupancy`: from the
    /// memo when the same problem was solved before, else by its solver.
    private func solve(_ s: Int, _ u: Int, _ occupancy: Occupancy, bounds: [RegularPattern: Int] = [:]) -> SeriesSolver.Outcome {
        solve(solvers[s][u], unitID: memo?.units[s][u], occupancy, bounds: bounds)
    }

    private func solve(_ solver: SeriesSolver, unitID: Int?, _ occupancy: Occupancy,
                       bounds: [RegularPattern: Int] = [:]) -> SeriesSolver.Outcome {
        let previous = carry[solver.unit.seriesIndex]
        guard let memo, let unitID, solver.bias == nil else { return solver.solve(occupancy, previousLast: previous, bounds: bounds) }
        let key = memoKey(solver, unitID: unitID, occupancy, bounds: bounds)
        if let known = memo.memo.solution(key) { return .solved(known) }
        let outcome = solver.solve(occupancy, previousLast: previous, bounds: bounds)
        if case .solved(let solution) = outcome { memo.memo.keep(solution, for: key) }
        return outcome
    }

    private func memoKey(_ solver: SeriesSolver, unitID: Int, _ occupancy: Occupancy, bounds: [RegularPattern: Int]) -> PlanningMemo.Key {
        let sorted = bounds.sorted { ($0.key.weekday.rawValue, $0.key.weekOfMonth ?? 0) < ($1.key.weekday.rawValue, $1.key.weekOfMonth ?? 0) }
        return PlanningMemo.Key(unit: unitID, table: memo!.table, previousLast: carry[solver.unit.seriesIndex],
                                bounds: sorted.flatMap { [$0.key.weekday.rawValue, $0.key.weekOfMonth ?? 0, $0.value] },
                                busy: solver.busyKey(occupancy))
    }

    /// A weekly unit cut to the weeks every plan must fill: a week that
    /// holidays shorten below the weekly presences its busiest person holds
    /// (and that still has a usable day) may be left empty at no cost
    /// (`unexcused`), so a bound must not charge for it. Nil when no such
    /// week exists (the unit itself is its bound), or without weekly loads.
    private func mustFill(_ s: Int, _ u: Int) -> SeriesSolver? {
        let solver = solvers[s][u]
        guard let load = weeklyLoad, case .weekly(let weeks) = solver.unit.shape else { return nil }
        // Kept: a week with no usable day, or one left empty only without excuse (`unexcused`, in one pass over its days).
        let most = Self.busiestLoad(solver.unit, load: load)
        let kept = weeks.filter { week in
            let (usable, shortened) = Self.usableDays(week, solver.candidates)
            return usable == 0 || !shortened || usable >= most
        }
        guard kept.count < weeks.count else { return nil }
        return SeriesSolver(candidates: Candidates(unit: solver.unit.with(weeks: kept), table: table))
    }

    /// Unit (s, u)'s optimum with only facts placed when the memo holds it,
    /// else 0: no placement of the unit around more comes under it.
    private func knownFloor(_ s: Int, _ u: Int) -> Int {
        guard let memo else { return 0 }
        return memo.memo.peek(memoKey(solvers[s][u], unitID: memo.units[s][u], facts, bounds: [:]))?.cost ?? 0
    }

    /// Owner numbers of this run's units start here (above everything in `base`).
    var ownerBase: Int { base.nextOwner }

    /// Rounds of re-solving each unit around the others, at most.
    static let improvementRounds = 4

    func best() throws(PlanningError) -> Result {
        // Alone around what is placed: a unit that cannot be placed even so
        // is a clash no series order can cure.
        var alone: [[SeriesSolver.Solution]] = []
        var bound = 0
        var clashes: [Clash] = []
        // A re-plan that must come under `mustBeat` stops as soon as it
        // cannot: every series order below gives up at its first unit when
        // the units' costs alone around `base` add up to `mustBeat` (the
        // order's cutoff counts them as what the rest will cost at least),
        // and a unit not yet solved costs no less alone around `base` than
        // with only facts placed (`knownFloor`). Weekly units count 0 until
        // solved: one may leave a shortened week empty and cost less around more.
        func weekly(_ s: Int, _ u: Int) -> Bool { if case .weekly = solvers[s][u].unit.shape { true } else { false } }
        let floors = mustBeat == nil ? [] : solvers.indices.map { s in
            solvers[s].indices.map { u in weekly(s, u) ? 0 : knownFloor(s, u) }
        }
        var floor = floors.joined().reduce(0, +)
        if let mustBeat, floor >= mustBeat { return Result(abandoned: true) }
        // Every unit alone around `base`, in agreement order; a re-plan that
        // must beat a cost solves first the units likeliest to raise its
        // floor (chains, then weekly presence, then the rest), so that it
        // stops after as few solves as it can. Each solve reads only `base`:
        // the order changes no solution.
        var visit: [(s: Int, u: Int)] = solvers.indices.flatMap { s in solvers[s].indices.map { (s, $0) } }
        if mustBeat != nil {
            func rank(_ s: Int, _ u: Int) -> Int {
                switch solvers[s][u].unit.shape { case .chain: 0; case .weekly: 1; case .slots: 2 }
            }
            visit = visit.enumerated().sorted { (rank($0.element.s, $0.element.u), $0.offset) < (rank($1.element.s, $1.element.u), $1.offset) }
                .map(\.element)
        }
        var found: [[SeriesSolver.Solution?]] = solvers.map { Array(repeating: nil, count: $0.count) }
        var failed: [(s: Int, u: Int, clash: Clash)] = []
        for (s, u) in visit {
            switch solve(s, u, base) {
            case .solved(let solution):
                found[s][u] = solution
                bound += solution.cost
                if let mustBeat {
                    floor += solution.cost - floors[s][u]
                    if floor >= mustBeat { return Result(abandoned: true) }
                }
            case .failed(let clash): failed.append((s, u, clash))
            }
        }
        // Clashes in agreement order, whatever order the units were solved in.
        clashes = failed.sorted { ($0.s, $0.u) < ($1.s, $1.u) }.map(\.clash)
        guard clashes.isEmpty else { throw .infeasible(clashes) }
        alone = found.map { $0.map { $0! } }

        // The best order's own result is kept: a run that comes under its
        // cutoff is the same run as one without (the cutoff only stops it).
        var best: Result?
        var firstClash: Clash?
        for order in Self.orders(solvers.count) {
            switch run(order, alone: alone, bound: bound, cutoff: [best?.cost, mustBeat].compactMap { $0 }.min()) {
            case .success(let result):
                if best == nil || result.cost < best!.cost { best = result }
            case .failure(let failure):
                if firstClash == nil, let clash = failure.clash { firstClash = clash }
            }
            if let best, best.cost == bound { break }
        }
        guard var result = best else {
            if mustBeat != nil { return Result(abandoned: true) }
            throw .infeasible([firstClash].compactMap { $0 })
        }
        // Dropped so `result` holds its occupancy and placements alone: improving it then copies neither.
        best = nil
        if result.cost > bound { improve(&result) }
        if let mustBeat, result.cost >= mustBeat { return Result(abandoned: true) }
        guard detailed else { return result }
        detail(&result)
        result.lowerBound = knownBound ?? lowerBound(alone)
        // Report in agreement order whatever order won.
        result.placed.sort {
            ($0.unit.seriesIndex, $0.unit.school?.id ?? "", $0.unit.year) < ($1.unit.seriesIndex, $1.unit.school?.id ?? "", $1.unit.year)
        }
        return result
    }

    /// The sum of every unit's optimum with only the facts placed. Around
    /// `base` (other municipalities' decisions) it would not be a bound.
    /// A weekly unit counts only the weeks every plan must fill (`mustFill`).
    private func lowerBound(_ aroundBase: [[SeriesSolver.Solution]]) -> Int {
        let onlyFacts = base.itemCount == facts.itemCount
        var total = 0
        for (s, series) in solvers.enumerated() {
            for u in series.indices {
                // Free of cost around `base` is free of cost around less (no penalty is negative).
                if aroundBase[s][u].cost == 0 { continue }
                if let cut = mustFill(s, u) {
                    if case .solved(let solution) = solve(cut, unitID: memo.map { $0.memo.unitID(SeriesSolver.Signature(cut)) }, facts) {
                        total += solution.cost
                    }
                } else if onlyFacts {
                    total += aroundBase[s][u].cost
                } else if case .solved(let solution) = solve(s, u, facts) {
                    total += solution.cost
                }
            }
        }
        return total
    }

    /// A failed order: a clash, or nil when it was abandoned for costing too much.
    struct Failure: Error { let clash: Clash? }

    /// Places the series in `order`. A unit whose optimum alone is still free
    /// keeps it (nothing can beat it); an order that cannot beat `cutoff`
    /// (cost so far + the remaining units' optima alone) is abandoned.
    private func run(_ order: [Int], alone: [[SeriesSolver.Solution]], bound: Int, cutoff: Int?) -> Swift.Result<Result, Failure> {
        var occupancy = base
        var result = Result()
        var remaining = bound
        for s in order {
            for (u, solver) in solvers[s].enumerated() {
                let unit = solver.unit
                let best = alone[s][u]
                remaining -= best.cost
                let mask = solver.candidates.peopleMask
                let stillFree = best.placements.allSatisfy {
                    occupancy.isFree(day: $0.day, start: $0.start, end: $0.end, people: unit.people, mask: mask)
                }
                let solution: SeriesSolver.Solution
                if stillFree {
                    solution = best
                } else {
                    switch solve(s, u, occupancy, bounds: best.patternCosts) {
                    case .failed(let clash): return .failure(Failure(clash: clash))
                    case .solved(let found): solution = found
                    }
                }
                result.cost += solution.cost
                if let cutoff, result.cost + remaining >= cutoff { return .failure(Failure(clash: nil)) }
                if let clash = unexcusedWeeks(solution, solver, occupancy) { return .failure(Failure(clash: clash)) }
                occupancy.owner = ownerBase + result.placed.count
                Self.occupy(&occupancy, unit, solution.placements, table: table)
                result.placed.append(Placed(unit: unit, placements: solution.placements, pattern: solution.pattern))
                result.solutions.append(solution)
                result.solverIndex.append((s, u))
            }
        }
        result.occupancy = occupancy
        return .success(result)
    }

    /// Re-solves each placed unit exactly around everything else, keeping a
    /// new placement only when it is strictly cheaper, until a whole round
    /// changes nothing (or `improvementRounds` rounds). Deterministic: units
    /// are visited in placement order.
    private func improve(_ result: inout Result) {
        for _ in 0..<Self.improvementRounds {
            var changed = false
            for k in result.placed.indices {
                let (s, u) = result.solverIndex[k]
                let solver = solvers[s][u]
                var others = result.occupancy
                others.remove(owners: (ownerBase + k)..<(ownerBase + k + 1))
                guard case .solved(let found) = solve(s, u, others, bounds: result.solutions[k].patternCosts),
                      found.cost < result.solutions[k].cost,
                      unexcusedWeeks(found, solver, others) == nil else { continue }
                result.cost += found.cost - result.solutions[k].cost
                others.owner = ownerBase + k
                Self.occupy(&others, solver.unit, found.placements, table: table)
                result.occupancy = others
                result.solutions[k] = found
                result.placed[k] = Placed(unit: solver.unit, placements: found.placements, pattern: found.pattern)
                changed = true
            }
            if !changed { break }
        }
    }

    /// The penalty breakdown and notes of the final placements (the search only needs costs).
    private func detail(_ result: inout Result) {
        let occupancy = result.occupancy
        for (k, item) in result.placed.enumerated() {
            let (s, u) = result.solverIndex[k]
            let solver = solvers[s][u]
            result.penalties += CostBreakdown.penalties(item.unit, item.placements, table: table,
                                                        previousLast: carry[item.unit.seriesIndex], pattern: item.pattern)
            // What stands on the pattern's day or at the usual start for the unit: everything placed but its own meetings.
            var others = occupancy
            others.ignoring = (ownerBase + k)..<(ownerBase + k + 1)
            var candidates = solver.candidates
            if let pattern = item.pattern {
                candidates.pattern = pattern
                result.notes += PatternDepartures.notes(item.unit, pattern: pattern, placements: item.placements,
                                                        candidates: candidates, occupancy: others)
            }
            result.notes += item.placements.compactMap {
                PatternDepartures.startNote(item.unit, $0, candidates: candidates, occupancy: others)
            }
            let skipped = result.solutions[k].skippedWeeks
            guard !skipped.isEmpty else { continue }
            let explainer = ClashExplainer(candidates: solver.candidates, occupancy: occupancy)
            result.notes += Self.weekRuns(skipped, explainer).map { skippedWeeksNote(item.unit, $0.weeks, $0.reasons) }
        }
    }

    /// Adds a unit's placements to `occupancy`: everyone attends, except
    /// people with partial attendance, who attend their share of each year's meetings.
    static func occupy(_ occupancy: inout Occupancy, _ unit: PlanUnit, _ placements: [SeriesSolver.Placement], table: DayTable) {
        guard !unit.series.partialAttendance.isEmpty else {
            for p in placements { occupancy.add(day: p.day, start: p.start, end: p.end, people: unit.people) }
            return
        }
        for (p, occurrence, total) in perYearOccurrences(placements, table: table) {
            let people = Attendance.attendees(unit.series, occurrence: occurrence, of: total)
            let attending = zip(unit.personIDs, unit.people).filter { people.contains($0.0) }.map(\.1)
            occupancy.add(day: p.day, start: p.start, end: p.end, people: attending)
        }
    }

    /// The weeks a weekly unit left empty without excuse, as one clash naming them.
    private func unexcusedWeeks(_ solution: SeriesSolver.Solution, _ solver: SeriesSolver, _ occupancy: Occupancy) -> Clash? {
        guard let load = weeklyLoad, !solution.skippedWeeks.isEmpty else { return nil }
        let unit = solver.unit
        let weeks = solution.skippedWeeks.filter { Self.unexcused($0, unit, solver.candidates, load: load) }
        guard let first = weeks.first, let last = weeks.last else { return nil }
        let numbers = WeekList.text(weeks.map(\.number))
        let range = DateRange(first.range.first, last.range.last)
        let count = weeks.count
        return ClashExplainer(candidates: solver.candidates, occupancy: occupancy).clash(
            range: range, period: LocalizedText(
                nb: "\(count == 1 ? "uke" : "ukene") \(numbers) i \(unit.year) (én dag i uka)",
                nn: "\(count == 1 ? "veke" : "vekene") \(numbers) i \(unit.year) (éin dag i veka)",
                en: "\(count == 1 ? "week" : "weeks") \(numbers) of \(unit.year) (one day a week)"),
            needed: 1, available: 0)
    }

    /// A week left empty that had a day the unit could use, in a full week
    /// or in a holiday-shortened one with at least as many such days as the
    /// busiest person's weekly presences.
    static func unexcused(_ week: PlanUnit.Week, _ unit: PlanUnit, _ candidates: Candidates, load: [Int: Int]) -> Bool {
        let (usable, shortened) = usableDays(week, candidates)
        guard usable > 0 else { return false }
        return !shortened || usable >= busiestLoad(unit, load: load)
    }

    /// The days of `week` the unit could use, and whether holidays shorten the week.
    static func usableDays(_ week: PlanUnit.Week, _ candidates: Candidates) -> (usable: Int, shortened: Bool) {
        let table = candidates.table
        // By day index (no date arithmetic): every first plan asks this of every presence week.
        var usable = 0, shortened = false
        for i in table.index(week.range.first)...table.index(week.range.last) {
            if candidates.dayAllowed(i) { usable += 1 }
            if Candidates.weekdayIndex(dayNumber: table.base + i) < 5 && !table.meetingDay[i] { shortened = true }
        }
        return (usable, shortened)
    }

    /// The most weekly presences one of the unit's people holds (1 for none known).
    static func busiestLoad(_ unit: PlanUnit, load: [Int: Int]) -> Int {
        unit.people.map { load[$0] ?? 1 }.max() ?? 1
    }

    /// Consecutive empty weeks with the same reasons, as one run each
    /// (fellesferie's weeks 28–31 are one note, not four).
    static func weekRuns(_ weeks: [PlanUnit.Week], _ explainer: ClashExplainer) -> [(weeks: [PlanUnit.Week], reasons: [LocalizedText])] {
        var runs: [(weeks: [PlanUnit.Week], reasons: [LocalizedText])] = []
        for week in weeks.sorted(by: { $0.range.first < $1.range.first }) {
            let reasons = explainer.reasons(in: week.range)
            if let last = runs.last, last.reasons == reasons, last.weeks.last!.range.last.adding(days: 1) == week.range.first {
                runs[runs.count - 1].weeks.append(week)
            } else {
                runs.append(([week], reasons))
            }
        }
        return runs
    }

    private func skippedWeeksNote(_ unit: PlanUnit, _ weeks: [PlanUnit.Week], _ reasons: [LocalizedText]) -> PlanNote {
        let first = weeks[0].number, last = weeks[weeks.count - 1].number
        let numbers = first == last ? "\(first)" : "\(first)–\(last)"
        func why(_ language: PlanLanguage) -> String {
            let list = reasons.map { $0.text(language) }.joined(separator: ", ")
            guard language != .english, let first = list.first else { return list }
            return first.lowercased() + list.dropFirst()
        }
        let title = unit.title
        let english = (unit.series.titleEnglish ?? unit.series.title) + (unit.school.map { " – \($0.name)" } ?? "")
        return PlanNote(seriesID: unit.series.id, text: LocalizedText(
            nb: "\(title), uke \(numbers) i \(unit.year): ingen ledig dag (\(why(.bokmal)))",
            nn: "\(title), veke \(numbers) i \(unit.year): ingen ledig dag (\(why(.nynorsk)))",
            en: "\(english), \(first == last ? "week" : "weeks") \(numbers) of \(unit.year): no free day (\(why(.english)))"),
            date: weeks[0].range.first)
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
