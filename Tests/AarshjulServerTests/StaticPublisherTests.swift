import AarshjulCore
@testable import AarshjulServer
import Foundation
import Testing

func temporaryFolder(_ name: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("aarshjul-\(name)-\(UInt32.random(in: 0...UInt32.max))").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite struct StaticPublisherTests {
    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func writesTheSameTreeTheServerServes() throws {
        let dir = try temporaryFolder("publish")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let catalog = try Fixtures.catalog(plan: Fixtures.plan())
        let report = try StaticPublisher.publish(catalog, to: dir, siteHost: "kalender.example.no")
        for feed in catalog.feeds {
            #expect(read(dir + feed.urlPath) == String(decoding: feed.body, as: UTF8.self), "\(feed.urlPath)")
        }
        #expect(read(dir + "/private/\(Fixtures.confidentialToken)/lillestrom/politirad-full.ics")?.contains("taushetsbelagt") == true)
        #expect(read(dir + "/lillestrom/politirad-full.ics") == nil, "no confidential feed outside private/<token>/")
        let index = try #require(read(dir + "/index.html"))
        #expect(index.contains("webcal://kalender.example.no/lillestrom/alle.ics"))
        #expect(!index.contains(Fixtures.confidentialToken))
        #expect(read(dir + "/index.en.html")?.contains("Subscribe") == true)
        let page = try #require(read(dir + "/lillestrom/index.html"))
        #expect(page.contains("webcal://kalender.example.no/lillestrom/politirad.ics"))
        #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!page.contains("class=\"today\""), "a static page has no clock")
        #expect(!page.contains(Fixtures.confidentialToken))
        #expect(read(dir + "/bergen/index.en.html")?.contains("<h1>Bergen</h1>") == true)
        // Two overviews, two pages for each of the two municipalities, and an index page in each folder under private/.
        #expect(report.written.count == catalog.feeds.count + 2 + 4 + 3)
        // No temporary files are left behind.
        let leftovers = FileManager.default.enumerator(atPath: dir)!.compactMap { $0 as? String }.filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func republishTouchesOnlyChangedFilesAndRemovesGoneOnes() throws {
        let dir = try temporaryFolder("republish")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try Fixtures.catalog()
        try StaticPublisher.publish(first, to: dir)
        let relativeIndex = try #require(read(dir + "/index.html"))
        #expect(relativeIndex.contains("value=\"lillestrom/alle.ics\""), "without a site host the links are relative")
        #expect(relativeIndex.contains("href=\"lillestrom/index.html\""))
        #expect(read(dir + "/lillestrom/index.html")?.contains("href=\"../lillestrom/politirad.ics\"") == true)
        #expect(!relativeIndex.contains("webcal://"))

        let again = try StaticPublisher.publish(first, to: dir)
        #expect(again.written.isEmpty)

        // Bergen's feed goes away; Lillestrøm's change.
        let changed = try FeedCatalog(feeds: try Fixtures.catalog(summary: "Nytt tidspunkt", sequence: 1).feeds.filter { $0.municipalityID != "bergen" })
        let report = try StaticPublisher.publish(changed, to: dir)
        #expect(report.removed.sorted() == ["bergen/index.en.html", "bergen/index.html", "bergen/slt.ics"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/bergen/slt.ics"))
        #expect(report.written.contains("lillestrom/alle.ics"))
        #expect(read(dir + "/lillestrom/alle.ics")?.contains("SEQUENCE:1") == true)
    }

    @Test func unrelatedFilesInTheFolderAreLeftAlone() throws {
        let dir = try temporaryFolder("unrelated")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "mine".write(toFile: dir + "/robots.txt", atomically: true, encoding: .utf8)
        try StaticPublisher.publish(try Fixtures.catalog(), to: dir)
        try StaticPublisher.publish(FeedCatalog.empty, to: dir)
        #expect(read(dir + "/robots.txt") == "mine")
        #expect(!FileManager.default.fileExists(atPath: dir + "/lillestrom/alle.ics"))
    }

    @Test func secretIsCreatedOnceAndPrivate() throws {
        let dir = try temporaryFolder("secret")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try FeedSecret.loadOrCreate(at: dir + "/secret")
        let b = try FeedSecret.loadOrCreate(at: dir + "/secret")
        #expect(a == b && a.count == 32)
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/secret")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
