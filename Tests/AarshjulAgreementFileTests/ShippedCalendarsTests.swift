import AarshjulAgreementFile
import AarshjulCore
import Testing

/// The package's `calendars/` folder, found from this file's path.
func calendarsFolder(_ file: String = #filePath) -> String {
    var parts = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    while !parts.isEmpty {
        parts.removeLast()
        let dir = parts.joined(separator: "/")
        if (try? String(contentsOfFile: dir + "/Package.swift", encoding: .utf8)) != nil { return dir + "/calendars" }
    }
    fatalError("no Package.swift above \(file)")
}

func shipped(_ name: String) throws -> Agreement {
    try AgreementFile.load(path: calendarsFolder() + "/\(name).yaml")
}

func series(_ a: Agreement, _ id: String) throws -> MeetingSeries {
    try #require(a.series.first { $0.id == id }, "no series \(id) in \(a.id)")
}

@Suite struct ShippedCalendars {
    @Test(arguments: ["luster", "flakstad", "stjordal", "lillestrom", "oyer"])
    func loadsWithTitlesAndKnownReferences(name: String) throws {
        let a = try shipped(name)
        #expect(a.id == name)
        #expect(a.revised == CivilDate(year: 2026, month: 1, day: 15))
        #expect(!a.series.isEmpty)
        let people = Set(a.people.map(\.id)), venues = Set(a.venues.map(\.id))
        for s in a.series {
            #expect(s.titleEnglish?.isEmpty == false, "\(s.id) has no English title")
            for p in s.allPeople { #expect(people.contains(p), "\(s.id) names unknown \(p)") }
            if let v = s.venue { #expect(venues.contains(v)) }
            if case .monthly(let skip) = s.rule { #expect(skip == [7], "\(s.id) should skip July") }
        }
    }

    @Test func lusterIsNynorskWithQuarterlyCouncilAndFamilieforum() throws {
        let a = try shipped("luster")
        #expect(a.language == .nynorsk)
        #expect(a.county == .vestland)
        #expect(a.schoolCalendar.winterBreakWeek == 8)
        let politirad = try series(a, "politirad")
        #expect(politirad.rule == .perQuarter(count: 1))
        #expect(politirad.chair == "ordforar")
        #expect(politirad.agenda.count == 7)
        #expect(politirad.agenda.first == "Opning og gjennomgang av referat v/ordførar")
        let forum = try series(a, "familieforum")
        #expect(forum.rule == .monthly(skipMonths: [7]))
        #expect(forum.partialAttendance == [PartialAttendance(person: "bup", count: 4)])
        #expect(forum.calledBy == "helsesjukepleiar")
        let office = try #require(a.venue("sogndal_lensmannskontor"))
        #expect(office.officeHours[.thursday]?.description == "09:00–15:00")
        #expect(office.officeHours[.friday]?.description == "09:00–14:00")
        #expect(office.officeHours[.saturday] == nil)
        #expect(a.venue("namsmannen")?.officeHours[.friday] == nil)
        #expect(a.person("lensmann")?.municipalities == ["luster", "sogndal"])
        #expect(try series(a, "skulebesok_10").rule == .schoolWindow(.grade10(nil), perSchool: false))
    }

    @Test func flakstadAtLeastTwoCouncilsAndSLTPartnersThreeTimes() throws {
        let a = try shipped("flakstad")
        #expect(a.county == .nordland)
        #expect(try series(a, "politirad").rule == .perYear(count: 2, atLeast: true))
        #expect(try series(a, "politirad").secretary == "slt_vestvagoy")
        #expect(a.person("slt_vestvagoy")?.municipalities == ["vestvagoy", "flakstad"])
        #expect(try series(a, "slt_samarbeid").rule == .perYear(count: 3, atLeast: false))
        let day = try series(a, "politikontakt_dag")
        #expect(day.rule == .weekly(weekday: nil))
        #expect(day.allDay)
        let hours = try #require(a.venue("vest_lofoten_lensmannskontor")).officeHours
        #expect(hours.count == 5)
        #expect(hours[.monday]?.description == "09:00–14:30")
    }

    @Test func stjordalTwiceYearlyWithNoticeAndEvaluationItems() throws {
        let a = try shipped("stjordal")
        #expect(a.county == .trondelag)
        let politirad = try series(a, "politirad")
        #expect(politirad.rule == .perYear(count: 2, atLeast: false))
        #expect(politirad.agendaNoticeDays == 7)
        #expect(politirad.secretary == "slt_koordinator")
        #expect(politirad.allPeople.count == 8)
        #expect(politirad.positionalAgenda.contains { $0.position == .firstOfYear && $0.item.contains("Evaluering og revidering") })
        #expect(politirad.positionalAgenda.contains { $0.position == .lastOfYear })
        #expect(try series(a, "politirad_vaernes").rule == .yearly(window: nil))
        let hours = try #require(a.venue("stjordal_lensmannskontor")).officeHours
        #expect(hours[.tuesday]?.description == "09:00–17:00")
        #expect(hours[.wednesday]?.description == "09:00–15:00")
    }

    @Test func lillestromSLTEverySixToEightWeeksAndCouncilPositions() throws {
        let a = try shipped("lillestrom")
        #expect(a.county == .akershus)
        #expect(try series(a, "slt_mote").rule == .everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: nil))
        let politirad = try series(a, "politirad")
        #expect(politirad.rule == .perYear(count: 4, atLeast: false))
        #expect(politirad.calledBy == "slt_koordinator")
        #expect(Set(politirad.positionalAgenda.map(\.position)) == [.lastOfYear, .firstAfterMunicipalElection])
        #expect(try series(a, "politikontakt_slt").rule == .weekly(weekday: nil))
        #expect(try series(a, "samarbeidsmote_out_bv").rule == .monthly(skipMonths: [7]))
        #expect(try series(a, "foreldremote_skolestart").rule == .schoolWindow(.schoolStart(weeks: 4), perSchool: false))
        #expect(try series(a, "russen").rule == .schoolWindow(.russSeason(nil), perSchool: false))
        #expect(try series(a, "besok_7_trinn").rule == .schoolWindow(.grade7(nil), perSchool: false))
        #expect(try series(a, "foreldremote_skolestart").preferences.startTime?.description == "18:00")
    }

    @Test func oyerWeeklyPresenceAndQuarterlyDeadlines() throws {
        let a = try shipped("oyer")
        #expect(a.county == .innlandet)
        let day = try series(a, "politikontakt_dag")
        #expect(day.rule == .weekly(weekday: nil))
        #expect(day.allDay)
        #expect(a.person("politikontakt")?.municipalities == ["oyer", "gausdal"])
        #expect(a.quarterlyDeadlines.map(\.anchor) == [.beforeStart, .afterEnd])
        #expect(a.quarterlyDeadlines.first?.responsible == ["slt_koordinator", "politikontakt"])
        #expect(try series(a, "orientering_kommunestyret").kind == .report)
        #expect(try series(a, "slt_gruppe").rule == .monthly(skipMonths: [7]))
        let hours = try #require(a.venue("lillehammer_politistasjon")).officeHours
        #expect(hours[.wednesday]?.description == "08:30–18:00")
        #expect(hours[.friday]?.description == "08:30–15:00")
    }
}
