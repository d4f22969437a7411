import Foundation
import Testing

/// The bad-input corpus (`BadInputCorpus/`, written by
/// scripts/make-bad-corpus.py): agreement, district and calendar files with
/// one mistake each, its line known by construction. Every file is run
/// through both `check` and `plan`: they must give the same verdict (exit
/// status and message), never crash, and at least 95 % must name the
/// mistake's line as `file:line:`. Each message is said in the plan's
/// language: bokmål by default, English and nynorsk with `--lang`.
@Suite struct BadInputCorpusTests {
    static let folder = CLI.packageRoot.appendingPathComponent("Tests/AarshjulCLITests/BadInputCorpus")

    struct Entry: Sendable {
        let file: String
        let line: Int
        let status: Int32
        /// The file the line is in, when it is not the agreement (a busy calendar it names).
        let locatedIn: String?
    }

    static func entries() throws -> [Entry] {
        let text = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let f = row.split(separator: "\t").map(String.init)
            return Entry(file: f[0], line: Int(f[1])!, status: Int32(f[2])!, locatedIn: f.count > 3 ? f[3] : nil)
        }
    }

    @Test func corpusIsLargeEnough() throws {
        #expect(try Self.entries().count >= 150)
    }

    /// The kind of mistake, from the file name: value, key, syntax, duplicate, district, calendar, busy, file.
    static func kind(_ file: String) -> String {
        String(file.split(separator: "-")[1])
    }

    /// The message after "aarshjul: FILE[:LINE:COLUMN]: ", and that prefix.
    static func split(_ stderr: String) -> (place: String, words: String) {
        let line = stderr.split(separator: "\n").first.map(String.init) ?? ""
        let body = line.hasPrefix("aarshjul: ") ? String(line.dropFirst("aarshjul: ".count)) : line
        guard let cut = body.range(of: ": ", options: [], range: body.startIndex..<body.endIndex) else { return ("", body) }
        // The place is the file name and, where there is one, :line:column.
        return (String(body[..<cut.lowerBound]), String(body[cut.upperBound...]))
    }

    @Test func checkAndPlanAgreeAndLocateTheMistake() throws {
        let entries = try Self.entries()
        var located = 0
        var misses: [String] = []
        // Four runs per file (check and plan in the default language, check
        // --lang en and --lang nn); spread over a few threads to keep the suite short.
        let results = try entries.concurrentMap(threads: 4) { entry -> [CLI.Result] in
            let path = Self.folder.appendingPathComponent(entry.file).path
            return [try CLI.run(["check", path, "--years", "2027"], timeout: 90),
                    try CLI.run(["plan", path, "--year", "2027"], timeout: 90),
                    try CLI.run(["check", path, "--years", "2027", "--lang", "en"], timeout: 90),
                    try CLI.run(["check", path, "--years", "2027", "--lang", "nn"], timeout: 90)]
        }
        var kinds: [String: Int] = [:]
        for (entry, runs) in zip(entries, results) {
            let (check, plan, english, nynorsk) = (runs[0], runs[1], runs[2], runs[3])
            #expect(plan.status == entry.status, "\(entry.file): plan exit \(plan.status): \(plan.stderr)")
            #expect(check.status == plan.status, "\(entry.file): check \(check.status) vs plan \(plan.status)")
            #expect(check.stderr == plan.stderr, "\(entry.file): check said \(check.stderr) but plan \(plan.stderr)")
            #expect(!plan.stderr.contains("Fatal error") && !plan.stderr.contains("NSCocoaErrorDomain"), "\(entry.file): \(plan.stderr)")
            #expect(plan.stderr.hasPrefix("aarshjul: "), "\(entry.file): \(plan.stderr)")
            let named = entry.locatedIn ?? entry.file
            let place = entry.line > 0 ? "\(named):\(entry.line):" : ""
            let ok = entry.line > 0 ? plan.stderr.contains(place) : plan.stderr.contains(": ")
            if ok { located += 1 } else { misses.append("\(entry.file) (want \(place)): \(plan.stderr.prefix(200))") }

            // The plan's language: bokmål by default (the corpus files say language: nb
            // or nothing), English and nynorsk on request; the same place in each.
            #expect(english.status == plan.status && nynorsk.status == plan.status, "\(entry.file)")
            let nb = Self.split(plan.stderr), en = Self.split(english.stderr), nn = Self.split(nynorsk.stderr)
            #expect(nb.place == en.place && nb.place == nn.place, "\(entry.file): \(nb.place) / \(en.place) / \(nn.place)")
            #expect(nb.words.contains("; forventet "), "\(entry.file): not what is wrong; what was expected in bokmål: \(nb.words)")
            #expect(nn.words.contains("; venta "), "\(entry.file): not what is wrong; what was expected in nynorsk: \(nn.words)")
            #expect(en.words.contains("; expected "), "\(entry.file): not what is wrong; what was expected in English: \(en.words)")
            #expect(nb.words != en.words && nn.words != en.words && nb.words != nn.words,
                    "\(entry.file): a message stayed the same across languages: \(nb.words)")
            for said in [nb.words, nn.words] {
                for english in [" is not ", " expected ", "Did you mean", "found ", "mapping values", "could not", "Error Domain"] {
                    #expect(!said.contains(english), "\(entry.file): '\(english)' in a Norwegian message: \(said)")
                }
            }
            kinds[Self.kind(entry.file), default: 0] += 1
        }
        // Every kind of mistake is in the corpus, so each is checked in the three languages.
        for kind in ["value", "key", "syntax", "duplicate", "district", "calendar", "busy", "file"] {
            #expect(kinds[kind, default: 0] > 0, "no '\(kind)' file in the corpus")
        }
        let share = Double(located) / Double(entries.count)
        #expect(share >= 0.95, "located \(located) of \(entries.count):\n\(misses.joined(separator: "\n"))")
        print("bad-input corpus: \(located) of \(entries.count) located to the right line")
        if !misses.isEmpty { print("not located:\n" + misses.joined(separator: "\n")) }
    }
}

extension Array where Element: Sendable {
    /// `transform` over the elements on `threads` threads, results in order.
    func concurrentMap<T: Sendable>(threads: Int, _ transform: @escaping @Sendable (Element) throws -> T) throws -> [T] {
        let slots = ResultSlots<T>(count: count)
        let items = self
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            for index in stride(from: worker, to: items.count, by: threads) {
                slots.set(index, Result { try transform(items[index]) })
            }
        }
        return try slots.values().map { try $0.get() }
    }
}

private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [Result<T, any Error>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<T, any Error>) { lock.lock(); slots[index] = value; lock.unlock() }
    func values() -> [Result<T, any Error>] { slots.map { $0! } }
}
