/// The exact solver for one unit: a dynamic programme over its slots (or its
/// chain of gaps), node cost = the day's best free start, edge cost =
/// even-spacing. Optimal for the unit given what is already occupied.
struct SeriesSolver {
    struct Placement: Sendable, Equatable {
        let day: Int
        /// -1 for all-day.
        let start: Int
        let end: Int
    }

    struct Solution: Sendable {
        let placements: [Placement]
        let cost: Int
        /// Weekly presence weeks with no free day at all.
        let skippedWeeks: [PlanUnit.Week]
        /// The regular pattern the placements keep (nil: the unit keeps none).
        var pattern: RegularPattern? = nil
        /// Every pattern tried and its cost: a lower bound for that pattern
        /// whenever more is occupied than in this solve.
        var patternCosts: [RegularPattern: Int] = [:]
    }

    enum Outcome: Sendable {
        case solved(Solution)
        case failed(Clash)
    }

    var candidates: Candidates
    /// Rescheduling's extra node costs and pins; nil in plain planning,
    /// which then runs exactly as before.
    var bias: UnitBias? = nil
    /// `even-spacing` points by gap in days (0...the unit's span), computed
    /// once per unit instead of rounding a Double on every edge.
    let gapCosts: [Int]
    /// `dayRange(unit, table:)`, worked out once.
    let dayRange: ClosedRange<Int>
    /// A weekly unit's weeks as day indexes, worked out once (empty for other shapes).
    let weekDays: [ClosedRange<Int>]
    /// One pass of the programme: the pattern tried (the candidates' own
    /// when nothing else is said) and every day's cheapest free start and
    /// its cost without a pattern, found once per solve and shared by every
    /// pattern tried (a pattern only adds a day cost, so it never changes
    /// which start is best). Passed down, not set on a copy of the solver:
    /// a copy retains every list the unit and its calendar hold.
    private struct Pass {
        var pattern: RegularPattern?
        var dayNodes: DayNodes?
        /// Tests: the chain by its general programme even where `chainPath` applies.
        var generalChain = false
    }

    private var plainPass: Pass { Pass(pattern: candidates.pattern, dayNodes: nil) }

    init(candidates: Candidates, bias: UnitBias? = nil) {
        self.candidates = candidates
        self.bias = bias
        let unit = candidates.unit
        dayRange = Self.dayRange(unit, table: candidates.table)
        if case .weekly(let weeks) = unit.shape {
            let table = candidates.table
            weekDays = weeks.map { table.index($0.range.first)...table.index($0.range.last) }
        } else {
            weekDays = []
        }
        if let spacing = SoftCosts.spacing(unit.series.rule, year: unit.year) {
            let span = dayRange
            gapCosts = (0...max(0, span.upperBound - span.lowerBound)).map { spacing.cost(gap: $0).points }
        } else {
            gapCosts = []
        }
    }

    /// The even-spacing points of a gap of `gap` days (0 for a rule that does not space meetings).
    private func gapCost(_ gap: Int) -> Int {
        guard !gapCosts.isEmpty else { return 0 }
        if gap >= 0 && gap < gapCosts.count { return gapCosts[gap] }
        return SoftCosts.spacing(unit.series.rule, year: unit.year)!.cost(gap: gap).points
    }

    /// The day indexes a unit's meetings can fall on.
    static func dayRange(_ unit: PlanUnit, table: DayTable) -> ClosedRange<Int> {
        switch unit.shape {
        case .slots(let slots):
            guard let first = slots.first, let last = slots.last else { return 0...0 }
            let lo = slots.map { table.index($0.range.first) }.min() ?? table.index(first.range.first)
            let hi = slots.map { table.index($0.range.last) }.max() ?? table.index(last.range.last)
            return lo...max(lo, hi)
        case .weekly(let weeks):
            guard let first = weeks.first, let last = weeks.last else { return 0...0 }
            return table.index(first.range.first)...max(table.index(first.range.first), table.index(last.range.last))
        case .chain:
            return table.index(.firstOfYear(unit.year))...table.index(.lastOfYear(unit.lastYear))
        }
    }

