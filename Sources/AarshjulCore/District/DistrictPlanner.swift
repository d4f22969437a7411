/// A district's plan: one plan per member municipality (its own meetings and
/// the inter-municipal meetings it takes part in), all made against one
/// occupancy, so that nobody is in two places at once.
public struct DistrictPlan: Sendable, Equatable {
    public var district: District
    public var years: ClosedRange<Int>
    /// Per member, in district order. Person ids are the member's own where
    /// the person is its own; others (people from other members at a joint
    /// meeting) carry their global id and are added to `agreement.people`.
    public var plans: [Plan]
    /// Per inter-municipal meeting, in district order, as planned (global ids).
    public var meetingPlans: [Plan]

    /// The preference cost of the whole district, each meeting counted once.
    public var totalCost: Int { (plans + meetingPlans).reduce(0) { $0 + $1.cost.total } }
    public var lowerBound: Int { (plans + meetingPlans).reduce(0) { $0 + $1.cost.lowerBound } }
}

/// Plans every member of a district with one shared occupancy keyed by
/// global person ids: inter-municipal meetings first (they need the most
/// people and the union of the members' closed days), then each member in
/// district order, each exactly by `Planner` around what is already placed.
public enum DistrictPlanner {
    public static func plan(_ district: District, years: ClosedRange<Int>,
                            language: PlanLanguage? = nil) throws(PlanningError) -> DistrictPlan {
        let problems = DistrictCheck.problems(district, language: language ?? district.members.first?.language ?? .bokmal)
        guard problems.isEmpty else { throw .invalidAgreement(problems) }
        let people = district.people
        var number: [String: Int] = [:]
        for (i, person) in people.enumerated() { number[person.id] = i }

        // How many weekly presence series each person holds across the district.
        var load: [Int: Int] = [:]
        for member in district.members {
            for series in member.series where series.allDay {
                guard case .weekly = series.rule else { continue }
                for id in series.allPeople {
                    if let n = number[district.globalID(member: member.id, person: id)] { load[n, default: 0] += 1 }
                }
            }
        }
        var occupancy = Occupancy()
        occupancy.travel = district.travel
        var meetingPlans: [Plan] = []
        for meeting in district.meetings {
            let host = district.memberIndex(meeting.host)!
            let agreement = MeetingAgreement.make(meeting, in: district, years: years,
                                                  language: language ?? district.members[host].language)
            occupancy.place = host
            do {
                meetingPlans.append(try Planner.plan(PlanRequest(agreement: agreement, years: years, language: language),
                                                     personIndex: number, occupancy: &occupancy, weeklyLoad: load))
            } catch { throw DistrictClash.explain(error, municipality: district.name, member: nil, district: district) }
        }
        var plans: [Plan] = []
        for (i, member) in district.members.enumerated() {
            occupancy.place = i
            var local: [String: Int] = [:]
            for person in member.people { local[person.id] = number[district.globalID(member: member.id, person: person.id)] }
            do {
                plans.append(try Planner.plan(PlanRequest(agreement: member, years: years, language: language),
                                              personIndex: local, occupancy: &occupancy, weeklyLoad: load))
            } catch { throw DistrictClash.explain(error, municipality: member.municipality, member: member, district: district) }
        }
        for i in plans.indices {
            for (meeting, meetingPlan) in zip(district.meetings, meetingPlans) where meeting.members.contains(plans[i].agreement.id) {
                MeetingAgreement.merge(meetingPlan, of: meeting, into: &plans[i], district: district)
            }
        }
        return DistrictPlan(district: district, years: years, plans: plans, meetingPlans: meetingPlans)
    }
}

