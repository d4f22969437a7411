import AarshjulCore

/// The outcome of RFC 9110 §13.2.2 evaluation for a GET/HEAD of a feed.
public enum ConditionalOutcome: Equatable, Sendable {
    case fullResponse
    case notModified
}

public enum ConditionalRequest {
    /// If-None-Match decides when present (If-Modified-Since is then ignored);
    /// otherwise If-Modified-Since gives 304 when the feed has not changed
    /// since that date. An unparsable date is ignored, as the RFC says.
    public static func evaluate(ifNoneMatch: String?, ifModifiedSince: String?,
                                etag: String, lastModified: UTCTimestamp) -> ConditionalOutcome {
        if let ifNoneMatch {
            return EntityTag.ifNoneMatchMatches(ifNoneMatch, current: etag) ? .notModified : .fullResponse
        }
        if let ifModifiedSince, let since = HTTPDate.parse(ifModifiedSince) {
            // HTTP dates have one-second resolution; lastModified is whole seconds already.
            return lastModified <= since ? .notModified : .fullResponse
        }
        return .fullResponse
    }
}
