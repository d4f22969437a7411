/// Where a calendar fact comes from: who published it, the title of the page
/// or decision, where it was found and when it was read. Facts live in the
/// data files under `data/` (see data/README.md); the core only carries them.
public struct FactSource: Sendable, Hashable {
    /// The key the data file uses for the source ("hamar").
    public var id: String
    /// "Hamar kommune", "Vestfold fylkeskommune".
    public var publisher: String
    /// The title of the page or the decision, as published.
    public var title: String
    public var url: String?
    /// When the page was read.
    public var read: CivilDate?

    public init(id: String, publisher: String, title: String, url: String? = nil, read: CivilDate? = nil) {
        self.id = id
        self.publisher = publisher
        self.title = title
        self.url = url
        self.read = read
    }

    /// "Hamar kommune: «Skoleruta – ferie og fridager», lest 01.12.2026"
    /// (the date in the language's one date style).
    public func citation(_ language: PlanLanguage) -> String {
        var text = "\(publisher): «\(title)»"
        if let read {
            text += ", " + language.pick(nb: "lest", nn: "lese", en: "read") + " " + Words.longDate(read, language)
        }
        if let url { text += " <\(url)>" }
        return text
    }
}

/// Published: decided and made public by whoever decides it. Projected:
/// derived from a documented pattern because nothing is decided yet.
public enum FactStatus: String, Sendable, Hashable {
    case published
    case projected

    public func word(_ language: PlanLanguage) -> String {
        switch self {
        case .published: return LocalizedText(nb: "vedtatt", nn: "vedteke", en: "published").text(language)
        case .projected: return LocalizedText(nb: "antatt", nn: "venta", en: "projected").text(language)
        }
    }
}

/// The status of one fact with what it rests on: the source it was read in,
/// and for a projection, the pattern it follows.
public struct Provenance: Sendable, Hashable {
    public var status: FactStatus
    public var source: FactSource?
    /// For a projection: the pattern in words ("høstferie uke 41 som 2022–2026"),
    /// in each language the data file gives it (data/README.md).
    public var basis: LocalizedText?

    public init(status: FactStatus, source: FactSource? = nil, basis: LocalizedText? = nil) {
        self.status = status
        self.source = source
        self.basis = basis
    }

    public static func published(_ source: FactSource) -> Provenance { Provenance(status: .published, source: source) }
    public static func projected(_ basis: LocalizedText, source: FactSource? = nil) -> Provenance {
        Provenance(status: .projected, source: source, basis: basis)
    }
}
