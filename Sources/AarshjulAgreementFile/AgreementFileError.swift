import AarshjulCore

/// A problem in an agreement or district file, located so that a person can
/// find it in a text editor. `words` say, for someone who is not a
/// programmer, what is wrong and what was expected ("…; forventet …"), in
/// bokmål, nynorsk and English: the message is printed in the plan's language.
public struct AgreementFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name or path as given to `AgreementFile.load`/`parse`.
    public var file: String
    /// 1-based; 0 when the problem concerns the whole file (e.g. it cannot be read).
    public var line: Int
    /// 1-based, counted in Unicode scalars; 0 with `line == 0`.
    public var column: Int
    /// What is wrong and what was expected, in the three plan languages.
    public var words: LocalizedText
    /// The plan language the file itself asks for (`language: nn`), when it
    /// could be read: the message's language when no `--lang` is given.
    public var language: PlanLanguage?

    public init(file: String, line: Int, column: Int, words: LocalizedText, language: PlanLanguage? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.words = words
        self.language = language
    }

    /// The English words, unlocated (logs and tests).
    public var message: String { words.english }

    /// `lillestrom.yaml:12:5: what is wrong; what was expected`, the form
    /// editors and terminals link to, in `language`.
    public func message(_ language: PlanLanguage) -> String {
        line > 0 ? "\(file):\(line):\(column): \(words.text(language))" : "\(file): \(words.text(language))"
    }

    /// In the language a run without `--lang` uses: the file's own, else bokmål.
    public func message(asked: PlanLanguage?) -> String { message(asked ?? language ?? .bokmal) }

    /// Located, in English.
    public var description: String { message(.english) }
}

/// A place in the file (Yams' `Mark` has no public initialiser, so we keep our own).
struct Position: Sendable, Equatable, Comparable {
    var line: Int
    var column: Int

    static let start = Position(line: 1, column: 1)

    static func < (lhs: Position, rhs: Position) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
