/// One item of a district's plan as the cross-municipality audit sees it:
/// where it is held (member index) and who attends (global ids).
public struct DistrictAuditEvent: Sendable, Equatable {
    public var place: Int
    public var event: AuditEvent

    public init(place: Int, event: AuditEvent) {
        self.place = place
        self.event = event
    }
}

/// Checks, apart from the planner, that nobody in a district is in two
/// places at once: two all-day items on one day, an all-day presence in one
/// municipality and anything in another on that day, or two timed items
/// closer than the travel time between their municipalities.
public enum DistrictAudit {
    /// Every item of a district plan once (joint meetings by UID), in global ids.
    public static func events(of plan: DistrictPlan) -> [DistrictAuditEvent] {
        var seen = Set<String>()
        var out: [DistrictAuditEvent] = []
        let hosts = Dictionary(plan.district.meetings.map { ($0.series.id, plan.district.memberIndex($0.host) ?? 0) },
                               uniquingKeysWith: { a, _ in a })
        for (place, memberPlan) in plan.plans.enumerated() {
            let member = memberPlan.agreement.id
            for event in memberPlan.events where seen.insert(event.uid).inserted {
                var audit = AuditEvent(from: event)
                audit.attendees = event.attendees.map { globalID(plan.district, member: member, id: $0) }
                out.append(DistrictAuditEvent(place: hosts[event.seriesID] ?? place, event: audit))
            }
        }
        return out
    }

    /// A member plan's person id as a global id (ids from other members are global already).
    public static func globalID(_ district: District, member: String, id: String) -> String {
        guard let agreement = district.members.first(where: { $0.id == member }), agreement.person(id) != nil else { return id }
        return district.globalID(member: member, person: id)
    }

    public static func violations(_ events: [DistrictAuditEvent], district: District) -> [Violation] {
        var byPerson: [String: [Int]] = [:]
        for (i, item) in events.enumerated() {
            for person in Set(item.event.attendees) { byPerson[person, default: []].append(i) }
        }
        var found: [Violation] = []
        for person in byPerson.keys.sorted() {
            let list = byPerson[person]!.sorted { (events[$0].event.date, events[$0].event.uid) < (events[$1].event.date, events[$1].event.uid) }
            for (n, i) in list.enumerated() {
                for j in list[(n + 1)...] {
                    let a = events[i], b = events[j]
                    guard a.event.date == b.event.date else { break }
                    let travel = a.place == b.place ? 0 : district.travel.minutes(a.place, b.place)
                    let clash: Bool
                    switch (a.event.time, b.event.time) {
                    case (nil, nil): clash = true
                    case let (x?, y?):
                        clash = x.start.minutes < y.end.minutes + travel && y.start.minutes < x.end.minutes + travel
                    default:
                        // An all-day presence holds the person in its municipality the whole day.
                        clash = a.place != b.place
                    }
                    guard clash else { continue }
                    let where_ = { (k: Int) in district.members.indices.contains(k) ? district.members[k].municipality : "?" }
                    found.append(Violation(ruleID: RuleCatalogue.noDoubleBooking, uid: b.event.uid, explanation: LocalizedText(
                        nb: "\(person) kan ikke nå både \(a.event.uid) (\(where_(a.place))) og \(b.event.uid) (\(where_(b.place))) \(a.event.date.norwegian); reisetid \(travel) min.",
                        nn: "\(person) kan ikkje nå både \(a.event.uid) (\(where_(a.place))) og \(b.event.uid) (\(where_(b.place))) \(a.event.date.norwegian); reisetid \(travel) min.",
                        en: "\(person) cannot make both \(a.event.uid) (\(where_(a.place))) and \(b.event.uid) (\(where_(b.place))) on \(a.event.date.english); travel \(travel) min.")))
                }
            }
        }
        return found
    }
}
