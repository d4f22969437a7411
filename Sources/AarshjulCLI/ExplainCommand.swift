import AarshjulAgreementFile
import AarshjulCore
import ArgumentParser

/// `aarshjul explain FILE.yaml --event UID-or-date --year 2027`
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say why an event is where it is: the hard rules that bound it and the preferences it meets or misses, with their cost.",
        usage: "aarshjul explain <file> --event <event> [<options>]"
    )

    @Argument(help: "A plan folder written by `plan --out` (a municipality's, or a district's), which explains the dates published there; or the agreement or district file, planned again as `plan` plans it (busy calendars and skolerute included).")
    var file: String

    @Option(help: "The event's UID (with or without @aarshjul), or a date (2027-03-15 or 15.3.2027): every event that day.")
    var event: String

    @OptionGroup var yearOptions: YearOptions
    @OptionGroup var languageOptions: LanguageOptions<AgreementsLanguage>

    func run() throws {
        var language = languageOptions.planLanguage ?? .bokmal
        do {
            let years = try yearOptions.range()
            var plans: [Plan] = []
            if PlanFolder.isFolder(file) {
                plans = try PlanFolder.publishedPlans(file, years: years, language: languageOptions.planLanguage)
            } else if DistrictFile.isDistrict(path: file) {
                // Planned as `plan` plans it: with the members' busy calendars and skolerute.
                let (district, imports) = try DistrictFile.loadWithImports(path: file)
                language = languageOptions.planLanguage ?? district.members.first?.language ?? language
                plans = try DistrictPlanner.plan(district, years: years, language: languageOptions.planLanguage,
                                                 calendars: try DistrictCalendarFiles.read(imports, years: years)).plans
            } else {
                let (agreement, imports) = try AgreementFile.loadWithImports(path: file)
                language = languageOptions.planLanguage ?? agreement.language
                plans = [try ImportedCalendarsPlan.plan(agreement, imports: imports, years: years, language: language)]
            }
            if languageOptions.planLanguage == nil, let first = plans.first { language = first.language }
            var explained: [String] = []
            for plan in plans {
                for found in EventExplainer.findAll(event, in: plan) {
                    explained.append(EventExplainer.explain(found, in: plan, language: languageOptions.planLanguage))
                }
                // A UID names one event: stop at the plan that has it.
                if !explained.isEmpty && EventExplainer.date(of: event) == nil { break }
            }
            guard !explained.isEmpty else { Failure.exit(ExplainWords.notFound(event, language), code: 1) }
            print(explained.joined(separator: "\n\n"))
        } catch let error as AgreementFileError {
            Failure.reportReading(error, asked: languageOptions.planLanguage)
        } catch {
            Failure.report(error, language: language)
        }
    }
}
