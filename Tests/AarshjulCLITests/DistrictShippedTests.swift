import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import Foundation
import Testing

/// The three shipped districts planned for 2027–2030 through the CLI, every
/// hard rule checked on the .ics files read back, and nobody in two places.
struct DistrictShippedTests {
    @Test(arguments: ["lillehammer", "sogn", "vaernes"])
    func districtPlansKeepEveryHardRuleInTheFeeds(_ name: String) throws {
        let path = CLI.packageRoot.appendingPathComponent("calendars/districts/\(name).yaml").path
        let out = try CLI.temporaryDirectory()
        let result = try CLI.run(["plan", path, "--years", "2027-2030", "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let district = try DistrictFile.load(path: path)
        let plan = try DistrictPlanner.plan(district, years: 2027...2030)
        let excuses = PresenceWeeks.excused(plan)
        var all: [DistrictAuditEvent] = []
        var seen = Set<String>()
        for (place, memberPlan) in plan.plans.enumerated() {
            let agreement = memberPlan.agreement
            let file = out.appendingPathComponent("\(agreement.id)/\(agreement.id)-2027-2030.ics")
            let parsed = try ICalImporter.parse(try String(contentsOf: file, encoding: .utf8), fileName: file.path)
            #expect(parsed.events.count == memberPlan.events.count)
            // Attendees are not in the feed (no e-mails): they come from the series, as a reader would take them.
            let events = parsed.events.map { e -> AuditEvent in
                let series = agreement.series.first { $0.id == e.seriesID }
                let partial = Set(series?.partialAttendance.map(\.person) ?? [])
                return AuditEvent(uid: e.uid, seriesID: e.seriesID ?? "", schoolID: e.schoolID, date: e.start,
                                  time: e.startTime.flatMap { s in e.endTime.map { TimeSpan(s, $0) } },
                                  attendees: (series?.allPeople ?? []).filter { !partial.contains($0) })
            }
            let violations = HardRuleAudit.violations(of: events, agreement: agreement, years: 2027...2030)
            // The only findings allowed: a week whose calendars leave a shared police contact fewer
            // usable days than municipalities to visit (checked from the calendars, not the plan's notes).
            for v in violations {
                #expect(PresenceWeeks.isExcused(v, member: agreement.id, excuses), "\(v.explanation.bokmal)")
            }
            let hosts = Dictionary(district.meetings.map { ($0.series.id, district.memberIndex($0.host)!) }, uniquingKeysWith: { a, _ in a })
            for event in events where seen.insert(event.uid).inserted {
                var global = event
                global.attendees = event.attendees.map { DistrictAudit.globalID(district, member: agreement.id, id: $0) }
                all.append(DistrictAuditEvent(place: hosts[event.seriesID] ?? place, event: global))
            }
        }
        #expect(DistrictAudit.violations(all, district: district).isEmpty)
        // Joint meetings: the same UID in every member's feed.
        for meeting in district.meetings {
            let uids = plan.plans.filter { meeting.members.contains($0.agreement.id) }.map { Set($0.events(inSeries: meeting.series.id).map(\.uid)) }
            #expect(uids.count == meeting.members.count && Set(uids).count == 1 && uids[0].count == 4)
        }
        // Person feeds: a shared police contact sees every municipality they serve.
        for shared in district.sharedPeople {
            let file = out.appendingPathComponent("personer/\(shared.id)-2027-2030.ics")
            let feed = try ICalImporter.parse(try String(contentsOf: file, encoding: .utf8), fileName: file.path)
            let places = Set(feed.events.compactMap { $0.seriesID?.split(separator: ".").first.map(String.init) })
            for appearance in shared.appearances where district.members.first(where: { $0.id == appearance.member })!
                .series.contains(where: { $0.allPeople.contains(appearance.person) }) {
                #expect(places.contains(appearance.member), "\(shared.id) in \(appearance.member)")
            }
        }
    }

    @Test func explainSaysWhichRulesBindAnEvent() throws {
        let path = CLI.packageRoot.appendingPathComponent("calendars/stjordal.yaml").path
        let result = try CLI.run(["explain", path, "--year", "2027", "--event", "stjordal-politirad-2027-01"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Politiråd: mandag 26.04.2027"))
        #expect(result.stdout.contains("legges helst midt i perioden"))
        #expect(result.stdout.contains("Perioden er 01.01.2027–"))
        #expect(result.stdout.contains("Saklistefristen faller helst ikke tidligere enn varselfristen krever – "))
        #expect(result.stdout.contains("Sum for dette møtet:"))
        let missing = try CLI.run(["explain", path, "--year", "2027", "--event", "nope"])
        #expect(missing.status == 1)
    }
}
