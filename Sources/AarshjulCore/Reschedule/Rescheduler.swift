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
        var busy = Occupancy()
        for interval in request.busy {
            guard let person = personIndex[interval.personID] else { continue }
            let day = table.index(interval.date)
            guard table.contains(day) else { continue }
            if let time = interval.time {
                busy.add(day: day, start: time.start.minutes, end: time.end.minutes, people: [person])
            } else {
                // A whole busy day blocks timed meetings and presence days alike.
                busy.add(day: day, start: -1, end: -1, people: [person])
                busy.add(day: day, start: 0, end: 24 * 60, people: [person])
            }
        }
        let context = RepairContext(request: request, agreement: agreement, table: table, pins: pins, busy: busy)

        var carry: [Int: Int] = [:]
        for (i, series) in agreement.series.enumerated() {
            if let previous = SeriesWindows.previousLast(series.rule, firstYear: request.years.lowerBound) {
                carry[i] = table.index(previous)
            }
        }
        var matcher = ChangeMatcher(context: context, active: active)
        var placed: [YearRun.Placed] = []
        var notes: [PlanNote] = []
        var byRule: [String: Int] = Dictionary(uniqueKeysWithValues: RuleCatalogue.softRules.map { ($0.id, 0) })
        for year in request.years {
            var solvers: [[SeriesSolver]] = []
            for s in agreement.series.indices {
                var row: [SeriesSolver] = []
                for unit in PlanUnit.units(of: s, agreement: agreement, year: year, school: calendar.school, personIndex: personIndex) {
                    let candidates = Candidates(unit: unit, table: table)
                    let bias = try matcher.bias(for: unit, candidates: candidates)
                    row.append(SeriesSolver(candidates: candidates, bias: bias))
                }
                solvers.append(row)
            }
            let run = try YearRun(solvers: solvers, carry: carry, table: table).best()
            placed += run.placed
            notes += run.notes
            for penalty in run.penalties { byRule[penalty.ruleID, default: 0] += penalty.points }
            for item in run.placed {
                matcher.match(item)
                if case .chain = item.unit.shape, let last = item.placements.last { carry[item.unit.seriesIndex] = last.day }
            }
        }
        matcher.finish()

        var builder = PlanBuilder(agreement: agreement, years: request.years, language: request.language, table: table)
        builder.uidOverrides = matcher.uidOverrides
        var plan = builder.plan(placed: placed, notes: notes, cost: CostReport(byRule: byRule))
        plan.cost.lowerBound = lowerBound(request, agreement: agreement, fallback: plan.cost.total)
        let changes = ChangeReasons(context: context, plan: plan).explain(matcher.changes)
        Identity.apply(changes, previous: request.previous, deadlines: request.previousDeadlines, stamp: request.stamp,
                       agreement: agreement, to: &plan)
        return RescheduleResult(plan: plan, changes: changes)
    }

    /// A plain plan of the same calendar ignores busy time and history, so no
    /// plan keeping every hard rule can have fewer preference points.
    private static func lowerBound(_ request: RescheduleRequest, agreement: Agreement, fallback: Int) -> Int {
        let plain = try? Planner.plan(PlanRequest(agreement: agreement, years: request.years, language: request.language,
                                                  extraBlackouts: request.extraBlackouts))
        return min(plain?.cost.lowerBound ?? fallback, fallback)
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
