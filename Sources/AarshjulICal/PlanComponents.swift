import AarshjulCore
import CLibical
import Synchronization

/// Turns planned events and deadlines into VEVENT and VTODO components.
/// A class: one export hands it to every calendar it writes, uncopied.
final class PlanComponents {
    let plan: Plan
    let options: ICalExportOptions
    let runtime: LibicalRuntime
    /// Looked up once per export, not per event: naming people
    /// (`Person.shownAs` compares words of name and role) and finding a
    /// deadline's meeting among all events were most of the export time.
    private let people: [String: PersonFacts]
    private let seriesByID: [String: MeetingSeries]
    /// What every event of a series writes alike, worked out once per series.
    private let seriesFacts: [String: SeriesFacts]
    /// Only deadlines look meetings up; public feeds have none.
    private lazy var meetingsByUID: [String: PlannedEvent] = {
        var meetings: [String: PlannedEvent] = [:]
        meetings.reserveCapacity(plan.events.count + plan.cancelledEvents.count)
        for event in plan.events where meetings[event.uid] == nil { meetings[event.uid] = event }
        for event in plan.cancelledEvents where meetings[event.uid] == nil { meetings[event.uid] = event }
        return meetings
    }()

    /// A person as the export names them.
    private struct PersonFacts {
        let person: Person
        let shownAs: String
        /// "mailto:…" and the CN of ORGANIZER/ATTENDEE, where the person has an e-mail address.
        let address: (mailto: String, name: String)?
    }

    /// A series' CATEGORIES value and the role lines of its events' descriptions.
    private struct SeriesFacts {
        let category: String
        let chair: String?
        /// Whether the series names who calls its meetings; when not, the event's organizer does.
        let namesCaller: Bool
        /// The series' caller's line, when it names one the agreement knows.
        let caller: String?
        let secretary: String?
    }

    init(plan: Plan, options: ICalExportOptions, runtime: LibicalRuntime) {
        self.plan = plan
        self.options = options
        self.runtime = runtime
        let language = options.language
        // The first of a repeated id wins, as `Agreement.person` and `first(where:)` would.
        var people: [String: PersonFacts] = [:]
        for person in plan.agreement.people where people[person.id] == nil {
            people[person.id] = PersonFacts(person: person, shownAs: person.shownAs(language),
                                            address: person.email.map { ("mailto:\($0)", person.name(language)) })
        }
        self.people = people
        var series: [String: MeetingSeries] = [:]
        var facts: [String: SeriesFacts] = [:]
        for one in plan.agreement.series where series[one.id] == nil {
            series[one.id] = one
            let shown = { (id: String?) -> String? in id.flatMap { people[$0]?.shownAs } }
            facts[one.id] = SeriesFacts(
                category: LibicalComponent.plainXValue(language == .english ? (one.titleEnglish ?? one.title) : one.title),
                chair: shown(one.chair).map { ExportWords.chair(language) + " " + $0 },
                namesCaller: one.calledBy != nil,
                caller: shown(one.calledBy).map { ExportWords.calledBy(language) + " " + $0 },
                secretary: shown(one.secretary).map { ExportWords.secretary(language) + " " + $0 })
        }
        seriesByID = series
        seriesFacts = facts
        eventTexts.reserveCapacity(plan.events.count + plan.cancelledEvents.count)
    }

    private var language: PlanLanguage { options.language }

    // Each component's text, written once per export and reused by every
    // calendar that holds it (keyed by UID, reused only for the same value).
    private var eventTexts: [String: (event: PlannedEvent, text: String)] = [:]
    private var deadlineEventTexts: [String: (deadline: PlannedDeadline, text: String)] = [:]
    private var todoTexts: [String: (deadline: PlannedDeadline, text: String)] = [:]
    private var vtimezoneTexts: [ClosedRange<Int>: String] = [:]

    /// `event(_:)` as libical writes it.
    func eventText(_ event: PlannedEvent) throws(ICalError) -> String {
        if let done = eventTexts[event.uid], done.event == event { return done.text }
        let text = try self.event(event).serialized()
        eventTexts[event.uid] = (event, text)
        return text
    }

    /// `deadlineEvent(_:)` as libical writes it.
    func deadlineEventText(_ deadline: PlannedDeadline) throws(ICalError) -> String {
        if let done = deadlineEventTexts[deadline.uid], done.deadline == deadline { return done.text }
        let text = try deadlineEvent(deadline).serialized()
        deadlineEventTexts[deadline.uid] = (deadline, text)
        return text
    }

