import AarshjulCore
import Yams

/// An id used somewhere in the file that must name a listed person or venue;
/// checked once the whole file is read, since order in the file is free.
struct Reference {
    enum Target { case person, venue }
    let id: String
    let node: Node
    let target: Target
    /// "the chair of series 'politirad'"
    let role: String
}

extension NodeReader {
    static let seriesKeys = [
        "id", "title", "title_en", "kind", "rule", "venue", "duration", "all_day",
        "called_by", "chair", "secretary", "attendees", "guests", "partial_attendance",
        "agenda", "agenda_by_position", "agenda_notice_days", "school_term_only", "weekdays", "time", "place",
    ]

    /// File names of `SeriesKind`: the model's Norwegian raw values, plus English words.
    static let seriesKindNames: [(names: [String], kind: SeriesKind)] = [
        (["politirad", "police_council"], .policeCouncil),
        (["slt", "slt_meeting"], .sltMeeting),
        (["politikontakt", "police_contact_presence"], .policeContactPresence),
        (["samarbeid", "coordination"], .coordination),
        (["forebygging", "prevention"], .prevention),
        (["rapport", "report"], .report),
        (["annet", "other"], .other),
    ]

    func series(_ node: Node, references: inout [Reference]) throws(AgreementFileError) -> MeetingSeries {
        let f = try fields(node, of: "a series", allowed: Self.seriesKeys)
        let sid = try self.id(try f.required("id", expected: "an id such as 'politirad'"), of: "a series")
        let title = try f.requiredText("title", expected: "the meeting's title, such as \"Politiråd\"")
        let label = "series '\(sid)'"

        var kind = SeriesKind.other
        if let k = f["kind"] {
            let raw = try nonEmptyText(k, expected: "a kind")
            let all = Self.seriesKindNames.flatMap(\.names)
            guard let found = Self.seriesKindNames.first(where: { $0.names.contains(raw.lowercased()) }) else {
                throw fail(position(k), "'\(raw)' is not a kind of series.\(Suggestion.didYouMean(raw, in: all)) Expected one of \(Self.seriesKindNames.map { $0.names[0] }.joined(separator: ", ")).")
            }
            kind = found.kind
        }

        var s = MeetingSeries(id: sid, title: title, titleEnglish: try f.optionalText("title_en", expected: "an English title"),
                              kind: kind, rule: try rule(try f.required("rule", expected: "how often, such as {per_quarter: 1}")))

        func person(_ key: String, _ role: String) throws(AgreementFileError) -> String? {
            guard let n = f[key] else { return nil }
            let pid = try self.id(n, of: "a person")
            references.append(Reference(id: pid, node: n, target: .person, role: "\(role) of \(label)"))
            return pid
        }
        if let v = f["venue"] {
            s.venue = try self.id(v, of: "a venue")
            references.append(Reference(id: s.venue!, node: v, target: .venue, role: "the venue of \(label)"))
        }
        s.allDay = try f["all_day"].map { n throws(AgreementFileError) in try bool(n) } ?? false
        if let d = f["duration"] {
            if s.allDay { throw fail(position(d), "'duration' does not apply to an all-day series (all_day: true); remove one of them.") }
            s.durationMinutes = try parsed(d, expected: "a duration such as 2h, 90m or 1h30m", Values.durationMinutes)
        }
        s.calledBy = try person("called_by", "the caller")
        s.chair = try person("chair", "the chair")
        s.secretary = try person("secretary", "the secretary")
        for (pid, n) in try idList(f["attendees"], of: "a person") {
            if s.attendees.contains(pid) { throw fail(position(n), "'\(pid)' is listed twice in the attendees of \(label).") }
            s.attendees.append(pid)
            references.append(Reference(id: pid, node: n, target: .person, role: "an attendee of \(label)"))
        }
        s.guests = try stringList(f["guests"], expected: "a description of an attending body, such as \"alle ungdomsskolane\"")
        if let p = f["partial_attendance"] {
            for item in try list(p, expected: "{who: …, meetings: …} entries") {
                let pf = try fields(item, of: "a partial attendance", allowed: ["who", "meetings"])
                let whoNode = try pf.required("who", expected: "the id of the person who attends some meetings")
                let who = try self.id(whoNode, of: "a person")
                if s.attendees.contains(who) {
                    throw fail(position(whoNode), "'\(who)' is in the attendees of \(label), who come to every meeting; list them only under partial_attendance.")
                }
                let meetingsNode = try pf.required("meetings", expected: "how many meetings a year they attend")
                let count = try int(meetingsNode, "a number of meetings a year", in: 1...52)
                if let most = Self.mostMeetingsPerYear(s.rule), count > most {
                    throw fail(position(meetingsNode), "\(count) meetings a year is more than \(label) holds (at most \(most) a year by its rule); expected 1–\(most).")
                }
                references.append(Reference(id: who, node: whoNode, target: .person, role: "a partial attendee of \(label)"))
                s.partialAttendance.append(PartialAttendance(person: who, count: count))
            }
        }
        for item in try agendaItems(f["agenda"]) {
            s.agenda.append(item.text)
            if let english = item.english { s.agendaEnglish[item.text] = english }
        }
        if let positional = f["agenda_by_position"] {
            let names = AgendaPosition.allCases.map(\.rawValue)
            let pf = try fields(positional, of: "agenda_by_position", allowed: names)
            for entry in pf.entries {
                let kind = AgendaPosition(rawValue: entry.key)!
                var itemsNode = entry.value
                var months: [Int] = []
                // `last_of_year: {items: [...], months: [nov, dec]}`: the items and the months their meeting falls in.
                if case .mapping = entry.value {
                    let mf = try fields(entry.value, of: "'\(entry.key)'", allowed: ["items", "months"])
                    itemsNode = try mf.required("items", expected: "the agenda items")
                    for m in try list(mf["months"] ?? Node(""), expected: "months") {
                        let raw = try nonEmptyText(m, expected: "a month")
                        guard let month = Values.month(raw) else {
                            throw fail(position(m), "'\(raw)' is not a month; expected a number 1–12 or a name such as nov.")
                        }
                        if !months.contains(month) { months.append(month) }
                    }
                }
                for item in try agendaItems(itemsNode) {
                    s.positionalAgenda.append(PositionalAgendaItem(position: kind, item: item.text, months: months.sorted()))
                    if let english = item.english { s.agendaEnglish[item.text] = english }
                }
            }
        }
        s.agendaNoticeDays = try f["agenda_notice_days"].map { n throws(AgreementFileError) in try int(n, "a number of days", in: 0...90) }
        // Meetings the schools attend are held in term time unless the file says otherwise.
        s.schoolTermOnly = try f["school_term_only"].map { n throws(AgreementFileError) in try bool(n) }
            ?? SchoolAttendance.namesSchools(s.guests)
        s.place = try f.optionalText("place", expected: "where the series meets, such as \"Ungdomsskolene\"")
        for n in try list(f["weekdays"] ?? Node(""), expected: "weekdays") {
            let day = try weekday(n)
            if !s.preferences.weekdays.contains(day) { s.preferences.weekdays.append(day) }
        }
        if let t = f["time"] {
            if s.allDay { throw fail(position(t), "'time' does not apply to an all-day series (all_day: true); remove one of them.") }
            let raw = try nonEmptyText(t, expected: "a time such as \"18:00\" or a window such as \"17:00-21:00\"")
            if raw.contains("-") || raw.contains("–") {
                let window = try timeSpan(t)
                if !s.allDay && window.minutes < s.durationMinutes {
                    throw fail(position(t), "The time window \(window) is shorter than the meeting (\(s.durationMinutes) min).")
                }
                s.statedTime = .within(window)
            } else {
                s.statedTime = .at(try time(t))
            }
            s.preferences.startTime = s.statedTime?.earliestStart
        }
        return s
    }
}

extension NodeReader {
    /// The most meetings a year a rule can give, where the rule alone says it.
    static func mostMeetingsPerYear(_ rule: FrequencyRule) -> Int? {
        switch rule {
        case .perQuarter(let count): return 4 * count
        case .perYear(let count, _): return count
        case .everyWeeks(let minWeeks, _, _): return 53 / max(1, minWeeks) + 1
        case .weekly: return 53
        case .monthly(let skip): return 12 - skip.count
        case .yearly: return 1
        case .schoolWindow: return nil
        }
    }
}
