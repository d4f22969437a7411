import AarshjulAgreementFile
import AarshjulCore
import Foundation

/// What a calendars folder holds: agreement files at its top level and
/// district files (at the top level or under `districts/`). Hidden files and
/// folders (editor swap files, the state folder) are never read.
struct FolderContents: Sendable {
    var agreements: [(file: String, agreement: Agreement)]
    /// Busy calendars and skolerute files each agreement names (agreement id → paths).
    var imports: [String: CalendarImports] = [:]
    var districts: [(file: String, district: District)]
    /// Files that could not be read (only when reading with `skippingBroken`), with why.
    var broken: [(file: String, error: any Error)] = []

    /// Agreements that are a member of a district are planned with their
    /// district (one shared occupancy), not alone, so each municipality has
    /// one plan.
    var standalone: [(file: String, agreement: Agreement)] {
        let members = Set(districts.flatMap { $0.district.members.map(\.id) })
        return agreements.filter { !members.contains($0.agreement.id) }
    }

    /// Reads every file, sorted by path so the catalog order is the same on every run.
    /// With `skippingBroken`, a file that cannot be read is listed in
    /// `broken` and the others are read; without, the first one throws.
    static func read(_ folder: String, skippingBroken: Bool = false) throws -> FolderContents {
        var contents = FolderContents(agreements: [], districts: [])
        let files = yamlFiles(in: folder) + yamlFiles(in: folder + "/districts").map { "districts/" + $0 }
        guard !files.isEmpty else { throw FolderSourceError.noAgreements(folder) }
        for relative in files.sorted() {
            let path = folder + "/" + relative
            let failure: (any Error)?
            do {
                if DistrictFile.isDistrict(path: path) {
                    contents.districts.append((relative, try DistrictFile.load(path: path)))
                } else {
                    let (agreement, imports) = try AgreementFile.loadWithImports(path: path)
                    contents.agreements.append((relative, agreement))
                    contents.imports[agreement.id] = imports
                }
                failure = nil
            } catch {
                failure = error as any Error
            }
            if let failure {
                guard skippingBroken else { throw failure }
                contents.broken.append((relative, failure))
            }
        }
        var seen: [String: String] = [:]
        for (file, agreement) in contents.standalone {
            if let other = seen.updateValue(file, forKey: agreement.id) {
                throw FolderSourceError.duplicateID(agreement.id, other, file)
            }
        }
        return contents
    }

    private static func yamlFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
    }
}

/// Why the folder could not be turned into feeds, in plain words and in the
/// language the command was asked for (`--lang`, else bokmål).
public enum FolderSourceError: Error, CustomStringConvertible, Equatable {
    case noAgreements(String)
    case duplicateID(String, String, String)
    case planning(file: String, message: LocalizedText)
    /// No plan keeps every hard rule (exit 2, as `plan`'s).
    case noPlan(file: String, message: LocalizedText)
    /// A fault in the state folder; the detail is the system's own words.
    case state(String)

    /// What a command exits with for this error: 2 when no plan is possible, else 1 (bad input).
    public var exitCode: Int32 {
        if case .noPlan = self { return 2 }
        return 1
    }

    static func planning(file: String, _ error: PlanningError) -> FolderSourceError {
        let message = LocalizedText(nb: error.message(.bokmal), nn: error.message(.nynorsk), en: error.message(.english))
        if case .infeasible = error { return .noPlan(file: file, message: message) }
        return .planning(file: file, message: message)
    }

    public func message(_ language: PlanLanguage) -> String {
        switch self {
        case .noAgreements(let folder):
            return folder + ": " + language.pick(
                nb: "fant ingen avtalefiler (*.yaml); legg én avtale per kommune i mappen.",
                nn: "fann ingen avtalefiler (*.yaml); legg éi avtale per kommune i mappa.",
                en: "no agreement files (*.yaml) found; put one agreement per municipality there.")
        case .duplicateID(let id, let a, let b):
            return language.pick(
                nb: "\(a) og \(b) beskriver begge avtalen «\(id)»; hver kommune trenger sin egen id.",
                nn: "\(a) og \(b) skildrar begge avtalen «\(id)»; kvar kommune treng sin eigen id.",
                en: "\(a) and \(b) both describe the agreement '\(id)'; each municipality needs its own id.")
        case .planning(let file, let message), .noPlan(let file, let message):
            return "\(file): " + language.pick(nb: "kan ikke planlegges: ", nn: "kan ikkje planleggjast: ", en: "cannot be planned: ")
                + message.text(language)
        case .state(let message):
            return language.pick(nb: "tilstandsmappen: ", nn: "tilstandsmappa: ", en: "state folder: ") + message
        }
    }

    /// English, for the server's log.
    public var description: String { message(.english) }
}
