/// One meeting as the audit sees it: what a plan, or an .ics file read back,
/// says about it. Nothing here comes from the solver.
public struct AuditEvent: Sendable, Equatable {
    public var uid: String
    public var seriesID: String
    public var schoolID: String?
    public var date: CivilDate
    /// nil for all-day items.
    public var time: TimeSpan?
    /// Person ids.
    public var attendees: [String]

    public init(uid: String, seriesID: String, schoolID: String? = nil, date: CivilDate, time: TimeSpan?, attendees: [String]) {
        self.uid = uid
        self.seriesID = seriesID
        self.schoolID = schoolID
        self.date = date
        self.time = time
        self.attendees = attendees
    }

    public init(from event: PlannedEvent) {
        self.init(uid: event.uid, seriesID: event.seriesID, schoolID: event.schoolID, date: event.date,
                  time: event.time, attendees: event.attendees)
    }
}

/// A broken hard rule.
public struct Violation: Sendable, Equatable {
    public var ruleID: String
    /// The event that breaks it; nil when the rule is about a period (a quarter without its meeting).
    public var uid: String?
    public var explanation: LocalizedText
    /// The series and the period concerned, when the rule is about a period.
    public var seriesID: String?
    public var period: DateRange?

    public init(ruleID: String, uid: String?, explanation: LocalizedText, seriesID: String? = nil, period: DateRange? = nil) {
        self.ruleID = ruleID
        self.uid = uid
        self.explanation = explanation
        self.seriesID = seriesID
        self.period = period
    }
}

/// Checks every hard rule in `RuleCatalogue` on a finished set of events,
/// written apart from the solver so that it can catch the solver's mistakes
/// (and those of anything that reads a plan back from a file).
public enum HardRuleAudit {
    /// `busy`: the people's own busy time (their busy calendars), in the agreement's person ids.
    public static func violations(of events: [AuditEvent], agreement: Agreement, years: ClosedRange<Int>,
                                  extraBlackouts: [Blackout] = [], busy: [BusyInterval] = []) -> [Violation] {
        let calendar = MunicipalCalendar(agreement: agreement, years: years, extraBlackouts: extraBlackouts)
        var found: [Violation] = []
        for event in events {
            found += dayViolations(event, agreement: agreement, calendar: calendar)
        }
        found += doubleBookings(events, agreement: agreement)
        found += busyTime(events, busy: busy, agreement: agreement)
        for series in agreement.series {
            let mine = events.filter { $0.seriesID == series.id }
                .sorted { ($0.date, $0.time?.start.minutes ?? -1, $0.uid) < ($1.date, $1.time?.start.minutes ?? -1, $1.uid) }
            found += FrequencyAudit(series: series, events: mine, agreement: agreement, calendar: calendar, years: years).violations()
            found += partialAttendance(series, mine, agreement: agreement, years: years)
            found += PlacementAudit.positional(series, mine, agreement: agreement, calendar: calendar, years: years)
        }
        return found
    }

    /// Someone who attends only N of a series' meetings a year (BUP at 4 of 12)
    /// attends exactly that many — checked when the events say who attends at
    /// all (an event list built from the series alone leaves such people out).
    static func partialAttendance(_ series: MeetingSeries, _ events: [AuditEvent], agreement: Agreement,
                                  years: ClosedRange<Int>) -> [Violation] {
        var found: [Violation] = []
        for partial in series.partialAttendance where events.contains(where: { $0.attendees.contains(partial.person) }) {
            let name = agreement.person(partial.person)?.name ?? partial.person
            let englishName = agreement.person(partial.person)?.name(.english) ?? partial.person
            for year in years {
                for school in Set(events.map(\.schoolID)).sorted(by: { ($0 ?? "") < ($1 ?? "") }) {
                    let meetings = events.filter { $0.date.year == year && $0.schoolID == school }
                    let expected = min(partial.count, meetings.count)
                    let actual = meetings.filter { $0.attendees.contains(partial.person) }.count
                    guard actual != expected else { continue }
                    found.append(Violation(ruleID: RuleCatalogue.frequency, uid: nil, explanation: LocalizedText(
                        nb: "\(series.title) \(year): \(name) skal være med på \(expected) av møtene, men er med på \(actual).",
                        nn: "\(series.title) \(year): \(name) skal vere med på \(expected) av møta, men er med på \(actual).",
                        en: "\(series.titleEnglish ?? series.title) \(year): \(englishName) should attend \(expected) of the meetings but attends \(actual).")))
                }
            }
        }
        return found
    }

