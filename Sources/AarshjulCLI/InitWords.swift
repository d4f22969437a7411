import AarshjulAgreementFile
import AarshjulCore

/// What `aarshjul init` asks and says, in the language chosen for the agreement.
struct InitWords {
    let language: PlanLanguage

    func t(_ nb: String, _ nn: String, _ en: String) -> String {
        switch language {
        case .bokmal: return nb
        case .nynorsk: return nn
        case .english: return en
        }
    }

    /// Asked before the language is known, so in both.
    static let languageQuestion = "Språk for avtalen / language: nb (bokmål), nn (nynorsk), en (English)"
    static let languageRetry = "Skriv nb, nn eller en. / Type nb, nn or en."

    var municipalityQuestion: String { t("Kommunens navn", "Namnet på kommunen", "The municipality's name") }
    var municipalityRetry: String { t("Skriv kommunens navn på én linje.", "Skriv namnet på kommunen på éi linje.", "Type the municipality's name on one line.") }

    var countyQuestion: String {
        t("Fylke (for skoleferiene)", "Fylke (for skuleferiane)", "County (for school holidays)")
    }
    var countyRetry: String {
        t("Ukjent fylke. Skriv ett av: ", "Ukjent fylke. Skriv eitt av: ", "Unknown county. Type one of: ")
            + County.allCases.map(\.name).joined(separator: ", ")
    }

    var districtQuestion: String { t("Politidistrikt (f.eks. Innlandet)", "Politidistrikt (t.d. Vest)", "Police district (e.g. Innlandet)") }
    var districtRetry: String { t("Skriv politidistriktets navn.", "Skriv namnet på politidistriktet.", "Type the police district's name.") }

    var councilQuestion: String {
        t("Politiråd: hvor mange møter i året (0 = ingen)", "Politiråd: kor mange møte i året (0 = ingen)",
          "Police council: meetings a year (0 = none)")
    }
    var councilRetry: String { t("Skriv et tall fra 0 til 12.", "Skriv eit tal frå 0 til 12.", "Type a number from 0 to 12.") }

    var sltQuestion: String {
        t("SLT-møter: hvor mange uker mellom (f.eks. 6-8, «ingen»)", "SLT-møte: kor mange veker mellom (t.d. 6-8, «ingen»)",
          "SLT meetings: weeks between them (e.g. 6-8, \"none\")")
    }
    var sltRetry: String {
        t("Skriv uker som 6-8 eller 6 (1–26), eller «ingen».", "Skriv veker som 6-8 eller 6 (1–26), eller «ingen».",
          "Type weeks like 6-8 or 6 (1–26), or \"none\".")
    }

    var anyDay: String { t("alle", "alle", "any") }
    var contactQuestion: String {
        t("Politikontakten én dag i uka i kommunen: hvilken dag (man–fre, «alle» = hvilken som helst, «ingen»)",
          "Politikontakten éin dag i veka i kommunen: kva dag (mån–fre, «alle» = kva dag som helst, «ingen»)",
          "Police contact officer one day a week in the municipality: which day (mon–fri, \"any\", \"none\")")
    }
    var contactRetry: String {
        t("Skriv en ukedag (man, tir, ons, tor, fre), «alle» eller «ingen».",
          "Skriv ein vekedag (mån, tys, ons, tor, fre), «alle» eller «ingen».",
          "Type a weekday (mon, tue, wed, thu, fri), \"any\" or \"none\".")
    }

    var no: String { t("nei", "nei", "no") }
    var monthlyQuestion: String {
        t("Månedlig tverrfaglig samarbeidsmøte? (ja/nei)", "Månadleg tverrfagleg samarbeidsmøte? (ja/nei)",
          "Monthly multi-agency meeting? (yes/no)")
    }
    var preventionQuestion: String {
        t("Forebyggingskalender for skoleåret (skolestart, 7. og 10. trinn, russ)? (ja/nei)",
          "Førebyggingskalender for skuleåret (skulestart, 7. og 10. trinn, russ)? (ja/nei)",
          "School-year prevention calendar (school start, 7th and 10th grade, russ)? (yes/no)")
    }
    var yesNoRetry: String { t("Svar ja eller nei.", "Svar ja eller nei.", "Answer yes or no.") }

    var fileQuestion: String { t("Filnavn", "Filnamn", "File name") }
    var fileRetry: String { t("Skriv et filnavn.", "Skriv eit filnamn.", "Type a file name.") }

