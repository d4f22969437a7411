import AarshjulCore
import Hummingbird

/// `/` is the overview page and `/<municipality>/` a municipality's page
/// (both rendered by `IndexPage`); every other path is looked up in the
/// current catalog and nothing else: there is no file system behind the router.
/// HEAD is answered by Hummingbird from the GET handler (same headers, no body).
public func buildRouter(store: FeedStore, configuration: ServerConfiguration = ServerConfiguration()) -> Router<BasicRequestContext> {
    let router = Router(options: .autoGenerateHeadEndpoints)
    router.get("/") { request, _ -> Response in
        let catalog = await store.catalog
        let language: PlanLanguage = request.uri.queryParameters["lang"] == "en" ? .english : .bokmal
        let links = LinkBase.fromHostHeader(request.head.authority, fallback: configuration.fallbackHost)
        let page = IndexPage.html(catalog: catalog, links: links, language: language, today: configuration.today())
        return htmlResponse(page, language: language)
    }
    router.get("**") { request, _ -> Response in
        let catalog = store.current
        guard let feed = catalog.lookup(request.uri.path) else {
            // "/lillestrom/" (or "/lillestrom"): that municipality's page.
            let parts = request.uri.path.split(separator: "/")
            if parts.count == 1, let page = IndexPage.municipalityHTML(
                catalog: catalog, municipalityID: String(parts[0]),
                links: LinkBase.fromHostHeader(request.head.authority, fallback: configuration.fallbackHost),
                language: request.uri.queryParameters["lang"] == "en" ? .english : .bokmal, today: configuration.today()) {
                return htmlResponse(page, language: request.uri.queryParameters["lang"] == "en" ? .english : .bokmal)
            }
            return notFound()
        }
        return FeedResponse.response(for: feed, request: request, cacheMaxAge: configuration.cacheMaxAge)
    }
    return router
}

func htmlResponse(_ page: String, language: PlanLanguage) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "text/html; charset=utf-8"
    headers[.cacheControl] = "no-cache"
    headers[.contentLanguage] = language == .english ? "en" : "nb"
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
}

/// Plain-language 404, the same for unknown paths, refused paths and wrong
/// tokens, so a response never tells whether a confidential feed exists.
func notFound() -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "text/plain; charset=utf-8"
    headers[.cacheControl] = "no-store"
    let text = "Fant ingen kalender på denne adressen. Se forsiden (/) for kalenderne som finnes.\n"
        + "No calendar at this address. See the front page (/) for the calendars there are.\n"
    return Response(status: .notFound, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
}

enum FeedResponse {
    static func response(for feed: Feed, request: Request, cacheMaxAge: Int) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = feed.etag
        headers[.lastModified] = feed.lastModifiedHeader
        // Confidential feeds must not sit in shared caches.
        headers[.cacheControl] = (feed.isPublic ? "public" : "private") + ", max-age=\(cacheMaxAge)"
        let outcome = ConditionalRequest.evaluate(
            ifNoneMatch: joined(request.headers[values: .ifNoneMatch]),
            ifModifiedSince: request.headers[.ifModifiedSince],
            etag: feed.etag, lastModified: feed.lastModified)
        if outcome == .notModified {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = feed.contentType
        headers[.contentDisposition] = feed.contentDisposition
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: feed.buffer))
    }

    /// Several If-None-Match lines mean one comma-separated list.
    private static func joined(_ values: [String]) -> String? {
        values.isEmpty ? nil : values.joined(separator: ", ")
    }
}

extension HTTPFields.Element.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}
