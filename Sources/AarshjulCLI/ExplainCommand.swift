import AarshjulAgreementFile
import AarshjulCore
import ArgumentParser

/// `aarshjul explain FILE.yaml --event UID-or-date --year 2027`
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say why an event is where it is: the hard rules that bound it and the preferences it meets or misses, with their cost."
    )

    @Argument(help: "A plan folder written by `plan --out` (explains the dates published there), or the agreement or district file (planned again: planning is deterministic).")
    var file: String

    @Option(help: "The event's UID (with or without @aarshjul), or a date (2027-03-15 or 15.3.2027): the first event that day.")
    var event: String

    @OptionGroup var yearOptions: YearOptions
    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
        let fallback = languageOptions.planLanguage ?? .bokmal
        do {
            let years = try yearOptions.range()
            var plans: [Plan] = []
            if PlanFolder.isFolder(file) {
                plans = [try PlanFolder.publishedPlan(file, years: years, language: languageOptions.planLanguage)]
            } else if DistrictFile.isDistrict(path: file) {
                // Planned as `plan` plans it: with the members' busy calendars and skolerute.
                let (district, imports) = try DistrictFile.loadWithImports(path: file)
                plans = try DistrictPlanner.plan(district, years: years, language: languageOptions.planLanguage,
                                                 calendars: try DistrictCalendarFiles.read(imports, years: years)).plans
            } else {
                let (agreement, imports) = try AgreementFile.loadWithImports(path: file)
                plans = [try ImportedCalendarsPlan.plan(agreement, imports: imports, years: years,
                                                        language: languageOptions.planLanguage ?? agreement.language)]
            }
            for plan in plans {
                if let found = EventExplainer.find(event, in: plan) {
                    print(EventExplainer.explain(found, in: plan, language: languageOptions.planLanguage))
                    return
                }
            }
            Failure.exit("'\(event)' is neither the UID of an event in the plan nor a date with an event.", code: 1)
        } catch {
            Failure.report(error, language: fallback)
        }
    }
}
