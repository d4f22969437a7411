/// Why no plan came out.
public enum PlanningError: Error, Sendable, Equatable {
    /// The agreement refers to things it does not define, or asks for nonsense
    /// (an unknown venue or person, 0 meetings a quarter, 8–6 weeks).
    case invalidAgreement([String])
    /// Some series cannot keep its hard rules; each clash names the series,
    /// the period and what fills it.
    case infeasible([Clash])

    /// Plain words for a non-programmer.
    public func message(_ language: PlanLanguage) -> String {
        switch self {
        case .invalidAgreement(let problems):
            let head: String
            switch language {
            case .bokmal: head = "Avtalefila har feil som må rettes før en plan kan lages:"
            case .nynorsk: head = "Avtalefila har feil som må rettast før ein plan kan lagast:"
            case .english: head = "The agreement file has errors to fix before a plan can be made:"
            }
            return ([head] + problems.map { "- \($0)" }).joined(separator: "\n")
        case .infeasible(let clashes):
            let head: String
            switch language {
            case .bokmal: head = "Planen går ikke opp. Dette står i veien:"
            case .nynorsk: head = "Planen går ikkje opp. Dette står i vegen:"
            case .english: head = "The plan does not work out. This is in the way:"
            }
            return ([head] + clashes.map { "- \($0.explanation.text(language))" }).joined(separator: "\n")
        }
    }
}

/// One hard rule a series cannot keep in one period.
public struct Clash: Sendable, Equatable {
    public var ruleID: String
    public var seriesID: String?
    public var period: DateRange
    public var explanation: LocalizedText

    public init(ruleID: String, seriesID: String?, period: DateRange, explanation: LocalizedText) {
        self.ruleID = ruleID
        self.seriesID = seriesID
        self.period = period
        self.explanation = explanation
    }
}