    // MARK: One event on its day

    static func dayViolations(_ event: AuditEvent, agreement: Agreement, calendar: MunicipalCalendar) -> [Violation] {
        guard let series = agreement.series.first(where: { $0.id == event.seriesID }) else {
            return [Violation(ruleID: RuleCatalogue.frequency, uid: event.uid, explanation: LocalizedText(
                nb: "\(event.uid): møteserien «\(event.seriesID)» finnes ikke i avtalen.",
                nn: "\(event.uid): møteserien «\(event.seriesID)» finst ikkje i avtalen.",
                en: "\(event.uid): the series \"\(event.seriesID)\" is not in the agreement."))]
        }
        let title = series.title
        let date = event.date
        var found: [Violation] = []
        func add(_ rule: String, _ nb: String, _ nn: String, _ en: String) {
            found.append(Violation(ruleID: rule, uid: event.uid, explanation: LocalizedText(
                nb: "\(title) \(date.norwegian): \(nb)", nn: "\(title) \(date.norwegian): \(nn)", en: "\(title) \(date.english): \(en)")))
        }
        // The per-year counts below only see the planned years: an event outside them would slip through.
        if !calendar.years.contains(date.year) {
            add(RuleCatalogue.frequency, "ligger utenfor de planlagte årene (\(calendar.years.lowerBound)–\(calendar.years.upperBound)).",
                "ligg utanfor dei planlagde åra (\(calendar.years.lowerBound)–\(calendar.years.upperBound)).",
                "falls outside the planned years (\(calendar.years.lowerBound)–\(calendar.years.upperBound)).")
        }
        if date.isWeekend {
            add(RuleCatalogue.noWeekend, "ligger på en \(Words.weekdayName(date.weekday, .bokmal)).",
                "ligg på ein \(Words.weekdayName(date.weekday, .nynorsk)).", "falls on a \(Words.weekdayName(date.weekday, .english)).")
        }
        for blocker in calendar.blockers(on: date) {
            switch blocker {
            case .weekend: break
            case .publicHoliday(let name):
                add(RuleCatalogue.noPublicHoliday, "ligger på en helligdag (\(name.bokmal)).",
                    "ligg på ein heilagdag (\(name.nynorsk)).", "falls on a public holiday (\(name.english)).")
            case .noMeetingPeriod(let name):
                add(RuleCatalogue.noMeetingPeriod, "ligger i en periode uten møter (\(name.bokmal)).",
                    "ligg i ein bolk utan møte (\(name.nynorsk)).", "falls in a no-meeting period (\(name.english)).")
            case .blackout(let reason):
                add(RuleCatalogue.blackout, "datoen er stengt (\(reason)).", "datoen er stengd (\(reason)).",
                    "the date is closed (\(reason)).")
            case .schoolHoliday(let name):
                if SeriesWindows.isSchoolOnly(series) {
                    add(RuleCatalogue.schoolHoliday, "ligger i en skoleferie (\(name.bokmal)).",
                        "ligg i ein skuleferie (\(name.nynorsk)).", "falls in a school holiday (\(name.english)).")
                }
            }
        }
        found += officeHoursViolations(event, series: series, agreement: agreement, add: add)
        return found
    }

