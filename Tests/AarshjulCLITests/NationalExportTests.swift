import AarshjulAgreementFile
import AarshjulCore
import Foundation
import Testing

/// The national instance is the real country (data/kommuner.yaml), and
/// `aarshjul national --export DIR` writes it as district files that read back
/// to the same districts.
@Suite struct NationalExportTests {
    static let register = MunicipalityRegisterFile.shipped

    @Test func theCountryIsEveryMunicipalityOfTheRegisterOnce() {
        let regions = NationalCountry.regions(seed: 2027)
        let members = regions.flatMap(\.members)
        #expect(members.count == 357)
        #expect(Set(members.map(\.id)).count == 357)
        for a in members {
            let m = Self.register.current(named: a.municipality, county: a.county)
            #expect(m.count == 1, "\(a.municipality)")
            #expect(m.first?.policeDistrict == a.policeDistrict, "\(a.municipality)")
            #expect(a.schoolCalendar.countyRoute?.county == a.county, "\(a.municipality) has its county's skolerute")
        }
        // Regions never cross a police district, and hold 1–6 municipalities.
        for r in regions {
            #expect(Set(r.members.map(\.policeDistrict)).count == 1, "\(r.id)")
            #expect((1...6).contains(r.members.count), "\(r.id)")
        }
        #expect(Set(members.map(\.policeDistrict)).count == 12)
        #expect(members.contains { $0.id == "heroy-1515" } && members.contains { $0.id == "heroy-1818" })
        // The same seed gives the same country; another seed another grouping.
        #expect(NationalCountry.regions(seed: 2027) == regions)
        #expect(NationalCountry.regions(seed: 7).map(\.id) != regions.map(\.id) || NationalCountry.regions(seed: 7) != regions)
    }

    @Test func exportedDistrictFilesReadBackToTheSameDistricts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("aarshjul-national-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["national", "--export", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        let regions = NationalCountry.regions(seed: 2027)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count == regions.count)
        for region in regions {
            let loaded = try DistrictFile.load(path: dir.appendingPathComponent("\(region.id).yaml").path)
            #expect(loaded == region, "\(region.id) does not read back the same")
        }
        let text = try String(contentsOf: dir.appendingPathComponent("\(regions[0].id).yaml"), encoding: .utf8)
        #expect(text.contains("number: \"0301\"") || text.contains("number: \""))
    }

    @Test func aJointMeetingNoMemberOwnsIsReadInline() throws {
        let text = """
            district: d
            name: D
            members:
              - default: {id: gausdal, municipality: Gausdal}
              - default: {id: oyer, municipality: Øyer}
            meetings:
              - series: {id: felles, title: Felles politiråd, kind: politirad, rule: {yearly: true}, venue: radhuset, duration: 2h}
                host: oyer
                members: [gausdal, oyer]
                attendees: [gausdal/ordforer, oyer/ordforer]
            """
        let district = try DistrictFile.parse(text, fileName: "d.yaml") { (_: String) throws(AgreementFileError) -> Agreement in
            throw AgreementFileError(file: "", line: 0, column: 0, words: LocalizedText(nb: "", en: ""))
        }
        let meeting = try #require(district.meetings.first)
        #expect(meeting.host == "oyer" && meeting.members == ["gausdal", "oyer"])
        #expect(meeting.series.attendees == ["gausdal.ordforer", "oyer.ordforer"])
        #expect(meeting.venue?.id == "radhuset")
        let plan = try DistrictPlanner.plan(district, years: 2027...2027)
        #expect(plan.plans.allSatisfy { $0.events.contains { $0.seriesID == "felles" } })
        let noHost = text.replacingOccurrences(of: "    host: oyer\n", with: "")
        #expect(throws: AgreementFileError.self) {
            try DistrictFile.parse(noHost, fileName: "d.yaml") { (_: String) throws(AgreementFileError) -> Agreement in
                throw AgreementFileError(file: "", line: 0, column: 0, words: LocalizedText(nb: "", en: ""))
            }
        }
    }
}
