import AarshjulCore
@testable import AarshjulServer
import Foundation
import Testing

/// A chain (SLT every 6–8 weeks) continued from what was published never
/// makes `serve`/`publish` refuse a municipality: run after run on the same
/// day gives the same plan, and when the agreed gap after the last published
/// meeting really cannot be kept, the next meeting comes as soon as the
/// calendar allows and the plan says so. The clock is injected.
@Suite(.serialized) struct ChainContinuationTests {
    static let secret = Array("chain continuation test secret, 32+ bytes".utf8)

    static func lillestrom() throws -> (root: String, folder: String, state: String) {
        let root = try temporaryFolder("chain")
        let folder = root + "/calendars"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.calendars + "/lillestrom.yaml", toPath: folder + "/lillestrom.yaml")
        return (root, folder, root + "/state")
    }

    /// One `serve` or `publish` run on `day`: a new source, only the state folder carries over.
    static func run(_ folder: String, state: String, on day: CivilDate) async throws -> FolderBuild {
        let moment = UTCTimestamp(date: day, time: TimeOfDay(hour: 1, minute: 0)!)
        return try await CalendarsFolderSource(folder: folder, secret: secret, stateFolder: state, now: { moment }).build()
    }

    static func slt(_ build: FolderBuild) -> [PlannedEvent] {
        build.municipalities.first { $0.id == "lillestrom" }!.plan.events.filter { $0.seriesID == "slt_mote" }
    }

    /// The README's order on 2 Dec 2026: `serve` publishes (nothing of 2026's
    /// SLT chain before today is recorded), then `publish` runs on the same
    /// state. The second run must plan, and change nothing.
    @Test func aSecondRunOnTheSameDayPlansAndChangesNothing() async throws {
        let (root, folder, state) = try Self.lillestrom()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let day = CivilDate(year: 2026, month: 12, day: 2)!
        let served = try await Self.run(folder, state: state, on: day)
        let stateAfterServe = try Data(contentsOf: URL(fileURLWithPath: state + "/lillestrom.json"))
        let published = try await Self.run(folder, state: state, on: day)
        #expect(Self.slt(published).map(\.date) == Self.slt(served).map(\.date))
        #expect(Self.slt(published).map(\.sequence) == Self.slt(served).map(\.sequence))
        #expect(try Data(contentsOf: URL(fileURLWithPath: state + "/lillestrom.json")) == stateAfterServe,
                "an unchanged agreement published again on the same day changed the published plan")
        // And on across New Year.
        let january = try await Self.run(folder, state: state, on: CivilDate(year: 2027, month: 1, day: 4)!)
        #expect(Self.slt(january).filter { $0.date.year == 2027 }.map(\.date)
                == Self.slt(served).filter { $0.date.year == 2027 }.map(\.date))
    }

    /// SLT was published from June 2026 (last meeting of 2026 on 26 Nov);
    /// then the council blacks out 4–22 January 2027, which holds every day
    /// 6–8 weeks after 26 Nov. Published on 4 Jan 2027, the plan keeps the
    /// held meetings, puts the next SLT on the first usable day after the
    /// blackout, keeps the rest of 2027 as published, and says why the gap
    /// is longer than the agreement's.
    @Test func aGapThatCannotBeKeptAfterTheLastPublishedMeetingIsBridgedAndSaid() async throws {
        let (root, folder, state) = try Self.lillestrom()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let june = try await Self.run(folder, state: state, on: CivilDate(year: 2026, month: 6, day: 1)!)
        let last2026 = try #require(Self.slt(june).filter { $0.date.year == 2026 }.last)
        let blackout = DateRange(CivilDate(year: 2027, month: 1, day: 4)!, CivilDate(year: 2027, month: 1, day: 22)!)
        #expect(last2026.date.adding(days: 42) >= blackout.first && last2026.date.adding(days: 56) <= blackout.last,
                "the test needs the blackout to cover the whole gap after \(last2026.date.iso)")
        let path = folder + "/lillestrom.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "no_meeting_periods: {christmas: true, fellesferie: true}\n",
            with: "no_meeting_periods: {christmas: true, fellesferie: true}\nblackouts:\n"
                + "  - {from: \(blackout.first.iso), to: \(blackout.last.iso), reason: Kommunestyre-seminar}\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let january = try await Self.run(folder, state: state, on: blackout.first)
        let chain = Self.slt(january)
        // Held meetings are where they were.
        for old in Self.slt(june) where old.date < blackout.first {
            #expect(chain.contains { $0.uid == old.uid && $0.date == old.date }, "held \(old.uid) moved")
        }
        // The next meeting: after the blackout, on its first weekday the SLT venue allows (a Monday), not weeks later.
        let next = try #require(chain.first { $0.date > last2026.date })
        #expect(next.date > blackout.last && next.date <= blackout.last.adding(days: 7), "next SLT on \(next.date.iso)")
        // The rest of 2027 stays as published, except what the 6-week minimum after the late
        // first meeting forces on (a moved meeting is a new version of the same UID).
        let published2027 = Self.slt(june).filter { $0.date.year == 2027 }
        var moved: [String] = []
        for old in published2027.dropFirst() {
            let now = try #require(chain.first { $0.uid == old.uid }, "\(old.uid) vanished")
            if now.date != old.date || now.sequence != old.sequence {
                #expect(now.sequence > old.sequence, "\(old.uid) moved without a new version")
                moved.append(old.uid)
            }
        }
        #expect(moved.count <= 1, "\(moved)")
        // Every later gap is 6–8 weeks; this school-term chain does not count the pupils' summer holiday
        // towards its longest gap (the agreement's school_term_only, as the planner and the audit read it).
        let agreement = january.municipalities.first { $0.id == "lillestrom" }!.plan.agreement
        let school = SchoolCalendar(county: agreement.county, settings: agreement.schoolCalendar)
        func summerDays(_ a: CivilDate, _ b: CivilDate) -> Int {
            (a.year...b.year).reduce(0) { days, year in
                let summer = school.summerBreak(startingIn: year)
                let first = max(summer.first.dayNumber, a.dayNumber + 1), last = min(summer.last.dayNumber, b.dayNumber - 1)
                return days + max(0, last - first + 1)
            }
        }
        let later = chain.filter { $0.date >= next.date }
        for (a, b) in zip(later, later.dropFirst()) {
            let gap = b.date.dayNumber - a.date.dayNumber
            #expect(gap >= 42 && gap - summerDays(a.date, b.date) <= 56, "\(a.date.iso) → \(b.date.iso)")
        }
        // The plan says it, in the coordinator's language and in English.
        let notes = january.municipalities.first { $0.id == "lillestrom" }!.plan.notes.filter { $0.seriesID == "slt_mote" }
        let note = try #require(notes.first { $0.text.bokmal.contains(ChainRelief.dotted(last2026.date)) }, "\(notes)")
        #expect(note.text.bokmal.contains("6–8 uker") && note.text.bokmal.contains(ChainRelief.dotted(next.date))
                && note.text.bokmal.contains("Kommunestyre-seminar"), "\(note.text.bokmal)")
        #expect(note.text.english.contains(Words.longDate(next.date, .english)), "\(note.text.english)")
    }

    /// The same in a district (Lillestrøm with Lørenskog on the national
    /// pattern, planned together): the member's SLT gap after its last
    /// published meeting is bridged and said, not the whole district refused.
    @Test func aDistrictMembersGapThatCannotBeKeptIsBridgedToo() async throws {
        let (root, folder, state) = try Self.lillestrom()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: folder + "/districts", withIntermediateDirectories: true)
        try """
        district: romerike
        name: Romerike (test)
        members:
          - file: ../lillestrom.yaml
          - default: {id: lorenskog, municipality: Lørenskog, county: akershus, police_district: Øst politidistrikt}

        """.write(toFile: folder + "/districts/romerike.yaml", atomically: true, encoding: .utf8)
        let june = try await Self.run(folder, state: state, on: CivilDate(year: 2026, month: 6, day: 1)!)
        let last2026 = try #require(Self.slt(june).filter { $0.date.year == 2026 }.last)
        let from = last2026.date.adding(days: 41), to = last2026.date.adding(days: 57)
        let path = folder + "/lillestrom.yaml"
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "no_meeting_periods: {christmas: true, fellesferie: true}\n",
            with: "no_meeting_periods: {christmas: true, fellesferie: true}\nblackouts:\n"
                + "  - {from: \(from.iso), to: \(to.iso), reason: Kommunestyre-seminar}\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let january = try await Self.run(folder, state: state, on: CivilDate(year: 2027, month: 1, day: 4)!)
        let next = try #require(Self.slt(january).first { $0.date > last2026.date })
        #expect(next.date > to && next.date <= to.adding(days: 7), "next SLT on \(next.date.iso) after a blackout to \(to.iso)")
        let notes = january.municipalities.first { $0.id == "lillestrom" }!.plan.notes
        #expect(notes.contains { $0.seriesID == "slt_mote" && $0.text.bokmal.contains(ChainRelief.dotted(last2026.date)) }, "\(notes)")
    }
}
