import AarshjulCore

/// Hand-built plans for the exporter tests (no solver involved).
enum PlanFixtures {
    static let stamp = UTCTimestamp(date: CivilDate(year: 2026, month: 11, day: 2)!,
                                    time: TimeOfDay(hour: 8, minute: 30)!, second: 15)

    static func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }
    static func span(_ h1: Int, _ m1: Int, _ h2: Int, _ m2: Int) -> TimeSpan {
        TimeSpan(TimeOfDay(hour: h1, minute: m1)!, TimeOfDay(hour: h2, minute: m2)!)
    }

    static let agreement = Agreement(
        id: "lillestrom", municipality: "Lillestrøm", policeDistrict: "Øst", county: .akershus,
        people: [
            Person(id: "mayor", name: "Kari Nordmann", role: "ordfører", email: "kari.nordmann@lillestrom.kommune.no"),
            Person(id: "police", name: "Ola Politi", role: "politistasjonssjef", email: "ola.politi@politiet.no"),
            Person(id: "slt", name: "", role: "SLT-koordinator"),
        ],
        venues: [Venue(id: "radhus", name: "Lillestrøm rådhus", address: "Jonas Lies gate 18", officeHours: [:])],
        series: [
            MeetingSeries(id: "politirad", title: "Politirådsmøte", titleEnglish: "Police council meeting",
                          kind: .policeCouncil, rule: .perQuarter(count: 1), venue: "radhus",
                          calledBy: "mayor", chair: "mayor", secretary: "slt", attendees: ["mayor", "police", "slt"],
                          agenda: ["Politiets lokale situasjonsbilde"], agendaNoticeDays: 7),
            MeetingSeries(id: "politikontakt", title: "Politikontakt i kommunen", kind: .policeContactPresence,
                          rule: .weekly(weekday: .wednesday), allDay: true),
        ],
        quarterlyDeadlines: [
            QuarterlyDeadline(id: "aktivitetsplan", title: "Aktivitetsplan for kvartalet", anchor: .beforeStart,
                              days: 14, responsible: ["slt"]),
        ]
    )

    /// Winter-time and summer-time meetings, an all-day presence day, an
    /// agenda deadline and a quarterly deadline.
    static func plan(years: ClosedRange<Int> = 2027...2027) -> Plan {
        let winter = PlannedEvent(
            uid: "lillestrom-politirad-2027-1@aarshjul", seriesID: "politirad", occurrence: 1,
            title: "Politirådsmøte", date: date(2027, 2, 10), time: span(10, 0, 12, 0),
            location: "Lillestrøm rådhus, Jonas Lies gate 18", organizer: "mayor",
            attendees: ["mayor", "police", "slt"], guests: ["Ungdomsrådet"],
            agenda: ["Politiets lokale situasjonsbilde", "Rus, vold; og ungdom, i sentrum", "Eventuelt"],
            sequence: 2, stamp: stamp)
        let summer = PlannedEvent(
            uid: "lillestrom-politirad-2027-2@aarshjul", seriesID: "politirad", occurrence: 2,
            title: "Politirådsmøte", date: date(2027, 6, 9), time: span(13, 30, 15, 0),
            location: "Lillestrøm rådhus, Jonas Lies gate 18", organizer: "mayor",
            attendees: ["mayor", "police"], agenda: ["Politiets lokale situasjonsbilde"], stamp: stamp)
        let presence = PlannedEvent(
            uid: "lillestrom-politikontakt-2027-10@aarshjul", seriesID: "politikontakt", occurrence: 10,
            title: "Politikontakt i kommunen", date: date(2027, 3, 10), time: nil, stamp: stamp)
        let agendaDeadline = PlannedDeadline(
            uid: "lillestrom-politirad-2027-2-agenda@aarshjul", sourceID: "politirad",
            title: "Send saksliste: Politirådsmøte", due: date(2027, 6, 2),
            relatedEventUID: summer.uid, responsible: ["mayor"], stamp: stamp)
        let quarterly = PlannedDeadline(
            uid: "lillestrom-aktivitetsplan-2027-3@aarshjul", sourceID: "aktivitetsplan",
            title: "Aktivitetsplan for kvartalet", due: date(2027, 6, 17), responsible: ["slt"], stamp: stamp)
        return Plan(agreement: agreement, years: years, language: .bokmal,
                    events: [winter, presence, summer], deadlines: [agendaDeadline, quarterly])
    }
}
