import AarshjulAgreementFile
import AarshjulCore
import Testing

/// A one-series agreement around `rule`, for rule tests.
func withRule(_ rule: String) throws -> FrequencyRule {
    let text = """
    id: test
    municipality: Test
    county: oslo
    series:
      - id: s
        title: S
        rule: \(rule)
    """
    return try AgreementFile.parse(text, fileName: "test.yaml").series[0].rule
}

@Suite struct FrequencyRules {
    @Test func everyForm() throws {
        #expect(try withRule("{per_quarter: 1}") == .perQuarter(count: 1))
        #expect(try withRule("{per_year: 4}") == .perYear(count: 4, atLeast: false))
        #expect(try withRule("{at_least_per_year: 2}") == .perYear(count: 2, atLeast: true))
        #expect(try withRule("{every_weeks: \"6-8\", previous_last: 2026-11-24}")
                == .everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: CivilDate(year: 2026, month: 11, day: 24)))
        #expect(try withRule("{every_weeks: 3}") == .everyWeeks(minWeeks: 3, maxWeeks: 3, previousLast: nil))
        #expect(try withRule("{weekly: wednesday}") == .weekly(weekday: .wednesday))
        #expect(try withRule("{weekly: tysdag}") == .weekly(weekday: .tuesday))
        #expect(try withRule("{weekly: any}") == .weekly(weekday: nil))
        #expect(try withRule("{monthly: true, skip_months: [7, des]}") == .monthly(skipMonths: [7, 12]))
        #expect(try withRule("{monthly: yes}") == .monthly(skipMonths: []))
        #expect(try withRule("{yearly: true}") == .yearly(window: nil))
        #expect(try withRule("{yearly: {from: \"10-01\", to: \"11-30\"}}")
                == .yearly(window: MonthDayWindow(fromMonth: 10, fromDay: 1, toMonth: 11, toDay: 30)))
        #expect(try withRule("{school_window: school_start, weeks: 3, per_school: true}")
                == .schoolWindow(.schoolStart(weeks: 3), perSchool: true))
        #expect(try withRule("{school_window: school_start}") == .schoolWindow(.schoolStart(weeks: 4), perSchool: false))
        #expect(try withRule("{school_window: grade7}") == .schoolWindow(.grade7(nil), perSchool: false))
        #expect(try withRule("{school_window: grade10, from: \"03-01\", to: \"04-30\"}")
                == .schoolWindow(.grade10(MonthDayWindow(fromMonth: 3, fromDay: 1, toMonth: 4, toDay: 30)), perSchool: false))
        #expect(try withRule("{school_window: russ_season}") == .schoolWindow(.russSeason(nil), perSchool: false))
        #expect(try withRule("{school_window: custom, name: Eksamen, from: \"05-15\", to: \"06-15\"}")
                == .schoolWindow(.custom(name: "Eksamen", MonthDayWindow(fromMonth: 5, fromDay: 15, toMonth: 6, toDay: 15)), perSchool: false))
    }
}

@Suite struct EveryKey {
    static let full = """
    # Every key the format knows, once.
    id: demo
    municipality: Demo
    police_district: Øst politidistrikt
    county: Møre og Romsdal
    language: nn
    revised: 2026-03-01
    source: "Seed 999"
    people:
      - {id: ordforer, name: Kari, role: Ordfører, email: kari@example.org, municipalities: [demo, nabo]}
      - {id: slt, role: SLT-koordinator}
      - {id: bup, role: BUP}
    venues:
      - id: radhus
        name: Rådhuset
        address: Storgata 1
        office_hours: {mon-thu: "09:00-15:00", fredag: 09.00-14.00, sat: closed}
    schools:
      - {id: nord, name: Nord skule, level: ungdomsskule}
    series:
      - id: rad
        title: Politiråd
        title_en: Police council
        kind: politirad
        rule: {per_quarter: 1}
        venue: radhus
        duration: 1h30m
        all_day: false
        called_by: slt
        chair: ordforer
        secretary: slt
        attendees: [ordforer]
        guests: [NAV]
        partial_attendance: [{who: bup, meetings: 4}]
        agenda: [Opning, Eventuelt]
        agenda_by_position:
          first_of_year: [Evaluering av avtalen]
          last_of_year: Effekt av tiltak
          first_after_municipal_election: [Revisjon]
        agenda_notice_days: 7
        school_term_only: no
        weekdays: [tue, onsdag]
        time: "13:00"
      - {id: dag, title: Dag, kind: police_contact_presence, rule: {weekly: any}, all_day: true}
    quarterly_deadlines:
      - {id: plan, title: Plan, title_en: Plan, days_before_quarter: 14, responsible: [slt]}
      - {id: rapport, title: Rapport, days_after_quarter: 10}
    school_calendar:
      winter_break_week: 8
      autumn_break_week: 41
      autumn_break_days: 3
      summer_breaks:
        2027: {from: 2027-06-19, to: 2027-08-15}
      extra_closed_days:
        - {date: 2027-05-14, reason: Planleggingsdag}
        - {from: 2027-11-01, to: 2027-11-02, reason: Kurs}
    no_meeting_periods: {christmas: false, fellesferie: true}
    blackouts:
      - {date: 2027-05-18, reason: Kommunestyremøte}
    elections:
      2027: 2027-09-13
    """