    /// `todo(_:)` as libical writes it.
    func todoText(_ deadline: PlannedDeadline) throws(ICalError) -> String {
        if let done = todoTexts[deadline.uid], done.deadline == deadline { return done.text }
        let text = try todo(deadline).serialized()
        todoTexts[deadline.uid] = (deadline, text)
        return text
    }

    /// The Europe/Oslo VTIMEZONE for `years` as libical writes it. Truncating
    /// the zone walks its rules, so each year range is written once per
    /// process (every export of a server or a benchmark asks for the same few).
    func vtimezoneText(years: ClosedRange<Int>) throws(ICalError) -> String {
        if let done = vtimezoneTexts[years] { return done }
        let text = try Self.writtenZones.withLock { (written: inout [ClosedRange<Int>: String]) throws(ICalError) -> String in
            if let done = written[years] { return done }
            let text = try runtime.vtimezone(years: years).serialized()
            written[years] = text
            return text
        }
        vtimezoneTexts[years] = text
        return text
    }

    /// The VTIMEZONE texts written so far in this process, by year range.
    private static let writtenZones = Mutex<[ClosedRange<Int>: String]>([:])

    func series(_ id: String) -> MeetingSeries? { seriesByID[id] }

    private func person(_ id: String) -> Person? { people[id]?.person }

    /// ORGANIZER/ATTENDEE's "mailto:…" and CN for the person with `id`, if they have an e-mail address.
    private func address(_ id: String) -> (mailto: String, name: String)? { people[id]?.address }

    /// How the person with `id` is named in the export's language (`Person.shownAs`).
    private func shownAs(_ id: String) -> String? { people[id]?.shownAs }

    /// The series title in the export language (CATEGORIES, calendar names).
    func seriesTitle(_ series: MeetingSeries) -> String {
        language == .english ? (series.titleEnglish ?? series.title) : series.title
    }

    // CATEGORIES is a comma-separated list and libical 3.0.16 writes a comma
    // inside one category unescaped (it reads back as two), so category
    // texts get the same comma-free treatment as X- values.

