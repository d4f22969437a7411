import Foundation
import Yams

/// Yams/libyaml errors as located, plain-English `AgreementFileError`s.
enum SyntaxErrors {
    static func describe(_ error: any Error, file: String, text: String) -> AgreementFileError {
        func located(_ line: Int, _ column: Int, _ message: String) -> AgreementFileError {
            AgreementFileError(file: file, line: line, column: column, message: message)
        }
        guard let yaml = error as? YamlError else {
            return located(0, 0, "The file could not be read as YAML (\(error)).")
        }
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.contains("nesting level") || problem.contains("nest_level") {
                return located(mark.line, mark.column, """
                    The file nests lists and blocks more than 1000 levels deep here; an agreement nests a few levels \
                    (series → rule → keys), so a bracket or indentation has run away.
                    """)
            }
            // An unclosed quote is noticed at the end of the file; libyaml's
            // context marks where the quoted text began, which is what to fix.
            if let context, context.text.contains("quoted scalar") {
                let quote = context.text.contains("single") ? "'" : "\""
                return located(context.mark.line, context.mark.column, """
                    The quote (\(quote)) that starts here is never closed; expected a closing \(quote) \
                    at the end of the value on the same line.
                    """)
            }
            if let context, context.text.contains("flow") {
                let inside = context.text.contains("sequence") ? "[ ]" : "{ }"
                let bracket = context.text.contains("sequence") ? "[" : "{"
                return located(context.mark.line, context.mark.column, """
                    The \(bracket) that starts here is not closed where expected (at line \(mark.line)): \(problem); \
                    expected a \(inside) with items separated by commas.
                    """)
            }
            return located(mark.line, mark.column, "The file is not valid YAML here: \(problem).\(hint(for: problem))")
        case .reader(let problem, let offset, _, _):
            let (line, column) = offset.map { lineAndColumn(ofCharacter: $0, in: text) } ?? (0, 0)
            return located(line, column, "The file contains something that is not text (\(problem)); save it as UTF-8.")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return located(context.mark.line, context.mark.column,
                           "The key \(keys) appears more than once in the same block (this is the first); each key may appear once, so merge them.")
        default:
            return located(0, 0, "The file could not be read as YAML (\(yaml)).")
        }
    }

    /// Common libyaml complaints, said in terms of what to fix.
    static func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return " Either this line is indented differently from the keys around it, or a value contains ': ' and needs quotes."
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
            return " Check the indentation: keys of the same block must start in the same column."
        }
        if problem.contains("found character that cannot start any token") {
            return " Tabs cannot indent YAML, and '@' and '`' cannot start a value; indent with spaces, or quote the value."
        }
        if problem.contains("found undefined alias") {
            return " A '*' starts a reference to an '&' anchor; put quotes around text that starts with '*'."
        }
        if problem.contains("flow") || problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'") {
            return " A list in [ ] or a block in { } is not closed, or a comma is missing."
        }
        return ""
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
