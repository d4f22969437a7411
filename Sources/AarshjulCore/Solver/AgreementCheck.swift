/// The checks that make an agreement plannable at all: every id it refers to
/// exists and every rule has sensible numbers. Problems are plain sentences.
enum AgreementCheck {
    static func problems(_ agreement: Agreement, years: ClosedRange<Int>, language: PlanLanguage) -> [String] {
        var out: [String] = []
        func say(_ nb: String, _ nn: String, _ en: String) {
            out.append(LocalizedText(nb: nb, nn: nn, en: en).text(language))
        }
        if agreement.id.isEmpty { say("Avtalen mangler id.", "Avtalen manglar id.", "The agreement has no id.") }
        var seen = Set<String>()
        for series in agreement.series {
            let s = "«\(series.id)»"
            if !seen.insert(series.id).inserted {
                say("Møteserien \(s) står to ganger.", "Møteserien \(s) står to gonger.", "The series \(s) is listed twice.")
            }
            if let venue = series.venue, agreement.venue(venue) == nil {
                say("Møteserien \(s) viser til lokalet «\(venue)», som ikke finnes i avtalen.",
                    "Møteserien \(s) viser til lokalet «\(venue)», som ikkje finst i avtalen.",
                    "The series \(s) refers to the venue \"\(venue)\", which is not in the agreement.")
            }
            let people = [series.calledBy, series.chair, series.secretary].compactMap { $0 } + series.attendees
                + series.partialAttendance.map(\.person)
            for person in people where agreement.person(person) == nil {
                say("Møteserien \(s) viser til personen «\(person)», som ikke finnes i avtalen.",
                    "Møteserien \(s) viser til personen «\(person)», som ikkje finst i avtalen.",
                    "The series \(s) refers to the person \"\(person)\", who is not in the agreement.")
            }
            if !series.allDay && !(1...(24 * 60)).contains(series.durationMinutes) {
                say("Møteserien \(s) har ugyldig varighet (\(series.durationMinutes) min).",
                    "Møteserien \(s) har ugyldig lengd (\(series.durationMinutes) min).",
                    "The series \(s) has an invalid duration (\(series.durationMinutes) min).")
            }
            if let notice = series.agendaNoticeDays, !(0...180).contains(notice) {
                say("Møteserien \(s) har ugyldig varselfrist (\(notice) dager).",
                    "Møteserien \(s) har ugyldig varslingsfrist (\(notice) dagar).",
                    "The series \(s) has an invalid notice period (\(notice) days).")
            }
            if let bad = ruleProblem(series.rule) {
                say("Møteserien \(s): \(bad.bokmal)", "Møteserien \(s): \(bad.nynorsk)", "The series \(s): \(bad.english)")
            }
        }
        for deadline in agreement.quarterlyDeadlines {
            for person in deadline.responsible where agreement.person(person) == nil {
                say("Fristen «\(deadline.id)» viser til personen «\(person)», som ikke finnes i avtalen.",
                    "Fristen «\(deadline.id)» viser til personen «\(person)», som ikkje finst i avtalen.",
                    "The deadline \"\(deadline.id)\" refers to the person \"\(person)\", who is not in the agreement.")
            }
            if !(0...92).contains(deadline.days) {
                say("Fristen «\(deadline.id)» har ugyldig antall dager (\(deadline.days)).",
                    "Fristen «\(deadline.id)» har ugyldig tal på dagar (\(deadline.days)).",
                    "The deadline \"\(deadline.id)\" has an invalid number of days (\(deadline.days)).")
            }
        }
        if years.lowerBound < 1950 || years.upperBound > 2200 {
            say("Årene \(years.lowerBound)–\(years.upperBound) ligger utenfor det planleggeren kan.",
                "Åra \(years.lowerBound)–\(years.upperBound) ligg utanfor det planleggjaren kan.",
                "The years \(years.lowerBound)–\(years.upperBound) are outside what the planner handles.")
        }
        return out
    }

    private static func ruleProblem(_ rule: FrequencyRule) -> LocalizedText? {
        switch rule {
        case .perQuarter(let n) where !(1...31).contains(n):
            return LocalizedText(nb: "antall møter per kvartal må være 1–31 (er \(n)).", nn: "talet på møte per kvartal må vere 1–31 (er \(n)).",
                                 en: "meetings per quarter must be 1–31 (is \(n)).")
        case .perYear(let n, _) where !(1...120).contains(n):
            return LocalizedText(nb: "antall møter per år må være 1–120 (er \(n)).", nn: "talet på møte per år må vere 1–120 (er \(n)).",
                                 en: "meetings per year must be 1–120 (is \(n)).")
        case .everyWeeks(let a, let b, _) where a < 1 || b < a || b > 52:
            return LocalizedText(nb: "«hver \(a)–\(b). uke» må ha 1 ≤ \(a) ≤ \(b) ≤ 52.", nn: "«kvar \(a)–\(b). veke» må ha 1 ≤ \(a) ≤ \(b) ≤ 52.",
                                 en: "\"every \(a)–\(b) weeks\" needs 1 ≤ \(a) ≤ \(b) ≤ 52.")
        case .monthly(let skip) where skip.contains(where: { !(1...12).contains($0) }) || Set(skip).count == 12:
            return LocalizedText(nb: "månedene som hoppes over må være 1–12, og ikke alle.", nn: "månadene som vert hoppa over må vere 1–12, og ikkje alle.",
                                 en: "skipped months must be 1–12, and not all of them.")
        case .schoolWindow(.schoolStart(let weeks), _) where !(1...20).contains(weeks):
            return LocalizedText(nb: "skolestartvinduet må være 1–20 uker.", nn: "skulestartvindauget må vere 1–20 veker.",
                                 en: "the school-start window must be 1–20 weeks.")
        default:
            return nil
        }
    }
}
