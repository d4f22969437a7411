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
