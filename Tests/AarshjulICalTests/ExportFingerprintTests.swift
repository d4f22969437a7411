import AarshjulCore
@testable import AarshjulICal
import Testing

/// The exporter hashes X-AARSHJUL-CONTENT as it walks an event's fields
/// instead of asking `PlannedEvent.contentFingerprint` (which joins them
/// into one string first): both must give the same digest for every event,
/// or a reschedule would take every published event for changed.
@Suite struct ExportFingerprintTests {
    static func variants(of event: PlannedEvent) -> [PlannedEvent] {
        var out = [event]
        var e = event
        e.title = ""; out.append(e)
        e.title = "Politiråd – «vår» 🎉\u{1F}\u{1E}"; out.append(e)
        e.location = nil; out.append(e)
        e.location = ""; out.append(e)
        e.location = "Rådhuset, møterom 2"; out.append(e)
        e.organizer = nil; out.append(e)
        e.organizer = "ordforer"; out.append(e)
        e.attendees = []; out.append(e)
        e.attendees = ["a"]; out.append(e)
        e.attendees = ["a", "", "bø"]; out.append(e)
        e.guests = ["Gjest A", "Gjest B"]; out.append(e)
        e.agenda = ["", "Sak 1"]; out.append(e)
        e.agenda = []; e.guests = []; out.append(e)
        e.cancelled = true; out.append(e)
        return out
    }

    @Test func writtenFingerprintIsTheCoresForEveryEvent() throws {
        let plan = PlanFixtures.plan(years: 2027...2030)
        #expect(!plan.events.isEmpty)
        for event in plan.events.flatMap(Self.variants) {
            #expect(PlanComponents.contentFingerprint(event) == event.contentFingerprint, "\(event.uid) \(event.title)")
        }
    }

    @Test func theWorkingFeedCarriesTheCoresFingerprint() throws {
        let plan = PlanFixtures.plan()
        let files = try ICalExporter.files(for: plan, options: ICalExportOptions(language: .bokmal))
        let whole = try #require(files.first { $0.name == "lillestrom-2027.ics" }).contents
        let back = try ICalImporter.parse(whole, fileName: "lillestrom-2027.ics")
        for event in plan.events {
            let read = try #require(back.events.first { $0.uid == event.uid })
            #expect(read.contentFingerprint == event.contentFingerprint)
        }
    }
}