    private static func officeHoursViolations(_ event: AuditEvent, series: MeetingSeries, agreement: Agreement,
                                              add: (String, String, String, String) -> Void) -> [Violation] {
        var venue: Venue?
        if let id = series.venue {
            guard let known = agreement.venue(id) else {
                add(RuleCatalogue.officeHours, "lokalet «\(id)» finnes ikke i avtalen.",
                    "lokalet «\(id)» finst ikkje i avtalen.", "the venue \"\(id)\" is not in the agreement.")
                return []
            }
            venue = known
        }
        let day = event.date.weekday
        guard let hours = SeriesWindows.hours(series, venue: venue, on: day) else {
            add(RuleCatalogue.officeHours, "lokalet er stengt på \(Words.weekdayName(day, .bokmal)).",
                "lokalet er stengt på \(Words.weekdayName(day, .nynorsk)).",
                "the venue is closed on \(Words.weekdayName(day, .english)).")
            return []
        }
        if let time = event.time {
            if !hours.contains(time) {
                add(RuleCatalogue.officeHours, "\(time) ligger utenfor åpningstida \(hours).",
                    "\(time) ligg utanfor opningstida \(hours).", "\(time) is outside the opening hours \(hours).")
            }
            if let stated = series.statedTime, !stated.allows(start: time.start, end: time.end) {
                add(RuleCatalogue.statedTime, "\(time), men avtalen sier \(stated).",
                    "\(time), men avtalen seier \(stated).", "\(time), but the agreement says \(stated).")
            }
        } else if !series.allDay {
            add(RuleCatalogue.officeHours, "møtet mangler klokkeslett.", "møtet manglar klokkeslett.", "the meeting has no time.")
        }
        return []
    }

    // MARK: People

    /// An event on a person's busy time: a timed meeting overlapping it, or
    /// an all-day item (a presence day) on a day with any busy time at all.
    static func busyTime(_ events: [AuditEvent], busy: [BusyInterval], agreement: Agreement) -> [Violation] {
        guard !busy.isEmpty else { return [] }
        var byKey: [String: [BusyInterval]] = [:]
        for interval in busy { byKey["\(interval.personID) \(interval.date.iso)", default: []].append(interval) }
        var found: [Violation] = []
        for event in events {
            for person in Set(event.attendees).sorted() {
                guard let list = byKey["\(person) \(event.date.iso)"] else { continue }
                let hit = list.first { interval in
                    guard let time = event.time, let other = interval.time else { return true }
                    return time.overlaps(other)
                }
                guard let hit else { continue }
                let name = agreement.person(person)?.name ?? person
                let englishName = agreement.person(person)?.name(.english) ?? person
                found.append(Violation(ruleID: RuleCatalogue.busyTime, uid: event.uid, explanation: LocalizedText(
                    nb: "\(name) er opptatt \(event.date.norwegian) (\(hit.summary)), men er satt opp på \(event.uid).",
                    nn: "\(name) er oppteken \(event.date.norwegian) (\(hit.summary)), men er sett opp på \(event.uid).",
                    en: "\(englishName) is busy on \(event.date.english) (\(hit.summary)) but is booked for \(event.uid).")))
            }
        }
        return found
    }

    static func doubleBookings(_ events: [AuditEvent], agreement: Agreement) -> [Violation] {
        // Person → events, in the order people and events are listed (deterministic).
        var byPerson: [String: [Int]] = [:]
        var personOrder: [String] = []
        for (index, event) in events.enumerated() {
            for person in Set(event.attendees).sorted() {
                if byPerson[person] == nil { personOrder.append(person) }
                byPerson[person, default: []].append(index)
            }
        }
        var found: [Violation] = []
        for person in personOrder.sorted() {
            let name = agreement.person(person)?.name ?? person
            let englishName = agreement.person(person)?.name(.english) ?? person
            let list = byPerson[person]!
            for (n, i) in list.enumerated() {
                for j in list[(n + 1)...] where events[i].date == events[j].date {
                    let a = events[i], b = events[j]
                    let clash: Bool
                    switch (a.time, b.time) {
                    case (nil, nil): clash = true
                    case let (x?, y?): clash = x.overlaps(y)
                    default: clash = false
                    }
                    guard clash else { continue }
                    found.append(Violation(ruleID: RuleCatalogue.noDoubleBooking, uid: b.uid, explanation: LocalizedText(
                        nb: "\(name) er dobbeltbooket \(a.date.norwegian): \(a.uid) og \(b.uid).",
                        nn: "\(name) er dobbeltbooka \(a.date.norwegian): \(a.uid) og \(b.uid).",
                        en: "\(englishName) is double-booked on \(a.date.english): \(a.uid) and \(b.uid).")))
                }
            }
        }
        return found
    }
}
