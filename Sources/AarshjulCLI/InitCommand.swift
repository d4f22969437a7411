import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import ArgumentParser
import Foundation

/// `aarshjul init [FILE] --municipality Gran --county innlandet --police-district Innlandet …`:
/// writes a commented agreement with the standard series, asking for what
/// the flags leave out when a person is at the terminal.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start an agreement file: asks for (or takes flags for) the municipality and the standard series, and writes a commented YAML file that `check` passes and `plan` plans.",
        discussion: """
        At a terminal, init asks for every value not given as a flag (Enter takes the default shown in brackets). \
        A municipality in the register (data/kommuner.yaml) brings its county, police district and number; \
        for another name, give --county and --police-district too. Without a terminal, or with --no-input, \
        it takes the defaults and needs --municipality. It never overwrites a file unless --force is given.

        Examples:
          aarshjul init
          aarshjul init calendars/gran.yaml --municipality Gran
          aarshjul init --municipality Testby --county innlandet \\
              --police-district Innlandet
          aarshjul init --municipality Luster --county vestland \\
              --police-district Vest --lang nn --politirad 2 --slt none
        """
    )

    @Argument(help: "The file to write. Default: the municipality's id, e.g. gran.yaml.")
    var file: String?

    @Option(help: "The municipality's name, e.g. Gran or \"Indre Østfold\".")
    var municipality: String?

    @Option(help: "The county, for school holidays (default: the register's, for a municipality it has): \(County.allCases.map(\.rawValue).joined(separator: ", ")) (or its name).")
    var county: String?

    @Option(name: .customLong("police-district"), help: "The police district, e.g. Innlandet (\"politidistrikt\" is added when missing). Default: the register's, for a municipality it has.")
    var policeDistrict: String?

    @Option(name: .customLong("lang"), help: "The agreement's language and its comments: nb (bokmål, default), nn (nynorsk) or en.")
    var language: String?

    @Option(name: .customLong("politirad"), help: "Politiråd (police council) meetings a year, 0 for none. Default: \(AgreementTemplate.defaultCouncilsPerYear), one a quarter.")
    var councils: Int?

    @Option(help: "Weeks between SLT meetings, e.g. 6-8 or 6, or none. Default: 6-8.")
    var slt: String?

    @Option(name: .customLong("politikontakt-day"), help: "The police contact's weekly day in the municipality: mon … fri, any, or none. Default: any.")
    var contactDay: String?

    @Flag(name: .customLong("monthly-meeting"), inversion: .prefixedNo, help: "A monthly multi-agency meeting (samarbeidsmøte). Default: no.")
    var monthlyMeeting: Bool?

    @Flag(name: .customLong("prevention-calendar"), inversion: .prefixedNo, help: "The school-year prevention calendar (school start, 7th and 10th grade, russ). Default: no.")
    var preventionCalendar: Bool?

    @Option(help: "The date written as revised: (YYYY-MM-DD). Default: today.")
    var revised: String?

    @Flag(help: "Overwrite FILE if it exists.")
    var force = false

    @Flag(name: .customLong("no-input"), help: "Never ask; take the defaults for what the flags leave out.")
    var noInput = false

    func validate() throws {
        if let municipality, !TemplateAnswers.isPrintableName(municipality) {
            throw ValidationError("--municipality must be a name on one line (at most 80 characters).")
        }
        if let policeDistrict, !TemplateAnswers.isPrintableName(policeDistrict) {
            throw ValidationError("--police-district must be a name on one line (at most 80 characters).")
        }
        if let county, TemplateAnswers.county(county) == nil {
            throw ValidationError("--county '\(county)' is not a Norwegian county. Use one of: \(County.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let language, TemplateAnswers.language(language) == nil {
            throw ValidationError("'--lang \(language)' is not a language Aarshjul writes. Use nb (bokmål), nn (nynorsk) or en (English).")
        }
        if let councils, !AgreementTemplate.councilsPerYearRange.contains(councils) {
            throw ValidationError("--politirad \(councils): give 0 (none) to 12 meetings a year.")
        }
        if let slt, !TemplateAnswers.isNone(slt), TemplateAnswers.weeks(slt) == nil {
            throw ValidationError("--slt '\(slt)' is not a number of weeks. Write it like 6-8 or 6 (1–26), or none.")
        }
        if let contactDay, !TemplateAnswers.isNone(contactDay), TemplateAnswers.contactDay(contactDay) == nil {
            throw ValidationError("--politikontakt-day '\(contactDay)' is not a working day. Use mon, tue, wed, thu, fri, any or none.")
        }
        if let revised, CivilDate(iso: revised) == nil {
            throw ValidationError("--revised '\(revised)' is not a date. Write it like 2026-12-01.")
        }
    }

    func run() throws {
        let interactive = !noInput && isatty(0) == 1
        var questions = InitQuestions(command: self, interactive: interactive)
        let choices = questions.choices(today: revised.flatMap(CivilDate.init(iso:)) ?? OsloToday.date())
        let path = file ?? questions.fileName(default: choices.id + ".yaml")
        let text = AgreementTemplate.render(choices)
        let words = InitWords(language: choices.language)
        if FileManager.default.fileExists(atPath: path) && !force {
            Failure.exit(words.exists(path), code: 1)
        }
        // What init writes must be an agreement `check` passes: read it back first.
        do { _ = try AgreementFile.parse(text, fileName: path) } catch {
            Failure.exit(words.internalError(path, "\(error)"), code: 1)
        }
        do { try AtomicFile.write(text, to: path) } catch { Failure.exit("\(path): \(error)", code: 1) }
        print(words.written(path, choices))
    }
}

/// Today in Norway, for the `revised:` date: the one place init reads the clock.
enum OsloToday {
    static func date(now: Date = Date()) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Oslo") ?? .current
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return CivilDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}
