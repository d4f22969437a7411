import AarshjulCore
import Foundation

/// The agreement file `aarshjul init` writes: the standard series a
/// cooperation agreement between a municipality and its police district
/// usually has, as YAML with a comment on every value that is a default, in
/// the agreement's own language (bokmål, nynorsk or English), so the person
/// who wrote nothing but a municipality's name can see what to change.
/// A pure function of its choices: the same choices give the same bytes.
public enum AgreementTemplate {
    public struct Choices: Sendable, Equatable {
        public var municipality: String
        /// The kommunenummer, when the municipality is in the register (data/kommuner.yaml).
        public var municipalityNumber: String?
        public var county: County
        public var policeDistrict: String
        public var language: PlanLanguage
        /// Politiråd meetings a year; 0 leaves the series out.
        public var councilsPerYear: Int
        /// Weeks between SLT meetings; nil leaves the series out.
        public var sltWeeks: ClosedRange<Int>?
        /// The police contact's weekly day in the municipality: `.some(nil)`
        /// any weekday, `.some(day)` that day, nil no such series.
        public var contactDay: Weekday??
        /// A monthly multi-agency meeting (samarbeidsmøte).
        public var monthlyMeeting: Bool
        /// The school-year prevention calendar (school start, 7th grade,
        /// 10th grade, russ season).
        public var preventionCalendar: Bool
        /// The date written as `revised:` (the plan's DTSTAMP): today, by the caller's clock.
        public var revised: CivilDate

        public init(municipality: String, county: County, policeDistrict: String, language: PlanLanguage = .bokmal,
                    councilsPerYear: Int = defaultCouncilsPerYear, sltWeeks: ClosedRange<Int>? = defaultSLTWeeks,
                    contactDay: Weekday?? = .some(nil), monthlyMeeting: Bool = false, preventionCalendar: Bool = false,
                    revised: CivilDate, municipalityNumber: String? = nil) {
            self.municipality = municipality
            self.municipalityNumber = municipalityNumber
            self.county = county
            self.policeDistrict = policeDistrict
            self.language = language
            self.councilsPerYear = councilsPerYear
            self.sltWeeks = sltWeeks
            self.contactDay = contactDay
            self.monthlyMeeting = monthlyMeeting
            self.preventionCalendar = preventionCalendar
            self.revised = revised
        }

        /// The file id: the municipality's name in lowercase ASCII ("Øyer" → "oyer",
        /// "Nord-Fron" → "nord-fron", "Indre Østfold" → "indre-ostfold").
        public var id: String { AgreementTemplate.id(for: municipality) }

        /// True when at least one series would be written (an agreement needs one).
        public var hasSeries: Bool {
            councilsPerYear > 0 || sltWeeks != nil || contactDay != nil || monthlyMeeting || preventionCalendar
        }
    }

    /// The agreements say 2–4 a year; four is one a quarter (the national pattern).
    public static let defaultCouncilsPerYear = NationalPattern.defaultCouncilsPerYear
    /// "SLT hver 6.–8. uke", as in the shipped agreements.
    public static let defaultSLTWeeks: ClosedRange<Int>? = 6...8
    /// Most politiråd agreements ask for 2–4 meetings; more than one a month is not a politiråd.
    public static let councilsPerYearRange = 0...12
    /// Gaps an SLT series may ask for, in weeks.
    public static let sltWeeksRange = 1...26

    public static func id(for municipality: String) -> String {
        var ascii = ""
        for ch in municipality.lowercased() {
            switch ch {
            case "æ": ascii += "ae"
            case "ø": ascii += "o"
            case "å": ascii += "a"
            default:
                let folded = String(ch).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                for scalar in folded.unicodeScalars {
                    if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { ascii.unicodeScalars.append(scalar) }
                    else if scalar == "-" || scalar == " " || scalar == "_" { ascii += "-" }
                }
            }
        }
        var collapsed = ""
        for ch in ascii where !(ch == "-" && (collapsed.isEmpty || collapsed.last == "-")) { collapsed.append(ch) }
        while collapsed.last == "-" { collapsed.removeLast() }
        return collapsed.isEmpty ? "kommune" : collapsed
    }

