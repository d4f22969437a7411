import AarshjulAgreementFile
import AarshjulCore
import ArgumentParser

/// `aarshjul check FILE.yaml`: validates an agreement without planning.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an agreement file without planning: syntax, keys, values and references."
    )

    @Argument(help: "One or more agreement files (YAML).")
    var agreementFiles: [String]

    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        if agreementFiles.isEmpty { throw ValidationError("Name at least one agreement file, e.g. calendars/luster.yaml.") }
    }

    func run() throws {
        for path in agreementFiles {
            do {
                let agreement = try AgreementFile.load(path: path)
                let language = languageOptions.planLanguage ?? agreement.language
                print(CheckSummary.line(path: path, agreement: agreement, language: language))
                // A wanted time the plan cannot keep: said here, before `plan` stops with no plan possible.
                for warning in PlacementWarnings.warnings(agreement, language: language) {
                    print("\(path): \(CheckSummary.warningWord(language)): \(warning)")
                }
            } catch {
                Failure.report(error, language: languageOptions.planLanguage ?? .bokmal)
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
}
