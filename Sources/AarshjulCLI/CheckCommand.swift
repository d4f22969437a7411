import AarshjulAgreementFile
import AarshjulCore
import ArgumentParser
import Foundation

/// `aarshjul check FILE.yaml…`: validates agreement and district files
/// exactly as `plan` does (the same reading, the same busy and school
/// calendar imports, the same planning), without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check agreement or district files without writing a plan: the same checks `plan` makes, calendars included.",
        discussion: "Exit status 1 for a mistake in a file, 2 when no plan can keep every hard rule, as for `plan`."
    )

    @Argument(help: "One or more agreement files or district files (YAML).")
    var agreementFiles: [String]

    @Option(help: "The year(s) to check against, e.g. 2027 or 2027-2030. Default: next year.")
    var years: String?

    @OptionGroup var languageOptions: LanguageOptions<AgreementsLanguage>

    func validate() throws {
        if agreementFiles.isEmpty { throw ValidationError("Name at least one agreement file, e.g. calendars/luster.yaml.") }
        if let years { _ = try YearOptions.span(years) }
    }

    func run() throws {
        let span: ClosedRange<Int>
        if let years { span = try YearOptions.span(years) } else {
            let next = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
            span = next...next
        }
        for path in agreementFiles {
            let language = languageOptions.planLanguage
            if DistrictFile.isDistrict(path: path) {
                let (district, _) = DistrictPlanRun.make(path: path, years: span, language: language)
                print(CheckSummary.line(path: path, district: district, language: language ?? district.members[0].language))
            } else {
                // A wanted time the plan cannot keep: said first, before planning may stop with no plan possible.
                // (A file that does not load fails in `make` below with the same message `plan` gives.)
                if let agreement = try? AgreementFile.load(path: path) {
                    let said = language ?? agreement.language
                    for warning in PlacementWarnings.warnings(agreement, language: said) {
                        print("\(path): \(CheckSummary.warningWord(said)): \(warning)")
                    }
                }
                let (agreement, _, used) = ImportedCalendarsPlan.make(path: path, years: span, language: language)
                print(CheckSummary.line(path: path, agreement: agreement, language: used))
            }
        }
    }
}

/// One line per checked file, in the plan's language.
enum CheckSummary {
    static func warningWord(_ language: PlanLanguage) -> String {
        language == .english ? "warning" : "advarsel"
    }

    static func line(path: String, agreement: Agreement, language: PlanLanguage) -> String {
        let s = agreement.series.count, p = agreement.people.count
        switch language {
        case .bokmal: return "\(path): OK – \(agreement.municipality), \(s) møteserier, \(p) personer"
        case .nynorsk: return "\(path): OK – \(agreement.municipality), \(s) møteseriar, \(p) personar"
        case .english: return "\(path): OK – \(agreement.municipality), \(s) meeting series, \(p) people"
        }
    }

    static func line(path: String, district: District, language: PlanLanguage) -> String {
        let m = district.members.count
        switch language {
        case .bokmal: return "\(path): OK – \(district.name), \(m) kommuner"
        case .nynorsk: return "\(path): OK – \(district.name), \(m) kommunar"
        case .english: return "\(path): OK – \(district.name), \(m) municipalities"
        }
    }
}
