import AarshjulCore
import AarshjulICal
@testable import AarshjulServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The real folder source behind the real router, on a temporary copy of a
/// shipped agreement: what a subscriber sees when the agreement changes.
@Suite(.serialized) struct FolderSourceTests {
    static let secret = Array("folder source test secret, 32+ bytes long".utf8)
    static let firstLoad = UTCTimestamp(date: CivilDate(year: 2026, month: 11, day: 2)!, time: TimeOfDay(hour: 8, minute: 0)!)
    static let edit = UTCTimestamp(date: CivilDate(year: 2026, month: 12, day: 3)!, time: TimeOfDay(hour: 14, minute: 5)!, second: 9)

    /// A temporary calendars folder holding Flakstad's agreement, with an
    /// e-mail address for the mayor so full feeds carry ATTENDEE lines.
    static func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "aarshjul-folder-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var text = try String(contentsOfFile: Paths.calendars + "/flakstad.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "    role: Ordfører, Flakstad kommune\n",
                                         with: "    role: Ordfører, Flakstad kommune\n    email: ordforer@flakstad.example\n")
        try text.write(toFile: dir + "/flakstad.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    static func events(_ body: String) throws -> [String: PreviousEvent] {
        let read = try BusyCalendar.previous(body, fileName: "feed.ics")
        return Dictionary(uniqueKeysWithValues: read.events.map { ($0.uid, $0) })
    }

    @Test func changedAgreementReachesSubscribersWithSameUIDsAndHigherSequence() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let clock = TestClock(Self.firstLoad)
        let source = CalendarsFolderSource(folder: dir, years: 2027...2027, secret: Self.secret,
                                           stateFolder: dir + "/.aarshjul-state", now: { clock.now })
        let store = FeedStore()
        #expect(await store.reload(from: source))
        let app = Application(router: buildRouter(store: store))
        let feed = "/flakstad/flakstad-2027.ics"
        let token = FeedToken.derive(secret: Self.secret, path: "flakstad/flakstad-2027.ics")
        try await app.test(.router) { client in
            let before = try await client.execute(uri: feed, method: .get)
            #expect(before.status == .ok)
            #expect(before.headers[.contentType] == "text/calendar; charset=utf-8")
            let oldTag = try #require(before.headers[.eTag])
            let oldEvents = try Self.events(String(buffer: before.body))
            // The politiråd meeting is the one a blackout will push away.
            let target = try #require(oldEvents.values.filter { $0.seriesID == "politirad" }.min { $0.date < $1.date })

            // Public feed: times, titles, places; the full one has attendees and agenda.
            let publicText = String(buffer: before.body)
            #expect(!publicText.contains("ATTENDEE") && !publicText.contains("DESCRIPTION"))
            let full = try await client.execute(uri: "/private/\(token)/flakstad/flakstad-2027.ics", method: .get)
            #expect(full.status == .ok)
            #expect(String(buffer: full.body).contains("ATTENDEE"))
            #expect(String(buffer: full.body).contains("DESCRIPTION"))
            #expect(full.headers[.cacheControl]?.hasPrefix("private") == true)
            let wrong = String(token.reversed())
            #expect(try await client.execute(uri: "/private/\(wrong)/flakstad/flakstad-2027.ics", method: .get).status == .notFound)

            // The coordinator closes that day in the agreement file.
            let path = dir + "/flakstad.yaml"
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text += "\nblackouts:\n  - {date: \(target.date.iso), reason: Kommunestyremøte}\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            clock.now = Self.edit
            #expect(await store.reload(from: source))

            let after = try await client.execute(uri: feed, method: .get)
            let newEvents = try Self.events(String(buffer: after.body))
            #expect(Set(newEvents.keys) == Set(oldEvents.keys))
            let moved = try #require(newEvents[target.uid])
            #expect(moved.date != target.date)
            #expect(moved.sequence == target.sequence + 1)
            #expect(moved.stamp == Self.edit)
            // Everything else is as subscribers had it.
            let unchanged = oldEvents.values.filter { newEvents[$0.uid]?.date == $0.date }
            #expect(unchanged.count >= oldEvents.count - 3)
            #expect(unchanged.allSatisfy { newEvents[$0.uid]?.sequence == $0.sequence && newEvents[$0.uid]?.stamp == $0.stamp })
            #expect(after.headers[.eTag] != oldTag)
            #expect(after.headers[.lastModified] == "Thu, 03 Dec 2026 14:05:09 GMT")
            let conditional = try await client.execute(uri: feed, method: .get, headers: [.ifNoneMatch: oldTag])
            #expect(conditional.status == .ok)
            let current = try await client.execute(uri: feed, method: .get, headers: [.ifNoneMatch: after.headers[.eTag]!])
            #expect(current.status == .notModified)
        }
    }

    @Test func brokenFileKeepsTheOldFeedsAndSaysWhere() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = CalendarsFolderSource(folder: dir, years: 2027...2027, secret: Self.secret, now: { Self.firstLoad })
        let store = FeedStore()
        #expect(await store.reload(from: source))
        let before = await store.catalog.lookup("/flakstad/flakstad-2027.ics")?.etag
        try "id: flakstad\nmunicipality: [unclosed\n".write(toFile: dir + "/flakstad.yaml", atomically: true, encoding: .utf8)
        #expect(await store.reload(from: source) == false)
        #expect(await store.catalog.lookup("/flakstad/flakstad-2027.ics")?.etag == before)
        do {
            try await source.build()
            Issue.record("a broken file must not build")
        } catch {
            // file:line:column, as editors link to.
            #expect("\(error)".contains("flakstad.yaml:"))
            #expect("\(error)".range(of: #"flakstad\.yaml:\d+:\d+: "#, options: .regularExpression) != nil)
        }
    }

    @Test func personAndRoleCalendarsAreOnlyBehindATokenWhileMunicipalityAndSeriesAreBoth() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = CalendarsFolderSource(folder: dir, years: 2027...2027, secret: Self.secret, now: { Self.firstLoad })
        let feeds = try await source.build().catalog.feeds
        let people = feeds.filter { $0.kind == .person || $0.kind == .role }
        #expect(!people.isEmpty, "no person or role calendars at all")
        #expect(people.allSatisfy { !$0.isPublic }, "public: \(people.filter(\.isPublic).map(\.path))")
        #expect(feeds.contains { $0.kind == .municipality && $0.isPublic })
        #expect(feeds.contains { $0.kind == .series && $0.isPublic })
        #expect(feeds.contains { $0.path == "flakstad/personer/politikontakt-2027.ics" && !$0.isPublic })
    }

    @Test func aBusyCalendarTheAgreementNamesMovesThePublishedMeeting() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/flakstad.yaml"
        let source = CalendarsFolderSource(folder: dir, years: 2027...2027, secret: Self.secret,
                                           stateFolder: dir + "/.aarshjul-state", now: { Self.firstLoad })
        let feed = "/flakstad/flakstad-2027.ics"
        let oldEvents = try Self.events(String(decoding: try await source.build().catalog.lookup(feed)!.body, as: UTF8.self))
        let target = try #require(oldEvents.values.filter { $0.seriesID == "politirad" }.min { $0.date < $1.date })
        // The mayor (who chairs the politiråd) turns out to be away all that day.
        let day = target.date.iso.replacingOccurrences(of: "-", with: "")
        try "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:away@test\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:\(day)\r\nSUMMARY:Borte\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            .write(toFile: dir + "/ordforer.ics", atomically: true, encoding: .utf8)
        try (try String(contentsOfFile: path, encoding: .utf8) + "\nbusy_calendars:\n  ordforer: ordforer.ics\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let later = CalendarsFolderSource(folder: dir, years: 2027...2027, secret: Self.secret,
                                          stateFolder: dir + "/.aarshjul-state", now: { Self.edit })
        let events = try Self.events(String(decoding: try await later.build().catalog.lookup(feed)!.body, as: UTF8.self))
        #expect(Set(events.keys) == Set(oldEvents.keys))
        #expect(events[target.uid]!.date != target.date, "the meeting stayed on the day the mayor is away")
        #expect(events[target.uid]!.sequence == target.sequence + 1)
    }

    @Test func aNewAgendaItemReachesSubscribersAsANewVersionOfTheSameMeetings() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let clock = TestClock(Self.firstLoad)
        let source = CalendarsFolderSource(folder: dir, years: 2027...2027, secret: Self.secret, now: { clock.now })
        // The full feed (agenda included) behind its token; the public one shows no agenda.
        let token = FeedToken.derive(secret: Self.secret, path: "flakstad/flakstad-2027.ics")
        let feed = "/private/\(token)/flakstad/flakstad-2027.ics", open = "/flakstad/flakstad-2027.ics"
        let catalog = try await source.build().catalog
        let before = try Self.events(String(decoding: catalog.lookup(feed)!.body, as: UTF8.self))
        let openBefore = catalog.lookup(open)!.body
        let path = dir + "/flakstad.yaml"
        try (try String(contentsOfFile: path, encoding: .utf8))
            .replacingOccurrences(of: "      - {text: \"Saker fra kommunen\", text_en: \"Matters from the municipality\"}\n",
                                  with: "      - {text: \"Saker fra kommunen\", text_en: \"Matters from the municipality\"}\n      - Trygghetsundersøkelsen\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        clock.now = Self.edit
        let changed = try await source.build().catalog
        let after = try Self.events(String(decoding: changed.lookup(feed)!.body, as: UTF8.self))
        #expect(Set(after.keys) == Set(before.keys))
        for (uid, event) in after {
            let old = before[uid]!
            #expect(event.date == old.date, "nothing needed to move")
            #expect(event.sequence == (event.seriesID == "politirad" ? old.sequence + 1 : old.sequence), "\(uid)")
        }
        #expect(after.values.contains { $0.seriesID == "politirad" })
        // The public feed betrays nothing: no new SEQUENCE or DTSTAMP for a change it does not show.
        #expect(changed.lookup(open)!.body == openBefore)
    }

    @Test func restartKeepsIdentitiesFromTheStateFolder() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let state = dir + "/.aarshjul-state"
        let first = CalendarsFolderSource(folder: dir, years: 2027...2027, secret: Self.secret, stateFolder: state,
                                          now: { Self.firstLoad })
        let published = try await first.build().catalog
        // The agreement changes while the server is down.
        let path = dir + "/flakstad.yaml"
        let oldEvents = try Self.events(String(decoding: published.lookup("/flakstad/flakstad-2027.ics")!.body, as: UTF8.self))
        let target = oldEvents.values.filter { $0.seriesID == "politirad" }.min { $0.date < $1.date }!
        try (try String(contentsOfFile: path, encoding: .utf8) + "\nblackouts:\n  - {date: \(target.date.iso), reason: Seminar}\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let restarted = CalendarsFolderSource(folder: dir, years: 2027...2027, secret: Self.secret, stateFolder: state,
                                              now: { Self.edit })
        let events = try Self.events(String(decoding: try await restarted.build().catalog
            .lookup("/flakstad/flakstad-2027.ics")!.body, as: UTF8.self))
        #expect(Set(events.keys) == Set(oldEvents.keys))
        #expect(events[target.uid]!.sequence == target.sequence + 1)
        #expect(events[target.uid]!.date != target.date)
    }
}

/// The reload time, set by the test.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UTCTimestamp
    init(_ value: UTCTimestamp) { self.value = value }
    var now: UTCTimestamp {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

enum Paths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()
    static var calendars: String { root + "/calendars" }
}