    private struct DayNodes {
        let first: Int
        let nodes: [Node?]
        func node(_ i: Int) -> Node?? { i >= first && i - first < nodes.count ? nodes[i - first] : .none }
    }
    var unit: PlanUnit { candidates.unit }
    var table: DayTable { candidates.table }

    private static let infinity = Int.max / 4

    /// Solves the unit; `previousLast` is the day index of the chain's previous
    /// meeting. In plain planning every regular pattern is tried and the
    /// cheapest kept; `bounds` (pattern costs of a solve with less occupied)
    /// skips patterns that cannot beat the best found.
    func solve(_ occupancy: Occupancy, previousLast: Int?, bounds: [RegularPattern: Int] = [:]) -> Outcome {
        guard bias == nil, var patterns = RegularPattern.candidates(for: unit, starts: candidates.starts) else {
            return solveOnce(occupancy, previousLast: previousLast, plainPass)
        }
        // The unit without a pattern: no pattern can cost less, and the
        // patterns its meetings already keep are tried first, so the search
        // often stops at the first one that costs no more than it.
        let range = dayRange
        let plain = plainPass
        var shared = Pass(pattern: candidates.pattern, dayNodes: DayNodes(first: range.lowerBound, nodes: range.map { i in
            node(i, occupancy, position: nil, plain).map { Node(day: i, start: $0.start, cost: $0.cost - candidates.patternCost(i)) }
        }))
        let free = solveOnce(occupancy, previousLast: previousLast, shared)
        guard case .solved(let unpatterned) = free else { return free }
        // Per pattern (by position): the placements it keeps, and its bound. Worked out once, not hashed in the sort.
        var kept = [Int](repeating: 0, count: patterns.count)
        for p in unpatterned.placements {
            let weekday = Candidates.weekdayIndex(dayNumber: table.base + p.day) + 1, dayOfMonth = Int(table.dayOfMonth[p.day])
            for (k, pattern) in patterns.enumerated() where pattern.cost(weekday: weekday, dayOfMonth: dayOfMonth) == (0, 0) { kept[k] += 1 }
        }
        let patternBounds = bounds.isEmpty ? [Int](repeating: 0, count: patterns.count) : patterns.map { bounds[$0] ?? 0 }
        patterns = patterns.indices.sorted { a, b in
            (patternBounds[a], -kept[a], a) < (patternBounds[b], -kept[b], b)
        }.map { patterns[$0] }
        var best: Solution?
        var costs: [RegularPattern: Int] = [:]
        costs.reserveCapacity(patterns.count)
        for pattern in patterns {
            if let best, best.cost <= unpatterned.cost { break }
            if let best, let bound = bounds[pattern], bound >= best.cost { continue }
            shared.pattern = pattern
            switch solveOnce(occupancy, previousLast: previousLast, shared) {
            // A pattern only adds cost, so when one fails every one does.
            case .failed(let clash): return .failed(clash)
            case .solved(var solution):
                costs[pattern] = solution.cost
                solution.pattern = pattern
                if best == nil || solution.cost < best!.cost { best = solution }
            }
        }
        guard var chosen = best else { return solveOnce(occupancy, previousLast: previousLast, plainPass) }
        chosen.patternCosts = costs
        return .solved(chosen)
    }

    private func solveOnce(_ occupancy: Occupancy, previousLast: Int?, _ pass: Pass) -> Outcome {
        switch unit.shape {
        case .slots(let slots): return solveSlots(slots, occupancy, pass)
        case .weekly(let weeks): return .solved(solveWeekly(weeks, occupancy, pass))
        case .chain(let minDays, let maxDays):
            let from = table.index(.firstOfYear(unit.year)), to = table.index(.lastOfYear(unit.lastYear))
            return solveChain(from: from, to: to, minDays: minDays, maxDays: maxDays, previousLast: previousLast, occupancy, pass)
        }
    }

