import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import Foundation

/// `aarshjul reschedule DISTRICT.yaml --previous DIR`: repairs a district
/// plan that `plan DISTRICT.yaml --out DIR` published (one folder per
/// member, `personer/`, `roller/`).
///
/// The district is read and planned by `DistrictPlanRun.make`, the same
/// validation `check` and `plan` run. Each member is then repaired against
/// its own published folder (`DistrictRepair`: in district order, joint
/// meetings on their published dates, shared people's earlier meetings busy
/// time for the later members). A result in which someone is still in two
/// places at once (`DistrictAudit`) is refused with exit 2 and nothing is written.
struct DistrictReschedule {
    let command: RescheduleCommand

    func run() throws {
        let language = command.languageOptions.planLanguage
        let years = try command.yearOptions.range()
        let (district, fresh) = DistrictPlanRun.make(path: command.agreementFile, years: years, language: language)
        let said = language ?? district.members[0].language
        do {
            let stamp = command.stamp.flatMap(RescheduleInputs.timestamp)
                ?? UTCTimestamp(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
            let blackouts = try command.blackout.map(RescheduleInputs.blackout)
            var userPins: [String: CivilDate] = [:]
            for text in command.pin { let (uid, date) = try RescheduleInputs.pin(text); userPins[uid] = date }
            let userBusy = try busyByGlobalID(district, years: years)
            var members: [DistrictRepair.Member] = []
            for (index, member) in district.members.enumerated() {
                let inputs = RescheduleInputs(agreement: fresh.plans[index].agreement, years: years)
                let file = ((command.previous as NSString).appendingPathComponent(member.id) as NSString)
                    .appendingPathComponent("\(member.id)-\(ICalExporter.yearPart(years)).ics")
                let (events, deadlines) = try inputs.previous(file)
                members.append(DistrictRepair.Member(previous: events, deadlines: deadlines, pins: userPins))
            }
            let repair = try DistrictRepair.repair(district, fresh: fresh, members: members, busy: userBusy, blackouts: blackouts,
                                                   language: language, stamp: stamp)
            let (repaired, results, clashes) = (repair.plan, repair.results, repair.clashes)
            if let first = clashes.first {
                Failure.exit(LocalizedText(
                    nb: "ingen reparert plan for \(district.name) holder alle harde regler: \(first.explanation.text(said))",
                    nn: "ingen reparert plan for \(district.name) held alle harde reglar: \(first.explanation.text(said))",
                    en: "no repaired plan for \(district.name) keeps every hard rule: \(first.explanation.text(said))").text(said), code: 2)
            }
            for (member, result) in zip(district.members, results) {
                print("\(member.municipality)\n" + ChangeList.render(result, language: language ?? member.language), terminator: "")
            }
            if command.dryRun {
                print(LocalizedText(nb: "(--dry-run: ingenting skrevet)", nn: "(--dry-run: ingenting skrive)",
                                    en: "(--dry-run: nothing written)").text(said))
                return
            }
            guard let out = command.out else { return }
            for result in results {
                var files = try ICalExporter.files(for: result.plan, options: ICalExportOptions(language: result.plan.language))
                files.append((name: "plan.txt", contents: TextPlan.render(result.plan)))
                try AtomicFile.writeAll(files, into: out + "/" + result.plan.agreement.id)
            }
            let feeds = try DistrictFeeds.files(for: repaired, options: ICalExportOptions(language: said))
            for folder in ["personer", "roller"] {
                let mine = feeds.filter { $0.name.hasPrefix(folder + "/") }
                    .map { (name: String($0.name.dropFirst(folder.count + 1)), contents: $0.contents) }
                try AtomicFile.writeAll(mine, into: out + "/" + folder)
            }
        } catch {
            Failure.report(error, language: said)
        }
    }

    /// `--busy PERSONID=FILE` with a district-wide person id (`oyer.ordforer`, or a shared person's id).
    private func busyByGlobalID(_ district: District, years: ClosedRange<Int>) throws -> [String: [BusyInterval]] {
        let known = district.people.map(\.id)
        var out: [String: [BusyInterval]] = [:]
        for argument in command.busy {
            guard let eq = argument.firstIndex(of: "="), !argument[..<eq].contains("/") else {
                throw DistrictRescheduleError.busyNeedsPerson(argument, known)
            }
            let person = String(argument[..<eq])
            guard known.contains(person) else { throw DistrictRescheduleError.unknownPerson(argument, person, known) }
            let inputs = RescheduleInputs(agreement: Agreement(id: district.id, municipality: district.name,
                                                               county: district.members[0].county, people: district.people),
                                          years: years)
            out[person, default: []] += try inputs.busy(String(argument[argument.index(after: eq)...]), person: person)
        }
        return out
    }
}

enum DistrictRescheduleError: Error, CustomStringConvertible {
    case busyNeedsPerson(String, [String])
    case unknownPerson(String, String, [String])

    var description: String {
        switch self {
        case let .busyNeedsPerson(argument, known):
            return "--busy \(argument): in a district, say whose calendar it is with PERSONID=FILE, using a district-wide id (\(known.prefix(6).joined(separator: ", ")), …)."
        case let .unknownPerson(argument, person, known):
            return "--busy \(argument): '\(person)' is not a person of the district. District-wide ids look like \(known.prefix(4).joined(separator: ", "))."
        }
    }
}
