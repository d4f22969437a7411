import AarshjulServer
import Foundation

/// The addresses of confidential feeds, for the person running the server to hand out.
enum PrivateURLs {
    static func lines(_ catalog: FeedCatalog, base: String) -> [String] {
        catalog.feeds.filter { !$0.isPublic }.map { "\($0.title): \(base)\($0.urlPath)" }
    }

    static func write(_ lines: [String], to path: String) throws {
        let text = lines.joined(separator: "\n") + "\n"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}
