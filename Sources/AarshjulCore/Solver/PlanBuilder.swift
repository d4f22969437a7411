/// Turns placements into the `Plan`: stable UIDs, titles, attendees,
/// positional agenda items, agenda and quarterly deadlines, sorted output.
struct PlanBuilder {
    let agreement: Agreement
    let years: ClosedRange<Int>
    let language: PlanLanguage
    let table: DayTable
    /// Rescheduling: the UID each event gets instead of its default one
    /// (keyed by the default); empty in plain planning.
    var uidOverrides: [String: String] = [:]

    var stamp: UTCTimestamp { Plan.freshStamp(agreement, years: years) }

    func plan(placed: [SpanRun.Placed], notes: [PlanNote], cost: CostReport) -> Plan {
        var events: [PlannedEvent] = []
        events.reserveCapacity(placed.reduce(0) { $0 + $1.placements.count })
        let stamp = self.stamp
        for item in placed {
            let unit = item.unit, series = unit.series
            let total = item.placements.count
            // What every event of the unit shares, worked out once per unit.
            let everyone = series.partialAttendance.isEmpty ? Attendance.attendees(series, occurrence: 1, of: total) : nil
            let uidStem = Self.uidStem(agreement: agreement, unit: unit)
            let eventTitle = title(series) + (unit.school.map { " – \($0.name)" } ?? "")
            let location = SeriesWindows.place(series, venue: unit.venue, school: unit.school, language: language)
            for (k, p) in item.placements.enumerated() {
                let occurrence = k + 1
                var agenda = series.agenda
                for positional in series.positionalAgenda {
                    switch positional.position {
                    case .firstOfYear where occurrence == 1: agenda.append(positional.item)
                    case .lastOfYear where occurrence == total: agenda.append(positional.item)
                    default: break
                    }
                }
                let uid = uidStem + Self.twoDigits(occurrence) + "@aarshjul"
                events.append(PlannedEvent(
                    uid: uidOverrides.isEmpty ? uid : uidOverrides[uid] ?? uid,
                    seriesID: series.id, schoolID: unit.school?.id, occurrence: occurrence,
                    title: eventTitle,
                    date: table.date(p.day),
                    time: p.start < 0 ? nil : TimeSpan(TimeOfDay(minutes: p.start), TimeOfDay(minutes: p.end)),
                    location: location,
                    organizer: series.calledBy,
                    attendees: everyone ?? Attendance.attendees(series, occurrence: occurrence, of: total),
                    guests: series.guests, agenda: agenda, stamp: stamp))
            }
        }
        events = PlannedEvent.inPlanOrder(events)
        addElectionItems(&events)
        translateAgendas(&events)
        let deadlines = (agendaDeadlines(events) + quarterlyDeadlines()).sorted { ($0.due, $0.uid) < ($1.due, $1.uid) }
        var plan = Plan(agreement: agreement, years: years, language: language, events: events, deadlines: deadlines,
                        notes: notes.byDate, cost: cost)
        plan.patterns = placed.compactMap { item in
            item.pattern.map { PlannedPattern(seriesID: item.unit.series.id, schoolID: item.unit.school?.id, year: item.unit.year, pattern: $0) }
        }
        return plan
    }

    /// English plans show each agenda item's English form where the agreement gives one.
    private func translateAgendas(_ events: inout [PlannedEvent]) {
        guard language == .english else { return }
        for i in events.indices {
            guard let series = agreement.series.first(where: { $0.id == events[i].seriesID }), !series.agendaEnglish.isEmpty else { continue }
            events[i].agenda = events[i].agenda.map { series.agendaItem($0, language) }
        }
    }

    private func title(_ series: MeetingSeries) -> String {
        language == .english ? (series.titleEnglish ?? series.title) : series.title
    }

    /// "lillestrom-slt-2027-03@aarshjul": agreement, series, school, year, occurrence.
    static func defaultUID(agreement: Agreement, unit: PlanUnit, occurrence: Int) -> String {
        uidStem(agreement: agreement, unit: unit) + twoDigits(occurrence) + "@aarshjul"
    }

