import Logging
import Synchronization

/// Holds the catalog being served. A reload builds a whole new catalog away
/// from readers and swaps it in one assignment, so every request sees either
/// the whole old or the whole new catalog; a failed reload keeps the old one.
public actor FeedStore {
    public private(set) var catalog: FeedCatalog {
        didSet { snapshot.withLock { $0 = catalog } }
    }
    /// The same catalog for request handlers, read under a lock without a hop
    /// onto the actor: every request reads it, and the hop cost about a
    /// quarter of the throughput under load (scripts/bench-serve.sh).
    private nonisolated let snapshot: Mutex<FeedCatalog>

    /// The catalog being served now; safe from any thread.
    public nonisolated var current: FeedCatalog { snapshot.withLock { $0 } }
    /// Counts successful swaps (0 = the initial catalog).
    public private(set) var generation = 0
    private var nextTicket = 0
    private var appliedTicket = -1
    private let logger: Logger

    public init(catalog: FeedCatalog = .empty, logger: Logger = Logger(label: "aarshjul.feeds")) {
        self.catalog = catalog
        self.snapshot = Mutex(catalog)
        self.logger = logger
    }

    /// Builds a catalog from `source` and swaps it in. Returns false (and logs)
    /// when the source fails. Reloads may overlap (the actor is re-entered
    /// while the source works); a slower, older reload never overwrites a
    /// newer one.
    @discardableResult
    public func reload(from source: some FeedSource) async -> Bool {
        let ticket = nextTicket
        nextTicket += 1
        let fresh: FeedCatalog
        do {
            fresh = try await source.catalog()
        } catch {
            logger.error("Reload failed; still serving the previous feeds", metadata: ["error": "\(error)"])
            return false
        }
        guard ticket > appliedTicket else {
            logger.info("A newer reload finished first; dropping this one", metadata: ["ticket": "\(ticket)"])
            return true
        }
        appliedTicket = ticket
        catalog = fresh
        generation += 1
        logger.info("Feeds reloaded", metadata: ["feeds": "\(fresh.feeds.count)", "generation": "\(generation)"])
        return true
    }

    /// Replaces the catalog directly (tests, or a source already run).
    public func replace(with catalog: FeedCatalog) {
        appliedTicket = nextTicket
        nextTicket += 1
        self.catalog = catalog
        generation += 1
    }
}
