import AarshjulCore
import Yams

/// People, venues, schools and quarterly deadlines.
extension NodeReader {
    func person(_ node: Node) throws(AgreementFileError) -> Person {
        let f = try fields(node, of: Words.person, allowed: ["id", "name", "role", "role_en", "email", "municipalities"])
        let pid = try id(try f.required("id", expected: LocalizedText(nb: "en id som 'ordforer'", nn: "ein id som 'ordforer'", en: "an id such as 'ordforer'")), of: Words.person)
        let role = try f.requiredText("role", expected: LocalizedText(nb: "rollen til personen, som \"Ordfører\"", nn: "rolla til personen, som \"Ordførar\"",
                                                                      en: "the person's role, such as \"Ordfører\""))
        var municipalities: [String] = []
        for (m, _) in try idList(f["municipalities"], of: LocalizedText(nb: "en kommune", nn: "ein kommune", en: "a municipality")) where !municipalities.contains(m) {
            municipalities.append(m)
        }
        return Person(id: pid, name: try f.optionalText("name", expected: Words.name) ?? role, role: role,
                      roleEnglish: try f.optionalText("role_en", expected: LocalizedText(nb: "rollen på engelsk, som \"Mayor\"", nn: "rolla på engelsk, som \"Mayor\"",
                                                                                         en: "the role in English, such as \"Mayor\"")),
                      email: try f.optionalText("email", expected: Words.email), municipalities: municipalities)
    }

    func venue(_ node: Node) throws(AgreementFileError) -> Venue {
        let venue = LocalizedText(nb: "et lokale", nn: "eit lokale", en: "a venue")
        let f = try fields(node, of: venue, allowed: ["id", "name", "address", "office_hours"])
        let vid = try id(try f.required("id", expected: LocalizedText(nb: "en id som 'radhuset'", nn: "ein id som 'radhuset'", en: "an id such as 'radhuset'")), of: venue)
        let name = try f.requiredText("name", expected: LocalizedText(nb: "navnet på lokalet", nn: "namnet på lokalet", en: "the venue's name"))
        let hoursNode = try f.required("office_hours", expected: LocalizedText(
            nb: "åpningstider som {mon-thu: \"09:00-15:00\", fri: \"09:00-14:00\"}", nn: "opningstider som {mon-thu: \"09:00-15:00\", fri: \"09:00-14:00\"}",
            en: "opening hours such as {mon-thu: \"09:00-15:00\", fri: \"09:00-14:00\"}"))
        return Venue(id: vid, name: name, address: try f.optionalText("address", expected: LocalizedText(nb: "en adresse", nn: "ei adresse", en: "an address")),
                     officeHours: try officeHours(hoursNode))
    }

