import Foundation
import Testing

/// `plan --year 2027 --previous DIR` continues Lillestrøm's SLT chain from
/// the 2026 plan in DIR; when a blackout fills every day 6–8 weeks after the
/// last 2026 meeting, the plan still comes (exit 0): the next meeting is in
/// the first week the calendar allows and the plan says why the gap is longer.
@Suite struct PlanPreviousChainTests {
    @Test func aGapTheCalendarCannotKeepAfterThePreviousPlanIsBridgedAndSaid() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = dir.appendingPathComponent("2026").path, after = dir.appendingPathComponent("2027").path
        let first = try CLI.run(["plan", "calendars/lillestrom.yaml", "--year", "2026", "--out", before])
        #expect(first.status == 0, "\(first.stderr)")
        let slt2026 = try String(contentsOfFile: before + "/lillestrom-slt_mote-2026.ics", encoding: .utf8)
        let starts = slt2026.components(separatedBy: "\r\n").filter { $0.hasPrefix("DTSTART;TZID") }.map { String($0.suffix(15).prefix(8)) }
        let last = try #require(starts.max(), "no SLT meeting in 2026")
        // A blackout over all of the 6–8 weeks after it.
        func day(_ s: String, plus: Int) -> String {
            var c = DateComponents(); c.year = Int(s.prefix(4)); c.month = Int(s.dropFirst(4).prefix(2)); c.day = Int(s.suffix(2))
            var calendar = Calendar(identifier: .gregorian); calendar.timeZone = TimeZone(identifier: "UTC")!
            let date = calendar.date(byAdding: .day, value: plus, to: calendar.date(from: c)!)!
            let f = DateFormatter(); f.calendar = calendar; f.timeZone = calendar.timeZone; f.dateFormat = "yyyy-MM-dd"
            return f.string(from: date)
        }
        let from = day(last, plus: 42), to = day(last, plus: 56)
        #expect(from.hasPrefix("2027-"), "the test needs the gap after \(last) to fall in 2027")
        var text = try String(contentsOfFile: CLI.packageRoot.appendingPathComponent("calendars/lillestrom.yaml").path, encoding: .utf8)
        text = text.replacingOccurrences(of: "no_meeting_periods: {christmas: true, fellesferie: true}\n",
                                         with: "no_meeting_periods: {christmas: true, fellesferie: true}\nblackouts:\n"
                                             + "  - {from: \(from), to: \(to), reason: Kommunestyre-seminar}\n")
        let agreement = dir.appendingPathComponent("lillestrom.yaml").path
        try text.write(toFile: agreement, atomically: true, encoding: .utf8)

        let result = try CLI.run(["plan", agreement, "--year", "2027", "--previous", before, "--out", after])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("6–8 uker etter siste publiserte møte") && result.stderr.contains("Kommunestyre-seminar"),
                "\(result.stderr)")
        #expect(result.stdout.contains("6–8 uker etter siste publiserte møte"), "the text plan does not say it")
        let slt2027 = try String(contentsOfFile: after + "/lillestrom-slt_mote-2027.ics", encoding: .utf8)
        let next = try #require(slt2027.components(separatedBy: "\r\n").filter { $0.hasPrefix("DTSTART;TZID") }
            .map { String($0.suffix(15).prefix(8)) }.min())
        let firstFree = day(to.replacingOccurrences(of: "-", with: ""), plus: 1).replacingOccurrences(of: "-", with: "")
        let weekLater = day(to.replacingOccurrences(of: "-", with: ""), plus: 8).replacingOccurrences(of: "-", with: "")
        #expect(next >= firstFree && next <= weekLater, "first 2027 SLT on \(next), blackout ends \(to)")
    }
}
