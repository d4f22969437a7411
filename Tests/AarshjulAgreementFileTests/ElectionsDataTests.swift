import AarshjulAgreementFile
import AarshjulCore
import Foundation
import Testing

/// data/valg.yaml: decided election days with their sources, the rest projected.
@Suite struct DataFilesElectionsTests {
    static let table = ElectionsFile.shipped
    static func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }

    @Test func theShippedTableIsTheFileOnDisk() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/valg.yaml")
        #expect(try ElectionsFile.parse(try String(contentsOf: url, encoding: .utf8), fileName: url.path) == Self.table)
    }

    @Test func decidedDaysArePublishedWithTheirSource() throws {
        let municipal = try #require(Self.table.election(in: 2023))
        #expect(municipal.kind == .municipal && municipal.date == Self.d(2023, 9, 11) && !municipal.projected)
        #expect(municipal.provenance?.source?.publisher == "Kommunal- og distriktsdepartementet")
        let parliament = try #require(Self.table.election(in: 2025))
        #expect(parliament.kind == .parliament && parliament.date == Self.d(2025, 9, 8) && !parliament.projected)
    }

    @Test func laterYearsAreProjectedAndTheKindsToldApart() throws {
        let next = try #require(Self.table.election(in: 2027))
        #expect(next.kind == .municipal && next.date == Self.d(2027, 9, 13) && next.projected)
        let far = try #require(Self.table.election(in: 2033))
        #expect(far.kind == .parliament && far.date == Self.d(2033, 9, 12) && far.projected)
        #expect(Self.table.election(in: 2031)?.kind == .municipal)
        #expect(Self.table.election(in: 2026) == nil && Self.table.election(in: 2028) == nil)
        // An agreement's own day wins.
        #expect(Self.table.election(in: 2027, overrides: [2027: Self.d(2027, 9, 14)])?.date == Self.d(2027, 9, 14))
    }

    @Test func aDayThatIsNotAMondayIsRefused() throws {
        let text = """
            rule: {basis: x, day: monday on or after 09-08, municipal_from: 2023, parliament_from: 2025}
            elections:
              - {year: 2027, kind: municipal, date: 2027-09-14, projected: true}
            """
        let error = try #require(throws: AgreementFileError.self) { try ElectionsFile.parse(text, fileName: "v.yaml") }
        #expect(error.line == 3 && error.message.contains("not a Monday"))
    }
}
