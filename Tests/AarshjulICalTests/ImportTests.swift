import AarshjulCore
import AarshjulICal
import Testing

private func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }
private func time(_ h: Int, _ m: Int) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }

@Suite struct ImportTests {
    @Test func googleCalendarAsWritten() throws {
        let cal = try ICalImporter.parse(try fixture("google.ics"), fileName: "google.ics")
        #expect(cal.name == "Kari Nordmann")
        // Google writes empty DESCRIPTION and LOCATION; libical drops them and says so.
        #expect(cal.findings.map(\.line) == [39, 41])
        #expect(cal.findings.allSatisfy { $0.message.hasPrefix("No value for") })
        #expect(cal.events.count == 7)  // master, two overrides, four single events; nothing expanded
        let weekly = cal.events[0]
        #expect(weekly.summary == "Ledermøte")
        #expect(weekly.start == date(2027, 3, 1) && weekly.startTime == time(9, 0) && weekly.endTime == time(9, 30))
        #expect(weekly.attendeeNames == ["Kari Nordmann", "ola.politi@example.no"])
        #expect(weekly.stamp == UTCTimestamp(date: date(2027, 2, 20), time: time(10, 15)))
        let moved = cal.events[1]
        #expect(moved.recurrenceDate == date(2027, 4, 5) && moved.recurrenceTime == time(9, 0))
        #expect(moved.start == date(2027, 4, 6) && moved.startTime == time(14, 0))
        #expect(moved.sequence == 1)

        let holiday = try #require(cal.events.first { $0.summary == "Sommerferie" })
        #expect(holiday.isAllDay && holiday.start == date(2027, 7, 5))
        #expect(holiday.end == date(2027, 7, 23))  // DTEND 24 July is exclusive

        // UTC times become Oslo wall time: +2 in summer, +1 in winter.
        let summer = try #require(cal.events.first { $0.uid == "utc-summer-1@google.com" })
        #expect(summer.start == date(2027, 6, 16) && summer.startTime == time(10, 0) && summer.endTime == time(11, 0))
        let winter = try #require(cal.events.first { $0.uid == "utc-winter-1@google.com" })
        #expect(winter.start == date(2027, 11, 3) && winter.startTime == time(13, 0))
        #expect(winter.sequence == 3)
    }

