import AarshjulAgreementFile
import AarshjulCore
import ArgumentParser

/// `aarshjul holidays --year 2027 [--county NAME | FILE.yaml]`
struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "List the days a plan avoids in a year, and why.",
        usage: "aarshjul holidays --year <year> [<agreement-file>] [<options>]"
    )

    @Option(help: "The year, e.g. 2027.")
    var year: Int

    @Option(help: "County whose school holidays to show, e.g. innlandet or \"Møre og Romsdal\".")
    var county: String?

    @Argument(help: "An agreement file: use its county, school calendar, blackouts and elections.")
    var agreementFile: String?

    @Option(help: "text (default) or iso (one public holiday per line: YYYY-MM-DD<TAB>name).")
    var format: String = "text"

    @OptionGroup var languageOptions: LanguageOptions<HolidaysLanguage>

    func validate() throws {
        guard (1900...2200).contains(year) else {
            throw ValidationError("--year \(year) is outside the years Aarshjul knows (1900–2200).")
        }
        if county != nil && agreementFile != nil {
            throw ValidationError("Give either --county or an agreement file, not both.")
        }
        if let county, County(name: county) == nil {
            let known = County.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("'\(county)' is not a county Aarshjul knows. Use one of: \(known).")
        }
        guard ["text", "iso"].contains(format) else {
            throw ValidationError("--format must be text or iso.")
        }
    }

    func run() throws {
        let calendar: MunicipalCalendar
        var language = languageOptions.planLanguage ?? .bokmal
        var countyName: String?
        if let agreementFile {
            let agreement: Agreement
            do { agreement = try AgreementFile.load(path: agreementFile) } catch {
                Failure.reportReading(error, asked: languageOptions.planLanguage)
            }
            language = languageOptions.planLanguage ?? agreement.language
            calendar = MunicipalCalendar(agreement: agreement, years: year...year)
            countyName = "\(agreement.municipality) (\(agreement.county.name))"
        } else {
            let c = county.flatMap(County.init(name:)) ?? .oslo
            calendar = MunicipalCalendar(county: c, school: SchoolCalendarSettings(countyRoute: SchoolRouteFile.route(for: c)),
                                         elections: ElectionsFile.shipped, years: year...year)
            countyName = county == nil ? nil : c.name
        }
        if format == "iso" {
            print(HolidayListing.renderISO(year: year, calendar: calendar), terminator: "")
        } else {
            print(HolidayListing.render(year: year, calendar: calendar, language: language, countyName: countyName), terminator: "")
        }
    }
}
