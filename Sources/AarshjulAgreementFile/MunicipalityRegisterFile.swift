import AarshjulCore
import AarshjulData
import Foundation
import Yams

/// Reads data/kommuner.yaml (format: data/README.md) into a `MunicipalityRegister`.
public enum MunicipalityRegisterFile {
    public static func parse(_ text: String, fileName: String) throws(AgreementFileError) -> MunicipalityRegister {
        let (reader, root) = try NodeReader.dataFile(text, fileName: fileName, empty: "The file is empty; expected sources:, municipalities: and former:.")
        return try reader.register(root)
    }

    /// The register compiled into the tool (data/kommuner.yaml).
    public static let shipped: MunicipalityRegister = {
        do { return try parse(AarshjulData.text("kommuner.yaml") ?? "", fileName: "data/kommuner.yaml") } catch {
            fatalError("\(error)")
        }
    }()
}

extension NodeReader {
    func register(_ root: Node) throws(AgreementFileError) -> MunicipalityRegister {
        let f = try fields(root, of: "the register", allowed: ["sources", "valid_from", "source", "police_source", "municipalities", "former"])
        var sources: [String: FactSource] = [:]
        for entry in try pairs(f["sources"] ?? Node(""), expected: "sources by key") {
            sources[entry.key] = try factSource(entry.key, entry.value)
        }
        let validFrom = try date(try f.required("valid_from", expected: "the date the register is valid from"))
        var municipalities: [Municipality] = []
        var numbers: Set<String> = []
        func number(_ node: Node) throws(AgreementFileError) -> String {
            let n = try nonEmptyText(node, expected: "a four-digit kommunenummer")
            guard n.count == 4, n.allSatisfy(\.isNumber) else { throw fail(position(node), "'\(n)' is not a four-digit kommunenummer.") }
            return n
        }
        for item in try list(try f.required("municipalities", expected: "the municipalities"), expected: "municipalities") {
            let m = try fields(item, of: "a municipality", allowed: ["number", "name", "names", "county", "police", "police_source"])
            let numberNode = try m.required("number", expected: "the kommunenummer")
            let n = try number(numberNode)
            guard numbers.insert(n).inserted else { throw fail(position(numberNode), "The number \(n) is listed twice.") }
            municipalities.append(Municipality(number: n, name: try m.requiredText("name", expected: "the name"),
                                               names: try stringList(m["names"], expected: "the official name forms"),
                                               county: try county(try m.required("county", expected: "the county")),
                                               policeDistrict: try m.requiredText("police", expected: "the police district"),
                                               policeSource: try m["police_source"].map { n throws(AgreementFileError) in
                                                   try source(n, in: sources)
                                               }))
        }
        var former: [FormerMunicipality] = []
        for item in try list(f["former"] ?? Node(""), expected: "former municipalities") {
            let m = try fields(item, of: "a former municipality", allowed: ["number", "name", "county", "until", "became", "how", "note", "source"])
            let becameNode = try m.required("became", expected: "the number of what it became")
            let became = try number(becameNode)
            guard numbers.contains(became) else { throw fail(position(becameNode), "\(became) is not a municipality in this register.") }
            let howText = try m.requiredText("how", expected: "merged, split, renamed or renumbered")
            guard let how = FormerMunicipality.Change(rawValue: howText) else {
                throw fail(position(m["how"]!), "'\(howText)' is not a change; expected merged, split, renamed or renumbered.")
            }
            former.append(FormerMunicipality(
                number: try m["number"].map { n throws(AgreementFileError) in try number(n) },
                name: try m.requiredText("name", expected: "the name"),
                county: try county(try m.required("county", expected: "the county it lies in today")),
                until: try date(try m.required("until", expected: "its last day")),
                became: became, change: how,
                note: try m.optionalText("note", expected: "a note"),
                source: try m["source"].map { n throws(AgreementFileError) in try source(n, in: sources) }))
        }
        return MunicipalityRegister(validFrom: validFrom, municipalities: municipalities, former: former,
                                    source: try f["source"].map { n throws(AgreementFileError) in try source(n, in: sources) },
                                    policeSource: try f["police_source"].map { n throws(AgreementFileError) in try source(n, in: sources) })
    }