    @Test func googleWeeklyMeetingExpandedWithExdateOverrideAndCancellation() throws {
        let busy = try ICalImporter.busyOccurrences(try fixture("google.ics"), fileName: "google.ics",
                                                    horizon: DateRange(date(2027, 3, 1), date(2027, 4, 30)))
        let meetings = busy.filter { $0.uid == "7kq3n1c2u0v9lq8m3sd1fh2b4g@google.com" }
        // 15 March is an EXDATE, 5 April moved to 6 April 14:00, 12 April cancelled.
        #expect(meetings.map(\.start) == [date(2027, 3, 1), date(2027, 3, 8), date(2027, 3, 22), date(2027, 3, 29),
                                          date(2027, 4, 6), date(2027, 4, 19), date(2027, 4, 26)])
        #expect(meetings.map(\.startTime) == [time(9, 0), time(9, 0), time(9, 0), time(9, 0),
                                              time(14, 0), time(9, 0), time(9, 0)])
        // Across the change to summer time on 28 March the wall time stays, the instant moves.
        #expect(meetings[2].startUTC == UTCTimestamp(date: date(2027, 3, 22), time: time(8, 0)))
        #expect(meetings[3].startUTC == UTCTimestamp(date: date(2027, 3, 29), time: time(7, 0)))
        #expect(meetings[4].summary == "Ledermøte (flyttet etter påske)")
        // The cancelled single event is not busy time.
        #expect(!busy.contains { $0.uid == "cancelled-lunch@google.com" })
        // Events outside the horizon are left out.
        #expect(!busy.contains { $0.uid == "utc-winter-1@google.com" })
    }

    @Test func horizonCatchesMultiDayAllDayEvents() throws {
        let busy = try ICalImporter.busyOccurrences(try fixture("google.ics"), fileName: "google.ics",
                                                    horizon: DateRange(date(2027, 7, 20), date(2027, 7, 31)))
        #expect(busy.map(\.summary) == ["Sommerferie"])
        #expect(try ICalImporter.busyOccurrences(try fixture("google.ics"), fileName: "google.ics",
                                                 horizon: DateRange(date(2027, 7, 24), date(2027, 7, 31))).isEmpty)
    }

    @Test func outlookCalendarWithWindowsZoneName() throws {
        let text = try fixture("outlook.ics")
        let cal = try ICalImporter.parse(text, fileName: "outlook.ics")
        #expect(cal.name == "Kalender")
        #expect(cal.findings.isEmpty)
        let budget = try #require(cal.events.first { $0.summary == "Budsjettmøte" })
        #expect(budget.start == date(2027, 9, 21) && budget.startTime == time(10, 0))
        #expect(budget.startUTC == UTCTimestamp(date: date(2027, 9, 21), time: time(8, 0)))
        #expect(budget.uid.hasPrefix("040000008200E00074C5B7101A82E008") && budget.uid.hasSuffix("D7E8F9"))
        let course = try #require(cal.events.first { $0.summary == "Kurs hos Statsforvalteren" })
        #expect(course.isAllDay && course.start == date(2027, 10, 14) && course.end == date(2027, 10, 14))

        let busy = try ICalImporter.busyOccurrences(text, fileName: "outlook.ics",
                                                    horizon: DateRange(date(2027, 10, 1), date(2027, 12, 31)))
        let team = busy.filter { $0.summary == "Tverrfaglig team" }
        // Every other Tuesday, four times; 2 November is after the end of summer time.
        #expect(team.map(\.start) == [date(2027, 10, 19), date(2027, 11, 2), date(2027, 11, 16), date(2027, 11, 30)])
        #expect(team.allSatisfy { $0.startTime == time(8, 30) && $0.endTime == time(9, 0) })
        #expect(team[0].startUTC?.time == time(6, 30) && team[1].startUTC?.time == time(7, 30))
    }

    @Test func brokenFileNamesFileAndLine() throws {
        do {
            _ = try ICalImporter.parse(try fixture("broken.ics"), fileName: "broken.ics")
            Issue.record("a broken file was read")
        } catch {
            #expect((error as? ICalError)?.message(.english) == "broken.ics:10:1: BEGIN:VEVENT is never closed; expected END:VEVENT before END:VCALENDAR on line 19")
            #expect((error as? ICalError)?.message(.nynorsk) == "broken.ics:10:1: BEGIN:VEVENT vert aldri lukka; venta END:VEVENT før END:VCALENDAR på line 19")
        }
        do {
            _ = try ICalImporter.parse("Hei!\nDette er ingen kalender.\n", fileName: "notat.txt")
            Issue.record("a text file was read as a calendar")
        } catch {
            guard case let .malformed(file, line, _, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(file == "notat.txt" && line == 1)
            #expect(error.description.hasPrefix("notat.txt:1:1: this is not an iCalendar file; expected BEGIN:VCALENDAR"))
        }
        #expect(throws: ICalError.self) {
            try ICalImporter.parse("BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n", fileName: "lone.ics")
        }
        #expect(throws: ICalError.self) { try ICalImporter.parse("", fileName: "empty.ics") }
    }

    @Test func libicalFindingsAreSurfacedWithLines() throws {
        let cal = try ICalImporter.parse(try fixture("lic-errors.ics"), fileName: "lic-errors.ics")
        #expect(cal.events.map(\.uid) == ["good@example.no", "sloppy@example.no"])
        #expect(cal.findings.count == 2)
        #expect(cal.findings[0].description.hasPrefix("lic-errors.ics:15:1: (VEVENT) Can't parse as DATE-TIME"))
        #expect(cal.findings.allSatisfy { $0.file == "lic-errors.ics" && $0.component == "VEVENT" })
        #expect(cal.findings.map(\.line) == [15, 16])
        #expect(cal.findings[0].message.contains("DTEND"))
        #expect(cal.findings[1].message.contains("RRULE"))
        // The event is still read, without what libical dropped.
        let sloppy = cal.events[1]
        #expect(sloppy.start == date(2027, 3, 2) && sloppy.startTime == time(10, 0))
    }

    @Test func eventWithoutStartIsReportedNotDropped() throws {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270101T100000Z\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Uten start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let cal = try ICalImporter.parse(text, fileName: "x.ics")
        #expect(cal.events.map(\.uid) == ["a"])
        #expect(cal.findings.map(\.line) == [7])
    }
}
