import AarshjulCore
@testable import AarshjulICal
import Testing

/// `PlannedEvent.contentFingerprint` hashes an event's fields as it walks
/// them: it must give the digest of its definition (FNV-1a over the fields
/// joined into one string, as every feed published so far carries it), or a
/// reschedule would take every published event for changed.
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

    /// The definition, spelled out the slow way: one joined string, then FNV-1a.
    static func definedFingerprint(_ e: PlannedEvent) -> String {
        let text = [e.title, e.location ?? "", e.organizer ?? "", e.attendees.joined(separator: "\u{1E}"),
                    e.guests.joined(separator: "\u{1E}"), e.agenda.joined(separator: "\u{1E}"), e.cancelled ? "cancelled" : ""]
            .map { $0 + "\u{1F}" }.joined()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test func fingerprintIsItsDefinitionForEveryEvent() throws {
        let plan = PlanFixtures.plan(years: 2027...2030)
        #expect(!plan.events.isEmpty)
        for event in plan.events.flatMap(Self.variants) {
            #expect(event.contentFingerprint == Self.definedFingerprint(event), "\(event.uid) \(event.title)")
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
