#if canImport(Glibc)
import Glibc
#endif

/// Reads a file a user named (an agreement, a district file, a busy
/// calendar) as UTF-8 text, refusing what is not a plain file of a sensible
/// size before reading a byte: a folder, a device such as /dev/zero, a FIFO
/// that would block, a symlink loop, a file larger than the stated limit.
/// The problem comes back in the user's terms, never as a Foundation error
/// code, and never quotes the file's contents.
public enum InputFile {
    public enum Problem: Error, Sendable, Equatable {
        case missing, folder, notAFile, symlinkLoop, noPermission, tooLarge(bytes: Int, limit: Int), notText, unreadable(String)
    }

    /// The whole file as text; at most `limit` bytes.
    public static func read(_ path: String, limit: Int) -> Result<String, Problem> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(problem(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(problem(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.folder)
        default: return .failure(.notAFile)
        }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(bytes: size, limit: limit)) }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(problem(errno))
            }
            if n == 0 { break }
            count += n
            // The file grew while being read.
            if count > limit { return .failure(.tooLarge(bytes: count, limit: limit)) }
        }
        bytes.removeSubrange(count...)
        guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else { return .failure(.notText) }
        return .success(text)
    }

    private static func problem(_ code: Int32) -> Problem {
        switch code {
        case ENOENT, ENOTDIR: return .missing
        case ELOOP: return .symlinkLoop
        case EACCES, EPERM: return .noPermission
        case EISDIR: return .folder
        case ENAMETOOLONG: return .unreadable("the path is too long")
        default: return .unreadable(strerror(code).map { String(cString: $0) } ?? "error \(code)")
        }
    }
}

extension InputFile.Problem {
    /// What is wrong and what was expected, after "FILE: ". `what` names the expected content ("an agreement file (YAML)").
    public func message(expected what: String, language: PlanLanguage = .english) -> String {
        switch language {
        case .english:
            switch self {
            case .missing: return "the file does not exist; expected \(what)"
            case .folder: return "this is a folder, not a file; expected \(what)"
            case .notAFile: return "this is not a regular file (a device, pipe or socket); expected \(what)"
            case .symlinkLoop: return "the symbolic link points round in a loop; expected \(what)"
            case .noPermission: return "the file cannot be opened (no permission to read it); expected \(what)"
            case let .tooLarge(bytes, limit): return "the file is \(Self.size(bytes)), more than the limit of \(Self.size(limit)); expected \(what)"
            case .notText: return "the file is not UTF-8 text; expected \(what)"
            case let .unreadable(reason): return "the file cannot be read (\(reason)); expected \(what)"
            }
        case .bokmal, .nynorsk:
            let nn = language == .nynorsk
            switch self {
            case .missing: return "fila finst ikkje; venta \(what)".nb(nn, "filen finnes ikke; forventet \(what)")
            case .folder: return "dette er ei mappe, ikkje ei fil; venta \(what)".nb(nn, "dette er en mappe, ikke en fil; forventet \(what)")
            case .notAFile: return "dette er ikkje ei vanleg fil (ei eining, ein kanal eller ein sokkel); venta \(what)"
                .nb(nn, "dette er ikke en vanlig fil (en enhet, kanal eller sokkel); forventet \(what)")
            case .symlinkLoop: return "den symbolske lenkja peikar rundt i ring; venta \(what)".nb(nn, "den symbolske lenken peker rundt i ring; forventet \(what)")
            case .noPermission: return "fila kan ikkje opnast (manglar løyve til å lese); venta \(what)"
                .nb(nn, "filen kan ikke åpnes (mangler tillatelse til å lese); forventet \(what)")
            case let .tooLarge(bytes, limit): return "fila er \(Self.size(bytes)), meir enn grensa på \(Self.size(limit)); venta \(what)"
                .nb(nn, "filen er \(Self.size(bytes)), mer enn grensen på \(Self.size(limit)); forventet \(what)")
            case .notText: return "fila er ikkje UTF-8-tekst; venta \(what)".nb(nn, "filen er ikke UTF-8-tekst; forventet \(what)")
            case let .unreadable(reason): return "fila kan ikkje lesast (\(reason)); venta \(what)".nb(nn, "filen kan ikke leses (\(reason)); forventet \(what)")
            }
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(bytes / 1_048_576) MB" : bytes >= 1024 ? "\(bytes / 1024) kB" : "\(bytes) B"
    }
}

extension String {
    /// The nynorsk text when `nynorsk`, else the bokmål one.
    fileprivate func nb(_ nynorsk: Bool, _ bokmal: String) -> String { nynorsk ? self : bokmal }
}
