/// Norway's counties (from 2024). Their skolerute is data, not code: see
/// data/skolerute/<county>.yaml and `CountySchoolRoute`.
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

    /// Accepts the file form ("more-og-romsdal") and the display name ("Møre og Romsdal").
    public init?(name: String) {
        let key = name.lowercased()
        if let c = County(rawValue: key) { self = c; return }
        if let c = County.allCases.first(where: { $0.name.lowercased() == key }) { self = c; return }
        return nil
    }
}
