/// A kind of meeting the agreement asks for, with how often it happens, who
/// attends and what the agenda is.
public struct MeetingSeries: Sendable, Equatable {
    public var id: String
    /// Title in the agreement's language ("Politirådsmøte").
    public var title: String
    /// English title for `--lang en`; falls back to `title`.
    public var titleEnglish: String?
    public var kind: SeriesKind
    public var rule: FrequencyRule

    public var venue: String?
    /// Where the series meets when it has no venue with opening hours
    /// ("Ungdomsskolene i Lillestrøm"); shown as LOCATION.
    public var place: String?
    /// A start time or time window the agreement states: a hard rule
    /// (`stated-time`), unlike the preferred start in `preferences`.
    public var statedTime: StatedTime?
    /// Minutes. Ignored for all-day series.
    public var durationMinutes: Int
    /// True for a day's presence (politikontakt in the municipality): an
    /// all-day item, not a timed meeting.
    public var allDay: Bool

    /// Person ids.
    public var calledBy: String?
    public var chair: String?
    public var secretary: String?
    public var attendees: [String]
    /// Attending bodies that are not planned people ("alle 11 ungdomsskolane").
    public var guests: [String]
    /// Some attendees join only N of the year's meetings (BUP at 4 of 12).
    public var partialAttendance: [PartialAttendance]

    public var agenda: [String]
    public var positionalAgenda: [PositionalAgendaItem]
    /// English forms of agenda items (`{text: …, text_en: …}`), keyed by the
    /// item as written in the agreement's language; used for `--lang en`.
    public var agendaEnglish: [String: String] = [:]
    /// Agenda must go out at least this many days before; nil = no deadline.
    public var agendaNoticeDays: Int?

    /// School events, and meetings the schools attend: never in school
    /// holidays. The file reader sets it when a guest names schools and the
    /// file does not say `school_term_only: false`.
    public var schoolTermOnly: Bool
    public var preferences: SeriesPreferences

    public init(
        id: String, title: String, titleEnglish: String? = nil, kind: SeriesKind, rule: FrequencyRule,
        venue: String? = nil, place: String? = nil, statedTime: StatedTime? = nil, durationMinutes: Int = 120, allDay: Bool = false,
        calledBy: String? = nil, chair: String? = nil, secretary: String? = nil,
        attendees: [String] = [], guests: [String] = [], partialAttendance: [PartialAttendance] = [],
        agenda: [String] = [], positionalAgenda: [PositionalAgendaItem] = [], agendaNoticeDays: Int? = nil,
        schoolTermOnly: Bool = false, preferences: SeriesPreferences = SeriesPreferences()
    ) {
        self.id = id
        self.title = title
        self.titleEnglish = titleEnglish
        self.kind = kind
        self.rule = rule
        self.venue = venue
        self.place = place
        self.statedTime = statedTime
        self.durationMinutes = durationMinutes
        self.allDay = allDay
        self.calledBy = calledBy
        self.chair = chair
        self.secretary = secretary
        self.attendees = attendees
        self.guests = guests
        self.partialAttendance = partialAttendance
        self.agenda = agenda
        self.positionalAgenda = positionalAgenda
        self.agendaNoticeDays = agendaNoticeDays
        self.schoolTermOnly = schoolTermOnly
        self.preferences = preferences
        if let statedTime, preferences.startTime == nil { self.preferences.startTime = statedTime.earliestStart }
    }

    /// An agenda item in `language`: its English form for English where it has one.
    public func agendaItem(_ item: String, _ language: PlanLanguage) -> String {
        language == .english ? (agendaEnglish[item] ?? item) : item
    }

    /// Every planned person at a meeting: caller, chair, secretary, attendees (deduplicated, in order).
    public var allPeople: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for id in [calledBy, chair, secretary].compactMap({ $0 }) + attendees + partialAttendance.map(\.person)
        where seen.insert(id).inserted { out.append(id) }
        return out
    }
}

/// A time the agreement states for a series: an exact start ("18:00", a
/// parent meeting in the evening) or a window the whole meeting must lie in
/// ("17:00-21:00"). Held to as a hard rule; see `RuleCatalogue.statedTime`.
public enum StatedTime: Sendable, Equatable, CustomStringConvertible {
    case at(TimeOfDay)
    case within(TimeSpan)

    /// The earliest start the statement allows.
    public var earliestStart: TimeOfDay {
        switch self {
        case .at(let t): return t
        case .within(let w): return w.start
        }
    }

    /// True when a meeting from `start` to `end` keeps the statement.
    public func allows(start: TimeOfDay, end: TimeOfDay) -> Bool {
        switch self {
        case .at(let t): return start == t
        case .within(let w): return w.start <= start && end <= w.end
        }
    }

    /// The span a meeting of `duration` minutes may occupy.
    public func span(duration: Int) -> TimeSpan {
        switch self {
        case .at(let t): return TimeSpan(t, t.adding(minutes: duration))
        case .within(let w): return w
        }
    }

    public var description: String {
        switch self {
        case .at(let t): return t.description
        case .within(let w): return w.description
        }
    }
}

/// What a series is, for grouping, colours and default wording.
public enum SeriesKind: String, Sendable, Equatable, CaseIterable {
    case policeCouncil = "politirad"          // politiråd
    case sltMeeting = "slt"                    // SLT coordination meeting
    case policeContactPresence = "politikontakt" // politikontakt one day a week
    case coordination = "samarbeid"            // monthly multi-agency / familieforum / partners
    case prevention = "forebygging"            // school prevention calendar
    case report = "rapport"                    // report to council, activity plan
    case other = "annet"
}

