/// A problem in an agreement file, located so that a person can find it in a
/// text editor. `message` is plain English for someone who is not a
/// programmer: what was found and what was expected.
public struct AgreementFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name or path as given to `AgreementFile.load`/`parse`.
    public var file: String
    /// 1-based; 0 when the problem concerns the whole file (e.g. it cannot be read).
    public var line: Int
    /// 1-based, counted in Unicode scalars; 0 with `line == 0`.
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `lillestrom.yaml:12:5: message`, the form editors and terminals link to.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }
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
