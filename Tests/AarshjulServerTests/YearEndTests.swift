import AarshjulCore
import AarshjulICal
@testable import AarshjulServer
import Foundation
import Testing

/// `publish --to` run as a coordinator would, with no options, on 20 Dec
/// 2026, 4 Jan 2027 and 2 Jan 2028 (the clock injected): no subscribed
/// address disappears, every UID served at an address stays there with
/// SEQUENCE never lower (or, once older than the horizon, stays in its year's
/// archive), and held meetings never move.
@Suite(.serialized) struct YearEndTests {
    static let secret = Array("year end test secret, at least 32 bytes".utf8)

    /// Address → UID → (date, sequence, cancelled), for every .ics file in a published tree.
    typealias Served = [String: [String: (date: CivilDate, sequence: Int, cancelled: Bool)]]

    static func served(_ site: String) throws -> Served {
        var out: Served = [:]
        let walk = FileManager.default.enumerator(atPath: site)!
        while let relative = walk.nextObject() as? String {
            guard relative.hasSuffix(".ics") else { continue }
            let text = try String(contentsOfFile: site + "/" + relative, encoding: .utf8)
            var events: [String: (date: CivilDate, sequence: Int, cancelled: Bool)] = [:]
            for event in try BusyCalendar.previous(text, fileName: relative).events {
                events[event.uid] = (event.date, event.sequence, event.cancelled)
            }
            out[relative] = events
        }
        return out
    }

    static func publish(_ folder: String, site: String, state: String, on day: CivilDate) async throws -> FolderBuild {
        // A new source each time, as separate `publish` runs are; only the state folder carries over.
        let moment = UTCTimestamp(date: day, time: TimeOfDay(hour: 9, minute: 30)!)
        let source = CalendarsFolderSource(folder: folder, secret: secret, stateFolder: state, now: { moment })
        let build = try await source.build()
        try StaticPublisher.publish(build.catalog, to: site, stateFolder: state)
        return build
    }

