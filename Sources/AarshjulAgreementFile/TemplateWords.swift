import AarshjulCore

/// The titles, names and comments of the agreement `aarshjul init` writes,
/// in the agreement's language. Comments say what each default is and where
/// to change it; they are written for the coordinator, not a programmer.
struct TemplateWords {
    let language: PlanLanguage
    let municipality: String

    func header(_ c: AgreementTemplate.Choices) -> [String] {
        [
            language.pick(nb: "\(municipality) kommune – samarbeidsavtale med \(c.policeDistrict).",
              nn: "\(municipality) kommune – samarbeidsavtale med \(c.policeDistrict).",
              en: "\(municipality) municipality – cooperation agreement with \(policeDistrict(c.policeDistrict))."),
            language.pick(nb: "Skrevet av `aarshjul init`: standardseriene med våre standardvalg, til du har",
              nn: "Skrive av `aarshjul init`: standardseriane med standardvala våre, til du har",
              en: "Written by `aarshjul init`: the standard series with our defaults, until you"),
            language.pick(nb: "ført inn det avtalen sier. Hver kommentar sier hva som er et standardvalg;",
              nn: "ført inn det avtalen seier. Kvar kommentar seier kva som er eit standardval;",
              en: "have entered what the agreement says. Each comment says what is a default;"),
            language.pick(nb: "rett det til det avtalen sier. Formatet: docs/agreement-format.md.",
              nn: "rett det til det avtalen seier. Formatet: docs/agreement-format.md.",
              en: "change it to what the agreement says. The format: docs/agreement-format.md."),
            language.pick(nb: "Sjekk filen:    aarshjul check \(c.id).yaml",
              nn: "Sjekk fila:     aarshjul check \(c.id).yaml",
              en: "Check the file: aarshjul check \(c.id).yaml"),
            language.pick(nb: "Lag møteplanen: aarshjul plan \(c.id).yaml --year \(c.revised.year + 1)",
              nn: "Lag møteplanen: aarshjul plan \(c.id).yaml --year \(c.revised.year + 1)",
              en: "Make the plan:  aarshjul plan \(c.id).yaml --year \(c.revised.year + 1)"),
        ]
    }

    var numberNote: String {
        language.pick(nb: "kommunenummer, fylke og politidistrikt fra kommuneregisteret (data/kommuner.yaml)",
          nn: "kommunenummer, fylke og politidistrikt frå kommuneregisteret (data/kommuner.yaml)",
          en: "municipality number, county and police district from the register (data/kommuner.yaml)")
    }

    func countyNote(_ county: County) -> String {
        language.pick(nb: "skoleferiene følger \(county.name) fylke; egen skolerute: se school_calendar i formatet",
          nn: "skuleferiane følgjer \(county.name) fylke; eiga skulerute: sjå school_calendar i formatet",
          en: "school holidays follow \(county.name) county; own school calendar: see school_calendar in the format")
    }

    var revisedNote: String {
        language.pick(nb: "datoen avtalefilen sist ble endret; sett ny dato når du endrer den",
          nn: "datoen avtalefila sist vart endra; set ny dato når du endrar henne",
          en: "the date the agreement file last changed; set a new date when you change it")
    }

    func source(_ c: AgreementTemplate.Choices) -> String {
        language.pick(nb: "Samarbeidsavtale mellom \(municipality) kommune og \(c.policeDistrict) (skriv inn dato og kilde)",
          nn: "Samarbeidsavtale mellom \(municipality) kommune og \(c.policeDistrict) (skriv inn dato og kjelde)",
          en: "Cooperation agreement between \(municipality) municipality and \(policeDistrict(c.policeDistrict)) (add its date and source)")
    }

    var noMeetingNote: String {
        language.pick(nb: "Standard: ingen møter i jula (24.–31. desember) eller i fellesferien (uke 28–31).",
          nn: "Standard: ingen møte i jula (24.–31. desember) eller i fellesferien (veke 28–31).",
          en: "Default: no meetings at Christmas (24–31 December) or in fellesferie (weeks 28–31).")
    }

    var peopleNote: String {
        language.pick(nb: "Personene er navngitt etter rolle (standard); legg til name og email når de er kjent.",
          nn: "Personane er namngjevne etter rolle (standard); legg til name og email når dei er kjende.",
          en: "People are named by role (default); add name and email once they are known.")
    }

