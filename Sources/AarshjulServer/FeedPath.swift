/// The only paths the server answers: catalog paths, checked as strings.
/// Nothing here (or anywhere in the server) maps a URL to the file system, so
/// `..`, percent-encoded dots or slashes, backslashes and the like cannot
/// reach a file; they are refused before any lookup, and answered with 404.
public enum FeedPath {
    /// A request path after syntax checks.
    public enum Request: Equatable, Sendable {
        case `public`(path: String)
        case confidential(token: String, path: String)
    }

    /// True for `seg/seg/…` with segments of `[a-z0-9._-]`, none empty, none
    /// starting with a dot (so no `.`, `..` or hidden files).
    public static func isValidCatalogPath(_ path: String) -> Bool {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.isEmpty, segments.count <= 8 else { return false }
        return segments.allSatisfy(isValidSegment)
    }

    static func isValidSegment(_ segment: Substring) -> Bool {
        guard let first = segment.utf8.first, first != UInt8(ascii: "."), segment.utf8.count <= 128 else { return false }
        return segment.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// Splits a raw request path ("/lillestrom/politirad.ics",
    /// "/private/<token>/lillestrom/politirad.ics"). Any `%`, `\`, `..`,
    /// empty segment, upper-case letter or other byte outside the catalog
    /// alphabet gives nil: such a path is never a feed.
    public static func parse(_ rawPath: String) -> Request? {
        guard rawPath.hasPrefix("/") else { return nil }
        let path = String(rawPath.dropFirst())
        guard isValidCatalogPath(path) else { return nil }
        if path.hasPrefix("private/") {
            let parts = path.split(separator: "/", maxSplits: 2)
            guard parts.count == 3 else { return nil }
            return .confidential(token: String(parts[1]), path: String(parts[2]))
        }
        return .public(path: path)
    }
}
