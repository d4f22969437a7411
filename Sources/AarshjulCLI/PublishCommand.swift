import AarshjulServer
import ArgumentParser
import Foundation
import Logging

/// `aarshjul publish CALENDARS_DIR --to DIR` / `--caldav URL`
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the plans of a calendars folder as a static site (--to) or to a CalDAV server (--caldav).",
        discussion: """
        --to DIR writes index.html, index.en.html, every public feed and every full feed under private/<token>/, \
        builds the new site beside the old one and switches it in one step; unchanged files keep their time, files \
        no longer published are gone, files someone else put there stay. Any web server can serve DIR.
        --caldav URL makes one calendar per municipality under URL and one resource per event (full details unless \
        --public-only); it updates changed events with If-Match and never deletes an event that has started.

        Examples:
          aarshjul publish calendars --to /var/www/kalender \\
              --site-host kalender.example.no
          aarshjul publish calendars --caldav https://dav.example.no/kalender/ \\
              --user plan --password-file pw.txt
        """
    )

    @OptionGroup var folderOptions: FolderOptions
    @OptionGroup var languageOptions: LanguageOptions<FolderLanguage>

    @Option(help: "Folder to write the static site into (created if missing).")
    var to: String?

    @Option(name: .customLong("site-host"), help: "Host (and port) the site is served at, for webcal:// and https:// links; without it links are relative.")
    var siteHost: String?

    @Option(name: .customLong("public-url"), help: "Address the site is served at, e.g. https://kalender.example.no, for webcal:// and https:// links (instead of --site-host).")
    var publicURL: String?

    @Option(help: "Base URL of a CalDAV calendar home, e.g. http://127.0.0.1:5232/plan/.")
    var caldav: String?

    @Option(help: "CalDAV user name.")
    var user: String?

    @Option(name: .customLong("password-file"), help: "File holding the CalDAV password (first line).")
    var passwordFile: String?

    @Flag(name: .customLong("public-only"), help: "Push only times, titles and places to CalDAV (no attendees or agenda).")
    var publicOnly = false

    func validate() throws {
        if to == nil && caldav == nil { throw ValidationError("Say where to publish: --to DIR, --caldav URL, or both.") }
        if let caldav, URL(string: caldav)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--caldav '\(caldav)' is not an http:// or https:// address.")
        }
        if let publicURL, PublicURL(publicURL) == nil {
            throw ValidationError("--public-url '\(publicURL)': expected http:// or https:// and a host, e.g. https://kalender.example.no.")
        }
        if (user == nil) != (passwordFile == nil) { throw ValidationError("Give --user and --password-file together.") }
    }

    func run() async throws {
        // The command's own lines: --lang, else bokmål (a folder holds agreements in several languages).
        let said = languageOptions.planLanguage ?? .bokmal
        var logger = Logger(label: "aarshjul")
        logger.logLevel = .warning
        let source = try folderOptions.source(logger: logger, language: languageOptions.planLanguage)
        let build: FolderBuild
        do { build = try await source.build() } catch {
            Failure.exit(Failure.folderMessage(error, asked: languageOptions.planLanguage), code: (error as? FolderSourceError)?.exitCode ?? 1)
        }
        if let to {
            let site = publicURL.flatMap(PublicURL.init)
            do {
                let report = try StaticPublisher.publish(build.catalog, to: to, siteHost: site?.authority ?? siteHost, secure: site?.secure ?? true,
                                                     stateFolder: folderOptions.stateFolder)
                let (w, u, r) = (report.written.count, report.unchanged.count, report.removed.count)
                print("\(to): " + said.pick(nb: "\(w) skrevet, \(u) uendret, \(r) fjernet",
                                             nn: "\(w) skrivne, \(u) uendra, \(r) fjerna",
                                             en: "\(w) written, \(u) unchanged, \(r) removed"))
            } catch {
                Failure.exit("\(to): \(error)", code: 1)
            }
        }
        if let caldav, let url = URL(string: caldav) {
            var credentials: CalDAVPublisher.Credentials?
            if let user, let passwordFile {
                guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
                    Failure.exit("\(passwordFile): " + said.pick(nb: "passordfila kan ikke leses.", nn: "passordfila kan ikkje lesast.",
                                                                  en: "cannot read the password file."), code: 1)
                }
                credentials = .init(user: user, password: String(text.split(separator: "\n").first ?? ""))
            }
            let publisher = CalDAVPublisher(base: url, credentials: credentials, confidential: !publicOnly)
            let progress = TerminalProgress()
            let words = ProgressWords(language: said)
            do {
                let r = try await publisher.publish(build.municipalities, today: build.today) { p in
                    progress.update(words.publishing((p.municipality, p.index, p.count, p.done, p.total)))
                }
                progress.finish()
                let (c, a, up, un, d) = (r.collectionsCreated.count, r.created.count, r.updated.count, r.unchanged.count, r.deleted.count)
                print("\(caldav): " + said.pick(
                    nb: "\(c) kalendere opprettet, \(a) hendelser lagt til, \(up) oppdatert, \(un) uendret, \(d) slettet",
                    nn: "\(c) kalendrar oppretta, \(a) hendingar lagde til, \(up) oppdaterte, \(un) uendra, \(d) sletta",
                    en: "\(c) calendars created, \(a) events added, \(up) updated, \(un) unchanged, \(d) deleted"))
            } catch {
                progress.finish()
                Failure.exit("\(caldav): \(error)", code: 1)
            }
        }
    }
}
