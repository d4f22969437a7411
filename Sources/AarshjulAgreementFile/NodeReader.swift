import Foundation
import Yams

/// Turns Yams nodes into text, lists and key/value blocks, failing with a
/// located `AgreementFileError`. The file is composed with Yams' *basic*
/// resolver, so every scalar arrives as the text the user typed: YAML 1.1
/// guesses (`no` → false, `08:30` → 510, `2027-01-04` → a timestamp) never
/// happen, and each value is parsed by the rules in `ValueParsers`.
struct NodeReader {
    let file: String

    func fail(_ at: Position, _ message: String) -> AgreementFileError {
        AgreementFileError(file: file, line: at.line, column: at.column, message: message)
    }

    func position(_ node: Node) -> Position {
        node.mark.map { Position(line: $0.line, column: $0.column) } ?? .start
    }

    /// An empty value (`key:`), `~` or `null`, unquoted.
    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    func describe(_ node: Node) -> String {
        switch node {
        // At most the start of one line: the file may not be an agreement at all.
        case .scalar(let s):
            let line = s.string.prefix { $0 != "\n" && $0 != "\r" }
            let shown = line.count > 40 ? line.prefix(40) + "…" : line
            return line.count < s.string.count || line.count > 40 ? "the text '\(shown)' (and more)" : "the value '\(shown)'"
        case .mapping: return "a block of keys"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// A single value, trimmed. `what` names what was expected ("a date such as 2027-03-15").
    func text(_ node: Node, expected what: String) throws(AgreementFileError) -> String {
        guard case .scalar(let s) = node else {
            throw fail(position(node), "Expected \(what), but found \(describe(node)).")
        }
        if s.string.utf8.count > AgreementLimits.maxTextLength, s.string.count > AgreementLimits.maxTextLength {
            throw fail(position(node), "This value is \(s.string.count) characters long; a value may be at most \(AgreementLimits.maxTextLength) characters (expected \(what)).")
        }
        return s.string.trimmingCharacters(in: .whitespaces)
    }

    /// A non-empty single value.
    func nonEmptyText(_ node: Node, expected what: String) throws(AgreementFileError) -> String {
        let value = try text(node, expected: what)
        if value.isEmpty || isNull(node) {
            throw fail(position(node), "The value is empty; expected \(what).")
        }
        return value
    }

    /// A list. A single value counts as a one-item list and an empty value as
    /// an empty list, so `weekdays: tue` and `agenda:` both read naturally.
    func list(_ node: Node, expected what: String) throws(AgreementFileError) -> [Node] {
        switch node {
        case .sequence(let seq):
            if seq.count > AgreementLimits.maxListItems {
                throw fail(position(node), "This list has \(seq.count) entries; a list may have at most \(AgreementLimits.maxListItems) (expected \(what)).")
            }
            return Array(seq)
        case .scalar: return isNull(node) ? [] : [node]
        case .mapping, .alias:
            throw fail(position(node), "Expected a list of \(what), but found \(describe(node)).")
        }
    }

    /// The key/value pairs of a block whose keys are data (years, weekdays).
    func pairs(_ node: Node, expected what: String) throws(AgreementFileError) -> [(key: String, keyNode: Node, value: Node)] {
        if isNull(node) { return [] }
        guard case .mapping(let map) = node else {
            throw fail(position(node), "Expected \(what), but found \(describe(node)).")
        }
        var out: [(key: String, keyNode: Node, value: Node)] = []
        for (key, value) in map {
            let name = try text(key, expected: "a key")
            out.append((name, key, value))
        }
        return out
    }

    /// A block with a fixed set of keys: unknown keys are rejected with the
    /// allowed list and the closest spelling.
    func fields(_ node: Node, of what: String, allowed: [String]) throws(AgreementFileError) -> Fields {
        guard case .mapping = node else {
            throw fail(position(node), "Expected \(what) written as keys and values (key: value), but found \(describe(node)).")
        }
        let entries = try pairs(node, expected: what)
        for entry in entries where !allowed.contains(entry.key) {
            throw fail(position(entry.keyNode),
                       "Unknown key '\(entry.key)' in \(what).\(Suggestion.didYouMean(entry.key, in: allowed)) Allowed keys: \(allowed.joined(separator: ", ")).")
        }
        return Fields(reader: self, what: what, position: position(node), entries: entries)
    }
}

/// The keys of one block, already checked against the allowed list.
struct Fields {
    let reader: NodeReader
    /// "a series", "the top level of the file" — used in messages.
    let what: String
    let position: Position
    let entries: [(key: String, keyNode: Node, value: Node)]

    func has(_ key: String) -> Bool { self[key] != nil }

    /// The value of `key`; nil when absent or empty.
    subscript(key: String) -> Node? {
        guard let node = entries.first(where: { $0.key == key })?.value, !reader.isNull(node) else { return nil }
        return node
    }

    func required(_ key: String, expected: String) throws(AgreementFileError) -> Node {
        if let node = self[key] { return node }
        if let entry = entries.first(where: { $0.key == key }) {
            throw reader.fail(reader.position(entry.value), "'\(key)' is empty; expected \(expected).")
        }
        throw reader.fail(position, "\(what.prefix(1).uppercased() + what.dropFirst()) is missing the required key '\(key)' (\(expected)).")
    }

    func requiredText(_ key: String, expected: String) throws(AgreementFileError) -> String {
        try reader.nonEmptyText(try required(key, expected: expected), expected: expected)
    }

    func optionalText(_ key: String, expected: String) throws(AgreementFileError) -> String? {
        guard let node = self[key] else { return nil }
        return try reader.nonEmptyText(node, expected: expected)
    }
}
