import AarshjulCore
import AarshjulICal
import Testing

private typealias F = PlanFixtures

private func file(_ files: [(name: String, contents: String)], _ name: String) throws -> String {
    try #require(files.first { $0.name == name }?.contents)
}

private func lines(_ text: String) -> [Substring] {
    text.split(separator: "\r\n", omittingEmptySubsequences: true)
}

@Suite struct ExportTests {
    let confidential = ICalExportOptions(language: .bokmal)

    @Test func fileNamesPerMunicipalitySeriesAndQuarterlyDeadline() throws {
        let names = try ICalExporter.files(for: F.plan(), options: confidential).map(\.name)
        #expect(names == ["lillestrom-2027.ics", "lillestrom-aktivitetsplan-2027.ics",
                          "lillestrom-politikontakt-2027.ics", "lillestrom-politirad-2027.ics"])
        let multiYear = try ICalExporter.files(for: F.plan(years: 2027...2030), options: confidential).map(\.name)
        #expect(multiYear.contains("lillestrom-politirad-2027-2030.ics"))
        #expect(multiYear.contains("lillestrom-2027-2030.ics"))
    }

    @Test func roundTripKeepsUIDsDatesTimesAndDueDates() throws {
        let files = try ICalExporter.files(for: F.plan(), options: confidential)
        let back = try ICalImporter.parse(try file(files, "lillestrom-2027.ics"), fileName: "lillestrom-2027.ics")
        #expect(back.findings.isEmpty)
        #expect(back.name == "Lillestrøm: Årshjul 2027")
        #expect(back.events.map(\.uid) == ["lillestrom-politirad-2027-1@aarshjul",
                                           "lillestrom-politikontakt-2027-10@aarshjul",
                                           "lillestrom-politirad-2027-2@aarshjul"])
        let winter = back.events[0]
        #expect(winter.start == F.date(2027, 2, 10))
        #expect(winter.startTime == TimeOfDay(hour: 10, minute: 0))
        #expect(winter.endTime == TimeOfDay(hour: 12, minute: 0))
        // CET: UTC+1 (TZID=Europe/Oslo, read with libical's own Europe/Oslo).
        #expect(winter.startUTC == UTCTimestamp(date: F.date(2027, 2, 10), time: TimeOfDay(hour: 9, minute: 0)!))
        #expect(winter.sequence == 2)
        #expect(winter.stamp == F.stamp)
        #expect(winter.seriesID == "politirad")
        #expect(winter.categories == ["Politirådsmøte"])
        #expect(winter.status == "CONFIRMED")
        #expect(winter.attendeeNames == ["Kari Nordmann", "Ola Politi"])  // the SLT role has no email

        let summer = back.events[2]
        #expect(summer.start == F.date(2027, 6, 9))
        #expect(summer.startTime == TimeOfDay(hour: 13, minute: 30))
        // CEST: UTC+2.
        #expect(summer.startUTC == UTCTimestamp(date: F.date(2027, 6, 9), time: TimeOfDay(hour: 11, minute: 30)!))

        let presence = back.events[1]
        #expect(presence.isAllDay)
        #expect(presence.start == F.date(2027, 3, 10) && presence.end == F.date(2027, 3, 10))
        #expect(presence.startTime == nil)

        #expect(back.todos.map(\.uid) == ["lillestrom-politirad-2027-2-agenda@aarshjul",
                                          "lillestrom-aktivitetsplan-2027-3@aarshjul"])
        #expect(back.todos[0].due == F.date(2027, 6, 2))
        #expect(back.todos[0].relatedTo == "lillestrom-politirad-2027-2@aarshjul")
        #expect(back.todos[1].due == F.date(2027, 6, 17))
        #expect(back.todos[1].seriesID == "aktivitetsplan")
    }

    @Test func writtenFormForSubscribers() throws {
        let text = try file(try ICalExporter.files(for: F.plan(), options: confidential), "lillestrom-politirad-2027.ics")
        let all = lines(text)
        #expect(!all.contains { $0.hasPrefix("METHOD") })
        for expected in ["VERSION:2.0", "PRODID:-//Aarshjul//Aarshjul 1.0//NB", "CALSCALE:GREGORIAN",
                         "NAME:Lillestrøm: Politirådsmøte 2027", "X-WR-CALNAME:Lillestrøm: Politirådsmøte 2027",
                         "X-WR-TIMEZONE:Europe/Oslo", "REFRESH-INTERVAL;VALUE=DURATION:PT12H", "X-PUBLISHED-TTL:PT12H",
                         "DTSTART;TZID=Europe/Oslo:20270210T100000", "DTEND;TZID=Europe/Oslo:20270210T120000",
                         "DTSTAMP:20261102T083015Z", "LAST-MODIFIED:20261102T083015Z", "X-AARSHJUL-SERIES:politirad",
                         // The agenda deadline: an all-day, free event on its day, naming the meeting and its date.
                         "DTSTART;VALUE=DATE:20270602", "DTEND;VALUE=DATE:20270603", "TRANSP:TRANSPARENT",
                         "SUMMARY:Frist: sakliste til Politirådsmøte 09.06.", "X-AARSHJUL-DEADLINE:politirad",
                         "RELATED-TO:lillestrom-politirad-2027-2@aarshjul",
                         "ORGANIZER;CN=Kari Nordmann:mailto:kari.nordmann@lillestrom.kommune.no"] {
            #expect(all.contains(Substring(expected)), "missing \(expected)")
        }
        #expect(!text.contains("VTODO"), "no to-dos unless asked for")
        // Only this series' deadline, not the quarterly one; only its events.
        #expect(!text.contains("aktivitetsplan"))
        #expect(!text.contains("politikontakt"))
        // CRLF everywhere, lines folded to at most 75 octets.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(all.allSatisfy { $0.utf8.count <= 75 })
    }

    /// One date style per language: the English deadline names its meeting's day as "9 Jun".
    @Test func englishDeadlineTitleHasTheEnglishDate() throws {
        let text = try file(try ICalExporter.files(for: F.plan(), options: ICalExportOptions(language: .english)),
                            "lillestrom-politirad-2027.ics")
        let summary = lines(text).first { $0.hasPrefix("SUMMARY:Deadline: agenda for ") }
        #expect(summary?.hasSuffix(" 9 Jun") == true, "\(summary.map(String.init) ?? text)")
    }

    @Test func vtimezoneIsEuropeOsloWithStandardAndDaylight() throws {
        let text = try ICalExporter.calendar(name: "T", events: F.plan().events, deadlines: [], plan: F.plan(),
                                             options: confidential)
        let all = lines(text)
        let begin = try #require(all.firstIndex(of: "BEGIN:VTIMEZONE"))
        let end = try #require(all.firstIndex(of: "END:VTIMEZONE"))
        let zone = all[begin...end]
        #expect(zone.contains("TZID:Europe/Oslo"))
        #expect(zone.contains("BEGIN:STANDARD") && zone.contains("BEGIN:DAYLIGHT"))
        #expect(zone.contains { $0.hasPrefix("RRULE:FREQ=YEARLY") })
        #expect(!text.contains("freeassociation"))
        #expect(!text.contains("TZUNTIL"))
    }

    @Test func summerTimeRightInEveryYearOfAMultiYearPlan() throws {
        var plan = F.plan(years: 2027...2030)
        plan.events.append(PlannedEvent(uid: "late@aarshjul", seriesID: "politirad", occurrence: 9, title: "Sen",
                                        date: F.date(2030, 10, 28), time: F.span(9, 0, 10, 0), stamp: F.stamp))
        plan.events.append(PlannedEvent(uid: "before@aarshjul", seriesID: "politirad", occurrence: 8, title: "Før",
                                        date: F.date(2030, 10, 25), time: F.span(9, 0, 10, 0), stamp: F.stamp))
        let text = try ICalExporter.calendar(name: "T", events: plan.events, deadlines: [], plan: plan, options: confidential)
        let back = try ICalImporter.parse(text, fileName: "t.ics")
        let byUID = Dictionary(uniqueKeysWithValues: back.events.map { ($0.uid, $0) })
        // Summer time ends on 27 October 2030.
        #expect(byUID["before@aarshjul"]?.startUTC?.time == TimeOfDay(hour: 7, minute: 0))
        #expect(byUID["late@aarshjul"]?.startUTC?.time == TimeOfDay(hour: 8, minute: 0))
    }

    @Test func allDayItemsHaveExclusiveDateEndAndAreTransparent() throws {
        let text = try file(try ICalExporter.files(for: F.plan(), options: confidential), "lillestrom-politikontakt-2027.ics")
        let all = lines(text)
        #expect(all.contains("DTSTART;VALUE=DATE:20270310"))
        #expect(all.contains("DTEND;VALUE=DATE:20270311"))
        #expect(all.contains("TRANSP:TRANSPARENT"))
    }

    @Test func samePlanGivesIdenticalBytes() throws {
        let first = try ICalExporter.files(for: F.plan(), options: confidential)
        let second = try ICalExporter.files(for: F.plan(), options: confidential)
        #expect(first.map(\.name) == second.map(\.name))
        #expect(first.map(\.contents) == second.map(\.contents))
        // Input order does not matter either.
        var shuffled = F.plan()
        shuffled.events.reverse()
        shuffled.deadlines.reverse()
        #expect(try ICalExporter.files(for: shuffled, options: confidential).map(\.contents) == first.map(\.contents))
    }

    @Test func publicFeedHasOnlyTimesTitlesAndPlaces() throws {
        let options = ICalExportOptions(language: .bokmal, confidential: false)
        let files = try ICalExporter.files(for: F.plan(), options: options)
        #expect(!files.map(\.name).contains("lillestrom-aktivitetsplan-2027.ics"))
        let text = try file(files, "lillestrom-2027.ics")
        for hidden in ["ATTENDEE", "ORGANIZER", "DESCRIPTION", "VTODO", "Sakliste", "kari.nordmann", "X-AARSHJUL-PEOPLE"] {
            #expect(!text.contains(hidden), "public feed shows \(hidden)")
        }
        let back = try ICalImporter.parse(text, fileName: "public.ics")
        #expect(back.events.count == 3)
        #expect(back.todos.isEmpty)
        #expect(text.contains("SUMMARY:Politirådsmøte"))
        #expect(text.contains("LOCATION:Lillestrøm rådhus\\, Jonas Lies gate 18"))
    }

    @Test func aPresenceDayListsActivitiesNotAnAgenda() throws {
        var plan = F.plan()
        let i = try #require(plan.events.firstIndex { $0.isAllDay })
        plan.events[i].agenda = ["Skolebesøk", "Trafikkontroll"]
        let text = try file(try ICalExporter.files(for: plan, options: confidential), "lillestrom-2027.ics")
            .replacingOccurrences(of: "\r\n ", with: "")
        #expect(text.contains("DESCRIPTION:Aktiviteter:\\n1. Skolebesøk\\n2. Trafikkontroll"))
        #expect(text.contains("DESCRIPTION:Sakliste:\\n1. Politiets lokale situasjonsbilde"), "meetings keep their agenda")
    }

    @Test func descriptionHasNumberedAgendaGuestsAndRoles() throws {
        let text = try file(try ICalExporter.files(for: F.plan(), options: confidential), "lillestrom-2027.ics")
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains(
            "DESCRIPTION:Sakliste:\\n1. Politiets lokale situasjonsbilde\\n2. Rus\\, vold\\; og ungdom\\, i sentrum\\n3. Eventuelt"))
        #expect(unfolded.contains("Også invitert:\\n- Ungdomsrådet"))
        #expect(unfolded.contains("Møteleder: Kari Nordmann (ordfører)"))
        #expect(unfolded.contains("Referent: SLT-koordinator"))
        #expect(unfolded.contains("Deltakere:\\n- "), "one attendee per line: roles contain commas")
        let nynorsk = try ICalExporter.files(for: F.plan(), options: ICalExportOptions(language: .nynorsk))
        let nn = try file(nynorsk, "lillestrom-2027.ics").replacingOccurrences(of: "\r\n ", with: "")
        #expect(nn.contains("DESCRIPTION:Sakliste:\\n1.") && nn.contains("Møteleiar: ") && nn.contains("Innkallar: "))
        let english = try ICalExporter.files(for: F.plan(), options: ICalExportOptions(language: .english))
        let en = try file(english, "lillestrom-politirad-2027.ics").replacingOccurrences(of: "\r\n ", with: "")
        #expect(en.contains("PRODID:-//Aarshjul//Aarshjul 1.0//EN"))
        #expect(en.contains("DESCRIPTION:Agenda:\\n1.") && en.contains("Chair: Kari Nordmann"))
        #expect(en.contains("X-WR-CALNAME:Lillestrøm: Police council meeting 2027"))
        #expect(en.contains("CATEGORIES:Police council meeting"))
    }

    @Test func awkwardCharactersRoundTrip() throws {
        var plan = F.plan()
        let title = "Møte, del 1; vold\nog \"rus\" \\ skole"
        plan.events[0].title = title
        plan.events[0].location = "Kantina; 2. etg, Storgata 1"
        plan.agreement.series[0].title = "Politiråd, utvida"
        let text = try ICalExporter.calendar(name: "Lillestrøm, test\nto linjer", events: plan.events,
                                             deadlines: plan.deadlines, plan: plan, options: confidential)
        let back = try ICalImporter.parse(text, fileName: "t.ics")
        #expect(back.findings.isEmpty)
        let event = try #require(back.events.first { $0.uid == plan.events[0].uid })
        #expect(event.summary == title)
        // libical cannot write a comma inside one category, so it is left out.
        #expect(event.categories == ["Politiråd utvida"])
        // X- values are not escaped by libical: commas and line breaks are kept out.
        #expect(lines(text).contains("X-WR-CALNAME:Lillestrøm test to linjer"))
        #expect(back.name == "Lillestrøm test to linjer")
        #expect(text.contains("NAME:Lillestrøm\\, test\\nto linjer"))
    }

    @Test func foldingNeverSplitsALetter() throws {
        var plan = F.plan()
        plan.events[0].title = String(repeating: "Møte om trygghet på Strømmen, Skårer og Sørumsand – ", count: 4) + "slutt"
        let text = try ICalExporter.calendar(name: "T", events: plan.events, deadlines: [], plan: plan, options: confidential)
        // Every physical line must be valid UTF-8 on its own (clients decode line by line).
        for line in Array(text.utf8).split(separator: UInt8(ascii: "\n")) {
            #expect(String(validating: line, as: UTF8.self) != nil)
        }
        let back = try ICalImporter.parse(text, fileName: "t.ics")
        #expect(back.events.first { $0.uid == plan.events[0].uid }?.summary == plan.events[0].title)
    }
}