    private struct Node {
        let day: Int
        let start: Candidates.Start
        let cost: Int
    }

    /// `position` is the slot or week index the nodes are for (nil: a chain).
    private func nodes(in range: DateRange, _ occupancy: Occupancy, position: Int? = nil, _ pass: Pass) -> [Node] {
        var list: [Node] = []
        for i in table.index(range.first)...table.index(range.last) {
            if let node = node(i, occupancy, position: position, pass) { list.append(node) }
        }
        return list
    }

    private func node(_ i: Int, _ occupancy: Occupancy, position: Int?, _ pass: Pass) -> Node? {
        if let bias {
            return bias.best(i, position: position, candidates: candidates, occupancy: occupancy)
                .map { Node(day: i, start: $0.start, cost: $0.cost) }
        }
        if let known = pass.dayNodes?.node(i) {
            return known.map { Node(day: i, start: $0.start, cost: $0.cost + candidates.patternCost(i, pass.pattern)) }
        }
        return candidates.best(i, occupancy).map { Node(day: i, start: $0.start, cost: $0.cost) }
    }

    private func placement(_ node: Node) -> Placement {
        Placement(day: node.day, start: node.start.start, end: node.start.end)
    }

    // MARK: Slots

    private func solveSlots(_ slots: [PlanUnit.Slot], _ occupancy: Occupancy, _ pass: Pass) -> Outcome {
        guard !slots.isEmpty else { return .solved(Solution(placements: [], cost: 0, skippedWeeks: [])) }
        var layers: [[Node]] = []
        layers.reserveCapacity(slots.count)
        for (k, slot) in slots.enumerated() {
            if bias != nil {
                layers.append(nodes(in: slot.range, occupancy, position: k, pass).filter { slot.allows(table.date($0.day)) })
                continue
            }
            // Slots sharing a range (n a quarter) are next to each other and have the same nodes.
            if slot.pull == nil, k > 0, slots[k - 1].pull == nil, slots[k - 1].range == slot.range {
                layers.append(layers[k - 1])
                continue
            }
            let first = table.index(slot.range.first), last = table.index(slot.range.last)
            var list: [Node] = []
            list.reserveCapacity(last - first + 1)
            for i in first...last {
                guard let node = node(i, occupancy, position: nil, pass), slot.pull == nil || slot.allows(table.date(i)) else { continue }
                list.append(Node(day: i, start: node.start,
                                 cost: node.cost + SoftCosts.midWindow(day: i, first: first, last: last).points))
            }
            layers.append(list)
        }
        // Slots sharing a range (n a quarter) need n distinct days there.
        var k = 0
        while k < slots.count {
            var n = 1
            while k + n < slots.count && slots[k + n].range == slots[k].range { n += 1 }
            // With pins a layer may hold only its pinned day; the programme below finds any real shortage.
            if layers[k].count < n && (bias == nil || layers[k].isEmpty) {
                return .failed(ClashExplainer(candidates: candidates, occupancy: occupancy)
                    .clash(range: slots[k].range, period: slots[k].period, needed: n, available: layers[k].count))
            }
            k += n
        }
        // One flat run of every layer's days and costs (layer k at `offsets[k]`),
        // and the programme's best costs and back links beside them: a few
        // arrays per solve, not several per layer. The innermost loop reads
        // plain day numbers and costs (no node structs, no bounds checks).
        let infinity = SeriesSolver.infinity
        var offsets: [Int] = []
        offsets.reserveCapacity(layers.count + 1)
        var days: [Int] = [], costs: [Int] = []
        let total = layers.reduce(0) { $0 + $1.count }
        days.reserveCapacity(total)
        costs.reserveCapacity(total)
        for layer in layers {
            offsets.append(days.count)
            for node in layer {
                days.append(node.day)
                costs.append(node.cost)
            }
        }
        offsets.append(days.count)
        var best = [Int](repeating: infinity, count: total)
        var back = [Int](repeating: -1, count: total)
        for j in offsets[0]..<offsets[1] { best[j] = costs[j] }
        days.withUnsafeBufferPointer { days in
            costs.withUnsafeBufferPointer { costs in
                gapCosts.withUnsafeBufferPointer { gaps in
                    best.withUnsafeMutableBufferPointer { best in
                        back.withUnsafeMutableBufferPointer { back in
                            for k in 1..<layers.count {
                                let before = offsets[k - 1], here = offsets[k], next = offsets[k + 1]
                                for j in here..<next {
                                    let day = days[j], cost = costs[j]
                                    var value = infinity, index = -1
                                    for i in before..<here where days[i] < day && best[i] < infinity {
                                        let gap = day - days[i]
                                        let edge = gaps.isEmpty ? 0 : gap < gaps.count ? gaps[gap] : gapCost(gap)
                                        let v = best[i] + edge + cost
                                        if v < value { value = v; index = i - before }
                                    }
                                    best[j] = value
                                    back[j] = index
                                }
                            }
                        }
                    }
                }
            }
        }
        let last = layers.count - 1
        guard let (end, cost) = argmin(best[offsets[last]..<offsets[last + 1]]) else {
            // Only possible when equal ranges run out of days, which is checked above.
            let range = DateRange(slots[0].range.first, slots[slots.count - 1].range.last)
            return .failed(ClashExplainer(candidates: candidates, occupancy: occupancy)
                .clash(range: range, period: PeriodNames.range(range), needed: slots.count, available: 0))
        }
        var chosen: [Placement] = []
        chosen.reserveCapacity(layers.count)
        var j = end
        for k in stride(from: last, through: 0, by: -1) {
            chosen.append(placement(layers[k][j]))
            j = back[offsets[k] + j]
        }
        return .solved(Solution(placements: chosen.reversed(), cost: cost, skippedWeeks: []))
    }

