import AarshjulCore
import NIOCore
import Synchronization

/// The overview and municipality pages (and their wheels) rendered once per
/// catalog, language, link base and day, then served from memory like a
/// feed (bytes, ETag). Rendering
/// stays a pure function of those inputs (`IndexPage.html`); this only
/// remembers its result. A new catalog empties the cache; at most
/// `limit` variants are kept, so many forwarded host names cannot fill memory.
final class PageCache: Sendable {
    struct Page: Sendable {
        let buffer: ByteBuffer
        let etag: String
    }

    /// Which page, for whom: the overview (nil) or a municipality, language, link base and day (the wheel's "today" mark).
    struct Key: Hashable {
        let municipality: String?
        let language: PlanLanguage
        let links: LinkBase
        let today: CivilDate?
    }

    private struct State {
        var catalogID: UInt64 = 0
        var pages: [Key: Page] = [:]
    }

    static let limit = 256
    private let state = Mutex(State())

    /// The cached page, or `render`'s result (nil: no such page, not cached).
    func page(catalog: FeedCatalog, key: Key, render: () -> String?) -> Page? {
        if let hit = state.withLock({ $0.catalogID == catalog.id ? $0.pages[key] : nil }) { return hit }
        guard let html = render() else { return nil }
        let bytes = Array(html.utf8)
        let page = Page(buffer: ByteBuffer(bytes: bytes), etag: EntityTag.strong(for: bytes))
        state.withLock { state in
            if state.catalogID != catalog.id { state = State(catalogID: catalog.id) }
            // Every page in both languages for a few link bases; more (forged forwarded hosts) start over.
            if state.pages.count >= max(Self.limit, 8 * (catalog.municipalities.count + 1)) { state.pages.removeAll() }
            state.pages[key] = page
        }
        return page
    }
}
