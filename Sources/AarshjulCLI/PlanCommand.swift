import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import ArgumentParser

/// `aarshjul plan FILE.yaml --year 2027 --out DIR`
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a year (or several) from an agreement file: writes iCalendar files and prints the text plan."
    )

    @Argument(help: "The agreement file (YAML), e.g. calendars/lillestrom.yaml, or a district file, e.g. calendars/districts/sogn.yaml.")
    var agreementFile: String

    @OptionGroup var yearOptions: YearOptions
    @OptionGroup var languageOptions: LanguageOptions

    @Option(help: "Folder to write the .ics files and plan.txt into (created if missing). Without it nothing is written.")
    var out: String?

    @Flag(help: "Do not print the text plan.")
    var quiet = false

    @Option(help: "Also draw the year as an annual wheel (SVG) into this file (the first year of a span).")
    var svg: String?

    func validate() throws {
        if svg != nil && DistrictFile.isDistrict(path: agreementFile) {
            throw ValidationError("--svg draws one municipality's year; give an agreement file, not a district file.")
        }
    }

    func run() throws {
        if DistrictFile.isDistrict(path: agreementFile) { return try DistrictPlanRun(command: self).run() }
        let agreement: Agreement
        let imports: CalendarImports
        do { (agreement, imports) = try AgreementFile.loadWithImports(path: agreementFile) } catch {
            Failure.report(error, language: languageOptions.planLanguage ?? .bokmal)
        }
        let language = languageOptions.planLanguage ?? agreement.language
        do {
            let plan = try ImportedCalendarsPlan.plan(agreement, imports: imports, years: try yearOptions.range(), language: language)
            let text = TextPlan.render(plan)
            if let out {
                var files = try ICalExporter.files(for: plan, options: ICalExportOptions(language: language))
                files.append((name: "plan.txt", contents: text))
                files.append(try PlanFolder.agreementCopy(of: agreementFile))
                try AtomicFile.writeAll(files, into: out)
            }
            if let svg { try AtomicFile.write(AnnualWheel.svg(for: plan, language: language), to: svg) }
            if !quiet { print(text, terminator: "") }
        } catch {
            Failure.report(error, language: language)
        }
    }
}
