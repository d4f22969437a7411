import AarshjulCore
import AarshjulICal
@testable import AarshjulServer
import Foundation
import Testing

/// Nothing private reaches a public feed or the published tree; secret and
/// state files are the owner's alone from the first byte.
@Suite(.serialized) struct PrivacyTests {
    static let secret = Array("privacy test secret, 32 bytes or more".utf8)
    static let moment = UTCTimestamp(date: CivilDate(year: 2026, month: 12, day: 1)!, time: TimeOfDay(hour: 10, minute: 0)!)

    static func folder(_ root: String, agreement edit: (String) -> String = { $0 }) throws -> String {
        let folder = root + "/calendars"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Paths.calendars + "/oyer.yaml", encoding: .utf8)
        try edit(text).write(toFile: folder + "/oyer.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    static func publicFeeds(_ folder: String, state: String) async throws -> [String: [UInt8]] {
        let source = CalendarsFolderSource(folder: folder, secret: secret, stateFolder: state, now: { moment })
        var out: [String: [UInt8]] = [:]
        for feed in try await source.catalog().feeds where feed.isPublic { out[feed.path] = feed.body }
        return out
    }

    /// Øyer's agreement with another agenda item for the politiråd (after its
    /// last item) and the mayor's e-mail address: private fields only.
    static func privateFieldsChanged(_ text: String) -> String {
        let last = "      - {text: \"Eventuelt\", text_en: \"Any other business\"}\n    agenda_by_position:\n"
        return text.replacingOccurrences(of: last, with: "      - {text: \"Eventuelt\", text_en: \"Any other business\"}\n"
                                         + "      - Enkeltsak om bekymringsmelding\n    agenda_by_position:\n")
            .replacingOccurrences(of: "  - id: ordforer\n", with: "  - id: ordforer\n    email: ordforer@oyer.example\n")
    }

