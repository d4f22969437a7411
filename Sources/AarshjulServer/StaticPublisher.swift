import AarshjulCore
import Foundation

/// Writes a catalog as a static tree any web server can serve: `index.html`
/// (bokmål), `index.en.html`, a page per municipality at
/// `<municipality>/index.html` (and `.en.html`), every public feed at its
/// path and every confidential feed under `private/<token>/…`.
///
/// The whole site switches at once: the new tree is built beside the old one
/// (`.<name>.new-<random>` in the same parent folder), then swapped with it
/// in one atomic exchange (renameat2 RENAME_EXCHANGE), so a reader sees the
/// whole old site or the whole new one, and a publish killed half-way leaves
/// the old site whole (the half-built tree is removed by the next publish).
/// Files whose bytes are unchanged are hard links to the old ones (their
/// modification time, and so nginx's ETag, stay). Files in the folder that
/// this publisher did not write are carried over; files it wrote that are no
/// longer in the catalog are gone. What it wrote is listed in a manifest kept
/// outside the web root (in the state folder, owner-only): the tree holds no
/// list of private paths. Every folder under `private/` gets an `index.html`
/// so no web server lists tokens.
public enum StaticPublisher {
    /// The manifest an earlier version kept inside the web root; it is read once and not carried over.
    public static let legacyManifestName = ".aarshjul-published"

    public struct Report: Sendable, Equatable {
        /// Relative paths written because they were new or changed.
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    /// - Parameter stateFolder: where the manifest is kept; nil: `<parent>/.<name>.aarshjul-state`, beside (not inside) the tree.
    @discardableResult
    public static func publish(_ catalog: FeedCatalog, to directory: String, siteHost: String? = nil, secure: Bool = true,
                               stateFolder: String? = nil) throws -> Report {
        let target = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let url = URL(fileURLWithPath: target)
        let parent = url.deletingLastPathComponent().path, name = url.lastPathComponent
        let manager = FileManager.default
        try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let manifestPath = (stateFolder ?? parent + "/.\(name).aarshjul-state") + "/site-\(name).manifest"
        removeAbandonedTrees(in: parent, name: name)

        let files = siteFiles(catalog, links: siteHost.map { .host($0, secure: secure) } ?? .relative)
        let ours = Set(files.map(\.path))
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: target, isDirectory: &isFolder)
        guard !exists || isFolder.boolValue else { throw StaticPublishError.notAFolder(target) }
        let oldFiles = exists ? regularFiles(under: target) : []
        let previous = Set(readList(manifestPath) + readList(target + "/" + legacyManifestName) + [legacyManifestName])

        let fresh = parent + "/.\(name).new-\(UInt64.random(in: 0...UInt64.max))"
        var report = Report()
        do {
            try manager.createDirectory(atPath: fresh, withIntermediateDirectories: false,
                                        attributes: [.posixPermissions: 0o755])
            for file in files {
                let old = target + "/" + file.path, new = fresh + "/" + file.path
                if exists, let bytes = manager.contents(atPath: old), [UInt8](bytes) == file.bytes {
                    try makeParent(of: new)
                    if link(old, new) == 0 {
                        report.unchanged.append(file.path)
                        continue
                    }
                }
                try AtomicWrite.write(file.bytes, to: new)
                report.written.append(file.path)
            }
            // What someone else put in the folder stays; what this publisher wrote before and no longer does goes.
            for old in oldFiles where !ours.contains(old) {
                if previous.contains(old) || old.hasPrefix("private/") {
                    report.removed.append(old)
                    continue
                }
                try makeParent(of: fresh + "/" + old)
                guard link(target + "/" + old, fresh + "/" + old) == 0 else { throw StaticPublishError.io("cannot keep \(old)") }
            }
            // The manifest first: a crash between the two leaves a manifest naming more, never fewer, of our files.
            try PrivateFile.write(Array(files.map(\.path).joined(separator: "\n").utf8) + [0x0A], to: manifestPath)
            try SiteSwitch.replace(target, with: fresh, exists: exists)
        } catch {
            try? manager.removeItem(atPath: fresh)
            throw error
        }
        // `fresh` now names the old tree (or nothing): readers already in it keep their open files.
        try? manager.removeItem(atPath: fresh)
        report.removed.sort()
        return report
    }

