import AarshjulCore
@testable import AarshjulServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The server as a user and a hostile client see it: the index page served
/// with an ETag, 405 for other methods, links that follow the request only
/// as far as it can be trusted.
@Suite struct ServingTests {
    @Test func theIndexPageIsRenderedOncePerCatalogAndRevalidatesWith304() async throws {
        let store = FeedStore(catalog: try Fixtures.catalog(plan: Fixtures.plan()))
        let app = Application(router: buildRouter(store: store))
        try await app.test(.router) { client in
            let first = try await client.execute(uri: "/", method: .get)
            #expect(first.status == .ok)
            let etag = try #require(first.headers[.eTag])
            let again = try await client.execute(uri: "/", method: .get)
            #expect(again.headers[.eTag] == etag)
            #expect(String(buffer: again.body) == String(buffer: first.body))
            let conditional = try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: etag])
            #expect(conditional.status == .notModified)
            #expect(conditional.body.readableBytes == 0)
            let english = try await client.execute(uri: "/?lang=en", method: .get)
            #expect(english.headers[.eTag] != etag, "each language is its own page")
            // A new catalog is a new page.
            await store.replace(with: try FeedCatalog(feeds: try Fixtures.catalog().feeds.filter { $0.municipalityID != "bergen" }))
            let changed = try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: etag])
            #expect(changed.status == .ok)
            #expect(changed.headers[.eTag] != etag)
        }
    }

    @Test func theCacheHoldsTheSameBytesTheRendererMakes() throws {
        let catalog = try Fixtures.catalog(plan: Fixtures.plan())
        let cache = PageCache()
        let links = LinkBase.host("a.example", secure: true)
        let key = PageCache.Key(municipality: nil, language: .bokmal, links: links, today: nil)
        let page = try #require(cache.page(catalog: catalog, key: key) { IndexPage.html(catalog: catalog, links: links, language: .bokmal) })
        #expect(String(buffer: page.buffer) == IndexPage.html(catalog: catalog, links: links, language: .bokmal))
        // A second ask is answered from the cache without rendering.
        let again = cache.page(catalog: catalog, key: key) { Issue.record("rendered twice"); return nil }
        #expect(again?.etag == page.etag)
        // A municipality that is not there is no page, and nothing is cached for it.
        let missing = PageCache.Key(municipality: "nowhere", language: .bokmal, links: links, today: nil)
        #expect(cache.page(catalog: catalog, key: missing) { nil } == nil)
    }

    @Test func unsupportedMethodsGet405WithAllow() async throws {
        let app = Application(router: buildRouter(store: FeedStore(catalog: try Fixtures.catalog())))
        try await app.test(.router) { client in
            for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                for uri in ["/", "/lillestrom/alle.ics", "/nowhere"] {
                    let response = try await client.execute(uri: uri, method: method)
                    #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                    #expect(response.headers[.allow] == "GET, HEAD")
                }
            }
            let options = try await client.execute(uri: "/", method: .options)
            #expect(options.headers[.allow] == "GET, HEAD")
            #expect(try await client.execute(uri: "/lillestrom/alle.ics", method: .head).status == .ok)
        }
    }

    func links(_ configuration: ServerConfiguration, peer: String?, _ headers: HTTPFields, authority: String?) -> LinkBase {
        let request = Request(head: HTTPRequest(method: .get, scheme: "http", authority: authority, path: "/", headerFields: headers),
                              body: .init(buffer: ByteBuffer()))
        return LinkResolver(configuration: configuration).links(for: request, peer: peer)
    }

    @Test func linksFollowTheRequestOnlyAsFarAsItIsTrusted() {
        let plain = ServerConfiguration(host: "0.0.0.0", port: 8080, fallbackHost: "kalender.example.no:8080")
        // Plain HTTP: no https link that would fail with a TLS error.
        #expect(links(plain, peer: "10.0.0.5", [:], authority: "localhost:8080") == .host("localhost:8080", secure: false))
        // A forged Host is not believed.
        #expect(links(plain, peer: "10.0.0.5", [:], authority: "evil.example") == .host("kalender.example.no:8080", secure: false))
        // X-Forwarded-* from an untrusted peer are ignored ...
        let forwarded: HTTPFields = [.xForwardedProto: "https", .xForwardedHost: "kalender.kommune.no"]
        #expect(links(plain, peer: "10.0.0.5", forwarded, authority: "localhost:8080") == .host("localhost:8080", secure: false))
        // ... and honoured from a trusted proxy.
        var proxied = plain
        proxied.trustedProxies = ["127.0.0.1"]
        #expect(links(proxied, peer: "127.0.0.1", forwarded, authority: "localhost:8080") == .host("kalender.kommune.no", secure: true))
        let hostile: HTTPFields = [.xForwardedHost: "evil\"><script>"]
        #expect(links(proxied, peer: "127.0.0.1", hostile, authority: "x") == .host("kalender.example.no:8080", secure: false))
        // --public-url wins over everything.
        var fixed = proxied
        fixed.publicURL = PublicURL("https://kalender.example.no/")
        #expect(links(fixed, peer: "127.0.0.1", forwarded, authority: "evil.example") == .host("kalender.example.no", secure: true))
        #expect(PublicURL("ftp://x") == nil && PublicURL("https://a b") == nil)
    }

    @Test func thePageOverPlainHTTPLinksWithHTTP() async throws {
        let source = ScriptedSource(try Fixtures.catalog(plan: Fixtures.plan()))
        let app = try await buildApplication(configuration: ServerConfiguration(host: "127.0.0.1", port: 0, idleTimeout: Fixtures.unhurriedIdleTimeout), source: source)
        try await app.test(.live) { client in
            let html = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(html.contains("http://localhost"))
            #expect(!html.contains("https://"))
        }
    }

    @Test func aSymlinkedAgreementIsWatchedThroughItsTarget() throws {
        let dir = try temporaryFolder("symlink")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
        try "id: a\n".write(toFile: dir + "/real/a.yaml", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/watched", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/watched/a.yaml", withDestinationPath: dir + "/real/a.yaml")
        let before = FolderSnapshot.take(of: dir + "/watched")
        #expect(before.entries.map(\.path) == ["a.yaml"])
        try "id: a\nmunicipality: Endret\n".write(toFile: dir + "/real/a.yaml", atomically: false, encoding: .utf8)
        #expect(FolderSnapshot.take(of: dir + "/watched") != before)
    }

    @Test func aBrokenFileAtStartIsSkippedAndTheRestServed() async throws {
        let dir = try temporaryFolder("broken-start")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Paths.calendars + "/oyer.yaml", toPath: dir + "/oyer.yaml")
        try "id: [unclosed\n".write(toFile: dir + "/broken.yaml", atomically: true, encoding: .utf8)
        let moment = UTCTimestamp(date: CivilDate(year: 2026, month: 12, day: 1)!)
        let lenient = CalendarsFolderSource(folder: dir, secret: Fixtures.secret, skipBrokenFiles: true, now: { moment })
        let catalog = try await lenient.catalog()
        #expect(catalog.lookup("/oyer.ics") != nil)
        #expect(catalog.lookup("/oyer/politirad.ics") != nil)
        // publish is strict: a broken file stops it, saying where.
        let strict = CalendarsFolderSource(folder: dir, secret: Fixtures.secret, now: { moment })
        await #expect(throws: (any Error).self) { _ = try await strict.catalog() }
    }
}
