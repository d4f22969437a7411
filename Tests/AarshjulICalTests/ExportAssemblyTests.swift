import AarshjulCore
@testable import AarshjulICal
import CLibical
import Testing

/// The exporter writes each VEVENT, VTODO and VTIMEZONE once per export and
/// puts the calendar together from those texts. What it writes must still be
/// exactly what libical writes for the whole calendar tree: read back by
/// libical and written again, every file comes out byte for byte the same.
@Suite struct ExportAssemblyTests {
    static func libicalRewrites(_ text: String) throws -> String {
        let parsed = try #require(icalparser_parse_string(text))
        return try LibicalComponent(adopting: parsed).serialized()
    }

    @Test(arguments: [ICalExportOptions.DeadlineStyle.events, .todos, .eventsAndTodos])
    func everyFileIsWhatLibicalWritesForItsTree(deadlines: ICalExportOptions.DeadlineStyle) throws {
        for options in [ICalExportOptions(language: .bokmal, deadlines: deadlines),
                        ICalExportOptions(language: .english, confidential: false, deadlines: deadlines)] {
            let files = try ICalExporter.files(for: PlanFixtures.plan(years: 2027...2030), options: options)
            #expect(files.count >= 3)
            for file in files {
                #expect(file.contents.hasPrefix("BEGIN:VCALENDAR\r\n") && file.contents.hasSuffix("END:VCALENDAR\r\n"))
                #expect(file.contents.components(separatedBy: "BEGIN:VTIMEZONE").count == 2, "\(file.name)")
                #expect(try Self.libicalRewrites(file.contents) == file.contents, "\(file.name)")
            }
        }
    }

    /// A calendar holding an event that another calendar of the same export
    /// also holds gets the same text for it, and one holding none gets none.
    @Test func sharedEventsAreWrittenAlikeInEveryCalendar() throws {
        let plan = PlanFixtures.plan(years: 2027...2030)
        let files = try ICalExporter.files(for: plan, options: ICalExportOptions(language: .bokmal))
        let whole = try #require(files.first { $0.name == "lillestrom-2027-2030.ics" }).contents
        for file in files where file.name != "lillestrom-2027-2030.ics" {
            for block in file.contents.components(separatedBy: "BEGIN:VEVENT").dropFirst() {
                let event = "BEGIN:VEVENT" + block.components(separatedBy: "END:VEVENT")[0] + "END:VEVENT\r\n"
                #expect(whole.contains(event), "\(file.name)")
            }
        }
        let empty = try ICalExporter.calendar(name: "Tom", events: [], deadlines: [], plan: plan,
                                              options: ICalExportOptions(language: .bokmal))
        #expect(!empty.contains("BEGIN:VEVENT") && empty.contains("END:VTIMEZONE\r\nEND:VCALENDAR\r\n"))
    }
}