    @Test func publishingAcrossTwoNewYearsLosesNoAddressNoEventAndNoHeldMeeting() async throws {
        let root = try temporaryFolder("year-end")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/calendars", site = root + "/site", state = root + "/state"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["oyer.yaml"] {
            try FileManager.default.copyItem(atPath: Paths.calendars + "/" + name, toPath: folder + "/" + name)
        }
        let days = [CivilDate(year: 2026, month: 12, day: 20)!, CivilDate(year: 2027, month: 1, day: 4)!,
                    CivilDate(year: 2028, month: 1, day: 2)!]
        var before: Served = [:]
        var held: [String: CivilDate] = [:]  // UID → date, for meetings already past at some publish
        for day in days {
            let build = try await Self.publish(folder, site: site, state: state, on: day)
            let now = try Self.served(site)
            let horizonStart = FeedHorizon().window(on: day).first
            for (address, events) in before {
                let current = try #require(now[address], "\(address) served before \(day.iso) is gone (a subscriber's 404)")
                for (uid, old) in events {
                    if let new = current[uid] {
                        #expect(new.sequence >= old.sequence, "\(address) \(uid): SEQUENCE went down")
                    } else {
                        // Only what the rolling horizon left behind may leave a stable feed, and then it is in its year's archive.
                        #expect(old.date < horizonStart, "\(address): \(uid) (\(old.date.iso)) vanished on \(day.iso)")
                        let archived = now.filter { $0.key.contains("-\(old.date.year)") }.contains { $0.value[uid] != nil }
                        #expect(archived, "\(uid) is in no \(old.date.year) archive")
                    }
                }
            }
            // A held meeting stays on the day it was held.
            for (uid, date) in held {
                let everywhere = now.values.compactMap { $0[uid] }
                #expect(!everywhere.isEmpty, "held meeting \(uid) is gone")
                #expect(everywhere.allSatisfy { $0.date == date && !$0.cancelled }, "held meeting \(uid) moved or was cancelled")
            }
            for events in now.values { for (uid, e) in events where e.date < day && !e.cancelled { held[uid] = e.date } }
            // The stable addresses exist and hold next year.
            for id in ["oyer"] {
                let whole = try #require(now["\(id).ics"], "\(id).ics")
                #expect(whole.values.contains { $0.date.year == day.year + 1 }, "\(id).ics holds \(day.year + 1)")
                #expect(!whole.values.contains { $0.date < horizonStart }, "\(id).ics holds nothing older than the horizon")
            }
            #expect(now["oyer/politirad.ics"] != nil)
            #expect(build.today == day)
            before = now
        }
        // 2027 planned from 20 Dec 2026 and 2028 added in 2027: the 2027 archive is still the old layout's address.
        #expect(before["oyer/oyer-2027.ics"]?.isEmpty == false)
        #expect(before["oyer/oyer-2028.ics"]?.isEmpty == false)
        // No manifest or token list in the web root.
        #expect(!FileManager.default.fileExists(atPath: site + "/" + StaticPublisher.legacyManifestName))
    }

    /// A district across New Year (the clock injected, 31 Dec 2027 then
    /// 1 Jan 2028): the planned span rolls from 2027–2028 to 2028–2029, and
    /// the meetings of 2028 published for a year stay where they were, in
    /// every member's feeds (they moved by up to six days when the district
    /// was planned afresh), and no to-do is cancelled (Øyer's K4 2027 report,
    /// due in January 2028, was). 2029's joint meetings are one date for all.
    @Test func aDistrictKeepsNextYearsMeetingsAtNewYear() async throws {
        let root = try temporaryFolder("year-end-district")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/calendars", site = root + "/site", state = root + "/state"
        try FileManager.default.createDirectory(atPath: folder + "/districts", withIntermediateDirectories: true)
        for name in ["oyer.yaml", "luster.yaml", "districts/lillehammer.yaml", "districts/sogn.yaml"] {
            try FileManager.default.copyItem(atPath: Paths.calendars + "/" + name, toPath: folder + "/" + name)
        }
        _ = try await Self.publish(folder, site: site, state: state, on: CivilDate(year: 2027, month: 12, day: 31)!)
        let before = try Self.served(site)
        _ = try await Self.publish(folder, site: site, state: state, on: CivilDate(year: 2028, month: 1, day: 1)!)
        let after = try Self.served(site)
        var compared = 0
        for (address, events) in before {
            let now = try #require(after[address], "\(address) is gone at New Year")
            for (uid, old) in events where old.date.year == 2028 {
                let new = try #require(now[uid], "\(address): \(uid) vanished")
                #expect(new.date == old.date && new.sequence == old.sequence, "\(address): \(uid) \(old.date.iso) → \(new.date.iso)")
                #expect(new.cancelled == old.cancelled, "\(address): \(uid) was cancelled at New Year")
                compared += 1
            }
        }
        #expect(compared > 100)
        // Sogn's joint politiråd of 2029, new at New Year, is on one day in Luster's and Sogndal's feeds.
        var jointDates: [String: Set<CivilDate>] = [:]
        for events in after.values { for (uid, e) in events where uid.hasPrefix("sogn-politirad_lls-2029") { jointDates[uid, default: []].insert(e.date) } }
        #expect(!jointDates.isEmpty && jointDates.values.allSatisfy { $0.count == 1 }, "\(jointDates)")
    }

    @Test func aChainPlannedOneYearAtATimeContinuesFromTheLastPublishedMeeting() async throws {
        let root = try temporaryFolder("chain")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/calendars", state = root + "/state"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.calendars + "/lillestrom.yaml", toPath: folder + "/lillestrom.yaml")
        // One year at a time (no horizon ahead), published once in each year.
        let horizon = FeedHorizon(monthsBack: 12, yearsAhead: 0)
        var all: [PlannedEvent] = []
        for year in [2027, 2028] {
            let moment = UTCTimestamp(date: CivilDate(year: year, month: 1, day: 2)!)
            let source = CalendarsFolderSource(folder: folder, horizon: horizon, secret: Self.secret, stateFolder: state,
                                               now: { moment })
            let build = try await source.build()
            let plan = try #require(build.municipalities.first).plan
            all = plan.events
        }
        let slt = all.filter { $0.seriesID == "slt_mote" }.sorted { $0.date < $1.date }
        let seam = try #require(slt.firstIndex { $0.date.year == 2028 })
        try #require(seam > 0)
        let gap = slt[seam].date - slt[seam - 1].date
        #expect((42...56).contains(gap), "SLT \(slt[seam - 1].date.iso) → \(slt[seam].date.iso): \(gap) days, the rule says 6–8 weeks")
    }
}
