import AarshjulCore
import Foundation

/// Writes a catalog as a static tree any web server can serve: `index.html`
/// (bokmål), `index.en.html`, a page per municipality at
/// `<municipality>/index.html` (and `.en.html`), every public feed at its path and every
/// confidential feed under `private/<token>/…`.
///
/// Each file is written to a temporary file in its own folder and renamed
/// over the old one, so a web server serving the tree meanwhile sees the old
/// or the new file, never half of one. Files whose bytes are unchanged are
/// not touched (their modification time, and so nginx's ETag, stay). Files a
/// previous publish wrote that are no longer in the catalog are removed; the
/// list of what was written is kept in `.aarshjul-published`.
public enum StaticPublisher {
    public static let manifestName = ".aarshjul-published"

    public struct Report: Sendable, Equatable {
        /// Relative paths written because they were new or changed.
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    @discardableResult
    public static func publish(_ catalog: FeedCatalog, to directory: String, siteHost: String? = nil) throws -> Report {
        let links: LinkBase = siteHost.map { .host($0) } ?? .relative
        var files: [(path: String, bytes: [UInt8])] = [
            ("index.html", Array(IndexPage.html(catalog: catalog, links: links, language: .bokmal).utf8)),
            ("index.en.html", Array(IndexPage.html(catalog: catalog, links: links, language: .english).utf8)),
        ]
        // A page per municipality; a static tree has no clock, so its wheels carry no "today" mark.
        for municipality in IndexPage.listedMunicipalities(catalog) where FeedPath.isValidCatalogPath("\(municipality.id)/index.html") {
            for (name, language) in [("index.html", PlanLanguage.bokmal), ("index.en.html", .english)] {
                if let page = IndexPage.municipalityHTML(catalog: catalog, municipalityID: municipality.id, links: links, language: language) {
                    files.append(("\(municipality.id)/\(name)", Array(page.utf8)))
                }
            }
        }
        for feed in catalog.feeds {
            files.append((String(feed.urlPath.dropFirst()), feed.body))
        }
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var report = Report()
        for file in files {
            let target = directory + "/" + file.path
            if let existing = manager.contents(atPath: target), [UInt8](existing) == file.bytes {
                report.unchanged.append(file.path)
                continue
            }
            try AtomicWrite.write(file.bytes, to: target)
            report.written.append(file.path)
        }
        let manifestPath = directory + "/" + manifestName
        let previous = (try? String(contentsOfFile: manifestPath, encoding: .utf8))?
            .split(separator: "\n").map(String.init) ?? []
        let current = Set(files.map(\.path))
        for old in previous where !current.contains(old) && FeedPath.isValidCatalogPath(old) {
            // Only paths this publisher wrote (from its manifest) and that are safe are removed.
            if manager.fileExists(atPath: directory + "/" + old) {
                try manager.removeItem(atPath: directory + "/" + old)
                report.removed.append(old)
            }
        }
        try AtomicWrite.write(Array(files.map(\.path).joined(separator: "\n").utf8) + [0x0A], to: manifestPath)
        return report
    }
}

/// Write-to-temporary-then-rename in the target's folder (same file system,
/// so rename(2) replaces the file atomically).
enum AtomicWrite {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UInt64.random(in: 0...UInt64.max))")
        do {
            try Data(bytes).write(to: temp)
            // Readable by a web server running as another user.
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: temp.path)
            guard rename(temp.path, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }
}
