/// One municipality's cooperation agreement with its police district, as the
/// facts the planner works from. Read from YAML by `AarshjulAgreementFile`;
/// built directly in tests. Decisions (dates, times) live in `Plan`, never here.
public struct Agreement: Sendable, Equatable {
    /// Short, stable, ASCII identifier ("lillestrom"); part of every UID.
    public var id: String
    /// Display name ("Lillestrøm").
    public var municipality: String
    public var policeDistrict: String
    /// County whose school-holiday defaults apply (see `County`).
    public var county: County
    /// The language the agreement is written in; the default plan language.
    public var language: PlanLanguage
    /// When the agreement file was last revised: the DTSTAMP/LAST-MODIFIED of a
    /// fresh plan, so that the same file always gives the same bytes.
    public var revised: CivilDate?
    /// Which seed text the agreement encodes (free text, for people).
    public var source: String?

    public var people: [Person]
    public var venues: [Venue]
    public var schools: [School]
    public var series: [MeetingSeries]
    /// Tasks due relative to quarters (the quarterly activity plan and report).
    public var quarterlyDeadlines: [QuarterlyDeadline]

    public var schoolCalendar: SchoolCalendarSettings
    public var noMeetingPeriods: NoMeetingSettings
    /// Dates nothing may be planned on, with a reason shown to people.
    public var blackouts: [Blackout]
    /// Election days that override the projected second Monday of September.
    public var electionOverrides: [Int: CivilDate]
    /// Decided election days with their sources (data/valg.yaml, set by the
    /// agreement reader); the rule alone when built in code.
    public var electionTable: ElectionTable = .rule
    /// The year before the plan as published, when a plan extends a published one; nil: not known.
    public var heldBefore: HeldYear? = nil

    public init(
        id: String, municipality: String, policeDistrict: String = "", county: County,
        language: PlanLanguage = .bokmal, revised: CivilDate? = nil, source: String? = nil,
        people: [Person] = [], venues: [Venue] = [], schools: [School] = [],
        series: [MeetingSeries] = [], quarterlyDeadlines: [QuarterlyDeadline] = [],
        schoolCalendar: SchoolCalendarSettings = SchoolCalendarSettings(),
        noMeetingPeriods: NoMeetingSettings = NoMeetingSettings(),
        blackouts: [Blackout] = [], electionOverrides: [Int: CivilDate] = [:]
    ) {
        self.id = id
        self.municipality = municipality
        self.policeDistrict = policeDistrict
        self.county = county
        self.language = language
        self.revised = revised
        self.source = source
        self.people = people
        self.venues = venues
        self.schools = schools
        self.series = series
        self.quarterlyDeadlines = quarterlyDeadlines
        self.schoolCalendar = schoolCalendar
        self.noMeetingPeriods = noMeetingPeriods
        self.blackouts = blackouts
        self.electionOverrides = electionOverrides
    }

    public func person(_ id: String) -> Person? { people.first { $0.id == id } }
    public func venue(_ id: String) -> Venue? { venues.first { $0.id == id } }
}

/// The language of the plan's user-facing text.
public enum PlanLanguage: String, Sendable, CaseIterable, Equatable {
    case bokmal = "nb"
    case nynorsk = "nn"
    case english = "en"
}

/// A person, named by role where the agreement names no one. A person may
/// serve several municipalities (`municipalities`), e.g. a police contact.
public struct Person: Sendable, Equatable {
    public var id: String
    public var name: String
    public var role: String
    /// The role in English (`role_en:`), shown under `--lang en`; nil keeps
    /// the Norwegian role there too.
    public var roleEnglish: String?
    public var email: String?
    /// Agreement ids of the municipalities this person serves; empty means
    /// only the agreement that lists them.
    public var municipalities: [String]

    public init(id: String, name: String, role: String, roleEnglish: String? = nil, email: String? = nil,
                municipalities: [String] = []) {
        self.id = id
        self.name = name
        self.role = role
        self.roleEnglish = roleEnglish
        self.email = email
        self.municipalities = municipalities
    }
}

extension Person {
    /// The role in `language`: the English form under English where the
    /// agreement gives one, else the role as written.
    public func role(_ language: PlanLanguage) -> String {
        language == .english ? (roleEnglish ?? role) : role
    }

