import AarshjulCore
import AarshjulICal
import Testing

private func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }
private func time(_ h: Int, _ m: Int) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }

/// Real-world calendar shapes imported as busy time and fed to a repair.
@Suite struct BusyImportTests {
    static let year2027 = DateRange(date(2027, 1, 1), date(2027, 12, 31))
    static let stamp = UTCTimestamp(date: date(2027, 2, 1), time: time(10, 0))

    /// One two-hour meeting with the mayor inside `window` (default office hours, 09:00 preferred).
    static func agreement(_ window: MonthDayWindow) -> Agreement {
        Agreement(id: "busy", municipality: "Testvik", county: .oslo, revised: date(2026, 12, 1),
                  people: [Person(id: "mayor", name: "Kari Nordmann", role: "ordfører")],
                  series: [MeetingSeries(id: "rad", title: "Politirådsmøte", kind: .policeCouncil, rule: .yearly(window: window),
                                         durationMinutes: 120, calledBy: "mayor")])
    }

    static func repair(_ agreement: Agreement, busy: [BusyInterval]) throws -> (before: PlannedEvent, result: RescheduleResult) {
        let plan = try Planner.plan(PlanRequest(agreement: agreement, years: 2027...2027))
        let previous = plan.events.map {
            PreviousEvent(uid: $0.uid, seriesID: $0.seriesID, title: $0.title, date: $0.date, time: $0.time,
                          sequence: $0.sequence, stamp: $0.stamp)
        }
        let result = try Rescheduler.reschedule(RescheduleRequest(agreement: agreement, years: 2027...2027, previous: previous,
                                                                  busy: busy, stamp: stamp))
        return (plan.events[0], result)
    }

    @Test func googleWeeklyMeetingWithExdateAndOverrideBecomesBusyTime() throws {
        let (busy, findings) = try BusyCalendar.intervals(try fixture("google.ics"), fileName: "google.ics", person: "mayor",
                                                          horizon: Self.year2027)
        #expect(findings.count == 2)  // Google's empty DESCRIPTION and LOCATION, reported
        let leader = busy.filter { $0.summary.hasPrefix("Ledermøte") }
        #expect(leader.contains { $0.date == date(2027, 3, 8) && $0.time == TimeSpan(time(9, 0), time(9, 30)) })
        #expect(!leader.contains { $0.date == date(2027, 3, 15) })  // EXDATE
        #expect(leader.contains { $0.date == date(2027, 4, 6) && $0.time?.start == time(14, 0) })  // override
        #expect(!leader.contains { $0.date == date(2027, 4, 5) })
        // The all-day summer holiday is a run of whole busy days, DTEND exclusive.
        let summer = busy.filter { $0.summary == "Sommerferie" }
        #expect(summer.first?.date == date(2027, 7, 5) && summer.last?.date == date(2027, 7, 23) && summer.allSatisfy { $0.time == nil })
    }

    @Test func busyMorningMovesTheMeetingTheLeast() throws {
        let (busy, _) = try BusyCalendar.intervals(try fixture("google.ics"), fileName: "google.ics", person: "mayor",
                                                   horizon: Self.year2027)
        let (before, result) = try Self.repair(Self.agreement(MonthDayWindow(fromMonth: 3, fromDay: 8, toMonth: 3, toDay: 12)), busy: busy)
        #expect(before.date == date(2027, 3, 8) && before.time?.start == time(9, 0))
        let after = result.plan.events[0]
        // Same day, after the 09:00–09:30 leader meeting: no day shifted.
        #expect(after.date == date(2027, 3, 8) && after.time!.start >= time(9, 30))
        #expect(after.uid == before.uid && after.sequence == before.sequence + 1 && after.stamp == Self.stamp)
        #expect(result.changes(.moved).first?.reason == .busy(name: LocalizedText(nb: "Kari Nordmann", en: "Kari Nordmann"), what: "Ledermøte"))
        #expect(ChangeList.render(result, language: .bokmal).contains("Politirådsmøte 08.03. 09:00 → 08.03. "))
    }

