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

    func angle(of mark: SVGDocument.Element) throws -> Double {
        let x = try #require(Double(mark.attributes["cx"] ?? "")) - 380
        let y = try #require(Double(mark.attributes["cy"] ?? "")) - 380
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
        let marks = doc.all("circle", class: "event")
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
        let marks = doc.all("circle", class: "event")
        func radius(_ m: SVGDocument.Element) -> Double {
            let x = Double(m.attributes["cx"]!)! - 380, y = Double(m.attributes["cy"]!)! - 380
            return (x * x + y * y).squareRoot()
        }
        let council = marks.filter { $0.attributes["data-uid"]!.contains("politirad") }
        let slt = marks.filter { $0.attributes["data-uid"]!.contains("-slt-") }
        #expect(Set(council.map { Int(radius($0).rounded()) }).count == 1)
        #expect(Set(slt.map { Int(radius($0).rounded()) }).count == 1)
        #expect(abs(radius(council[0]) - radius(slt[0])) > 10)
        #expect(council[0].attributes["fill"] != slt[0].attributes["fill"])
    }

    @Test func legendListsEachSeriesWithEscapedTitles() throws {
        let svg = AnnualWheel.svg(for: Self.plan(), language: .bokmal)
        #expect(svg.contains("SLT &lt;koordinering&gt;"))
        let doc = SVGDocument(svg)
        let legend = doc.all("text").filter { $0.parentName == "g" }.map(\.text)
        #expect(legend.contains("Politiråd (2 møter)"))
        #expect(legend.contains("SLT <koordinering> (3 møter)"))
        #expect(!legend.contains { $0.hasPrefix("Serie uten møter") }, "a series with no meetings that year gets no track")
        #expect(doc.all("text", class: "centre-municipality").first?.text == "Lillestrøm & Skedsmo")
        #expect(doc.all("text", class: "centre-year").first?.text == "2025")
        let english = SVGDocument(AnnualWheel.svg(for: Self.plan(), language: .english))
        #expect(english.all("text").contains { $0.text == "Police council (2 meetings)" })
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
