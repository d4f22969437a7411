import AarshjulAgreementFile
import AarshjulCore

/// `aarshjul-bench model REGION [YEARS]`: plans one district (a district
/// file, or `national:N` for region N of the national instance) and prints
/// its model as JSON (see `ModelExport`) for `scripts/cpsat-crosscheck.py`.
/// `national:single` picks the first one-municipality region.
enum ModelCommand {
    static func run() throws {
        let arguments = Array(CommandLine.arguments.dropFirst(2))
        guard let what = arguments.first else {
            print("usage: aarshjul-bench model (DISTRICT.yaml | national:N | national:single) [2027-2030]")
            return
        }
        var years = 2027...2030
        if arguments.count > 1 {
            let parts = arguments[1].split(separator: "-").compactMap { Int($0) }
            if parts.count == 2, parts[0] <= parts[1] { years = parts[0]...parts[1] } else if parts.count == 1 { years = parts[0]...parts[0] }
        }
        let district: District
        if what.hasPrefix("national:") {
            let regions = NationalCountry.regions(seed: 2027)
            let key = what.dropFirst("national:".count)
            if key == "single", let single = regions.first(where: { $0.members.count == 1 }) {
                district = single
            } else if let n = Int(key), regions.indices.contains(n) {
                district = regions[n]
            } else {
                print("no such region: \(key) (0–\(regions.count - 1), or single)")
                return
            }
        } else {
            district = try DistrictFile.load(path: what)
        }
        let start = Benchmarks.now()
        let plan = try DistrictPlanner.plan(district, years: years)
        let seconds = (Benchmarks.now() - start) / 1000
        print(ModelExport.json(district, years: years, plan: plan, seconds: seconds), terminator: "")
    }
}
