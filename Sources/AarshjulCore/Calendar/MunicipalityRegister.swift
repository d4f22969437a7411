/// A municipality as the register has it (data/kommuner.yaml).
public struct Municipality: Sendable, Hashable {
    /// Kommunenummer, four digits ("4640").
    public var number: String
    /// The name used in text ("Kautokeino").
    public var name: String
    /// Every official form where there is more than one ("Guovdageaidnu", "Kautokeino").
    public var names: [String]
    public var county: County
    /// "Vest politidistrikt".
    public var policeDistrict: String
    /// Where this municipality's police district is read, when it is not the
    /// register's general police source (an exception to the county border).
    public var policeSource: FactSource?

    public init(number: String, name: String, names: [String] = [], county: County, policeDistrict: String,
                policeSource: FactSource? = nil) {
        self.number = number
        self.name = name
        self.names = names.isEmpty ? [name] : names
        self.county = county
        self.policeDistrict = policeDistrict
        self.policeSource = policeSource
    }

    /// "Guovdageaidnu – Kautokeino" (the official form), or the one name.
    public var officialName: String { names.joined(separator: " – ") }
}

/// A municipality that no longer exists, and what it became.
public struct FormerMunicipality: Sendable, Hashable {
    public enum Change: String, Sendable, Hashable {
        case merged, split, renamed, renumbered
    }

    public var number: String?
    public var name: String
    /// The county it lies in today (through its successor).
    public var county: County
    /// Its last day.
    public var until: CivilDate
    /// The number of the municipality it became part of.
    public var became: String
    public var change: Change
    public var note: String?
    public var source: FactSource?

    public init(number: String? = nil, name: String, county: County, until: CivilDate, became: String, change: Change,
                note: String? = nil, source: FactSource? = nil) {
        self.number = number
        self.name = name
        self.county = county
        self.until = until
        self.became = became
        self.change = change
        self.note = note
        self.source = source
    }
}

/// Norway's municipalities on a date, with the ones that ceased since 2020.
public struct MunicipalityRegister: Sendable {
    public var validFrom: CivilDate
    public var municipalities: [Municipality]
    public var former: [FormerMunicipality]
    public var source: FactSource?
    public var policeSource: FactSource?

    public init(validFrom: CivilDate, municipalities: [Municipality], former: [FormerMunicipality] = [],
                source: FactSource? = nil, policeSource: FactSource? = nil) {
        self.validFrom = validFrom
        self.municipalities = municipalities
        self.former = former
        self.source = source
        self.policeSource = policeSource
    }

    public func municipality(number: String) -> Municipality? { municipalities.first { $0.number == number } }

    static func key(_ name: String) -> String { name.lowercased().trimmingSpaces() }

    /// Current municipalities with `name` among their official names, in `county` when given.
    public func current(named name: String, county: County? = nil) -> [Municipality] {
        let k = Self.key(name)
        return municipalities.filter { m in m.names.contains { Self.key($0) == k } && (county == nil || m.county == county) }
    }

    /// What the register says of a municipality an agreement names.
    public enum Finding: Sendable, Equatable {
        /// It exists (in the county the agreement gives).
        case current(Municipality)
        /// It ceased to exist; `successor` is what it became.
        case ceased(FormerMunicipality, successor: Municipality)
        /// It exists, but in another county.
        case otherCounty(Municipality)
        /// The number names another municipality than the name does.
        case numberMismatch(number: Municipality, name: String)
        /// A number the register does not know.
        case unknownNumber(String)
        /// A name the register does not know (a test municipality, say): not checked.
        case unknown
    }

    /// Checks a municipality named by `name` (and `number`, when given) in `county`.
    public func find(name: String, number: String? = nil, county: County? = nil) -> Finding {
        if let number {
            if let m = municipality(number: number) {
                return m.names.contains(where: { Self.key($0) == Self.key(name) }) ? .current(m) : .numberMismatch(number: m, name: name)
            }
            if let gone = former.first(where: { $0.number == number }), let successor = municipality(number: gone.became) {
                return .ceased(gone, successor: successor)
            }
            return .unknownNumber(number)
        }
        let here = current(named: name, county: county)
        if let m = here.first { return .current(m) }
        let k = Self.key(name)
        if let gone = former.first(where: { Self.key($0.name) == k && (county == nil || $0.county == county) && $0.change != .renumbered }),
           let successor = municipality(number: gone.became) {
            return .ceased(gone, successor: successor)
        }
        if let elsewhere = current(named: name).first { return .otherCounty(elsewhere) }
        return .unknown
    }
}
