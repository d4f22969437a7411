import AarshjulAgreementFile
import AarshjulCore
import Foundation

/// The questions `aarshjul init` asks at a terminal for what its flags leave
/// out; without a terminal it takes the defaults and refuses to guess the
/// municipality, county or police district.
struct InitQuestions {
    let command: InitCommand
    let interactive: Bool
    var words = InitWords(language: .bokmal)

    init(command: InitCommand, interactive: Bool) {
        self.command = command
        self.interactive = interactive
    }

    mutating func choices(today: CivilDate) -> AgreementTemplate.Choices {
        let c = command
        let flagLanguage = c.language.flatMap(TemplateAnswers.language)
        if !interactive && c.municipality == nil {
            Failure.exit(InitWords(language: flagLanguage ?? .bokmal).missingFlags(["--municipality"]
                + (c.county == nil ? ["--county"] : []) + (c.policeDistrict == nil ? ["--police-district"] : [])), code: 1)
        }
        let language = flagLanguage
            ?? ask(InitWords.languageQuestion, default: "nb", TemplateAnswers.language, retry: InitWords.languageRetry)
        words = InitWords(language: language)
        let typed = (c.municipality
            ?? ask(words.municipalityQuestion, default: nil, { TemplateAnswers.isPrintableName($0) ? $0.trimmedAnswer : nil },
                   retry: words.municipalityRetry)).trimmedAnswer
        // A municipality in the register brings its county and police district
        // (offered as the defaults at a terminal); only others need them typed.
        let givenCounty = c.county.flatMap(TemplateAnswers.county)
        var known = registered(typed, county: givenCounty)
        if !interactive && known == nil {
            var missing: [String] = []
            if c.county == nil { missing.append("--county") }
            if c.policeDistrict == nil { missing.append("--police-district") }
            if !missing.isEmpty {
                let namesakes = MunicipalityRegisterFile.shipped.current(named: typed)
                if namesakes.count > 1 && c.county == nil { Failure.exit(words.ambiguous(typed, in: namesakes.map(\.county)), code: 1) }
                Failure.exit(words.missingFlags(missing), code: 1)
            }
        }
        let county = givenCounty
            ?? ask(words.countyQuestion, default: known?.county.rawValue, TemplateAnswers.county, retry: words.countyRetry)
        if known == nil { known = registered(typed, county: county) }
        let district = c.policeDistrict
            ?? ask(words.districtQuestion, default: known?.policeDistrict, { TemplateAnswers.isPrintableName($0) ? $0.trimmedAnswer : nil },
                   retry: words.districtRetry)
        let municipality = known?.name ?? typed
        let councils = c.councils
            ?? ask(words.councilQuestion, default: String(AgreementTemplate.defaultCouncilsPerYear), {
                Int($0.trimmedAnswer).flatMap { AgreementTemplate.councilsPerYearRange.contains($0) ? $0 : nil }
                    ?? (TemplateAnswers.isNone($0) ? 0 : nil)
            }, retry: words.councilRetry)
        let slt: ClosedRange<Int>?
        if let given = c.slt {
            slt = TemplateAnswers.isNone(given) ? nil : TemplateAnswers.weeks(given)
        } else {
            slt = ask(words.sltQuestion, default: "6-8", { text -> ClosedRange<Int>?? in
                TemplateAnswers.isNone(text) ? .some(nil) : TemplateAnswers.weeks(text).map { .some($0) }
            }, retry: words.sltRetry)
        }
        // nil: no such series; .some(nil): any weekday; .some(day): that day.
        let contact: Weekday??
        if let given = c.contactDay {
            contact = TemplateAnswers.isNone(given) ? Weekday??.none : Weekday??.some(TemplateAnswers.contactDay(given)!)
        } else {
            contact = ask(words.contactQuestion, default: words.anyDay, { text -> Weekday??? in
                TemplateAnswers.isNone(text) ? .some(nil) : TemplateAnswers.contactDay(text).map { .some($0) }
            }, retry: words.contactRetry)
        }
        let monthly = c.monthlyMeeting
            ?? ask(words.monthlyQuestion, default: words.no, TemplateAnswers.yesNo, retry: words.yesNoRetry)
        let prevention = c.preventionCalendar
            ?? ask(words.preventionQuestion, default: words.no, TemplateAnswers.yesNo, retry: words.yesNoRetry)
        var choices = AgreementTemplate.Choices(
            municipality: municipality, county: county,
            policeDistrict: TemplateAnswers.policeDistrict(district), language: language,
            councilsPerYear: councils, sltWeeks: slt, contactDay: contact, monthlyMeeting: monthly,
            preventionCalendar: prevention, revised: today, municipalityNumber: known?.county == county ? known?.number : nil)
        if !choices.hasSeries {
            if !interactive { Failure.exit(words.noSeries, code: 1) }
            say(words.noSeriesDefault)
            choices.councilsPerYear = AgreementTemplate.defaultCouncilsPerYear
        }
        return choices
    }

    /// The register's entry (data/kommuner.yaml) for `name`, in `county` when
    /// given; nil for a name it does not know or that several municipalities
    /// share while no county tells them apart. A former municipality, or a
    /// county other than the register's, is refused with what to write instead.
    func registered(_ name: String, county: County?) -> Municipality? {
        let register = MunicipalityRegisterFile.shipped
        switch register.find(name: name, county: county) {
        case .current(let m):
            return county == nil && register.current(named: name).count > 1 ? nil : m
        case .ceased(let gone, let successor):
            Failure.exit(words.ceased(gone.name, became: successor, on: gone.until.adding(days: 1)), code: 1)
        case .otherCounty(let m):
            Failure.exit(words.otherCounty(m, given: county!), code: 1)
        default:
            return nil
        }
    }

    func fileName(default name: String) -> String {
        guard interactive else { return name }
        return ask(words.fileQuestion, default: name, { $0.trimmedAnswer.isEmpty ? nil : $0.trimmedAnswer }, retry: words.fileRetry)
    }

    /// Asks until the answer is understood; Enter takes `default`. Only ever
    /// called at a terminal: without one every missing value has a default
    /// or was refused above.
    private func ask<T>(_ question: String, default fallback: String?, _ parse: (String) -> T?, retry: String) -> T {
        if !interactive, let fallback, let value = parse(fallback) { return value }
        while true {
            let prompt = question + (fallback.map { " [\($0)]" } ?? "") + ": "
            FileHandle.standardOutput.write(Data(prompt.utf8))
            guard let line = readLine() else {
                say("")
                Failure.exit(words.stopped, code: 1)
            }
            let answer = line.trimmedAnswer.isEmpty ? (fallback ?? "") : line
            if !answer.trimmedAnswer.isEmpty, let value = parse(answer) { return value }
            say(retry)
        }
    }

    private func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
}

extension String {
    var trimmedAnswer: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