    /// Index of the smallest finite value; the earliest on ties.
    private func argmin(_ values: ArraySlice<Int>) -> (Int, Int)? {
        var found: (Int, Int)?
        for (i, v) in values.enumerated() where v < SeriesSolver.infinity && (found == nil || v < found!.1) { found = (i, v) }
        return found
    }

    // MARK: Weekly

    private func solveWeekly(_ weeks: [PlanUnit.Week], _ occupancy: Occupancy, _ pass: Pass) -> Solution {
        if bias == nil, let dayNodes = pass.dayNodes { return solveWeekly(weeks, dayNodes, pattern: pass.pattern) }
        var chosen: [Placement] = []
        var skipped: [PlanUnit.Week] = []
        var cost = 0
        chosen.reserveCapacity(weeks.count)
        // Plain planning reads each day's node in place (no node list per week); the first cheapest day wins either way.
        let plain = bias == nil && weekDays.count == weeks.count
        for (w, week) in weeks.enumerated() {
            var pick: Node?
            if plain {
                for i in weekDays[w] {
                    guard let node = node(i, occupancy, position: nil, pass) else { continue }
                    if pick == nil || node.cost < pick!.cost { pick = node }
                }
            } else {
                for node in nodes(in: week.range, occupancy, position: bias == nil ? nil : w, pass) where pick == nil || node.cost < pick!.cost { pick = node }
            }
            if let pick {
                chosen.append(placement(pick))
                cost += pick.cost
            } else {
                skipped.append(week)
            }
        }
        return Solution(placements: chosen, cost: cost, skippedWeeks: skipped)
    }