/// How often a series meets. Each case is one of the rule kinds in
/// `shared/agreement-rules.md`.
public enum FrequencyRule: Sendable, Equatable {
    /// `count` meetings in each calendar quarter (politiråd: 1 → four a year).
    case perQuarter(count: Int)
    /// `count` meetings a year spread evenly; `atLeast` records that the
    /// agreement says "at least" (the plan holds exactly `count`).
    case perYear(count: Int, atLeast: Bool)
    /// Consecutive meetings `minWeeks`–`maxWeeks` apart, also across the year
    /// boundary from `previousLast` (the previous year's last meeting) when given.
    case everyWeeks(minWeeks: Int, maxWeeks: Int, previousLast: CivilDate?)
    /// One day in every ISO week, on `weekday` when one is agreed.
    case weekly(weekday: Weekday?)
    /// Once in every month except `skipMonths` (1–12).
    case monthly(skipMonths: [Int])
    /// Once a year, inside `window` when given.
    case yearly(window: MonthDayWindow?)
    /// In a school-year window, per school when `perSchool`.
    case schoolWindow(SchoolWindow, perSchool: Bool)
}

/// A recurring window of the year given as month/day bounds (inclusive).
public struct MonthDayWindow: Sendable, Equatable {
    public var fromMonth: Int, fromDay: Int, toMonth: Int, toDay: Int

    public init(fromMonth: Int, fromDay: Int, toMonth: Int, toDay: Int) {
        self.fromMonth = fromMonth
        self.fromDay = fromDay
        self.toMonth = toMonth
        self.toDay = toDay
    }

    public func range(in year: Int) -> DateRange {
        let last = min(toDay, CivilDate.daysInMonth(year: year, month: toMonth))
        return DateRange(CivilDate(year: year, month: fromMonth, day: min(fromDay, CivilDate.daysInMonth(year: year, month: fromMonth)))!,
                         CivilDate(year: year, month: toMonth, day: last)!)
    }
}

/// The school-year windows the prevention calendar ties events to.
public enum SchoolWindow: Sendable, Equatable {
    /// The first `weeks` weeks after the summer break (first parent meetings).
    case schoolStart(weeks: Int)
    /// Visits to every 7th grade (default: the autumn term, September–November).
    case grade7(MonthDayWindow?)
    /// 10th grade and the move to upper secondary (default: March–May).
    case grade10(MonthDayWindow?)
    /// The russ season (default: 20 April–16 May).
    case russSeason(MonthDayWindow?)
    /// Any named window of the year.
    case custom(name: String, MonthDayWindow)
}

/// Someone who attends `count` of a series' meetings a year, spread evenly.
public struct PartialAttendance: Sendable, Equatable {
    public var person: String
    public var count: Int

    public init(person: String, count: Int) {
        self.person = person
        self.count = count
    }
}

/// An agenda item that belongs to a meeting by its position in the year.
public struct PositionalAgendaItem: Sendable, Equatable {
    public var position: AgendaPosition
    public var item: String
    /// Months (1–12) the meeting carrying the item must fall in; empty: the
    /// position's default (`last_of_year`: November–December; the others: none).
    public var months: [Int]

    public init(position: AgendaPosition, item: String, months: [Int] = []) {
        self.position = position
        self.item = item
        self.months = months
    }

    /// The months the item pulls its meeting into; empty: no pull by month.
    public var pullMonths: [Int] {
        if !months.isEmpty { return months }
        return position == .lastOfYear ? [11, 12] : []
    }
}

public enum AgendaPosition: String, Sendable, Equatable, CaseIterable {
    case firstOfYear = "first_of_year"
    case lastOfYear = "last_of_year"
    case firstAfterMunicipalElection = "first_after_municipal_election"
}

/// What a series would like, beyond its hard rules.
public struct SeriesPreferences: Sendable, Equatable {
    /// Preferred weekdays; empty = any working day.
    public var weekdays: [Weekday]
    /// Preferred start time; nil = the start of the venue's opening hours.
    public var startTime: TimeOfDay?

    public init(weekdays: [Weekday] = [], startTime: TimeOfDay? = nil) {
        self.weekdays = weekdays
        self.startTime = startTime
    }
}

/// A task due relative to each quarter: the activity plan before the quarter
/// starts, the report after it ends (Øyer).
public struct QuarterlyDeadline: Sendable, Equatable {
    public var id: String
    public var title: String
    public var titleEnglish: String?
    public var anchor: QuarterAnchor
    /// Days before the quarter starts (`.beforeStart`) or after it ends (`.afterEnd`).
    public var days: Int
    /// Person ids.
    public var responsible: [String]
    /// Where a due day that falls on a closed day (weekend, holiday,
    /// fellesferie, blackout) goes: the last working day before it unless
    /// the agreement says after (`deadline-slip`).
    public var ifClosed: DeadlineSlip

    public init(id: String, title: String, titleEnglish: String? = nil, anchor: QuarterAnchor, days: Int, responsible: [String] = [],
                ifClosed: DeadlineSlip = .earlier) {
        self.id = id
        self.title = title
        self.titleEnglish = titleEnglish
        self.anchor = anchor
        self.days = days
        self.responsible = responsible
        self.ifClosed = ifClosed
    }

    /// The day the deadline falls on before any slip.
    public func nominalDue(quarter q: Int, of year: Int) -> CivilDate {
        let quarter = DateRange.quarter(q, of: year)
        return anchor == .beforeStart ? quarter.first.adding(days: -days) : quarter.last.adding(days: days)
    }
}

/// Which way a deadline on a closed day moves.
public enum DeadlineSlip: String, Sendable, Equatable {
    /// The last working day before: nothing is late (the default).
    case earlier
    /// The first working day after.
    case later
}

public enum QuarterAnchor: String, Sendable, Equatable {
    case beforeStart = "before_start"
    case afterEnd = "after_end"
}