    @Test func timedEventsShownAsFreeAreNotBusyButAllDayOnesAre() throws {
        // "Show as free" on a timed event is deliberate; on all-day events it is
        // the clients' default (a holiday away is TRANSPARENT too), so those count.
        let text = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
            "BEGIN:VEVENT", "UID:lunch@google.com", "DTSTAMP:20261201T000000Z", "DTSTART:20270310T110000Z",
            "DTEND:20270310T120000Z", "SUMMARY:Lunsj (ledig)", "TRANSP:TRANSPARENT", "END:VEVENT",
            "BEGIN:VEVENT", "UID:meeting@google.com", "DTSTAMP:20261201T000000Z", "DTSTART:20270310T130000Z",
            "DTEND:20270310T140000Z", "SUMMARY:Møte", "TRANSP:OPAQUE", "END:VEVENT",
            "BEGIN:VEVENT", "UID:away@google.com", "DTSTAMP:20261201T000000Z", "DTSTART;VALUE=DATE:20270311",
            "DTEND;VALUE=DATE:20270312", "SUMMARY:Fri", "TRANSP:TRANSPARENT", "END:VEVENT",
            "END:VCALENDAR", "",
        ].joined(separator: "\r\n")
        let (intervals, findings) = try BusyCalendar.intervals(text, fileName: "mayor.ics", person: "mayor", horizon: Self.year2027)
        #expect(findings.isEmpty)
        #expect(intervals.map(\.summary) == ["Møte", "Fri"])
        #expect(intervals.first?.time == TimeSpan(time(14, 0), time(15, 0)))
        #expect(intervals.last?.time == nil)
    }

    @Test func outlookAllDayCourseBlocksTheDay() throws {
        let (busy, findings) = try BusyCalendar.intervals(try fixture("outlook.ics"), fileName: "outlook.ics", person: "mayor",
                                                          horizon: Self.year2027)
        #expect(findings.isEmpty)
        #expect(busy.contains { $0.date == date(2027, 10, 14) && $0.time == nil && $0.summary == "Kurs hos Statsforvalteren" })
        // Tverrfaglig team every other Tuesday 08:30 in Windows-zone time.
        #expect(busy.contains { $0.date == date(2027, 11, 2) && $0.time == TimeSpan(time(8, 30), time(9, 0)) })
        let (before, result) = try Self.repair(Self.agreement(MonthDayWindow(fromMonth: 10, fromDay: 14, toMonth: 10, toDay: 20)), busy: busy)
        #expect(before.date == date(2027, 10, 14))
        #expect(result.plan.events[0].date == date(2027, 10, 15))
        #expect(result.changes(.moved).first?.reason == .busy(name: LocalizedText(nb: "Kari Nordmann", en: "Kari Nordmann"), what: "Kurs hos Statsforvalteren"))
    }

    @Test func brokenFilesNameFileAndLineAndFindingsComeBack() throws {
        do {
            _ = try BusyCalendar.intervals(try fixture("broken.ics"), fileName: "broken.ics", person: "mayor", horizon: Self.year2027)
            Issue.record("a broken file was read")
        } catch {
            #expect((error as? ICalError)?.message(.english) == "broken.ics:10:1: BEGIN:VEVENT is never closed; expected END:VEVENT before END:VCALENDAR on line 19")
            #expect((error as? ICalError)?.message(.bokmal) == "broken.ics:10:1: BEGIN:VEVENT blir aldri lukket; forventet END:VEVENT før END:VCALENDAR på linje 19")
        }
        let (_, findings) = try BusyCalendar.intervals(try fixture("lic-errors.ics"), fileName: "lic-errors.ics", person: "mayor",
                                                       horizon: Self.year2027)
        #expect(findings.map(\.line) == [15, 16])
        #expect(throws: ICalError.self) {
            try BusyCalendar.schoolHolidays("not a calendar", fileName: "skolerute.ics", horizon: Self.year2027)
        }
    }

    @Test func skoleruteHolidaysComeBackAsRanges() throws {
        let text = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Skole//NO\r
            BEGIN:VEVENT\r
            UID:vinter@skole\r
            DTSTAMP:20260601T000000Z\r
            DTSTART;VALUE=DATE:20270215\r
            DTEND;VALUE=DATE:20270220\r
            SUMMARY:Vinterferie\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let (holidays, findings) = try BusyCalendar.schoolHolidays(text, fileName: "skolerute.ics", horizon: Self.year2027)
        #expect(findings.isEmpty)
        #expect(holidays == [Blackout(range: DateRange(date(2027, 2, 15), date(2027, 2, 19)), reason: "Vinterferie")])
    }

    /// Reading a file as busy time reports what `parse` reports for it, each
    /// problem once: the busy reader reads every event a single time and
    /// takes its findings from that reading. Made-up file: an event without
    /// DTSTART in each of two calendars, a deadline without one (not a
    /// meeting left out), an unknown zone on DTSTART and DTEND, a property
    /// libical drops, and an override whose master repeats.
    @Test func busyTimeReportsTheFindingsParseReports() throws {
        func event(_ lines: String...) -> String { "BEGIN:VEVENT\r\n" + lines.map { $0 + "\r\n" }.joined() + "END:VEVENT\r\n" }
        let head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        let made = head
            + event("UID:uten-start", "SUMMARY:Uten start")
            + event("UID:frist", "X-AARSHJUL-DEADLINE:rad", "SUMMARY:Frist")
            + event("UID:sone", "DTSTART;TZID=Mars/Olympus:20270301T100000", "DTEND;TZID=Mars/Olympus:20270301T110000")
            + event("UID:ukentlig", "DTSTART:20270302T100000Z", "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=4", "DTSTAMP:garbage")
            + event("UID:ukentlig", "RECURRENCE-ID:20270309T100000Z", "DTSTART:20270309T120000Z", "DURATION:PT1H")
            + "END:VCALENDAR\r\n" + head
            + event("UID:også-uten-start", "SUMMARY:Heller ikke")
            + event("UID:vanlig", "DTSTART:20270401T080000Z", "DTEND:20270401T090000Z")
            + "END:VCALENDAR\r\n"
        var files = [("made.ics", made)]
        for name in ["google.ics", "outlook.ics", "lic-errors.ics"] { files.append((name, try fixture(name))) }
        for (name, text) in files {
            let parsed = try ICalImporter.parse(text, fileName: name).findings
            let busy = try BusyCalendar.intervals(text, fileName: name, person: "p", horizon: Self.year2027)
            #expect(busy.findings == parsed, "\(name)")
            let school = try BusyCalendar.schoolHolidays(text, fileName: name, horizon: Self.year2027)
            #expect(school.findings == parsed, "\(name)")
        }
        let findings = try ICalImporter.parse(made, fileName: "made.ics").findings
        // The second calendar's event is the file's sixth VEVENT, deadline counted (parse once said line 25).
        #expect(findings.filter { $0.message.hasPrefix("event without a readable DTSTART") }.map(\.line) == [4, 35])
        #expect(findings.filter { $0.message.contains("Mars/Olympus") }.count == 2)
        // The override moves the second Tuesday to 12:00; the others keep 10:00.
        let busy = try BusyCalendar.intervals(made, fileName: "made.ics", person: "p", horizon: Self.year2027).intervals
        #expect(busy.filter { $0.date.month == 3 && $0.date.day != 1 }.map { "\($0.date.day) \($0.time!.start)" }
                == ["2 11:00", "9 13:00", "16 11:00", "23 11:00"])
    }
}
