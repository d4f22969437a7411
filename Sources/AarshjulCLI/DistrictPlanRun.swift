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
    static func make(path: String, years: ClosedRange<Int>, language: PlanLanguage?) -> (District, DistrictPlan) {
        let fallback = language ?? .bokmal
        let district: District
        do { district = try DistrictFile.load(path: path) } catch { Failure.report(error, language: fallback) }
        do { return (district, try DistrictPlanner.plan(district, years: years, language: language)) } catch {
            Failure.report(error, language: fallback)
        }
    }

    func run() throws {
        let language = command.languageOptions.planLanguage
        let (district, plan) = Self.make(path: command.agreementFile, years: try command.yearOptions.range(), language: language)
        do {
            var texts: [String] = []
            for memberPlan in plan.plans {
                let text = TextPlan.render(memberPlan)
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
            }
            if !command.quiet { print(texts.joined(separator: "\n"), terminator: "") }
        } catch {
            Failure.report(error, language: language ?? .bokmal)
        }
    }
}
