import AarshjulCore
import AarshjulServer
import ArgumentParser
import Foundation
import Logging

/// The calendars folder and how it is planned, shared by `serve` and `publish`.
struct FolderOptions: ParsableArguments {
    @Argument(help: "The calendars folder: agreement files (*.yaml) and districts/ with district files.")
    var calendarsDir: String

    @Option(help: "Year or years to plan, e.g. 2027 or 2027-2028. Default: this year and the next (the horizon).")
    var years: String?

    @Option(help: "What the year-free feeds hold: MONTHSm,YEARSy back and ahead, e.g. 24m,2y. Default: 12m,1y (12 months back to the end of next year).")
    var horizon: String?

    @Option(help: "Act as if today were this date (YYYY-MM-DD), e.g. to see what the feeds will hold after New Year. Default: today in Norway.")
    var today: String?

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
        if let horizon, FeedHorizon(text: horizon) == nil {
            throw ValidationError("--horizon '\(horizon)': expected MONTHSm,YEARSy (months back 0–120, years ahead 0–4), e.g. 12m,1y.")
        }
        if let today, CivilDate(iso: today) == nil {
            throw ValidationError("--today '\(today)': expected a date YYYY-MM-DD, e.g. 2027-01-04.")
        }
    }

    /// The injected clock: noon in Norway on --today, else the machine's clock.
    var clock: @Sendable () -> UTCTimestamp {
        guard let today, let date = CivilDate(iso: today) else { return CalendarsFolderSource.systemNow }
        let noon = UTCTimestamp(date: date, time: TimeOfDay(minutes: 11 * 60))
        return { noon }
    }

    var folder: String { calendarsDir.hasSuffix("/") && calendarsDir.count > 1 ? String(calendarsDir.dropLast()) : calendarsDir }
    var stateFolder: String { state ?? CalendarsFolderSource.defaultStateFolder(for: folder) }

    /// `skipBrokenFiles`: serve reports a broken file and serves the rest; publish stops.
    func source(logger: Logger, skipBrokenFiles: Bool = false, language: PlanLanguage? = nil) throws -> CalendarsFolderSource {
        let secret: [UInt8]
        let secretPath = secretFile ?? stateFolder + "/secret"
        do {
            // The state folder holds attendees and agendas: owner-only (0700) from the start.
            try PrivateFile.makeFolder(stateFolder)
            secret = try FeedSecret.loadOrCreate(at: secretPath)
        } catch {
            Failure.exit("\(secretPath): cannot read or create the feed secret (\(error)).", code: 1)
        }
        return CalendarsFolderSource(folder: folder, years: try years.map(YearOptions.span), horizon: horizon.flatMap(FeedHorizon.init(text:)) ?? FeedHorizon(), secret: secret,
                                     stateFolder: stateFolder, skipBrokenFiles: skipBrokenFiles, language: language,
                                     now: clock, logger: logger)
    }
}
