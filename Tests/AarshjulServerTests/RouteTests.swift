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

    @Test func overviewListsEachMunicipalityWithItsWholeCalendarAndPage() async throws {
        let (app, _) = await app(try Fixtures.catalog(plan: Fixtures.plan()))
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"nb\">"))
                #expect(html.contains("<h2><a href=\"/lillestrom/\">Lillestrøm</a></h2>"))
                #expect(html.contains("<h2><a href=\"/bergen/\">Bergen</a></h2>"))
                #expect(html.contains("href=\"webcal://localhost/lillestrom/alle.ics\">Abonner</a>"))
                // The server speaks plain HTTP: its addresses say so (no TLS error when clicked).
                #expect(html.contains("http://localhost/lillestrom/alle.ics") && !html.contains("https://localhost"))
                // The overview is light: no wheels, the series calendars are on each municipality's page.
                #expect(!html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox"))
                #expect(!html.contains("lillestrom/politirad.ics"))
                #expect(!html.contains(Fixtures.confidentialToken))
            }
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"en\">"))
                #expect(html.contains("href=\"/lillestrom/?lang=en\""))
                #expect(html.contains("Subscribe") && html.contains("<span class=\"feed-title\">All meetings</span>"))
            }
        }
    }

    @Test func municipalityPageHasButtonsCopyableAddressesAndTheWheel() async throws {
        let today = CivilDate(year: 2025, month: 6, day: 2)!
        let store = FeedStore(catalog: try Fixtures.catalog(plan: Fixtures.plan()))
        let app = Application(router: buildRouter(store: store, configuration: ServerConfiguration(today: { today })))
        try await app.test(.router) { client in
            try await client.execute(uri: "/lillestrom/", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<h1>Lillestrøm</h1>"))
                #expect(html.contains("<a class=\"button webcal\" href=\"webcal://localhost/lillestrom/politirad.ics\">Abonner</a>"))
                // The address is in a field to copy, not the text of a link.
                #expect(html.contains("<input class=\"copy-source\" type=\"text\" readonly value=\"http://localhost/lillestrom/politirad.ics\">"))
                #expect(!html.contains(">http://localhost/lillestrom/politirad.ics</a>"))
                #expect(html.contains("Politiråd &lt;&amp; &quot;rådet&quot;&gt;"))
                #expect(!html.contains("Politiråd <&"))
                #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
                #expect(html.contains("class=\"today\" data-date=\"2025-06-02\""), "the server's clock marks today")
                // The legend as a table with the full names and the dates.
                #expect(html.contains("<th scope=\"row\">SLT &lt;koordinering&gt; &amp; ledelse</th><td>3 møter: 12.02. 01.07. 20.11.</td>"))
                #expect(!html.contains("politirad-full") && !html.contains(Fixtures.confidentialToken))
                #expect(!html.contains("class=\"deadline\""), "deadlines are in the full feeds only")
            }
            try await client.execute(uri: "/lillestrom?lang=en", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"en\">"))
                #expect(html.contains("Police council") && html.contains("Copy the address"))
                // The series calendars are named in English too, not by their Norwegian feed names.
                #expect(html.contains("<span class=\"feed-title\">Lillestrøm: Police council</span>"), "\(html)")
                #expect(!html.contains("Politiråd &lt;&amp;"))
            }
            try await client.execute(uri: "/trondheim/", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func todayMarkFollowsTheClockOverNewYear() throws {
        let catalog = try Fixtures.catalog(plan: Fixtures.plan())
        func page(_ today: CivilDate) -> String {
            IndexPage.municipalityHTML(catalog: catalog, municipalityID: "lillestrom", links: .host("x"), language: .bokmal, today: today) ?? ""
        }
        #expect(page(CivilDate(year: 2025, month: 12, day: 31)!).contains("class=\"today\" data-date=\"2025-12-31\""))
        // The plan is for 2025: on 1 January 2026 its wheel has no today.
        #expect(!page(CivilDate(year: 2026, month: 1, day: 1)!).contains("class=\"today\""))
        #expect(page(CivilDate(year: 2025, month: 3, day: 1)!) == page(CivilDate(year: 2025, month: 3, day: 1)!))
    }

    /// The router test client always sends authority "localhost", so the
    /// Host handling is checked on the function the route uses.
    @Test func hostileHostHeaderDoesNotReachThePage() throws {
        let hostile = "evil.example\"><script>x</script>"
        let links = LinkBase.fromHostHeader(hostile, fallback: "127.0.0.1:8080")
        #expect(links == .host("127.0.0.1:8080"))
        let html = IndexPage.html(catalog: try Fixtures.catalog(), links: links, language: .bokmal)
        #expect(!html.contains("<script>x</script>") && !html.contains("evil.example"))
        #expect(html.contains("webcal://127.0.0.1:8080/lillestrom/alle.ics"))
        #expect(LinkBase.fromHostHeader("kalender.example.no:8443", fallback: "x") == .host("kalender.example.no:8443"))
        #expect(LinkBase.fromHostHeader("[::1]:8080", fallback: "x") == .host("[::1]:8080"))
        #expect(LinkBase.fromHostHeader(nil, fallback: "x") == .host("x"))
    }
}