    /// The agreement file's text.
    public static func render(_ c: Choices) -> String {
        let w = TemplateWords(language: c.language, municipality: c.municipality)
        var out: [String] = []
        func line(_ s: String = "") { out.append(s) }
        func comment(_ s: String, indent: String = "") { out.append(indent + "# " + s) }
        // A value with its comment on the same line, comments lined up at column 33.
        func line(_ s: String, _ note: String) { out.append(s + String(repeating: " ", count: max(2, 32 - s.count)) + "# " + note) }

        for s in w.header(c) { comment(s) }
        line()
        line("id: \(c.id)")
        line("municipality: \(quoted(c.municipality))")
        if let number = c.municipalityNumber { line("municipality_number: \"\(number)\"", w.numberNote) }
        line("police_district: \(quoted(c.policeDistrict))")
        line("county: \(c.county.rawValue)", w.countyNote(c.county))
        line("language: \(c.language.rawValue)")
        line("revised: \(c.revised.iso)", w.revisedNote)
        line("source: \(quoted(w.source(c)))")
        line()
        comment(w.noMeetingNote)
        line("no_meeting_periods: {christmas: true, fellesferie: true}")
        line()

        // People: only those some series names.
        let usesCouncil = c.councilsPerYear > 0
        let usesCoordinator = usesCouncil || c.sltWeeks != nil || c.monthlyMeeting
        line("people:")
        comment(w.peopleNote, indent: "  ")
        // Each role also in English (role_en) for `--lang en`, as titles have title_en.
        let en = TemplateWords(language: .english, municipality: c.municipality)
        var people: [(id: String, name: String, role: String, english: String)] = []
        if usesCouncil {
            people.append(("ordforer", w.mayor, "\(w.mayor), \(w.municipalityName)", "\(en.mayor), \(en.municipalityName)"))
            people.append(("kommunedirektor", w.chiefExecutive, "\(w.chiefExecutive), \(w.municipalityName)",
                           "\(en.chiefExecutive), \(en.municipalityName)"))
        }
        if usesCoordinator {
            people.append(("slt_koordinator", w.sltCoordinator, "\(w.sltCoordinator), \(w.municipalityName)",
                           "\(en.sltCoordinator), \(en.municipalityName)"))
        }
        if usesCouncil {
            people.append(("politistasjonssjef", w.stationChief, "\(w.stationChief), \(w.policeDistrict(c.policeDistrict))",
                           "\(en.stationChief), \(en.policeDistrict(c.policeDistrict))"))
        }
        people.append(("politikontakt", w.policeContact, w.policeContactRole, en.policeContactRole))
        for p in people {
            line("  - id: \(p.id)")
            line("    name: \(quoted(p.name))")
            line("    role: \(quoted(p.role))")
            if c.language != .english { line("    role_en: \(quoted(p.english))") }
        }
        line()

        line("venues:")
        line("  - id: radhuset")
        line("    name: \(quoted(w.townHall))")
        comment(w.officeHoursNote, indent: "    ")
        line("    office_hours: {mon-fri: \"08:00-15:30\"}")
        line()

        line("series:")
        var first = true
        func seriesStart() { if !first { line() }; first = false }
        if usesCouncil {
            seriesStart()
            line("  - id: politirad")
            line("    title: \(quoted(w.councilTitle))")
            if c.language != .english { line("    title_en: Police council") }
            line("    kind: politirad")
            comment(w.councilRuleNote(c.councilsPerYear), indent: "    ")
            line("    rule: " + (c.councilsPerYear == 4 ? "{per_quarter: 1}" : "{per_year: \(c.councilsPerYear)}"))
            line("    venue: radhuset")
            line("    duration: 2h", w.defaultWord)
            line("    chair: ordforer")
            line("    secretary: slt_koordinator", w.defaultWord)
            line("    attendees: [kommunedirektor, politistasjonssjef, politikontakt]")
            line("    agenda_notice_days: 7", w.noticeNote)
            line("    agenda:")
            let english = TemplateWords(language: .english, municipality: c.municipality)
            for (item, en) in zip(w.councilAgenda, english.councilAgenda) { line("      - " + agendaItem(item, en, c.language)) }
            line("    agenda_by_position:")
            line("      first_of_year:")
            line("        - " + agendaItem(w.yearlyEvaluation, english.yearlyEvaluation, c.language))
        }
        if let weeks = c.sltWeeks {
            seriesStart()
            line("  - id: slt")
            line("    title: \(quoted(w.sltTitle))")
            if c.language != .english { line("    title_en: SLT coordination meeting") }
            line("    kind: slt")
            let span = weeks.lowerBound == weeks.upperBound ? "\(weeks.lowerBound)" : "\"\(weeks.lowerBound)-\(weeks.upperBound)\""
            comment(w.sltRuleNote, indent: "    ")
            line("    rule: {every_weeks: \(span)}")
            line("    venue: radhuset")
            line("    duration: 1h30m", w.defaultWord)
            line("    called_by: slt_koordinator")
            line("    attendees: [politikontakt]")
        }
        if let day = c.contactDay {
            seriesStart()
            line("  - id: politikontakt_dag")
            line("    title: \(quoted(w.contactTitle))")
            if c.language != .english { line("    title_en: \(quoted("Police contact officer's day in \(c.municipality)"))") }
            line("    kind: politikontakt")
            comment(day == nil ? w.contactAnyDayNote : w.contactDayNote, indent: "    ")
            line("    rule: {weekly: \(day.map(weekdayKey) ?? "any")}")
            line("    all_day: true")
            line("    venue: radhuset")
            line("    attendees: [politikontakt]")
        }
        if c.monthlyMeeting {
            seriesStart()
            line("  - id: samarbeidsmote")
            line("    title: \(quoted(w.monthlyTitle))")
            if c.language != .english { line("    title_en: Multi-agency meeting") }
            line("    kind: samarbeid")
            comment(w.monthlyRuleNote, indent: "    ")
            line("    rule: {monthly: true, skip_months: [jul]}")
            line("    venue: radhuset")
            line("    duration: 1h30m", w.defaultWord)
            line("    called_by: slt_koordinator")
            line("    attendees: [politikontakt]")
            line("    guests: [\(w.monthlyGuests.map(quoted).joined(separator: ", "))]", w.guestsNote)
        }
        if c.preventionCalendar {
            for s in w.preventionSeries {
                seriesStart()
                line("  - id: \(s.id)")
                line("    title: \(quoted(s.title))")
                if c.language != .english { line("    title_en: \(quoted(s.english))") }
                line("    kind: forebygging")
                comment(s.note, indent: "    ")
                line("    rule: \(s.rule)")
                if s.schoolTerm { line("    school_term_only: true") }
                line("    duration: 1h", w.defaultWord)
                if let time = s.time { line("    time: \"\(time)\"", w.eveningNote) }
                line("    attendees: [politikontakt]")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `"Eventuelt"`, or `{text: "Eventuelt", text_en: "Any other business"}` in a Norwegian agreement.
    static func agendaItem(_ text: String, _ english: String, _ language: PlanLanguage) -> String {
        language == .english ? quoted(english) : "{text: \(quoted(text)), text_en: \(quoted(english))}"
    }

    /// YAML double-quoted scalar: safe for any name (colons, quotes, leading `*`).
    static func quoted(_ text: String) -> String {
        var s = "\""
        for ch in text.unicodeScalars {
            switch ch {
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            case "\n": s += "\\n"
            case "\t": s += "\\t"
            default: s.unicodeScalars.append(ch)
            }
        }
        return s + "\""
    }

    static func weekdayKey(_ day: Weekday) -> String {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][day.rawValue - 1]
    }
}