    /// The police district as this language names it: "Innlandet police
    /// district" in English for the register's "Innlandet politidistrikt".
    func policeDistrict(_ name: String) -> String {
        guard language == .english, name.hasSuffix(" politidistrikt") else { return name }
        return String(name.dropLast(" politidistrikt".count)) + " police district"
    }

    var municipalityName: String { language.pick(nb: "\(municipality) kommune", nn: "\(municipality) kommune", en: "\(municipality) municipality") }
    var mayor: String { language.pick(nb: "Ordfører", nn: "Ordførar", en: "Mayor") }
    var chiefExecutive: String { language.pick(nb: "Kommunedirektør", nn: "Kommunedirektør", en: "Chief executive") }
    var sltCoordinator: String { language.pick(nb: "SLT-koordinator", nn: "SLT-koordinator", en: "SLT coordinator") }
    var stationChief: String { language.pick(nb: "Politistasjonssjef", nn: "Politistasjonssjef", en: "Police station chief") }
    var policeContact: String { language.pick(nb: "Politikontakt", nn: "Politikontakt", en: "Police contact officer") }
    var policeContactRole: String {
        language.pick(nb: "Politikontakt for \(municipality) kommune", nn: "Politikontakt for \(municipality) kommune",
          en: "Police contact officer for \(municipality) municipality")
    }
    var townHall: String { language.pick(nb: "\(municipality) rådhus", nn: "\(municipality) rådhus", en: "\(municipality) town hall") }

    var officeHoursNote: String {
        language.pick(nb: "Standard: vanlig kontortid mandag–fredag 08:00–15:30; møtene legges innenfor kontortiden.",
          nn: "Standard: vanleg kontortid måndag–fredag 08:00–15:30; møta blir lagde innanfor kontortida.",
          en: "Default: ordinary office hours Monday–Friday 08:00–15:30; meetings are placed within them.")
    }

    var defaultWord: String { language.pick(nb: "standard", nn: "standard", en: "default") }
    var noticeNote: String {
        language.pick(nb: "standard: sakliste ut minst 7 dager før", nn: "standard: sakliste ut minst 7 dagar før",
          en: "default: agenda out at least 7 days before")
    }
    var eveningNote: String { language.pick(nb: "standard: foreldremøter er om kvelden", nn: "standard: foreldremøte er om kvelden",
                                en: "default: parent meetings are in the evening") }

    var councilTitle: String { language.pick(nb: "Politiråd", nn: "Politiråd", en: "Police council") }
    func councilRuleNote(_ n: Int) -> String {
        n == 4
            ? language.pick(nb: "Fire i året, ett i hvert kvartal (standard; avtalene sier 2–4).",
                nn: "Fire i året, eitt i kvart kvartal (standard; avtalane seier 2–4).",
                en: "Four a year, one a quarter (default; the agreements say 2–4).")
            : language.pick(nb: "\(n) i året, spredt jevnt over året.", nn: "\(n) i året, spreidde jamt over året.",
                en: "\(n) a year, spread evenly over the year.")
    }
    var councilAgenda: [String] {
        [language.pick(nb: "Felles situasjonsbilde", nn: "Felles situasjonsbilete", en: "Shared picture of the situation"),
         language.pick(nb: "Oppfølging av SLT-handlingsplanen", nn: "Oppfølging av SLT-handlingsplanen", en: "Follow-up of the SLT action plan"),
         language.pick(nb: "Eventuelt", nn: "Eventuelt", en: "Any other business")]
    }
    var yearlyEvaluation: String {
        language.pick(nb: "Årlig evaluering av samarbeidsavtalen", nn: "Årleg evaluering av samarbeidsavtalen", en: "Yearly evaluation of the cooperation agreement")
    }

    var sltTitle: String { language.pick(nb: "SLT-møte", nn: "SLT-møte", en: "SLT coordination meeting") }
    var sltRuleNote: String {
        language.pick(nb: "Avstanden mellom to SLT-møter i uker, også over nyttår.", nn: "Avstanden mellom to SLT-møte i veker, òg over nyttår.",
          en: "Weeks between two SLT meetings, also across the New Year.")
    }

