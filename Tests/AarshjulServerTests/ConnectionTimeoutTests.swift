import AarshjulCore
@testable import AarshjulServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The application from `buildApplication` on a loopback socket in this
/// process, spoken to byte by byte: a connection that does not finish its
/// request header within `--idle-timeout` is closed, however slowly it drips
/// bytes, and an idle keep-alive connection is closed too; a client that
/// finishes its header in time is served.
@Suite(.serialized) struct ConnectionTimeoutTests {
    /// A raw TCP connection to 127.0.0.1:`port` with a receive guard, so a server that never closes fails the test instead of hanging it.
    final class RawConnection: @unchecked Sendable {
        let fd: Int32

        init(port: Int, guardSeconds: Int = 15) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
            var limit = timeval(tv_sec: guardSeconds, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(fd) }

        /// false once the server has closed (EPIPE, ECONNRESET).
        func send(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
        }

        /// Reads until the server closes (or the guard passes): what it sent, and whether it closed.
        func readUntilClosed() -> (bytes: [UInt8], closed: Bool) {
            var all: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0 { all += buffer[0..<n]; continue }
                return (all, n == 0 || errno == ECONNRESET)
            }
        }

        /// Reads one response with a Content-Length body (enough for these tests).
        func readResponse() -> String {
            var all: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let text = String(decoding: all, as: UTF8.self)
                if let headEnd = text.range(of: "\r\n\r\n") {
                    let head = text[..<headEnd.lowerBound].lowercased()
                    let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                        .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                    if all.count >= text.utf8.distance(from: text.utf8.startIndex, to: headEnd.upperBound) + length { return text }
                }
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return text }
                all += buffer[0..<n]
            }
        }
    }

    /// Runs blocking socket reads on a Dispatch thread, not on the Swift
    /// concurrency pool the server's handlers need (on two cores a blocked
    /// pool thread can starve the very response being waited for).
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }

    static func app(idle seconds: Int) async throws -> some ApplicationProtocol {
        let source = ScriptedSource(try Fixtures.catalog(plan: Fixtures.plan()))
        return try await buildApplication(configuration: ServerConfiguration(host: "127.0.0.1", port: 0, idleTimeout: .seconds(seconds)),
                                          source: source)
    }

    @Test func aHalfSentRequestHeaderIsClosedAfterTheIdleTimeoutWithNoResponse() async throws {
        try await Self.app(idle: 1).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            #expect(connection.send("GET /lillestrom/alle.ics HTTP/1.1\r\nHost: 127.0.0.1\r\n"))
            let started = ContinuousClock.now
            let (bytes, closed) = await Self.offPool { connection.readUntilClosed() }
            let waited = ContinuousClock.now - started
            #expect(closed, "the server kept a half-sent request open past the 15 s guard")
            #expect(bytes.isEmpty, "a half-sent request got an answer")
            #expect(waited >= .milliseconds(500), "closed after \(waited), before the timeout")
        }
    }

    /// Slowloris: a byte every 200 ms keeps the connection busy but never finishes the header.
    @Test func aHeaderDrippedByteByByteIsClosedAlthoughBytesKeepComing() async throws {
        try await Self.app(idle: 1).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            let header = "GET /lillestrom/alle.ics HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow-slow-slow-slow\r\n"
            var sent = 0
            for character in header {
                guard connection.send(String(character)) else { break }
                sent += 1
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(sent < header.count, "the server took all \(header.count) bytes over \(header.count / 5) s without closing")
            #expect(await Self.offPool { connection.readUntilClosed() }.closed)
        }
    }

    @Test func aRequestFinishedInTimeIsServedAndAnIdleKeepAliveConnectionIsClosedAfter() async throws {
        try await Self.app(idle: 2).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            // Sent in two parts, the second well inside the timeout.
            #expect(connection.send("GET /lillestrom/alle.ics HTTP/1.1\r\n"))
            try await Task.sleep(for: .milliseconds(300))
            #expect(connection.send("Host: 127.0.0.1\r\n\r\n"))
            let response = await Self.offPool { connection.readResponse() }
            #expect(response.hasPrefix("HTTP/1.1 200"), "\(response.prefix(200))")
            #expect(response.contains("BEGIN:VCALENDAR"))
            // Then nothing more: the kept-alive connection is closed.
            let (rest, closed) = await Self.offPool { connection.readUntilClosed() }
            #expect(closed && rest.isEmpty)
        }
    }
}
