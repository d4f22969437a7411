import AarshjulCore
import Foundation
import Logging
import ServiceLifecycle

/// Polls a folder's files (path, size, modification time) and reloads the
/// feeds when they change. Polling needs no inotify and works on any file
/// system; a reload waits until the folder has looked the same for one whole
/// interval, so a file caught half-written is not planned from.
public struct FolderWatcher: Service {
    public let folder: String
    public let interval: Duration
    public let store: FeedStore
    public let source: any FeedSource
    public let logger: Logger
    /// The clock: when the day changes (above all at New Year) the feeds are rebuilt, so the horizon rolls on.
    public let clock: @Sendable () -> UTCTimestamp

    public init(folder: String, interval: Duration, store: FeedStore, source: any FeedSource, logger: Logger,
                clock: @escaping @Sendable () -> UTCTimestamp = CalendarsFolderSource.systemNow) {
        self.clock = clock
        self.folder = folder
        self.interval = interval
        self.store = store
        self.source = source
        self.logger = logger
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            var state = WatchState(loaded: FolderSnapshot.take(of: folder))
            state.day = FeedClock.osloDate(clock())
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                _ = await poll(&state)
            }
        }
    }

    /// One poll: takes a snapshot, and reloads when it differs from what was
    /// last loaded and equals the previous poll's. Returns true if it reloaded.
    public func poll(_ state: inout WatchState) async -> Bool {
        let now = FolderSnapshot.take(of: folder)
        defer { state.previous = now }
        let today = FeedClock.osloDate(clock())
        if let day = state.day, day != today, now == state.loaded {
            state.day = today
            logger.info("A new day; rebuilding the feeds for it", metadata: ["day": "\(today.iso)"])
            await store.reload(from: AnySource(source))
            return true
        }
        state.day = today
        guard now != state.loaded, now == state.previous else { return false }
        logger.info("Calendars folder changed; reloading", metadata: ["folder": "\(folder)"])
        // Whether or not the reload succeeds, this state is handled: a broken
        // file is reported once, and the next edit triggers the next try.
        state.loaded = now
        await store.reload(from: AnySource(source))
        return true
    }
}

/// What the watcher remembers between polls.
public struct WatchState: Sendable {
    public var loaded: FolderSnapshot
    public var previous: FolderSnapshot?
    /// The day the feeds were last built for (nil: not tracked).
    public var day: CivilDate?

    public init(loaded: FolderSnapshot) {
        self.loaded = loaded
        self.previous = loaded
    }
}

/// Regular files under a folder with their sizes and modification times, sorted by path.
public struct FolderSnapshot: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public let path: String
        public let size: Int
        public let modified: Double
    }

    public let entries: [Entry]

    public static func take(of folder: String) -> FolderSnapshot {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: folder) else { return FolderSnapshot(entries: []) }
        var entries: [Entry] = []
        while let relative = enumerator.nextObject() as? String {
            // Hidden files and folders (editor swap files, the state folder
            // the source writes) are not agreements; watching them would
            // reload after every reload.
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            // A symlinked agreement is watched through its target (stat, not lstat):
            // editing the target changes its size and time, not the link's.
            let full = (folder + "/" + relative as NSString).resolvingSymlinksInPath
            guard let attributes = try? manager.attributesOfItem(atPath: full),
                  attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            entries.append(Entry(path: relative, size: size, modified: modified))
        }
        return FolderSnapshot(entries: entries.sorted { $0.path < $1.path })
    }
}

/// Opens an existential source for the generic `reload(from:)`.
struct AnySource: FeedSource {
    let base: any FeedSource
    init(_ base: any FeedSource) { self.base = base }
    func catalog() async throws -> FeedCatalog { try await base.catalog() }
}