    /// The person as people read them, each once: "Kari Nordmann (ordfører)"
    /// for a named person, the role where no one is named. Agreements often
    /// name people by role ("Ordfører" with role "Ordfører, Øyer kommune"),
    /// and then the role alone says it; a name that is itself a role title
    /// ("Seksjonsleder OUT" with role "Seksjonsleder, oppsøkende ungdomsteam
    /// (OUT)") is shown alone, not twice. Under English with an English role,
    /// such a Norwegian title gives way to the English role ("Mayor, Øyer
    /// municipality"), while a person's own name stays ("Kari Nordmann
    /// (Mayor)"). Feeds, text plan, PDF and spreadsheet all name people
    /// through this.
    public func shownAs(_ language: PlanLanguage) -> String {
        if language == .english, let english = roleEnglish {
            return namedByRole ? english : "\(name) (\(english))"
        }
        if name.isEmpty { return role }
        if role.isEmpty || role == name { return name }
        if role.lowercased().hasPrefix(name.lowercased()) { return role }
        if Self.sharesWord(name, role) { return name }
        return "\(name) (\(role))"
    }

    /// The name alone in `language` (an attendee's display name in a feed):
    /// the English role where the name is only a Norwegian role title.
    public func name(_ language: PlanLanguage) -> String {
        if language == .english, let english = roleEnglish, namedByRole { return english }
        return name.isEmpty ? role : name
    }

    /// True when the name is no one's own name but the role's title
    /// ("Ordfører" for "Ordfører, Øyer kommune", "Seksjonsleder OUT"), also
    /// in its definite form ("Sekretariatet" for "Sekretariat for politirådet").
    var namedByRole: Bool {
        if name.isEmpty || name == role || role.lowercased().hasPrefix(name.lowercased()) || Self.sharesWord(name, role) {
            return true
        }
        let roleWords = Self.words(role).filter { $0.count >= 5 }
        return Self.words(name).contains { word in roleWords.contains { word.hasPrefix($0) } }
    }

    /// True when a word of `name` (letters only, 3+ characters) is also a word of `role`.
    static func sharesWord(_ name: String, _ role: String) -> Bool {
        !words(name).isDisjoint(with: words(role))
    }

    /// The words of `s` (letters only, 3+ characters), lowercased.
    static func words(_ s: String) -> Set<String> {
        Set(s.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 })
    }
}

/// A place meetings are held, with the opening hours of the body hosting them.
public struct Venue: Sendable, Equatable {
    public var id: String
    public var name: String
    public var address: String?
    /// Opening hours by weekday; a weekday absent from the map is closed.
    public var officeHours: [Weekday: TimeSpan]

    public init(id: String, name: String, address: String? = nil, officeHours: [Weekday: TimeSpan]) {
        self.id = id
        self.name = name
        self.address = address
        self.officeHours = officeHours
    }

    /// "Name, address" as a LOCATION line would show it.
    public var location: String {
        if let address, !address.isEmpty { return "\(name), \(address)" }
        return name
    }
}

/// A school whose calendar of prevention events is planned per school.
public struct School: Sendable, Equatable {
    public var id: String
    public var name: String
    public var level: SchoolLevel

    public init(id: String, name: String, level: SchoolLevel) {
        self.id = id
        self.name = name
        self.level = level
    }
}

public enum SchoolLevel: String, Sendable, Equatable, CaseIterable {
    case primary          // barneskole (grades 1–7)
    case lowerSecondary   // ungdomsskole (8–10)
    case combined         // 1–10 skule
    case upperSecondary   // vidaregåande
}

/// A date or date range nothing may be planned on.
public struct Blackout: Sendable, Equatable {
    public var range: DateRange
    public var reason: String

    public init(range: DateRange, reason: String) {
        self.range = range
        self.reason = reason
    }
}

/// Switches and additions to the default no-meeting periods.
public struct NoMeetingSettings: Sendable, Equatable {
    /// 24–31 December (Christmas Eve to New Year's Eve).
    public var christmas: Bool
    /// ISO weeks 28–31 (fellesferie).
    public var fellesferie: Bool

    public init(christmas: Bool = true, fellesferie: Bool = true) {
        self.christmas = christmas
        self.fellesferie = fellesferie
    }
}