    var stopped: String { t("avbrutt; ingenting er skrevet.", "avbrote; ingenting er skrive.", "stopped; nothing was written.") }
    var noSeries: String {
        t("avtalen må ha minst én møteserie: ikke sett alle til «ingen».",
          "avtalen må ha minst éi møteserie: ikkje set alle til «ingen».",
          "the agreement needs at least one meeting series: do not set them all to none.")
    }
    var noSeriesDefault: String {
        t("Avtalen må ha minst én møteserie; politirådet tas med (4 i året).",
          "Avtalen må ha minst éi møteserie; politirådet blir teke med (4 i året).",
          "The agreement needs at least one meeting series; the police council is included (4 a year).")
    }

    func missingFlags(_ flags: [String]) -> String {
        t("uten terminal må init få \(flags.joined(separator: ", ")), f.eks. aarshjul init --municipality Gran --county innlandet --police-district Innlandet",
          "utan terminal må init få \(flags.joined(separator: ", ")), t.d. aarshjul init --municipality Gran --county innlandet --police-district Innlandet",
          "without a terminal init needs \(flags.joined(separator: ", ")), e.g. aarshjul init --municipality Gran --county innlandet --police-district Innlandet")
    }

    /// A name the register knows only as a former municipality.
    func ceased(_ name: String, became successor: Municipality, on day: CivilDate) -> String {
        let date = Words.longDate(day, language)
        return t("\(name) finnes ikke lenger: fra \(date) er den en del av \(successor.name) (\(successor.number), \(successor.county.name)). Skriv --municipality \(successor.name).",
                 "\(name) finst ikkje lenger: frå \(date) er han ein del av \(successor.name) (\(successor.number), \(successor.county.name)). Skriv --municipality \(successor.name).",
                 "\(name) no longer exists: from \(date) it is part of \(successor.name) (\(successor.number), \(successor.county.name)). Write --municipality \(successor.name).")
    }

    /// The county given is not the one the register has.
    func otherCounty(_ m: Municipality, given: County) -> String {
        t("\(m.name) (\(m.number)) ligger i \(m.county.name), ikke \(given.name). Skriv --county \(m.county.rawValue).",
          "\(m.name) (\(m.number)) ligg i \(m.county.name), ikkje \(given.name). Skriv --county \(m.county.rawValue).",
          "\(m.name) (\(m.number)) is in \(m.county.name), not \(given.name). Write --county \(m.county.rawValue).")
    }

    /// Several municipalities have the name: the county tells them apart.
    func ambiguous(_ name: String, in counties: [County]) -> String {
        let list = counties.map(\.rawValue).joined(separator: ", ")
        return t("Det finnes flere kommuner som heter \(name) (fylke: \(list)). Skriv --county.",
                 "Det finst fleire kommunar som heiter \(name) (fylke: \(list)). Skriv --county.",
                 "More than one municipality is called \(name) (counties: \(list)). Give --county.")
    }

    func exists(_ path: String) -> String {
        t("\(path) finnes fra før og er ikke endret. Velg et annet filnavn, eller bruk --force for å skrive over.",
          "\(path) finst frå før og er ikkje endra. Vel eit anna filnamn, eller bruk --force for å skrive over.",
          "\(path) already exists and was left alone. Choose another file name, or use --force to overwrite it.")
    }

    func internalError(_ path: String, _ detail: String) -> String {
        t("\(path) ble ikke skrevet: malen ga en fil som ikke kan leses (\(detail)). Meld gjerne fra om feilen.",
          "\(path) vart ikkje skriven: malen gav ei fil som ikkje kan lesast (\(detail)). Meld gjerne frå om feilen.",
          "\(path) was not written: the template gave a file that cannot be read (\(detail)). Please report this.")
    }

    func written(_ path: String, _ c: AgreementTemplate.Choices) -> String {
        let year = c.revised.year + 1
        return t("""
            Skrev \(path). Les kommentarene og rett standardvalgene til det avtalen sier. Så:
              aarshjul check \(path)
              aarshjul plan \(path) --year \(year)
            """, """
            Skreiv \(path). Les kommentarane og rett standardvala til det avtalen seier. Så:
              aarshjul check \(path)
              aarshjul plan \(path) --year \(year)
            """, """
            Wrote \(path). Read the comments and change the defaults to what the agreement says. Then:
              aarshjul check \(path)
              aarshjul plan \(path) --year \(year)
            """)
    }
}