    @Test func everyFieldArrives() throws {
        let a = try AgreementFile.parse(Self.full, fileName: "demo.yaml")
        #expect(a.id == "demo" && a.municipality == "Demo" && a.policeDistrict == "Øst politidistrikt")
        #expect(a.county == .moreOgRomsdal && a.language == .nynorsk)
        #expect(a.revised == CivilDate(year: 2026, month: 3, day: 1) && a.source == "Seed 999")
        #expect(a.people[0] == Person(id: "ordforer", name: "Kari", role: "Ordfører", email: "kari@example.org", municipalities: ["demo", "nabo"]))
        #expect(a.people[1].name == "SLT-koordinator")  // name defaults to role
        let hours = a.venues[0].officeHours
        #expect(a.venues[0].location == "Rådhuset, Storgata 1")
        #expect(hours.count == 5 && hours[.friday]?.description == "09:00–14:00" && hours[.saturday] == nil)
        #expect(a.schools == [School(id: "nord", name: "Nord skule", level: .lowerSecondary)])
        let s = a.series[0]
        #expect(s.titleEnglish == "Police council" && s.kind == .policeCouncil && s.venue == "radhus")
        #expect(s.durationMinutes == 90 && !s.allDay)
        #expect(s.calledBy == "slt" && s.chair == "ordforer" && s.secretary == "slt")
        #expect(s.attendees == ["ordforer"] && s.guests == ["NAV"])
        #expect(s.partialAttendance == [PartialAttendance(person: "bup", count: 4)])
        #expect(s.agenda == ["Opning", "Eventuelt"])
        #expect(s.positionalAgenda == [
            PositionalAgendaItem(position: .firstOfYear, item: "Evaluering av avtalen"),
            PositionalAgendaItem(position: .lastOfYear, item: "Effekt av tiltak"),
            PositionalAgendaItem(position: .firstAfterMunicipalElection, item: "Revisjon"),
        ])
        #expect(s.agendaNoticeDays == 7 && !s.schoolTermOnly)
        #expect(s.preferences == SeriesPreferences(weekdays: [.tuesday, .wednesday], startTime: TimeOfDay(hour: 13, minute: 0)))
        #expect(a.series[1].allDay && a.series[1].kind == .policeContactPresence)
        #expect(a.quarterlyDeadlines[0] == QuarterlyDeadline(id: "plan", title: "Plan", titleEnglish: "Plan", anchor: .beforeStart, days: 14, responsible: ["slt"]))
        #expect(a.quarterlyDeadlines[1].anchor == .afterEnd && a.quarterlyDeadlines[1].days == 10)
        let sc = a.schoolCalendar
        #expect(sc.winterBreakWeek == 8 && sc.autumnBreakWeek == 41 && sc.autumnBreakDays == 3)
        #expect(sc.summerBreaks[2027] == DateRange(CivilDate(year: 2027, month: 6, day: 19)!, CivilDate(year: 2027, month: 8, day: 15)!))
        #expect(sc.extraClosedDays.map(\.reason) == ["Planleggingsdag", "Kurs"])
        #expect(sc.extraClosedDays[1].range.dayCount == 2)
        #expect(a.noMeetingPeriods == NoMeetingSettings(christmas: false, fellesferie: true))
        #expect(a.blackouts == [Blackout(range: DateRange(CivilDate(year: 2027, month: 5, day: 18)!, CivilDate(year: 2027, month: 5, day: 18)!), reason: "Kommunestyremøte")])
        #expect(a.electionOverrides == [2027: CivilDate(year: 2027, month: 9, day: 13)!])
    }

    @Test func defaultsWhenOptionalKeysAreLeftOut() throws {
        let a = try AgreementFile.parse("id: x\nmunicipality: X\ncounty: oslo\nseries:\n  - {id: s, title: S, rule: {per_year: 1}}\n", fileName: "x.yaml")
        #expect(a.language == .bokmal && a.policeDistrict == "" && a.revised == nil)
        #expect(a.series[0].kind == .other && a.series[0].durationMinutes == 120)
        #expect(a.noMeetingPeriods == NoMeetingSettings())
    }

    /// YAML 1.1 would read these as false, a number and a timestamp.
    @Test func scalarsAreTextNotYAMLGuesses() throws {
        let a = try AgreementFile.parse("""
        id: no
        municipality: on
        county: oslo
        series:
          - {id: s, title: 08:30, rule: {per_year: 1}, time: 08:30}
        """, fileName: "x.yaml")
        #expect(a.id == "no" && a.municipality == "on")
        #expect(a.series[0].title == "08:30" && a.series[0].preferences.startTime == TimeOfDay(hour: 8, minute: 30))
    }
}