    /// The same from the days' nodes found once per solve: no node list per week.
    private func solveWeekly(_ weeks: [PlanUnit.Week], _ dayNodes: DayNodes, pattern: RegularPattern?) -> Solution {
        var chosen: [Placement] = []
        var skipped: [PlanUnit.Week] = []
        var cost = 0
        chosen.reserveCapacity(weeks.count)
        // The unit's own weeks (a solver's shape is its unit's): their day indexes are known.
        let known = weekDays.count == weeks.count
        for (w, week) in weeks.enumerated() {
            var pick: Node?
            var pickCost = 0
            for i in known ? weekDays[w] : table.index(week.range.first)...table.index(week.range.last) {
                guard let found = dayNodes.node(i), let node = found else { continue }
                let c = node.cost + candidates.patternCost(i, pattern)
                if pick == nil || c < pickCost { pick = node; pickCost = c }
            }
            if let pick {
                chosen.append(Placement(day: pick.day, start: pick.start.start, end: pick.start.end))
                cost += pickCost
            } else {
                skipped.append(week)
            }
        }
        return Solution(placements: chosen, cost: cost, skippedWeeks: skipped)
    }

    // MARK: Chain

    /// Shortest path over the days `from...to`: the first meeting within
    /// `maxDays` of `previousLast` (or of the start), every gap within
    /// `minDays...maxDays`, the last within `maxDays` of the end.
    /// `general`: by the general programme even where `chainPath` applies (tests compare the two).
    func solveChain(from: Int, to: Int, minDays: Int, maxDays: Int, previousLast: Int?, _ occupancy: Occupancy,
                    general: Bool = false) -> Outcome {
        var pass = plainPass
        pass.generalChain = general
        return solveChain(from: from, to: to, minDays: minDays, maxDays: maxDays, previousLast: previousLast, occupancy, pass)
    }

    private func solveChain(from: Int, to: Int, minDays: Int, maxDays: Int, previousLast: Int?, _ occupancy: Occupancy,
                            _ pass: Pass) -> Outcome {
        var list: [Node] = []
        list.reserveCapacity(to - from + 1)
        for i in from...to {
            if let node = node(i, occupancy, position: nil, pass) { list.append(node) }
        }
        // Pinned days (rescheduling) the chain must pass through: no start
        // after one, no gap jumping over one, no end before one.
        let required = bias?.requiredChainDays(from: from, to: to) ?? []
        func skipsRequired(_ a: Int, _ b: Int) -> Bool { required.contains { $0 > a && $0 < b } }
        // A school-term chain (the schools attend) does not count the pupils'
        // summer holiday towards its longest gap: 6–8 weeks cannot span it.
        let schoolTerm = unit.schoolOnly
        func longGap(_ a: Int, _ b: Int) -> Int { b - a - (schoolTerm ? table.summerDays(between: a, and: b) : 0) }
        var best = [Int](repeating: SeriesSolver.infinity, count: list.count)
        var back = [Int](repeating: -1, count: list.count)
        if required.isEmpty && !schoolTerm && !pass.generalChain {
            chainPath(list, from: from, minDays: minDays, maxDays: maxDays, previousLast: previousLast, best: &best, back: &back)
        } else {
        var low = 0
        for (j, node) in list.enumerated() {
            if let first = required.first, node.day > first {
                // Not a possible first meeting.
            } else if let p = previousLast {
                let gap = node.day - p
                if gap >= minDays && longGap(p, node.day) <= maxDays { best[j] = node.cost + gapCost(gap) }
            } else if node.day - from < maxDays {
                best[j] = node.cost
            }
            while low < j && longGap(list[low].day, node.day) > maxDays { low += 1 }
            var i = low
            while i < j && node.day - list[i].day >= minDays {
                if best[i] < SeriesSolver.infinity && (required.isEmpty || !skipsRequired(list[i].day, node.day)) {
                    let value = best[i] + gapCost(node.day - list[i].day) + node.cost
                    if value < best[j] { best[j] = value; back[j] = i }
                }
                i += 1
            }
        }
        }
        var end: Int?
        // `positional-agenda`: the year's last meeting where its items belong (one year's chain only).
        let lastPull = to - from < 370 ? unit.lastPull : nil
        for j in list.indices where to - list[j].day < maxDays && best[j] < SeriesSolver.infinity
            && (required.last.map { list[j].day >= $0 } ?? true) && (lastPull?.allows(table.date(list[j].day)) ?? true) {
            if end == nil || best[j] < best[end!] { end = j }
        }
        guard let end else {
            return .failed(chainClash(list: list, best: best, from: from, to: to, minDays: minDays, maxDays: maxDays,
                                       previousLast: previousLast, occupancy))
        }
        var chosen: [Placement] = []
        var j = end
        while j >= 0 {
            chosen.append(placement(list[j]))
            j = back[j]
        }
        return .solved(Solution(placements: chosen.reversed(), cost: best[end], skippedWeeks: []))
    }

