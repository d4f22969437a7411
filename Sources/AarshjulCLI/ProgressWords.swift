import AarshjulCore

/// The progress lines of long runs, in the run's language.
struct ProgressWords {
    let language: PlanLanguage

    func t(_ nb: String, _ nn: String, _ en: String) -> String {
        switch language {
        case .bokmal: return nb
        case .nynorsk: return nn
        case .english: return en
        }
    }

    func span(_ years: ClosedRange<Int>) -> String {
        years.count == 1 ? String(years.lowerBound) : "\(years.lowerBound)–\(years.upperBound)"
    }

    func seconds(_ n: Int) -> String { t("\(n) s", "\(n) s", "\(n) s") }

    func planningDistrict(_ name: String, members: Int, years: ClosedRange<Int>) -> String {
        t("Planlegger \(name) (\(members) kommuner) for \(span(years))", "Planlegg \(name) (\(members) kommunar) for \(span(years))",
          "Planning \(name) (\(members) municipalities) for \(span(years))")
    }

    func plannedDistrict(_ name: String, events: Int, years: ClosedRange<Int>) -> String {
        t("Planla \(name) for \(span(years)): \(events) hendelser.", "Planla \(name) for \(span(years)): \(events) hendingar.",
          "Planned \(name) for \(span(years)): \(events) events.")
    }

    func publishing(_ p: (municipality: String, index: Int, count: Int, done: Int, total: Int)) -> String {
        t("CalDAV: \(p.municipality) (\(p.index) av \(p.count)), \(p.done) av \(p.total) hendelser sendt",
          "CalDAV: \(p.municipality) (\(p.index) av \(p.count)), \(p.done) av \(p.total) hendingar sende",
          "CalDAV: \(p.municipality) (\(p.index) of \(p.count)), \(p.done) of \(p.total) events sent")
    }
}
