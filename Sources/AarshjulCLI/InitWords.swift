import AarshjulAgreementFile
import AarshjulCore

/// What `aarshjul init` asks and says, in the language chosen for the agreement.
struct InitWords {
    let language: PlanLanguage

    /// Asked before the language is known, so in both.
    static let languageQuestion = "Språk for avtalen / language: nb (bokmål), nn (nynorsk), en (English)"
    static let languageRetry = "Skriv nb, nn eller en. / Type nb, nn or en."

    var municipalityQuestion: String { language.pick(nb: "Kommunens navn", nn: "Namnet på kommunen", en: "The municipality's name") }
    var municipalityRetry: String { language.pick(nb: "Skriv kommunens navn på én linje.", nn: "Skriv namnet på kommunen på éi linje.", en: "Type the municipality's name on one line.") }

    var countyQuestion: String {
        language.pick(nb: "Fylke (for skoleferiene)", nn: "Fylke (for skuleferiane)", en: "County (for school holidays)")
    }
    var countyRetry: String {
        language.pick(nb: "Ukjent fylke. Skriv ett av: ", nn: "Ukjent fylke. Skriv eitt av: ", en: "Unknown county. Type one of: ")
            + County.allCases.map(\.name).joined(separator: ", ")
    }

    var districtQuestion: String { language.pick(nb: "Politidistrikt (f.eks. Innlandet)", nn: "Politidistrikt (t.d. Vest)", en: "Police district (e.g. Innlandet)") }
    var districtRetry: String { language.pick(nb: "Skriv politidistriktets navn.", nn: "Skriv namnet på politidistriktet.", en: "Type the police district's name.") }

    var councilQuestion: String {
        language.pick(nb: "Politiråd: hvor mange møter i året (0 = ingen)", nn: "Politiråd: kor mange møte i året (0 = ingen)",
          en: "Police council: meetings a year (0 = none)")
    }
    var councilRetry: String { language.pick(nb: "Skriv et tall fra 0 til 12.", nn: "Skriv eit tal frå 0 til 12.", en: "Type a number from 0 to 12.") }

    var sltQuestion: String {
        language.pick(nb: "SLT-møter: hvor mange uker mellom (f.eks. 6-8, «ingen»)", nn: "SLT-møte: kor mange veker mellom (t.d. 6-8, «ingen»)",
          en: "SLT meetings: weeks between them (e.g. 6-8, \"none\")")
    }
    var sltRetry: String {
        language.pick(nb: "Skriv uker som 6-8 eller 6 (1–26), eller «ingen».", nn: "Skriv veker som 6-8 eller 6 (1–26), eller «ingen».",
          en: "Type weeks like 6-8 or 6 (1–26), or \"none\".")
    }

    var anyDay: String { language.pick(nb: "alle", nn: "alle", en: "any") }
    var contactQuestion: String {
        language.pick(nb: "Politikontakten én dag i uka i kommunen: hvilken dag (man–fre, «alle» = hvilken som helst, «ingen»)",
          nn: "Politikontakten éin dag i veka i kommunen: kva dag (mån–fre, «alle» = kva dag som helst, «ingen»)",
          en: "Police contact officer one day a week in the municipality: which day (mon–fri, \"any\", \"none\")")
    }
    var contactRetry: String {
        language.pick(nb: "Skriv en ukedag (man, tir, ons, tor, fre), «alle» eller «ingen».",
          nn: "Skriv ein vekedag (mån, tys, ons, tor, fre), «alle» eller «ingen».",
          en: "Type a weekday (mon, tue, wed, thu, fri), \"any\" or \"none\".")
    }

    var no: String { language.pick(nb: "nei", nn: "nei", en: "no") }
    var monthlyQuestion: String {
        language.pick(nb: "Månedlig tverrfaglig samarbeidsmøte? (ja/nei)", nn: "Månadleg tverrfagleg samarbeidsmøte? (ja/nei)",
          en: "Monthly multi-agency meeting? (yes/no)")
    }
    var preventionQuestion: String {
        language.pick(nb: "Forebyggingskalender for skoleåret (skolestart, 7. og 10. trinn, russ)? (ja/nei)",
          nn: "Førebyggingskalender for skuleåret (skulestart, 7. og 10. trinn, russ)? (ja/nei)",
          en: "School-year prevention calendar (school start, 7th and 10th grade, russ)? (yes/no)")
    }
    var yesNoRetry: String { language.pick(nb: "Svar ja eller nei.", nn: "Svar ja eller nei.", en: "Answer yes or no.") }

    var fileQuestion: String { language.pick(nb: "Filnavn", nn: "Filnamn", en: "File name") }
    var fileRetry: String { language.pick(nb: "Skriv et filnavn.", nn: "Skriv eit filnamn.", en: "Type a file name.") }

