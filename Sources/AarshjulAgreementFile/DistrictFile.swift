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
        let text = try AgreementFile.readText(path, expected: Self.expectedDistrict)
        let folder = (path as NSString).deletingLastPathComponent
        return try parse(text, fileName: path) { (relative: String) throws(AgreementFileError) -> Agreement in
            try AgreementFile.load(path: relative.hasPrefix("/") ? relative : (folder as NSString).appendingPathComponent(relative))
        }
    }

    /// The district and the calendar files its members' agreement files name
    /// (`busy_calendars`, `school_calendar.import`), by member id: a member
    /// planned in a district honours them as it does alone.
    public static func loadWithImports(path: String) throws(AgreementFileError) -> (District, [String: CalendarImports]) {
        let text = try AgreementFile.readText(path, expected: Self.expectedDistrict)
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

    static let expectedDistrict = LocalizedText(nb: "en distriktsfil (YAML)", nn: "ei distriktsfil (YAML)", en: "a district file (YAML)")

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
            throw reader.fail(.start, LocalizedText(
                nb: "filen er tom; forventet et distrikt som begynner med nøkler som district:, name: og members:",
                nn: "fila er tom; venta eit distrikt som byrjar med nyklar som district:, name: og members:",
                en: "the file is empty; expected a district starting with keys such as district:, name: and members:"))
        }
        guard case .mapping = root else {
            throw reader.fail(.start, LocalizedText(
                nb: "dette er ikke en distriktsfil (øverst står ren tekst eller en liste); forventet nøkler og verdier som district:, name: og members:",
                nn: "dette er ikkje ei distriktsfil (øvst står rein tekst eller ei liste); venta nyklar og verdiar som district:, name: og members:",
                en: "this is not a district file (plain text or a list at the top level); expected keys and values such as district:, name: and members:"))
        }
        return try reader.district(root, loadMember: loadMember)
    }
}

extension NodeReader {
    static let districtKeys = ["district", "name", "members", "shared_people", "meetings", "travel_minutes"]

