import AarshjulCore
import AarshjulICal
import Foundation

/// Keeps what was published for each municipality on disk, so that a
/// restarted server (or the next `publish`, a year later) continues from it
/// instead of planning afresh: UIDs, SEQUENCE, stamps and every past event
/// survive. One owner-only JSON file per municipality, `<state>/<id>.json`
/// (`PublishedHistory`); the folder itself is made with mode 0700.
///
/// Earlier versions kept the full feed of one year span,
/// `<state>/<id>-<years>.ics`; such files are still read (as the previous
/// plan to reschedule against) until the JSON file exists.
struct StateFolder: Sendable {
    let path: String

    func file(_ municipalityID: String) -> String { path + "/" + municipalityID + ".json" }

    func legacyFile(_ municipalityID: String, years: ClosedRange<Int>) -> String {
        path + "/" + municipalityID + "-" + ICalExporter.yearPart(years) + ".ics"
    }

    /// The history, or nil when none was kept.
    func read(_ municipalityID: String) throws -> PublishedHistory? {
        guard let data = FileManager.default.contents(atPath: file(municipalityID)) else { return nil }
        return try HistoryFile.decode([UInt8](data))
    }

    /// A feed kept by an earlier version for `years` (or each of its years), as the rescheduler reads it.
    func readLegacy(_ municipalityID: String, years: ClosedRange<Int>) throws -> PublishedPlan? {
        var spans = [years]
        if years.count > 1 { spans += years.map { $0...$0 } }
        var events: [PreviousEvent] = [], deadlines: [PreviousDeadline] = []
        for span in spans {
            let name = legacyFile(municipalityID, years: span)
            guard let data = FileManager.default.contents(atPath: name) else { continue }
            let read = try BusyCalendar.previous(String(decoding: data, as: UTF8.self), fileName: name)
            events += read.events.filter { e in !events.contains { $0.uid == e.uid } }
            deadlines += read.deadlines.filter { d in !deadlines.contains { $0.uid == d.uid } }
        }
        return events.isEmpty && deadlines.isEmpty ? nil : PublishedPlan(events: events, deadlines: deadlines)
    }

    /// Writes the history when its bytes differ from the kept file.
    func write(_ history: PublishedHistory, municipalityID: String) throws {
        let bytes = try HistoryFile.encode(history)
        let name = file(municipalityID)
        if let existing = FileManager.default.contents(atPath: name), [UInt8](existing) == bytes { return }
        try PrivateFile.write(bytes, to: name)
    }
}
