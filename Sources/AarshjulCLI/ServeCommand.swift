import AarshjulServer
import Foundation
import ArgumentParser
import Hummingbird
import Logging

/// `aarshjul serve CALENDARS_DIR --port 8080`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve every municipality, series, person and role calendar for subscription, and the annual wheel page.",
        discussion: """
        Public feeds are at http://HOST:PORT/<municipality>/<file>.ics and listed on the front page. Full feeds \
        (attendees, agenda) are only at /private/<token>/…; their addresses are written at start to a mode-600 file, \
        <state>/private-urls.txt unless --private-urls FILE says otherwise (standard error says only where). When a file in CALENDARS_DIR changes the plan is rebuilt \
        without a restart, keeping every event's identity; a broken file is reported and the old feeds stay.
        """
    )

    @OptionGroup var folderOptions: FolderOptions
    @OptionGroup var languageOptions: LanguageOptions<FolderLanguage>

    @Option(help: "Port to listen on.")
    var port: Int = 8080

    @Option(help: "Address to listen on (127.0.0.1: this machine only).")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("site-host"), help: "Host name for subscribe links when a request has no Host header, e.g. kalender.example.no.")
    var siteHost: String?

    @Option(name: .customLong("public-url"), help: "The address people reach the server at, e.g. https://kalender.example.no: every link uses it.")
    var publicURL: String?

    @Option(name: .customLong("trusted-proxy"), help: "Address of a reverse proxy whose X-Forwarded-Proto/X-Forwarded-Host are believed (repeatable), e.g. 127.0.0.1.")
    var trustedProxy: [String] = []

    @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may send nothing (a half-sent request included) before it is closed.")
    var idleTimeout: Int = 10

    @Option(name: .customLong("private-urls"), help: "File the private feed addresses are written to (mode 600), or - for standard output. Default: <state>/private-urls.txt.")
    var privateURLs: String?

    func validate() throws {
        if let publicURL, PublicURL(publicURL) == nil {
            throw ValidationError("--public-url '\(publicURL)': expected http:// or https:// and a host, e.g. https://kalender.example.no.")
        }
        if !(1...600).contains(idleTimeout) { throw ValidationError("--idle-timeout must be 1–600 seconds.") }
    }

    func run() async throws {
        let logger = Logger(label: "aarshjul")
        let source = try folderOptions.source(logger: logger, skipBrokenFiles: true, language: languageOptions.planLanguage)
        var configuration = ServerConfiguration(host: host, port: port, fallbackHost: siteHost,
                                                publicURL: publicURL.flatMap(PublicURL.init),
                                                trustedProxies: Set(trustedProxy), idleTimeout: .seconds(idleTimeout),
                                                watchedFolder: folderOptions.folder)
        configuration.clock = folderOptions.clock
        let clock = folderOptions.clock
        configuration.today = { FeedClock.osloDate(clock()) }
        let app: any ApplicationProtocol
        do {
            app = try await buildApplication(configuration: configuration, source: source, logger: logger)
        } catch {
            Failure.exit(Failure.folderMessage(error, asked: languageOptions.planLanguage), code: (error as? FolderSourceError)?.exitCode ?? 1)
        }
        let said = languageOptions.planLanguage ?? .bokmal
        if let build = await source.lastBuild {
            let base = configuration.publicURL.map { ($0.secure ? "https://" : "http://") + $0.authority }
                ?? "http://\(configuration.fallbackHost)"
            var standardError = StandardError()
            // Private addresses never go to standard error, which a service manager keeps in its journal.
            let lines = PrivateURLs.lines(build.catalog, base: base)
            let target = privateURLs ?? folderOptions.stateFolder + "/" + PrivateURLs.defaultName
            if target == "-" {
                FileHandle.standardOutput.write(Data(lines.map { $0 + "\n" }.joined().utf8))
            } else {
                do { try PrivateURLs.write(lines, to: target) } catch { Failure.exit("\(target): \(error)", code: 1) }
                let n = lines.count
                print("aarshjul: " + said.pick(
                    nb: "\(n) private kalenderadresser (med alle detaljer; del hver bare med sine egne) er skrevet til \(target)",
                    nn: "\(n) private kalenderadresser (med alle detaljar; del kvar berre med sine eigne) er skrivne til \(target)",
                    en: "\(n) private feed addresses (full details; share each only with its people) written to \(target)"),
                      to: &standardError)
            }
            let n = build.catalog.feeds.filter(\.isPublic).count
            print("aarshjul: " + said.pick(nb: "deler \(n) offentlige kalendere på \(base)/", nn: "deler \(n) offentlege kalendrar på \(base)/",
                                           en: "serving \(n) public feeds at \(base)/"), to: &standardError)
        }
        try await app.runService()
    }
}
