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

/// What members' own calendar files add to a district's facts: people's
/// busy time (per member, in the member's person ids) and imported
/// skolerute holidays (per member). The same inputs `plan` reads for one
/// agreement (`busy_calendars`, `school_calendar.import`).
public struct DistrictCalendars: Sendable, Equatable {
    public var busy: [String: [BusyInterval]]
    public var schoolHolidays: [String: [Blackout]]

    public init(busy: [String: [BusyInterval]] = [:], schoolHolidays: [String: [Blackout]] = [:]) {
        self.busy = busy
        self.schoolHolidays = schoolHolidays
    }
}

/// Plans a district as a whole with one shared occupancy keyed by global
/// person ids. First pass: inter-municipal meetings (they need the most
/// people and the union of the members' closed days), then each member in
/// district order, each exactly by `Planner` around what is already placed.
/// Then rounds: each meeting and member is taken out and re-planned exactly
/// around all the others, kept only when strictly cheaper, until a round
/// improves nothing (at most `improvementRounds`). Deterministic and bounded.
/// The lower bound adds every unit's optimum with only facts (busy time)
/// placed, so it holds for the whole district and span.
public enum DistrictPlanner {
    static let improvementRounds = 6

    /// `memo`: unit solves remembered across calls (several districts of one
    /// country planned with one memo solve each shared problem once); nil: a
    /// fresh one for this district. It changes time, never plans.
    public static func plan(_ district: District, years: ClosedRange<Int>, language: PlanLanguage? = nil,
                            calendars: DistrictCalendars = DistrictCalendars(), memo: PlanningMemo? = nil) throws(PlanningError) -> DistrictPlan {
        try plan(district, years: years, language: language, calendars: calendars, rounds: improvementRounds,
                 memo: memo ?? PlanningMemo())
    }

    /// `rounds`: improvement rounds after the first pass (0: the first pass alone).
    /// `memo`: nil solves every unit afresh (tests compare the two).
    static func plan(_ district: District, years: ClosedRange<Int>, language: PlanLanguage?,
                     calendars: DistrictCalendars, rounds: Int, memo: PlanningMemo?) throws(PlanningError) -> DistrictPlan {
        let problems = DistrictCheck.problems(district, language: language ?? district.members.first?.language ?? .bokmal)
        guard problems.isEmpty else { throw .invalidAgreement(problems) }
        var district = district
        for i in district.members.indices {
            district.members[i].schoolCalendar.importedHolidays += calendars.schoolHolidays[district.members[i].id] ?? []
        }
        let people = district.people
        var number: [String: Int] = [:]
        for (i, person) in people.enumerated() { number[person.id] = i }

        // How many weekly presence series each person holds across the district.
        var load: [Int: Int] = [:]
        for member in district.members {
            for series in member.series {
                guard case .weekly = series.rule else { continue }
                for id in series.allPeople {
                    if let n = number[district.globalID(member: member.id, person: id)] { load[n, default: 0] += 1 }
                }
            }
        }
        // People's own busy time: facts, held elsewhere, never taken out.
        let span = DayTable.span(years)
        var facts = Occupancy()
        for member in district.members {
            var index: [String: Int] = [:]
            for person in member.people { index[person.id] = number[district.globalID(member: member.id, person: person.id)] }
            facts.merge(Occupancy.busyTime(calendars.busy[member.id] ?? [], personIndex: index, base: span.base, count: span.count))
        }
        facts.travel = district.travel

        // The planning jobs: joint meetings, then members, each with its place and people.
        // Each member's calendar is built once (joint meetings read every member's).
        let tableOf = district.members.map { member in
            memo?.table(member, years: years) ?? DayTable(calendar: MunicipalCalendar(agreement: member, years: years))
        }
        let calendarOf = tableOf.map(\.calendar)
        var jobs: [Job] = []
        for meeting in district.meetings {
            let host = district.memberIndex(meeting.host)!
            let agreement = MeetingAgreement.make(meeting, in: district, years: years,
                                                  language: language ?? district.members[host].language, calendars: calendarOf)
            jobs.append(Job(request: PlanRequest(agreement: agreement, years: years, language: language), place: host,
                            personIndex: number, municipality: district.name, member: nil))
            // A meeting that closes no day beyond the host's has the host's calendar facts: the memo's table serves it.
            jobs[jobs.count - 1].table = memo?.table(agreement, years: years)
                ?? DayTable(calendar: MunicipalCalendar(agreement: agreement, years: years))
        }
        for (i, member) in district.members.enumerated() {
            var local: [String: Int] = [:]
            for person in member.people { local[person.id] = number[district.globalID(member: member.id, person: person.id)] }
            jobs.append(Job(request: PlanRequest(agreement: member, years: years, language: language), place: i,
                            personIndex: local, municipality: member.municipality, member: member))
            jobs[jobs.count - 1].table = tableOf[i]
        }

        var occupancy = facts
        // Presence first: every member's all-day weekly presence is laid
        // before anyone's meetings, so that one member's meeting never takes
        // the only day a shared contact had left for another member's
        // presence. Each member's full plan then replaces its own presence.
        var presence: [Range<Int>?] = Array(repeating: nil, count: jobs.count)
        for (j, job) in jobs.enumerated() {
            guard var only = job.presenceOnly else { continue }
            // Only its days are kept (the member's full plan replaces them): no bound needed.
            do {
                try only.prepare(memo: memo)
                presence[j] = try only.place(around: &occupancy, load: load, facts: facts, memo: memo)
            } catch {
                throw DistrictClash.explain(error, municipality: job.municipality, member: job.member, district: district)
            }
        }
        var planned: [Plan] = []
        var owners: [Range<Int>] = []
        for j in jobs.indices {
            if let own = presence[j] { occupancy.remove(owners: own) }
            let job = jobs[j]
            do {
                // Prepared once: every re-plan below reuses it.
                try jobs[j].prepare(memo: memo)
                let job = jobs[j]
                let (plan, range) = try job.plan(around: &occupancy, load: load, facts: facts, memo: memo)!
                planned.append(plan)
                owners.append(range)
            } catch { throw DistrictClash.explain(error, municipality: job.municipality, member: job.member, district: district) }
        }
        // Only jobs that share someone with another job can gain from re-planning.
        let sharing = jobs.count > 1 && !district.sharedPeople.isEmpty || !district.meetings.isEmpty
        // A job's plan depends only on what is placed for its own people: a
        // re-plan is tried only when a job sharing someone with it has
        // changed since its last try (else it would find the same plan
        // again). `step` numbers the plans made; the first pass made 0..<n.
        let peopleOf = jobs.map(\.people)
        let touches = peopleOf.map { a in peopleOf.map { !a.isDisjoint(with: $0) } }
        var changedAt = Array(jobs.indices), triedAt = Array(jobs.indices)
        var step = jobs.count
        for _ in 0..<(sharing ? rounds : 0) {
            var changed = false
            for (j, job) in jobs.enumerated() where planned[j].cost.total > planned[j].cost.lowerBound {
                guard jobs.indices.contains(where: { $0 != j && touches[j][$0] && changedAt[$0] > triedAt[j] }) else { continue }
                triedAt[j] = step
                step += 1
                var others = occupancy
                others.remove(owners: owners[j])
                // Same job, same facts: the bound of the first pass holds; only a cheaper plan is built.
                guard let (plan, range) = try? job.plan(around: &others, load: load, facts: facts, memo: memo,
                                                        knownBound: planned[j].cost.lowerBound, mustBeat: planned[j].cost.total),
                      plan.cost.total < planned[j].cost.total else { continue }
                occupancy = others
                planned[j] = plan
                owners[j] = range
                changedAt[j] = triedAt[j]
                changed = true
            }
            if !changed { break }
        }
        let meetingPlans = Array(planned[..<district.meetings.count])
        var plans = Array(planned[district.meetings.count...])
        for i in plans.indices {
            for (meeting, meetingPlan) in zip(district.meetings, meetingPlans) where meeting.members.contains(plans[i].agreement.id) {
                MeetingAgreement.merge(meetingPlan, of: meeting, into: &plans[i], district: district)
            }
        }
        return DistrictPlan(district: district, years: years, plans: plans, meetingPlans: meetingPlans)
    }

