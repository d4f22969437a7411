import Foundation
import Testing

/// What a non-programmer sees when something is wrong: a message naming the
/// file, line and column, a non-zero exit, and nothing half-written.
@Suite struct BadInputTests {
    @Test func yamlErrorNamesFileLineAndColumnAndWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        let agreement = dir.appendingPathComponent("broken.yaml")
        try "id: broken\nmunicipality: Broken\ncounty: oslo\nseries:\n  - id: x\n    titel: Typo\n".write(to: agreement, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let result = try CLI.run(["plan", agreement.path, "--year", "2027", "--out", out.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("broken.yaml:6:5"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("titel"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func infeasibleAgreementNamesThePeriodExitsTwoAndKeepsOldFiles() throws {
        let dir = try CLI.temporaryDirectory()
        let agreement = dir.appendingPathComponent("tight.yaml")
        // Five meetings each quarter, but the venue opens on Tuesdays only and the
        // agreement blacks out every Tuesday of the second quarter.
        var blackouts = ""
        var day = 6  // 2027-04-06 is a Tuesday
        var month = 4
        while month <= 6 {
            blackouts += "  - date: 2027-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)\n    reason: Stengt\n"
            day += 7
            let length = month == 4 || month == 6 ? 30 : 31
            if day > length { day -= length; month += 1 }
        }
        try """
        id: tight
        municipality: Tett
        county: oslo
        venues:
          - id: hall
            name: Rådhuset
            office_hours: {tue: "09:00-15:00"}
        series:
          - id: rad
            title: Politirådsmøte
            kind: politirad
            venue: hall
            rule: {per_quarter: 5}
        blackouts:
        \(blackouts)
        """.write(to: agreement, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let keep = out.appendingPathComponent("tight-2027.ics")
        try "OLD".write(to: keep, atomically: true, encoding: .utf8)
        let result = try CLI.run(["plan", agreement.path, "--year", "2027", "--out", out.path])
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Politirådsmøte"))
        #expect(result.stderr.contains("2. kvartal") || result.stderr.contains("2027-04"), "stderr: \(result.stderr)")
        #expect(try String(contentsOf: keep, encoding: .utf8) == "OLD")
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(left == ["tight-2027.ics"], "left behind: \(left)")
    }

    @Test func unknownLanguageIsRefusedBeforeAnythingRuns() throws {
        let result = try CLI.run(["plan", "calendars/luster.yaml", "--year", "2027", "--lang", "de"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("nb (bokmål), nn (nynorsk) or en"))
    }

    @Test func checkAcceptsEveryShippedAgreement() throws {
        let files = ["luster", "flakstad", "stjordal", "lillestrom", "oyer"].map { "calendars/\($0).yaml" }
        let result = try CLI.run(["check"] + files)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 5)
    }

    @Test func planWritesIcsFilesAndTextPlan() throws {
        let out = try CLI.temporaryDirectory().appendingPathComponent("lillestrom-2027")
        let result = try CLI.run(["plan", "calendars/lillestrom.yaml", "--year", "2027", "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names.contains("lillestrom-2027.ics"))
        #expect(names.contains("plan.txt"))
        #expect(names.filter { $0.hasSuffix(".ics") }.count >= 4, "\(names)")
        #expect(!names.contains { $0.hasPrefix(".") }, "temporary files left: \(names)")
    }

    @Test func holidaysListsWhitMondayAndConstitutionDay2027() throws {
        let result = try CLI.run(["holidays", "--year", "2027", "--county", "innlandet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("17.05"))
        #expect(result.stdout.contains("pinsedag"))
        #expect(result.stdout.contains("Grunnlovsdag"))
    }
}

/// `aarshjul rules` lists the whole catalogue a coordinator can hold the plan to.
@Suite struct RulesCommandTests {
    @Test func listsEveryHardRuleAndWeightedPreference() throws {
        let result = try CLI.run(["rules"])
        #expect(result.status == 0)
        for id in ["no-public-holiday", "no-double-booking", "office-hours", "frequency", "preferred-weekday", "mid-window"] {
            #expect(result.stdout.contains(id), "missing \(id)")
        }
        #expect(result.stdout.contains("vekt 20"))
        let english = try CLI.run(["rules", "--lang", "en"])
        #expect(english.stdout.hasPrefix("Hard rules (never broken)"))
    }
}

/// Years outside what the planner handles are refused up front, as a year problem.
@Suite struct PlanYearBoundsTests {
    @Test func yearBefore1950IsAYearProblemNotAFileProblem() throws {
        let result = try CLI.run(["plan", "calendars/luster.yaml", "--year", "1949"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("1950–2200"), "\(result.stderr)")
        let holidays = try CLI.run(["holidays", "--year", "1900"])
        #expect(holidays.status == 0, "the calendar itself still knows 1900")
    }
}
