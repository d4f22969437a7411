import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a 207 Multi-Status answer (RFC 4918 §13): per response its href,
/// getetag and calendar-data, matched by namespace and local name so any
/// prefix the server chooses works.
enum MultiStatus {
    static func parse(_ data: Data) throws -> [CalDAVClient.Resource] {
        let delegate = Collector()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = delegate
        guard parser.parse() else {
            throw CalDAVError.badXML(parser.parserError.map { "\($0)" } ?? "unreadable")
        }
        return delegate.resources
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var resources: [CalDAVClient.Resource] = []
        private var href: String?
        private var etag: String?
        private var data: String?
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            text = ""
            if name == "response" && namespaceURI == "DAV:" { href = nil; etag = nil; data = nil }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch (namespaceURI, name) {
            case ("DAV:", "href"): if href == nil { href = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            case ("DAV:", "getetag"): etag = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case ("urn:ietf:params:xml:ns:caldav", "calendar-data"): data = text
            case ("DAV:", "response"):
                if let href, let data { resources.append(.init(href: href, etag: etag, calendarData: data)) }
            default: break
            }
            text = ""
        }
    }
}
