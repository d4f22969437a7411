import AarshjulCore

/// The feeds of a district plan beyond each municipality's own: one per
/// person (everything they attend or answer for, in every municipality) and
/// one per role (every mayor, every police contact, … of the district).
public enum DistrictFeeds {
    /// Names look like "personer/politikontakt_oyer_gausdal-2027.ics" and
    /// "roller/politikontakt-2027.ics"; sorted by name.
    public static func files(for plan: DistrictPlan, options: ICalExportOptions) throws(ICalError) -> [(name: String, contents: String)] {
        try files(for: plan, options: options, naming: .years(plan.years))
    }

    /// As above; `.stable` gives "personer/<id>.ics" and "roller/<role>.ics".
    public static func files(for plan: DistrictPlan, options: ICalExportOptions,
                             naming: FeedNaming) throws(ICalError) -> [(name: String, contents: String)] {
        let merged = plan.merged()
        let suffix = naming.titleSuffix
        var files: [(name: String, contents: String)] = []
        var roles: [String: [String]] = [:]
        for person in merged.agreement.people {
            let events = merged.events.filter { $0.attendees.contains(person.id) || $0.organizer == person.id }
            let deadlines = merged.deadlines.filter { $0.responsible.contains(person.id) }
            guard !events.isEmpty || !deadlines.isEmpty else { continue }
            roles[plan.district.roleKey(of: person.id), default: []].append(person.id)
            files.append((naming.file("personer/\(person.id)"),
                          try ICalExporter.calendar(name: "\(person.name(options.language)): \(plan.district.name)\(suffix)",
                                                    events: events, deadlines: deadlines, plan: merged, options: options)))
        }
        for role in roles.keys.sorted() {
            let ids = Set(roles[role]!)
            let events = merged.events.filter { !ids.isDisjoint(with: $0.attendees) || $0.organizer.map(ids.contains) == true }
            let deadlines = merged.deadlines.filter { !ids.isDisjoint(with: $0.responsible) }
            files.append((naming.file("roller/\(role)"),
                          try ICalExporter.calendar(name: "\(role): \(plan.district.name)\(suffix)",
                                                    events: events, deadlines: deadlines, plan: merged, options: options)))
        }
        return files.sorted { $0.name < $1.name }
    }
}
