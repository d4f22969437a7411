import Crypto
import Foundation

/// The server's cryptography, all from swift-crypto (BoringSSL underneath):
/// SHA-256 for entity tags, HMAC-SHA256 for feed tokens, and constant-time
/// comparison of tokens.
enum Digest {
    static func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }
}

/// Comparison whose time does not depend on where the inputs differ.
/// Both sides are first keyed with a per-process random key, then swift-crypto
/// compares the codes (`isValidAuthenticationCode`, constant time), so the
/// time says nothing about how much of a guessed token was right, nor about its length.
public enum ConstantTime {
    private static let key = SymmetricKey(size: .bits256)

    public static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let expected = HMAC<SHA256>.authenticationCode(for: b, using: key)
        return HMAC<SHA256>.isValidAuthenticationCode(expected, authenticating: a, using: key)
    }
}
