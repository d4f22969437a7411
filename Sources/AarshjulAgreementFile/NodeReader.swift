import AarshjulCore
import Foundation
import Yams

/// Turns Yams nodes into text, lists and key/value blocks, failing with a
/// located `AgreementFileError`. The file is composed with Yams' *basic*
/// resolver, so every scalar arrives as the text the user typed: YAML 1.1
/// guesses (`no` → false, `08:30` → 510, `2027-01-04` → a timestamp) never
/// happen, and each value is parsed by the rules in `ValueParsers`.
struct NodeReader {
    let file: String

    func fail(_ at: Position, _ words: LocalizedText) -> AgreementFileError {
        AgreementFileError(file: file, line: at.line, column: at.column, words: words)
    }

    func position(_ node: Node) -> Position {
        node.mark.map { Position(line: $0.line, column: $0.column) } ?? .start
    }

    /// An empty value (`key:`), `~` or `null`, unquoted.
    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    func describe(_ node: Node) -> LocalizedText {
        switch node {
        // At most the start of one line: the file may not be an agreement at all.
        case .scalar(let s):
            let line = s.string.prefix { $0 != "\n" && $0 != "\r" }
            let shown = line.count > 40 ? line.prefix(40) + "…" : line
            if line.count < s.string.count || line.count > 40 {
                return LocalizedText(nb: "teksten '\(shown)' (og mer)", nn: "teksten '\(shown)' (og meir)", en: "the text '\(shown)' (and more)")
            }
            return LocalizedText(nb: "verdien '\(shown)'", nn: "verdien '\(shown)'", en: "the value '\(shown)'")
        case .mapping: return LocalizedText(nb: "en blokk med nøkler", nn: "ei blokk med nyklar", en: "a block of keys")
        case .sequence: return LocalizedText(nb: "en liste", nn: "ei liste", en: "a list")
        case .alias: return LocalizedText(nb: "et alias", nn: "eit alias", en: "an alias")
        }
    }

    /// A single value, trimmed. `what` names what was expected ("a date such as 2027-03-15").
    func text(_ node: Node, expected what: LocalizedText) throws(AgreementFileError) -> String {
        guard case .scalar(let s) = node else {
            let found = describe(node)
            throw fail(position(node), LocalizedText(
                nb: "her står \(found.bokmal), ikke én verdi; forventet \(what.bokmal)",
                nn: "her står \(found.nynorsk), ikkje éin verdi; venta \(what.nynorsk)",
                en: "this is \(found.english), not a single value; expected \(what.english)"))
        }
        if s.string.utf8.count > AgreementLimits.maxTextLength, s.string.count > AgreementLimits.maxTextLength {
            let n = s.string.count, limit = AgreementLimits.maxTextLength
            throw fail(position(node), LocalizedText(
                nb: "verdien er \(n) tegn lang, mer enn grensen på \(limit) tegn; forventet høyst \(limit) tegn (\(what.bokmal))",
                nn: "verdien er \(n) teikn lang, meir enn grensa på \(limit) teikn; venta høgst \(limit) teikn (\(what.nynorsk))",
                en: "this value is \(n) characters long, more than the limit of \(limit) characters; expected at most \(limit) (\(what.english))"))
        }
        return s.string.trimmingCharacters(in: .whitespaces)
    }

    /// A non-empty single value.
    func nonEmptyText(_ node: Node, expected what: LocalizedText) throws(AgreementFileError) -> String {
        let value = try text(node, expected: what)
        if value.isEmpty || isNull(node) {
            throw fail(position(node), LocalizedText(nb: "verdien er tom; forventet \(what.bokmal)",
                                                     nn: "verdien er tom; venta \(what.nynorsk)",
                                                     en: "the value is empty; expected \(what.english)"))
        }
        return value
    }

    /// A list. A single value counts as a one-item list and an empty value as
    /// an empty list, so `weekdays: tue` and `agenda:` both read naturally.
    /// `what` names the items, in the plural ("people").
    func list(_ node: Node, expected what: LocalizedText) throws(AgreementFileError) -> [Node] {
        switch node {
        case .sequence(let seq):
            if seq.count > AgreementLimits.maxListItems {
                let n = seq.count, limit = AgreementLimits.maxListItems
                throw fail(position(node), LocalizedText(
                    nb: "listen har \(n) punkter, mer enn grensen på \(limit); forventet høyst \(limit) \(what.bokmal)",
                    nn: "lista har \(n) punkt, meir enn grensa på \(limit); venta høgst \(limit) \(what.nynorsk)",
                    en: "this list has \(n) entries, more than the limit of \(limit); expected at most \(limit) \(what.english)"))
            }
            return Array(seq)
        case .scalar: return isNull(node) ? [] : [node]
        case .mapping, .alias:
            let found = describe(node)
            throw fail(position(node), LocalizedText(
                nb: "her står \(found.bokmal), ikke en liste; forventet en liste med \(what.bokmal), som [a, b] eller linjer som begynner med '- '",
                nn: "her står \(found.nynorsk), ikkje ei liste; venta ei liste med \(what.nynorsk), som [a, b] eller liner som byrjar med '- '",
                en: "this is \(found.english), not a list; expected a list of \(what.english), such as [a, b] or lines starting with '- '"))
        }
    }

