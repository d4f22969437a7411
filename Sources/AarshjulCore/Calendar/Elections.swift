/// Norwegian election days. The King in Council fixes each one; the days
/// decided so far are data (data/valg.yaml, read into an `ElectionTable`),
/// later years follow the rule (the second Monday of September) and are
/// marked projected. Agreements may override a year.
public enum Elections {
    public enum Kind: Sendable, Hashable {
        case municipal   // kommunestyre- og fylkestingsvalg: 2023, 2027, 2031, …
        case parliament  // stortingsvalg: 2025, 2029, …
    }

    public struct Election: Sendable, Hashable {
        public let kind: Kind
        public let date: CivilDate
        public let projected: Bool
        /// Where the day comes from; nil for an agreement's own override (and
        /// for a decided year when no data file is read).
        public let provenance: Provenance?

        public init(kind: Kind, date: CivilDate, projected: Bool, provenance: Provenance? = nil) {
            self.kind = kind
            self.date = date
            self.projected = projected
            self.provenance = provenance
        }
    }

    /// Which election a year has under the four-year cycles of the rule table.
    public static func kind(in year: Int) -> Kind? { ElectionTable.rule.kind(in: year) }

    /// The second Monday of September.
    public static func projectedDay(in year: Int) -> CivilDate { ElectionTable.rule.day.date(in: year) }

    /// The year's election, if any, honouring overrides.
    public static func election(in year: Int, overrides: [Int: CivilDate] = [:], table: ElectionTable = .rule) -> Election? {
        table.election(in: year, overrides: overrides)
    }
}

/// Election days as decided (with their sources) and the rule for the rest.
public struct ElectionTable: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var kind: Elections.Kind
        public var date: CivilDate
        public var provenance: Provenance

        public init(kind: Elections.Kind, date: CivilDate, provenance: Provenance) {
            self.kind = kind
            self.date = date
            self.provenance = provenance
        }
    }

    public var entries: [Int: Entry]
    public var day: DayRule
    /// The rule in words, in each language the data file gives it.
    public var basis: LocalizedText
    public var municipalFrom: Int
    public var parliamentFrom: Int
    /// Where the rule is read (the latest decision that followed it), so a
    /// projected day can say what it rests on.
    public var source: FactSource?

    public init(entries: [Int: Entry] = [:], day: DayRule, basis: LocalizedText, municipalFrom: Int, parliamentFrom: Int,
                source: FactSource? = nil) {
        self.entries = entries
        self.day = day
        self.basis = basis
        self.municipalFrom = municipalFrom
        self.parliamentFrom = parliamentFrom
        self.source = source
    }

    /// The rule alone: municipal elections every fourth year from 2023,
    /// parliament every fourth year from 2025, on the second Monday of
    /// September. 2023-09-11 and 2025-09-08 were fixed in council on that
    /// rule; the tool reads the decided days from data/valg.yaml.
    public static let rule = ElectionTable(day: .onOrAfter(.monday, month: 9, day: 8),
                                           basis: LocalizedText(nb: "andre mandag i september", nn: "andre måndag i september",
                                                                en: "the second Monday of September"),
                                           municipalFrom: 2023, parliamentFrom: 2025)

    public func kind(in year: Int) -> Elections.Kind? {
        if let entry = entries[year] { return entry.kind }
        if ((year - municipalFrom) % 4 + 4) % 4 == 0 { return .municipal }
        if ((year - parliamentFrom) % 4 + 4) % 4 == 0 { return .parliament }
        return nil
    }

    public func election(in year: Int, overrides: [Int: CivilDate] = [:]) -> Elections.Election? {
        guard let kind = kind(in: year) else { return nil }
        if let date = overrides[year] { return Elections.Election(kind: kind, date: date, projected: false) }
        if let entry = entries[year] {
            return Elections.Election(kind: kind, date: entry.date, projected: entry.provenance.status == .projected,
                                      provenance: entry.provenance)
        }
        // Without data the rule stands for what was decided up to 2025, with
        // no source to name for those years.
        let projected = entries.isEmpty ? year > 2025 : true
        return Elections.Election(kind: kind, date: day.date(in: year), projected: projected,
                                  provenance: projected ? Provenance.projected(basis, source: source) : nil)
    }
}
