/// Repairs a published plan after the calendar changed: every hard rule kept,
/// then the fewest events moved, then the fewest days shifted, then the best
/// preferences (see `UnitBias`), with every published event accounted for.
public enum Rescheduler {
    public static func reschedule(_ request: RescheduleRequest) throws(PlanningError) -> RescheduleResult {
        var agreement = request.agreement
        agreement.schoolCalendar.importedHolidays += request.schoolHolidays
        let problems = AgreementCheck.problems(agreement, years: request.years, language: request.language)
        guard problems.isEmpty else { throw .invalidAgreement(problems) }

        let active = request.previous.filter { !$0.cancelled }
        let pins = try RepairPins.find(request, active: active)
        let calendar = MunicipalCalendar(agreement: agreement, years: request.years, extraBlackouts: request.extraBlackouts)
        let table = DayTable(calendar: calendar)
        var personIndex: [String: Int] = [:]
        for (i, person) in agreement.people.enumerated() where personIndex[person.id] == nil { personIndex[person.id] = i }
        let busy = Occupancy.busyTime(request.busy, personIndex: personIndex, table: table)
        let context = RepairContext(request: request, agreement: agreement, table: table, pins: pins, busy: busy)

        var carry: [Int: Int] = [:]
        for (i, series) in agreement.series.enumerated() {
            if let previous = SeriesWindows.previousLast(series.rule, firstYear: request.years.lowerBound) {
                carry[i] = table.index(previous)
            }
        }
        let initialCarry = carry
        var matcher = ChangeMatcher(context: context, active: active)
        var byRule: [String: Int] = Dictionary(uniqueKeysWithValues: RuleCatalogue.softRules.map { ($0.id, 0) })
        // The whole span at once, chains as one path over all the years (as in plain planning).
        var solvers: [[SeriesSolver]] = []
        for row in Planner.units(agreement, years: request.years, school: calendar.school, personIndex: personIndex) {
            var built: [SeriesSolver] = []
            for unit in row {
                let candidates = Candidates(unit: unit, table: table)
                built.append(SeriesSolver(candidates: candidates, bias: try matcher.bias(for: unit, candidates: candidates)))
            }
            solvers.append(built)
        }
        let run = try SpanRun(solvers: solvers, carry: carry, table: table).best()
        var placed = SpanRun.byYear(run.placed, table: table)
        // For the summary only ("tirsdager"): costs and notes are already the repair's.
        for k in placed.indices where placed[k].pattern == nil { placed[k].pattern = KeptPattern.of(placed[k], table: table) }
        let notes = run.notes
        for penalty in run.penalties { byRule[penalty.ruleID, default: 0] += penalty.points }
        for item in placed { matcher.match(item) }
        matcher.finish()

        var builder = PlanBuilder(agreement: agreement, years: request.years, language: request.language, table: table)
        builder.uidOverrides = matcher.uidOverrides
        var plan = builder.plan(placed: placed, notes: notes, cost: CostReport(byRule: byRule))
        plan.cost.lowerBound = min(plan.cost.total, lowerBound(agreement, years: request.years, table: table,
                                                               personIndex: personIndex, carry: initialCarry))
        let changes = ChangeReasons(context: context, plan: plan).explain(matcher.changes)
        Identity.apply(changes, previous: request.previous, deadlines: request.previousDeadlines, stamp: request.stamp,
                       agreement: agreement, to: &plan)
        return RescheduleResult(plan: plan, changes: changes)
    }

    /// Every unit's preference optimum alone on the new calendar (chains over
    /// the whole span), ignoring busy time, history and the other series: no
    /// plan keeping every hard rule can have fewer preference points.
    private static func lowerBound(_ agreement: Agreement, years: ClosedRange<Int>, table: DayTable,
                                   personIndex: [String: Int], carry: [Int: Int]) -> Int {
        var total = 0
        for (s, series) in agreement.series.enumerated() {
            if case .everyWeeks(let a, let b, _) = series.rule {
                for unit in PlanUnit.units(of: s, agreement: agreement, year: years.lowerBound, school: table.calendar.school,
                                           personIndex: personIndex) {
                    let outcome = SeriesSolver(candidates: Candidates(unit: unit, table: table))
                        .solveChain(from: table.index(.firstOfYear(years.lowerBound)), to: table.index(.lastOfYear(years.upperBound)),
                                    minDays: a * 7, maxDays: b * 7, previousLast: carry[s], Occupancy())
                    if case .solved(let solution) = outcome { total += solution.cost }
                }
                continue
            }
            for year in years {
                for unit in PlanUnit.units(of: s, agreement: agreement, year: year, school: table.calendar.school, personIndex: personIndex) {
                    if case .solved(let solution) = SeriesSolver(candidates: Candidates(unit: unit, table: table))
                        .solve(Occupancy(), previousLast: nil) { total += solution.cost }
                }
            }
        }
        return total
    }
}

/// What every step of a repair reads.
struct RepairContext: Sendable {
    let request: RescheduleRequest
    /// With the imported school holidays.
    let agreement: Agreement
    let table: DayTable
    let pins: [String: RepairPins.Pin]
    let busy: Occupancy

    var calendar: MunicipalCalendar { table.calendar }
}
