import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import Foundation

/// A plan folder written by `plan --out` or `reschedule --out`: the feeds,
/// `plan.txt`, and a copy of the agreement it was planned from, so that the
/// folder alone can be explained later (`aarshjul explain FOLDER`).
enum PlanFolder {
    static let agreementName = "agreement.yaml"

    static func agreementCopy(of path: String) throws -> (name: String, contents: String) {
        (agreementName, try String(contentsOfFile: path, encoding: .utf8))
    }

    static func isFolder(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The plan as published in the folder: the agreement's plan with each
    /// event on the date and time the folder's municipality feed gives it
    /// (after reschedules and hand edits), so `explain` speaks of what people see.
    static func publishedPlan(_ folder: String, years: ClosedRange<Int>, language: PlanLanguage?) throws -> Plan {
        let agreementPath = (folder as NSString).appendingPathComponent(agreementName)
        guard FileManager.default.fileExists(atPath: agreementPath) else {
            throw ValidationFailure("\(folder) has no \(agreementName), so it was not written by `aarshjul plan --out`. "
                + "Name the agreement (or district) file instead, e.g. aarshjul explain calendars/lillestrom.yaml --event …")
        }
        let agreement = try AgreementFile.load(path: agreementPath)
        var plan = try Planner.plan(PlanRequest(agreement: agreement, years: years, language: language ?? agreement.language))
        let span = ICalExporter.yearPart(years)
        let feedPath = (folder as NSString).appendingPathComponent("\(agreement.id)-\(span).ics")
        guard let text = try? String(contentsOfFile: feedPath, encoding: .utf8) else {
            throw ValidationFailure("\(feedPath) is missing: was the folder planned for \(span)? Give the same --year or --years.")
        }
        let published = try ICalImporter.parse(text, fileName: feedPath)
        var byUID: [String: ImportedEvent] = [:]
        for event in published.events { byUID[event.uid] = event }
        for i in plan.events.indices {
            guard let seen = byUID[plan.events[i].uid] else { continue }
            plan.events[i].date = seen.start
            if let start = seen.startTime, let end = seen.endTime, !seen.isAllDay {
                plan.events[i].time = TimeSpan(start, end)
            }
            plan.events[i].sequence = seen.sequence
        }
        plan.events.sort(by: PlannedEvent.planOrder)
        return plan
    }
}

/// A plain-language refusal about the command line's inputs.
struct ValidationFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
