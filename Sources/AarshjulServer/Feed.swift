import AarshjulCore
import Hummingbird

/// What a feed covers; used to group and label feeds on the index page.
public enum FeedKind: String, Sendable, Equatable, CaseIterable {
    /// Every meeting of one municipality.
    case municipality
    /// One meeting series.
    case series
    /// What one person attends.
    case person
    /// What one role attends.
    case role
    /// A page (not a calendar), e.g. an extra HTML file.
    case page
}

/// Who may fetch a feed.
public enum FeedVisibility: Sendable, Equatable {
    /// Times, titles and places only; served at `/<path>` and listed on the index.
    case `public`
    /// Full details (attendees, agenda; taushetsplikt). Served only at
    /// `/private/<token>/<path>` and never listed. See `FeedToken`.
    case confidential(token: String)
}

/// One feed the server or a static publish serves.
public struct Feed: Sendable, Equatable {
    /// Relative path without a leading slash, e.g. "lillestrom/politirad.ics".
    /// Only `[a-z0-9._-]` segments (see `FeedPath.isValidCatalogPath`).
    public var path: String
    public var title: String
    /// Display name of the municipality ("Lillestrøm").
    public var municipality: String
    /// The agreement id, the first path segment ("lillestrom").
    public var municipalityID: String
    public var kind: FeedKind
    public var body: [UInt8]
    /// When the content last changed (newest DTSTAMP in it); the HTTP Last-Modified.
    public var lastModified: UTCTimestamp
    public var visibility: FeedVisibility
    /// For a year archive (the year-named address of one year, kept so old
    /// subscriptions keep working): its year; nil for the stable feeds.
    public var archiveYear: Int?
    /// Strong entity tag: quoted SHA-256 of the body, computed once.
    public let etag: String
    /// The body once as a NIO buffer; responses share it (copy on write).
    let buffer: ByteBuffer
    /// Header values made once per catalog, not per request.
    let lastModifiedHeader: String
    let contentDisposition: String

    public init(path: String, title: String, municipality: String, municipalityID: String? = nil, kind: FeedKind,
                body: [UInt8], lastModified: UTCTimestamp, visibility: FeedVisibility = .public, archiveYear: Int? = nil) {
        self.path = path
        self.archiveYear = archiveYear
        self.title = title
        self.municipality = municipality
        self.municipalityID = municipalityID ?? String(path.split(separator: "/").first ?? "")
        self.kind = kind
        self.body = body
        self.lastModified = lastModified
        self.visibility = visibility
        self.etag = EntityTag.strong(for: body)
        self.buffer = ByteBuffer(bytes: body)
        self.lastModifiedHeader = HTTPDate.format(lastModified)
        self.contentDisposition = "inline; filename=\"\(path.split(separator: "/").last ?? "feed.ics")\""
    }

    public init(path: String, title: String, municipality: String, municipalityID: String? = nil, kind: FeedKind,
                text: String, lastModified: UTCTimestamp, visibility: FeedVisibility = .public, archiveYear: Int? = nil) {
        self.init(path: path, title: title, municipality: municipality, municipalityID: municipalityID, kind: kind,
                  body: Array(text.utf8), lastModified: lastModified, visibility: visibility, archiveYear: archiveYear)
    }

    /// The URL path this feed is served at, with a leading slash.
    public var urlPath: String {
        switch visibility {
        case .public: return "/" + path
        case .confidential(let token): return "/private/\(token)/\(path)"
        }
    }

    public var isPublic: Bool { visibility == .public }

    /// The MIME type the body is served with.
    public var contentType: String {
        path.hasSuffix(".ics") ? "text/calendar; charset=utf-8" : "text/html; charset=utf-8"
    }
}

/// A municipality on the index page: its display name and the plan its wheel is drawn from.
public struct CatalogMunicipality: Sendable, Equatable {
    public var id: String
    public var name: String
    public var plan: Plan?

    public init(id: String, name: String, plan: Plan? = nil) {
        self.id = id
        self.name = name
        self.plan = plan
    }
}

