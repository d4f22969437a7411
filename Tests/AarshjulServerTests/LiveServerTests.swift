import AarshjulCore
@testable import AarshjulServer
import Hummingbird
import HummingbirdTesting
import Testing

/// The whole application from `buildApplication`, over a real socket on loopback.
@Suite struct LiveServerTests {
    @Test func buildApplicationServesFeedsOverHTTP() async throws {
        let source = ScriptedSource(try Fixtures.catalog(plan: Fixtures.plan()))
        let app = try await buildApplication(configuration: ServerConfiguration(host: "127.0.0.1", port: 0, idleTimeout: Fixtures.unhurriedIdleTimeout), source: source)
        try await app.test(.live) { client in
            let get = try await client.execute(uri: "/lillestrom/alle.ics", method: .get)
            #expect(get.status == .ok)
            #expect(get.headers[.contentType] == "text/calendar; charset=utf-8")
            let etag = try #require(get.headers[.eTag])
            let head = try await client.execute(uri: "/lillestrom/alle.ics", method: .head)
            #expect(head.status == .ok)
            #expect(head.headers[.eTag] == etag)
            #expect(head.body.readableBytes == 0)
            let notModified = try await client.execute(uri: "/lillestrom/alle.ics", method: .get, headers: [.ifNoneMatch: etag])
            #expect(notModified.status == .notModified)
            let traversal = try await client.execute(uri: "/lillestrom/..%2f..%2fPackage.swift", method: .get)
            #expect(traversal.status == .notFound)
            let index = try await client.execute(uri: "/", method: .get)
            #expect(String(buffer: index.body).contains("webcal://localhost"))
        }
        #expect(await source.calls == 1)
    }

    @Test func buildApplicationFailsWhenTheFirstCatalogCannotBeBuilt() async throws {
        let source = ScriptedSource(.empty)
        await source.fail(SourceBroke())
        await #expect(throws: SourceBroke.self) {
            _ = try await buildApplication(configuration: ServerConfiguration(port: 0), source: source)
        }
    }
}
