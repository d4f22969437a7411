import AarshjulCore
import Yams

/// The shipped data files (data/skolerute, data/kommuner.yaml, data/valg.yaml)
/// are written and read by the project's maintainers, not by users: a
/// mistake in them stops the build's tests (data/README.md), so their
/// messages are in English like the code. These overloads take that English;
/// everything a user's agreement or district file can be refused for goes
/// through the `LocalizedText` forms instead.
extension NodeReader {
    private static func english(_ text: String) -> LocalizedText { LocalizedText(nb: text, nn: text, en: text) }

    func fail(_ at: Position, _ english: String) -> AgreementFileError { fail(at, Self.english(english)) }

    func text(_ node: Node, expected what: String) throws(AgreementFileError) -> String {
        try text(node, expected: Self.english(what))
    }

    func nonEmptyText(_ node: Node, expected what: String) throws(AgreementFileError) -> String {
        try nonEmptyText(node, expected: Self.english(what))
    }

    func list(_ node: Node, expected what: String) throws(AgreementFileError) -> [Node] {
        try list(node, expected: Self.english(what))
    }

    func pairs(_ node: Node, expected what: String) throws(AgreementFileError) -> [(key: String, keyNode: Node, value: Node)] {
        try pairs(node, expected: Self.english(what))
    }

    func fields(_ node: Node, of what: String, allowed: [String]) throws(AgreementFileError) -> Fields {
        try fields(node, of: Self.english(what), allowed: allowed)
    }

    func stringList(_ node: Node?, expected: String) throws(AgreementFileError) -> [String] {
        try stringList(node, expected: Self.english(expected))
    }

    func int(_ node: Node, _ what: String, in range: ClosedRange<Int>) throws(AgreementFileError) -> Int {
        try int(node, Self.english(what), in: range)
    }
}

extension Fields {
    func required(_ key: String, expected: String) throws(AgreementFileError) -> Node {
        try required(key, expected: LocalizedText(nb: expected, nn: expected, en: expected))
    }

    func requiredText(_ key: String, expected: String) throws(AgreementFileError) -> String {
        try requiredText(key, expected: LocalizedText(nb: expected, nn: expected, en: expected))
    }

    func optionalText(_ key: String, expected: String) throws(AgreementFileError) -> String? {
        try optionalText(key, expected: LocalizedText(nb: expected, nn: expected, en: expected))
    }
}

/// A text the data files show to readers (a pattern's `basis`, a projection's
/// reason, a day off's `name`) is written in bokmål under its key, with its
/// nynorsk and English forms beside it under `KEY_nn` and `KEY_en`
/// (data/README.md); a form not given falls back to the bokmål one.
public enum DataFileForms {
    /// The keys a text field `key` may be written under.
    static func keys(_ key: String) -> [String] { [key, key + "_nn", key + "_en"] }

    /// The text fields readers see, which every shipped data file gives in all three languages.
    static let shown = ["basis", "name", "projected"]

    /// "data/skolerute/x.yaml:12:7: 'name' has no name_nn" for every shown
    /// text in `text` without its nynorsk or English form (`projected: true`
    /// and `projected: KEY` are no text: they point at the pattern's basis
    /// and at a reason under `reasons:`). Empty for a complete
    /// file; the data tests require that of every shipped file.
    public static func missing(in text: String, fileName: String) -> [String] {
        guard let root = try? Yams.compose(yaml: text, Resolver.basic) else { return ["\(fileName): not YAML"] }
        var out: [String] = []
        // `projected: KEY` names a reason under `reasons:`, which has all three forms by its format.
        let reasonsNode = root.mapping?.first { $0.key.scalar?.string == "reasons" }?.value
        let reasons = Set(reasonsNode?.mapping?.compactMap { $0.key.scalar?.string } ?? [])
        func walk(_ node: Node) {
            switch node {
            case .mapping(let map):
                let present = Set(map.compactMap { $0.key.scalar?.string })
                for (key, value) in map {
                    if let k = key.scalar?.string, shown.contains(k), let v = value.scalar?.string,
                       !["true", "yes"].contains(v.lowercased()), !(k == "projected" && reasons.contains(v)) {
                        for form in Self.keys(k).dropFirst() where !present.contains(form) {
                            let at = key.mark.map { ":\($0.line):\($0.column)" } ?? ""
                            out.append("\(fileName)\(at): '\(k)' has no \(form)")
                        }
                    }
                    walk(value)
                }
            case .sequence(let list): list.forEach(walk)
            case .scalar, .alias: break
            }
        }
        walk(root)
        return out
    }
}

extension NodeReader {
    /// `key` (bokmål) with `key_nn` and `key_en`; nil when `key` is absent.
    func dataText(_ f: Fields, _ key: String, expected: String) throws(AgreementFileError) -> LocalizedText? {
        guard let nb = try f.optionalText(key, expected: expected) else {
            for other in DataFileForms.keys(key).dropFirst() where f.has(other) {
                throw fail(position(f[other]!), "'\(other)' is another language's form of '\(key)', which is missing.")
            }
            return nil
        }
        let nn = try f.optionalText(key + "_nn", expected: expected + " in nynorsk")
        let en = try f.optionalText(key + "_en", expected: expected + " in English")
        return LocalizedText(nb: nb, nn: nn ?? nb, en: en ?? nb)
    }
}

extension Fields {
    /// `key` (bokmål, required) with `key_nn` and `key_en`.
    func requiredDataText(_ key: String, expected: String) throws(AgreementFileError) -> LocalizedText {
        let nb = try requiredText(key, expected: expected)
        return try reader.dataText(self, key, expected: expected) ?? LocalizedText(nb: nb, en: nb)
    }
}
