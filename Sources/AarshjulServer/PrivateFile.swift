import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files only the owner may read (the feed secret, published plans with
/// attendees and agenda, the static site's manifest) and the folder that
/// holds them. Each file is created with mode 0600 by open(2) itself (a
/// temporary in the same folder, then renamed over the target), so its
/// contents are never readable by others, not even for a moment; folders are
/// made with mode 0700. Nothing is chmod-ed after the fact.
public enum PrivateFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try makeFolder(folder) }
        let temp = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).tmp-\(UInt64.random(in: 0...UInt64.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot create", temp) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let error = failure("cannot write", path)
                close(fd); unlink(temp)
                throw error
            }
            offset += n
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let error = failure("cannot save", path)
            unlink(temp)
            throw error
        }
        guard rename(temp, path) == 0 else {
            let error = failure("cannot replace", path)
            unlink(temp)
            throw error
        }
    }

    /// `mkdir -p` where every folder it creates gets mode 0700 (existing ones are left as they are).
    public static func makeFolder(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { throw failure("cannot create the folder", prefix) }
            prefix += "/"
        }
    }

    private static func failure(_ what: String, _ path: String) -> PrivateFileError {
        PrivateFileError(path: path, message: "\(what): \(String(cString: strerror(errno)))")
    }
}

public struct PrivateFileError: Error, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}
