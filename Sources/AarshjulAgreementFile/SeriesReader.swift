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
    let role: LocalizedText
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
        let f = try fields(node, of: LocalizedText(nb: "en serie", nn: "ein serie", en: "a series"), allowed: Self.seriesKeys)
        let sid = try self.id(try f.required("id", expected: LocalizedText(nb: "en id som 'politirad'", nn: "ein id som 'politirad'", en: "an id such as 'politirad'")),
                             of: LocalizedText(nb: "en serie", nn: "ein serie", en: "a series"))
        let title = try f.requiredText("title", expected: LocalizedText(nb: "tittelen på møtet, som \"Politiråd\"", nn: "tittelen på møtet, som \"Politiråd\"",
                                                                        en: "the meeting's title, such as \"Politiråd\""))
        let label = LocalizedText(nb: "serien '\(sid)'", nn: "serien '\(sid)'", en: "series '\(sid)'")

        var kind = SeriesKind.other
        if let k = f["kind"] {
            let raw = try nonEmptyText(k, expected: LocalizedText(nb: "en møtetype", nn: "ein møtetype", en: "a kind"))
            let all = Self.seriesKindNames.flatMap(\.names)
            guard let found = Self.seriesKindNames.first(where: { $0.names.contains(raw.lowercased()) }) else {
                let guess = Suggestion.didYouMean(raw, in: all), kinds = Self.seriesKindNames.map { $0.names[0] }.joined(separator: ", ")
                throw fail(position(k), LocalizedText(nb: "'\(raw)' er ikke en møtetype\(guess.bokmal); forventet én av \(kinds)",
                                                      nn: "'\(raw)' er ikkje ein møtetype\(guess.nynorsk); venta éin av \(kinds)",
                                                      en: "'\(raw)' is not a kind of series\(guess.english); expected one of \(kinds)"))
            }
            kind = found.kind
        }

        var s = MeetingSeries(id: sid, title: title, titleEnglish: try f.optionalText("title_en", expected: Words.englishTitle),
                              kind: kind, rule: try rule(try f.required("rule", expected: LocalizedText(nb: "hvor ofte, som {per_quarter: 1}", nn: "kor ofte, som {per_quarter: 1}",
                                                                                            en: "how often, such as {per_quarter: 1}"))))

        func person(_ key: String, _ role: LocalizedText) throws(AgreementFileError) -> String? {
            guard let n = f[key] else { return nil }
            let pid = try self.id(n, of: Words.person)
            references.append(Reference(id: pid, node: n, target: .person, role: LocalizedText(
                nb: "\(role.bokmal) i \(label.bokmal)", nn: "\(role.nynorsk) i \(label.nynorsk)", en: "\(role.english) of \(label.english)")))
            return pid
        }
        if let v = f["venue"] {
            s.venue = try self.id(v, of: LocalizedText(nb: "et lokale", nn: "eit lokale", en: "a venue"))
            references.append(Reference(id: s.venue!, node: v, target: .venue, role: LocalizedText(
                nb: "lokalet for \(label.bokmal)", nn: "lokalet for \(label.nynorsk)", en: "the venue of \(label.english)")))
        }
        s.allDay = try f["all_day"].map { n throws(AgreementFileError) in try bool(n) } ?? false
        if let d = f["duration"] {
            if s.allDay { throw fail(position(d), Self.notForAllDay("duration")) }
            s.durationMinutes = try parsed(d, expected: LocalizedText(nb: "en varighet som 2h, 90m eller 1h30m", nn: "ei lengd som 2h, 90m eller 1h30m",
                                                                      en: "a duration such as 2h, 90m or 1h30m"), Values.durationMinutes)
        }
        s.calledBy = try person("called_by", LocalizedText(nb: "innkaller", nn: "innkallar", en: "the caller"))
        s.chair = try person("chair", LocalizedText(nb: "møteleder", nn: "møteleiar", en: "the chair"))
        s.secretary = try person("secretary", LocalizedText(nb: "sekretær", nn: "sekretær", en: "the secretary"))
        for (pid, n) in try idList(f["attendees"], of: Words.person) {
            if s.attendees.contains(pid) {
                throw fail(position(n), LocalizedText(
                    nb: "'\(pid)' står to ganger blant deltakerne i \(label.bokmal); forventet hver deltaker bare én gang",
                    nn: "'\(pid)' står to gonger blant deltakarane i \(label.nynorsk); venta kvar deltakar berre éin gong",
                    en: "'\(pid)' is listed twice in the attendees of \(label.english); expected each attendee once"))
            }
            s.attendees.append(pid)
            references.append(Reference(id: pid, node: n, target: .person, role: LocalizedText(
                nb: "deltaker i \(label.bokmal)", nn: "deltakar i \(label.nynorsk)", en: "an attendee of \(label.english)")))
        }
        s.guests = try stringList(f["guests"], expected: LocalizedText(
            nb: "en beskrivelse av hvem som deltar, som \"alle ungdomsskolane\"", nn: "ei skildring av kven som deltek, som \"alle ungdomsskolane\"",
            en: "a description of an attending body, such as \"alle ungdomsskolane\""))
        if let p = f["partial_attendance"] {
            for item in try list(p, expected: LocalizedText(nb: "oppføringer {who: …, meetings: …}", nn: "oppføringar {who: …, meetings: …}", en: "{who: …, meetings: …} entries")) {
                let pf = try fields(item, of: LocalizedText(nb: "en delvis deltakelse", nn: "ei delvis deltaking", en: "a partial attendance"), allowed: ["who", "meetings"])
                let whoNode = try pf.required("who", expected: LocalizedText(nb: "id-en til personen som deltar på noen av møtene", nn: "id-en til personen som deltek på nokre av møta",
                                                                             en: "the id of the person who attends some meetings"))
                let who = try self.id(whoNode, of: Words.person)
                if s.attendees.contains(who) {
                    throw fail(position(whoNode), LocalizedText(
                        nb: "'\(who)' står blant deltakerne i \(label.bokmal), som kommer på alle møtene; forventet personen bare under partial_attendance",
                        nn: "'\(who)' står blant deltakarane i \(label.nynorsk), som kjem på alle møta; venta personen berre under partial_attendance",
                        en: "'\(who)' is in the attendees of \(label.english), who come to every meeting; expected them only under partial_attendance"))
                }
                let meetingsNode = try pf.required("meetings", expected: LocalizedText(nb: "hvor mange møter i året personen deltar på", nn: "kor mange møte i året personen deltek på",
                                                                                       en: "how many meetings a year they attend"))
                let count = try int(meetingsNode, LocalizedText(nb: "et antall møter i året", nn: "eit tal på møte i året", en: "a number of meetings a year"), in: 1...52)
                if let most = Self.mostMeetingsPerYear(s.rule), count > most {
                    throw fail(position(meetingsNode), LocalizedText(
                        nb: "\(count) møter i året er flere enn \(label.bokmal) holder (høyst \(most) i året etter regelen); forventet 1–\(most)",
                        nn: "\(count) møte i året er fleire enn \(label.nynorsk) held (høgst \(most) i året etter regelen); venta 1–\(most)",
                        en: "\(count) meetings a year is more than \(label.english) holds (at most \(most) a year by its rule); expected 1–\(most)"))
                }
                references.append(Reference(id: who, node: whoNode, target: .person, role: LocalizedText(
                    nb: "delvis deltaker i \(label.bokmal)", nn: "delvis deltakar i \(label.nynorsk)", en: "a partial attendee of \(label.english)")))
                s.partialAttendance.append(PartialAttendance(person: who, count: count))
            }
        }
        for item in try agendaItems(f["agenda"]) {
            s.agenda.append(item.text)
            if let english = item.english { s.agendaEnglish[item.text] = english }
        }
        if let positional = f["agenda_by_position"] {
            let names = AgendaPosition.allCases.map(\.rawValue)
            let pf = try fields(positional, of: LocalizedText(nb: "agenda_by_position", nn: "agenda_by_position", en: "agenda_by_position"), allowed: names)
            for entry in pf.entries {
                let kind = AgendaPosition(rawValue: entry.key)!
                var itemsNode = entry.value
                var months: [Int] = []
                // `last_of_year: {items: [...], months: [nov, dec]}`: the items and the months their meeting falls in.
                if case .mapping = entry.value {
                    let mf = try fields(entry.value, of: LocalizedText(nb: "'\(entry.key)'", nn: "'\(entry.key)'", en: "'\(entry.key)'"), allowed: ["items", "months"])
                    itemsNode = try mf.required("items", expected: LocalizedText(nb: "sakene", nn: "sakene", en: "the agenda items"))
                    for m in try list(mf["months"] ?? Node(""), expected: Words.months) {
                        let raw = try nonEmptyText(m, expected: Words.month)
                        guard let month = Values.month(raw) else { throw fail(position(m), Self.notAMonth(raw, example: "nov")) }
                        if !months.contains(month) { months.append(month) }
                    }
                }
                for item in try agendaItems(itemsNode) {
                    s.positionalAgenda.append(PositionalAgendaItem(position: kind, item: item.text, months: months.sorted()))
                    if let english = item.english { s.agendaEnglish[item.text] = english }
                }
            }
        }
        s.agendaNoticeDays = try f["agenda_notice_days"].map { n throws(AgreementFileError) in try int(n, LocalizedText(nb: "et antall dager", nn: "eit tal på dagar", en: "a number of days"), in: 0...90) }
        // Meetings the schools attend are held in term time unless the file says otherwise.
        s.schoolTermOnly = try f["school_term_only"].map { n throws(AgreementFileError) in try bool(n) }
            ?? SchoolAttendance.namesSchools(s.guests)
        s.place = try f.optionalText("place", expected: LocalizedText(nb: "hvor serien møtes, som \"Ungdomsskolene\"", nn: "kvar serien møtest, som \"Ungdomsskulane\"",
                                                                      en: "where the series meets, such as \"Ungdomsskolene\""))
        for n in try list(f["weekdays"] ?? Node(""), expected: LocalizedText(nb: "ukedager", nn: "vekedagar", en: "weekdays")) {
            let day = try weekday(n)
            if !s.preferences.weekdays.contains(day) { s.preferences.weekdays.append(day) }
        }
        if let t = f["time"] {
            if s.allDay { throw fail(position(t), Self.notForAllDay("time")) }
            let raw = try nonEmptyText(t, expected: LocalizedText(nb: "et klokkeslett som \"18:00\" eller et tidsrom som \"17:00-21:00\"",
                                                                  nn: "eit klokkeslett som \"18:00\" eller eit tidsrom som \"17:00-21:00\"",
                                                                  en: "a time such as \"18:00\" or a window such as \"17:00-21:00\""))
            if raw.contains("-") || raw.contains("–") {
                let window = try timeSpan(t)
                if !s.allDay && window.minutes < s.durationMinutes {
                    let minutes = s.durationMinutes
                    throw fail(position(t), LocalizedText(
                        nb: "tidsrommet \(window) er kortere enn møtet (\(minutes) min); forventet et tidsrom på minst \(minutes) minutter",
                        nn: "tidsrommet \(window) er kortare enn møtet (\(minutes) min); venta eit tidsrom på minst \(minutes) minutt",
                        en: "the time window \(window) is shorter than the meeting (\(minutes) min); expected a window of at least \(minutes) minutes"))
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
    /// `key` given beside all_day: true.
    static func notForAllDay(_ key: String) -> LocalizedText {
        LocalizedText(nb: "'\(key)' gjelder ikke for en heldagsserie (all_day: true); forventet enten \(key) eller all_day: true, ikke begge",
                      nn: "'\(key)' gjeld ikkje for ein heildagsserie (all_day: true); venta anten \(key) eller all_day: true, ikkje begge",
                      en: "'\(key)' does not apply to an all-day series (all_day: true); expected either \(key) or all_day: true, not both")
    }

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