    /// The register's word on a municipality an agreement or district names:
    /// an error at `node` when it no longer exists or the county or number disagree.
    func checkMunicipality(_ name: String, number: String?, county: County?, at node: Node,
                           register: MunicipalityRegister = MunicipalityRegisterFile.shipped) throws(AgreementFileError) -> Municipality? {
        switch register.find(name: name, number: number, county: county) {
        case .current(let m):
            return m
        case .unknown:
            return nil
        case .ceased(let gone, let successor):
            let new = "\(successor.name) (\(successor.number))"
            let how: LocalizedText
            switch gone.change {
            case .merged: how = LocalizedText(nb: "ble slått sammen med \(new)", nn: "vart slått saman med \(new)", en: "was merged into \(new)")
            case .split: how = LocalizedText(nb: "ble delt; nummeret hører nå til \(new)", nn: "vart delt; nummeret høyrer no til \(new)",
                                             en: "was split; its number now belongs to \(new)")
            case .renamed: how = LocalizedText(nb: "fikk det nye navnet \(new)", nn: "fekk det nye namnet \(new)", en: "was renamed \(new)")
            case .renumbered: how = LocalizedText(nb: "har nå nummeret \(successor.number) (\(successor.name))", nn: "har no nummeret \(successor.number) (\(successor.name))",
                                                  en: "now has the number \(successor.number) (\(successor.name))")
            }
            let note = gone.note.map { " (\($0))" } ?? ""
            let day = gone.until.adding(days: 1)
            let (nb, nn, en) = (AarshjulCore.Words.longDate(day, .bokmal), AarshjulCore.Words.longDate(day, .nynorsk), AarshjulCore.Words.longDate(day, .english))
            let old = "\(gone.name)\(gone.number.map { " (\($0))" } ?? "")"
            let expected = (nb: "; forventet \(successor.name), nummer \(successor.number)",
                            nn: "; venta \(successor.name), nummer \(successor.number)",
                            en: "; expected \(successor.name), number \(successor.number)")
            // A renumbered municipality still exists: only its old number is gone
            // (0219 Bærum became 3024 in 2020 and 3201 in 2024), so the date is the old number's.
            if gone.change == .renumbered {
                throw fail(position(node), LocalizedText(
                    nb: "\(old): nummeret har ikke vært i bruk siden \(nb)\(note); kommunen \(how.bokmal)\(expected.nb)",
                    nn: "\(old): nummeret har ikkje vore i bruk sidan \(nn)\(note); kommunen \(how.nynorsk)\(expected.nn)",
                    en: "\(old): the number has not been in use since \(en)\(note); the municipality \(how.english)\(expected.en)"))
            }
            throw fail(position(node), LocalizedText(
                nb: "\(old) finnes ikke lenger: kommunen \(how.bokmal) \(nb)\(note)\(expected.nb)",
                nn: "\(old) finst ikkje lenger: kommunen \(how.nynorsk) \(nn)\(note)\(expected.nn)",
                en: "\(old) no longer exists: it \(how.english) on \(en)\(note)\(expected.en)"))
        case .otherCounty(let m):
            let given = county?.name
            throw fail(position(node), LocalizedText(
                nb: "\(m.name) (\(m.number)) ligger i \(m.county.name), ikke i \(given ?? "fylket som er oppgitt"); forventet county: \(m.county.rawValue)",
                nn: "\(m.name) (\(m.number)) ligg i \(m.county.name), ikkje i \(given ?? "fylket som er oppgitt"); venta county: \(m.county.rawValue)",
                en: "\(m.name) (\(m.number)) is in \(m.county.name), not \(given ?? "the county given"); expected county: \(m.county.rawValue)"))
        case .numberMismatch(let m, let name):
            throw fail(position(node), LocalizedText(
                nb: "kommunenummer \(m.number) er \(m.officialName), ikke \(name); forventet nummeret til \(name), eller navnet \(m.officialName)",
                nn: "kommunenummer \(m.number) er \(m.officialName), ikkje \(name); venta nummeret til \(name), eller namnet \(m.officialName)",
                en: "kommunenummer \(m.number) is \(m.officialName), not \(name); expected the number of \(name), or the name \(m.officialName)"))
        case .unknownNumber(let n):
            let from = register.validFrom.iso
            throw fail(position(node), LocalizedText(
                nb: "\(n) er ikke et kommunenummer i registeret som gjelder fra \(from) (data/kommuner.yaml); forventet det firesifrede nummeret til kommunen",
                nn: "\(n) er ikkje eit kommunenummer i registeret som gjeld frå \(from) (data/kommuner.yaml); venta det firesifra nummeret til kommunen",
                en: "\(n) is not a kommunenummer in the register valid from \(from) (data/kommuner.yaml); expected the municipality's four-digit number"))
        }
    }
}
