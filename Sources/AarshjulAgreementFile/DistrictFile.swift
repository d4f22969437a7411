import AarshjulCore
import Foundation
import Yams

/// Reads a district file (YAML; see docs/district-format.md): member
/// agreements (files relative to the district file, or the national pattern
/// for municipalities without one), shared people, joint meetings and travel
/// times. Errors name file, line and column like agreement files.
public enum DistrictFile {
    /// True when the text's top level has a `district:` key (an agreement file has `id:`).
    public static func isDistrict(_ text: String) -> Bool {
        guard let node = try? Yams.compose(yaml: text, Resolver.basic), case .mapping(let map) = node else { return false }
        return map.contains { key, _ in key.string == "district" }
    }

    public static func isDistrict(path: String) -> Bool {
        guard case .success(let text) = InputFile.read(path, limit: AgreementLimits.maxFileBytes) else { return false }
        return isDistrict(text)
    }

    public static func load(path: String) throws(AgreementFileError) -> District {
        let text = try AgreementFile.readText(path, expected: "a district file (YAML)")
        let folder = (path as NSString).deletingLastPathComponent
        return try parse(text, fileName: path) { (relative: String) throws(AgreementFileError) -> Agreement in
            try AgreementFile.load(path: relative.hasPrefix("/") ? relative : (folder as NSString).appendingPathComponent(relative))
        }
    }

    /// The district and the calendar files its members' agreement files name
    /// (`busy_calendars`, `school_calendar.import`), by member id: a member
    /// planned in a district honours them as it does alone.
    public static func loadWithImports(path: String) throws(AgreementFileError) -> (District, [String: CalendarImports]) {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw AgreementFileError(file: path, line: 0, column: 0,
                                     message: "The file cannot be read as UTF-8 text (\(error.localizedDescription)).")
        }
        let folder = (path as NSString).deletingLastPathComponent
        var imports: [String: CalendarImports] = [:]
        let district = try parse(text, fileName: path) { (relative: String) throws(AgreementFileError) -> Agreement in
            let (agreement, found) = try AgreementFile.loadWithImports(
                path: relative.hasPrefix("/") ? relative : (folder as NSString).appendingPathComponent(relative))
            imports[agreement.id] = found
            return agreement
        }
        return (district, imports.filter { !$0.value.busyCalendars.isEmpty || !$0.value.schoolCalendars.isEmpty })
    }

    /// `loadMember` reads a member's agreement file named in the district file.
    public static func parse(_ text: String, fileName: String,
                             loadMember: (String) throws(AgreementFileError) -> Agreement) throws(AgreementFileError) -> District {
        try AgreementLimits.checkSize(text, fileName: fileName)
        let reader = NodeReader(file: fileName)
        let root: Node?
        do { root = try Yams.compose(yaml: text, Resolver.basic) } catch {
            throw SyntaxErrors.describe(error, file: fileName, text: text)
        }
        guard let root, !reader.isNull(root) else {
            throw reader.fail(.start, "The file is empty; expected a district starting with keys such as district:, name: and members:.")
        }
        guard case .mapping = root else {
            throw reader.fail(.start, "This is not a district file: expected keys and values such as district:, name: and members: at the top level, but found plain text or a list.")
        }
        return try reader.district(root, loadMember: loadMember)
    }
}

extension NodeReader {
    static let districtKeys = ["district", "name", "members", "shared_people", "meetings", "travel_minutes"]