    var contactTitle: String {
        language.pick(nb: "Politikontakten i \(municipality)", nn: "Politikontakten i \(municipality)", en: "Police contact officer in \(municipality)")
    }
    var contactAnyDayNote: String {
        language.pick(nb: "Én dag hver uke i kommunen, hvilken som helst ukedag (standard); skriv f.eks. {weekly: wed} for en fast dag.",
          nn: "Éin dag kvar veke i kommunen, kva vekedag som helst (standard); skriv t.d. {weekly: wed} for ein fast dag.",
          en: "One day every week in the municipality, any weekday (default); write e.g. {weekly: wed} for a fixed day.")
    }
    var contactDayNote: String {
        language.pick(nb: "Én fast dag hver uke i kommunen.", nn: "Éin fast dag kvar veke i kommunen.", en: "One fixed day every week in the municipality.")
    }

    var monthlyTitle: String { language.pick(nb: "Tverrfaglig samarbeidsmøte", nn: "Tverrfagleg samarbeidsmøte", en: "Multi-agency meeting") }
    var monthlyRuleNote: String {
        language.pick(nb: "Én gang i måneden, ikke i juli (fellesferie) – standard.", nn: "Éin gong i månaden, ikkje i juli (fellesferie) – standard.",
          en: "Once a month, not in July (fellesferie) – default.")
    }
    var monthlyGuests: [String] {
        [language.pick(nb: "Barneverntjenesten", nn: "Barnevernstenesta", en: "Child welfare service"),
         language.pick(nb: "Skolehelsetjenesten", nn: "Skulehelsetenesta", en: "School health service"),
         language.pick(nb: "NAV", nn: "NAV", en: "NAV")]
    }
    var guestsNote: String { language.pick(nb: "standard; rett til dem som møter", nn: "standard; rett til dei som møter",
                               en: "default; change to those who attend") }

    struct Prevention { let id, title, english, rule, note: String; let schoolTerm: Bool; let time: String? }

    var preventionSeries: [Prevention] {
        [
            Prevention(id: "foreldremote_skolestart",
                       title: language.pick(nb: "Politiet på foreldremøte ved skolestart", nn: "Politiet på foreldremøte ved skulestart",
                                en: "Police at the parent meeting at the start of the school year"),
                       english: "Police at the parent meeting at the start of the school year",
                       rule: "{school_window: school_start, weeks: 4}",
                       note: language.pick(nb: "I de fire første ukene etter sommerferien (standard).", nn: "I dei fire første vekene etter sommarferien (standard).",
                               en: "In the first four weeks after the summer break (default)."),
                       schoolTerm: true, time: "18:00"),
            Prevention(id: "besok_7_trinn",
                       title: language.pick(nb: "Politiet besøker 7. trinn", nn: "Politiet besøkjer 7. trinn", en: "Police visit the 7th grade"),
                       english: "Police visit the 7th grade",
                       rule: "{school_window: grade7}",
                       note: language.pick(nb: "I høstsemesteret (standard).", nn: "I haustsemesteret (standard).", en: "In the autumn term (default)."),
                       schoolTerm: true, time: nil),
            Prevention(id: "besok_10_trinn",
                       title: language.pick(nb: "Politiet besøker 10. trinn før overgangen til videregående",
                                nn: "Politiet besøkjer 10. trinn før overgangen til vidaregåande",
                                en: "Police visit the 10th grade before upper secondary school"),
                       english: "Police visit the 10th grade before upper secondary school",
                       rule: "{school_window: grade10}",
                       note: language.pick(nb: "Mars–mai (standard).", nn: "Mars–mai (standard).", en: "March–May (default)."),
                       schoolTerm: true, time: nil),
            Prevention(id: "russetid",
                       title: language.pick(nb: "Møte med russen i russetiden", nn: "Møte med russen i russetida",
                                en: "Meeting with the russ (graduating pupils)"),
                       english: "Meeting with the russ (graduating pupils)",
                       rule: "{school_window: russ_season}",
                       note: language.pick(nb: "I russetiden, 20. april–16. mai (standard).", nn: "I russetida, 20. april–16. mai (standard).",
                               en: "In the russ season, 20 April–16 May (default)."),
                       schoolTerm: false, time: nil),
        ]
    }
}