    /// One agreement of the district to plan (a member, or a joint meeting's own agreement).
    struct Job {
        var request: PlanRequest
        let place: Int
        let personIndex: [String: Int]
        let municipality: String
        let member: Agreement?
        /// The agreement's calendar as the solver reads it, built once for every re-plan.
        var table: DayTable?
        /// The agreement checked and its units' solvers, built once for every re-plan (`prepare`).
        var prepared: Planner.Prepared?

        mutating func prepare(memo: PlanningMemo?) throws(PlanningError) {
            prepared = try Planner.prepare(request, personIndex: personIndex, table: table, memo: memo)
        }

        /// Everyone the job's series involve (occupancy person numbers).
        var people: Set<Int> {
            Set(request.agreement.series.flatMap(\.allPeople).compactMap { personIndex[$0] })
        }

        /// The same job with only its all-day weekly series (presence days); nil when it has none or nothing else.
        var presenceOnly: Job? {
            let series = request.agreement.series.filter { series in
                if case .weekly = series.rule { return series.allDay }
                return false
            }
            guard !series.isEmpty, series.count < request.agreement.series.count else { return nil }
            var job = self
            job.prepared = nil
            job.request.agreement.series = series
            job.request.agreement.quarterlyDeadlines = []
            return job
        }

        /// Places the job's items around `occupancy` without building a plan; returns their owners.
        func place(around occupancy: inout Occupancy, load: [Int: Int], facts: Occupancy,
                   memo: PlanningMemo?) throws(PlanningError) -> Range<Int> {
            occupancy.place = place
            let first = occupancy.nextOwner
            var facts = facts
            facts.place = place
            _ = try Planner.plan(request, personIndex: personIndex, occupancy: &occupancy, table: table,
                                 weeklyLoad: load, facts: facts, knownBound: 0, build: false, memo: memo, prepared: prepared)
            return first..<max(first, occupancy.nextOwner)
        }

        /// Plans the job around `occupancy`, adds its items, and returns the plan and the owners of its items.
        func plan(around occupancy: inout Occupancy, load: [Int: Int], facts: Occupancy, memo: PlanningMemo?,
                  knownBound: Int? = nil, mustBeat: Int? = nil) throws(PlanningError) -> (Plan, Range<Int>)? {
            occupancy.place = place
            let first = occupancy.nextOwner
            var facts = facts
            facts.place = place
            guard let plan = try Planner.plan(request, personIndex: personIndex, occupancy: &occupancy, table: table,
                                              weeklyLoad: load, facts: facts, knownBound: knownBound, mustBeat: mustBeat,
                                              memo: memo, prepared: prepared)
            else { return nil }
            return (plan, first..<max(first, occupancy.nextOwner))
        }
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
            let also = serving.map { shared -> (Person, String) in
                let places = shared.appearances.compactMap { a in district.members.first { $0.id == a.member }?.municipality }
                // As a Person, to be named in each language (an English role under English).
                let person = Person(id: shared.id, name: shared.name, role: shared.role, roleEnglish: shared.roleEnglish)
                return (person, places.joined(separator: ", "))
            }
            func add(_ text: String, _ language: PlanLanguage) -> String {
                let extra = also.map { person, places -> String in
                    let name = person.name(language)
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
