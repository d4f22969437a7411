import AarshjulCore

/// What a coordinator expects when a chain (every A–B weeks) continued from
/// the last published meeting cannot keep its gap into the planned years —
/// the meeting was held on 6 Nov and the 6–8 weeks after it fall in the
/// Christmas break, or a blackout now fills them: that meeting is history and
/// cannot be moved, so the gap cannot be kept whatever the plan does. The plan
/// then holds the next meeting as soon as the calendar allows after the
/// agreed gap, goes on every A–B weeks from there, and says so in a note,
/// instead of refusing every feed of the municipality.
///
/// Only a gap that starts at a published meeting is relieved: a chain whose
/// `previous_last` the agreement file states itself, or one that clashes for
/// other reasons, still fails as before.
public enum ChainRelief {
    public struct Relieved: Sendable {
        public var plan: Plan
        /// One per relieved series, also added to `plan.notes`.
        public var notes: [PlanNote]
    }

    /// `original` is the agreement as written, `continued` the same with the
    /// published last meetings as `previous_last`, `failure` what planning
    /// `continued` gave; `attempt` plans an agreement as the caller does.
    public static func plan(original: Agreement, continued: Agreement, failure: any Error,
                            attempt: (Agreement) throws -> Plan) -> Relieved? {
        guard let found = relieve(original: [original], continued: [continued], failure: failure, attempt: {
            try [attempt($0[0])]
        }) else { return nil }
        var plan = found.plans[0]
        plan.notes += found.notes[0]
        return Relieved(plan: plan, notes: found.notes[0])
    }

    /// The same for a district, whose members are planned together: every
    /// member's carried chain is relieved, and each member's plan gets its notes.
    public static func district(original: District, continued: District, failure: any Error,
                                attempt: (District) throws -> DistrictPlan) -> (plan: DistrictPlan, notes: [PlanNote], byMember: [String: [PlanNote]])? {
        var planned: DistrictPlan?
        guard let found = relieve(original: original.members, continued: continued.members, failure: failure, attempt: { members in
            var district = continued
            district.members = members
            let plan = try attempt(district)
            planned = plan
            return members.map { member in plan.plans.first { $0.agreement.id == member.id }! }
        }), var plan = planned else { return nil }
        for (k, member) in continued.members.enumerated() {
            if let i = plan.plans.firstIndex(where: { $0.agreement.id == member.id }) { plan.plans[i].notes += found.notes[k] }
        }
        let byMember = Dictionary(uniqueKeysWithValues: zip(continued.members.map(\.id), found.notes))
        return (plan, found.notes.flatMap { $0 }, byMember)
    }

    /// A chain whose last meeting came from the published plan: member, series index, that meeting, its rule.
    private struct Carried {
        var member: Int, index: Int
        var last: CivilDate
        var minWeeks: Int, maxWeeks: Int
    }

    /// `attempt` plans the members (in order) and gives their plans in the same order.
    private static func relieve(original: [Agreement], continued: [Agreement], failure: any Error,
                                attempt: ([Agreement]) throws -> [Plan]) -> (plans: [Plan], notes: [[PlanNote]])? {
        guard case .infeasible(let clashes) = failure as? PlanningError else { return nil }
        // The series whose last meeting came from the published plan, and that clash.
        var carried: [Carried] = []
        for (m, member) in continued.enumerated() {
            for (i, series) in member.series.enumerated() {
                guard case .everyWeeks(let a, let b, let last?) = series.rule,
                      case .everyWeeks(_, _, let written) = original[m].series[i].rule, written != last,
                      clashes.contains(where: { $0.seriesID == series.id }) else { continue }
                carried.append(Carried(member: m, index: i, last: last, minWeeks: a, maxWeeks: b))
            }
        }
        guard !carried.isEmpty else { return nil }
        // Act as if the last meeting had been `shift` days later: the first
        // meeting then falls `shift` + A…B weeks after the real one. Steps of
        // a week leave at most a week between the first usable day and the
        // window the planner picks the meeting from; the planner reads a last
        // meeting only within the year before, so past New Year the chain
        // starts as a fresh one would (within B weeks of 1 January).
        let step = 7
        let longest = carried.map { CivilDate.lastOfYear($0.last.year).dayNumber - $0.last.dayNumber }.max()!
        var shifts = Array(stride(from: step, through: longest, by: step))
        shifts.append(Int.max)  // no last meeting: the chain starts afresh in the first planned year
        for shift in shifts {
            var members = continued
            for c in carried {
                let moved = shift == Int.max ? nil : c.last.adding(days: shift)
                members[c.member].series[c.index].rule = .everyWeeks(
                    minWeeks: c.minWeeks, maxWeeks: c.maxWeeks,
                    previousLast: moved.flatMap { $0.year == c.last.year ? $0 : nil })
            }
            guard let plans = try? attempt(members) else { continue }
            var notes = [[PlanNote]](repeating: [], count: continued.count)
            for c in carried {
                let series = continued[c.member].series[c.index]
                guard let next = plans[c.member].events.filter({ $0.seriesID == series.id && $0.date > c.last }).map(\.date).min()
                else { continue }
                let why = clashes.first { $0.seriesID == series.id }
                notes[c.member].append(note(series, last: c.last, next: next, minWeeks: c.minWeeks, maxWeeks: c.maxWeeks, why: why))
            }
            return (plans, notes)
        }
        return nil
    }

    static func note(_ series: MeetingSeries, last: CivilDate, next: CivilDate, minWeeks: Int, maxWeeks: Int,
                     why: Clash?) -> PlanNote {
        let days = next.dayNumber - last.dayNumber
        let weeks = days / 7, rest = days % 7
        func gap(_ week: String, _ weeksWord: String, _ day: String, _ daysWord: String, _ and: String) -> String {
            let w = "\(weeks) \(weeks == 1 ? week : weeksWord)"
            return rest == 0 ? w : "\(w) \(and) \(rest) \(rest == 1 ? day : daysWord)"
        }
        let reason = why?.explanation
        let english = series.titleEnglish ?? series.title
        return PlanNote(seriesID: series.id, text: LocalizedText(
            nb: "\(series.title): \(minWeeks)–\(maxWeeks) uker etter siste publiserte møte \(dotted(last)) lot seg ikke holde"
                + (reason.map { " (\($0.bokmal))" } ?? "") + "; neste møte er \(dotted(next)), "
                + gap("uke", "uker", "dag", "dager", "og") + " etter, og deretter hver \(minWeeks).–\(maxWeeks). uke.",
            nn: "\(series.title): \(minWeeks)–\(maxWeeks) veker etter siste publiserte møte \(dotted(last)) let seg ikkje halde"
                + (reason.map { " (\($0.nynorsk))" } ?? "") + "; neste møte er \(dotted(next)), "
                + gap("veke", "veker", "dag", "dagar", "og") + " etter, og deretter kvar \(minWeeks).–\(maxWeeks). veke.",
            en: "\(english): \(minWeeks)–\(maxWeeks) weeks after the last published meeting on \(Words.longDate(last, .english)) could not be kept"
                + (reason.map { " (\($0.english))" } ?? "") + "; the next meeting is on \(Words.longDate(next, .english)), "
                + gap("week", "weeks", "day", "days", "and") + " later, and then every \(minWeeks)–\(maxWeeks) weeks."))
    }

    /// 06.11.2026
    static func dotted(_ date: CivilDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(date.day)).\(two(date.month)).\(date.year)"
    }
}
