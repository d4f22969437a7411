import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal

/// `aarshjul plan DISTRICT.yaml`: one folder per municipality (its own feeds
/// and plan.txt), `personer/` with a feed per person and `roller/` with a
/// feed per role; prints every municipality's text plan in district order.
struct DistrictPlanRun {
    let command: PlanCommand

    /// The district file read and planned (the validation `check` runs too);
    /// on any problem the error is printed and the process exits.
    /// With `progress` enabled (a terminal), the elapsed time is shown while it plans.
    static func make(path: String, years: ClosedRange<Int>, language: PlanLanguage?,
                     progress: TerminalProgress = TerminalProgress(enabled: false)) -> (District, DistrictPlan) {
        let fallback = language ?? .bokmal
        let district: District
        let imports: [String: CalendarImports]
        do { (district, imports) = try DistrictFile.loadWithImports(path: path) } catch {
            Failure.reportReading(error, asked: language)
        }
        let words = ProgressWords(language: language ?? district.members.first?.language ?? fallback)
        let label = words.planningDistrict(district.name, members: district.members.count, years: years)
        do {
            // Members' busy calendars and skolerute are read and honoured as a single agreement's are.
            let calendars = try DistrictCalendarFiles.read(imports, years: years)
            let plan = try progress.whileRunning({ seconds in label + " … " + words.seconds(seconds) }) {
                try DistrictPlanner.plan(district, years: years, language: language, calendars: calendars)
            }
            return (district, plan)
        } catch {
            progress.finish()
            // A member's calendar file that cannot be read: located at the member agreement's line naming it.
            if case let ICalError.unreadable(file, problem) = error,
               let located = imports.values.lazy.compactMap({ $0.unreadable(file, problem, language: nil) }).first {
                Failure.report(located, language: fallback)
            }
            Failure.report(error, language: fallback)
        }
    }

    func run() throws {
        let language = command.languageOptions.planLanguage
        let years = try command.yearOptions.range()
        let progress = TerminalProgress()
        let (district, plan) = Self.make(path: command.agreementFile, years: years, language: language, progress: progress)
        let words = ProgressWords(language: language ?? district.members.first?.language ?? .bokmal)
        do {
            var texts: [String] = []
            // The text plan is rendered only where it is printed or written.
            let summary = words.plannedDistrict(district.name, events: plan.plans.map(\.events.count).reduce(0, +), years: years)
            guard command.out != nil || !command.quiet else { return progress.finish(summary) }
            for memberPlan in plan.plans {
                let text = TextPlan.render(memberPlan, details: command.details)
                texts.append(text)
                if let out = command.out {
                    var files = try ICalExporter.files(for: memberPlan, options: ICalExportOptions(language: memberPlan.language))
                    files.append((name: "plan.txt", contents: text))
                    try AtomicFile.writeAll(files, into: out + "/" + memberPlan.agreement.id)
                }
            }
            if let out = command.out {
                let feeds = try DistrictFeeds.files(for: plan, options: ICalExportOptions(language: language ?? district.members[0].language))
                for folder in ["personer", "roller"] {
                    let mine = feeds.filter { $0.name.hasPrefix(folder + "/") }
                        .map { (name: String($0.name.dropFirst(folder.count + 1)), contents: $0.contents) }
                    try AtomicFile.writeAll(mine, into: out + "/" + folder)
                }
                // The district file and its member files, so `explain OUT` can explain the folder alone.
                let copies = try PlanFolder.districtCopies(of: command.agreementFile)
                try AtomicFile.writeAll(copies.filter { !$0.name.contains("/") }, into: out)
                try AtomicFile.writeAll(copies.filter { $0.name.hasPrefix(PlanFolder.memberFilesFolder + "/") }
                    .map { (name: String($0.name.dropFirst(PlanFolder.memberFilesFolder.count + 1)), contents: $0.contents) },
                    into: out + "/" + PlanFolder.memberFilesFolder)
            }
            progress.finish(summary)
            if !command.quiet { print(texts.joined(separator: "\n"), terminator: "") }
        } catch {
            Failure.report(error, language: language ?? .bokmal)
        }
    }
}

/// The busy calendars and skolerute files a district's members name, read
/// through libical (findings printed as warnings), as `plan`, `publish` and
/// `serve` read them.
enum DistrictCalendarFiles {
    static func read(_ imports: [String: CalendarImports], years: ClosedRange<Int>) throws(ICalError) -> DistrictCalendars {
        let files = imports.mapValues { (busy: $0.busyCalendars, school: $0.schoolCalendars) }
        let (calendars, findings) = try AgreementCalendarInputs.district(
            files, horizon: DateRange(.firstOfYear(years.lowerBound), .lastOfYear(years.upperBound)))
        var standardError = StandardError()
        for finding in findings { print("aarshjul: warning: \(finding)", to: &standardError) }
        return calendars
    }
}
