@testable import AarshjulCore
import Testing

/// The spreadsheet rows, CSV and print layout made from a plan.
@Suite struct ExportTests {
    static let stamp = UTCTimestamp(date: CivilDate(year: 2026, month: 12, day: 1)!)

    static func plan(extraMarchMeetings: Int = 0) -> Plan {
        let agreement = Agreement(
            id: "prove", municipality: "Prøve", county: .oslo,
            people: [Person(id: "ordforer", name: "Ordfører", role: "Ordfører, Prøve kommune"),
                     Person(id: "kari", name: "Kari Nordmann", role: "SLT-koordinator")],
            series: [
                MeetingSeries(id: "rad", title: "Politirådsmøte", titleEnglish: "Police council", kind: .policeCouncil,
                              rule: .perQuarter(count: 1), calledBy: "ordforer", attendees: ["ordforer", "kari"]),
                MeetingSeries(id: "slt", title: "SLT-møte, \"styringsgruppe\"", kind: .sltMeeting, rule: .perYear(count: 2, atLeast: false)),
            ])
        let time = TimeSpan(TimeOfDay(hour: 9, minute: 0)!, TimeOfDay(hour: 11, minute: 0)!)
        var events = [
            PlannedEvent(uid: "rad-1", seriesID: "rad", occurrence: 1, title: "Politirådsmøte",
                         date: CivilDate(year: 2027, month: 3, day: 10)!, time: time, location: "Rådhuset, Storgata 1",
                         organizer: "ordforer", attendees: ["ordforer", "kari"],
                         agenda: ["Statistikk, kvartal 4", "Eventuelt"], stamp: stamp),
            PlannedEvent(uid: "slt-1", seriesID: "slt", occurrence: 1, title: "SLT-møte, \"styringsgruppe\"",
                         date: CivilDate(year: 2027, month: 5, day: 4)!, time: time, stamp: stamp),
        ]
        for i in 0..<extraMarchMeetings {
            events.append(PlannedEvent(uid: "x-\(i)", seriesID: "slt", occurrence: 2 + i, title: "SLT-møte med en lang tittel som må brytes over flere linjer",
                                       date: CivilDate(year: 2027, month: 3, day: 1 + i % 28)!, time: time, agenda: ["Sak \(i)"], stamp: stamp))
        }
        let deadlines = [
            PlannedDeadline(uid: "d-1", sourceID: "rad", title: "Sakliste sendes ut", due: CivilDate(year: 2027, month: 3, day: 3)!,
                            relatedEventUID: "rad-1", responsible: ["kari"], stamp: stamp),
            PlannedDeadline(uid: "d-2", sourceID: "rapport", title: "Kvartalsrapport", due: CivilDate(year: 2027, month: 4, day: 15)!,
                            responsible: ["kari"], stamp: stamp),
        ]
        return Plan(agreement: agreement, years: 2027...2027, language: .bokmal, events: events.sorted(by: PlannedEvent.planOrder), deadlines: deadlines)
    }