    func event(_ event: PlannedEvent) throws(ICalError) -> LibicalComponent {
        let c = try LibicalComponent(kind: ICAL_VEVENT_COMPONENT)
        let facts = seriesFacts[event.seriesID]
        try c.add(property: icalproperty_new_uid(event.uid), what: "UID")
        try c.add(property: icalproperty_new_sequence(Int32(clamping: event.sequence)), what: "SEQUENCE")
        try c.add(property: icalproperty_new_dtstamp(runtime.utcTime(event.stamp)), what: "DTSTAMP")
        try c.add(property: icalproperty_new_lastmodified(runtime.utcTime(event.stamp)), what: "LAST-MODIFIED")
        if let span = event.time {
            // Civil fields plus an explicit TZID parameter: libical would
            // otherwise write the builtin zone's prefixed TZID.
            try c.add(property: icalproperty_new_dtstart(LibicalRuntime.wallTime(event.date, span.start)),
                      icalparameter_new_tzid(osloTZID), what: "DTSTART")
            try c.add(property: icalproperty_new_dtend(LibicalRuntime.wallTime(event.date, span.end)),
                      icalparameter_new_tzid(osloTZID), what: "DTEND")
        } else {
            try c.add(property: icalproperty_new_dtstart(LibicalRuntime.dateValue(event.date)), what: "DTSTART")
            // DTEND of a date is exclusive: the day after.
            try c.add(property: icalproperty_new_dtend(LibicalRuntime.dateValue(event.date.adding(days: 1))),
                      what: "DTEND")
        }
        try c.add(property: icalproperty_new_summary(event.title), what: "SUMMARY")
        if options.confidential, let text = description(of: event, facts: facts) {
            try c.add(property: icalproperty_new_description(text), what: "DESCRIPTION")
        }
        if let location = event.location, !location.isEmpty {
            try c.add(property: icalproperty_new_location(location), what: "LOCATION")
        }
        if let facts {
            try c.add(property: icalproperty_new_categories(facts.category), what: "CATEGORIES")
        }
        try c.add(property: icalproperty_new_status(event.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED), what: "STATUS")
        if event.isAllDay {
            // A presence day must not block the whole day in people's free/busy.
            try c.add(property: icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT), what: "TRANSP")
        }
        if options.confidential {
            if let organizer = event.organizer.flatMap(address) {
                try c.add(property: icalproperty_new_organizer(organizer.mailto), icalparameter_new_cn(organizer.name),
                          what: "ORGANIZER")
            }
            for id in event.attendees {
                guard let attendee = address(id) else { continue }
                try c.add(property: icalproperty_new_attendee(attendee.mailto), icalparameter_new_cn(attendee.name),
                          what: "ATTENDEE")
            }
            // Who attends, by agreement person id, so a plan read back can be audited
            // (double booking, BUP at 4 of 12) even where no one has an e-mail address.
            // Space-separated: libical does not escape commas in X- values.
            if !event.attendees.isEmpty { try c.addX("X-AARSHJUL-PEOPLE", event.attendees.joined(separator: " ")) }
        }
        try c.addX("X-AARSHJUL-SERIES", event.seriesID)
        if let school = event.schoolID { try c.addX("X-AARSHJUL-SCHOOL", school) }
        // The fingerprint digests attendees, agenda and organizer: a public
        // feed carrying it would tell readers which meetings someone attends.
        if options.confidential { try c.addX("X-AARSHJUL-CONTENT", event.contentFingerprint) }
        // The date this tool gave the event: a DTSTART that differs from it later
        // was moved by a person (a hand edit that a reschedule must respect).
        try c.addX("X-AARSHJUL-DATE", event.date.iso)
        return c
    }

    /// A deadline as an all-day VEVENT on its due day, free time
    /// (TRANSP:TRANSPARENT), titled with the meeting and its date ("Frist:
    /// sakliste til Politiråd 09.02."). Its UID is the deadline's, so it
    /// replaces the VTODO earlier feeds carried. Cancelled with its meeting.
    func deadlineEvent(_ deadline: PlannedDeadline) throws(ICalError) -> LibicalComponent {
        let c = try LibicalComponent(kind: ICAL_VEVENT_COMPONENT)
        let meeting = deadline.relatedEventUID.flatMap { meetingsByUID[$0] }
        // A meeting's deadline goes with the meeting: cancelled when it is cancelled or gone.
        // One no longer planned (cancelledDeadlines) is cancelled too.
        let cancelled = deadline.cancelled || deadline.relatedEventUID != nil && (meeting == nil || meeting!.cancelled)
        try c.add(property: icalproperty_new_uid(deadline.uid), what: "UID")
        try c.add(property: icalproperty_new_sequence(Int32(clamping: deadline.sequence)), what: "SEQUENCE")
        try c.add(property: icalproperty_new_dtstamp(runtime.utcTime(deadline.stamp)), what: "DTSTAMP")
        try c.add(property: icalproperty_new_lastmodified(runtime.utcTime(deadline.stamp)), what: "LAST-MODIFIED")
        try c.add(property: icalproperty_new_dtstart(LibicalRuntime.dateValue(deadline.due)), what: "DTSTART")
        try c.add(property: icalproperty_new_dtend(LibicalRuntime.dateValue(deadline.due.adding(days: 1))), what: "DTEND")
        try c.add(property: icalproperty_new_summary(deadlineTitle(deadline, meeting: meeting)), what: "SUMMARY")
        var lines: [String] = [deadline.title]
        let responsible = deadline.responsible.compactMap(shownAs)
        if !responsible.isEmpty { lines.append(ExportWords.responsible(language) + " " + responsible.joined(separator: ", ")) }
        try c.add(property: icalproperty_new_description(lines.joined(separator: "\n")), what: "DESCRIPTION")
        if let related = deadline.relatedEventUID {
            try c.add(property: icalproperty_new_relatedto(related), what: "RELATED-TO")
        }
        if let category = deadlineCategory(deadline) {
            try c.add(property: icalproperty_new_categories(LibicalComponent.plainXValue(category)), what: "CATEGORIES")
        }
        try c.add(property: icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED), what: "STATUS")
        // A reminder, not a meeting: it must not block the day in free/busy.
        try c.add(property: icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT), what: "TRANSP")
        // What the deadline belongs to, under its own name: readers that count a
        // series' meetings by X-AARSHJUL-SERIES must not count its deadlines.
        // Read back as a deadline, not a meeting (reschedule, older state folders).
        try c.addX("X-AARSHJUL-DEADLINE", deadline.sourceID)
        return c
    }

    /// "Frist: sakliste til Politiråd 09.02." ("Deadline: agenda for Police council 9 Feb") for a
    /// meeting's agenda; "Frist: <title>" otherwise.
    func deadlineTitle(_ deadline: PlannedDeadline, meeting: PlannedEvent?) -> String {
        let prefix = LocalizedText(nb: "Frist", nn: "Frist", en: "Deadline").text(language)
        guard let meeting else { return "\(prefix): \(deadline.title)" }
        let name = series(meeting.seriesID).map(seriesTitle) ?? meeting.title
        // One date style per language: "09.02." in Norwegian, "9 Feb" in English.
        let day = Words.shortDate(meeting.date, language)
        let what = LocalizedText(nb: "sakliste til", nn: "sakliste til", en: "agenda for").text(language)
        return "\(prefix): \(what) \(name) \(day)"
    }

    func todo(_ deadline: PlannedDeadline) throws(ICalError) -> LibicalComponent {
        let c = try LibicalComponent(kind: ICAL_VTODO_COMPONENT)
        try c.add(property: icalproperty_new_uid(deadline.uid), what: "UID")
        try c.add(property: icalproperty_new_sequence(Int32(clamping: deadline.sequence)), what: "SEQUENCE")
        try c.add(property: icalproperty_new_dtstamp(runtime.utcTime(deadline.stamp)), what: "DTSTAMP")
        try c.add(property: icalproperty_new_lastmodified(runtime.utcTime(deadline.stamp)), what: "LAST-MODIFIED")
        try c.add(property: icalproperty_new_due(LibicalRuntime.dateValue(deadline.due)), what: "DUE")
        try c.add(property: icalproperty_new_summary(deadline.title), what: "SUMMARY")
        if deadline.cancelled {
            try c.add(property: icalproperty_new_status(ICAL_STATUS_CANCELLED), what: "STATUS")
        }
        let responsible = deadline.responsible.compactMap(shownAs)
        if !responsible.isEmpty {
            let heading = responsible.count == 1 ? ExportWords.responsible(language) : ExportWords.responsiblePlural(language)
            let text = ExportWords.peopleBlock(heading, responsible)
            try c.add(property: icalproperty_new_description(text), what: "DESCRIPTION")
        }
        if let related = deadline.relatedEventUID {
            try c.add(property: icalproperty_new_relatedto(related), what: "RELATED-TO")
        }
        if let category = deadlineCategory(deadline) {
            try c.add(property: icalproperty_new_categories(LibicalComponent.plainXValue(category)), what: "CATEGORIES")
        }
        try c.addX("X-AARSHJUL-SERIES", deadline.sourceID)
        return c
    }

    private func deadlineCategory(_ deadline: PlannedDeadline) -> String? {
        if let series = series(deadline.sourceID) { return seriesTitle(series) }
        if let quarterly = plan.agreement.quarterlyDeadlines.first(where: { $0.id == deadline.sourceID }) {
            return language == .english ? (quarterly.titleEnglish ?? quarterly.title) : quarterly.title
        }
        return nil
    }

    /// The agenda as a numbered list, then guests, then who chairs and calls
    /// the meeting and who attends, in words. nil when there is nothing to say.
    func description(of event: PlannedEvent) -> String? {
        description(of: event, facts: seriesFacts[event.seriesID])
    }

    /// As above, with the event's series facts looked up already. Written
    /// into one string: blocks apart by a blank line, lines by a line break.
    private func description(of event: PlannedEvent, facts: SeriesFacts?) -> String? {
        var text = ""
        var lineStart = true  // nothing written yet in the current block
        func block() {
            if !text.isEmpty { text += "\n\n" }
            lineStart = true
        }
        func line(_ words: String) {
            if !lineStart { text += "\n" }
            text += words
            lineStart = false
        }
        if !event.agenda.isEmpty {
            block()
            line(ExportWords.agendaHeading(language, allDay: event.isAllDay))
            for (index, item) in event.agenda.enumerated() {
                text += "\n"
                text += String(index + 1)
                text += ". "
                text += item
            }
        }
        if !event.guests.isEmpty {
            block()
            line(ExportWords.guests(language))
            for guest in event.guests { text += "\n- "; text += guest }
        }
        // Roles: chair, caller, secretary, attendees (one per line: roles often contain commas themselves).
        let chair = facts?.chair
        let caller: String?
        if let facts, facts.namesCaller {
            caller = facts.caller
        } else {
            caller = event.organizer.flatMap(shownAs).map { ExportWords.calledBy(language) + " " + $0 }
        }
        let secretary = facts?.secretary
        var attendees: [String] = []
        for id in event.attendees { if let shown = shownAs(id) { attendees.append(shown) } }
        if chair != nil || caller != nil || secretary != nil || !attendees.isEmpty {
            block()
            if let chair { line(chair) }
            if let caller { line(caller) }
            if let secretary { line(secretary) }
            if !attendees.isEmpty {
                line(ExportWords.attendees(language))
                for attendee in attendees { text += "\n- "; text += attendee }
            }
        }
        return text.isEmpty ? nil : text
    }
}
