/// Links the units the solver plans to the published events: builds each
/// unit's `UnitBias` before solving, and after solving says which published
/// UID each placement carries on (kept or moved), which are cancelled and
/// which placements are new.
struct ChangeMatcher {
    let context: RepairContext
    /// Published events not yet claimed by a unit, by (series, school, year).
    private var open: [String: [PreviousEvent]] = [:]
    /// Per unit key: the published event behind each position (slots, weeks).
    private var positions: [String: [PreviousEvent?]] = [:]
    private(set) var changes: [Pending] = []
    private(set) var uidOverrides: [String: String] = [:]
    private var usedUIDs: Set<String>

    /// A change before its reason is known.
    struct Pending: Sendable {
        var kind: EventChange.Kind
        var uid: String
        var previous: PreviousEvent?
        var unit: PlanUnit?
        var date: CivilDate?
        var time: TimeSpan?
    }

    init(context: RepairContext, active: [PreviousEvent]) {
        self.context = context
        usedUIDs = Set(context.request.previous.map(\.uid))
        for event in active.sorted(by: Self.order) {
            open[Self.key(event.seriesID, event.schoolID, event.date.year), default: []].append(event)
        }
    }

    static func order(_ a: PreviousEvent, _ b: PreviousEvent) -> Bool {
        (a.date, a.time?.start.minutes ?? -1, a.uid) < (b.date, b.time?.start.minutes ?? -1, b.uid)
    }

    static func key(_ series: String, _ school: String?, _ year: Int) -> String { "\(series)\u{0}\(school ?? "")\u{0}\(year)" }
    static func key(_ unit: PlanUnit) -> String { key(unit.series.id, unit.school?.id, unit.year) }

    private func placement(_ event: PreviousEvent) -> SeriesSolver.Placement {
        SeriesSolver.Placement(day: context.table.index(event.date), start: event.time?.start.minutes ?? -1,
                               end: event.time?.end.minutes ?? -1)
    }

    // MARK: Before solving

    mutating func bias(for unit: PlanUnit, candidates: Candidates) throws(PlanningError) -> UnitBias {
        let key = Self.key(unit)
        // A chain spans its years: it continues every published meeting of them.
        let mine = (unit.year...unit.lastYear).flatMap { year in
            open.removeValue(forKey: Self.key(unit.series.id, unit.school?.id, year)) ?? []
        }
        var byPosition: [PreviousEvent?] = []
        var extra: [PreviousEvent] = []
        var pinned: [Int: Int] = [:]
        var problems: [Clash] = []
        func pin(_ event: PreviousEvent, position: Int?, range: DateRange?) {
            guard let p = context.pins[event.uid] else { return }
            if let problem = PinCheck(context: context, candidates: candidates).problem(event, at: p.date, range: range) {
                problems.append(problem)
            } else if let position {
                pinned[position] = context.table.index(p.date)
            }
        }
        switch unit.shape {
        case .slots(let slots):
            for (k, event) in mine.enumerated() {
                if k < slots.count {
                    byPosition.append(event)
                    pin(event, position: k, range: slots[k].range)
                } else {
                    extra.append(event)
                }
            }
        case .weekly(let weeks):
            var left = mine
            for (w, week) in weeks.enumerated() {
                let inWeek = left.filter { week.range.contains($0.date) }
                left.removeAll { week.range.contains($0.date) }
                byPosition.append(inWeek.first)
                if let first = inWeek.first { pin(first, position: w, range: week.range) }
                extra += inWeek.dropFirst()
            }
            extra += left
        case .chain:
            let span = DateRange(.firstOfYear(unit.year), .lastOfYear(unit.lastYear))
            for event in mine { pin(event, position: nil, range: span) }
        }
        guard problems.isEmpty else { throw .infeasible(problems) }
        positions[key] = byPosition
        for event in extra { changes.append(Pending(kind: .cancelled, uid: event.uid, previous: event, unit: unit)) }
        var chainPrevious: [SeriesSolver.Placement] = []
        var chainPinned: [Int] = []
        if case .chain = unit.shape {
            chainPrevious = mine.map(placement)
            chainPinned = mine.compactMap { context.pins[$0.uid].map { context.table.index($0.date) } }
            // Chains are matched after solving, year by year, against all of each year's published meetings.
            for event in mine { open[Self.key(unit.series.id, unit.school?.id, event.date.year), default: []].append(event) }
        }
        return UnitBias(previous: byPosition.map { $0.map(placement) }, pinned: pinned,
                        chainPrevious: chainPrevious, chainPinned: chainPinned, busy: context.busy)
    }

