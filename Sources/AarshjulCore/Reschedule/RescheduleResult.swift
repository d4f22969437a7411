/// Why an event moved or was cancelled, in words for the change list.
public enum ChangeReason: Sendable, Equatable {
    /// A blocker now on the old date (blackout, holiday, school break, weekend).
    case blocked(LocalizedText)
    /// The venue no longer opens on the old weekday.
    case venueClosed(Weekday)
    /// People busy elsewhere at the old time: (name, what); the name in
    /// each language (an English role where the agreement gives one).
    case busy(name: LocalizedText, what: String)
    /// Another meeting with the same people now holds the old time.
    case clash(title: String)
    /// Nothing stands on the old date: a hard rule forced the change
    /// (e.g. the SLT spacing after another meeting moved).
    case rule(id: String, text: LocalizedText)
    /// Moved to the date given with `--pin`.
    case pinned
    /// The series is no longer in the agreement.
    case seriesRemoved

    public func text(_ language: PlanLanguage) -> String {
        switch self {
        case .blocked(let text): return text.text(language)
        case .venueClosed(let day):
            return LocalizedText(nb: "lokalet er stengt", nn: "lokalet er stengt", en: "the venue is closed on").text(language)
                + " " + Words.weekdayName(day, language)
        case .busy(let name, let what):
            let verb = LocalizedText(nb: "er opptatt", nn: "er oppteken", en: "is busy").text(language)
            let who = name.text(language)
            return what.isEmpty ? "\(who) \(verb)" : "\(who) \(verb) (\(what))"
        case .clash(let title):
            return LocalizedText(nb: "kolliderer med", nn: "kolliderer med", en: "clashes with").text(language) + " " + title
        case .rule(_, let text): return text.text(language)
        case .pinned: return LocalizedText(nb: "festet med --pin", nn: "festa med --pin", en: "pinned with --pin").text(language)
        case .seriesRemoved:
            return LocalizedText(nb: "møteserien er ikke lenger i avtalen", nn: "møteserien er ikkje lenger i avtalen",
                                 en: "the series is no longer in the agreement").text(language)
        }
    }
}

/// What happened to one event between the published plan and the new one.
public struct EventChange: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case kept, moved, cancelled, added
        /// Cancelled in the published plan already; carried over unchanged.
        case stillCancelled
    }

    public var kind: Kind
    public var uid: String
    public var seriesID: String
    public var title: String
    /// The published date and time (nil for an added event).
    public var from: CivilDate?
    public var fromTime: TimeSpan?
    /// The new date and time (nil for a cancelled event).
    public var to: CivilDate?
    public var toTime: TimeSpan?
    public var reason: ChangeReason?
    /// The date was taken as a person's hand edit (or `--pin`) and held.
    public var pinned: Bool

    public init(kind: Kind, uid: String, seriesID: String, title: String, from: CivilDate?, fromTime: TimeSpan?,
                to: CivilDate?, toTime: TimeSpan?, reason: ChangeReason? = nil, pinned: Bool = false) {
        self.kind = kind
        self.uid = uid
        self.seriesID = seriesID
        self.title = title
        self.from = from
        self.fromTime = fromTime
        self.to = to
        self.toTime = toTime
        self.reason = reason
        self.pinned = pinned
    }
}

/// The repaired plan and every event's fate: each published UID appears
/// exactly once (kept, moved, cancelled or still cancelled), added ones after.
public struct RescheduleResult: Sendable {
    public var plan: Plan
    /// Sorted by published (else new) date, then UID.
    public var changes: [EventChange]

    public init(plan: Plan, changes: [EventChange]) {
        self.plan = plan
        self.changes = changes
    }

    public func changes(_ kind: EventChange.Kind) -> [EventChange] { changes.filter { $0.kind == kind } }
}
