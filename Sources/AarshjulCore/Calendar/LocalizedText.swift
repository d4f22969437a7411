/// A short user-facing text in the three plan languages.
public struct LocalizedText: Sendable, Hashable {
    public let bokmal: String
    public let nynorsk: String
    public let english: String

    public init(nb: String, nn: String? = nil, en: String) {
        self.bokmal = nb
        self.nynorsk = nn ?? nb
        self.english = en
    }

    public func text(_ language: PlanLanguage) -> String {
        language.pick(nb: bokmal, nn: nynorsk, en: english)
    }
}

extension PlanLanguage {
    /// The one of three forms of a text that this language reads: the single
    /// place every user-facing text chooses its language (a `LocalizedText`
    /// where the text is kept, `pick` where it is said at once).
    public func pick(nb: String, nn: String, en: String) -> String {
        switch self {
        case .bokmal: return nb
        case .nynorsk: return nn
        case .english: return en
        }
    }
}
