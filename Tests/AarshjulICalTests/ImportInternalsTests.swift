import AarshjulCore
@testable import AarshjulICal
import CLibical
import Testing

/// The parts of calendar import that were rewritten for speed, held to what
/// they did before: the same lines, the same findings, the same zone verdicts.
@Suite struct ImportInternalsTests {
    /// Lines as splitting the String at "\r\n" and "\n" gives them (what SourceLines did before it read bytes).
    static func characterLines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\r\n" || $0 == "\n" }
    }

    @Test(arguments: [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
        "BEGIN:VCALENDAR\nX-A:b\r\n\r\nSUMMARY:lone \r in a line\r\r\nEND:VCALENDAR",
        "\n\n\r\n",
        "",
        "SUMMARY:Møte på Rådhuset 🗓️ med æøå\r\nDESCRIPTION:e\u{301}\r\n\u{301}after a break\nend",
    ])
    func linesAreTheLinesOfTheText(text: String) {
        let source = SourceLines(text)
        let expected = Self.characterLines(text)
        #expect(source.lineCount == expected.count)
        for (index, line) in expected.enumerated() { #expect(source.line(index) == line, "line \(index + 1)") }
    }

    @Test func beginAndEndMarkersInAnyCaseWithTrailingBlanks() {
        let text = "begin:vcalendar\r\nBEGIN:VEVENT \t\r\nBegin:\r\nBEGINX:VEVENT\r\nend:vevent\r\nEND:VCALENDAR\r\n"
        let source = SourceLines(text)
        #expect(source.components.map(\.kind) == ["VCALENDAR", "VEVENT"])
        #expect(source.components.map(\.begin) == [1, 2])
        #expect(source.components.map(\.end) == [6, 5])
        #expect(source.imbalance == nil)
        #expect(source.line(startingWithProperty: "beginx", from: 1) == 4)
        #expect(source.line(startingWithProperty: "END", from: 3, to: 6) == 5)
        #expect(source.column(of: "vevent", line: 5) == 5)
    }

    @Test func aNonAsciiComponentNameIsUpperCasedAsText() {
        let source = SourceLines("BEGIN:VCALENDAR\r\nBEGIN:vævent\r\nEND:VÆVENT\r\nEND:VCALENDAR\r\n")
        #expect(source.components.map(\.kind) == ["VCALENDAR", "VÆVENT"])
        #expect(source.imbalance == nil)
    }

    /// Thousands of broken properties in one VCALENDAR: the listed ones are
    /// located, the rest counted in one line, and the whole stays quick.
    @Test func manyLibicalNotesAreCountedNotAllSearched() throws {
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        for i in 0..<20_000 { text += "DTSTAMP:garbage\(i)\r\n" }
        text += "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let started = ContinuousClock.now
        // The 3 s computing budget is not what this test is about, and a full
        // parallel run once starved this debug-build parse past it.
        var limits = ImportLimits.standard
        limits.seconds = 60
        let cal = try ICalImporter.parse(text, fileName: "noisy.ics", limits: limits)
        #expect(cal.events.map(\.uid) == ["a"])
        #expect(cal.findings.count == ICalFinding.listed + 1)
        #expect(cal.findings.first?.line == 4)
        #expect(cal.findings[ICalFinding.listed - 1].line == 3 + ICalFinding.listed)
        #expect(cal.findings.last?.message.contains("19980 more") == true, "\(cal.findings.last!.message)")
        // A hang guard for the debug build, not a speed claim (the quadratic search took minutes).
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    /// A yearly zone rule is judged by its parts without walking it, and the
    /// bound is never below what walking it counts.
    @Test(arguments: [
        ("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "19810329T020000", true),
        ("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20281029T010000Z", "16010101T030000", true),
        ("FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYDAY=SU", "19700101T000000", true),
        ("FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", "21000101T000000", false),
        ("FREQ=YEARLY;BYMONTHDAY=1,15", "20000101T000000", true),
        ("FREQ=YEARLY;COUNT=3;BYDAY=MO", "20000101T000000", true),
        ("FREQ=YEARLY;BYHOUR=1,2", "20000101T000000", false),
        ("FREQ=DAILY", "20270101T000000", false),
    ])
    func yearlyZoneRulesAreBoundedByTheirParts(rule: String, start: String, boundedUnderLimit: Bool) throws {
        _ = try LibicalRuntime.shared()
        let recurrence = icalrecurrencetype_from_string(rule)
        let dtstart = icaltime_from_string(start)
        let bound = RecurrenceRule.yearlyBound(recurrence, from: dtstart, until: ZoneRuleCheck.lastYear)
        let walked = RecurrenceRule.countSteps(recurrence, from: dtstart, until: ZoneRuleCheck.lastYear, limit: 100_000)
        if let bound { #expect(bound >= walked, "\(rule): bound \(bound) < \(walked) steps") }
        #expect((bound.map { $0 <= ImportLimits.standard.maxZoneChanges } ?? false) == boundedUnderLimit, "\(rule): \(String(describing: bound))")
    }

    /// TZID=Europe/Oslo is Europe/Oslo, whatever the file's copy of the zone
    /// says (as Google, Outlook and python icalendar read it); other names
    /// still use the file's VTIMEZONE.
    @Test func europeOsloIsReadAsEuropeOsloWhateverTheFileDefines() throws {
        func calendar(_ tzid: String) -> String {
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
                + "BEGIN:VTIMEZONE\r\nTZID:\(tzid)\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
                + "TZOFFSETFROM:+0500\r\nTZOFFSETTO:+0500\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
                + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=\(tzid):20270210T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        }
        let oslo = try #require(try ICalImporter.parse(calendar("Europe/Oslo"), fileName: "o.ics").events.first)
        #expect(oslo.start == CivilDate(year: 2027, month: 2, day: 10) && oslo.startTime == TimeOfDay(hour: 10, minute: 0))
        #expect(oslo.startUTC == UTCTimestamp(date: CivilDate(year: 2027, month: 2, day: 10)!, time: TimeOfDay(hour: 9, minute: 0)!))
        let own = try #require(try ICalImporter.parse(calendar("Karachi-ish"), fileName: "k.ics").events.first)
        // 10:00 at +05:00 is 05:00 UTC, 06:00 in Oslo in February.
        #expect(own.startTime == TimeOfDay(hour: 6, minute: 0))
        #expect(own.startUTC == UTCTimestamp(date: CivilDate(year: 2027, month: 2, day: 10)!, time: TimeOfDay(hour: 5, minute: 0)!))
    }
}

/// Busy intervals with whole days skipped in runs give exactly what the
/// day-by-day walk gave: the same intervals, in the same order.
@Suite struct WholeDayRunsTests {
    /// The day-by-day walk BusyCalendar did before (a Set of whole days).
    static func dayByDay(_ occurrences: [ImportedEvent], person: String, horizon: DateRange) -> [BusyInterval] {
        var out: [BusyInterval] = []
        var wholeDays = Set<CivilDate>()
        for event in occurrences where event.isAllDay || !event.transparent {
            guard let days = event.dates.clamped(to: horizon) else { continue }
            guard !event.isAllDay, let startTime = event.startTime else {
                for day in days where wholeDays.insert(day).inserted {
                    out.append(BusyInterval(personID: person, date: day, time: nil, summary: event.summary))
                }
                continue
            }
            let start = startTime.minutes, end = event.endTime?.minutes ?? start
            for day in days where !wholeDays.contains(day) {
                let from = day == event.start ? start : 0
                let to = day == event.end ? end : 24 * 60
                guard from < to else { continue }
                if from == 0 && to == 24 * 60 { wholeDays.insert(day) }
                out.append(BusyInterval(personID: person, date: day,
                                        time: TimeSpan(TimeOfDay(minutes: from), TimeOfDay(minutes: to)), summary: event.summary))
            }
        }
        return out
    }

    @Test func theSameIntervalsAsTheDayByDayWalk() throws {
        func event(_ uid: String, _ start: String, _ end: String, _ extra: String = "") -> String {
            "BEGIN:VEVENT\r\nUID:\(uid)\r\nDTSTAMP:20270101T000000Z\r\nDTSTART\(start)\r\nDTEND\(end)\r\n\(extra)SUMMARY:\(uid)\r\nEND:VEVENT\r\n"
        }
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
            + event("centuries", ":16010101T080000Z", ":20270301T090000Z", "RRULE:FREQ=WEEKLY;COUNT=3\r\n")
            + event("week", ";TZID=Europe/Oslo:20270310T140000", ";TZID=Europe/Oslo:20270317T100000")
            + event("midnight", ";TZID=Europe/Oslo:20270320T000000", ";TZID=Europe/Oslo:20270322T000000")
            + event("overnight", ";TZID=Europe/Oslo:20270323T220000", ";TZID=Europe/Oslo:20270324T060000")
            + event("holiday", ";VALUE=DATE:20270312", ";VALUE=DATE:20270420")
            + event("free", ";TZID=Europe/Oslo:20270401T090000", ";TZID=Europe/Oslo:20270405T090000", "TRANSP:TRANSPARENT\r\n")
            + event("late", ";TZID=Europe/Oslo:20271230T120000", ";TZID=Europe/Oslo:20280110T120000")
            + event("daily", ";TZID=Europe/Oslo:20270601T230000", ";TZID=Europe/Oslo:20270603T010000", "RRULE:FREQ=DAILY;COUNT=40\r\n")
            + "END:VCALENDAR\r\n"
        let horizon = DateRange(CivilDate(year: 2027, month: 1, day: 1)!, CivilDate(year: 2027, month: 12, day: 31)!)
        let occurrences = try ICalImporter.busyOccurrences(text, fileName: "t.ics", horizon: horizon)
        #expect(occurrences.count > 40)
        let expected = Self.dayByDay(occurrences, person: "p", horizon: horizon)
        let (intervals, _) = try BusyCalendar.intervals(text, fileName: "t.ics", person: "p", horizon: horizon)
        #expect(intervals.count == expected.count)
        #expect(intervals == expected)
        #expect(expected.contains { $0.time == nil } && expected.contains { $0.time?.start.minutes == 0 && $0.time?.end.minutes == 1440 })
    }
}
