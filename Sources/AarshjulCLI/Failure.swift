import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import AarshjulServer
import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// Prints a plain-language error for a non-programmer and exits non-zero.
/// Input errors exit 1, plans that cannot keep every hard rule exit 2.
enum Failure {
    static func exit(_ message: String, code: Int32) -> Never {
        var standardError = StandardError()
        print("aarshjul: " + message, to: &standardError)
        Glibc.exit(code)
    }

    /// An error met while reading the agreement or district file (and what
    /// it names), before the plan's language is known: told in `--lang` when
    /// given (`asked`), else in the language the file asks for (`language:`),
    /// else in bokmål, which is the plan's language in each case.
    static func reportReading(_ error: any Error, asked: PlanLanguage?) -> Never {
        if let error = error as? AgreementFileError { exit(error.message(asked: asked), code: 1) }
        report(error, language: asked ?? .bokmal)
    }

    /// What `publish` and `serve` say when the calendars folder cannot be
    /// built: a refused agreement or district file in the language the file
    /// asks for (bokmål when it says none), as its plan would be.
    /// A folder that cannot be published or served: an agreement file's fault in the asked
    /// language (else the file's own), the folder's own faults in the asked language (else bokmål).
    static func folderMessage(_ error: any Error, asked: PlanLanguage?) -> String {
        switch error {
        case let error as AgreementFileError: return error.message(asked: asked)
        case let error as FolderSourceError: return error.message(asked ?? .bokmal)
        default: return String(describing: error)
        }
    }

    static func report(_ error: any Error, language: PlanLanguage) -> Never {
        switch error {
        case let error as AgreementFileError:
            exit(error.message(language), code: 1)
        case let error as PlanningError:
            // A mistake in the file is bad input (1); no plan keeping every hard rule is 2.
            if case .invalidAgreement = error { exit(error.message(language), code: 1) }
            exit(error.message(language), code: 2)
        case let error as ICalError:
            exit(error.message(language), code: 1)
        default:
            exit(String(describing: error), code: 1)
        }
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        // Write straight to file descriptor 2: the C `stderr` global is not concurrency-safe in Swift 6.
        var bytes = Array(string.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }
}