    @Test func publicFeedsRevealNothingThatDiffersOnlyInPrivateFields() async throws {
        let root = try temporaryFolder("privacy")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let plain = try Self.folder(root + "/a")
        // Another agenda for the politiråd and the mayor's e-mail address: private fields only.
        let changed = try Self.folder(root + "/b") { Self.privateFieldsChanged($0) }
        #expect(try String(contentsOfFile: changed + "/oyer.yaml", encoding: .utf8)
                != String(contentsOfFile: plain + "/oyer.yaml", encoding: .utf8))
        let a = try await Self.publicFeeds(plain, state: root + "/a/state")
        let b = try await Self.publicFeeds(changed, state: root + "/b/state")
        #expect(!a.isEmpty)
        #expect(Set(a.keys) == Set(b.keys))
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs although only private fields did") }
        for bytes in a.values {
            let text = String(decoding: bytes, as: UTF8.self)
            for hidden in ["X-AARSHJUL-CONTENT", "X-AARSHJUL-PEOPLE", "ATTENDEE", "DESCRIPTION", "Frist", "VTODO"] {
                #expect(!text.contains(hidden))
            }
        }
    }

    /// Published, then the agreement changes in private fields only (an
    /// agenda item, an attendee's address) and is rescheduled on the same
    /// state: the public feeds stay byte-identical (no SEQUENCE, DTSTAMP or
    /// Last-Modified says that something changed), while the full feeds show
    /// the new version. A change public feeds do show (a moved meeting)
    /// still gives them a new version.
    @Test func aChangeInPrivateFieldsOnlyGivesNoNewPublicVersion() async throws {
        let root = try temporaryFolder("privacy-versions")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = try Self.folder(root)
        let state = root + "/state"
        func build(_ hour: Int) async throws -> FeedCatalog {
            let moment = UTCTimestamp(date: CivilDate(year: 2026, month: 12, day: 1)!, time: TimeOfDay(hour: hour, minute: 0)!)
            return try await CalendarsFolderSource(folder: folder, secret: Self.secret, stateFolder: state, now: { moment }).catalog()
        }
        func edit(_ change: (String) -> String) throws {
            let path = folder + "/oyer.yaml"
            try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        }
        let first = try await build(10)
        try edit { Self.privateFieldsChanged($0) }
        let second = try await build(11)
        let publicFeeds = first.feeds.filter(\.isPublic)
        #expect(!publicFeeds.isEmpty)
        for feed in publicFeeds {
            let now = try #require(second.lookup("/" + feed.path), "\(feed.path)")
            let same = now.body == feed.body
            #expect(same, "\(feed.path) changed although only private fields did")
            #expect(now.lastModified == feed.lastModified)
        }
        // The full feed has the new version of the politiråd meetings.
        let full = try #require(first.feeds.first { !$0.isPublic && $0.path == "oyer.ics" })
        let token = FeedToken.derive(secret: Self.secret, path: full.path)
        func events(_ catalog: FeedCatalog, _ path: String) throws -> [String: PreviousEvent] {
            let text = String(decoding: try #require(catalog.lookup(path)).body, as: UTF8.self)
            return Dictionary(uniqueKeysWithValues: try BusyCalendar.previous(text, fileName: path).events.map { ($0.uid, $0) })
        }
        let fullBefore = try events(first, "/private/\(token)/oyer.ics"), fullAfter = try events(second, "/private/\(token)/oyer.ics")
        let raised = fullAfter.filter { $0.value.sequence > (fullBefore[$0.key]?.sequence ?? Int.max) }
        #expect(!raised.isEmpty && raised.values.allSatisfy { $0.seriesID == "politirad" }, "\(raised.keys.sorted())")

        // A move is public: the moved meeting gets a new public version, the others keep theirs.
        let openBefore = try events(second, "/oyer.ics")
        let target = try #require(openBefore.values.filter { $0.seriesID == "politirad" && $0.date.year == 2027 }.min { $0.date < $1.date })
        try edit { $0 + "\nblackouts:\n  - {date: \(target.date.iso), reason: Kommunestyre}\n" }
        let third = try await build(12)
        let openAfter = try events(third, "/oyer.ics")
        #expect(openAfter[target.uid]!.date != target.date)
        #expect(openAfter[target.uid]!.sequence == target.sequence + 1)
        for (uid, old) in openBefore where openAfter[uid]?.date == old.date && uid != target.uid {
            #expect(openAfter[uid]!.sequence == old.sequence, "\(uid)")
        }
    }

    @Test func stateFolderAndSecretAreOwnerOnlyFromTheFirstByte() async throws {
        let root = try temporaryFolder("modes")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = try Self.folder(root)
        let state = folder + "/.aarshjul-state"
        // A permissive umask must not matter.
        let old = umask(0)
        defer { umask(old) }
        try PrivateFile.makeFolder(state)
        _ = try FeedSecret.loadOrCreate(at: state + "/secret")
        let source = CalendarsFolderSource(folder: folder, secret: Self.secret, stateFolder: state, now: { Self.moment })
        try await source.build()
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
        }
        #expect(try mode(state) == 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: state)
        #expect(files.contains("secret") && files.contains("oyer.json"))
        for file in files { #expect(try mode(state + "/" + file) == 0o600, "\(file)") }
        // The repository ignores the state folder.
        let ignore = try String(contentsOfFile: Paths.root + "/.gitignore", encoding: .utf8)
        #expect(ignore.split(separator: "\n").contains(".aarshjul-state/"))
    }

    @Test func thePublishedTreeHoldsNoManifestAndPrivateFoldersListNothing() throws {
        let root = try temporaryFolder("tree")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let catalog = try Fixtures.catalog(plan: Fixtures.plan())
        // An old tree with the manifest earlier versions wrote into the web root.
        try FileManager.default.createDirectory(atPath: root + "/site", withIntermediateDirectories: true)
        try "private/x/lillestrom/a.ics\n".write(toFile: root + "/site/.aarshjul-published", atomically: true, encoding: .utf8)
        try StaticPublisher.publish(catalog, to: root + "/site", stateFolder: root + "/state")
        let all = FileManager.default.enumerator(atPath: root + "/site")!.compactMap { $0 as? String }
        #expect(!all.contains(StaticPublisher.legacyManifestName))
        for path in all where !path.hasSuffix(".ics") && !path.hasSuffix(".html") {
            var folder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/site/" + path, isDirectory: &folder)
            #expect(folder.boolValue, "\(path) is neither a page nor a feed")
        }
        for folder in ["private", "private/\(Fixtures.confidentialToken)", "private/\(Fixtures.confidentialToken)/lillestrom"] {
            let index = try #require(FileManager.default.contents(atPath: root + "/site/\(folder)/index.html"), "\(folder)")
            #expect(!String(decoding: index, as: UTF8.self).contains(".ics"))
        }
        for text in try all.filter({ $0.hasSuffix(".html") && !$0.hasPrefix("private") })
            .map({ try String(contentsOfFile: root + "/site/" + $0, encoding: .utf8) }) {
            #expect(!text.contains(Fixtures.confidentialToken))
        }
        // The manifest is in the state folder, owner-only.
        let manifest = root + "/state/site-site.manifest"
        #expect((try FileManager.default.attributesOfItem(atPath: manifest)[.posixPermissions] as! NSNumber).intValue == 0o600)
    }
}
