import AarshjulCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The few WebDAV/CalDAV requests publishing needs (RFC 4918, RFC 4791), over
/// plain HTTP(S) with URLSession.
struct CalDAVClient: Sendable {
    let credentials: CalDAVPublisher.Credentials?
    let session: URLSession

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    /// A resource in a calendar collection as the server holds it.
    struct Resource {
        var href: String
        var etag: String?
        var calendarData: String
    }

    func send(_ method: String, _ url: URL, headers: [String: String] = [:], body: Data? = nil) async throws -> Reply {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let credentials {
            let token = Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
            request.setValue("Basic \(token)", forHTTPHeaderField: "Authorization")
        }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw CalDAVError.notHTTP(url.absoluteString) }
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { fields[key.lowercased()] = value }
        }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// Creates the calendar collection unless it exists.
    /// Returns true when it was created.
    func ensureCalendar(_ url: URL, displayName: String) async throws -> Bool {
        let probe = try await send("PROPFIND", url, headers: ["Depth": "0", "Content-Type": "application/xml; charset=utf-8"],
                                   body: Data(#"<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>"#.utf8))
        if probe.status == 207 { return false }
        guard probe.status == 404 else { throw CalDAVError.unexpected("PROPFIND", url.absoluteString, probe.status) }
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>\
            <D:displayname>\(XMLText.escape(displayName))</D:displayname>\
            <C:supported-calendar-component-set><C:comp name="VEVENT"/><C:comp name="VTODO"/></C:supported-calendar-component-set>\
            </D:prop></D:set></C:mkcalendar>
            """
        let made = try await send("MKCALENDAR", url, headers: ["Content-Type": "application/xml; charset=utf-8"], body: Data(body.utf8))
        guard made.status == 201 else { throw CalDAVError.unexpected("MKCALENDAR", url.absoluteString, made.status) }
        return true
    }

    /// Every resource in the collection with its ETag and data, in one REPORT.
    func resources(in url: URL) async throws -> [Resource] {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">\
            <D:prop><D:getetag/><C:calendar-data/></D:prop>\
            <C:filter><C:comp-filter name="VCALENDAR"/></C:filter></C:calendar-query>
            """
        let reply = try await send("REPORT", url, headers: ["Depth": "1", "Content-Type": "application/xml; charset=utf-8"],
                                   body: Data(body.utf8))
        guard reply.status == 207 else { throw CalDAVError.unexpected("REPORT", url.absoluteString, reply.status) }
        return try MultiStatus.parse(reply.body)
    }
}

/// Why publishing to a CalDAV server stopped, in plain words.
public enum CalDAVError: Error, CustomStringConvertible, Equatable {
    case notHTTP(String)
    case unexpected(String, String, Int)
    case changedMeanwhile(String)
    case badXML(String)

    public var description: String {
        switch self {
        case .notHTTP(let url): return "\(url): the answer was not HTTP"
        case .unexpected(let method, let url, let status):
            return "\(method) \(url): the server answered \(status)\(status == 401 || status == 403 ? " (check the user name and password)" : "")"
        case .changedMeanwhile(let url):
            return "\(url) was changed on the server while publishing (412); publish again"
        case .badXML(let why): return "the server's answer is not the WebDAV XML expected: \(why)"
        }
    }
}
