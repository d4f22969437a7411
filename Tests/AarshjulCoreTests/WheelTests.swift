@testable import AarshjulCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Parses SVG text with a real XML parser and keeps every element with its
/// attributes and direct text, so tests check the document, not substrings.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""
        var parentName: String?
    }

    private(set) var elements: [Element] = []
    private var stack: [Int] = []
    private(set) var error: Error?

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, parentName: stack.last.map { elements[$0].name }))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = stack.last { elements[i].text += string }
    }

    func all(_ name: String, class cls: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (cls == nil || $0.attributes["class"] == cls) }
    }
}

@Suite struct WheelTests {
    static let stamp = UTCTimestamp(date: CivilDate(year: 2025, month: 1, day: 10)!)

    static func plan() -> Plan {
        let agreement = Agreement(
            id: "lillestrom", municipality: "Lillestrøm & Skedsmo", county: .akershus,
            series: [
                MeetingSeries(id: "politirad", title: "Politiråd", titleEnglish: "Police council", kind: .policeCouncil,
                              rule: .perYear(count: 2, atLeast: false)),
                MeetingSeries(id: "slt", title: "SLT <koordinering>", kind: .sltMeeting, rule: .perYear(count: 3, atLeast: false)),
                MeetingSeries(id: "tom", title: "Serie uten møter i år", kind: .sltMeeting, rule: .perYear(count: 1, atLeast: false)),
            ])
        func event(_ series: String, _ n: Int, _ m: Int, _ d: Int, year: Int = 2025) -> PlannedEvent {
            PlannedEvent(uid: "lillestrom-\(series)-\(year)-\(n)@aarshjul", seriesID: series, occurrence: n, title: "Møte \"\(series)\" nr. \(n)",
                         date: CivilDate(year: year, month: m, day: d)!,
                         time: TimeSpan(TimeOfDay(hour: 9, minute: 0)!, TimeOfDay(hour: 11, minute: 0)!), stamp: stamp)
        }
        return Plan(agreement: agreement, years: 2025...2025, language: .bokmal, events: [
            event("politirad", 1, 1, 1), event("slt", 1, 2, 12), event("slt", 2, 7, 1),
            event("politirad", 2, 10, 15), event("slt", 3, 12, 31),
            event("slt", 1, 3, 3, year: 2026),  // outside the drawn year
        ])
    }

