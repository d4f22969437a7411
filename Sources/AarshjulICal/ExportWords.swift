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
    /// The name of the calendar holding everything for one municipality.
    static func wholePlan(_ language: PlanLanguage) -> String {
        LocalizedText(nb: "Årshjul", nn: "Årshjul", en: "Annual wheel").text(language)
    }

    /// "Kari Nordmann (ordfører)", or just the role where no one is named.
    static func personText(_ person: Person) -> String {
        if person.name.isEmpty { return person.role }
        // Agreements name people by role ("Ordfører" with role "Ordfører, Lillestrøm kommune"):
        // then the role says it all, and repeating the name reads badly.
        if person.role.isEmpty || person.role == person.name { return person.name }
        if person.role.lowercased().hasPrefix(person.name.lowercased()) { return person.role }
        return "\(person.name) (\(person.role))"
    }
}
