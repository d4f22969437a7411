import AarshjulCore
import Yams

/// People, venues, schools and quarterly deadlines.
extension NodeReader {
    func person(_ node: Node) throws(AgreementFileError) -> Person {
        let f = try fields(node, of: "a person", allowed: ["id", "name", "role", "role_en", "email", "municipalities"])
        let pid = try id(try f.required("id", expected: "an id such as 'ordforer'"), of: "a person")
        let role = try f.requiredText("role", expected: "the person's role, such as \"Ordfører\"")
        var municipalities: [String] = []
        for (m, _) in try idList(f["municipalities"], of: "a municipality") where !municipalities.contains(m) {
            municipalities.append(m)
        }
        return Person(id: pid, name: try f.optionalText("name", expected: "a name") ?? role, role: role,
                      roleEnglish: try f.optionalText("role_en", expected: "the role in English, such as \"Mayor\""),
                      email: try f.optionalText("email", expected: "an e-mail address"), municipalities: municipalities)
    }

    func venue(_ node: Node) throws(AgreementFileError) -> Venue {
        let f = try fields(node, of: "a venue", allowed: ["id", "name", "address", "office_hours"])
        let vid = try id(try f.required("id", expected: "an id such as 'radhuset'"), of: "a venue")
        let name = try f.requiredText("name", expected: "the venue's name")
        let hoursNode = try f.required("office_hours", expected: "opening hours such as {mon-thu: \"09:00-15:00\", fri: \"09:00-14:00\"}")
        return Venue(id: vid, name: name, address: try f.optionalText("address", expected: "an address"),
                     officeHours: try officeHours(hoursNode))
    }

    /// `{mon-thu: "09:00-15:00", fri: "09:00-14:00", sat: closed}`. A day
    /// left out is closed; a day named twice is an error, not an override.
    func officeHours(_ node: Node) throws(AgreementFileError) -> [Weekday: TimeSpan] {
        var hours: [Weekday: TimeSpan] = [:]
        var seen = Set<Weekday>()
        for entry in try pairs(node, expected: "opening hours by weekday, such as {mon-thu: \"09:00-15:00\"}") {
            let days: [Weekday]
            switch Values.weekdays(entry.key) {
            case .success(let d): days = d
            case .failure(let p): throw fail(position(entry.keyNode), p.message)
            }
            let raw = try nonEmptyText(entry.value, expected: "opening hours such as \"09:00-15:00\"")
            let span: TimeSpan? = ["closed", "stengt", "lukket"].contains(raw.lowercased()) ? nil : try timeSpan(entry.value)
            for day in days {
                if !seen.insert(day).inserted {
                    throw fail(position(entry.keyNode), "'\(entry.key)' gives hours for \(Values.weekdayFileNames[day]!) a second time; each weekday may appear once.")
                }
                if let span { hours[day] = span }
            }
        }
        if hours.isEmpty {
            throw fail(position(node), "The venue is never open; expected opening hours for at least one weekday, such as {mon-fri: \"09:00-15:00\"}.")
        }
        return hours
    }

    static let schoolLevels: [(names: [String], level: SchoolLevel)] = [
        (["primary", "barneskole", "barneskule"], .primary),
        (["lower_secondary", "ungdomsskole", "ungdomsskule"], .lowerSecondary),
        (["combined", "1-10", "kombinert"], .combined),
        (["upper_secondary", "videregaende", "vidaregaande", "videregående", "vidaregåande"], .upperSecondary),
    ]

    func school(_ node: Node) throws(AgreementFileError) -> School {
        let f = try fields(node, of: "a school", allowed: ["id", "name", "level"])
        let sid = try id(try f.required("id", expected: "an id"), of: "a school")
        let name = try f.requiredText("name", expected: "the school's name")
        let levelNode = try f.required("level", expected: "primary, lower_secondary, combined or upper_secondary")
        let raw = try nonEmptyText(levelNode, expected: "a school level")
        guard let level = Self.schoolLevels.first(where: { $0.names.contains(raw.lowercased()) })?.level else {
            throw fail(position(levelNode), "'\(raw)' is not a school level; expected primary, lower_secondary, combined or upper_secondary (or barneskole, ungdomsskole, videregaende).")
        }
        return School(id: sid, name: name, level: level)
    }

    func quarterlyDeadline(_ node: Node, references: inout [Reference]) throws(AgreementFileError) -> QuarterlyDeadline {
        let f = try fields(node, of: "a quarterly deadline",
                           allowed: ["id", "title", "title_en", "days_before_quarter", "days_after_quarter",
                                     "within_days_after_quarter", "if_closed", "responsible"])
        let did = try id(try f.required("id", expected: "an id such as 'aktivitetsplan'"), of: "a deadline")
        let title = try f.requiredText("title", expected: "what is due")
        let anchor: QuarterAnchor, days: Int
        let given = [f["days_before_quarter"], f["days_after_quarter"], f["within_days_after_quarter"]].compactMap { $0 }
        if given.count > 1 {
            throw fail(f.position, "A quarterly deadline has one of days_before_quarter, days_after_quarter and within_days_after_quarter, not several; make two deadlines.")
        }
        if let before = f["days_before_quarter"] {
            anchor = .beforeStart; days = try int(before, "a number of days before the quarter starts", in: 0...90)
        } else if let after = f["days_after_quarter"] ?? f["within_days_after_quarter"] {
            anchor = .afterEnd; days = try int(after, "a number of days after the quarter ends", in: 0...90)
        } else {
            throw fail(f.position, "The quarterly deadline '\(did)' needs days_before_quarter (due before each quarter starts) or days_after_quarter / within_days_after_quarter (due after each quarter ends).")
        }
        var slip = DeadlineSlip.earlier
        if let n = f["if_closed"] {
            let raw = try nonEmptyText(n, expected: "before or after").lowercased()
            switch raw {
            case "before", "earlier", "før", "for", "tidligere": slip = .earlier
            case "after", "later", "etter", "seinare", "senere": slip = .later
            default: throw fail(position(n), "'\(raw)' is not a direction; expected before (the last working day before the closed days) or after (the first working day after them).")
            }
            if slip == .later, f["within_days_after_quarter"] != nil {
                throw fail(position(n), "'within_days_after_quarter' means due at the latest that day; it cannot slip after it. Use days_after_quarter with if_closed: after.")
            }
        }
        var responsible: [String] = []
        for (pid, n) in try idList(f["responsible"], of: "a person") {
            responsible.append(pid)
            references.append(Reference(id: pid, node: n, target: .person, role: "responsible for deadline '\(did)'"))
        }
        return QuarterlyDeadline(id: did, title: title, titleEnglish: try f.optionalText("title_en", expected: "an English title"),
                                 anchor: anchor, days: days, responsible: responsible, ifClosed: slip)
    }
}
