/// Norway's counties (from 2024) with the school-holiday weeks most of their
/// municipalities use. These are defaults: a municipality states its own
/// skolerute in the agreement where it differs.
public enum County: String, Sendable, CaseIterable, Equatable {
    case oslo, akershus, ostfold, buskerud, vestfold, telemark, agder, rogaland
    case vestland, moreOgRomsdal = "more-og-romsdal", trondelag, innlandet
    case nordland, troms, finnmark

    public var name: String {
        switch self {
        case .oslo: return "Oslo"
        case .akershus: return "Akershus"
        case .ostfold: return "Østfold"
        case .buskerud: return "Buskerud"
        case .vestfold: return "Vestfold"
        case .telemark: return "Telemark"
        case .agder: return "Agder"
        case .rogaland: return "Rogaland"
        case .vestland: return "Vestland"
        case .moreOgRomsdal: return "Møre og Romsdal"
        case .trondelag: return "Trøndelag"
        case .innlandet: return "Innlandet"
        case .nordland: return "Nordland"
        case .troms: return "Troms"
        case .finnmark: return "Finnmark"
        }
    }

    /// ISO week of the winter break (vinterferie). Vestland follows former
    /// Hordaland (week 9); former Sogn og Fjordane municipalities override to 8.
    public var winterBreakWeek: Int {
        switch self {
        case .oslo, .akershus, .ostfold, .vestfold, .telemark, .agder, .trondelag, .moreOgRomsdal:
            return 8
        case .innlandet, .buskerud, .rogaland, .vestland, .nordland, .troms, .finnmark:
            return 9
        }
    }

    /// ISO week of the autumn break (høstferie).
    public var autumnBreakWeek: Int {
        switch self {
        case .agder, .rogaland, .vestland, .innlandet: return 41
        default: return 40
        }
    }

    /// Weekdays off in the autumn-break week (the north has only a few days).
    public var autumnBreakDays: Int {
        switch self {
        case .nordland, .troms, .finnmark: return 3
        default: return 5
        }
    }

    /// Accepts the file form ("more-og-romsdal") and the display name ("Møre og Romsdal").
    public init?(name: String) {
        let key = name.lowercased()
        if let c = County(rawValue: key) { self = c; return }
        if let c = County.allCases.first(where: { $0.name.lowercased() == key }) { self = c; return }
        return nil
    }
}