    /// The centre of a mark drawn as `<g transform="translate(x y)">`.
    static func position(_ mark: SVGDocument.Element) -> (x: Double, y: Double)? {
        guard let t = mark.attributes["transform"], t.hasPrefix("translate("), t.hasSuffix(")") else { return nil }
        let parts = t.dropFirst(10).dropLast().split(separator: " ").compactMap { Double($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    func angle(of mark: SVGDocument.Element) throws -> Double {
        let p = try #require(Self.position(mark))
        let x = p.x - 380, y = p.y - 380
        let degrees = atan2(x, -y) * 180 / Double.pi
        return degrees < 0 ? degrees + 360 : degrees
    }

    @Test func isWellFormedStandaloneSVG() throws {
        let doc = SVGDocument(AnnualWheel.svg(for: Self.plan(), language: .bokmal))
        #expect(doc.error == nil)
        let root = try #require(doc.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["viewBox"] == "0 0 1120 760")
        // Several wheels share an index page: the labelling id names municipality and year.
        let labelled = try #require(root.attributes["aria-labelledby"])
        #expect(labelled.hasSuffix("-2025") && labelled.contains("lillestrom"))
        #expect(doc.elements.contains { $0.name == "title" && $0.attributes["id"] == labelled })
    }

    @Test func oneMarkPerEventOfTheYearAtItsDateAngle() throws {
        let plan = Self.plan()
        let doc = SVGDocument(AnnualWheel.svg(for: plan, language: .bokmal))
        let marks = doc.all("g", class: "event")
        let expected = plan.events.filter { $0.date.year == 2025 }
        #expect(marks.count == expected.count)
        #expect(Set(marks.compactMap { $0.attributes["data-uid"] }) == Set(expected.map(\.uid)))
        // 1 July 2025 is day 182 of 365: its middle is 181.5/365 of a turn, just short of 6 o'clock.
        let july = try #require(marks.first { $0.attributes["data-date"] == "2025-07-01" })
        #expect(abs(try angle(of: july) - 181.5 / 365 * 360) < 0.05)
        let newYear = try #require(marks.first { $0.attributes["data-date"] == "2025-01-01" })
        #expect(abs(try angle(of: newYear) - 0.5 / 365 * 360) < 0.05)
        let october = try #require(marks.first { $0.attributes["data-date"] == "2025-10-15" })
        #expect(abs(try angle(of: october) - 287.5 / 365 * 360) < 0.05)
    }

    @Test func eachSeriesHasItsOwnTrackAndColour() throws {
        let doc = SVGDocument(AnnualWheel.svg(for: Self.plan(), language: .bokmal))
        let marks = doc.all("g", class: "event")
        func radius(_ m: SVGDocument.Element) -> Double {
            let p = Self.position(m)!
            let x = p.x - 380, y = p.y - 380
            return (x * x + y * y).squareRoot()
        }
        let council = marks.filter { $0.attributes["data-uid"]!.contains("politirad") }
        let slt = marks.filter { $0.attributes["data-uid"]!.contains("-slt-") }
        #expect(Set(council.map { Int(radius($0).rounded()) }).count == 1)
        #expect(Set(slt.map { Int(radius($0).rounded()) }).count == 1)
        #expect(abs(radius(council[0]) - radius(slt[0])) > 10)
        let tracks = doc.all("g", class: "track")
        #expect(tracks.count == 2)
    }

    @Test func colourIsTheSeriesKindsInEveryMunicipality() {
        let a = WheelTracks.tracks(plan: Self.plan(), language: .bokmal, year: 2025)
        #expect(a.map(\.colour) == [SeriesStyle.colour(.policeCouncil), SeriesStyle.colour(.sltMeeting)])
        #expect(SeriesStyle.colour(.policeCouncil) == "#0072B2")
        // Another municipality listing SLT first: the politiråd keeps its blue.
        var other = Self.plan()
        other.agreement.id = "annen"
        other.agreement.series.reverse()
        let b = WheelTracks.tracks(plan: other, language: .bokmal, year: 2025)
        #expect(b.first { $0.seriesID == "politirad" }?.colour == "#0072B2")
        #expect(b.first { $0.seriesID == "slt" }?.colour == SeriesStyle.colour(.sltMeeting))
        // Every kind has its own colour, and none is the yellow that vanishes on paper.
        let colours = SeriesKind.allCases.map { SeriesStyle.colour($0) }
        #expect(Set(colours).count == SeriesKind.allCases.count)
        #expect(!colours.contains("#F0E442"))
    }

    @Test func twoSeriesOfOneKindDifferInShape() {
        var plan = Self.plan()
        plan.agreement.series[0].kind = .sltMeeting
        let tracks = WheelTracks.tracks(plan: plan, language: .bokmal, year: 2025)
        #expect(tracks[0].colour == tracks[1].colour)
        #expect(tracks[0].shape != tracks[1].shape)
        let doc = SVGDocument(AnnualWheel.svg(for: plan, language: .bokmal))
        #expect(doc.all("g", class: "track").map { $0.attributes["data-shape"] } == ["circle", "square"])
    }

    @Test func marksShowTheDayOfTheMonth() {
        let doc = SVGDocument(AnnualWheel.svg(for: Self.plan(), language: .bokmal))
        #expect(doc.all("text", class: "event-day").map(\.text) == ["1", "15", "12", "1", "31"])
    }

    @Test func weekNumbersRoundTheYear() {
        let doc = SVGDocument(AnnualWheel.svg(for: Self.plan(), language: .bokmal))
        let numbers = doc.all("text", class: "week-number").map(\.text)
        #expect(numbers.count == 52)  // one per Monday of 2025
        // 2025 starts on a Wednesday: its first Monday (6 January) opens week 2; 29 December opens week 1 of 2026.
        #expect(numbers.first == "2")
        #expect(numbers.last == "1")
    }

    @Test func deadlinesAreDrawnUnlessLeftOut() {
        var plan = Self.plan()
        plan.deadlines = [PlannedDeadline(uid: "d1", sourceID: "politirad", title: "Sakliste sendes ut",
                                          due: CivilDate(year: 2025, month: 3, day: 3)!, stamp: Self.stamp)]
        let drawn = SVGDocument(AnnualWheel.svg(for: plan, language: .bokmal))
        #expect(drawn.all("g", class: "deadline").map { $0.attributes["data-date"] } == ["2025-03-03"])
        #expect(drawn.all("text").contains { $0.text == "Frister" })
        let left = SVGDocument(AnnualWheel.svg(for: plan, language: .bokmal, options: WheelOptions(deadlines: false)))
        #expect(left.all("g", class: "deadline").isEmpty)
        #expect(!AnnualWheel.svg(for: plan, language: .bokmal, options: WheelOptions(deadlines: false)).contains("Sakliste"))
    }

    @Test func todayIsMarkedOnlyInItsOwnYear() throws {
        let today = CivilDate(year: 2025, month: 7, day: 1)!
        let doc = SVGDocument(AnnualWheel.svg(for: Self.plan(), language: .bokmal, options: WheelOptions(today: today)))
        let mark = try #require(doc.all("g", class: "today").first)
        #expect(mark.attributes["data-date"] == "2025-07-01")
        // Walk the clock over New Year: 31 Dec marks 2025, 1 Jan 2026 marks nothing on the 2025 wheel.
        let eve = SVGDocument(AnnualWheel.svg(for: Self.plan(), language: .bokmal, options: WheelOptions(today: CivilDate(year: 2025, month: 12, day: 31)!)))
        #expect(eve.all("g", class: "today").count == 1)
        let next = SVGDocument(AnnualWheel.svg(for: Self.plan(), language: .bokmal, options: WheelOptions(today: CivilDate(year: 2026, month: 1, day: 1)!)))
        #expect(next.all("g", class: "today").isEmpty)
        #expect(SVGDocument(AnnualWheel.svg(for: Self.plan(), language: .bokmal)).all("g", class: "today").isEmpty)
    }

    @Test func longSeriesNamesAreWrappedNotCut() {
        var plan = Self.plan()
        let long = "Samarbeidsmøte mellom SLT-koordinator, politikontakt og oppfølgingstjenesten i videregående skole"
        plan.agreement.series[1].title = long
        let doc = SVGDocument(AnnualWheel.svg(for: plan, language: .bokmal))
        let lines = doc.all("text", class: "legend-title").map(\.text)
        #expect(lines.filter { !$0.isEmpty }.joined(separator: " ").contains(long))
        #expect(!lines.contains { $0.contains("…") })
        #expect(lines.allSatisfy { Double($0.count) * 14 * 0.58 <= 1100 - 794 })
        // Legend lines never share a baseline and run down the page in order.
        let ys = doc.all("text").filter { $0.attributes["class"] == "legend-title" || $0.attributes["class"] == "legend-dates" }
            .compactMap { Double($0.attributes["y"] ?? "") }
        #expect(ys.count >= 4 && zip(ys, ys.dropFirst()).allSatisfy { $0 + 12 <= $1 })
    }

    @Test func legendListsEachSeriesWithEscapedTitles() throws {
        let svg = AnnualWheel.svg(for: Self.plan(), language: .bokmal)
        #expect(svg.contains("SLT &lt;koordinering&gt;"))
        let doc = SVGDocument(svg)
        let titles = doc.all("text", class: "legend-title").map(\.text)
        let dates = doc.all("text", class: "legend-dates").map(\.text)
        #expect(titles == ["Politiråd", "SLT <koordinering>"], "a series with no meetings that year gets no track")
        #expect(dates == ["2 møter: 01.01. 15.10.", "3 møter: 12.02. 01.07. 31.12."])
        #expect(doc.all("text", class: "centre-municipality").first?.text == "Lillestrøm & Skedsmo")
        #expect(doc.all("text", class: "centre-year").first?.text == "2025")
        let english = SVGDocument(AnnualWheel.svg(for: Self.plan(), language: .english))
        #expect(english.all("text", class: "legend-title").first?.text == "Police council")
        #expect(english.all("text", class: "legend-dates").first?.text == "2 meetings: 1 Jan, 15 Oct")
    }

    @Test func monthsWeeksAndClosedPeriods() throws {
        let doc = SVGDocument(AnnualWheel.svg(for: Self.plan(), language: .bokmal))
        #expect(doc.all("text", class: "month-label").map(\.text) == (1...12).map { Words.monthName($0, .bokmal) })
        #expect(doc.all("line", class: "week-tick").count == 52)  // Mondays in 2025
        let closed = doc.all("title").filter { $0.parentName == "path" }.map(\.text)
        #expect(closed.contains { $0.hasPrefix("2025-05-17:") }, "Constitution Day shaded")
        #expect(closed.contains { $0.hasPrefix("2025-07-07–2025-08-03:") }, "fellesferie, ISO weeks 28–31, shaded as one period")
        #expect(closed.contains { $0.hasPrefix("2025-12-24–2025-12-31:") }, "Christmas period shaded")
        #expect(!doc.all("path", class: "school-holiday").isEmpty)
    }

    @Test func sameplanGivesSameBytes() {
        #expect(AnnualWheel.svg(for: Self.plan(), language: .bokmal) == AnnualWheel.svg(for: Self.plan(), language: .bokmal))
    }

    @Test func trigonometryAndNumbers() {
        #expect(abs(WheelGeometry.sine(Double.pi / 6) - 0.5) < 1e-12)
        #expect(abs(WheelGeometry.cosine(Double.pi) + 1) < 1e-12)
        #expect(abs(WheelGeometry.sine(7 * Double.pi / 2) + 1) < 1e-12)
        #expect(SVGNumber.format(-0.001) == "0")
        #expect(SVGNumber.format(12.5) == "12.5")
        #expect(SVGNumber.format(-3.14159) == "-3.14")
        #expect(SVGNumber.format(100) == "100")
    }
}
