import AarshjulCore
@testable import AarshjulServer
import Foundation
import Testing

/// Extending the published plan into the year after a municipal election
/// (publish on 3 Jan 2028, the clock injected): the revision item
/// ("Revisjon av politirådsavtalen") goes to 2028's first politiråd exactly
/// when the published 2027 had no politiråd after election day (13 Sept).
@Suite(.serialized) struct ElectionYearTests {
    static let secret = Array("election year test secret, 32+ bytes long".utf8)
    static let revision = "Revisjon av politirådsavtalen"

    static func run(_ folder: String, state: String, on day: CivilDate) async throws -> FolderBuild {
        let moment = UTCTimestamp(date: day, time: TimeOfDay(hour: 9, minute: 0)!)
        return try await CalendarsFolderSource(folder: folder, secret: secret, stateFolder: state, now: { moment }).build()
    }

    static func politirad(_ build: FolderBuild) -> [PlannedEvent] {
        build.municipalities.first { $0.id == "lillestrom" }!.plan.events.filter { $0.seriesID == "politirad" }
    }

    /// Publishes 2027 on 4 Jan 2027; `cancelAfterElection` then marks the
    /// published politiråd meetings after the election cancelled (as a
    /// coordinator's reschedule leaves them); publishes again on 3 Jan 2028.
    static func publish2028(cancelAfterElection: Bool) async throws -> (before: [PlannedEvent], after: FolderBuild) {
        let root = try temporaryFolder("election")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/calendars", state = root + "/state"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.calendars + "/lillestrom.yaml", toPath: folder + "/lillestrom.yaml")
        let first = try await run(folder, state: state, on: CivilDate(year: 2027, month: 1, day: 4)!)
        let election = CivilDate(year: 2027, month: 9, day: 13)!
        let published = politirad(first).filter { $0.date.year == 2027 }
        #expect(published.contains { $0.date > election && $0.agenda.contains { $0.hasPrefix(revision) } },
                "the 2027 plan should meet after the election with the revision item")
        if cancelAfterElection {
            let folderState = StateFolder(path: state)
            let history = try #require(try folderState.read("lillestrom"))
            var events = history.events.values.map { $0 }
            for i in events.indices where events[i].seriesID == "politirad" && events[i].date > election && events[i].date.year == 2027 {
                events[i].cancelled = true
                events[i].sequence += 1
            }
            try folderState.write(PublishedHistory(events: events, deadlines: Array(history.deadlines.values)), municipalityID: "lillestrom")
        }
        return (published, try await run(folder, state: state, on: CivilDate(year: 2028, month: 1, day: 3)!))
    }

    @Test func noPublishedMeetingAfterTheElectionCarriesTheItemIntoTheNextYear() async throws {
        let (_, build) = try await Self.publish2028(cancelAfterElection: true)
        let first2028 = try #require(Self.politirad(build).first { $0.date.year == 2028 })
        #expect(first2028.agenda.contains { $0.hasPrefix(Self.revision) }, "first 2028 politiråd \(first2028.date.iso): \(first2028.agenda)")
        #expect(Self.politirad(build).filter { $0.date.year == 2028 }.dropFirst().allSatisfy { !$0.agenda.contains { $0.hasPrefix(Self.revision) } })
    }

    @Test func aPublishedMeetingAfterTheElectionKeepsTheItemThere() async throws {
        let (before, build) = try await Self.publish2028(cancelAfterElection: false)
        #expect(!Self.politirad(build).filter { $0.date.year == 2028 }.contains { $0.agenda.contains { $0.hasPrefix(Self.revision) } })
        // The held 2027 meeting still has it.
        let held = try #require(before.first { $0.agenda.contains { $0.hasPrefix(Self.revision) } })
        #expect(Self.politirad(build).contains { $0.uid == held.uid && $0.agenda.contains { $0.hasPrefix(Self.revision) } })
    }
}