    /// The files of the site, by relative path: the two index pages, the feeds, and an index page in every folder under `private/`.
    static func siteFiles(_ catalog: FeedCatalog, links: LinkBase) -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = [
            ("index.html", Array(IndexPage.html(catalog: catalog, links: links, language: .bokmal, languageLinks: .files).utf8)),
            ("index.en.html", Array(IndexPage.html(catalog: catalog, links: links, language: .english, languageLinks: .files).utf8)),
        ]
        // A page per municipality; a static tree has no clock, so its wheels carry no "today" mark.
        for municipality in IndexPage.listedMunicipalities(catalog) where FeedPath.isValidCatalogPath("\(municipality.id)/index.html") {
            for (name, language) in [("index.html", PlanLanguage.bokmal), ("index.en.html", .english)] {
                if let page = IndexPage.municipalityHTML(catalog: catalog, municipalityID: municipality.id, links: links,
                                                         language: language, languageLinks: .files) {
                    files.append(("\(municipality.id)/\(name)", Array(page.utf8)))
                }
            }
        }
        var privateFolders: Set<String> = []
        for feed in catalog.feeds {
            let path = String(feed.urlPath.dropFirst())
            files.append((path, feed.body))
            guard path.hasPrefix("private/") else { continue }
            var folder = (path as NSString).deletingLastPathComponent
            while folder.hasPrefix("private") {
                privateFolders.insert(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        for folder in privateFolders.sorted() { files.append((folder + "/index.html", Array(noListing.utf8))) }
        return files
    }

    /// What a folder under `private/` answers instead of a listing.
    static let noListing = "<!DOCTYPE html>\n<html lang=\"nb\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
        + "<title>Ingen liste</title></head><body><p>Her er ingen liste. Bruk adressen du har fått.</p>"
        + "<p lang=\"en\">Nothing is listed here. Use the address you were given.</p></body></html>\n"

    private static func removeAbandonedTrees(in parent: String, name: String) {
        let prefix = ".\(name).new-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    private static func readList(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    private static func regularFiles(under folder: String) -> [String] {
        guard let walk = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walk.nextObject() as? String {
            if walk.fileAttributes?[.type] as? FileAttributeType == .typeRegular { files.append(relative) }
        }
        return files.sorted()
    }

    private static func makeParent(of path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
    }
}

public enum StaticPublishError: Error, CustomStringConvertible {
    case notAFolder(String)
    case io(String)

    public var description: String {
        switch self {
        case .notAFolder(let p): return "\(p) exists and is not a folder; name a folder for the site."
        case .io(let m): return m
        }
    }
}

/// Puts a new tree where the old one was in one step.
enum SiteSwitch {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// renameat2(2) is in glibc ≥ 2.28 but not in Swift's Glibc module; looked up once.
    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    private static let exchangeFlag: UInt32 = 2  // RENAME_EXCHANGE

    /// Afterwards `target` is the new tree and `fresh` the old one (or nothing when there was none).
    static func replace(_ target: String, with fresh: String, exists: Bool) throws {
        if !exists {
            guard rename(fresh, target) == 0 else { throw failure(target) }
            return
        }
        if let renameat2, renameat2(AT_FDCWD, fresh, AT_FDCWD, target, exchangeFlag) == 0 { return }
        // No atomic exchange here (old kernel or file system): two renames, a moment without the site.
        let aside = fresh + ".old"
        guard rename(target, aside) == 0 else { throw failure(target) }
        guard rename(fresh, target) == 0 else {
            let error = failure(target)
            _ = rename(aside, target)
            throw error
        }
        guard rename(aside, fresh) == 0 else { throw failure(fresh) }
    }

    private static func failure(_ path: String) -> StaticPublishError {
        .io("\(path): cannot switch the site (\(String(cString: strerror(errno))))")
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
