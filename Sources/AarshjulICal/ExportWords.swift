import AarshjulCore

/// The few words the exporter writes into calendars, per plan language.
enum ExportWords {
    /// A meeting has an agenda; a whole day's presence (the police contact in
    /// the municipality) has activities.
    static func agendaHeading(_ language: PlanLanguage, allDay: Bool = false) -> String {
        allDay ? LocalizedText(nb: "Aktiviteter:", nn: "Aktivitetar:", en: "Activities:").text(language)
            : LocalizedText(nb: "Sakliste:", nn: "Sakliste:", en: "Agenda:").text(language)
    }
    static func guests(_ language: PlanLanguage) -> String {
        LocalizedText(nb: "Også invitert:", nn: "Òg invitert:", en: "Also invited:").text(language)
    }
    static func chair(_ language: PlanLanguage) -> String {
        LocalizedText(nb: "Møteleder:", nn: "Møteleiar:", en: "Chair:").text(language)
    }
    static func calledBy(_ language: PlanLanguage) -> String {
        LocalizedText(nb: "Innkaller:", nn: "Innkallar:", en: "Convened by:").text(language)
    }
    static func secretary(_ language: PlanLanguage) -> String {
        LocalizedText(nb: "Referent:", nn: "Referent:", en: "Minute-taker:").text(language)
    }
    static func attendees(_ language: PlanLanguage) -> String {
        LocalizedText(nb: "Deltakere:", nn: "Deltakarar:", en: "Attendees:").text(language)
    }
    static func responsible(_ language: PlanLanguage) -> String {
        LocalizedText(nb: "Ansvarlig:", nn: "Ansvarleg:", en: "Responsible:").text(language)
    }
    static func responsiblePlural(_ language: PlanLanguage) -> String {
        LocalizedText(nb: "Ansvarlige:", nn: "Ansvarlege:", en: "Responsible:").text(language)
    }
    /// The name of the calendar holding everything for one municipality.
    static func wholePlan(_ language: PlanLanguage) -> String {
        LocalizedText(nb: "Årshjul", nn: "Årshjul", en: "Annual wheel").text(language)
    }

    /// People as a list that reads as one: each on its own line after the
    /// heading when there are several ("Ansvarlig:\n- SLT-koordinator, Øyer
    /// kommune\n- Politikontakt …"), on the heading's line when one — roles
    /// carry commas of their own, so commas cannot separate people.
    static func peopleBlock(_ heading: String, _ people: [String]) -> String {
        people.count == 1 ? heading + " " + people[0] : ([heading] + people.map { "- " + $0 }).joined(separator: "\n")
    }
}
