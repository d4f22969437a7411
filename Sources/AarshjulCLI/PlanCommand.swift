import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import AarshjulPDF
import AarshjulServer
import AarshjulXLSX
import ArgumentParser
import Foundation

/// `aarshjul plan FILE.yaml --year 2027 --out DIR`
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a year (or several) from an agreement file: writes iCalendar files and prints the text plan.",
        usage: "aarshjul plan <agreement-file> [--year <year>] [<options>]"
    )

    @Argument(help: "The agreement file (YAML), e.g. calendars/lillestrom.yaml, or a district file, e.g. calendars/districts/sogn.yaml.")
    var agreementFile: String

    @OptionGroup var yearOptions: YearOptions
    @OptionGroup var languageOptions: LanguageOptions<AgreementsLanguage>

    @Option(help: "Folder to write the .ics files and plan.txt into (created if missing). Without it nothing is written.")
    var out: String?

    @Flag(help: "Do not print the text plan.")
    var quiet = false

    @Option(help: "Folder of the published plan of the year before (e.g. out/lillestrom-2027): chains (every A–B weeks) continue from its last meetings.")
    var previous: String?

    @Flag(help: "Also say how far each preference (weekday, time, even spacing, …) was missed, in points, and whether a better plan exists.")
    var details = false

    @Option(help: "Also draw the year as an annual wheel (SVG) into this file (the first year of a span).")
    var svg: String?

    @Option(help: "Also write the plan for print into this PDF file (A4: the annual wheel, then the plan month by month). It lists attendees and agendas: for the coordinator, not for publishing.")
    var pdf: String?

    @Option(help: "Also write the plan as a spreadsheet (one row per event) into this .xlsx file. It lists attendees and agendas.")
    var xlsx: String?

    @Option(help: "Also write the plan as CSV (RFC 4180, UTF-8, one row per event) into this file. It lists attendees and agendas.")
    var csv: String?

    func validate() throws {
        if let previous {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: previous, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--previous '\(previous)' is not a folder. Name the folder an earlier plan --out wrote.")
            }
            if DistrictFile.isDistrict(path: agreementFile) { throw ValidationError("--previous works with one agreement file, not a district file.") }
        }
        if DistrictFile.isDistrict(path: agreementFile) {
            for (flag, value) in [("--svg", svg), ("--pdf", pdf), ("--xlsx", xlsx), ("--csv", csv)] where value != nil {
                throw ValidationError("\(flag) writes one municipality's plan; give an agreement file, not a district file.")
            }
        }
        let outputs = [svg, pdf, xlsx, csv].compactMap { $0 }
        if Set(outputs).count != outputs.count {
            throw ValidationError("--svg, --pdf, --xlsx and --csv must name different files.")
        }
    }

    func run() throws {
        if DistrictFile.isDistrict(path: agreementFile) { return try DistrictPlanRun(command: self).run() }
        let (_, plan, language) = ImportedCalendarsPlan.make(path: agreementFile, years: try yearOptions.range(),
                                                              language: languageOptions.planLanguage, previous: previous)
        do {
            // Rendering costs more than planning: only when it is printed or written.
            let text = out != nil || !quiet ? TextPlan.render(plan, details: details) : ""
            // Every document is made before any is written, so a failure leaves no file half-done.
            var documents: [(path: String, bytes: [UInt8])] = []
            if let svg { documents.append((svg, Array(AnnualWheel.svg(for: plan, language: language).utf8))) }
            if let csv { documents.append((csv, Array(CSVTable.csv(for: plan, language: language).utf8))) }
            if let xlsx { documents.append((xlsx, try PlanWorkbook.bytes(for: plan, language: language))) }
            if let pdf { documents.append((pdf, try PlanPDF.bytes(for: plan, language: language))) }
            if let out {
                var files = try ICalExporter.files(for: plan, options: ICalExportOptions(language: language))
                files.append((name: "plan.txt", contents: text))
                files.append(try PlanFolder.agreementCopy(of: agreementFile))
                try AtomicFile.writeAll(files, into: out)
            }
            for document in documents { try AtomicFile.write(bytes: document.bytes, to: document.path) }
            if !quiet { print(text, terminator: "") }
        } catch {
            Failure.report(error, language: language)
        }
    }
}
