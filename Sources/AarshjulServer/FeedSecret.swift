import Foundation

/// The server secret feed tokens are derived from (see `FeedToken`): 32 bytes
/// from the system's cryptographic random source, kept in a file readable by
/// the owner only. Losing or replacing the file changes every private URL.
public enum FeedSecret {
    public static func loadOrCreate(at path: String) throws -> [UInt8] {
        if let data = FileManager.default.contents(atPath: path) {
            guard data.count >= 32 else { throw FeedSecretError.tooShort(path) }
            return [UInt8](data)
        }
        // SystemRandomNumberGenerator reads getrandom(2)/arc4random: suitable for secrets.
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        // Created 0600 by open(2) itself (its folder 0700 if new): never readable by others.
        try PrivateFile.write(secret, to: path)
        return secret
    }
}

public enum FeedSecretError: Error, Equatable {
    case tooShort(String)
}
