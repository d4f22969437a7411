import Hummingbird
import Logging
import ServiceLifecycle

/// Loads the first catalog (failing if it cannot), then builds the
/// application: router, and a folder watcher when a folder is configured.
public func buildApplication(configuration: ServerConfiguration, source: some FeedSource,
                             logger: Logger = Logger(label: "aarshjul.server")) async throws -> some ApplicationProtocol {
    let store = FeedStore(logger: logger)
    let first = try await source.catalog()
    await store.replace(with: first)
    var services: [any Service] = []
    if let folder = configuration.watchedFolder {
        services.append(FolderWatcher(folder: folder, interval: configuration.pollInterval, store: store,
                                      source: source, logger: logger))
    }
    return Application(
        router: buildRouter(store: store, configuration: configuration),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "aarshjul"),
        services: services,
        logger: logger
    )
}
