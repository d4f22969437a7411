import AarshjulCore
import AarshjulICal
import Foundation

/// Keeps the last published plan of each municipality on disk, as the full
/// iCalendar feed subscribers hold, so that a restarted server reschedules
/// against what was published instead of planning afresh (UIDs, SEQUENCE and
/// stamps survive). One file per municipality and year span:
/// `<state>/<municipality id>-<years>.ics`.
struct StateFolder: Sendable {
    let path: String

    func file(_ municipalityID: String, years: ClosedRange<Int>) -> String {
        let span = ICalExporter.yearPart(years)
        return path + "/" + municipalityID + "-" + span + ".ics"
    }

    /// The published plan, or nil when none was kept. A file libical cannot
    /// read is an error: planning afresh would silently renumber subscribers' events.
    func read(_ municipalityID: String, years: ClosedRange<Int>) throws -> PublishedPlan? {
        let name = file(municipalityID, years: years)
        guard let data = FileManager.default.contents(atPath: name) else { return nil }
        let read = try BusyCalendar.previous(String(decoding: data, as: UTF8.self), fileName: name)
        return PublishedPlan(events: read.events, deadlines: read.deadlines)
    }

    /// Writes the plan when its bytes differ from the kept file.
    func write(_ plan: Plan, municipalityID: String) throws {
        let text = try ICalExporter.calendar(
            name: "\(plan.agreement.municipality) (aarshjul state)", events: plan.events + plan.cancelledEvents,
            deadlines: plan.deadlines, plan: plan, options: ICalExportOptions(language: plan.language, confidential: true))
        let name = file(municipalityID, years: plan.years)
        if let existing = FileManager.default.contents(atPath: name), [UInt8](existing) == Array(text.utf8) { return }
        try AtomicFile.makeDirectories(path)
        try AtomicFile.write(text, to: name)
    }
}