/// The problems a district file can have beyond those of its members, in the plan's language.
enum DistrictCheck {
    static func problems(_ district: District, language: PlanLanguage) -> [String] {
        var out: [String] = []
        func say(_ nb: String, _ nn: String, _ en: String) { out.append(LocalizedText(nb: nb, nn: nn, en: en).text(language)) }
        var ids = Set<String>()
        for member in district.members where !ids.insert(member.id).inserted {
            say("Kommunen «\(member.id)» står to ganger i distriktet.", "Kommunen «\(member.id)» står to gonger i distriktet.",
                "The municipality \"\(member.id)\" is listed twice in the district.")
        }
        for shared in district.sharedPeople {
            for appearance in shared.appearances {
                guard let member = district.members.first(where: { $0.id == appearance.member }) else {
                    say("Delt person «\(shared.id)»: kommunen «\(appearance.member)» er ikke med i distriktet.",
                        "Delt person «\(shared.id)»: kommunen «\(appearance.member)» er ikkje med i distriktet.",
                        "Shared person \"\(shared.id)\": the municipality \"\(appearance.member)\" is not in the district.")
                    continue
                }
                if member.person(appearance.person) == nil {
                    say("Delt person «\(shared.id)»: «\(appearance.person)» finnes ikke i avtalen for \(member.municipality).",
                        "Delt person «\(shared.id)»: «\(appearance.person)» finst ikkje i avtalen for \(member.municipality).",
                        "Shared person \"\(shared.id)\": \"\(appearance.person)\" is not in the agreement of \(member.municipality).")
                }
            }
        }
        let known = Set(district.people.map(\.id))
        for meeting in district.meetings {
            let id = meeting.series.id
            if district.memberIndex(meeting.host) == nil {
                say("Felles møte «\(id)»: vertskommunen «\(meeting.host)» er ikke med i distriktet.",
                    "Felles møte «\(id)»: vertskommunen «\(meeting.host)» er ikkje med i distriktet.",
                    "Joint meeting \"\(id)\": the host municipality \"\(meeting.host)\" is not in the district.")
            }
            for member in meeting.members where district.memberIndex(member) == nil {
                say("Felles møte «\(id)»: kommunen «\(member)» er ikke med i distriktet.",
                    "Felles møte «\(id)»: kommunen «\(member)» er ikkje med i distriktet.",
                    "Joint meeting \"\(id)\": the municipality \"\(member)\" is not in the district.")
            }
            for person in meeting.series.allPeople where !known.contains(person) {
                say("Felles møte «\(id)»: personen «\(person)» finnes ikke i distriktet.",
                    "Felles møte «\(id)»: personen «\(person)» finst ikkje i distriktet.",
                    "Joint meeting \"\(id)\": the person \"\(person)\" is not in the district.")
            }
            for member in district.members where member.series.contains(where: { $0.id == id }) {
                say("Felles møte «\(id)»: \(member.municipality) har en egen møteserie med samme id.",
                    "Felles møte «\(id)»: \(member.municipality) har ein eigen møteserie med same id.",
                    "Joint meeting \"\(id)\": \(member.municipality) has a series of its own with the same id.")
            }
        }
        if district.travel.count != district.members.count {
            say("Reisetiden gjelder \(district.travel.count) kommuner, distriktet har \(district.members.count).",
                "Reisetida gjeld \(district.travel.count) kommunar, distriktet har \(district.members.count).",
                "The travel times cover \(district.travel.count) municipalities; the district has \(district.members.count).")
        }
        return out
    }
}

/// Clashes in a district, in plain words: which municipality, and whom the
/// busy people also serve.
enum DistrictClash {
    static func explain(_ error: PlanningError, municipality: String, member: Agreement?,
                        district: District) -> PlanningError {
        guard case .infeasible(let clashes) = error else { return error }
        return .infeasible(clashes.map { clash in
            var c = clash
            let people = member.flatMap { m in m.series.first { $0.id == clash.seriesID }?.allPeople.map { (m.id, $0) } } ?? []
            let serving = district.sharedPeople.filter { shared in
                shared.appearances.count > 1 && (people.isEmpty
                    ? clash.explanation.bokmal.contains(shared.name)
                    : people.contains { p in shared.appearances.contains { $0.member == p.0 && $0.person == p.1 } })
            }
            let also = serving.map { shared -> (String, String) in
                let places = shared.appearances.compactMap { a in district.members.first { $0.id == a.member }?.municipality }
                return (shared.name, places.joined(separator: ", "))
            }
            func add(_ text: String, _ language: PlanLanguage) -> String {
                let extra = also.map { name, places -> String in
                    switch language {
                    case .bokmal: return " \(name) tjener \(places) og kan ikke være to steder samme dag eller tid."
                    case .nynorsk: return " \(name) tener \(places) og kan ikkje vere to stader same dag eller tid."
                    case .english: return " \(name) serves \(places) and cannot be in two places on one day or at one time."
                    }
                }.joined()
                return "\(municipality): \(text)\(extra)"
            }
            c.explanation = LocalizedText(nb: add(clash.explanation.bokmal, .bokmal), nn: add(clash.explanation.nynorsk, .nynorsk),
                                          en: add(clash.explanation.english, .english))
            return c
        })
    }
}