    /// The part of `defaultUID` before the occurrence: "lillestrom-slt-2027-".
    static func uidStem(agreement: Agreement, unit: PlanUnit) -> String {
        "\(agreement.id)-\(unit.series.id)\(unit.school.map { "-\($0.id)" } ?? "")-\(unit.year)-"
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// "First meeting after the municipal election" items go to each series'
    /// first meeting after election day, which may be in the next year.
    private func addElectionItems(_ events: inout [PlannedEvent]) {
        let elections = years.compactMap { table.calendar.election(in: $0) }.filter { $0.kind == .municipal }
        for series in agreement.series {
            let items = series.positionalAgenda.filter { $0.position == .firstAfterMunicipalElection }.map(\.item)
            guard !items.isEmpty else { continue }
            for election in elections {
                if let i = events.firstIndex(where: { $0.seriesID == series.id && $0.date > election.date }) {
                    events[i].agenda += items
                }
            }
        }
        addItemsOfTheElectionBefore(&events)
    }

    /// Planning the year after an election (the usual case: next year's plan),
    /// the first meeting after it may be this year's first: that is so when
    /// the election year had no meeting of the series after election day — as
    /// published (`Agreement.heldBefore`) when known, else by a plan of that year.
    private func addItemsOfTheElectionBefore(_ events: inout [PlannedEvent]) {
        let before = years.lowerBound - 1
        guard let election = table.calendar.election(in: before), election.kind == .municipal else { return }
        let concerned = agreement.series.filter { $0.positionalAgenda.contains { $0.position == .firstAfterMunicipalElection } }
        guard !concerned.isEmpty else { return }
        let held = agreement.heldBefore.flatMap { $0.year == before ? $0 : nil }
        var planned: Plan??
        for series in concerned {
            var metAfter = held?.met(series.id, after: election.date)
            if metAfter == nil {
                if planned == nil { planned = .some(try? Planner.plan(PlanRequest(agreement: agreement, years: before...before, language: language))) }
                guard let previous = planned! else { continue }
                metAfter = previous.events.contains { $0.seriesID == series.id && $0.date > election.date }
            }
            guard metAfter == false else { continue }
            let items = series.positionalAgenda.filter { $0.position == .firstAfterMunicipalElection }.map(\.item)
            if let i = events.firstIndex(where: { $0.seriesID == series.id }) { events[i].agenda += items }
        }
    }

    private func agendaDeadlines(_ events: [PlannedEvent]) -> [PlannedDeadline] {
        events.compactMap { event in
            guard let series = agreement.series.first(where: { $0.id == event.seriesID }),
                  let notice = series.agendaNoticeDays else { return nil }
            let title: String
            switch language {
            case .bokmal: title = "Sakliste sendes ut: \(event.title)"
            case .nynorsk: title = "Sakliste skal sendast ut: \(event.title)"
            case .english: title = "Agenda out: \(event.title)"
            }
            let base = event.uid.hasSuffix("@aarshjul") ? String(event.uid.dropLast("@aarshjul".count)) : event.uid
            return PlannedDeadline(uid: "\(base)-agenda@aarshjul", sourceID: series.id, title: title,
                                   due: table.meetingDay(onOrBefore: event.date.adding(days: -notice)),
                                   relatedEventUID: event.uid,
                                   responsible: [series.secretary ?? series.calledBy].compactMap { $0 }, stamp: stamp)
        }
    }

    private func quarterlyDeadlines() -> [PlannedDeadline] {
        agreement.quarterlyDeadlines.flatMap { deadline in
            years.flatMap { year in
                (1...4).map { q in
                    // `deadline-slip`: a due day on a closed day moves to the last working day before it.
                    let nominal = deadline.nominalDue(quarter: q, of: year)
                    let due = deadline.ifClosed == .earlier
                        ? table.meetingDay(onOrBefore: nominal) : table.meetingDay(onOrAfter: nominal)
                    let title = language == .english
                        ? "\(deadline.titleEnglish ?? deadline.title) (Q\(q) \(year))"
                        : "\(deadline.title) (K\(q) \(year))"
                    return PlannedDeadline(uid: "\(agreement.id)-\(deadline.id)-\(year)-q\(q)@aarshjul", sourceID: deadline.id,
                                           title: title, due: due, responsible: deadline.responsible, stamp: stamp)
                }
            }
        }
    }
}

extension PlannedEvent {
    /// `events` in `planOrder`, sorted by their (day, start) keys and only
    /// then moved: a plan holds hundreds of events, and sorting them
    /// directly copied each whole event (strings, lists) on every move.
    static func inPlanOrder(_ events: [PlannedEvent]) -> [PlannedEvent] {
        let keys = events.map(planKey)
        let order = events.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : events[a].uid < events[b].uid }
        return order.map { events[$0] }
    }

    private static func planKey(_ event: PlannedEvent) -> (Int, Int) { (event.date.dayNumber, event.time?.start.minutes ?? -1) }

    /// `inPlanOrder(a + b)` for `a` and `b` each in plan order: one linear
    /// merge instead of a sort. Where a list is out of order or two events
    /// share day, start and UID (the order would then rest on the sort), it
    /// sorts as `inPlanOrder` does.
    static func merged(_ a: [PlannedEvent], _ b: [PlannedEvent]) -> [PlannedEvent] {
        let ka = a.map(planKey), kb = b.map(planKey)
        func before(_ x: PlannedEvent, _ kx: (Int, Int), _ y: PlannedEvent, _ ky: (Int, Int)) -> Bool {
            kx != ky ? kx < ky : x.uid < y.uid
        }
        for i in a.indices.dropFirst() where !before(a[i - 1], ka[i - 1], a[i], ka[i]) { return inPlanOrder(a + b) }
        for j in b.indices.dropFirst() where !before(b[j - 1], kb[j - 1], b[j], kb[j]) { return inPlanOrder(a + b) }
        var out: [PlannedEvent] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if before(a[i], ka[i], b[j], kb[j]) {
                out.append(a[i])
                i += 1
            } else if before(b[j], kb[j], a[i], ka[i]) {
                out.append(b[j])
                j += 1
            } else {
                return inPlanOrder(a + b)
            }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }
}
