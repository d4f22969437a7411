/// Entity tags (RFC 9110 §8.8.3) for feed bodies.
public enum EntityTag {
    /// A strong tag: the quoted hex SHA-256 of the body. The exporter writes
    /// the same bytes for the same plan, so the tag changes exactly when the
    /// content does, across restarts and across servers.
    public static func strong(for body: [UInt8]) -> String {
        "\"" + Hex.encode(Digest.sha256(body)) + "\""
    }

    /// Whether an `If-None-Match` field value matches `current` (a strong tag).
    /// `*` matches any current representation; otherwise the list is compared
    /// with the weak comparison RFC 9110 §13.1.2 prescribes: `W/"x"` matches `"x"`.
    /// Several field lines are passed joined with commas.
    public static func ifNoneMatchMatches(_ fieldValue: String, current: String) -> Bool {
        let currentOpaque = opaque(current)
        for tag in parseList(fieldValue) {
            if tag == "*" { return true }
            if opaque(tag) == currentOpaque { return true }
        }
        return false
    }

    /// Splits a list of entity tags; commas inside quotes stay with their tag.
    static func parseList(_ value: String) -> [String] {
        var tags: [String] = []
        var current = ""
        var inQuotes = false
        for ch in value {
            if ch == "\"" { inQuotes.toggle() }
            if ch == "," && !inQuotes {
                tags.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        tags.append(current)
        return tags.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// The quoted part of a tag, without any `W/` prefix.
    static func opaque(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
