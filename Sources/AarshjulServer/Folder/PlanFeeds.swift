import AarshjulCore
import AarshjulICal

/// Turns plans into catalog feeds: each municipality and series calendar once
/// public (times, titles, places) and once confidential (attendees, agenda,
/// deadlines) under its token; person and role calendars only under a token.
///
/// Two sets of addresses (see README "Subscribing"):
/// - stable, year-free: `<id>.ics` (the whole plan), `<id>/<series>.ics`,
///   `<id>/<quarterly>.ics`, `<id>/personer/<person>.ics`,
///   `<id>/roller/<role>.ics`, holding the horizon;
/// - one archive per year at the year-named address earlier versions served
///   (`<id>/<id>-2027.ics`, `<id>/<id>-politirad-2027.ics`,
///   `<id>/personer/<person>-2027.ics`, …), so old subscriptions keep working.
struct PlanFeeds {
    let secret: [UInt8]

    /// One cut of a municipality's plan, as the full feeds show it and as
    /// the public ones do (the same events, with the SEQUENCE and DTSTAMP of
    /// their public fields: see `PublishedHistory.publicVersions`).
    struct Cut {
        var full: Plan
        var open: Plan

        init(full: Plan, open: Plan? = nil) {
            self.full = full
            self.open = open ?? full
        }
    }

    /// A municipality's own calendars (`plan` cut to the horizon, `archives`
    /// one plan per year): the whole plan, each series, and (for an agreement
    /// planned alone) one per person and one per role.
    func municipality(_ plan: Cut, archives: [Cut], withPeople: Bool) throws -> [Feed] {
        var feeds = try municipality(plan, naming: .stable, withPeople: withPeople, archiveYear: nil)
        for archive in archives {
            feeds += try municipality(archive, naming: .years(archive.full.years), withPeople: withPeople,
                                      archiveYear: archive.full.years.lowerBound)
        }
        return feeds
    }

    private func municipality(_ cut: Cut, naming: FeedNaming, withPeople: Bool, archiveYear: Int?) throws -> [Feed] {
        let id = cut.full.agreement.id
        var feeds: [Feed] = []
        for confidential in [false, true] {
            let plan = confidential ? cut.full : cut.open
            let options = ICalExportOptions(language: plan.language, confidential: confidential)
            var files = try ICalExporter.files(for: plan, options: options, naming: naming)
            // Person and role calendars only behind a token: even with times,
            // titles and places alone they say where a named official (the
            // police contact above all) will be, day by day.
            if withPeople && confidential { files += try peopleFiles(plan, options: options, naming: naming) }
            for file in files {
                let kind = kind(of: file.name, whole: naming.file(id))
                // The stable whole-plan feed sits at the top: /<id>.ics.
                let path = kind == .municipality && archiveYear == nil ? file.name : id + "/" + file.name
                feeds.append(feed(file, path: path, group: id, groupName: plan.agreement.municipality, kind: kind,
                                  confidential: confidential, years: plan.years, archiveYear: archiveYear))
            }
        }
        return feeds
    }

    /// A district's person and role calendars, under `<district id>-distrikt/`
    /// (a district may share its id with a member: Lillehammer-regionen, Lillehammer).
    func district(_ plan: DistrictPlan, archives: [DistrictPlan]) throws -> [Feed] {
        var feeds = try district(plan, naming: .stable, archiveYear: nil)
        for archive in archives {
            feeds += try district(archive, naming: .years(archive.years), archiveYear: archive.years.lowerBound)
        }
        return feeds
    }

    private func district(_ plan: DistrictPlan, naming: FeedNaming, archiveYear: Int?) throws -> [Feed] {
        let group = plan.district.id + "-distrikt"
        // Token-only, like a municipality's person and role calendars.
        let options = ICalExportOptions(language: plan.district.members.first?.language ?? .bokmal, confidential: true)
        return try DistrictFeeds.files(for: plan, options: options, naming: naming).map { file in
            feed(file, path: group + "/" + file.name, group: group, groupName: plan.district.name,
                 kind: file.name.hasPrefix("roller/") ? .role : .person, confidential: true, years: plan.years,
                 archiveYear: archiveYear)
        }
    }

    /// One feed per person (what they attend, organise or answer for) and one
    /// per role key (the district's keys, so "ordforer" means the same everywhere).
    private func peopleFiles(_ plan: Plan, options: ICalExportOptions,
                             naming: FeedNaming) throws -> [(name: String, contents: String)] {
        let agreement = plan.agreement
        let asDistrict = District(id: agreement.id, name: agreement.municipality, members: [agreement])
        let suffix = naming.titleSuffix
        let all = plan.events + plan.cancelledEvents
        var files: [(name: String, contents: String)] = []
        var roles: [String: [Person]] = [:]
        for person in agreement.people {
            let events = all.filter { $0.attendees.contains(person.id) || $0.organizer == person.id }
            let deadlines = plan.deadlines.filter { $0.responsible.contains(person.id) }
            guard !events.isEmpty || !deadlines.isEmpty else { continue }
            roles[asDistrict.roleKey(of: person.id), default: []].append(person)
            files.append((naming.file("personer/\(person.id)"),
                          try ICalExporter.calendar(name: "\(person.name(options.language)): \(agreement.municipality)\(suffix)",
                                                    events: events, deadlines: deadlines, plan: plan, options: options)))
        }
        for role in roles.keys.sorted() {
            let ids = Set(roles[role]!.map(\.id))
            let events = all.filter { !ids.isDisjoint(with: $0.attendees) || $0.organizer.map(ids.contains) == true }
            let deadlines = plan.deadlines.filter { !ids.isDisjoint(with: $0.responsible) }
            let title = roles[role]!.count == 1 ? roles[role]![0].role(options.language) : role
            files.append((naming.file("roller/\(role)"),
                          try ICalExporter.calendar(name: "\(title)\(suffix)", events: events, deadlines: deadlines,
                                                    plan: plan, options: options)))
        }
        return files
    }

    private func kind(of name: String, whole: String) -> FeedKind {
        if name.hasPrefix("personer/") { return .person }
        if name.hasPrefix("roller/") { return .role }
        return name == whole ? .municipality : .series
    }

    private func feed(_ file: (name: String, contents: String), path: String, group: String, groupName: String,
                      kind: FeedKind, confidential: Bool, years: ClosedRange<Int>, archiveYear: Int?) -> Feed {
        let fallback = UTCTimestamp(date: CivilDate(year: years.lowerBound - 1, month: 12, day: 1)!)
        return Feed(path: path, title: CalendarText.name(in: file.contents) ?? file.name, municipality: groupName,
                    municipalityID: group, kind: kind, text: file.contents,
                    lastModified: CalendarText.newestStamp(in: file.contents) ?? fallback,
                    visibility: confidential ? .confidential(token: FeedToken.derive(secret: secret, path: path)) : .public,
                    archiveYear: archiveYear)
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
