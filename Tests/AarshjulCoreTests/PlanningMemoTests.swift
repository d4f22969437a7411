@testable import AarshjulCore
import Testing

/// A memo shared by many districts changes how often a unit is solved, never a plan.
struct PlanningMemoTests {
    static let years = 2027...2028

    static func member(_ id: String, county: County = .innlandet, councils: Int = 4) -> Agreement {
        NationalPattern.agreement(id: id, municipality: id.uppercased(), county: county, policeDistrict: "Innlandet politidistrikt",
                                  councilsPerYear: councils)
    }

    /// A region of `ids` sharing one police contact (and a lensmann), as the national instance builds them.
    static func region(_ id: String, _ members: [Agreement], travel: Int) -> District {
        let ids = members.map(\.id)
        var shared: [SharedPerson] = []
        if ids.count > 1 {
            shared.append(SharedPerson(id: "\(id)-lensmann", name: "Lensmann", role: "Lensmann",
                                       appearances: ids.map { .init(member: $0, person: "lensmann") }))
            shared.append(SharedPerson(id: "\(id)-pk", name: "Politikontakt", role: "Politikontakt",
                                       appearances: ids.map { .init(member: $0, person: "politikontakt") }))
        }
        return District(id: id, name: id, members: members, sharedPeople: shared,
                        travel: TravelTable(count: members.count, uniform: travel))
    }

    /// Districts that share much and differ in one fact each: a name, the
    /// travel time, a blackout, the county, the number of councils.
    static var districts: [District] {
        var closed = member("f")
        closed.blackouts = [Blackout(range: DateRange(CivilDate(year: 2027, month: 3, day: 1)!, CivilDate(year: 2027, month: 3, day: 12)!),
                                     reason: "Kommunestyreseminar")]
        return [
            region("r1", [member("a")], travel: 0),
            region("r2", [member("b")], travel: 0),
            region("r3", [member("c"), member("d"), member("e")], travel: 30),
            region("r4", [member("c"), member("d"), member("e")], travel: 0),
            region("r5", [closed, member("d"), member("e")], travel: 30),
            region("r6", [member("g", county: .finnmark)], travel: 0),
            region("r7", [member("h", councils: 3), member("i")], travel: 20),
            region("r1", [member("a")], travel: 0),
        ]
    }

    @Test func aMemoSharedByManyDistrictsGivesExactlyThePlansOfSolvingEveryUnit() throws {
        let memo = PlanningMemo()
        for district in Self.districts {
            let remembered = try DistrictPlanner.plan(district, years: Self.years, language: nil, calendars: DistrictCalendars(),
                                                      rounds: DistrictPlanner.improvementRounds, memo: memo)
            let fresh = try DistrictPlanner.plan(district, years: Self.years, language: nil, calendars: DistrictCalendars(),
                                                 rounds: DistrictPlanner.improvementRounds, memo: nil)
            #expect(remembered == fresh, "\(district.id)")
            #expect(remembered.lowerBound == fresh.lowerBound && remembered.totalCost == fresh.totalCost)
        }
        // It was used: the second one-municipality region is the first under another name.
        let (lookups, reused) = memo.statistics
        #expect(reused > 0 && reused < lookups)
    }

    @Test func twoMunicipalitiesEqualButForTheirNamesGetTheSameDaysFromOneSolve() throws {
        let memo = PlanningMemo()
        let a = try DistrictPlanner.plan(Self.region("r1", [Self.member("a")], travel: 0), years: Self.years, memo: memo)
        let solvedFirst = memo.statistics
        let b = try DistrictPlanner.plan(Self.region("r2", [Self.member("b")], travel: 0), years: Self.years, memo: memo)
        let solvedSecond = memo.statistics
        // The second asked as often as the first, and every answer came from the memo.
        #expect(solvedSecond.lookups - solvedFirst.lookups == solvedFirst.lookups)
        #expect(solvedSecond.reused - solvedFirst.reused == solvedFirst.lookups)
        #expect(a.plans[0].events.map(\.date) == b.plans[0].events.map(\.date))
        #expect(a.plans[0].events.map(\.time) == b.plans[0].events.map(\.time))
        #expect(b.plans[0].events.allSatisfy { $0.uid.hasPrefix("b-") && $0.title != "" })
        #expect(a.plans[0].notes.count == b.plans[0].notes.count)
    }

    @Test func aUnitSeesOnlyItsOwnPeoplesItemsAndHowFarAwayTheyAre() {
        let table = DayTable(calendar: MunicipalCalendar(county: .innlandet, years: 2027...2027))
        let unit = Planner.units(Self.member("a"), years: 2027...2027, school: table.calendar.school,
                                 personIndex: ["politikontakt": 2, "slt_koordinator": 1, "ordforer": 0, "lensmann": 3])[2][0]
        let solver = SeriesSolver(candidates: Candidates(unit: unit, table: table))
        let day = table.index(CivilDate(year: 2027, month: 2, day: 3)!)
        var here = Occupancy()
        here.add(day: day, start: 600, end: 660, people: [0])  // the mayor: not at the SLT meeting
        #expect(solver.busyKey(here).isEmpty)
        here.add(day: day, start: 600, end: 660, people: [2, 1])  // contact and coordinator at one meeting: one item
        #expect(solver.busyKey(here) == [day, 600, 660, -1])
        var elsewhere = Occupancy()
        elsewhere.travel = TravelTable(count: 2, uniform: 40)
        elsewhere.place = 1
        elsewhere.add(day: day, start: 600, end: 660, people: [2])
        elsewhere.place = 0
        #expect(solver.busyKey(elsewhere) == [day, 600, 660, 40])
    }
}

/// A re-plan that must beat a cost stops as soon as it cannot, and never comes back worse.
struct EarlyStopTests {
    @Test func aPlanThatMustBeatACostIsTheSamePlanOrNone() throws {
        let request = PlanRequest(agreement: PlanningMemoTests.member("a"), years: PlanningMemoTests.years)
        let plain = try Planner.plan(request)
        let cost = plain.cost.total
        #expect(cost > 1)
        let memo = PlanningMemo()
        for mustBeat in [1, cost - 1, cost, cost + 1, cost + 50] {
            var occupancy = Occupancy()
            let found = try Planner.plan(request, personIndex: nil, occupancy: &occupancy, knownBound: plain.cost.lowerBound,
                                         mustBeat: mustBeat, memo: memo)
            if mustBeat <= cost {
                #expect(found == nil, "must beat \(mustBeat), the best costs \(cost)")
            } else {
                #expect(found == plain, "must beat \(mustBeat)")
            }
        }
    }

    @Test func itStopsBeforeSolvingWhatTheKnownOptimaAloneAlreadyRuleOut() throws {
        // Without weekly presence (a weekly unit may cost less around more: it counts 0 before it is solved).
        var agreement = PlanningMemoTests.member("a")
        agreement.series.removeAll { $0.id == "politikontakt_dag" }
        let request = PlanRequest(agreement: agreement, years: PlanningMemoTests.years)
        let memo = PlanningMemo()
        var occupancy = Occupancy()
        let first = try Planner.plan(request, personIndex: nil, occupancy: &occupancy, memo: memo)!
        #expect(first.cost.total > 0)
        let before = memo.statistics
        var again = Occupancy()
        // The units' optima with only facts placed (in the memo) add up to the cost: nothing is solved.
        #expect(try Planner.plan(request, personIndex: nil, occupancy: &again, knownBound: first.cost.lowerBound,
                                 mustBeat: first.cost.lowerBound, memo: memo) == nil)
        #expect(memo.statistics.lookups == before.lookups)
    }
}
