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
        switch language {
        case .bokmal: return bokmal
        case .nynorsk: return nynorsk
        case .english: return english
        }
    }
}
