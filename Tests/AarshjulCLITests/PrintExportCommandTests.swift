import Foundation
import Testing

/// `plan --pdf/--xlsx/--csv` as a user runs it (the files are read back by
/// openpyxl and poppler in tests-py/test_print_export.py).
@Suite struct PrintExportCommandTests {
    @Test func writesAPDFAWorkbookAndACSVInEnglish() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("plan.pdf"), xlsx = dir.appendingPathComponent("plan.xlsx")
        let csv = dir.appendingPathComponent("plan.csv")
        let result = try CLI.run(["plan", "calendars/stjordal.yaml", "--year", "2027", "--lang", "en", "--quiet",
                                  "--pdf", pdf.path, "--xlsx", xlsx.path, "--csv", csv.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: pdf).prefix(5) == Data("%PDF-".utf8))
        #expect(try Data(contentsOf: xlsx).prefix(2) == Data("PK".utf8), "an xlsx is a zip file")
        let text = try String(contentsOf: csv, encoding: .utf8)
        #expect(text.hasPrefix("Date,Weekday,Start,End,Series,Title,Place,Called by,Attendees,Agenda,Deadlines\r\n"))
    }

    @Test func refusesADistrictAndOneFileForTwoDocuments() throws {
        let district = try CLI.run(["plan", "calendars/districts/lillehammer.yaml", "--years", "2027-2028", "--pdf", "/tmp/x.pdf"])
        #expect(district.status != 0)
        #expect(district.stderr.contains("--pdf writes one municipality's plan"))
        let same = try CLI.run(["plan", "calendars/oyer.yaml", "--year", "2027", "--pdf", "/tmp/x", "--xlsx", "/tmp/x"])
        #expect(same.status != 0)
        #expect(same.stderr.contains("must name different files"))
    }

    @Test func aFolderThatCannotBeWrittenIsAClearErrorAndNoFile() throws {
        let result = try CLI.run(["plan", "calendars/oyer.yaml", "--year", "2027", "--quiet", "--xlsx", "/nonexistent-folder/plan.xlsx"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent-folder/plan.xlsx"))
    }
}