/// Everything served at one moment: the feeds and what the index page shows.
/// Immutable; a reload builds a new catalog and swaps it whole.
public struct FeedCatalog: Sendable {
    /// In the order given (the source decides; keep it deterministic).
    public let feeds: [Feed]
    public let municipalities: [CatalogMunicipality]
    /// When this catalog was built, for the index page's Last-Modified.
    public let lastModified: UTCTimestamp
    /// Tells catalogs apart (a new one per build), so what is cached per catalog is dropped with it.
    public let id: UInt64 = UInt64.random(in: 1...UInt64.max)
    private let byURLPath: [String: Int]
    private let confidentialByPath: [String: Int]

    /// Throws `FeedCatalogError` for an unsafe path or two feeds at one URL.
    public init(feeds: [Feed], municipalities: [CatalogMunicipality] = []) throws(FeedCatalogError) {
        var index: [String: Int] = [:]
        var confidential: [String: Int] = [:]
        for (i, feed) in feeds.enumerated() {
            // "private/" is where confidential feeds live; a catalog path may not start there.
            guard FeedPath.isValidCatalogPath(feed.path), !feed.path.hasPrefix("private/") else { throw .unsafePath(feed.path) }
            if case .confidential(let token) = feed.visibility, !FeedToken.isWellFormed(token) {
                throw .badToken(feed.path)
            }
            if !feed.isPublic, confidential.updateValue(i, forKey: feed.path) != nil { throw .duplicatePath(feed.path) }
            guard index.updateValue(i, forKey: feed.urlPath) == nil else { throw .duplicatePath(feed.urlPath) }
        }
        self.feeds = feeds
        self.byURLPath = index
        self.confidentialByPath = confidential
        // Municipalities named by feeds but not given explicitly are listed too, in feed order.
        var all = municipalities
        for feed in feeds where !all.contains(where: { $0.id == feed.municipalityID }) {
            all.append(CatalogMunicipality(id: feed.municipalityID, name: feed.municipality))
        }
        self.municipalities = all
        self.lastModified = feeds.map(\.lastModified).max() ?? UTCTimestamp(secondsSinceEpoch: 0)
    }

    public static let empty = try! FeedCatalog(feeds: [])

    /// The feed served at `urlPath` (raw request path, leading slash), or nil.
    /// Confidential feeds match only with their exact token, compared in
    /// constant time; public feeds never match under `/private/`.
    public func lookup(_ urlPath: String) -> Feed? {
        guard let request = FeedPath.parse(urlPath) else { return nil }
        switch request {
        case .public(let path):
            guard let i = byURLPath["/" + path], feeds[i].isPublic else { return nil }
            return feeds[i]
        case .confidential(let token, let path):
            // Look the feed up by path alone, then compare tokens in constant
            // time, so timing says nothing about how much of a token was right.
            guard let i = confidentialByPath[path], case let feed = feeds[i],
                  case .confidential(let expected) = feed.visibility,
                  ConstantTime.equals(Array(token.utf8), Array(expected.utf8)) else { return nil }
            return feed
        }
    }

    public func feeds(of municipalityID: String) -> [Feed] {
        feeds.filter { $0.municipalityID == municipalityID }
    }
}

public enum FeedCatalogError: Error, Equatable, CustomStringConvertible {
    case unsafePath(String)
    case duplicatePath(String)
    case badToken(String)

    public var description: String {
        switch self {
        case .unsafePath(let p): return "feed path \"\(p)\" is not a safe relative path of [a-z0-9._-] segments"
        case .duplicatePath(let p): return "two feeds would be served at \(p)"
        case .badToken(let p): return "the token of confidential feed \"\(p)\" is not 32–128 lowercase hex digits"
        }
    }
}

/// Where catalogs come from. The real source reads the calendars folder,
/// plans each agreement and exports its feeds; tests hand-make catalogs.
public protocol FeedSource: Sendable {
    func catalog() async throws -> FeedCatalog
}
