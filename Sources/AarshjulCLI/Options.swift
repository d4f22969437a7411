import AarshjulCore
import ArgumentParser

/// `--lang nb|nn|en`, shared by every command that prints plan text. What a
/// run says without it differs by command, so each names its default
/// (`LanguageDefault`) and `--help` tells the truth for that command.
struct LanguageOptions<Default: LanguageDefault>: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp("Output language: nb (bokmål), nn (nynorsk) or en. Default: " + Default.help))
    var language: String?

    init() {}

    func validate() throws {
        if let language, PlanLanguage(rawValue: language) == nil {
            throw ValidationError("'--lang \(language)' is not a language Aarshjul writes. Use nb (bokmål), nn (nynorsk) or en (English).")
        }
    }

    var planLanguage: PlanLanguage? { language.flatMap(PlanLanguage.init(rawValue:)) }
}

/// What a command says when `--lang` is not given, in `--help`'s words.
protocol LanguageDefault { static var help: String { get } }

/// plan, check, reschedule, explain: the file's `language:`.
enum AgreementsLanguage: LanguageDefault {
    static let help = "the agreement's own language (its language:, else bokmål)."
}

/// holidays: the agreement's when one is named, else bokmål.
enum HolidaysLanguage: LanguageDefault {
    static let help = "the agreement's own language when one is named, else bokmål."
}

/// rules: nothing to take a language from.
enum BokmalLanguage: LanguageDefault {
    static let help = "bokmål."
}

/// publish, serve: their own lines; a folder holds agreements in several
/// languages, and the feeds and pages keep each agreement's own.
enum FolderLanguage: LanguageDefault {
    static let help = "bokmål (a refused agreement file in its own language). "
        + "Only this command's own lines and errors; feeds and pages keep each agreement's language."
}

/// `--year 2027` or `--years 2027-2030`.
struct YearOptions: ParsableArguments {
    @Option(help: "The year to plan, e.g. 2027.")
    var year: Int?

    @Option(help: "Several years to plan as one, e.g. 2027-2030.")
    var years: String?

    func validate() throws {
        if year != nil && years != nil {
            throw ValidationError("Give either --year or --years, not both.")
        }
        if year == nil && years == nil {
            throw ValidationError("Say which year to plan, e.g. --year 2027 (or --years 2027-2030).")
        }
        _ = try range()
    }

    func range() throws -> ClosedRange<Int> {
        if let year {
            guard Self.plannable.contains(year) else {
                throw ValidationError("--year \(year) is outside the years Aarshjul plans (1950–2200).")
            }
            return year...year
        }
        return try Self.span(years ?? "")
    }

    /// Years a plan can be made for. The calendar knows 1900–2200 (`aarshjul
    /// holidays`), but 1 May and 17 May became public holidays only in 1947.
    static let plannable = 1950...2200

    /// "2027" or "2027-2030", within the years Aarshjul plans, at most ten.
    static func span(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.split(separator: "-")
        if parts.count == 1, let year = Int(parts[0]), plannable.contains(year) { return year...year }
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a <= b else {
            throw ValidationError("--years '\(text)' is not a span of years. Write it like 2027-2030.")
        }
        guard plannable.contains(a), plannable.contains(b) else {
            throw ValidationError("--years \(text) goes outside the years Aarshjul plans (1950–2200).")
        }
        guard b - a < 10 else {
            throw ValidationError("--years \(text) spans more than ten years; plan at most ten at a time.")
        }
        return a...b
    }
}
