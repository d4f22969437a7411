import AarshjulCore
import Foundation
import Yams

/// Yams/libyaml errors as located `AgreementFileError`s in the user's terms:
/// libyaml's own wording ("mapping values are not allowed in this context",
/// "yaml_parser_set_max_nest_level()") is never shown in Norwegian, and in
/// English only for a complaint not translated here.
enum SyntaxErrors {
    static func describe(_ error: any Error, file: String, text: String) -> AgreementFileError {
        func located(_ line: Int, _ column: Int, _ words: LocalizedText) -> AgreementFileError {
            AgreementFileError(file: file, line: line, column: column, words: words)
        }
        guard let yaml = error as? YamlError else { return located(0, 0, notYAML) }
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.contains("nesting level") || problem.contains("nest_level") {
                return located(mark.line, mark.column, LocalizedText(
                    nb: "lister og blokker ligger mer enn 1000 nivåer inni hverandre her; forventet noen få nivåer (series → rule → nøkler): trolig mangler en avsluttende parentes, eller innrykket er feil",
                    nn: "lister og blokker ligg meir enn 1000 nivå inni kvarandre her; venta nokre få nivå (series → rule → nyklar): truleg manglar ein avsluttande parentes, eller innrykket er feil",
                    en: "lists and blocks are nested more than 1000 levels deep here; expected a few levels (series → rule → keys): probably a closing bracket is missing or the indentation has run away"))
            }
            // An unclosed quote is noticed at the end of the file; libyaml's
            // context marks where the quoted text began, which is what to fix.
            if let context, context.text.contains("quoted scalar") {
                let q = context.text.contains("single") ? "'" : "\""
                return located(context.mark.line, context.mark.column, LocalizedText(
                    nb: "anførselstegnet (\(q)) som begynner her, blir aldri lukket; forventet en avsluttende \(q) på slutten av verdien, på samme linje",
                    nn: "hermeteiknet (\(q)) som byrjar her, vert aldri lukka; venta ein avsluttande \(q) på slutten av verdien, på same line",
                    en: "the quote (\(q)) that starts here is never closed; expected a closing \(q) at the end of the value, on the same line"))
            }
            if let context, context.text.contains("flow") {
                let open = context.text.contains("sequence") ? "[" : "{"
                let close = open == "[" ? "]" : "}"
                return located(context.mark.line, context.mark.column, LocalizedText(
                    nb: "\(open) som begynner her, blir ikke lukket før linje \(mark.line); forventet punktene skilt med komma og en avsluttende \(close) på samme linje",
                    nn: "\(open) som byrjar her, vert ikkje lukka før line \(mark.line); venta punkta skilde med komma og ein avsluttande \(close) på same line",
                    en: "the \(open) that starts here is not closed before line \(mark.line); expected the items separated by commas and a closing \(close) on the same line"))
            }
            let character = Self.character(atLine: mark.line, column: mark.column, in: text)
            return located(mark.line, mark.column, words(for: problem, character: character))
        case .reader(_, let offset, _, _):
            let (line, column) = offset.map { lineAndColumn(ofCharacter: $0, in: text) } ?? (0, 0)
            return located(line, column, LocalizedText(
                nb: "filen inneholder noe som ikke er tekst her; forventet UTF-8-tekst (lagre filen som UTF-8)",
                nn: "fila inneheld noko som ikkje er tekst her; venta UTF-8-tekst (lagre fila som UTF-8)",
                en: "the file contains something that is not text here; expected UTF-8 text (save the file as UTF-8)"))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return located(context.mark.line, context.mark.column, LocalizedText(
                nb: "nøkkelen \(keys) står mer enn én gang i samme blokk (dette er den første); forventet hver nøkkel bare én gang, så slå dem sammen",
                nn: "nykelen \(keys) står meir enn éin gong i same blokk (dette er den første); venta kvar nykel berre éin gong, så slå dei saman",
                en: "the key \(keys) appears more than once in the same block (this is the first); expected each key once, so merge them"))
        default:
            return located(0, 0, notYAML)
        }
    }

    static let notYAML = LocalizedText(
        nb: "filen kan ikke leses som YAML; forventet en avtale- eller distriktsfil med nøkler og verdier (nøkkel: verdi)",
        nn: "fila kan ikkje lesast som YAML; venta ei avtale- eller distriktsfil med nyklar og verdiar (nykel: verdi)",
        en: "the file cannot be read as YAML; expected an agreement or district file of keys and values (key: value)")

    /// libyaml's complaint at a place, said as what is wrong there and what to write instead.
    static func words(for problem: String, character: Character?) -> LocalizedText {
        if problem.contains("mapping values are not allowed") {
            return LocalizedText(
                nb: "et ': ' her begynner en ny verdi midt i linjen; forventet samme innrykk som nøklene rundt, eller verdien i anførselstegn hvis den inneholder ': '",
                nn: "eit ': ' her byrjar ein ny verdi midt i lina; venta same innrykk som nyklane rundt, eller verdien i hermeteikn om han inneheld ': '",
                en: "a ': ' here starts a second value in the middle of the line; expected the same indentation as the keys around it, or the value in quotes if it contains ': '")
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
            return LocalizedText(
                nb: "innrykket passer ikke med blokken her; forventet at nøklene i samme blokk begynner i samme kolonne (rykk inn med mellomrom)",
                nn: "innrykket passar ikkje med blokka her; venta at nyklane i same blokk byrjar i same kolonne (rykk inn med mellomrom)",
                en: "the indentation does not fit the block here; expected the keys of one block to start in the same column (indent with spaces)")
        }
        if problem.contains("found character that cannot start any token") || problem.contains("tab") {
            if character == "\t" {
                return LocalizedText(
                    nb: "linjen er rykket inn med tabulator; forventet innrykk med mellomrom (YAML godtar ikke tabulator)",
                    nn: "lina er rykt inn med tabulator; venta innrykk med mellomrom (YAML godtek ikkje tabulator)",
                    en: "the line is indented with a tab; expected indentation with spaces (YAML takes no tabs)")
            }
            let shown = character.map { "'\($0)'" } ?? "'@' / '`'"
            return LocalizedText(
                nb: "en verdi kan ikke begynne med \(shown); forventet verdien i anførselstegn, f.eks. \"\(character.map(String.init) ?? "@")…\"",
                nn: "ein verdi kan ikkje byrje med \(shown); venta verdien i hermeteikn, t.d. \"\(character.map(String.init) ?? "@")…\"",
                en: "a value cannot start with \(shown); expected the value in quotes, e.g. \"\(character.map(String.init) ?? "@")…\"")
        }
        if problem.contains("found undefined alias") {
            return LocalizedText(
                nb: "en '*' først i en verdi viser til et '&'-anker, og det finnes ikke noe med det navnet; forventet teksten i anførselstegn når den begynner med '*'",
                nn: "ein '*' først i ein verdi viser til eit '&'-anker, og det finst ikkje noko med det namnet; venta teksten i hermeteikn når han byrjar med '*'",
                en: "a '*' at the start of a value refers to an '&' anchor, and there is none by that name; expected the text in quotes when it starts with '*'")
        }
        if problem.contains("could not find expected ':'") {
            return LocalizedText(
                nb: "en nøkkel her har ikke ':' etter seg; forventet nøkkel: verdi",
                nn: "ein nykel her har ikkje ':' etter seg; venta nykel: verdi",
                en: "a key here has no ':' after it; expected key: value")
        }
        if problem.contains("block sequence entries are not allowed") {
            return LocalizedText(
                nb: "et listepunkt ('- ') står der det skulle stått en verdi; forventet listen på linjene under nøkkelen, med innrykk",
                nn: "eit listepunkt ('- ') står der det skulle stått ein verdi; venta lista på linene under nykelen, med innrykk",
                en: "a list item ('- ') stands where a value belongs; expected the list on the lines below its key, indented")
        }
        if problem.contains("found unknown escape character") {
            return LocalizedText(
                nb: "en \\ i anførselstegn (\"…\") begynner en ukjent kode; forventet \\\\ for én skråstrek, eller verdien i enkle anførselstegn ('…')",
                nn: "ein \\ i hermeteikn (\"…\") byrjar ein ukjend kode; venta \\\\ for éin skråstrek, eller verdien i enkle hermeteikn ('…')",
                en: "a \\ inside double quotes (\"…\") starts an unknown escape; expected \\\\ for one backslash, or the value in single quotes ('…')")
        }
        if problem.contains("flow") || problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'") {
            return LocalizedText(
                nb: "en liste i [ ] eller en blokk i { } er ikke lukket her, eller et komma mangler; forventet punktene skilt med komma og den avsluttende parentesen",
                nn: "ei liste i [ ] eller ei blokk i { } er ikkje lukka her, eller eit komma manglar; venta punkta skilde med komma og den avsluttande parentesen",
                en: "a list in [ ] or a block in { } is not closed here, or a comma is missing; expected the items separated by commas and the closing bracket")
        }
        return LocalizedText(
            nb: "filen er ikke gyldig YAML her; forventet nøkler og verdier (nøkkel: verdi) med innrykk av mellomrom, og tekst med ':' eller '#' i anførselstegn",
            nn: "fila er ikkje gyldig YAML her; venta nyklar og verdiar (nykel: verdi) med innrykk av mellomrom, og tekst med ':' eller '#' i hermeteikn",
            en: "the file is not valid YAML here (\(problem)); expected keys and values (key: value) indented with spaces, and text with ':' or '#' in quotes")
    }

    /// The character at a libyaml mark (1-based line and column), if there is one.
    static func character(atLine line: Int, column: Int, in text: String) -> Character? {
        guard line >= 1, column >= 1 else { return nil }
        var current = 1
        var index = text.startIndex
        while current < line {
            guard let newline = text[index...].firstIndex(of: "\n") else { return nil }
            index = text.index(after: newline)
            current += 1
        }
        let rest = text[index...].prefix { $0 != "\n" }
        guard column <= rest.count else { return nil }
        return rest[rest.index(rest.startIndex, offsetBy: column - 1)]
    }

    static func lineAndColumn(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for (i, ch) in text.enumerated() {
            if i == offset { break }
            if ch == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
