/// How `buildApplication` sets up the server.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Seconds clients and caches may reuse a feed before asking again (with a conditional request).
    public var cacheMaxAge: Int
    /// Host used in subscribe links when a request carries no usable Host header.
    public var fallbackHost: String
    /// Folder whose files' modification times are polled; a change reloads the feeds.
    public var watchedFolder: String?
    public var pollInterval: Duration

    public init(host: String = "127.0.0.1", port: Int = 8080, cacheMaxAge: Int = 300, fallbackHost: String? = nil,
                watchedFolder: String? = nil, pollInterval: Duration = .seconds(2)) {
        self.host = host
        self.port = port
        self.cacheMaxAge = cacheMaxAge
        self.fallbackHost = fallbackHost ?? "\(host):\(port)"
        self.watchedFolder = watchedFolder
        self.pollInterval = pollInterval
    }
}