    @Test func oneRowPerEventWithEveryColumn() {
        let rows = PlanRows.rows(for: Self.plan(), language: .bokmal)
        #expect(rows.count == 2)
        let cells = PlanRows.cells(rows[0])
        #expect(cells.count == PlanRows.headings(.bokmal).count)
        #expect(cells == ["2027-03-10", "onsdag", "09:00", "11:00", "Politirådsmøte", "Politirådsmøte (1/1)", "Rådhuset, Storgata 1",
                          "Ordfører, Prøve kommune", "Ordfører, Prøve kommune\nKari Nordmann (SLT-koordinator)",
                          "Statistikk, kvartal 4\nEventuelt", "Sakliste sendes ut: 03.03.2027"])
        #expect(PlanRows.rows(for: Self.plan(), language: .english)[0].series == "Police council")
    }

    @Test func cancelledEventsAreNotRows() {
        var plan = Self.plan()
        plan.events[1].cancelled = true
        #expect(PlanRows.rows(for: plan, language: .bokmal).map(\.event.uid) == ["rad-1"])
    }

    @Test func csvQuotesAfterRFC4180() {
        let csv = CSVTable.csv(for: Self.plan(), language: .bokmal)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "Dato,Ukedag,Start,Slutt,Møteserie,Tittel,Sted,Innkaller,Deltakere,Sakliste,Frister")
        // A comma and a line break quote the field; a quote inside is doubled.
        #expect(csv.contains(",\"Rådhuset, Storgata 1\","))
        #expect(csv.contains("\"Statistikk, kvartal 4\r\nEventuelt\""))
        #expect(csv.contains(",\"SLT-møte, \"\"styringsgruppe\"\"\","))
        #expect(csv.hasSuffix("\r\n"))
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line break is CRLF")
        #expect(CSVTable.field("plain") == "plain")
    }

    /// Widths as a monospaced font would give them: enough to test wrapping and page breaks.
    static let mono: TextWidth = { text, size, _ in Double(text.count) * size * 0.6 }

    static func texts(_ page: PrintPage) -> [String] {
        page.items.compactMap { if case .text(let t) = $0 { return t.text } else { return nil } }
    }

    @Test func printedPlanHasTheWheelFirstAndEveryEventAndDeadline() {
        let doc = PlanPrintLayout(plan: Self.plan(), language: .bokmal, measure: Self.mono).document()
        #expect(doc.pages.count == 2)
        #expect(doc.pages[0].items.contains { if case .svg = $0 { return true } else { return false } })
        let rest = doc.pages.dropFirst().flatMap(Self.texts)
        #expect(rest.contains("Mars 2027") && rest.contains("Mai 2027") && rest.contains("April 2027"))
        #expect(rest.contains("ons 10.03.") && rest.contains("Politirådsmøte (1/1)") && rest.contains("Kvartalsrapport"))
        #expect(rest.contains { $0.contains("Sakliste sendes ut: 03.03.2027") })
        #expect(Self.texts(doc.pages[1]).contains("Side 2 av 2"))
    }

    @Test func everyLineFitsTheColumn() {
        let layout = PlanPrintLayout(plan: Self.plan(extraMarchMeetings: 3), language: .bokmal, measure: Self.mono)
        for page in layout.document().pages {
            for case .text(let t) in page.items {
                #expect(t.x + Self.mono(t.text, t.size, t.bold) <= PlanPrintLayout.pageWidth - PlanPrintLayout.margin + 0.01, "\(t.text)")
            }
        }
    }

    @Test func aMonthThatFitsIsNotSplitAndALongMonthGoesOnUnderItsHeading() {
        // March fills most of a page; the short months after it come on the next page with their heading.
        func pagesWith(_ text: String, _ doc: PrintDocument) -> [Int] {
            doc.pages.indices.filter { Self.texts(doc.pages[$0]).contains { $0.hasPrefix(text) } }
        }
        let doc = PlanPrintLayout(plan: Self.plan(extraMarchMeetings: 60), language: .bokmal, measure: Self.mono).document()
        let march = pagesWith("Mars 2027", doc)
        #expect(march.count >= 2, "60 meetings do not fit one page")
        #expect(Self.texts(doc.pages[march[1]]).contains("Mars 2027 (forts.)"))
        let may = pagesWith("Mai 2027", doc)
        #expect(may.count == 1)
        // May's heading and its meeting are on the same page.
        #expect(Self.texts(doc.pages[may[0]]).contains("tir 04.05."))
    }

    @Test func aLegendLongerThanPageOneGoesOnOverleaf() {
        var plan = Self.plan()
        let time = TimeSpan(TimeOfDay(hour: 9, minute: 0)!, TimeOfDay(hour: 10, minute: 0)!)
        for i in 0..<40 {
            plan.agreement.series.append(MeetingSeries(id: "s\(i)", title: "Serie nummer \(i)", kind: .other, rule: .perYear(count: 1, atLeast: false)))
            plan.events.append(PlannedEvent(uid: "s\(i)-1", seriesID: "s\(i)", occurrence: 1, title: "Serie nummer \(i)",
                                            date: CivilDate(year: 2027, month: 9, day: 1 + i % 28)!, time: time, stamp: Self.stamp))
        }
        plan.events.sort(by: PlannedEvent.planOrder)
        let doc = PlanPrintLayout(plan: plan, language: .bokmal, measure: Self.mono).document()
        let first = Set(Self.texts(doc.pages[0])), second = Set(Self.texts(doc.pages[1]))
        for i in 0..<40 {
            #expect(first.contains("Serie nummer \(i)") || second.contains("Serie nummer \(i)"), "series \(i) is missing from the legend")
        }
        #expect(!first.contains("Serie nummer 39"), "40 series do not all fit under the wheel")
    }

    @Test func eachYearOfASpanStartsWithItsWheel() {
        var plan = Self.plan()
        plan.years = 2027...2028
        var next = plan.events[0]
        next.uid = "rad-2028"
        next.date = CivilDate(year: 2028, month: 3, day: 8)!
        plan.events.append(next)
        let doc = PlanPrintLayout(plan: plan, language: .bokmal, measure: Self.mono).document()
        let wheels = doc.pages.indices.filter { i in doc.pages[i].items.contains { if case .svg(let d, _, _, _, let w) = $0 { return w > 100 && d.contains("Årshjul") } else { return false } } }
        #expect(wheels.count == 2)
        #expect(Self.texts(doc.pages[wheels[1]]).contains("Prøve – møteplan 2028"))
        #expect(doc.pages[(wheels[1] + 1)...].flatMap(Self.texts).contains("Mars 2028"))
        #expect(!doc.pages[..<wheels[1]].flatMap(Self.texts).contains("Mars 2028"))
    }

    @Test func sameInputSameLayout() {
        let a = PlanPrintLayout(plan: Self.plan(extraMarchMeetings: 5), language: .nynorsk, measure: Self.mono).document()
        let b = PlanPrintLayout(plan: Self.plan(extraMarchMeetings: 5), language: .nynorsk, measure: Self.mono).document()
        #expect(a == b)
    }

    @Test func wrapKeepsWordsAndBreaksOverlongOnes() {
        let lines = TextWrap.lines("en to tre fire", width: 7 * 6, size: 10, bold: false, measure: Self.mono)
        #expect(lines == ["en to", "tre", "fire"])
        let long = TextWrap.lines("abcdefghijkl", width: 5 * 6, size: 10, bold: false, measure: Self.mono)
        #expect(long == ["abcde", "fghij", "kl"])
    }
}
