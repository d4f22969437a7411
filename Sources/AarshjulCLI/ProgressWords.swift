import AarshjulCore

/// The progress lines of long runs, in the run's language.
struct ProgressWords {
    let language: PlanLanguage

    func span(_ years: ClosedRange<Int>) -> String {
        years.count == 1 ? String(years.lowerBound) : "\(years.lowerBound)–\(years.upperBound)"
    }

    func seconds(_ n: Int) -> String { language.pick(nb: "\(n) s", nn: "\(n) s", en: "\(n) s") }

    func planningDistrict(_ name: String, members: Int, years: ClosedRange<Int>) -> String {
        language.pick(nb: "Planlegger \(name) (\(members) kommuner) for \(span(years))", nn: "Planlegg \(name) (\(members) kommunar) for \(span(years))",
          en: "Planning \(name) (\(members) municipalities) for \(span(years))")
    }

    func plannedDistrict(_ name: String, events: Int, years: ClosedRange<Int>) -> String {
        language.pick(nb: "Planla \(name) for \(span(years)): \(events) hendelser.", nn: "Planla \(name) for \(span(years)): \(events) hendingar.",
          en: "Planned \(name) for \(span(years)): \(events) events.")
    }

    func publishing(_ p: (municipality: String, index: Int, count: Int, done: Int, total: Int)) -> String {
        language.pick(nb: "CalDAV: \(p.municipality) (\(p.index) av \(p.count)), \(p.done) av \(p.total) hendelser sendt",
          nn: "CalDAV: \(p.municipality) (\(p.index) av \(p.count)), \(p.done) av \(p.total) hendingar sende",
          en: "CalDAV: \(p.municipality) (\(p.index) of \(p.count)), \(p.done) of \(p.total) events sent")
    }
}