    func district(_ root: Node, loadMember: (String) throws(AgreementFileError) -> Agreement) throws(AgreementFileError) -> District {
        let f = try fields(root, of: "the district", allowed: Self.districtKeys)
        let did = try id(try f.required("district", expected: "a short id such as 'sogn'"), of: "the district")
        let name = try f.requiredText("name", expected: "the district's name")
        var members: [Agreement] = []
        for item in try list(try f.required("members", expected: "a list of member municipalities"), expected: "members") {
            let m = try fields(item, of: "a member", allowed: ["file", "default"])
            let member: Agreement
            if let file = m["file"] {
                let path = try nonEmptyText(file, expected: "a path to an agreement file")
                do { member = try loadMember(path) } catch {
                    // Located in the district file (where to change the path), with the member file's own place.
                    throw fail(position(file), "The member file '\(path)' cannot be used: \(error.description)")
                }
            } else if let d = m["default"] {
                member = try defaultMember(d)
            } else {
                throw fail(position(item), "A member needs 'file:' (an agreement file) or 'default:' ({id, municipality, county}).")
            }
            if members.contains(where: { $0.id == member.id }) {
                throw fail(position(item), "The municipality '\(member.id)' is a member twice.")
            }
            members.append(member)
        }
        if members.isEmpty {
            throw fail(position(try f.required("members", expected: "a list of member municipalities")),
                       "The district has no members; expected at least one member, e.g. '- file: ../oyer.yaml' or '- default: {id: gausdal, municipality: Gausdal, county: innlandet}'.")
        }
        func member(_ id: String, _ node: Node) throws(AgreementFileError) -> Int {
            guard let i = members.firstIndex(where: { $0.id == id }) else {
                throw fail(position(node), "'\(id)' is not a member of the district.\(Suggestion.didYouMean(id, in: members.map(\.id))) Members: \(members.map(\.id).joined(separator: ", ")).")
            }
            return i
        }

        var shared: [SharedPerson] = []
        for item in try list(f["shared_people"] ?? Node(""), expected: "shared people") {
            let s = try fields(item, of: "a shared person", allowed: ["id", "name", "role", "role_en", "email", "role_feed", "as"])
            let sid = try id(try s.required("id", expected: "an id such as 'politikontakt_oyer_gausdal'"), of: "a shared person")
            let role = try s.requiredText("role", expected: "the person's role")
            var appearances: [SharedPerson.Appearance] = []
            for pair in try pairs(try s.required("as", expected: "the person's id in each member, e.g. {oyer: politikontakt}"),
                                  expected: "member: person id pairs") {
                let i = try member(pair.key, pair.keyNode)
                let local = try id(pair.value, of: "a person")
                guard members[i].person(local) != nil else {
                    throw fail(position(pair.value), "'\(local)' is not a person in \(members[i].municipality)'s agreement.\(Suggestion.didYouMean(local, in: members[i].people.map(\.id)))")
                }
                appearances.append(.init(member: pair.key, person: local))
            }
            shared.append(SharedPerson(id: sid, name: try s.optionalText("name", expected: "a name") ?? role, role: role,
                                       roleEnglish: try s.optionalText("role_en", expected: "the role in English"),
                                       email: try s.optionalText("email", expected: "an e-mail address"),
                                       roleKey: try s["role_feed"].map { n throws(AgreementFileError) in try id(n, of: "a role feed") },
                                       appearances: appearances))
        }
        let partial = District(id: did, name: name, members: members, sharedPeople: shared)

        var meetings: [InterMunicipalMeeting] = []
        for item in try list(f["meetings"] ?? Node(""), expected: "joint meetings") {
            let m = try fields(item, of: "a joint meeting", allowed: ["from", "series", "members", "host", "attendees"])
            // A member/person or shared person's id, as a district-wide id.
            func personRef(_ ref: String, _ node: Node) throws(AgreementFileError) -> String {
                let bits = ref.split(separator: "/").map(String.init)
                if bits.count == 2 {
                    let i = try member(bits[0], node)
                    guard members[i].person(bits[1]) != nil else {
                        throw fail(position(node), "'\(bits[1])' is not a person in \(members[i].municipality)'s agreement.\(Suggestion.didYouMean(bits[1], in: members[i].people.map(\.id)))")
                    }
                    return partial.globalID(member: bits[0], person: bits[1])
                }
                guard shared.contains(where: { $0.id == ref }) else {
                    throw fail(position(node), "'\(ref)' is neither member/person nor a shared person.\(Suggestion.didYouMean(ref, in: shared.map(\.id)))")
                }
                return ref
            }
            var series: MeetingSeries
            let owner: Int
            let ownerID: String
            let hostID: String
            if let inline = m["series"] {
                // A joint series no member owns (the national instance's
                // inter-municipal councils): people as member/person or shared
                // ids, the venue one of the host's.
                if let from = m["from"] { throw fail(position(from), "A joint meeting takes either 'from:' (a member's series) or 'series:' (its own), not both.") }
                let hostNode = try m.required("host", expected: "the member that hosts it (its venue, county and opening hours)")
                hostID = try text(hostNode, expected: "a member id")
                owner = try member(hostID, hostNode)
                ownerID = hostID
                var references: [Reference] = []
                series = try self.series(inline, references: &references)
                for ref in references {
                    switch ref.target {
                    case .person: _ = try personRef(ref.id, ref.node)
                    case .venue:
                        guard members[owner].venue(ref.id) != nil else {
                            throw fail(position(ref.node), "'\(ref.id)' (\(ref.role)) is not a venue of the host \(members[owner].municipality).\(Suggestion.didYouMean(ref.id, in: members[owner].venues.map(\.id)))")
                        }
                    }
                }
                var global: [String: String] = [:]
                for ref in references where ref.target == .person { global[ref.id] = try personRef(ref.id, ref.node) }
                let map = { (p: String) in global[p] ?? p }
                series.calledBy = series.calledBy.map(map)
                series.chair = series.chair.map(map)
                series.secretary = series.secretary.map(map)
                series.attendees = series.attendees.map(map)
                series.partialAttendance = series.partialAttendance.map { PartialAttendance(person: map($0.person), count: $0.count) }
            } else {
                let fromNode = try m.required("from", expected: "the series it adopts, as member/series (e.g. luster/politirad_lls), or series: with its own definition")
                let from = try nonEmptyText(fromNode, expected: "member/series")
                let parts = from.split(separator: "/").map(String.init)
                guard parts.count == 2 else { throw fail(position(fromNode), "'\(from)' is not member/series, e.g. luster/politirad_lls.") }
                owner = try member(parts[0], fromNode)
                ownerID = parts[0]
                guard let s = members[owner].series.firstIndex(where: { $0.id == parts[1] }) else {
                    throw fail(position(fromNode), "\(members[owner].municipality) has no series '\(parts[1])'.\(Suggestion.didYouMean(parts[1], in: members[owner].series.map(\.id)))")
                }
                series = members[owner].series.remove(at: s)
                hostID = try m["host"].map { n throws(AgreementFileError) in try text(n, expected: "a member id") } ?? parts[0]
                _ = try member(hostID, m["host"] ?? fromNode)
                // The owner's people become global ids.
                let global = { (p: String) in partial.globalID(member: parts[0], person: p) }
                series.calledBy = series.calledBy.map(global)
                series.chair = series.chair.map(global)
                series.secretary = series.secretary.map(global)
                series.attendees = series.attendees.map(global)
                series.partialAttendance = series.partialAttendance.map { PartialAttendance(person: global($0.person), count: $0.count) }
            }
            var memberIDs: [String] = []
            for (mid, node) in try idList(m["members"], of: "a member") {
                _ = try member(mid, node)
                if !memberIDs.contains(mid) { memberIDs.append(mid) }
            }
            if !memberIDs.contains(ownerID) { memberIDs.insert(ownerID, at: 0) }
            if !memberIDs.contains(hostID) { memberIDs.append(hostID) }
            // Extra attendees: member/person or shared ids.
            for node in try list(m["attendees"] ?? Node(""), expected: "attendees") {
                let gid = try personRef(try nonEmptyText(node, expected: "member/person or a shared person's id"), node)
                if !series.allPeople.contains(gid) { series.attendees.append(gid) }
            }
            // Guests that are now members are no longer guests.
            let names = memberIDs.compactMap { id in members.first { $0.id == id }?.municipality }
            series.guests.removeAll { guest in names.contains { guest == $0 || guest == "\($0) kommune" || guest == "\($0) kommune" } }
            let venue = series.venue.flatMap { members[owner].venue($0) }
            meetings.append(InterMunicipalMeeting(series: series, host: hostID, members: memberIDs, venue: venue))
        }

        var travel = TravelTable(count: members.count, uniform: 0)
        if let t = f["travel_minutes"] {
            if case .scalar = t {
                travel = TravelTable(count: members.count, uniform: try int(t, "minutes of travel", in: 0...600))
            } else {
                let tf = try fields(t, of: "travel_minutes", allowed: ["default", "pairs"])
                travel = TravelTable(count: members.count,
                                     uniform: try tf["default"].map { n throws(AgreementFileError) in try int(n, "minutes of travel", in: 0...600) } ?? 0)
                for pair in try list(tf["pairs"] ?? Node(""), expected: "pairs") {
                    let pf = try fields(pair, of: "a travel pair", allowed: ["between", "minutes"])
                    let ends = try idList(try pf.required("between", expected: "two members, e.g. [oyer, gausdal]"), of: "a member")
                    guard ends.count == 2 else { throw fail(position(pair), "'between' names exactly two members.") }
                    travel.set(try member(ends[0].id, ends[0].node), try member(ends[1].id, ends[1].node),
                               try int(try pf.required("minutes", expected: "minutes"), "minutes of travel", in: 0...600))
                }
            }
        }
        return District(id: did, name: name, members: members, sharedPeople: shared, meetings: meetings, travel: travel)
    }