    var stopped: String { language.pick(nb: "avbrutt; ingenting er skrevet.", nn: "avbrote; ingenting er skrive.", en: "stopped; nothing was written.") }
    var noSeries: String {
        language.pick(nb: "avtalen må ha minst én møteserie: ikke sett alle til «ingen».",
          nn: "avtalen må ha minst éin møteserie: ikkje set alle til «ingen».",
          en: "the agreement needs at least one meeting series: do not set them all to none.")
    }
    var noSeriesDefault: String {
        language.pick(nb: "Avtalen må ha minst én møteserie; politirådet tas med (4 i året).",
          nn: "Avtalen må ha minst éin møteserie; politirådet blir teke med (4 i året).",
          en: "The agreement needs at least one meeting series; the police council is included (4 a year).")
    }

    func missingFlags(_ flags: [String]) -> String {
        language.pick(nb: "uten terminal må init få \(flags.joined(separator: ", ")), f.eks. aarshjul init --municipality Gran --county innlandet --police-district Innlandet",
          nn: "utan terminal må init få \(flags.joined(separator: ", ")), t.d. aarshjul init --municipality Gran --county innlandet --police-district Innlandet",
          en: "without a terminal init needs \(flags.joined(separator: ", ")), e.g. aarshjul init --municipality Gran --county innlandet --police-district Innlandet")
    }

    /// A name the register knows only as a former municipality.
    func ceased(_ name: String, became successor: Municipality, on day: CivilDate) -> String {
        let date = Words.longDate(day, language)
        return language.pick(nb: "\(name) finnes ikke lenger: fra \(date) er den en del av \(successor.name) (\(successor.number), \(successor.county.name)). Skriv --municipality \(successor.name).",
                 nn: "\(name) finst ikkje lenger: frå \(date) er han ein del av \(successor.name) (\(successor.number), \(successor.county.name)). Skriv --municipality \(successor.name).",
                 en: "\(name) no longer exists: from \(date) it is part of \(successor.name) (\(successor.number), \(successor.county.name)). Write --municipality \(successor.name).")
    }

    /// The county given is not the one the register has.
    func otherCounty(_ m: Municipality, given: County) -> String {
        language.pick(nb: "\(m.name) (\(m.number)) ligger i \(m.county.name), ikke \(given.name). Skriv --county \(m.county.rawValue).",
          nn: "\(m.name) (\(m.number)) ligg i \(m.county.name), ikkje \(given.name). Skriv --county \(m.county.rawValue).",
          en: "\(m.name) (\(m.number)) is in \(m.county.name), not \(given.name). Write --county \(m.county.rawValue).")
    }

    /// Several municipalities have the name: the county tells them apart.
    func ambiguous(_ name: String, in counties: [County]) -> String {
        let list = counties.map(\.rawValue).joined(separator: ", ")
        return language.pick(nb: "Det finnes flere kommuner som heter \(name) (fylke: \(list)). Skriv --county.",
                 nn: "Det finst fleire kommunar som heiter \(name) (fylke: \(list)). Skriv --county.",
                 en: "More than one municipality is called \(name) (counties: \(list)). Give --county.")
    }

    func exists(_ path: String) -> String {
        language.pick(nb: "\(path) finnes fra før og er ikke endret. Velg et annet filnavn, eller bruk --force for å skrive over.",
          nn: "\(path) finst frå før og er ikkje endra. Vel eit anna filnamn, eller bruk --force for å skrive over.",
          en: "\(path) already exists and was left alone. Choose another file name, or use --force to overwrite it.")
    }

    func internalError(_ path: String, _ detail: String) -> String {
        language.pick(nb: "\(path) ble ikke skrevet: malen ga en fil som ikke kan leses (\(detail)). Meld gjerne fra om feilen.",
          nn: "\(path) vart ikkje skriven: malen gav ei fil som ikkje kan lesast (\(detail)). Meld gjerne frå om feilen.",
          en: "\(path) was not written: the template gave a file that cannot be read (\(detail)). Please report this.")
    }

    func written(_ path: String, _ c: AgreementTemplate.Choices) -> String {
        let year = c.revised.year + 1
        return language.pick(nb: """
            Skrev \(path). Les kommentarene og rett standardvalgene til det avtalen sier. Så:
              aarshjul check \(path)
              aarshjul plan \(path) --year \(year)
            """, nn: """
            Skreiv \(path). Les kommentarane og rett standardvala til det avtalen seier. Så:
              aarshjul check \(path)
              aarshjul plan \(path) --year \(year)
            """, en: """
            Wrote \(path). Read the comments and change the defaults to what the agreement says. Then:
              aarshjul check \(path)
              aarshjul plan \(path) --year \(year)
            """)
    }
}
