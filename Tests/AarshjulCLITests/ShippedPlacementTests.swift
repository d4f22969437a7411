import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import Foundation
import Testing

/// The placement bar of issue 9 on every shipped agreement for 2027–2030,
/// checked on the .ics read back and with the agreement's own words and
/// the school calendar (not the solver's tables): no stated time ignored,
/// no school-attended meeting in a school holiday, every school event with a
/// place, year-end items at the year's end, a meeting after each municipal
/// election for its revision item, no quarterly deadline slipped late.
@Suite struct ShippedPlacementTests {
    static let years = 2027...2030

    @Test(arguments: ShippedAgreementsRoundTripTests.municipalities)
    func theParsedFeedKeepsEveryPlacementRule(name: String) throws {
        let agreement = try AgreementFile.load(path: CLI.packageRoot.appendingPathComponent("calendars/\(name).yaml").path)
        let plan = try Planner.plan(PlanRequest(agreement: agreement, years: Self.years))
        let files = try ICalExporter.files(for: plan, options: ICalExportOptions(language: plan.language))
        let whole = try #require(files.first { $0.name == "\(name)-2027-2030.ics" })
        let parsed = try ICalImporter.parse(whole.contents, fileName: whole.name)
        let school = SchoolCalendar(county: agreement.county, settings: agreement.schoolCalendar)
        func inSchoolHoliday(_ date: CivilDate) -> Bool {
            (date.year - 1...date.year).flatMap { school.breaks(touching: $0) }.contains { $0.range.contains(date) }
                || agreement.schoolCalendar.extraClosedDays.contains { $0.range.contains(date) }
        }
        var ignoredTimes: [String] = [], inHolidays: [String] = []
        for event in parsed.events {
            let series = try #require(agreement.series.first { $0.id == event.seriesID }, "\(event.uid)")
            if let stated = series.statedTime {
                let start = try #require(event.startTime), end = try #require(event.endTime)
                if !stated.allows(start: start, end: end) { ignoredTimes.append("\(event.uid) \(start)") }
            }
            var schoolAttended = series.schoolTermOnly || SchoolAttendance.namesSchools(series.guests)
            if case .schoolWindow = series.rule { schoolAttended = true }
            if schoolAttended && inSchoolHoliday(event.start) { inHolidays.append("\(event.uid) \(event.start.iso)") }
        }
        #expect(ignoredTimes.isEmpty, "stated times ignored: \(ignoredTimes)")
        #expect(inHolidays.isEmpty, "school-attended meetings in school holidays: \(inHolidays)")

        // Every school event says where it is.
        for event in plan.events {
            let series = try #require(agreement.series.first { $0.id == event.seriesID })
            if case .schoolWindow = series.rule { #expect(event.location?.isEmpty == false, "\(event.uid) has no place") }
            if series.schoolTermOnly && series.venue == nil { #expect(event.location?.isEmpty == false, "\(event.uid) has no place") }
        }

        // Year-end items at the year's end; a meeting after every municipal election.
        for series in agreement.series where !series.positionalAgenda.isEmpty {
            let mine = parsed.events.filter { $0.seriesID == series.id }
            for year in Self.years {
                let last = try #require(mine.filter { $0.start.year == year }.map(\.start).max())
                if series.positionalAgenda.contains(where: { $0.position == .lastOfYear }) {
                    #expect([11, 12].contains(last.month), "\(series.id) \(year): last meeting \(last.iso)")
                }
                if series.positionalAgenda.contains(where: { $0.position == .firstAfterMunicipalElection }),
                   let election = Elections.election(in: year), election.kind == .municipal {
                    #expect(last > election.date, "\(series.id): no meeting after the election \(election.date.iso)")
                    let carrying = plan.events.filter { $0.seriesID == series.id && $0.date > election.date }.min { $0.date < $1.date }
                    let item = series.positionalAgenda.first { $0.position == .firstAfterMunicipalElection }!.item
                    #expect(carrying?.agenda.contains(item) == true)
                }
            }
        }

        // Quarterly deadlines on a working day, never after their day unless the agreement says so.
        let todos = parsed.todos.map { AuditDeadline(uid: $0.uid, due: $0.due) }
        #expect(PlacementAudit.deadlineViolations(todos, agreement: agreement, years: Self.years).isEmpty)
    }

    @Test func checkWarnsWhenAStatedTimeCannotBeMetAndPlanSaysNoPlan() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("kveld.yaml")
        try """
        id: kveld
        municipality: Kveld
        county: akershus
        people: [{id: pk, role: Politikontakt}]
        venues: [{id: radhus, name: Rådhuset, office_hours: {mon-fri: "08:00-15:30"}}]
        series:
          - {id: mote, title: Foreldremøte, rule: {per_year: 2}, venue: radhus, time: "18:00", duration: 1h, attendees: [pk]}
        """.write(to: file, atomically: true, encoding: .utf8)
        // check gives plan's verdict (no plan possible: 2), and says first which stated time is the cause.
        let check = try CLI.run(["check", file.path])
        #expect(check.status == 2)
        #expect(check.stdout.contains("advarsel") && check.stdout.contains("18:00"), "\(check.stdout)")
        let plan = try CLI.run(["plan", file.path, "--year", "2027", "--out", dir.appendingPathComponent("out").path])
        #expect(plan.status == 2, "\(plan.stdout)\(plan.stderr)")
    }

    @Test func oyersSecondQuarterReportIsDueBeforeFellesferie() throws {
        let agreement = try AgreementFile.load(path: CLI.packageRoot.appendingPathComponent("calendars/oyer.yaml").path)
        let plan = try Planner.plan(PlanRequest(agreement: agreement, years: 2027...2027))
        let q2 = try #require(plan.deadlines.first { $0.uid == "oyer-kvartalsrapport-2027-q2@aarshjul" })
        #expect(q2.due == CivilDate(year: 2027, month: 7, day: 9)!)
    }

    @Test func stjordalsTwoCouncilsEndTheYearInNovemberOrDecember() throws {
        let agreement = try AgreementFile.load(path: CLI.packageRoot.appendingPathComponent("calendars/stjordal.yaml").path)
        for year in Self.years {
            let plan = try Planner.plan(PlanRequest(agreement: agreement, years: year...year))
            let councils = plan.events(inSeries: "politirad")
            #expect(councils.count == 2)
            #expect([11, 12].contains(councils[1].date.month), "\(councils[1].date.iso)")
        }
    }
}
