/// Tokens that guard confidential feeds.
///
/// Design: token = first 128 bits (32 hex digits) of
/// HMAC-SHA256(serverSecret, "aarshjul-feed-token-v1\n" + feedPath).
/// - Unguessable: without the secret, each token is 128 random-looking bits.
/// - Stable: the same secret and path give the same token, so subscriber URLs
///   survive restarts and reloads; nothing is stored per feed.
/// - Revocable: a new secret changes every token at once; the version tag in
///   the message lets the scheme change without reusing old tokens.
/// The secret is 32 random bytes the server keeps (see `FeedSecret`).
public enum FeedToken {
    public static func derive(secret: [UInt8], path: String) -> String {
        let mac = Digest.hmacSHA256(key: secret, message: Array("aarshjul-feed-token-v1\n\(path)".utf8))
        return Hex.encode(mac.prefix(16))
    }

    /// 32–128 lowercase hex digits.
    public static func isWellFormed(_ token: String) -> Bool {
        (32...128).contains(token.utf8.count)
            && token.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}

enum Hex {
    static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
