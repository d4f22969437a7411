import AarshjulCore
import Foundation

/// How `buildApplication` sets up the server.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Seconds clients and caches may reuse a feed before asking again (with a conditional request).
    public var cacheMaxAge: Int
    /// Host used in subscribe links when the request's Host header is not one of this server's names.
    public var fallbackHost: String
    /// `--public-url`: when set, every link is built from it, whatever the request says.
    public var publicURL: PublicURL?
    /// Addresses of reverse proxies whose X-Forwarded-Proto / X-Forwarded-Host are believed.
    public var trustedProxies: Set<String>
    /// A connection that sends nothing for this long (a request's header
    /// half-sent included) is closed, so idle or slow clients cannot hold connections.
    public var idleTimeout: Duration
    /// Folder whose files' modification times are polled; a change reloads the feeds.
    public var watchedFolder: String?
    public var pollInterval: Duration
    /// What "now" is (the watcher rebuilds when the day changes); injected by tests and `--today`.
    public var clock: @Sendable () -> UTCTimestamp = CalendarsFolderSource.systemNow
    /// Today's date in Norway, for the "today" mark on the pages' wheels (tests fix it).
    public var today: @Sendable () -> CivilDate

    public init(host: String = "127.0.0.1", port: Int = 8080, cacheMaxAge: Int = 300, fallbackHost: String? = nil,
                publicURL: PublicURL? = nil, trustedProxies: Set<String> = [], idleTimeout: Duration = .seconds(10),
                watchedFolder: String? = nil, pollInterval: Duration = .seconds(2),
                today: @escaping @Sendable () -> CivilDate = ServerConfiguration.osloToday) {
        self.host = host
        self.port = port
        self.cacheMaxAge = cacheMaxAge
        self.fallbackHost = fallbackHost ?? publicURL?.authority ?? "\(host):\(port)"
        self.publicURL = publicURL
        self.trustedProxies = trustedProxies
        self.idleTimeout = idleTimeout
        self.watchedFolder = watchedFolder
        self.pollInterval = pollInterval
        self.today = today
    }

    /// The civil date in Europe/Oslo now.
    public static let osloToday: @Sendable () -> CivilDate = { FeedClock.osloDate(CalendarsFolderSource.systemNow()) }

    /// Whether a Host header names this server itself: its listen address,
    /// the configured host, or a loopback name (any port). Anything else
    /// could come from anyone and never reaches a link.
    func isOwnHost(_ authority: String) -> Bool {
        let name = Self.hostPart(authority.lowercased())
        let own: Set<String> = [host.lowercased(), Self.hostPart(fallbackHost.lowercased()), "localhost", "127.0.0.1", "[::1]"]
        return own.contains(name) && !["0.0.0.0", "[::]", "::", ""].contains(name)
    }

    /// "host" of "host:port" or "[v6]:port".
    static func hostPart(_ authority: String) -> String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") { return String(authority[...end]) }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "")
    }
}

/// `--public-url https://kalender.example.no[:port]`: scheme and authority of every link.
public struct PublicURL: Sendable, Equatable {
    public let secure: Bool
    public let authority: String

    /// nil unless the text is `http://` or `https://` followed by a plain host[:port] (an optional trailing slash).
    public init?(_ text: String) {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { secure = true; rest = text.dropFirst(8) }
        else if lower.hasPrefix("http://") { secure = false; rest = text.dropFirst(7) }
        else { return nil }
        let host = rest.hasSuffix("/") ? rest.dropLast() : rest
        guard !host.isEmpty, LinkBase.isPlainAuthority(String(host)) else { return nil }
        authority = String(host)
    }
}
