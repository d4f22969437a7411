import AarshjulCore
@testable import AarshjulServer
import Foundation
import Testing

/// Serves a published tree with a real nginx on loopback and fetches a feed
/// with curl. Skipped, saying so, when nginx or curl is not installed
/// (`apt-get install -y nginx-light`).
@Suite(.serialized) struct NginxTests {
    static func executable(_ name: String) -> String? {
        ["/usr/sbin/", "/usr/bin/", "/usr/local/sbin/", "/usr/local/bin/"].map { $0 + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var available: Bool {
        let ok = executable("nginx") != nil && executable("curl") != nil
        if !ok { print("NginxTests skipped: nginx or curl is not installed (apt-get install -y nginx-light curl)") }
        return ok
    }

    @Test(.enabled(if: NginxTests.available, "nginx and curl are installed"))
    func nginxServesThePublishedFeedWithCalendarTypeETagAnd304() async throws {
        let root = try temporaryFolder("nginx")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = root + "/site"
        let catalog = try Fixtures.catalog()
        try StaticPublisher.publish(catalog, to: site)

        let port = try freeLoopbackPort()
        let config = NginxConfig.text(prefix: root, site: site, port: port)
        try config.write(toFile: root + "/nginx.conf", atomically: true, encoding: .utf8)
        let nginx = Process()
        nginx.executableURL = URL(fileURLWithPath: Self.executable("nginx")!)
        nginx.arguments = ["-p", root, "-c", root + "/nginx.conf", "-e", root + "/error.log"]
        nginx.standardOutput = FileHandle.nullDevice
        nginx.standardError = FileHandle.nullDevice
        try nginx.run()
        defer { stop(nginx) }

        let url = "http://127.0.0.1:\(port)/lillestrom/alle.ics"
        var first = try curl([url])
        for _ in 0..<50 where first.status == 0 {
            try await Task.sleep(for: .milliseconds(100))
            first = try curl([url])
        }
        #expect(first.status == 200, "nginx log: \((try? String(contentsOfFile: root + "/error.log", encoding: .utf8)) ?? "")")
        #expect(first.headers["content-type"] == "text/calendar; charset=utf-8")
        #expect(first.headers["content-disposition"] == "inline")
        let etag = try #require(first.headers["etag"])
        #expect(etag.hasPrefix("\""))
        #expect(first.body == String(decoding: catalog.lookup("/lillestrom/alle.ics")!.body, as: UTF8.self))

        let conditional = try curl(["-H", "If-None-Match: \(etag)", url])
        #expect(conditional.status == 304)
        let byDate = try curl(["-H", "If-Modified-Since: \(first.headers["last-modified"] ?? "")", url])
        #expect(byDate.status == 304)
        let traversal = try curl(["--path-as-is", "http://127.0.0.1:\(port)/../../etc/passwd"])
        #expect(traversal.status == 400 || traversal.status == 404)
        #expect(!traversal.body.contains("root:"))
        #expect(try curl(["http://127.0.0.1:\(port)/lillestrom/politirad-full.ics"]).status == 404)
        // private/ answers its index page, which lists nothing; the tree holds no manifest.
        let listing = try curl(["http://127.0.0.1:\(port)/private/"])
        #expect(listing.status == 200 || listing.status == 403)
        #expect(!listing.body.contains(Fixtures.confidentialToken) && !listing.body.contains(".ics"), "no listing of tokens")
        let inside = try curl(["http://127.0.0.1:\(port)/private/\(Fixtures.confidentialToken)/lillestrom/"])
        #expect(!inside.body.contains(".ics"))
        #expect(try curl(["http://127.0.0.1:\(port)/.aarshjul-published"]).status == 404, "no manifest of private paths")
    }

    struct Fetched {
        var status = 0
        var headers: [String: String] = [:]
        var body = ""
    }

    /// SIGTERM (nginx's fast shutdown), then SIGKILL if it has not exited within 5 s.
    func stop(_ process: Process) {
        process.terminate()
        for _ in 0..<50 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Runs curl; status 0 means it could not connect.
    func curl(_ arguments: [String]) throws -> Fetched {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable("curl")!)
        process.arguments = ["-s", "-i", "--max-time", "5"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return Fetched() }
        var fetched = Fetched(body: String(text[split.upperBound...]))
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        fetched.status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fetched.headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fetched
    }
}

/// An nginx configuration for a published tree: its own prefix, loopback
/// only, foreground, text/calendar for .ics with charset, ETags on.
enum NginxConfig {
    static func text(prefix: String, site: String, port: Int) -> String {
        """
        daemon off;
        worker_processes 1;
        pid \(prefix)/nginx.pid;
        error_log \(prefix)/error.log warn;
        events { worker_connections 64; }
        http {
            access_log off;
            client_body_temp_path \(prefix)/client_body;
            proxy_temp_path \(prefix)/proxy;
            fastcgi_temp_path \(prefix)/fastcgi;
            uwsgi_temp_path \(prefix)/uwsgi;
            scgi_temp_path \(prefix)/scgi;
            types { text/calendar ics; text/html html; }
            default_type application/octet-stream;
            charset utf-8;
            charset_types text/calendar;
            etag on;
            server_tokens off;
            server {
                listen 127.0.0.1:\(port);
                root \(site);
                autoindex off;
                location ~ \\.ics$ {
                    add_header Content-Disposition inline;
                    add_header Cache-Control "max-age=300";
                }
                location ~ /\\. { return 404; }
            }
        }

        """
    }
}

/// Asks the kernel for a free loopback port (bind to port 0), then closes it.
func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EMFILE) }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}
