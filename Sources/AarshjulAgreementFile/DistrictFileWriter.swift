import AarshjulCore

/// Writes a district of national-pattern members as a district file
/// (docs/district-format.md) that `DistrictFile` reads back to the same
/// district: members as `default:` lines, shared people with their `as:`,
/// joint meetings no member owns as inline `series:`.
public enum DistrictFileWriter {
    public enum Problem: Error, Equatable {
        /// A member that is not the national pattern cannot be written as `default:`.
        case notNationalPattern(String)
    }

    public static func yaml(_ district: District, register: MunicipalityRegister, header: [String] = []) throws(Problem) -> String {
        var lines = header.map { "# " + $0 }
        lines.append("district: \(district.id)")
        lines.append("name: \(quoted(district.name))")
        lines.append("members:")
        for m in district.members {
            guard m.series.map(\.id).allSatisfy(["politirad", "politikontakt_dag", "slt"].contains) else {
                throw .notNationalPattern(m.id)
            }
            var fields = ["id: \(m.id)", "municipality: \(quoted(m.municipality))"]
            if let known = register.current(named: m.municipality, county: m.county).first { fields.append("number: \"\(known.number)\"") }
            else { fields.append("county: \(m.county.rawValue)") }
            if case .perYear(let count, _) = m.series.first(where: { $0.id == "politirad" })?.rule { fields.append("politirad_per_year: \(count)") }
            if m.language != .bokmal { fields.append("language: \(m.language.rawValue)") }
            if let revised = m.revised { fields.append("revised: \(revised.iso)") }
            lines.append("  - default: {\(fields.joined(separator: ", "))}")
        }
        if !district.sharedPeople.isEmpty {
            lines.append("shared_people:")
            for p in district.sharedPeople {
                lines.append("  - id: \(p.id)")
                lines.append("    name: \(quoted(p.name))")
                lines.append("    role: \(quoted(p.role))")
                if let english = p.roleEnglish { lines.append("    role_en: \(quoted(english))") }
                if let key = p.roleKey { lines.append("    role_feed: \(key)") }
                lines.append("    as: {" + p.appearances.map { "\($0.member): \($0.person)" }.joined(separator: ", ") + "}")
            }
        }
        if !district.meetings.isEmpty {
            lines.append("meetings:")
            for meeting in district.meetings {
                let s = meeting.series
                var series = ["id: \(s.id)", "title: \(quoted(s.title))"]
                if let en = s.titleEnglish { series.append("title_en: \(quoted(en))") }
                series.append("kind: politirad")
                if case .yearly(nil) = s.rule { series.append("rule: {yearly: true}") }
                if let venue = s.venue { series.append("venue: \(venue)") }
                series.append("duration: \(s.durationMinutes)m")
                lines.append("  - series: {\(series.joined(separator: ", "))}")
                lines.append("    host: \(meeting.host)")
                lines.append("    members: [\(meeting.members.joined(separator: ", "))]")
                let attendees = s.attendees.map { gid in
                    district.sharedPeople.contains { $0.id == gid } ? gid : gid.replacingFirstDot(with: "/")
                }
                lines.append("    attendees: [\(attendees.joined(separator: ", "))]")
            }
        }
        let n = district.members.count
        let pairs = (0..<n).flatMap { a in ((a + 1)..<max(a + 1, n)).map { b in (a, b, district.travel.minutes(a, b)) } }
        if let first = pairs.first {
            if pairs.allSatisfy({ $0.2 == first.2 }) {
                lines.append("travel_minutes: \(first.2)")
            } else {
                lines.append("travel_minutes:")
                lines.append("  pairs:")
                for (a, b, minutes) in pairs {
                    lines.append("    - {between: [\(district.members[a].id), \(district.members[b].id)], minutes: \(minutes)}")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML scalar that reads back as `text`.
    static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || " -–.".contains($0) }
            && !text.hasPrefix("-") && !text.hasSuffix(" ")
        return plain ? text : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension String {
    func replacingFirstDot(with replacement: String) -> String {
        guard let i = firstIndex(of: ".") else { return self }
        return String(self[..<i]) + replacement + String(self[index(after: i)...])
    }
}
