import AarshjulCore
import AarshjulData
import Foundation
import Yams

/// Reads data/valg.yaml (format: data/README.md) into an `ElectionTable`.
public enum ElectionsFile {
    public static func parse(_ text: String, fileName: String) throws(AgreementFileError) -> ElectionTable {
        let (reader, root) = try NodeReader.dataFile(text, fileName: fileName, empty: "The file is empty; expected sources:, rule: and elections:.")
        return try reader.electionTable(root)
    }

    /// The election days compiled into the tool (data/valg.yaml).
    public static let shipped: ElectionTable = {
        do { return try parse(AarshjulData.text("valg.yaml") ?? "", fileName: "data/valg.yaml") } catch { fatalError("\(error)") }
    }()
}

extension NodeReader {
    func electionTable(_ root: Node) throws(AgreementFileError) -> ElectionTable {
        let f = try fields(root, of: "the election days", allowed: ["sources", "rule", "elections"])
        var sources: [String: FactSource] = [:]
        for entry in try pairs(f["sources"] ?? Node(""), expected: "sources by key") {
            sources[entry.key] = try factSource(entry.key, entry.value)
        }
        let r = try fields(try f.required("rule", expected: "the rule for years not decided"), of: "the rule",
                           allowed: DataFileForms.keys("basis") + ["day", "municipal_from", "parliament_from", "source"])
        var table = ElectionTable(
            day: try dayRule(try r.required("day", expected: "the election day rule, such as 'monday on or after 09-08'")),
            basis: try r.requiredDataText("basis", expected: "the rule in words"),
            municipalFrom: try int(try r.required("municipal_from", expected: "a municipal election year"), "a year", in: 1900...2200),
            parliamentFrom: try int(try r.required("parliament_from", expected: "a parliament election year"), "a year", in: 1900...2200),
            source: try r["source"].map { n throws(AgreementFileError) in try source(n, in: sources) })
        for item in try list(try f.required("elections", expected: "the election days"), expected: "election days") {
            let e = try fields(item, of: "an election", allowed: ["year", "kind", "date", "source"] + DataFileForms.keys("projected"))
            let yearNode = try e.required("year", expected: "the year")
            let year = try year(yearNode)
            let kindText = try e.requiredText("kind", expected: "parliament or municipal")
            let kinds: [String: Elections.Kind] = ["parliament": .parliament, "municipal": .municipal]
            guard let kind = kinds[kindText] else {
                throw fail(position(e["kind"]!), "'\(kindText)' is not an election kind; expected parliament (stortingsvalg) or municipal (kommunestyre- og fylkestingsvalg).")
            }
            let dateNode = try e.required("date", expected: "the election day")
            let day = try date(dateNode)
            guard day.year == year, day.weekday == .monday else {
                throw fail(position(dateNode), "\(day.iso) is not a Monday in \(year); Norwegian election days are Mondays.")
            }
            if table.entries[year] != nil { throw fail(position(yearNode), "The election of \(year) is listed twice.") }
            let src = try e["source"].map { n throws(AgreementFileError) in try source(n, in: sources) }
            let provenance: Provenance
            if let p = e["projected"] {
                let text = try nonEmptyText(p, expected: "true or why the day is assumed")
                let basis = ["true", "yes"].contains(text.lowercased())
                    ? table.basis : try dataText(e, "projected", expected: "why the day is assumed")!
                provenance = .projected(basis, source: src ?? table.source)
            } else if let src {
                provenance = .published(src)
            } else {
                throw fail(e.position, "Each election needs 'source:' (a key under sources:) or 'projected:'.")
            }
            table.entries[year] = ElectionTable.Entry(kind: kind, date: day, provenance: provenance)
        }
        return table
    }
}