    /// `{mon-thu: "09:00-15:00", fri: "09:00-14:00", sat: closed}`. A day
    /// left out is closed; a day named twice is an error, not an override.
    func officeHours(_ node: Node) throws(AgreementFileError) -> [Weekday: TimeSpan] {
        var hours: [Weekday: TimeSpan] = [:]
        var seen = Set<Weekday>()
        for entry in try pairs(node, expected: LocalizedText(nb: "åpningstider per ukedag, som {mon-thu: \"09:00-15:00\"}", nn: "opningstider per vekedag, som {mon-thu: \"09:00-15:00\"}",
                                                             en: "opening hours by weekday, such as {mon-thu: \"09:00-15:00\"}")) {
            let days: [Weekday]
            switch Values.weekdays(entry.key) {
            case .success(let d): days = d
            case .failure(let p): throw fail(position(entry.keyNode), p.words)
            }
            let raw = try nonEmptyText(entry.value, expected: LocalizedText(nb: "åpningstider som \"09:00-15:00\" eller closed", nn: "opningstider som \"09:00-15:00\" eller closed",
                                                                            en: "opening hours such as \"09:00-15:00\" or closed"))
            let span: TimeSpan? = ["closed", "stengt", "lukket"].contains(raw.lowercased()) ? nil : try timeSpan(entry.value)
            for day in days {
                if !seen.insert(day).inserted {
                    let name = Values.weekdayFileNames[day]!
                    throw fail(position(entry.keyNode), LocalizedText(
                        nb: "'\(entry.key)' gir åpningstider for \(name) for andre gang; forventet hver ukedag bare én gang",
                        nn: "'\(entry.key)' gjev opningstider for \(name) for andre gong; venta kvar vekedag berre éin gong",
                        en: "'\(entry.key)' gives hours for \(name) a second time; expected each weekday once"))
                }
                if let span { hours[day] = span }
            }
        }
        if hours.isEmpty {
            throw fail(position(node), LocalizedText(
                nb: "lokalet er aldri åpent; forventet åpningstider for minst én ukedag, som {mon-fri: \"09:00-15:00\"}",
                nn: "lokalet er aldri ope; venta opningstider for minst éin vekedag, som {mon-fri: \"09:00-15:00\"}",
                en: "the venue is never open; expected opening hours for at least one weekday, such as {mon-fri: \"09:00-15:00\"}"))
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
        let school = LocalizedText(nb: "en skole", nn: "ein skule", en: "a school")
        let f = try fields(node, of: school, allowed: ["id", "name", "level"])
        let sid = try id(try f.required("id", expected: LocalizedText(nb: "en id", nn: "ein id", en: "an id")), of: school)
        let name = try f.requiredText("name", expected: LocalizedText(nb: "navnet på skolen", nn: "namnet på skulen", en: "the school's name"))
        let levels = LocalizedText(
            nb: "primary, lower_secondary, combined eller upper_secondary (eller barneskole, ungdomsskole, videregaende)",
            nn: "primary, lower_secondary, combined eller upper_secondary (eller barneskule, ungdomsskule, vidaregaande)",
            en: "primary, lower_secondary, combined or upper_secondary (or barneskole, ungdomsskole, videregaende)")
        let levelNode = try f.required("level", expected: levels)
        let raw = try nonEmptyText(levelNode, expected: levels)
        guard let level = Self.schoolLevels.first(where: { $0.names.contains(raw.lowercased()) })?.level else {
            throw fail(position(levelNode), LocalizedText(nb: "'\(raw)' er ikke et skolenivå; forventet \(levels.bokmal)",
                                                          nn: "'\(raw)' er ikkje eit skulenivå; venta \(levels.nynorsk)",
                                                          en: "'\(raw)' is not a school level; expected \(levels.english)"))
        }
        return School(id: sid, name: name, level: level)
    }

    func quarterlyDeadline(_ node: Node, references: inout [Reference]) throws(AgreementFileError) -> QuarterlyDeadline {
        let f = try fields(node, of: LocalizedText(nb: "en kvartalsfrist", nn: "ein kvartalsfrist", en: "a quarterly deadline"),
                           allowed: ["id", "title", "title_en", "days_before_quarter", "days_after_quarter",
                                     "within_days_after_quarter", "if_closed", "responsible"])
        let did = try id(try f.required("id", expected: LocalizedText(nb: "en id som 'aktivitetsplan'", nn: "ein id som 'aktivitetsplan'", en: "an id such as 'aktivitetsplan'")),
                         of: LocalizedText(nb: "en frist", nn: "ein frist", en: "a deadline"))
        let title = try f.requiredText("title", expected: LocalizedText(nb: "hva som skal leveres", nn: "kva som skal leverast", en: "what is due"))
        let anchor: QuarterAnchor, days: Int
        let given = [f["days_before_quarter"], f["days_after_quarter"], f["within_days_after_quarter"]].compactMap { $0 }
        if given.count > 1 {
            throw fail(f.position, LocalizedText(
                nb: "kvartalsfristen har flere av days_before_quarter, days_after_quarter og within_days_after_quarter; forventet bare én av dem (lag to frister hvis begge er ment)",
                nn: "kvartalsfristen har fleire av days_before_quarter, days_after_quarter og within_days_after_quarter; venta berre éin av dei (lag to fristar om begge er meinte)",
                en: "the quarterly deadline has several of days_before_quarter, days_after_quarter and within_days_after_quarter; expected only one (make two deadlines if both are meant)"))
        }
        if let before = f["days_before_quarter"] {
            anchor = .beforeStart
            days = try int(before, LocalizedText(nb: "et antall dager før kvartalet begynner", nn: "eit tal på dagar før kvartalet byrjar", en: "a number of days before the quarter starts"), in: 0...90)
        } else if let after = f["days_after_quarter"] ?? f["within_days_after_quarter"] {
            anchor = .afterEnd
            days = try int(after, LocalizedText(nb: "et antall dager etter at kvartalet slutter", nn: "eit tal på dagar etter at kvartalet sluttar", en: "a number of days after the quarter ends"), in: 0...90)
        } else {
            throw fail(f.position, LocalizedText(
                nb: "kvartalsfristen '\(did)' sier ikke når; forventet days_before_quarter (frist før hvert kvartal begynner) eller days_after_quarter / within_days_after_quarter (frist etter at hvert kvartal slutter)",
                nn: "kvartalsfristen '\(did)' seier ikkje når; venta days_before_quarter (frist før kvart kvartal byrjar) eller days_after_quarter / within_days_after_quarter (frist etter at kvart kvartal sluttar)",
                en: "the quarterly deadline '\(did)' does not say when; expected days_before_quarter (due before each quarter starts) or days_after_quarter / within_days_after_quarter (due after each quarter ends)"))
        }
        var slip = DeadlineSlip.earlier
        if let n = f["if_closed"] {
            let raw = try nonEmptyText(n, expected: LocalizedText(nb: "before eller after", nn: "before eller after", en: "before or after")).lowercased()
            switch raw {
            case "before", "earlier", "før", "for", "tidligere": slip = .earlier
            case "after", "later", "etter", "seinare", "senere": slip = .later
            default:
                throw fail(position(n), LocalizedText(
                    nb: "'\(raw)' er ikke en retning; forventet before (siste arbeidsdag før de stengte dagene) eller after (første arbeidsdag etter dem)",
                    nn: "'\(raw)' er ikkje ei retning; venta before (siste arbeidsdag før dei stengde dagane) eller after (første arbeidsdag etter dei)",
                    en: "'\(raw)' is not a direction; expected before (the last working day before the closed days) or after (the first working day after them)"))
            }
            if slip == .later, f["within_days_after_quarter"] != nil {
                throw fail(position(n), LocalizedText(
                    nb: "'within_days_after_quarter' betyr senest den dagen, så fristen kan ikke flyttes etter den; forventet days_after_quarter sammen med if_closed: after",
                    nn: "'within_days_after_quarter' tyder seinast den dagen, så fristen kan ikkje flyttast etter han; venta days_after_quarter saman med if_closed: after",
                    en: "'within_days_after_quarter' means due at the latest that day, so it cannot slip after it; expected days_after_quarter with if_closed: after"))
            }
        }
        var responsible: [String] = []
        for (pid, n) in try idList(f["responsible"], of: Words.person) {
            responsible.append(pid)
            references.append(Reference(id: pid, node: n, target: .person, role: LocalizedText(
                nb: "ansvarlig for fristen '\(did)'", nn: "ansvarleg for fristen '\(did)'", en: "responsible for deadline '\(did)'")))
        }
        return QuarterlyDeadline(id: did, title: title, titleEnglish: try f.optionalText("title_en", expected: Words.englishTitle),
                                 anchor: anchor, days: days, responsible: responsible, ifClosed: slip)
    }
}