    /// The key/value pairs of a block whose keys are data (years, weekdays).
    func pairs(_ node: Node, expected what: LocalizedText) throws(AgreementFileError) -> [(key: String, keyNode: Node, value: Node)] {
        if isNull(node) { return [] }
        guard case .mapping(let map) = node else {
            let found = describe(node)
            throw fail(position(node), LocalizedText(
                nb: "her står \(found.bokmal), ikke nøkler og verdier; forventet \(what.bokmal)",
                nn: "her står \(found.nynorsk), ikkje nyklar og verdiar; venta \(what.nynorsk)",
                en: "this is \(found.english), not keys and values; expected \(what.english)"))
        }
        var out: [(key: String, keyNode: Node, value: Node)] = []
        for (key, value) in map {
            let name = try text(key, expected: LocalizedText(nb: "en nøkkel", nn: "ein nykel", en: "a key"))
            out.append((name, key, value))
        }
        return out
    }

    /// A block with a fixed set of keys: unknown keys are rejected with the
    /// allowed list and the closest spelling. `what` names the block ("a series").
    func fields(_ node: Node, of what: LocalizedText, allowed: [String]) throws(AgreementFileError) -> Fields {
        guard case .mapping = node else {
            let found = describe(node)
            throw fail(position(node), LocalizedText(
                nb: "her står \(found.bokmal), ikke nøkler og verdier; forventet nøkler og verdier (nøkkel: verdi) for \(what.bokmal)",
                nn: "her står \(found.nynorsk), ikkje nyklar og verdiar; venta nyklar og verdiar (nykel: verdi) for \(what.nynorsk)",
                en: "this is \(found.english), not keys and values; expected keys and values (key: value) for \(what.english)"))
        }
        let entries = try pairs(node, expected: what)
        for entry in entries where !allowed.contains(entry.key) {
            let guess = Suggestion.didYouMean(entry.key, in: allowed), keys = allowed.joined(separator: ", ")
            throw fail(position(entry.keyNode), LocalizedText(
                nb: "ukjent nøkkel '\(entry.key)' i \(what.bokmal)\(guess.bokmal); forventet en av nøklene \(keys)",
                nn: "ukjend nykel '\(entry.key)' i \(what.nynorsk)\(guess.nynorsk); venta ein av nyklane \(keys)",
                en: "unknown key '\(entry.key)' in \(what.english)\(guess.english); expected one of the keys \(keys)"))
        }
        return Fields(reader: self, what: what, position: position(node), entries: entries)
    }
}

/// The keys of one block, already checked against the allowed list.
struct Fields {
    let reader: NodeReader
    /// "a series", "the agreement" — used in messages.
    let what: LocalizedText
    let position: Position
    let entries: [(key: String, keyNode: Node, value: Node)]

    func has(_ key: String) -> Bool { self[key] != nil }

    /// The value of `key`; nil when absent or empty.
    subscript(key: String) -> Node? {
        guard let node = entries.first(where: { $0.key == key })?.value, !reader.isNull(node) else { return nil }
        return node
    }

    func required(_ key: String, expected: LocalizedText) throws(AgreementFileError) -> Node {
        if let node = self[key] { return node }
        if let entry = entries.first(where: { $0.key == key }) {
            throw reader.fail(reader.position(entry.value), LocalizedText(
                nb: "'\(key)' er tom; forventet \(expected.bokmal)",
                nn: "'\(key)' er tom; venta \(expected.nynorsk)",
                en: "'\(key)' is empty; expected \(expected.english)"))
        }
        throw reader.fail(position, LocalizedText(
            nb: "\(what.bokmal) mangler nøkkelen '\(key)'; forventet \(key): (\(expected.bokmal))",
            nn: "\(what.nynorsk) manglar nykelen '\(key)'; venta \(key): (\(expected.nynorsk))",
            en: "\(what.english) is missing the key '\(key)'; expected \(key): (\(expected.english))"))
    }

    func requiredText(_ key: String, expected: LocalizedText) throws(AgreementFileError) -> String {
        try reader.nonEmptyText(try required(key, expected: expected), expected: expected)
    }

    func optionalText(_ key: String, expected: LocalizedText) throws(AgreementFileError) -> String? {
        guard let node = self[key] else { return nil }
        return try reader.nonEmptyText(node, expected: expected)
    }
}
