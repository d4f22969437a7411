import AarshjulCore
@testable import AarshjulServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct RouteTests {
    func app(_ catalog: FeedCatalog) async -> (some ApplicationProtocol, FeedStore) {
        let store = FeedStore(catalog: catalog)
        return (Application(router: buildRouter(store: store, configuration: ServerConfiguration(cacheMaxAge: 300))), store)
    }

    @Test func feedIsServedWithCalendarHeaders() async throws {
        let catalog = try Fixtures.catalog()
        let (app, _) = await app(catalog)
        let feed = try #require(catalog.lookup("/lillestrom/politirad.ics"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/lillestrom/politirad.ics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(response.headers[.contentDisposition]?.hasPrefix("inline") == true)
                #expect(response.headers[.eTag] == feed.etag)
                #expect(response.headers[.eTag]?.hasPrefix("\"") == true && response.headers[.eTag]?.hasPrefix("W/") == false)
                #expect(response.headers[.lastModified] == "Fri, 10 Jan 2025 09:30:00 GMT")
                #expect(response.headers[.cacheControl] == "public, max-age=300")
                let body = String(buffer: response.body)
                #expect(body.hasPrefix("BEGIN:VCALENDAR\r\n"))
                #expect(body.contains("X-WR-CALNAME:Politiråd"))
                #expect(response.headers[.contentLength] == String(feed.body.count))
            }
        }
    }

    @Test func headHasHeadersButNoBody() async throws {
        let (app, _) = await app(try Fixtures.catalog())
        try await app.test(.router) { client in
            try await client.execute(uri: "/lillestrom/alle.ics", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(response.headers[.eTag] != nil)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func ifNoneMatchGives304ForTheTagAListOrStar() async throws {
        let catalog = try Fixtures.catalog()
        let (app, _) = await app(catalog)
        let etag = try #require(catalog.lookup("/lillestrom/alle.ics")).etag
        try await app.test(.router) { client in
            for value in [etag, "\"nope\", W/\(etag)", "*"] {
                try await client.execute(uri: "/lillestrom/alle.ics", method: .get, headers: [.ifNoneMatch: value]) { response in
                    #expect(response.status == .notModified, "If-None-Match: \(value)")
                    #expect(response.body.readableBytes == 0)
                    #expect(response.headers[.eTag] == etag)
                }
            }
            try await client.execute(uri: "/lillestrom/alle.ics", method: .get, headers: [.ifNoneMatch: "\"stale\""]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func ifModifiedSinceGives304OnlyWithoutIfNoneMatch() async throws {
        let (app, _) = await app(try Fixtures.catalog())
        try await app.test(.router) { client in
            try await client.execute(uri: "/lillestrom/alle.ics", method: .get,
                                     headers: [.ifModifiedSince: "Fri, 10 Jan 2025 09:30:00 GMT"]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/lillestrom/alle.ics", method: .get,
                                     headers: [.ifModifiedSince: "Fri, 10 Jan 2025 09:29:59 GMT"]) { response in
                #expect(response.status == .ok)
            }
            // A non-matching If-None-Match wins over a date that would give 304.
            var headers = HTTPFields()
            headers[.ifModifiedSince] = "Sat, 01 Jan 2033 00:00:00 GMT"
            headers[.ifNoneMatch] = "\"old\""
            try await client.execute(uri: "/lillestrom/alle.ics", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test(arguments: [
        "/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/lillestrom/..%2f..%2fx.ics", "/lillestrom/../lillestrom/alle.ics",
        "/lillestrom\\alle.ics", "//etc/passwd", "/lillestrom/ALLE.ics", "/lillestrom/alle.ics/", "/lillestrom/finnes-ikke.ics",
        "/lillestrom/.alle.ics", "/Package.swift", "/etc/passwd",
    ])
    func unsafeOrUnknownPathsAre404(_ path: String) async throws {
        let (app, _) = await app(try Fixtures.catalog())
        try await app.test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(!String(buffer: response.body).contains("BEGIN:VCALENDAR"))
            }
        }
    }

    @Test func notFoundSpeaksPlainLanguage() async throws {
        let (app, _) = await app(try Fixtures.catalog())
        try await app.test(.router) { client in
            try await client.execute(uri: "/lillestrom/finnes-ikke.ics", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                #expect(String(buffer: response.body).contains("Fant ingen kalender"))
            }
        }
    }

    @Test func confidentialFeedNeedsItsExactToken() async throws {
        let (app, _) = await app(try Fixtures.catalog())
        let token = Fixtures.confidentialToken
        var chars = Array(token)
        chars[chars.count - 1] = chars.last == "0" ? "1" : "0"
        let wrong = String(chars)
        try await app.test(.router) { client in
            try await client.execute(uri: "/private/\(token)/lillestrom/politirad-full.ics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("taushetsbelagt"))
                #expect(response.headers[.cacheControl]?.hasPrefix("private") == true)
            }
            for uri in ["/private/\(wrong)/lillestrom/politirad-full.ics",   // wrong token
                        "/lillestrom/politirad-full.ics",                            // no token
                        "/private/lillestrom/politirad-full.ics",                    // token missing
                        "/private/\(token.prefix(31))/lillestrom/politirad-full.ics", // truncated
                        "/private/\(token)/lillestrom/politirad.ics"] {              // public feed under a token
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
        }
    }

    @Test func indexListsPublicFeedsWithSubscribeLinksAndTheWheel() async throws {
        let (app, _) = await app(try Fixtures.catalog(plan: Fixtures.plan()))
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"nb\">"))
                #expect(html.contains("href=\"webcal://localhost/lillestrom/politirad.ics\""))
                #expect(html.contains("href=\"https://localhost/lillestrom/alle.ics\""))
                #expect(html.contains("href=\"webcal://localhost/bergen/slt.ics\""))
                #expect(html.contains("<h2>Lillestrøm</h2>") && html.contains("<h2>Bergen</h2>"))
                #expect(html.contains("Politiråd &lt;&amp; &quot;rådet&quot;&gt;"))
                #expect(!html.contains("Politiråd <&"))
                #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
                #expect(html.contains("Abonner"))
                // Confidential feeds and their tokens never appear.
                #expect(!html.contains("politirad-full"))
                #expect(!html.contains(Fixtures.confidentialToken))
            }
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"en\">"))
                #expect(html.contains("Subscribe"))
                #expect(html.contains("Police council"))
            }
        }
    }

    /// The router test client always sends authority "localhost", so the
    /// Host handling is checked on the function the route uses.
    @Test func hostileHostHeaderDoesNotReachThePage() throws {
        let hostile = "evil.example\"><script>x</script>"
        let links = LinkBase.fromHostHeader(hostile, fallback: "127.0.0.1:8080")
        #expect(links == .host("127.0.0.1:8080"))
        let html = IndexPage.html(catalog: try Fixtures.catalog(), links: links, language: .bokmal)
        #expect(!html.contains("<script>"))
        #expect(html.contains("webcal://127.0.0.1:8080/lillestrom/alle.ics"))
        #expect(LinkBase.fromHostHeader("kalender.example.no:8443", fallback: "x") == .host("kalender.example.no:8443"))
        #expect(LinkBase.fromHostHeader("[::1]:8080", fallback: "x") == .host("[::1]:8080"))
        #expect(LinkBase.fromHostHeader(nil, fallback: "x") == .host("x"))
    }
}
