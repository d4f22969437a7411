import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// Loads the first catalog (failing if it cannot), then builds the
/// application: router, HTTP/1.1 with an idle timeout (a connection that
/// sends nothing for `idleTimeout`, a half-sent request header included, is
/// closed), and a folder watcher when a folder is configured.
public func buildApplication(configuration: ServerConfiguration, source: some FeedSource,
                             logger: Logger = Logger(label: "aarshjul.server")) async throws -> some ApplicationProtocol {
    let store = FeedStore(logger: logger)
    let first = try await source.catalog()
    await store.replace(with: first)
    var services: [any Service] = []
    if let folder = configuration.watchedFolder {
        services.append(FolderWatcher(folder: folder, interval: configuration.pollInterval, store: store,
                                      source: source, logger: logger, clock: configuration.clock))
    }
    let idle = configuration.idleTimeout.components
    return Application(
        router: buildRouter(store: store, configuration: configuration),
        server: .http1(configuration: .init(idleTimeout: .nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "aarshjul"),
        services: services,
        logger: logger
    )
}
