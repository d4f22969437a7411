import AarshjulCore
import Foundation

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
    /// Today's date in Norway, for the "today" mark on the pages' wheels (tests fix it).
    public var today: @Sendable () -> CivilDate

    public init(host: String = "127.0.0.1", port: Int = 8080, cacheMaxAge: Int = 300, fallbackHost: String? = nil,
                watchedFolder: String? = nil, pollInterval: Duration = .seconds(2),
                today: @escaping @Sendable () -> CivilDate = ServerConfiguration.osloToday) {
        self.host = host
        self.port = port
        self.cacheMaxAge = cacheMaxAge
        self.fallbackHost = fallbackHost ?? "\(host):\(port)"
        self.watchedFolder = watchedFolder
        self.pollInterval = pollInterval
        self.today = today
    }

    /// The civil date in Europe/Oslo now.
    public static let osloToday: @Sendable () -> CivilDate = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(secondsFromGMT: 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? CivilDate.firstOfYear(2000)
    }
}