    func defaultMember(_ node: Node) throws(AgreementFileError) -> Agreement {
        let f = try fields(node, of: "a default member",
                           allowed: ["id", "municipality", "number", "county", "police_district", "politirad_per_year", "language", "revised"])
        let mid = try id(try f.required("id", expected: "an id such as 'gausdal'"), of: "a municipality")
        let name = try f.requiredText("municipality", expected: "the municipality's name")
        let given = try f["county"].map { n throws(AgreementFileError) in try county(n) }
        let number = try f.optionalText("number", expected: "the four-digit kommunenummer, such as \"4640\"")
        // County and police district come from the register (data/kommuner.yaml);
        // a municipality the register does not know must state its county.
        let known = try checkMunicipality(name, number: number, county: given, at: f["number"] ?? f["municipality"]!)
        guard let county = given ?? known?.county else {
            throw fail(f.position, "'\(name)' is not in the municipality register, so the member needs 'county:' (such as innlandet).")
        }
        let councils = try f["politirad_per_year"].map { n throws(AgreementFileError) in try int(n, "police council meetings a year", in: 1...12) }
        let language: PlanLanguage = try f.optionalText("language", expected: "nb, nn or en").flatMap(PlanLanguage.init(rawValue:)) ?? .bokmal
        var agreement = NationalPattern.agreement(id: mid, municipality: name, county: county,
                                                  policeDistrict: try f.optionalText("police_district", expected: "the police district")
                                                      ?? known?.policeDistrict ?? "",
                                                  councilsPerYear: councils ?? NationalPattern.defaultCouncilsPerYear, language: language,
                                                  revised: try f["revised"].map { n throws(AgreementFileError) in try date(n) })
        agreement.schoolCalendar.countyRoute = SchoolRouteFile.route(for: county)
        agreement.electionTable = ElectionsFile.shipped
        return agreement
    }
}