    func district(_ root: Node, loadMember: (String) throws(AgreementFileError) -> Agreement) throws(AgreementFileError) -> District {
        let district = LocalizedText(nb: "distriktet", nn: "distriktet", en: "the district")
        let f = try fields(root, of: district, allowed: Self.districtKeys)
        let did = try id(try f.required("district", expected: LocalizedText(nb: "en kort id som 'sogn'", nn: "ein kort id som 'sogn'", en: "a short id such as 'sogn'")), of: district)
        let name = try f.requiredText("name", expected: LocalizedText(nb: "navnet på distriktet", nn: "namnet på distriktet", en: "the district's name"))
        let memberList = LocalizedText(nb: "en liste over medlemskommunene", nn: "ei liste over medlemskommunane", en: "a list of member municipalities")
        var members: [Agreement] = []
        for item in try list(try f.required("members", expected: memberList), expected: LocalizedText(nb: "medlemmer", nn: "medlemmer", en: "members")) {
            let m = try fields(item, of: Words.member, allowed: ["file", "default"])
            let member: Agreement
            if let file = m["file"] {
                let path = try nonEmptyText(file, expected: LocalizedText(nb: "stien til en avtalefil", nn: "stigen til ei avtalefil", en: "a path to an agreement file"))
                do { member = try loadMember(path) } catch {
                    // Located in the district file (where to change the path), with the member file's own place.
                    let inner = LocalizedText(nb: error.message(.bokmal), nn: error.message(.nynorsk), en: error.message(.english))
                    throw fail(position(file), LocalizedText(
                        nb: "medlemsfilen '\(path)' kan ikke brukes: \(inner.bokmal)",
                        nn: "medlemsfila '\(path)' kan ikkje brukast: \(inner.nynorsk)",
                        en: "the member file '\(path)' cannot be used: \(inner.english)"))
                }
            } else if let d = m["default"] {
                member = try defaultMember(d)
            } else {
                throw fail(position(item), LocalizedText(
                    nb: "medlemmet sier ikke hvilken kommune; forventet 'file:' (en avtalefil) eller 'default:' ({id, municipality, county})",
                    nn: "medlemmet seier ikkje kva kommune; venta 'file:' (ei avtalefil) eller 'default:' ({id, municipality, county})",
                    en: "the member does not say which municipality; expected 'file:' (an agreement file) or 'default:' ({id, municipality, county})"))
            }
            if members.contains(where: { $0.id == member.id }) {
                throw fail(position(item), LocalizedText(
                    nb: "kommunen '\(member.id)' er medlem to ganger; forventet hver kommune bare én gang",
                    nn: "kommunen '\(member.id)' er medlem to gonger; venta kvar kommune berre éin gong",
                    en: "the municipality '\(member.id)' is a member twice; expected each municipality once"))
            }
            members.append(member)
        }
        if members.isEmpty {
            throw fail(position(try f.required("members", expected: memberList)), LocalizedText(
                nb: "distriktet har ingen medlemmer; forventet minst ett medlem, f.eks. '- file: ../oyer.yaml' eller '- default: {id: gausdal, municipality: Gausdal, county: innlandet}'",
                nn: "distriktet har ingen medlemmer; venta minst eitt medlem, t.d. '- file: ../oyer.yaml' eller '- default: {id: gausdal, municipality: Gausdal, county: innlandet}'",
                en: "the district has no members; expected at least one member, e.g. '- file: ../oyer.yaml' or '- default: {id: gausdal, municipality: Gausdal, county: innlandet}'"))
        }
        func member(_ id: String, _ node: Node) throws(AgreementFileError) -> Int {
            guard let i = members.firstIndex(where: { $0.id == id }) else {
                let guess = Suggestion.didYouMean(id, in: members.map(\.id)), listed = members.map(\.id).joined(separator: ", ")
                throw fail(position(node), LocalizedText(
                    nb: "'\(id)' er ikke medlem av distriktet\(guess.bokmal); forventet ett av medlemmene: \(listed)",
                    nn: "'\(id)' er ikkje medlem av distriktet\(guess.nynorsk); venta eitt av medlemmene: \(listed)",
                    en: "'\(id)' is not a member of the district\(guess.english); expected one of the members: \(listed)"))
            }
            return i
        }
        func notAPerson(_ local: String, of i: Int) -> LocalizedText {
            let guess = Suggestion.didYouMean(local, in: members[i].people.map(\.id)), listed = members[i].people.map(\.id).joined(separator: ", ")
            let town = members[i].municipality
            return LocalizedText(
                nb: "'\(local)' er ikke en person i avtalen til \(town)\(guess.bokmal); forventet en av personene der: \(listed)",
                nn: "'\(local)' er ikkje ein person i avtalen til \(town)\(guess.nynorsk); venta ein av personane der: \(listed)",
                en: "'\(local)' is not a person in \(town)'s agreement\(guess.english); expected one of the people there: \(listed)")
        }

        var shared: [SharedPerson] = []
        let sharedPerson = LocalizedText(nb: "en felles person", nn: "ein felles person", en: "a shared person")
        for item in try list(f["shared_people"] ?? Node(""), expected: LocalizedText(nb: "felles personer", nn: "felles personar", en: "shared people")) {
            let s = try fields(item, of: sharedPerson, allowed: ["id", "name", "role", "role_en", "email", "role_feed", "as"])
            let sid = try id(try s.required("id", expected: LocalizedText(nb: "en id som 'politikontakt_oyer_gausdal'", nn: "ein id som 'politikontakt_oyer_gausdal'",
                                                                          en: "an id such as 'politikontakt_oyer_gausdal'")), of: sharedPerson)
            let role = try s.requiredText("role", expected: LocalizedText(nb: "rollen til personen", nn: "rolla til personen", en: "the person's role"))
            var appearances: [SharedPerson.Appearance] = []
            let asWhom = LocalizedText(nb: "id-en til personen i hvert medlem, f.eks. {oyer: politikontakt}", nn: "id-en til personen i kvart medlem, t.d. {oyer: politikontakt}",
                                       en: "the person's id in each member, e.g. {oyer: politikontakt}")
            for pair in try pairs(try s.required("as", expected: asWhom), expected: asWhom) {
                let i = try member(pair.key, pair.keyNode)
                let local = try id(pair.value, of: Words.person)
                guard members[i].person(local) != nil else { throw fail(position(pair.value), notAPerson(local, of: i)) }
                appearances.append(.init(member: pair.key, person: local))
            }
            shared.append(SharedPerson(id: sid, name: try s.optionalText("name", expected: Words.name) ?? role, role: role,
                                       roleEnglish: try s.optionalText("role_en", expected: LocalizedText(nb: "rollen på engelsk", nn: "rolla på engelsk", en: "the role in English")),
                                       email: try s.optionalText("email", expected: Words.email),
                                       roleKey: try s["role_feed"].map { n throws(AgreementFileError) in
                                           try id(n, of: LocalizedText(nb: "en rollekalender", nn: "ein rollekalender", en: "a role feed"))
                                       },
                                       appearances: appearances))
        }
        let partial = District(id: did, name: name, members: members, sharedPeople: shared)

        var meetings: [InterMunicipalMeeting] = []
        for item in try list(f["meetings"] ?? Node(""), expected: LocalizedText(nb: "felles møter", nn: "felles møte", en: "joint meetings")) {
            let m = try fields(item, of: LocalizedText(nb: "et felles møte", nn: "eit felles møte", en: "a joint meeting"), allowed: ["from", "series", "members", "host", "attendees"])
            // A member/person or shared person's id, as a district-wide id.
            func personRef(_ ref: String, _ node: Node) throws(AgreementFileError) -> String {
                let bits = ref.split(separator: "/").map(String.init)
                if bits.count == 2 {
                    let i = try member(bits[0], node)
                    guard members[i].person(bits[1]) != nil else { throw fail(position(node), notAPerson(bits[1], of: i)) }
                    return partial.globalID(member: bits[0], person: bits[1])
                }
                guard shared.contains(where: { $0.id == ref }) else {
                    let guess = Suggestion.didYouMean(ref, in: shared.map(\.id))
                    throw fail(position(node), LocalizedText(
                        nb: "'\(ref)' er verken medlem/person eller en felles person\(guess.bokmal); forventet medlem/person, som oyer/ordforer, eller id-en til en felles person",
                        nn: "'\(ref)' er verken medlem/person eller ein felles person\(guess.nynorsk); venta medlem/person, som oyer/ordforer, eller id-en til ein felles person",
                        en: "'\(ref)' is neither member/person nor a shared person\(guess.english); expected member/person, such as oyer/ordforer, or a shared person's id"))
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
                if let from = m["from"] {
                    throw fail(position(from), LocalizedText(
                        nb: "det felles møtet har både 'from:' og 'series:'; forventet enten 'from:' (en serie fra et medlem) eller 'series:' (en egen serie)",
                        nn: "det felles møtet har både 'from:' og 'series:'; venta anten 'from:' (ein serie frå eit medlem) eller 'series:' (ein eigen serie)",
                        en: "the joint meeting has both 'from:' and 'series:'; expected either 'from:' (a member's series) or 'series:' (its own)"))
                }
                let hostNode = try m.required("host", expected: LocalizedText(
                    nb: "medlemmet som er vert (lokale, fylke og åpningstider)", nn: "medlemmet som er vert (lokale, fylke og opningstider)",
                    en: "the member that hosts it (its venue, county and opening hours)"))
                hostID = try text(hostNode, expected: Self.memberID)
                owner = try member(hostID, hostNode)
                ownerID = hostID
                var references: [Reference] = []
                series = try self.series(inline, references: &references)
                for ref in references {
                    switch ref.target {
                    case .person: _ = try personRef(ref.id, ref.node)
                    case .venue:
                        guard members[owner].venue(ref.id) != nil else {
                            let venues = members[owner].venues.map(\.id), town = members[owner].municipality
                            let guess = Suggestion.didYouMean(ref.id, in: venues), listed = venues.joined(separator: ", ")
                            throw fail(position(ref.node), LocalizedText(
                                nb: "'\(ref.id)' (\(ref.role.bokmal)) er ikke et lokale hos verten \(town)\(guess.bokmal); forventet et av lokalene der: \(listed)",
                                nn: "'\(ref.id)' (\(ref.role.nynorsk)) er ikkje eit lokale hos verten \(town)\(guess.nynorsk); venta eit av lokala der: \(listed)",
                                en: "'\(ref.id)' (\(ref.role.english)) is not a venue of the host \(town)\(guess.english); expected one of the venues there: \(listed)"))
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
                let fromNode = try m.required("from", expected: LocalizedText(
                    nb: "serien det overtar, som medlem/serie (f.eks. luster/politirad_lls), eller series: med en egen serie",
                    nn: "serien det overtek, som medlem/serie (t.d. luster/politirad_lls), eller series: med ein eigen serie",
                    en: "the series it adopts, as member/series (e.g. luster/politirad_lls), or series: with its own definition"))
                let memberSeries = LocalizedText(nb: "medlem/serie, f.eks. luster/politirad_lls", nn: "medlem/serie, t.d. luster/politirad_lls", en: "member/series, e.g. luster/politirad_lls")
                let from = try nonEmptyText(fromNode, expected: memberSeries)
                let parts = from.split(separator: "/").map(String.init)
                guard parts.count == 2 else {
                    throw fail(position(fromNode), LocalizedText(nb: "'\(from)' er ikke medlem/serie; forventet \(memberSeries.bokmal)",
                                                                 nn: "'\(from)' er ikkje medlem/serie; venta \(memberSeries.nynorsk)",
                                                                 en: "'\(from)' is not member/series; expected \(memberSeries.english)"))
                }
                owner = try member(parts[0], fromNode)
                ownerID = parts[0]
                guard let s = members[owner].series.firstIndex(where: { $0.id == parts[1] }) else {
                    let ids = members[owner].series.map(\.id), town = members[owner].municipality
                    let guess = Suggestion.didYouMean(parts[1], in: ids), listed = ids.joined(separator: ", ")
                    throw fail(position(fromNode), LocalizedText(
                        nb: "\(town) har ingen serie '\(parts[1])'\(guess.bokmal); forventet en av seriene der: \(listed)",
                        nn: "\(town) har ingen serie '\(parts[1])'\(guess.nynorsk); venta ein av seriane der: \(listed)",
                        en: "\(town) has no series '\(parts[1])'\(guess.english); expected one of its series: \(listed)"))
                }
                series = members[owner].series.remove(at: s)
                hostID = try m["host"].map { n throws(AgreementFileError) in try text(n, expected: Self.memberID) } ?? parts[0]
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
            for (mid, node) in try idList(m["members"], of: Words.member) {
                _ = try member(mid, node)
                if !memberIDs.contains(mid) { memberIDs.append(mid) }
            }
            if !memberIDs.contains(ownerID) { memberIDs.insert(ownerID, at: 0) }
            if !memberIDs.contains(hostID) { memberIDs.append(hostID) }
            // Extra attendees: member/person or shared ids.
            for node in try list(m["attendees"] ?? Node(""), expected: LocalizedText(nb: "deltakere", nn: "deltakarar", en: "attendees")) {
                let gid = try personRef(try nonEmptyText(node, expected: LocalizedText(
                    nb: "medlem/person eller id-en til en felles person", nn: "medlem/person eller id-en til ein felles person", en: "member/person or a shared person's id")), node)
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
                travel = TravelTable(count: members.count, uniform: try int(t, Words.travelMinutes, in: 0...600))
            } else {
                let tf = try fields(t, of: LocalizedText(nb: "travel_minutes", nn: "travel_minutes", en: "travel_minutes"), allowed: ["default", "pairs"])
                travel = TravelTable(count: members.count,
                                     uniform: try tf["default"].map { n throws(AgreementFileError) in try int(n, Words.travelMinutes, in: 0...600) } ?? 0)
                for pair in try list(tf["pairs"] ?? Node(""), expected: LocalizedText(nb: "par", nn: "par", en: "pairs")) {
                    let pf = try fields(pair, of: LocalizedText(nb: "et reisepar", nn: "eit reisepar", en: "a travel pair"), allowed: ["between", "minutes"])
                    let two = LocalizedText(nb: "to medlemmer, f.eks. [oyer, gausdal]", nn: "to medlemmer, t.d. [oyer, gausdal]", en: "two members, e.g. [oyer, gausdal]")
                    let ends = try idList(try pf.required("between", expected: two), of: Words.member)
                    guard ends.count == 2 else {
                        throw fail(position(pair), LocalizedText(nb: "'between' nevner \(ends.count) medlemmer; forventet \(two.bokmal)",
                                                                 nn: "'between' nemner \(ends.count) medlemmer; venta \(two.nynorsk)",
                                                                 en: "'between' names \(ends.count) members; expected \(two.english)"))
                    }
                    travel.set(try member(ends[0].id, ends[0].node), try member(ends[1].id, ends[1].node),
                               try int(try pf.required("minutes", expected: Words.travelMinutes), Words.travelMinutes, in: 0...600))
                }
            }
        }
        return District(id: did, name: name, members: members, sharedPeople: shared, meetings: meetings, travel: travel)
    }

    static let memberID = LocalizedText(nb: "id-en til et medlem", nn: "id-en til eit medlem", en: "a member id")

    func defaultMember(_ node: Node) throws(AgreementFileError) -> Agreement {
        let f = try fields(node, of: LocalizedText(nb: "et standardmedlem (default)", nn: "eit standardmedlem (default)", en: "a default member"),
                           allowed: ["id", "municipality", "number", "county", "police_district", "politirad_per_year", "language", "revised"])
        let mid = try id(try f.required("id", expected: LocalizedText(nb: "en id som 'gausdal'", nn: "ein id som 'gausdal'", en: "an id such as 'gausdal'")),
                         of: LocalizedText(nb: "en kommune", nn: "ein kommune", en: "a municipality"))
        let name = try f.requiredText("municipality", expected: LocalizedText(nb: "navnet på kommunen", nn: "namnet på kommunen", en: "the municipality's name"))
        let given = try f["county"].map { n throws(AgreementFileError) in try county(n) }
        let number = try f.optionalText("number", expected: Words.municipalityNumber)
        // County and police district come from the register (data/kommuner.yaml);
        // a municipality the register does not know must state its county.
        let known = try checkMunicipality(name, number: number, county: given, at: f["number"] ?? f["municipality"]!)
        guard let county = given ?? known?.county else {
            throw fail(f.position, LocalizedText(
                nb: "'\(name)' står ikke i kommuneregisteret, så fylket er ukjent; forventet 'county:' i medlemmet (som innlandet)",
                nn: "'\(name)' står ikkje i kommuneregisteret, så fylket er ukjent; venta 'county:' i medlemmet (som innlandet)",
                en: "'\(name)' is not in the municipality register, so its county is unknown; expected 'county:' in the member (such as innlandet)"))
        }
        let councils = try f["politirad_per_year"].map { n throws(AgreementFileError) in try int(n, LocalizedText(nb: "politirådsmøter i året", nn: "politirådsmøte i året", en: "police council meetings a year"), in: 1...12) }
        let language: PlanLanguage = try f.optionalText("language", expected: Words.languages).flatMap(PlanLanguage.init(rawValue:)) ?? .bokmal
        var agreement = NationalPattern.agreement(id: mid, municipality: name, county: county,
                                                  policeDistrict: try f.optionalText("police_district", expected: Words.policeDistrict)
                                                      ?? known?.policeDistrict ?? "",
                                                  councilsPerYear: councils ?? NationalPattern.defaultCouncilsPerYear, language: language,
                                                  revised: try f["revised"].map { n throws(AgreementFileError) in try date(n) })
        agreement.schoolCalendar.countyRoute = SchoolRouteFile.route(for: county)
        agreement.electionTable = ElectionsFile.shipped
        return agreement
    }
}
