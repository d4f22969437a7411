import AarshjulCore

/// The titles, names and comments of the agreement `aarshjul init` writes,
/// in the agreement's language. Comments say what each default is and where
/// to change it; they are written for the coordinator, not a programmer.
struct TemplateWords {
    let language: PlanLanguage
    let municipality: String

    func t(_ nb: String, _ nn: String, _ en: String) -> String {
        switch language {
        case .bokmal: return nb
        case .nynorsk: return nn
        case .english: return en
        }
    }

    func header(_ c: AgreementTemplate.Choices) -> [String] {
        [
            t("\(municipality) kommune – samarbeidsavtale med \(c.policeDistrict).",
              "\(municipality) kommune – samarbeidsavtale med \(c.policeDistrict).",
              "\(municipality) municipality – cooperation agreement with \(c.policeDistrict)."),
            t("Skrevet av `aarshjul init`: standardseriene, med våre standardvalg der avtalen",
              "Skrive av `aarshjul init`: standardseriane, med standardvala våre der avtalen",
              "Written by `aarshjul init`: the standard series, with our defaults wherever"),
            t("ikke er lest inn ennå. Hver kommentar sier hva som er et standardvalg; rett",
              "ikkje er lesen inn enno. Kvar kommentar seier kva som er eit standardval; rett",
              "the agreement has not been read in yet. Each comment says what is a default;"),
            t("det til det avtalen sier. Formatet: docs/agreement-format.md.",
              "det til det avtalen seier. Formatet: docs/agreement-format.md.",
              "change it to what the agreement says. The format: docs/agreement-format.md."),
            t("Sjekk filen:    aarshjul check \(c.id).yaml",
              "Sjekk fila:     aarshjul check \(c.id).yaml",
              "Check the file: aarshjul check \(c.id).yaml"),
            t("Lag møteplanen: aarshjul plan \(c.id).yaml --year \(c.revised.year + 1)",
              "Lag møteplanen: aarshjul plan \(c.id).yaml --year \(c.revised.year + 1)",
              "Make the plan:  aarshjul plan \(c.id).yaml --year \(c.revised.year + 1)"),
        ]
    }

    var numberNote: String {
        t("kommunenummer, fylke og politidistrikt fra kommuneregisteret (data/kommuner.yaml)",
          "kommunenummer, fylke og politidistrikt frå kommuneregisteret (data/kommuner.yaml)",
          "municipality number, county and police district from the register (data/kommuner.yaml)")
    }

    func countyNote(_ county: County) -> String {
        t("skoleferiene følger \(county.name) fylke; egen skolerute: se school_calendar i formatet",
          "skuleferiane følgjer \(county.name) fylke; eiga skulerute: sjå school_calendar i formatet",
          "school holidays follow \(county.name) county; own school calendar: see school_calendar in the format")
    }

    var revisedNote: String {
        t("datoen avtalefilen sist ble endret; sett ny dato når du endrer den",
          "datoen avtalefila sist vart endra; set ny dato når du endrar henne",
          "the date the agreement file last changed; set a new date when you change it")
    }

    func source(_ c: AgreementTemplate.Choices) -> String {
        t("Samarbeidsavtale mellom \(municipality) kommune og \(c.policeDistrict) (skriv inn dato og kilde)",
          "Samarbeidsavtale mellom \(municipality) kommune og \(c.policeDistrict) (skriv inn dato og kjelde)",
          "Cooperation agreement between \(municipality) municipality and \(c.policeDistrict) (add its date and source)")
    }

    var noMeetingNote: String {
        t("Standard: ingen møter i jula (24.–31. desember) eller i fellesferien (uke 28–31).",
          "Standard: ingen møte i jula (24.–31. desember) eller i fellesferien (veke 28–31).",
          "Default: no meetings at Christmas (24–31 December) or in fellesferie (weeks 28–31).")
    }

    var peopleNote: String {
        t("Personene er navngitt etter rolle (standard); legg til name og email når de er kjent.",
          "Personane er namngjevne etter rolle (standard); legg til name og email når dei er kjende.",
          "People are named by role (default); add name and email once they are known.")
    }

    var municipalityName: String { t("\(municipality) kommune", "\(municipality) kommune", "\(municipality) municipality") }
    var mayor: String { t("Ordfører", "Ordførar", "Mayor") }
    var chiefExecutive: String { t("Kommunedirektør", "Kommunedirektør", "Chief executive") }
    var sltCoordinator: String { t("SLT-koordinator", "SLT-koordinator", "SLT coordinator") }
    var stationChief: String { t("Politistasjonssjef", "Politistasjonssjef", "Police station chief") }
    var policeContact: String { t("Politikontakt", "Politikontakt", "Police contact officer") }
    var policeContactRole: String {
        t("Politikontakt for \(municipality) kommune", "Politikontakt for \(municipality) kommune",
          "Police contact officer for \(municipality) municipality")
    }
    var townHall: String { t("\(municipality) rådhus", "\(municipality) rådhus", "\(municipality) town hall") }

    var officeHoursNote: String {
        t("Standard: vanlig kontortid mandag–fredag 08:00–15:30; møtene legges innenfor den.",
          "Standard: vanleg kontortid måndag–fredag 08:00–15:30; møta blir lagde innanfor ho.",
          "Default: ordinary office hours Monday–Friday 08:00–15:30; meetings are placed within them.")
    }

