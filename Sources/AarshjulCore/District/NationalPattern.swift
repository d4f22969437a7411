/// The agreement a municipality without its own agreement file gets: the
/// national pattern the five real agreements share (see
/// `docs/district-format.md`). Every choice here is a default a district
/// file can override with `politirad_per_year`.
public enum NationalPattern {
    /// Police council meetings a year when nothing else is said (the
    /// agreements say 2–4; four is one a quarter).
    public static let defaultCouncilsPerYear = 4

    public static func agreement(id: String, municipality: String, county: County, policeDistrict: String = "",
                                 councilsPerYear: Int = defaultCouncilsPerYear, language: PlanLanguage = .bokmal,
                                 revised: CivilDate? = nil) -> Agreement {
        let people = [
            Person(id: "ordforer", name: "Ordfører", role: "Ordfører, \(municipality) kommune"),
            Person(id: "slt_koordinator", name: "SLT-koordinator", role: "SLT-koordinator, \(municipality) kommune"),
            Person(id: "politikontakt", name: "Politikontakt", role: "Politikontakt for \(municipality) kommune"),
            Person(id: "lensmann", name: "Lensmann", role: "Leder for tjenesteenheten, \(policeDistrict)"),
        ]
        let townHall = Venue(id: "radhuset", name: "\(municipality) rådhus",
                             officeHours: Dictionary(uniqueKeysWithValues: [Weekday.monday, .tuesday, .wednesday, .thursday, .friday].map {
                                 ($0, TimeSpan(TimeOfDay(minutes: 8 * 60), TimeOfDay(minutes: 15 * 60 + 30)))
                             }))
        let councilRule: FrequencyRule = councilsPerYear == 4 ? .perQuarter(count: 1) : .perYear(count: councilsPerYear, atLeast: false)
        var series = [
            MeetingSeries(id: "politirad", title: "Politiråd", titleEnglish: "Police council", kind: .policeCouncil,
                          rule: councilRule, venue: townHall.id, durationMinutes: 120, chair: "ordforer",
                          secretary: "slt_koordinator", attendees: ["lensmann", "politikontakt"],
                          agenda: ["Felles situasjonsbilde", "Oppfølging av SLT-handlingsplanen", "Eventuelt"],
                          positionalAgenda: [PositionalAgendaItem(position: .firstOfYear,
                                                                  item: "Årlig evaluering av samarbeidsavtalen")],
                          agendaNoticeDays: 7),
            MeetingSeries(id: "politikontakt_dag", title: "Politikontakten i \(municipality)",
                          titleEnglish: "Police contact officer's day in \(municipality)", kind: .policeContactPresence,
                          rule: .weekly(weekday: nil), venue: townHall.id, allDay: true, attendees: ["politikontakt"]),
            MeetingSeries(id: "slt", title: "SLT-møte", titleEnglish: "SLT coordination meeting", kind: .sltMeeting,
                          rule: .everyWeeks(minWeeks: 6, maxWeeks: 8, previousLast: nil), venue: townHall.id,
                          durationMinutes: 90, calledBy: "slt_koordinator", attendees: ["politikontakt"]),
        ]
        series[0].agendaEnglish = [
            "Felles situasjonsbilde": "Shared picture of the situation",
            "Oppfølging av SLT-handlingsplanen": "Follow-up of the SLT action plan",
            "Eventuelt": "Any other business",
            "Årlig evaluering av samarbeidsavtalen": "Yearly evaluation of the cooperation agreement",
        ]
        return Agreement(id: id, municipality: municipality, policeDistrict: policeDistrict, county: county,
                         language: language, revised: revised,
                         source: "Nasjonalt mønster (ingen egen avtalefil)", people: people, venues: [townHall],
                         series: series)
    }
}
