import AarshjulCore
import Hummingbird
import NIOCore

/// `/` is the overview page and `/<municipality>/` a municipality's page
/// (both rendered by `IndexPage`, once per catalog, language, link base and
/// day, see `PageCache`); every other path is looked up in the current
/// catalog and nothing else: there is no file system behind the router.
/// HEAD is answered by Hummingbird from the GET handler (same headers, no
/// body); other methods get 405 with `Allow`.
public func buildRouter(store: FeedStore, configuration: ServerConfiguration = ServerConfiguration()) -> Router<FeedRequestContext> {
    let router = Router(context: FeedRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: MethodGuard())
    let pages = PageCache()
    router.get("/") { request, context -> Response in
        let catalog = store.current
        let language: PlanLanguage = request.uri.queryParameters["lang"] == "en" ? .english : .bokmal
        let links = LinkResolver(configuration: configuration).links(for: request, peer: context.peerIP)
        let today = configuration.today()
        let page = pages.page(catalog: catalog, key: .init(municipality: nil, language: language, links: links, today: today)) {
            IndexPage.html(catalog: catalog, links: links, language: language, today: today)
        }
        return page.map { htmlResponse($0, request: request, language: language) } ?? notFound()
    }
    router.get("**") { request, context -> Response in
        let catalog = store.current
        guard let feed = catalog.lookup(request.uri.path) else {
            // "/lillestrom/" (or "/lillestrom"): that municipality's page.
            let parts = request.uri.path.split(separator: "/")
            guard parts.count == 1, FeedPath.isValidSegment(parts[0]),
                  catalog.municipalities.contains(where: { $0.id == parts[0] }) else { return notFound() }
            let id = String(parts[0])
            let language: PlanLanguage = request.uri.queryParameters["lang"] == "en" ? .english : .bokmal
            let links = LinkResolver(configuration: configuration).links(for: request, peer: context.peerIP)
            let today = configuration.today()
            let page = pages.page(catalog: catalog, key: .init(municipality: id, language: language, links: links, today: today)) {
                IndexPage.municipalityHTML(catalog: catalog, municipalityID: id, links: links, language: language, today: today)
            }
            return page.map { htmlResponse($0, request: request, language: language) } ?? notFound()
        }
        return FeedResponse.response(for: feed, request: request, cacheMaxAge: configuration.cacheMaxAge)
    }
    return router
}

/// A cached page with its ETag: 304 when the client has it.
func htmlResponse(_ page: PageCache.Page, request: Request, language: PlanLanguage) -> Response {
    var headers = HTTPFields()
    headers[.eTag] = page.etag
    // Revalidate every time (a reload changes the page), cheaply: 304 on a matching ETag.
    headers[.cacheControl] = "no-cache"
    headers[.vary] = "Host, X-Forwarded-Host, X-Forwarded-Proto"
    headers[.contentLanguage] = language == .english ? "en" : "nb"
    if let tags = request.headers[values: .ifNoneMatch].nonEmptyJoined, EntityTag.ifNoneMatchMatches(tags, current: page.etag) {
        return Response(status: .notModified, headers: headers)
    }
    headers[.contentType] = "text/html; charset=utf-8"
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: page.buffer))
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

/// Only GET and HEAD exist here: anything else is 405 with `Allow` (OPTIONS: 204 with `Allow`).
struct MethodGuard: RouterMiddleware {
    typealias Context = FeedRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .get || request.method == .head { return try await next(request, context) }
        var headers = HTTPFields()
        headers[.allow] = "GET, HEAD"
        headers[.cacheControl] = "no-store"
        if request.method == .options { return Response(status: .noContent, headers: headers) }
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: .methodNotAllowed, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: "Bare GET og HEAD. / Only GET and HEAD.\n")))
    }
}

/// Where links on the page point for one request:
/// - `--public-url` when given, always;
/// - else the request as it reached us: the scheme is http (this server has
///   no TLS) unless a trusted proxy says `X-Forwarded-Proto: https`, and the
///   host is the proxy's `X-Forwarded-Host` (trusted proxies only) or the
///   Host header when it names this server; any other Host falls back to the
///   configured host, so a forged Host header never reaches a link.
struct LinkResolver {
    let configuration: ServerConfiguration

    func links(for request: Request, peer: String?) -> LinkBase {
        if let url = configuration.publicURL { return .host(url.authority, secure: url.secure) }
        let trusted = peer.map(configuration.trustedProxies.contains) ?? false
        var secure = false
        var host: String?
        if trusted {
            if let proto = request.headers[.xForwardedProto]?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased() {
                secure = proto == "https"
            }
            host = request.headers[.xForwardedHost]?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let direct = request.head.authority
        if host == nil, let direct, trusted || configuration.isOwnHost(direct) { host = direct }
        guard let host, LinkBase.isPlainAuthority(host) else { return .host(configuration.fallbackHost, secure: secure) }
        return .host(host, secure: secure)
    }
}

enum FeedResponse {
    static func response(for feed: Feed, request: Request, cacheMaxAge: Int) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = feed.etag
        headers[.lastModified] = feed.lastModifiedHeader
        // Confidential feeds must not sit in shared caches.
        headers[.cacheControl] = (feed.isPublic ? "public" : "private") + ", max-age=\(cacheMaxAge)"
        let outcome = ConditionalRequest.evaluate(
            ifNoneMatch: request.headers[values: .ifNoneMatch].nonEmptyJoined,
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
}

extension Array where Element == String {
    /// Several If-None-Match lines mean one comma-separated list.
    var nonEmptyJoined: String? { isEmpty ? nil : joined(separator: ", ") }
}

extension HTTPFields.Element.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let xForwardedProto = Self("X-Forwarded-Proto")!
    static let xForwardedHost = Self("X-Forwarded-Host")!
}
