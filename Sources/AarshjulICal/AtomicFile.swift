// Linux (Glibc) only, like the rest of the tool's deployment.
import Glibc

/// Writes files so a reader (a web server serving the feed) never sees half a
/// file: contents go to a temporary file in the same directory, which is then
/// renamed over the target (rename is atomic within one file system).
public enum AtomicFile {
    public static func write(_ contents: String, to path: String) throws(ICalError) {
        try write(bytes: Array(contents.utf8), to: path)
    }

    /// The same for a binary file (a PDF, a spreadsheet).
    public static func write(bytes: [UInt8], to path: String) throws(ICalError) {
        removeStaleTemporaries(in: folder(of: path))
        let temp = try writeTemporary(bytes: bytes, beside: path)
        try rename(temp, to: path)
    }

    /// Writes every file's temporary first and renames only when all were
    /// written, so a failure part-way leaves the directory as it was. (The
    /// renames themselves are separate steps; one failing there is reported
    /// and the rest are not attempted.)
    public static func writeAll(_ files: [(name: String, contents: String)], into directory: String) throws(ICalError) {
        try makeDirectories(directory)
        removeStaleTemporaries(in: directory)
        var written: [(temp: String, target: String)] = []
        for file in files {
            let target = directory.hasSuffix("/") ? directory + file.name : directory + "/" + file.name
            do {
                written.append((try writeTemporary(file.contents, beside: target), target))
            } catch {
                for done in written { unlink(done.temp) }
                throw error
            }
        }
        for (index, pair) in written.enumerated() {
            do {
                try rename(pair.temp, to: pair.target)
            } catch {
                for rest in written[(index + 1)...] { unlink(rest.temp) }
                throw error
            }
        }
    }

    /// `mkdir -p`: the output folder of a plan is created on first use.
    public static func makeDirectories(_ path: String) throws(ICalError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw ioError(prefix, "cannot create the folder")
            }
            prefix += "/"
        }
    }

    private static func writeTemporary(_ contents: String, beside path: String) throws(ICalError) -> String {
        try writeTemporary(bytes: Array(contents.utf8), beside: path)
    }

    private static func writeTemporary(bytes contents: [UInt8], beside path: String) throws(ICalError) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        // The writer's process id is in the name, so a later run can tell a
        // temporary of a killed run (removed) from one being written now (kept).
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(base)\(temporaryMarker)\(getpid())-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw ioError(path, "cannot create a temporary file") }
        let temp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var bytes = contents
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let failure = ioError(path, "cannot write")
                close(descriptor)
                unlink(temp)
                throw failure
            }
            offset += count
        }
        // Readable like a normally created file (mkstemp makes it 0600).
        let mask = umask(0); umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let failure = ioError(path, "cannot save")
            unlink(temp)
            throw failure
        }
        bytes.removeAll()
        return temp
    }

    static let temporaryMarker = ".tmp-"

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// Removes the `.NAME.tmp-PID-XXXXXX` files in `directory` left by runs
    /// that were killed between writing and renaming: those whose process no
    /// longer exists. Temporaries of a live process (another run writing the
    /// same folder now) are left alone; so is anything not named like ours.
    /// Older temporaries without a process id are removed after a minute.
    public static func removeStaleTemporaries(in directory: String) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        var stale: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix("."), let marker = name.ranges(of: temporaryMarker).last else { continue }
            let tail = name[marker.upperBound...]
            let parts = tail.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 2, parts[1].count == 6, let pid = Int32(parts[0]), pid > 0 {
                if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { stale.append(name) }
            } else if parts.count == 1, parts[0].count == 6, isOlderThanAMinute(directory + "/" + name) {
                stale.append(name)
            }
        }
        for name in stale { unlink(directory + "/" + name) }
    }

    private static func isOlderThanAMinute(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return time(nil) - info.st_mtim.tv_sec > 60
    }

    private static func rename(_ temp: String, to path: String) throws(ICalError) {
        guard Glibc.rename(temp, path) == 0 else {
            let failure = ioError(path, "cannot replace the file")
            unlink(temp)
            throw failure
        }
    }

    private static func ioError(_ path: String, _ what: String) -> ICalError {
        let reason = strerror(errno).map { String(cString: $0) } ?? "error \(errno)"
        return .io(path: path, message: "\(what): \(reason)")
    }
}
