import AarshjulAgreementFile
import AarshjulCore
import Foundation
import Testing

/// data/kommuner.yaml, and agreements and districts checked against it.
@Suite struct DataFilesMunicipalityRegisterTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let register = MunicipalityRegisterFile.shipped

    @Test func theShippedRegisterIsTheFileOnDisk() throws {
        let url = Self.root.appendingPathComponent("data/kommuner.yaml")
        let disk = try MunicipalityRegisterFile.parse(try String(contentsOf: url, encoding: .utf8), fileName: url.path)
        #expect(disk.municipalities == Self.register.municipalities)
        #expect(disk.former == Self.register.former)
    }

    /// SSB: 357 municipalities from 1 January 2024, so many per county.
    @Test func norwayHas357MunicipalitiesIn15Counties() {
        let r = Self.register
        #expect(r.validFrom == CivilDate(year: 2024, month: 1, day: 1)!)
        #expect(r.municipalities.count == 357)
        #expect(Set(r.municipalities.map(\.number)).count == 357)
        let perCounty = Dictionary(grouping: r.municipalities, by: \.county).mapValues(\.count)
        let expected: [County: Int] = [.oslo: 1, .rogaland: 23, .moreOgRomsdal: 27, .nordland: 41, .ostfold: 12, .akershus: 21,
                                       .buskerud: 18, .innlandet: 46, .vestfold: 6, .telemark: 17, .agder: 25, .vestland: 43,
                                       .trondelag: 38, .troms: 21, .finnmark: 18]
        #expect(perCounty == expected)
        // The first two digits are the county number (2024).
        let prefix: [County: String] = [.oslo: "03", .rogaland: "11", .moreOgRomsdal: "15", .nordland: "18", .ostfold: "31",
                                        .akershus: "32", .buskerud: "33", .innlandet: "34", .vestfold: "39", .telemark: "40",
                                        .agder: "42", .vestland: "46", .trondelag: "50", .troms: "55", .finnmark: "56"]
        for m in r.municipalities { #expect(m.number.hasPrefix(prefix[m.county]!), "\(m.number) \(m.name)") }
    }

    @Test func policeDistrictsAreTheTwelveWithTheirExceptions() {
        let r = Self.register
        #expect(Set(r.municipalities.map(\.policeDistrict)).count == 12)
        func police(_ number: String) -> String? { r.municipality(number: number)?.policeDistrict }
        #expect(police("3201") == "Oslo politidistrikt")      // Bærum
        #expect(police("3203") == "Oslo politidistrikt")      // Asker
        #expect(police("3205") == "Øst politidistrikt")       // Lillestrøm
        #expect(police("3234") == "Innlandet politidistrikt") // Lunner
        #expect(police("3236") == "Sør-Øst politidistrikt")   // Jevnaker
        #expect(police("4614") == "Sør-Vest politidistrikt")  // Stord
        #expect(police("4644") == "Vest politidistrikt")      // Luster
        #expect(police("1811") == "Trøndelag politidistrikt") // Bindal
        #expect(police("5516") == "Nordland politidistrikt")  // Gratangen
        #expect(police("3440") == "Innlandet politidistrikt") // Øyer
    }

    /// Sør-Vest politidistrikt (politi.no): Rogaland's municipalities, five in
    /// former Hordaland and "en i Vest-Agder", Sirdal; the register says where
    /// Sirdal's district is read, since it crosses the county border.
    @Test func sirdalIsInSorVestAsThePoliceSayWithItsSource() throws {
        let r = Self.register
        let sirdal = try #require(r.municipality(number: "4228"))
        #expect(sirdal.name == "Sirdal" && sirdal.county == .agder)
        #expect(sirdal.policeDistrict == "Sør-Vest politidistrikt")
        #expect(sirdal.policeSource?.publisher == "Politiet (Sør-Vest politidistrikt)")
        #expect(sirdal.policeSource?.url?.hasPrefix("https://www.politi.no/") == true)
        let sorVest = r.municipalities.filter { $0.policeDistrict == "Sør-Vest politidistrikt" }
        #expect(Set(sorVest.filter { $0.county != .rogaland }.map(\.name)) == ["Sirdal", "Sveio", "Etne", "Bømlo", "Fitjar", "Stord"])
        #expect(r.municipalities.filter { $0.county == .rogaland }.allSatisfy { $0.policeDistrict == "Sør-Vest politidistrikt" })
        // The other two that cross a county border say where that is read.
        #expect(r.municipality(number: "5516")?.policeSource?.publisher == "Politiet (Nordland politidistrikt)") // Gratangen
        #expect(r.municipality(number: "1811")?.policeSource?.title.contains("Trøndelag") == true)              // Bindal
        // Every other municipality of Agder is in Agder politidistrikt.
        #expect(r.municipalities.filter { $0.county == .agder && $0.number != "4228" }
            .allSatisfy { $0.policeDistrict == "Agder politidistrikt" })
    }

    @Test func sameNamesAreToldApartByCountyAndSamiFormsAreOfficialNames() {
        let r = Self.register
        #expect(r.current(named: "Herøy").map(\.number).sorted() == ["1515", "1818"])
        #expect(r.current(named: "Våler", county: .innlandet).map(\.number) == ["3419"])
        #expect(r.current(named: "Guovdageaidnu").first?.number == "5612")
        #expect(r.municipality(number: "5612")?.officialName == "Guovdageaidnu – Kautokeino")
    }

    @Test func leikangerAndBalestrandBecameSogndal() {
        for name in ["Leikanger", "Balestrand"] {
            guard case .ceased(let gone, let successor) = Self.register.find(name: name, county: .vestland) else {
                Issue.record("\(name) is not recorded as ceased"); continue
            }
            #expect(successor.number == "4640" && successor.name == "Sogndal")
            #expect(gone.until == CivilDate(year: 2019, month: 12, day: 31)!)
        }
        // Sande in Møre og Romsdal exists; Sande in Vestfold became Holmestrand.
        #expect(Self.register.find(name: "Sande", county: .moreOgRomsdal) == .current(Self.register.municipality(number: "1514")!))
        guard case .ceased(_, let holmestrand) = Self.register.find(name: "Sande", county: .vestfold) else {
            Issue.record("Sande (Vestfold) not ceased"); return
        }
        #expect(holmestrand.name == "Holmestrand")
    }

    /// Numbers in use before 2020 (SSB's grouping): a municipality merged in
    /// 2020 is found by its old number, and so is one that only got a new one.
    @Test func numbersFromBefore2020NameWhatTheMunicipalityIsNow() throws {
        func successor(_ number: String) -> (FormerMunicipality, Municipality)? {
            guard let gone = Self.register.former.first(where: { $0.number == number }),
                  case .ceased(let g, let now) = Self.register.find(name: "x", number: number) else { return nil }
            #expect(g == gone)
            return (g, now)
        }
        let leikanger = try #require(successor("1419"))
        #expect(leikanger.0.name == "Leikanger" && leikanger.1.number == "4640" && leikanger.0.change == .merged)
        let baerum = try #require(successor("0219"))        // 0219 → 3024 (2020) → 3201 (2024)
        #expect(baerum.1.name == "Bærum" && baerum.1.number == "3201" && baerum.0.change == .renumbered)
        #expect(baerum.0.until == CivilDate(year: 2019, month: 12, day: 31)!)
        // Said as a number that went out of use, not as a municipality that ceased to exist.
        let said = try #require(throws: AgreementFileError.self) {
            try AgreementFile.parse(Self.agreement("id: b\nmunicipality: Bærum\nmunicipality_number: \"0219\"\ncounty: akershus"), fileName: "b.yaml")
        }
        #expect(said.message(.bokmal).contains("Bærum (0219): nummeret har ikke vært i bruk siden 01.01.2020")
                && said.message(.bokmal).contains("har nå nummeret 3201") && !said.message(.bokmal).contains("finnes ikke"), "\(said.message(.bokmal))")
        #expect(try #require(successor("1902")).1.name == "Tromsø")
        #expect(try #require(successor("1852")).1.number == "5512")   // Tjeldsund (Nordland) and Skånland
        #expect(try #require(successor("1534")).1.name == "Haram")    // in Ålesund 2020–2023
        // A renumbered municipality's old number is not taken for its name.
        #expect(Self.register.find(name: "Bærum", county: .akershus) == .current(Self.register.municipality(number: "3201")!))
        // No number is both current and former, and none is former twice.
        let formerNumbers = Self.register.former.compactMap(\.number)
        #expect(Set(formerNumbers).count == formerNumbers.count)
        #expect(Set(formerNumbers).isDisjoint(with: Self.register.municipalities.map(\.number)))
        // Every former municipality outside Trøndelag carries its last number.
        #expect(Self.register.former.filter { $0.number == nil && $0.county != .trondelag }.map(\.name) == [])
    }

    /// Hof merged into Holmestrand on 1 January 2018 (SNL), before the 2020 reform.
    @Test func hofCeasedAtTheEndOf2017() throws {
        guard case .ceased(let hof, let now) = Self.register.find(name: "Hof", county: .vestfold) else {
            Issue.record("Hof is not recorded as ceased"); return
        }
        #expect(hof.until == CivilDate(year: 2017, month: 12, day: 31)! && hof.number == "0714" && now.name == "Holmestrand")
    }

    /// The four municipalities merged in 2020 across a police border carry the
    /// decision that placed them.
    @Test func theFourMergersAcrossAPoliceBorderNameTheDecision() throws {
        for (number, district) in [("5512", "Troms"), ("3203", "Oslo"), ("1577", "Møre og Romsdal"), ("5055", "Trøndelag")] {
            let m = try #require(Self.register.municipality(number: number))
            #expect(m.policeDistrict == "\(district) politidistrikt", "\(m.name)")
            #expect(m.policeSource?.title.contains("distriktsinndelingen i politi") == true, "\(m.name)")
        }
    }

    // MARK: Agreements and districts

    static func agreement(_ header: String) -> String {
        header + "\nseries:\n  - id: x\n    title: X\n    rule: {per_year: 1}\n"
    }

    @Test func anAgreementNamingAMunicipalityThatNoLongerExistsIsAnError() throws {
        let text = Self.agreement("id: leikanger\nmunicipality: Leikanger\ncounty: vestland")
        let error = try #require(throws: AgreementFileError.self) { try AgreementFile.parse(text, fileName: "leikanger.yaml") }
        #expect(error.line == 2 && error.column == 15)
        #expect(error.message.contains("Leikanger (1419) no longer exists") && error.message.contains("Sogndal") && error.message.contains("4640")
                && error.message.contains("1 Jan 2020"))
        #expect(error.message(.bokmal).contains("slått sammen med Sogndal (4640) 01.01.2020"), "\(error.message(.bokmal))")
    }

    @Test func aNumberMustBeCurrentAndMatchTheName() throws {
        let old = try #require(throws: AgreementFileError.self) {
            try AgreementFile.parse(Self.agreement("id: b\nmunicipality: Bærum\nmunicipality_number: \"3024\"\ncounty: akershus"), fileName: "b.yaml")
        }
        #expect(old.line == 3 && old.message.contains("3201"))
        let wrong = try #require(throws: AgreementFileError.self) {
            try AgreementFile.parse(Self.agreement("id: b\nmunicipality: Bærum\nmunicipality_number: \"3203\"\ncounty: akershus"), fileName: "b.yaml")
        }
        #expect(wrong.message.contains("3203 is Asker"))
        let ok = try AgreementFile.parse(Self.agreement("id: b\nmunicipality: Bærum\nmunicipality_number: \"3201\"\ncounty: akershus"), fileName: "b.yaml")
        #expect(ok.policeDistrict == "Oslo politidistrikt", "the police district comes from the register")
    }

    @Test func aRealMunicipalityInTheWrongCountyIsAnError() throws {
        let error = try #require(throws: AgreementFileError.self) {
            try AgreementFile.parse(Self.agreement("id: luster\nmunicipality: Luster\ncounty: innlandet"), fileName: "l.yaml")
        }
        #expect(error.message.contains("Luster (4644) is in Vestland"))
    }

    @Test func aMunicipalityTheRegisterDoesNotKnowIsLeftAlone() throws {
        let a = try AgreementFile.parse(Self.agreement("id: testvik\nmunicipality: Testvik\ncounty: oslo"), fileName: "t.yaml")
        #expect(a.municipality == "Testvik" && a.policeDistrict == "")
    }

    static func district(_ member: String) -> String {
        "district: d\nname: D\nmembers:\n  - default: \(member)\n"
    }

    @Test func aDistrictMemberThatNoLongerExistsIsAnErrorNamingWhatItBecame() throws {
        let text = Self.district("{id: leikanger, municipality: Leikanger, county: vestland}")
        let error = try #require(throws: AgreementFileError.self) {
            try DistrictFile.parse(text, fileName: "d.yaml") { (_: String) throws(AgreementFileError) -> Agreement in
                throw AgreementFileError(file: "", line: 0, column: 0, words: LocalizedText(nb: "no files", en: "no files"))
            }
        }
        #expect(error.file == "d.yaml" && error.line == 4)
        #expect(error.message.contains("Sogndal (4640)"))
    }

    @Test func defaultMembersTakeCountyAndPoliceDistrictFromTheRegister() throws {
        let district = try DistrictFile.parse(Self.district("{id: gausdal, municipality: Gausdal}"), fileName: "d.yaml") {
            (_: String) throws(AgreementFileError) -> Agreement in throw AgreementFileError(file: "", line: 0, column: 0, words: LocalizedText(nb: "", en: ""))
        }
        let gausdal = try #require(district.members.first)
        #expect(gausdal.county == .innlandet && gausdal.policeDistrict == "Innlandet politidistrikt")
        let unknown = try #require(throws: AgreementFileError.self) {
            try DistrictFile.parse(Self.district("{id: x, municipality: Nowhere}"), fileName: "d.yaml") {
                (_: String) throws(AgreementFileError) -> Agreement in throw AgreementFileError(file: "", line: 0, column: 0, words: LocalizedText(nb: "", en: ""))
            }
        }
        #expect(unknown.message.contains("expected 'county:'"))
    }

    /// The bar: no shipped agreement or district names a municipality that
    /// does not exist on 1 January 2027.
    @Test func noShippedFileNamesAMunicipalityThatDoesNotExist() throws {
        let calendars = Self.root.appendingPathComponent("calendars")
        var files = try FileManager.default.contentsOfDirectory(atPath: calendars.path).filter { $0.hasSuffix(".yaml") }
            .map { calendars.appendingPathComponent($0).path }
        let districts = calendars.appendingPathComponent("districts")
        files += try FileManager.default.contentsOfDirectory(atPath: districts.path).filter { $0.hasSuffix(".yaml") }
            .map { districts.appendingPathComponent($0).path }
        var checked = 0
        for path in files {
            let agreements = DistrictFile.isDistrict(path: path) ? try DistrictFile.load(path: path).members : [try AgreementFile.load(path: path)]
            for a in agreements {
                guard case .current(let m) = Self.register.find(name: a.municipality, county: a.county) else {
                    Issue.record("\(path): \(a.municipality) is not a municipality of \(a.county.name) on 1 January 2027"); continue
                }
                #expect(m.policeDistrict == a.policeDistrict, "\(path): \(a.municipality)")
                checked += 1
            }
        }
        #expect(checked >= 12)
    }
}
