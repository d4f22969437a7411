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
        case missing, folder, notAFile, symlinkLoop, noPermission, pathTooLong, tooLarge(bytes: Int, limit: Int), notText
        /// Any other failure of the system: its error number.
        case unreadable(errno: Int32)
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
        case ENAMETOOLONG: return .pathTooLong
        default: return .unreadable(errno: code)
        }
    }
}

extension InputFile.Problem {
    /// What is wrong and what was expected, after "FILE: ", in the three
    /// plan languages. `what` names the expected content ("an agreement file (YAML)").
    public func words(expected what: LocalizedText) -> LocalizedText {
        let (nb, nn, en) = (what.bokmal, what.nynorsk, what.english)
        switch self {
        case .missing:
            return LocalizedText(nb: "filen finnes ikke; forventet \(nb)", nn: "fila finst ikkje; venta \(nn)", en: "the file does not exist; expected \(en)")
        case .folder:
            return LocalizedText(nb: "dette er en mappe, ikke en fil; forventet \(nb)", nn: "dette er ei mappe, ikkje ei fil; venta \(nn)",
                                 en: "this is a folder, not a file; expected \(en)")
        case .notAFile:
            return LocalizedText(nb: "dette er ikke en vanlig fil (en enhet, kanal eller sokkel); forventet \(nb)",
                                 nn: "dette er ikkje ei vanleg fil (ei eining, ein kanal eller ein sokkel); venta \(nn)",
                                 en: "this is not a regular file (a device, pipe or socket); expected \(en)")
        case .symlinkLoop:
            return LocalizedText(nb: "den symbolske lenken peker rundt i ring; forventet \(nb)", nn: "den symbolske lenkja peikar rundt i ring; venta \(nn)",
                                 en: "the symbolic link points round in a loop; expected \(en)")
        case .noPermission:
            return LocalizedText(nb: "filen kan ikke åpnes (mangler tillatelse til å lese); forventet \(nb)",
                                 nn: "fila kan ikkje opnast (manglar løyve til å lese); venta \(nn)",
                                 en: "the file cannot be opened (no permission to read it); expected \(en)")
        case .pathTooLong:
            return LocalizedText(nb: "stien er for lang til å åpnes; forventet \(nb) med en kortere sti", nn: "stigen er for lang til å opnast; venta \(nn) med ein kortare stig",
                                 en: "the path is too long to open; expected \(en) with a shorter path")
        case let .tooLarge(bytes, limit):
            let (size, most) = (Self.size(bytes), Self.size(limit))
            return LocalizedText(nb: "filen er \(size), mer enn grensen på \(most); forventet \(nb)", nn: "fila er \(size), meir enn grensa på \(most); venta \(nn)",
                                 en: "the file is \(size), more than the limit of \(most); expected \(en)")
        case .notText:
            return LocalizedText(nb: "filen er ikke UTF-8-tekst; forventet \(nb)", nn: "fila er ikkje UTF-8-tekst; venta \(nn)",
                                 en: "the file is not UTF-8 text; expected \(en)")
        case let .unreadable(code):
            // The system's own words (strerror) are English; the number lets a helper look it up.
            return LocalizedText(nb: "filen kan ikke leses (systemfeil \(code)); forventet \(nb)", nn: "fila kan ikkje lesast (systemfeil \(code)); venta \(nn)",
                                 en: "the file cannot be read (system error \(code)); expected \(en)")
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(bytes / 1_048_576) MB" : bytes >= 1024 ? "\(bytes / 1024) kB" : "\(bytes) B"
    }
}
