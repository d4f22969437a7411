import AarshjulServer
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The addresses of confidential feeds, for the person running the server to hand out.
enum PrivateURLs {
    /// The file in the state folder `serve` writes them to by default.
    static let defaultName = "private-urls.txt"

    static func lines(_ catalog: FeedCatalog, base: String) -> [String] {
        catalog.feeds.filter { !$0.isPublic }.map { "\($0.title): \(base)\($0.urlPath)" }
    }

    /// Written to a temporary file made with mode 600 and renamed over `path`,
    /// so the addresses are never readable by others, not even for a moment.
    static func write(_ lines: [String], to path: String) throws {
        let text = lines.joined(separator: "\n") + "\n"
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let temp = path + ".tmp-\(getpid())"
        unlink(temp)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temp, path) == 0 else {
            unlink(temp)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
