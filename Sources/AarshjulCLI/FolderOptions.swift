import AarshjulServer
import ArgumentParser
import Foundation
import Logging

/// The calendars folder and how it is planned, shared by `serve` and `publish`.
struct FolderOptions: ParsableArguments {
    @Argument(help: "The calendars folder: agreement files (*.yaml) and districts/ with district files.")
    var calendarsDir: String

    @Option(help: "Year or years to plan, e.g. 2027 or 2027-2028. Default: next year.")
    var years: String?

    @Option(name: .customLong("secret-file"),
            help: "File with the secret private feed addresses are derived from (created, mode 600, if missing). Default: <state>/secret.")
    var secretFile: String?

    @Option(help: "Folder where the published plans are kept so rebuilds and restarts keep event identities. Default: CALENDARS_DIR/.aarshjul-state.")
    var state: String?

    func validate() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: calendarsDir, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("'\(calendarsDir)' is not a folder. Name the folder with the agreement files, e.g. calendars.")
        }
        if let years { _ = try YearOptions.span(years) }
    }

    var folder: String { calendarsDir.hasSuffix("/") && calendarsDir.count > 1 ? String(calendarsDir.dropLast()) : calendarsDir }
    var stateFolder: String { state ?? CalendarsFolderSource.defaultStateFolder(for: folder) }

    func source(logger: Logger) throws -> CalendarsFolderSource {
        let secret: [UInt8]
        let secretPath = secretFile ?? stateFolder + "/secret"
        do {
            try FileManager.default.createDirectory(atPath: (secretPath as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            secret = try FeedSecret.loadOrCreate(at: secretPath)
        } catch {
            Failure.exit("\(secretPath): cannot read or create the feed secret (\(error)).", code: 1)
        }
        return CalendarsFolderSource(folder: folder, years: try years.map(YearOptions.span), secret: secret,
                                     stateFolder: stateFolder, logger: logger)
    }
}
