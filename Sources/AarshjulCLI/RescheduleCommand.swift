import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import ArgumentParser
import Foundation

/// `aarshjul reschedule FILE.yaml --year 2027 --previous DIR [--blackout …] [--busy …] --out DIR`
struct RescheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule",
        abstract: "Repair a published plan: move as few meetings as possible around new blackouts and busy time.",
        usage: "aarshjul reschedule <agreement-file> --previous <folder> [<options>]",
        discussion: """
        Kept meetings stay byte-identical in the new files; moved ones keep their UID and get SEQUENCE+1; \
        meetings that can no longer be held stay in the feed as cancelled. Prints the change list.

        Example:
          aarshjul reschedule calendars/lillestrom.yaml --year 2027 \\
              --previous out/lillestrom-2027 --blackout 2027-03-10 \\
              --blackout 2027-06-01..2027-06-04:"Kommunestyre-seminar" \\
              --busy calendars/examples/ordforer.ics \\
              --busy calendars/examples/skolerute-2026-27.ics \\
              --out out/lillestrom-2027

        A district file repairs what `plan DISTRICT.yaml --out DIR` wrote, member by member; joint meetings \
        keep their dates and --busy takes district-wide ids (oyer.ordforer=ordforer.ics):
          aarshjul reschedule calendars/districts/lillehammer.yaml --year 2027 \\
              --previous out/lillehammer --blackout 2027-03-10 --out out/lillehammer
        """
    )

    @Argument(help: "The agreement file (YAML), e.g. calendars/lillestrom.yaml, or a district file whose plan `plan --out` wrote.")
    var agreementFile: String

    @OptionGroup var yearOptions: YearOptions
    @OptionGroup var languageOptions: LanguageOptions<AgreementsLanguage>

    @Option(help: "Folder of the published plan (its <id>-<year>.ics is read).")
    var previous: String

    @Option(help: "A closed day or span: 2027-03-10, or 2027-06-01..2027-06-04:\"Reason\". Repeatable.")
    var blackout: [String] = []

    @Option(help: "A busy calendar: PERSONID=FILE.ics, or FILE.ics named after a person id (ordforer.ics) or starting with 'skolerute'. Repeatable.")
    var busy: [String] = []

    @Option(name: .customLong("school-calendar"), help: "A skolerute .ics whose events are school holidays. Repeatable.")
    var schoolCalendar: [String] = []

    @Option(help: "Keep an event on a date: UID=YYYY-MM-DD. Repeatable.")
    var pin: [String] = []

    @Option(help: "DTSTAMP of the changed events, e.g. 2027-02-01T10:00:00Z. Default: now (UTC).")
    var stamp: String?

    @Flag(name: .customLong("dry-run"), help: "Print the change list and write nothing.")
    var dryRun = false

    @Option(help: "Folder to write the repaired .ics files and plan.txt into.")
    var out: String?

    func validate() throws {
        if out == nil && !dryRun { throw ValidationError("Say where to write the repaired plan with --out DIR (or use --dry-run).") }
        for text in blackout { _ = try RescheduleInputs.blackout(text) }
        for text in pin { _ = try RescheduleInputs.pin(text) }
        if DistrictFile.isDistrict(path: agreementFile) {
            if !schoolCalendar.isEmpty {
                throw ValidationError("--school-calendar belongs to one municipality; in a district, name the skolerute in that member's agreement file (school_calendar: import:).")
            }
            for text in busy where text.firstIndex(of: "=").map({ text[..<$0].contains("/") }) ?? true {
                throw ValidationError("--busy \(text): in a district, say whose calendar it is with PERSONID=FILE and a district-wide id, e.g. oyer.ordforer=ordforer.ics.")
            }
        }
        if let stamp, RescheduleInputs.timestamp(stamp) == nil {
            throw ValidationError("--stamp '\(stamp)' is not a UTC time; write it like 2027-02-01T10:00:00Z.")
        }
    }

    func run() throws {
        if DistrictFile.isDistrict(path: agreementFile) { return try DistrictReschedule(command: self).run() }
        let agreement: Agreement
        let imports: CalendarImports
        do { (agreement, imports) = try AgreementFile.loadWithImports(path: agreementFile) } catch {
            Failure.reportReading(error, asked: languageOptions.planLanguage)
        }
        let language = languageOptions.planLanguage ?? agreement.language
        do {
            let years = try yearOptions.range()
            let inputs = RescheduleInputs(agreement: agreement, years: years)
            let previousFile = (previous as NSString).appendingPathComponent(
                "\(agreement.id)-\(ICalExporter.yearPart(years)).ics")
            let (events, deadlines) = try inputs.previous(previousFile)
            var busyIntervals: [BusyInterval] = []
            var holidays: [Blackout] = []
            for (person, path) in imports.busyCalendars { busyIntervals += try inputs.busy(path, person: person) }
            for path in imports.schoolCalendars { holidays += try inputs.schoolHolidays(path) }
            for argument in busy {
                switch try inputs.busyArgument(argument) {
                case .person(let person, let path): busyIntervals += try inputs.busy(path, person: person)
                case .school(let path): holidays += try inputs.schoolHolidays(path)
                }
            }
            for path in schoolCalendar { holidays += try inputs.schoolHolidays(path) }
            var pins: [String: CivilDate] = [:]
            for text in pin { let (uid, date) = try RescheduleInputs.pin(text); pins[uid] = date }
            let changeStamp = stamp.flatMap(RescheduleInputs.timestamp)
                ?? UTCTimestamp(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
            let request = RescheduleRequest(
                agreement: agreement, years: years, language: language, previous: events, previousDeadlines: deadlines,
                extraBlackouts: try blackout.map(RescheduleInputs.blackout), busy: busyIntervals, schoolHolidays: holidays,
                pins: pins, stamp: changeStamp)
            let result = try Rescheduler.reschedule(request)
            print(ChangeList.render(result, language: language), terminator: "")
            if dryRun {
                print(LocalizedText(nb: "(--dry-run: ingenting skrevet)", nn: "(--dry-run: ingenting skrive)",
                                    en: "(--dry-run: nothing written)").text(language))
                return
            }
            guard let out else { return }
            var files = try ICalExporter.files(for: result.plan, options: ICalExportOptions(language: language))
            files.append((name: "plan.txt", contents: TextPlan.render(result.plan)))
            files.append(try PlanFolder.agreementCopy(of: agreementFile))
            try AtomicFile.writeAll(files, into: out)
        } catch {
            Failure.report(error, language: language)
        }
    }
}