    // MARK: After solving

    mutating func match(_ item: SpanRun.Placed) {
        let unit = item.unit
        let key = Self.key(unit)
        var assigned: [(placement: Int, event: PreviousEvent?)] = []
        switch unit.shape {
        case .slots:
            let byPosition = positions[key] ?? []
            for k in item.placements.indices { assigned.append((k, k < byPosition.count ? byPosition[k] : nil)) }
            // Published events beyond the placements (none: slot counts are fixed).
            for k in item.placements.count..<max(item.placements.count, byPosition.count) {
                if let event = byPosition[k] { changes.append(Pending(kind: .cancelled, uid: event.uid, previous: event, unit: unit)) }
            }
        case .weekly(let weeks):
            let byPosition = positions[key] ?? []
            var held = Set<Int>()
            for (k, p) in item.placements.enumerated() {
                let date = context.table.date(p.day)
                let w = weeks.firstIndex { $0.range.contains(date) } ?? -1
                held.insert(w)
                assigned.append((k, w >= 0 && w < byPosition.count ? byPosition[w] : nil))
            }
            for (w, event) in byPosition.enumerated() where !held.contains(w) {
                if let event { changes.append(Pending(kind: .cancelled, uid: event.uid, previous: event, unit: unit)) }
            }
        case .chain:
            var left = open.removeValue(forKey: key) ?? []
            var unmatched: [Int] = []
            var pairs: [Int: PreviousEvent] = [:]
            for (k, p) in item.placements.enumerated() {
                if let j = left.firstIndex(where: { placement($0).day == p.day }) {
                    pairs[k] = left.remove(at: j)
                } else {
                    unmatched.append(k)
                }
            }
            // The rest in date order: the n-th leftover published meeting moves to the n-th new day.
            for (k, event) in zip(unmatched, left) { pairs[k] = event }
            for event in left.dropFirst(unmatched.count) {
                changes.append(Pending(kind: .cancelled, uid: event.uid, previous: event, unit: unit))
            }
            for k in item.placements.indices { assigned.append((k, pairs[k])) }
        }
        for (k, event) in assigned {
            let p = item.placements[k]
            let date = context.table.date(p.day)
            let time = p.start < 0 ? nil : TimeSpan(TimeOfDay(minutes: p.start), TimeOfDay(minutes: p.end))
            let defaultUID = PlanBuilder.defaultUID(agreement: context.agreement, unit: unit, occurrence: k + 1)
            if let event {
                uidOverrides[defaultUID] = event.uid
                let same = event.date == date && event.time == time
                changes.append(Pending(kind: same ? .kept : .moved, uid: event.uid, previous: event, unit: unit, date: date, time: time))
            } else {
                let uid = freshUID(defaultUID, unit: unit, from: item.placements.count + 1)
                uidOverrides[defaultUID] = uid
                changes.append(Pending(kind: .added, uid: uid, unit: unit, date: date, time: time))
            }
        }
    }

    /// The default UID when no published event has it, else the next unused occurrence number.
    private mutating func freshUID(_ preferred: String, unit: PlanUnit, from: Int) -> String {
        var uid = preferred
        var n = from
        while usedUIDs.contains(uid) {
            uid = PlanBuilder.defaultUID(agreement: context.agreement, unit: unit, occurrence: n)
            n += 1
        }
        usedUIDs.insert(uid)
        return uid
    }

    /// Published events no unit claimed (series gone, school gone) are cancelled; the already cancelled carry over.
    mutating func finish() {
        for key in open.keys.sorted() {
            for event in open[key]! { changes.append(Pending(kind: .cancelled, uid: event.uid, previous: event, unit: nil)) }
        }
        open = [:]
        for event in context.request.previous where event.cancelled {
            changes.append(Pending(kind: .stillCancelled, uid: event.uid, previous: event, unit: nil))
        }
    }
}
