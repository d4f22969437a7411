/// What to plan: an agreement over a span of years, in a language, with
/// extra closed dates the user adds on the command line.
public struct PlanRequest: Sendable {
    public var agreement: Agreement
    public var years: ClosedRange<Int>
    public var language: PlanLanguage
    public var extraBlackouts: [Blackout]

    public init(agreement: Agreement, years: ClosedRange<Int>, language: PlanLanguage? = nil, extraBlackouts: [Blackout] = []) {
        self.agreement = agreement
        self.years = years
        self.language = language ?? agreement.language
        self.extraBlackouts = extraBlackouts
    }
}