    var defaultWord: String { t("standard", "standard", "default") }
    var noticeNote: String {
        t("standard: sakliste ut minst 7 dager før", "standard: sakliste ut minst 7 dagar før",
          "default: agenda out at least 7 days before")
    }
    var eveningNote: String { t("standard: foreldremøter er om kvelden", "standard: foreldremøte er om kvelden",
                                "default: parent meetings are in the evening") }

    var councilTitle: String { t("Politiråd", "Politiråd", "Police council") }
    func councilRuleNote(_ n: Int) -> String {
        n == 4
            ? t("Fire i året, ett hvert kvartal (standard; avtalene sier 2–4).",
                "Fire i året, eitt kvart kvartal (standard; avtalane seier 2–4).",
                "Four a year, one a quarter (default; the agreements say 2–4).")
            : t("\(n) i året, spredt jevnt over året.", "\(n) i året, spreidde jamt over året.",
                "\(n) a year, spread evenly over the year.")
    }
    var councilAgenda: [String] {
        [t("Felles situasjonsbilde", "Felles situasjonsbilete", "Shared picture of the situation"),
         t("Oppfølging av SLT-handlingsplanen", "Oppfølging av SLT-handlingsplanen", "Follow-up of the SLT action plan"),
         t("Eventuelt", "Eventuelt", "Any other business")]
    }
    var yearlyEvaluation: String {
        t("Årlig evaluering av samarbeidsavtalen", "Årleg evaluering av samarbeidsavtalen", "Yearly evaluation of the cooperation agreement")
    }

    var sltTitle: String { t("SLT-møte", "SLT-møte", "SLT coordination meeting") }
    var sltRuleNote: String {
        t("Avstanden mellom to SLT-møter i uker, også over nyttår.", "Avstanden mellom to SLT-møte i veker, òg over nyttår.",
          "Weeks between two SLT meetings, also across the New Year.")
    }

    var contactTitle: String {
        t("Politikontakten i \(municipality)", "Politikontakten i \(municipality)", "Police contact officer in \(municipality)")
    }
    var contactAnyDayNote: String {
        t("Én dag hver uke i kommunen, hvilken som helst ukedag (standard); skriv f.eks. {weekly: wed} for en fast dag.",
          "Éin dag kvar veke i kommunen, kva vekedag som helst (standard); skriv t.d. {weekly: wed} for ein fast dag.",
          "One day every week in the municipality, any weekday (default); write e.g. {weekly: wed} for a fixed day.")
    }
    var contactDayNote: String {
        t("Én fast dag hver uke i kommunen.", "Éin fast dag kvar veke i kommunen.", "One fixed day every week in the municipality.")
    }

    var monthlyTitle: String { t("Tverrfaglig samarbeidsmøte", "Tverrfagleg samarbeidsmøte", "Multi-agency meeting") }
    var monthlyRuleNote: String {
        t("Én gang i måneden, ikke i juli (fellesferie) – standard.", "Éin gong i månaden, ikkje i juli (fellesferie) – standard.",
          "Once a month, not in July (fellesferie) – default.")
    }
    var monthlyGuests: [String] {
        [t("Barneverntjenesten", "Barnevernstenesta", "Child welfare service"),
         t("Skolehelsetjenesten", "Skulehelsetenesta", "School health service"),
         t("NAV", "NAV", "NAV")]
    }
    var guestsNote: String { t("standard; rett til dem som møter", "standard; rett til dei som møter",
                               "default; change to those who attend") }

    struct Prevention { let id, title, english, rule, note: String; let schoolTerm: Bool; let time: String? }

    var preventionSeries: [Prevention] {
        [
            Prevention(id: "foreldremote_skolestart",
                       title: t("Politiet på foreldremøte ved skolestart", "Politiet på foreldremøte ved skulestart",
                                "Police at the parent meeting at the start of the school year"),
                       english: "Police at the parent meeting at the start of the school year",
                       rule: "{school_window: school_start, weeks: 4}",
                       note: t("I de fire første ukene etter sommerferien (standard).", "I dei fire første vekene etter sommarferien (standard).",
                               "In the first four weeks after the summer break (default)."),
                       schoolTerm: true, time: "18:00"),
            Prevention(id: "besok_7_trinn",
                       title: t("Politiet besøker 7. trinn", "Politiet besøkjer 7. trinn", "Police visit the 7th grade"),
                       english: "Police visit the 7th grade",
                       rule: "{school_window: grade7}",
                       note: t("I høstsemesteret (standard).", "I haustsemesteret (standard).", "In the autumn term (default)."),
                       schoolTerm: true, time: nil),
            Prevention(id: "besok_10_trinn",
                       title: t("Politiet besøker 10. trinn før overgangen til videregående",
                                "Politiet besøkjer 10. trinn før overgangen til vidaregåande",
                                "Police visit the 10th grade before upper secondary school"),
                       english: "Police visit the 10th grade before upper secondary school",
                       rule: "{school_window: grade10}",
                       note: t("Mars–mai (standard).", "Mars–mai (standard).", "March–May (default)."),
                       schoolTerm: true, time: nil),
            Prevention(id: "russetid",
                       title: t("Møte med russen i russetiden", "Møte med russen i russetida",
                                "Meeting with the russ (graduating pupils)"),
                       english: "Meeting with the russ (graduating pupils)",
                       rule: "{school_window: russ_season}",
                       note: t("I russetiden, 20. april–16. mai (standard).", "I russetida, 20. april–16. mai (standard).",
                               "In the russ season, 20 April–16 May (default)."),
                       schoolTerm: false, time: nil),
        ]
    }
}
