import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import Foundation

/// A plan folder written by `plan --out` or `reschedule --out`: the feeds,
/// `plan.txt`, and a copy of the agreement it was planned from, so that the
/// folder alone can be explained later (`aarshjul explain FOLDER`). A
/// district's folder holds a copy of the district file (`district.yaml`),
/// copies of the member agreement files it names (`district-files/`) and a
/// folder per municipality.
enum PlanFolder {
    static let agreementName = "agreement.yaml"
    static let districtName = "district.yaml"
    static let memberFilesFolder = "district-files"

    static func agreementCopy(of path: String) throws -> (name: String, contents: String) {
        (agreementName, try String(contentsOfFile: path, encoding: .utf8))
    }

    /// The district file and every member file it names, to write at the top of a district's folder.
    static func districtCopies(of path: String) throws -> [(name: String, contents: String)] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var copies = [(name: districtName, contents: text)]
        let folder = (path as NSString).deletingLastPathComponent
        _ = try DistrictFile.parse(text, fileName: path) { (relative: String) throws(AgreementFileError) -> Agreement in
            let full = relative.hasPrefix("/") ? relative : (folder as NSString).appendingPathComponent(relative)
            let agreement = try AgreementFile.load(path: full)
            if let contents = try? String(contentsOfFile: full, encoding: .utf8) {
                copies.append((name: memberFilesFolder + "/" + memberCopyName(relative), contents: contents))
            }
            return agreement
        }
        return copies
    }

    /// "../oyer.yaml" → "oyer.yaml", "a/b.yaml" → "a_b.yaml": one flat name per path as written.
    static func memberCopyName(_ relative: String) -> String {
        relative.split(separator: "/").filter { $0 != ".." && $0 != "." }.joined(separator: "_")
    }

    static func isFolder(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The plans published in `folder`: one for a municipality's folder, one
    /// per member for a district's.
    static func publishedPlans(_ folder: String, years: ClosedRange<Int>, language: PlanLanguage?) throws -> [Plan] {
        let agreementPath = (folder as NSString).appendingPathComponent(agreementName)
        let districtPath = (folder as NSString).appendingPathComponent(districtName)
        if FileManager.default.fileExists(atPath: agreementPath) {
            let agreement = try AgreementFile.load(path: agreementPath)
            let plan = try Planner.plan(PlanRequest(agreement: agreement, years: years, language: language ?? agreement.language))
            return [try published(plan, in: folder, years: years)]
        }
        guard FileManager.default.fileExists(atPath: districtPath) else {
            throw ValidationFailure(ExplainWords.notAPlanFolder(folder, language ?? .bokmal))
        }
        let text = try String(contentsOfFile: districtPath, encoding: .utf8)
        let copies = (folder as NSString).appendingPathComponent(memberFilesFolder)
        let district = try DistrictFile.parse(text, fileName: districtPath) { (relative: String) throws(AgreementFileError) -> Agreement in
            try AgreementFile.load(path: (copies as NSString).appendingPathComponent(memberCopyName(relative)))
        }
        let plans = try DistrictPlanner.plan(district, years: years, language: language).plans
        return try plans.map { try published($0, in: (folder as NSString).appendingPathComponent($0.agreement.id), years: years) }
    }

    /// The agreement's plan with each event on the date and time the folder's
    /// municipality feed gives it (after reschedules and hand edits), so
    /// `explain` speaks of what people see.
    static func published(_ fresh: Plan, in folder: String, years: ClosedRange<Int>) throws -> Plan {
        var plan = fresh
        let span = ICalExporter.yearPart(years)
        let feedPath = (folder as NSString).appendingPathComponent("\(plan.agreement.id)-\(span).ics")
        guard let text = try? String(contentsOfFile: feedPath, encoding: .utf8) else {
            throw ValidationFailure(ExplainWords.feedMissing(feedPath, span, plan.language))
        }
        let feed = try ICalImporter.parse(text, fileName: feedPath)
        var byUID: [String: ImportedEvent] = [:]
        for event in feed.events { byUID[event.uid] = event }
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

/// What `explain` says when it cannot explain, in the run's language.
enum ExplainWords {
    static func notFound(_ key: String, _ language: PlanLanguage) -> String {
        LocalizedText(nb: "'\(key)' er verken UID-en til en hendelse i planen eller en dato med en hendelse.",
                      nn: "'\(key)' er verken UID-en til ei hending i planen eller ein dato med ei hending.",
                      en: "'\(key)' is neither the UID of an event in the plan nor a date with an event.").text(language)
    }

    static func notAPlanFolder(_ folder: String, _ language: PlanLanguage) -> String {
        LocalizedText(
            nb: "\(folder) har verken \(PlanFolder.agreementName) eller \(PlanFolder.districtName), så den er ikke skrevet av `aarshjul plan --out`. "
                + "Gi avtalefilen (eller distriktsfilen) i stedet, f.eks. aarshjul explain calendars/lillestrom.yaml --event …",
            nn: "\(folder) har verken \(PlanFolder.agreementName) eller \(PlanFolder.districtName), så han er ikkje skriven av `aarshjul plan --out`. "
                + "Gje avtalefila (eller distriktsfila) i staden, t.d. aarshjul explain calendars/lillestrom.yaml --event …",
            en: "\(folder) has no \(PlanFolder.agreementName) or \(PlanFolder.districtName), so it was not written by `aarshjul plan --out`. "
                + "Name the agreement (or district) file instead, e.g. aarshjul explain calendars/lillestrom.yaml --event …").text(language)
    }

    static func feedMissing(_ path: String, _ span: String, _ language: PlanLanguage) -> String {
        LocalizedText(nb: "\(path) mangler: ble mappen planlagt for \(span)? Gi samme --year eller --years.",
                      nn: "\(path) manglar: vart mappa planlagd for \(span)? Gje same --year eller --years.",
                      en: "\(path) is missing: was the folder planned for \(span)? Give the same --year or --years.").text(language)
    }
}
