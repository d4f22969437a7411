import AarshjulCore
import AarshjulICal

/// Turns plans into catalog feeds: each municipality and series calendar once
/// public (times, titles, places) at `<id>/<file>` and once confidential
/// (attendees, agenda, to-dos) under its token; person and role calendars
/// only under a token. Paths are the exporter's file names under the
/// municipality (or district) id, so they stay the same across reloads.
struct PlanFeeds {
    let secret: [UInt8]

    /// A municipality's own calendars: the whole plan, each series, and (for
    /// an agreement planned alone) one per person and one per role.
    func municipality(_ plan: Plan, withPeople: Bool) throws -> [Feed] {
        var feeds: [Feed] = []
        for confidential in [false, true] {
            let options = ICalExportOptions(language: plan.language, confidential: confidential)
            var files = try ICalExporter.files(for: plan, options: options)
            // Person and role calendars only behind a token: even with times,
            // titles and places alone they say where a named official (the
            // police contact above all) will be, day by day.
            if withPeople && confidential { files += try peopleFiles(plan, options: options) }
            for file in files {
                feeds.append(feed(file, group: plan.agreement.id, groupName: plan.agreement.municipality,
                                  kind: kind(of: file.name, id: plan.agreement.id, years: plan.years),
                                  confidential: confidential, years: plan.years))
            }
        }
        return feeds
    }

    /// A district's person and role calendars, under `<district id>-distrikt/`
    /// (a district may share its id with a member: Lillehammer-regionen, Lillehammer).
    func district(_ plan: DistrictPlan) throws -> [Feed] {
        let group = plan.district.id + "-distrikt"
        var feeds: [Feed] = []
        // Token-only, like a municipality's person and role calendars.
        for confidential in [true] {
            let options = ICalExportOptions(language: plan.district.members.first?.language ?? .bokmal, confidential: confidential)
            for file in try DistrictFeeds.files(for: plan, options: options) {
                feeds.append(feed(file, group: group, groupName: plan.district.name,
                                  kind: file.name.hasPrefix("roller/") ? .role : .person,
                                  confidential: confidential, years: plan.years))
            }
        }
        return feeds
    }

    /// One feed per person (what they attend, organise or answer for) and one
    /// per role key (the district's keys, so "ordforer" means the same everywhere).
    private func peopleFiles(_ plan: Plan, options: ICalExportOptions) throws -> [(name: String, contents: String)] {
        let agreement = plan.agreement
        let asDistrict = District(id: agreement.id, name: agreement.municipality, members: [agreement])
        let years = ICalExporter.yearPart(plan.years)
        let titleYears = plan.years.count == 1 ? "\(plan.years.lowerBound)" : "\(plan.years.lowerBound)–\(plan.years.upperBound)"
        let all = plan.events + plan.cancelledEvents
        var files: [(name: String, contents: String)] = []
        var roles: [String: [Person]] = [:]
        for person in agreement.people {
            let events = all.filter { $0.attendees.contains(person.id) || $0.organizer == person.id }
            let deadlines = plan.deadlines.filter { $0.responsible.contains(person.id) }
            guard !events.isEmpty || !deadlines.isEmpty else { continue }
            roles[asDistrict.roleKey(of: person.id), default: []].append(person)
            files.append(("personer/\(person.id)-\(years).ics",
                          try ICalExporter.calendar(name: "\(person.name): \(agreement.municipality) \(titleYears)",
                                                    events: events, deadlines: deadlines, plan: plan, options: options)))
        }
        for role in roles.keys.sorted() {
            let ids = Set(roles[role]!.map(\.id))
            let events = all.filter { !ids.isDisjoint(with: $0.attendees) || $0.organizer.map(ids.contains) == true }
            let deadlines = plan.deadlines.filter { !ids.isDisjoint(with: $0.responsible) }
            let title = roles[role]!.count == 1 ? roles[role]![0].role : role
            files.append(("roller/\(role)-\(years).ics",
                          try ICalExporter.calendar(name: "\(title) \(titleYears)", events: events, deadlines: deadlines,
                                                    plan: plan, options: options)))
        }
        return files
    }

    private func kind(of name: String, id: String, years: ClosedRange<Int>) -> FeedKind {
        if name.hasPrefix("personer/") { return .person }
        if name.hasPrefix("roller/") { return .role }
        let span = ICalExporter.yearPart(years)
        return name == "\(id)-\(span).ics" ? .municipality : .series
    }

    private func feed(_ file: (name: String, contents: String), group: String, groupName: String, kind: FeedKind,
                      confidential: Bool, years: ClosedRange<Int>) -> Feed {
        let path = group + "/" + file.name
        let fallback = UTCTimestamp(date: CivilDate(year: years.lowerBound - 1, month: 12, day: 1)!)
        return Feed(path: path, title: CalendarText.name(in: file.contents) ?? file.name, municipality: groupName,
                    municipalityID: group, kind: kind, text: file.contents,
                    lastModified: CalendarText.newestStamp(in: file.contents) ?? fallback,
                    visibility: confidential ? .confidential(token: FeedToken.derive(secret: secret, path: path)) : .public)
    }
}

/// Reads back the two facts the catalog needs from an exported calendar.
enum CalendarText {
    /// X-WR-CALNAME, unfolded and unescaped.
    static func name(in text: String) -> String? {
        let lines = unfolded(text)
        guard let line = lines.first(where: { $0.hasPrefix("X-WR-CALNAME:") }) else { return nil }
        return String(line.dropFirst("X-WR-CALNAME:".count))
            .replacingOccurrences(of: "\\,", with: ",").replacingOccurrences(of: "\\;", with: ";")
            .replacingOccurrences(of: "\\\\", with: "\\")
    }

    /// The newest DTSTAMP (`DTSTAMP:20270101T120000Z`): when the feed last changed.
    static func newestStamp(in text: String) -> UTCTimestamp? {
        var newest: UTCTimestamp?
        for line in unfolded(text) where line.hasPrefix("DTSTAMP:") {
            let v = Array(line.dropFirst(8).utf8)
            guard v.count == 16, v[8] == UInt8(ascii: "T"), v[15] == UInt8(ascii: "Z") else { continue }
            func number(_ r: Range<Int>) -> Int? { Int(String(decoding: v[r], as: UTF8.self)) }
            guard let y = number(0..<4), let mo = number(4..<6), let d = number(6..<8), let h = number(9..<11),
                  let mi = number(11..<13), let s = number(13..<15), let date = CivilDate(year: y, month: mo, day: d),
                  let time = TimeOfDay(hour: h, minute: mi) else { continue }
            let stamp = UTCTimestamp(date: date, time: time, second: s)
            if newest.map({ stamp > $0 }) ?? true { newest = stamp }
        }
        return newest
    }

    static func unfolded(_ text: String) -> [String] {
        var lines: [String] = []
        for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !lines.isEmpty {
                lines[lines.count - 1] += line.dropFirst()
            } else {
                lines.append(line)
            }
        }
        return lines
    }
}