    /// The chain's shortest path when no day is pinned and no summer is
    /// discounted (all of plain planning but school-term chains): the same
    /// programme as in `solveChain`, over plain day numbers and costs.
    private func chainPath(_ list: [Node], from: Int, minDays: Int, maxDays: Int, previousLast: Int?,
                           best: inout [Int], back: inout [Int]) {
        let days = list.map(\.day), costs = list.map(\.cost)
        let infinity = SeriesSolver.infinity
        days.withUnsafeBufferPointer { days in
            costs.withUnsafeBufferPointer { costs in
                gapCosts.withUnsafeBufferPointer { gaps in
                    best.withUnsafeMutableBufferPointer { best in
                        back.withUnsafeMutableBufferPointer { back in
                            func edge(_ gap: Int) -> Int { gaps.isEmpty ? 0 : gap >= 0 && gap < gaps.count ? gaps[gap] : gapCost(gap) }
                            var low = 0
                            for j in 0..<days.count {
                                let day = days[j], cost = costs[j]
                                if let p = previousLast {
                                    let gap = day - p
                                    if gap >= minDays && gap <= maxDays { best[j] = cost + edge(gap) }
                                } else if day - from < maxDays {
                                    best[j] = cost
                                }
                                while low < j && day - days[low] > maxDays { low += 1 }
                                var i = low
                                var value = best[j], index = back[j]
                                while i < j && day - days[i] >= minDays {
                                    if best[i] < infinity {
                                        let v = best[i] + edge(day - days[i]) + cost
                                        if v < value { value = v; index = i }
                                    }
                                    i += 1
                                }
                                best[j] = value
                                back[j] = index
                            }
                        }
                    }
                }
            }
        }
    }

    private func chainClash(list: [Node], best: [Int], from: Int, to: Int, minDays: Int, maxDays: Int,
                            previousLast: Int?, _ occupancy: Occupancy) -> Clash {
        let explainer = ClashExplainer(candidates: candidates, occupancy: occupancy)
        let reachable = list.indices.filter { best[$0] < SeriesSolver.infinity }.last.map { list[$0].day }
        let anchor = reachable ?? previousLast
        let window: DateRange
        let period: LocalizedText
        if let anchor {
            let first = max(anchor + minDays, from), last = max(first, min(anchor + maxDays, to))
            window = DateRange(table.date(first), table.date(last))
            let a = table.date(anchor)
            period = LocalizedText(
                nb: "perioden \(minDays / 7)–\(maxDays / 7) uker etter møtet \(a.norwegian) (\(window.norwegianShort))",
                nn: "perioden \(minDays / 7)–\(maxDays / 7) veker etter møtet \(a.norwegian) (\(window.norwegianShort))",
                en: "the \(minDays / 7)–\(maxDays / 7)-week gap after the meeting on \(a.english) (\(window.englishShort))")
        } else {
            window = DateRange(table.date(from), table.date(min(to, from + maxDays - 1)))
            period = LocalizedText(nb: "de første \(maxDays / 7) ukene av \(unit.year) (\(window.norwegianShort))",
                                   nn: "dei første \(maxDays / 7) vekene av \(unit.year) (\(window.norwegianShort))",
                                   en: "the first \(maxDays / 7) weeks of \(unit.year) (\(window.englishShort))")
        }
        return explainer.clash(range: window, period: period, needed: 1, available: 0)
    }
}
