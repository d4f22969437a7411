import Foundation

// aarshjul-data-embedder DATA_DIR OUTPUT.swift FILE...: writes the files as
// raw string literals keyed by their path under DATA_DIR (see Plugins/EmbedData).
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: AarshjulDataEmbedder DATA_DIR OUTPUT FILE...\n".utf8))
    exit(64)
}
let folder = URL(fileURLWithPath: arguments[1])
var out = "// Generated from data/ by Plugins/EmbedData; edit the data files, not this.\n"
out += "public enum EmbeddedData {\n    /// (path under data/, text), sorted by path.\n"
out += "    public static let files: [(path: String, text: String)] = [\n"
for path in arguments.dropFirst(3) {
    let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    // A raw string needs more #s than any run of #s after a quote in the text.
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains(hashes + "\"") { hashes += "#" }
    out += "        (\"\(path)\", \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
}
out += "    ]\n}\n"
try out.write(to: URL(fileURLWithPath: arguments[2]), atomically: true, encoding: .utf8)
