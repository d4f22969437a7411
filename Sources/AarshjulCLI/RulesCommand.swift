import AarshjulCore
import ArgumentParser

/// `aarshjul rules`: the rule catalogue in plain words, so a coordinator can
/// see what the planner never breaks and what it merely prefers.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the hard rules the planner never breaks and the weighted preferences it scores."
    )

    @OptionGroup var languageOptions: LanguageOptions<BokmalLanguage>

    func run() throws {
        print(RuleListing.render(languageOptions.planLanguage ?? .bokmal), terminator: "")
    }
}

enum RuleListing {
    static func render(_ language: PlanLanguage) -> String {
        let (hard, soft, weight) = headings(language)
        var lines = [hard]
        let width = RuleCatalogue.hardRules.map(\.id.count).max() ?? 0
        for rule in RuleCatalogue.hardRules {
            lines.append("  " + rule.id.padding(width) + "  " + rule.description.text(language))
        }
        lines += ["", soft]
        let softWidth = RuleCatalogue.softRules.map(\.id.count).max() ?? 0
        for rule in RuleCatalogue.softRules {
            lines.append("  " + rule.id.padding(softWidth) + "  " + "\(weight) \(rule.weight)".padding(10)
                         + rule.description.text(language))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func headings(_ language: PlanLanguage) -> (String, String, String) {
        switch language {
        case .bokmal: return ("Harde regler (brytes aldri)", "Preferanser (vektede, lavest mulig kostnad)", "vekt")
        case .nynorsk: return ("Harde reglar (vert aldri brotne)", "Preferansar (vekta, lågast mogleg kostnad)", "vekt")
        case .english: return ("Hard rules (never broken)", "Preferences (weighted, lowest possible cost)", "weight")
        }
    }
}

private extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: Swift.max(0, width - count)) }
}
