/// What was held in the year before a plan's first year, known from a
/// published plan (the state `serve`/`publish` keep, or `plan --previous
/// DIR`). Rules about that year — the first meeting after a municipal
/// election may be next year's first — read it instead of guessing with a
/// fresh plan of that year, which need not be what was published.
public struct HeldYear: Sendable, Equatable {
    public var year: Int
    /// Per series id, the days its meetings were held or are still to be
    /// held as published (cancelled ones left out).
    public var meetings: [String: [CivilDate]]
    /// The first day the record covers: what happened before it is not known.
    public var knownFrom: CivilDate

    public init(year: Int, meetings: [String: [CivilDate]], knownFrom: CivilDate) {
        self.year = year
        self.meetings = meetings
        self.knownFrom = knownFrom
    }

    /// Whether `seriesID` met after `day` that year; nil when the record does not reach back to `day`.
    public func met(_ seriesID: String, after day: CivilDate) -> Bool? {
        if meetings[seriesID]?.contains(where: { $0 > day && $0.year == year }) == true { return true }
        return knownFrom <= day.adding(days: 1) ? false : nil
    }
}
