import Testing
@testable import AarshjulCore

/// Hand-built agreements for the solver, rule and audit tests.
enum Fixture {
    static func t(_ h: Int, _ m: Int = 0) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }
    static func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }

    static let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    static func venue(_ id: String, _ days: [Weekday] = weekdays, from: TimeOfDay = t(8), to: TimeOfDay = t(15, 30)) -> Venue {
        Venue(id: id, name: "Lokale \(id)", address: "Storgata 1", officeHours: Dictionary(uniqueKeysWithValues: days.map { ($0, TimeSpan(from, to)) }))
    }

    static let people = [
        Person(id: "mayor", name: "Ordførar", role: "ordførar"),
        Person(id: "slt", name: "SLT-koordinator", role: "slt"),
        Person(id: "pk", name: "Politikontakt", role: "politikontakt"),
        Person(id: "bup", name: "BUP", role: "bup"),
        Person(id: "nurse", name: "Leiande helsesjukepleiar", role: "helse"),
    ]

    static let schools = [
        School(id: "u1", name: "Øyer ungdomsskole", level: .lowerSecondary),
        School(id: "u2", name: "Tretten skule", level: .combined),
        School(id: "b1", name: "Solvang barneskole", level: .primary),
        School(id: "v1", name: "Vidaregåande", level: .upperSecondary),
    ]

    static func agreement(_ series: [MeetingSeries], venues: [Venue] = [venue("hall")], blackouts: [Blackout] = [],
                          deadlines: [QuarterlyDeadline] = []) -> Agreement {
        Agreement(id: "test", municipality: "Testvik", county: .innlandet, language: .bokmal, revised: d(2026, 11, 2),
                  people: people, venues: venues, schools: schools, series: series, quarterlyDeadlines: deadlines,
                  blackouts: blackouts)
    }

    static func series(_ id: String, _ rule: FrequencyRule, venue: String? = "hall", people: [String] = ["slt"],
                       allDay: Bool = false, minutes: Int = 120, prefs: SeriesPreferences = SeriesPreferences(),
                       notice: Int? = nil) -> MeetingSeries {
        MeetingSeries(id: id, title: "Møte \(id)", kind: .other, rule: rule, venue: venue, durationMinutes: minutes,
                      allDay: allDay, calledBy: people.first, attendees: Array(people.dropFirst()),
                      agendaNoticeDays: notice, preferences: prefs)
    }

    /// A municipality with every rule kind, modelled on the five seeds.
    static var full: Agreement {
        var council = series("politirad", .perQuarter(count: 1), people: ["slt", "mayor", "pk"],
                             prefs: SeriesPreferences(weekdays: [.tuesday], startTime: t(10)), notice: 7)
        council.title = "Politirådsmøte"
        council.titleEnglish = "Police council"
        council.chair = "mayor"
        council.secretary = "slt"
        council.agenda = ["Opning og referat"]
        council.positionalAgenda = [
            PositionalAgendaItem(position: .firstOfYear, item: "Evaluering av avtalen"),
            PositionalAgendaItem(position: .lastOfYear, item: "Effekt av tiltaka"),
            PositionalAgendaItem(position: .firstAfterMunicipalElection, item: "Revisjon etter valet"),
        ]
        var forum = series("familieforum", .monthly(skipMonths: [7]), people: ["nurse", "slt"], minutes: 90)
        forum.partialAttendance = [PartialAttendance(person: "bup", count: 4)]
        return agreement([
            council,
            series("slt", .everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: d(2026, 11, 20)), people: ["slt", "pk"], minutes: 150),
            series("presence", .weekly(weekday: .wednesday), venue: nil, people: ["pk"], allDay: true),
            forum,
            series("partners", .perYear(count: 3, atLeast: true), people: ["slt", "nurse"]),
            series("report", .yearly(window: MonthDayWindow(fromMonth: 9, fromDay: 1, toMonth: 10, toDay: 31)), people: ["pk", "mayor"], minutes: 60),
            series("grade10", .schoolWindow(.grade10(nil), perSchool: true), venue: nil, people: ["pk"], minutes: 60),
            series("russ", .schoolWindow(.russSeason(nil), perSchool: true), venue: nil, people: ["pk", "slt"], minutes: 60),
            series("start", .schoolWindow(.schoolStart(weeks: 3), perSchool: false), venue: nil, people: ["pk"], minutes: 60),
        ], venues: [venue("hall"), venue("station", [.monday, .tuesday, .thursday, .friday], from: t(8, 30), to: t(15))],
        deadlines: [
            QuarterlyDeadline(id: "activity-plan", title: "Aktivitetsplan", titleEnglish: "Activity plan", anchor: .beforeStart, days: 14, responsible: ["slt"]),
            QuarterlyDeadline(id: "report", title: "Kvartalsrapport", anchor: .afterEnd, days: 10, responsible: ["slt", "pk"]),
        ])
    }

    static func audit(_ plan: Plan, extra: [Blackout] = []) -> [Violation] {
        HardRuleAudit.violations(of: plan.events.map(AuditEvent.init(from:)), agreement: plan.agreement, years: plan.years,
                                 extraBlackouts: extra)
    }
}

@Test func fullFixturePlansFor2027WithoutViolations() throws {
    let plan = try Planner.plan(PlanRequest(agreement: Fixture.full, years: 2027...2027))
    let violations = Fixture.audit(plan)
    #expect(violations.isEmpty, "\(violations.map { $0.explanation.english })")
    #expect(plan.cost.lowerBound <= plan.cost.total)
    // Every rule kind is present and planned.
    #expect(plan.events(inSeries: "politirad").count == 4)
    #expect(plan.events(inSeries: "familieforum").count == 11)
    #expect(plan.events(inSeries: "grade10").map(\.schoolID) .sorted { ($0 ?? "") < ($1 ?? "") } == ["u1", "u2"])
    #expect(plan.events(inSeries: "russ").map(\.schoolID) == ["v1"])
}
