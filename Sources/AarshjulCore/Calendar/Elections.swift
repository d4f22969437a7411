/// Norwegian election days. By convention the second Monday of September;
/// the King in Council sets the real day, so agreements may override it.
public enum Elections {
    public enum Kind: Sendable, Hashable {
        case municipal   // kommunestyre- og fylkestingsvalg: 2023, 2027, 2031, …
        case parliament  // stortingsvalg: 2025, 2029, …
    }

    public struct Election: Sendable, Hashable {
        public let kind: Kind
        public let date: CivilDate
        public let projected: Bool
    }

    public static func kind(in year: Int) -> Kind? {
        let r = ((year - 2023) % 4 + 4) % 4
        if r == 0 { return .municipal }
        if r == 2 { return .parliament }
        return nil
    }

    /// The second Monday of September.
    public static func projectedDay(in year: Int) -> CivilDate {
        let first = CivilDate(year: year, month: 9, day: 1)!
        let toMonday = (8 - first.weekday.rawValue) % 7
        return first.adding(days: toMonday + 7)
    }

    /// The year's election, if any, honouring overrides.
    public static func election(in year: Int, overrides: [Int: CivilDate] = [:]) -> Election? {
        guard let kind = kind(in: year) else { return nil }
        if let date = overrides[year] { return Election(kind: kind, date: date, projected: false) }
        return Election(kind: kind, date: projectedDay(in: year), projected: year > 2025)
    }
}
