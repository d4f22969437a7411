import Foundation
import AarshjulCore

/// Reads the answers `aarshjul init` takes, from flags or typed at its
/// questions, in Norwegian or English: each returns nil for text it does not
/// understand, so the caller can say what it expected.
public enum TemplateAnswers {
    /// "ingen", "none", "nei", "no", "0", "-": the series is not in the agreement.
    public static func isNone(_ text: String) -> Bool {
        ["ingen", "none", "nei", "no", "0", "-", "n"].contains(text.answerTrimmed.lowercased())
    }

    /// "6-8", "6–8" or "6" weeks between SLT meetings; nil for nonsense.
    public static func weeks(_ text: String) -> ClosedRange<Int>? {
        let parts = text.answerTrimmed.replacingDashes.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.answerStripping(" ") }
        guard (1...2).contains(parts.count), let a = Int(parts[0]), let b = Int(parts.last!), a <= b,
              AgreementTemplate.sltWeeksRange.contains(a), AgreementTemplate.sltWeeksRange.contains(b) else { return nil }
        return a...b
    }

    /// A working weekday for the police contact's day: `.some(nil)` for any
    /// weekday ("any", "alle", "hvilken som helst", "valfri"), nil for nonsense.
    public static func contactDay(_ text: String) -> Weekday?? {
        let key = text.answerTrimmed.lowercased()
        if ["any", "alle", "hvilken som helst", "kva som helst", "valgfri", "valfri", "fri dag", "*"].contains(key) { return .some(nil) }
        guard let day = Values.weekday(key), day.rawValue <= 5 else { return nil }
        return .some(day)
    }

    /// ja/nei, yes/no, j/n, y/n, true/false.
    public static func yesNo(_ text: String) -> Bool? {
        switch text.answerTrimmed.lowercased() {
        case "j", "ja", "y", "yes", "true", "1": return true
        case "n", "nei", "no", "false", "0": return false
        default: return nil
        }
    }

    /// bokmål, nynorsk or English by code or name.
    public static func language(_ text: String) -> PlanLanguage? {
        switch text.answerTrimmed.lowercased() {
        case "nb", "bokmål", "bokmal", "no": return .bokmal
        case "nn", "nynorsk": return .nynorsk
        case "en", "english", "engelsk": return .english
        default: return nil
        }
    }

    /// A county by file form or name ("innlandet", "Møre og Romsdal").
    public static func county(_ text: String) -> County? { County(name: text.answerTrimmed) }

    /// "Innlandet" → "Innlandet politidistrikt"; a name that already says
    /// politidistrikt (or police district) stays as written.
    public static func policeDistrict(_ text: String) -> String {
        let name = text.answerTrimmed
        let lower = name.lowercased()
        if lower.contains("politidistrikt") || lower.contains("police district") || name.isEmpty { return name }
        return name + " politidistrikt"
    }

    /// Names must fit on one line; control characters would break the file.
    public static func isPrintableName(_ text: String) -> Bool {
        !text.answerTrimmed.isEmpty && text.count <= 80 && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}

extension String {
    var answerTrimmed: String { answerStripping(" \t\r\n") }
    var replacingDashes: String { replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-") }
    func answerStripping(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension Substring {
    func answerStripping(_ set: String) -> String { String(self).answerStripping(set) }
}
