/// Gives every move and cancellation its reason: what now stands on the old
/// date, or — when nothing does — the hard rule that forced it.
struct ChangeReasons {
    let context: RepairContext
    let plan: Plan

    func explain(_ pending: [ChangeMatcher.Pending]) -> [EventChange] {
        let changes = pending.map { p -> EventChange in
            let title = p.unit.map { titleOf($0) } ?? p.previous?.title ?? ""
            let seriesID = p.unit?.series.id ?? p.previous?.seriesID ?? ""
            var change = EventChange(kind: p.kind, uid: p.uid, seriesID: seriesID, title: title,
                                     from: p.previous?.date, fromTime: p.previous?.time, to: p.date, toTime: p.time,
                                     pinned: context.pins[p.uid] != nil)
            if p.kind == .moved || p.kind == .cancelled, let previous = p.previous {
                change.reason = reason(previous, unit: p.unit)
            }
            return change
        }
        return changes.sorted {
            ($0.from ?? $0.to ?? .firstOfYear(1), $0.fromTime?.start.minutes ?? $0.toTime?.start.minutes ?? -1, $0.uid)
                < ($1.from ?? $1.to ?? .firstOfYear(1), $1.fromTime?.start.minutes ?? $1.toTime?.start.minutes ?? -1, $1.uid)
        }
    }

    private func titleOf(_ unit: PlanUnit) -> String {
        let series = context.request.language == .english ? (unit.series.titleEnglish ?? unit.series.title) : unit.series.title
        return series + (unit.school.map { " – \($0.name)" } ?? "")
    }

    private func reason(_ previous: PreviousEvent, unit: PlanUnit?) -> ChangeReason {
        guard let unit else { return .seriesRemoved }
        if context.pins[previous.uid]?.explicit == true { return .pinned }
        if let obstacle = DayObstacle.find(on: previous.date, time: previous.time, unit: unit, context: context) { return obstacle }
        for other in plan.events where other.uid != previous.uid && other.date == previous.date
            && !Set(other.attendees).isDisjoint(with: unit.personIDs) {
            let clashes: Bool
            if let a = other.time, let b = previous.time { clashes = a.overlaps(b) } else { clashes = other.time == nil && previous.time == nil }
            if clashes { return .clash(title: other.title) }
        }
        return .rule(id: RuleCatalogue.frequency, text: ruleText(unit))
    }

    private func ruleText(_ unit: PlanUnit) -> LocalizedText {
        switch unit.shape {
        case .chain(let minDays, let maxDays):
            let a = minDays / 7, b = maxDays / 7
            return LocalizedText(nb: "for å holde \(a)–\(b) uker mellom møtene", nn: "for å halde \(a)–\(b) veker mellom møta",
                                 en: "to keep \(a)–\(b) weeks between meetings")
        case .weekly:
            return LocalizedText(nb: "ingen ledig dag i uka", nn: "ingen ledig dag i veka", en: "no free day that week")
        case .slots:
            return LocalizedText(nb: "for å holde avtalens møtefrekvens", nn: "for å halde møtefrekvensen i avtalen",
                                 en: "to keep the agreement's meeting frequency")
        }
    }
}
