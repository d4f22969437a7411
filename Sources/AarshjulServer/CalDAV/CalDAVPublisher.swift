import AarshjulCore
import AarshjulICal
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Pushes each municipality's plan to a CalDAV server: one calendar
/// collection per municipality (`<base>/<id>/`, made with MKCALENDAR when
/// missing) holding one resource per UID (`<uid>.ics`: a VCALENDAR with the
/// VTIMEZONE and that one event or to-do).
///
/// New resources are PUT with `If-None-Match: *`, changed ones with
/// `If-Match: <etag>` (so a concurrent edit on the server is not overwritten
/// but reported), unchanged ones are left alone. A resource whose UID is no
/// longer published is deleted only when it starts today or later: past
/// events are history and stay on the server (an event the plan drops is
/// published as STATUS:CANCELLED anyway, so deletion is for strays). CalDAV servers are behind a login, so
/// the full (confidential) calendars are pushed unless told otherwise.
public struct CalDAVPublisher: Sendable {
    public struct Credentials: Sendable {
        public var user: String
        public var password: String
        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }
    }

    public struct Report: Sendable, Equatable {
        public var collectionsCreated: [String] = []
        /// UIDs, in plan order.
        public var created: [String] = []
        public var updated: [String] = []
        public var unchanged: [String] = []
        public var deleted: [String] = []
    }

    public let base: URL
    public let confidential: Bool
    private let client: CalDAVClient

    public init(base: URL, credentials: Credentials? = nil, confidential: Bool = true, session: URLSession = .shared) {
        self.base = base.absoluteString.hasSuffix("/") ? base : URL(string: base.absoluteString + "/")!
        self.confidential = confidential
        self.client = CalDAVClient(credentials: credentials, session: session)
    }

    /// How far a publish has come, for a progress line: the municipality
    /// being sent (1-based of `count`) and its resources sent so far.
    public struct Progress: Sendable, Equatable {
        public var municipality: String
        public var index: Int
        public var count: Int
        public var done: Int
        public var total: Int
    }

    public func publish(_ municipalities: [PublishedMunicipality], today: CivilDate,
                        progress: (@Sendable (Progress) -> Void)? = nil) async throws -> Report {
        var report = Report()
        for (index, municipality) in municipalities.enumerated() {
            try await publish(municipality, today: today, into: &report) { done, total in
                progress?(Progress(municipality: municipality.name, index: index + 1, count: municipalities.count,
                                   done: done, total: total))
            }
        }
        return report
    }

    private func publish(_ municipality: PublishedMunicipality, today: CivilDate, into report: inout Report,
                         progress: (Int, Int) -> Void) async throws {
        let collection = URL(string: municipality.id + "/", relativeTo: base)!.absoluteURL
        if try await client.ensureCalendar(collection, displayName: municipality.name) {
            report.collectionsCreated.append(municipality.id)
        }
        var onServer: [String: CalDAVClient.Resource] = [:]
        var strays: [CalDAVClient.Resource] = []
        for resource in try await client.resources(in: collection) {
            if let uid = ICalendarLines.uid(in: resource.calendarData) { onServer[uid] = resource } else { strays.append(resource) }
        }
        let wanted = try resources(of: municipality)
        for (done, (uid, body)) in wanted.enumerated() {
            progress(done, wanted.count)
            if let existing = onServer[uid] {
                if ICalendarLines.sameContent(existing.calendarData, body) {
                    report.unchanged.append(uid)
                    continue
                }
                let url = URL(string: existing.href, relativeTo: collection)!.absoluteURL
                var headers = ["Content-Type": "text/calendar; charset=utf-8"]
                if let etag = existing.etag { headers["If-Match"] = etag }
                let reply = try await client.send("PUT", url, headers: headers, body: Data(body.utf8))
                try check(reply, "PUT", url)
                report.updated.append(uid)
            } else {
                let url = URL(string: Self.resourceName(uid), relativeTo: collection)!.absoluteURL
                let reply = try await client.send("PUT", url, headers: ["Content-Type": "text/calendar; charset=utf-8",
                                                                        "If-None-Match": "*"], body: Data(body.utf8))
                try check(reply, "PUT", url)
                report.created.append(uid)
            }
        }
        let keep = Set(wanted.map(\.uid))
        for (uid, resource) in onServer.sorted(by: { $0.key < $1.key }) where !keep.contains(uid) {
            // Only a future stray goes; one with no readable start is kept too.
            guard let start = ICalendarLines.startDate(in: resource.calendarData), start >= today else { continue }
            let url = URL(string: resource.href, relativeTo: collection)!.absoluteURL
            var headers: [String: String] = [:]
            if let etag = resource.etag { headers["If-Match"] = etag }
            let reply = try await client.send("DELETE", url, headers: headers)
            guard reply.status == 404 || (200..<300).contains(reply.status) else { try check(reply, "DELETE", url); continue }
            report.deleted.append(uid)
        }
        _ = strays  // resources without a UID were not written by this tool; left alone
    }

    private func check(_ reply: CalDAVClient.Reply, _ method: String, _ url: URL) throws {
        if reply.status == 412 { throw CalDAVError.changedMeanwhile(url.absoluteString) }
        guard (200..<300).contains(reply.status) else { throw CalDAVError.unexpected(method, url.absoluteString, reply.status) }
    }

    /// One VCALENDAR per event (cancelled ones included, so clients strike
    /// them through) and, in confidential calendars, per to-do; by UID.
    func resources(of municipality: PublishedMunicipality) throws -> [(uid: String, body: String)] {
        // Public-only calendars carry the public versions: a new agenda item is no new version there.
        let plan = confidential ? municipality.plan : municipality.publicPlan
        let options = ICalExportOptions(language: plan.language, confidential: confidential)
        var out: [(uid: String, body: String)] = []
        for event in plan.events + plan.cancelledEvents {
            out.append((event.uid, try ICalExporter.calendar(name: municipality.name, events: [event], deadlines: [],
                                                             plan: plan, options: options)))
        }
        if confidential {
            for deadline in plan.deadlines {
                out.append((deadline.uid, try ICalExporter.calendar(name: municipality.name, events: [], deadlines: [deadline],
                                                                    plan: plan, options: options)))
            }
        }
        return out.sorted { $0.uid < $1.uid }
    }

    /// `<uid>.ics` with everything outside unreserved URL characters percent-encoded.
    static func resourceName(_ uid: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return (uid.addingPercentEncoding(withAllowedCharacters: allowed) ?? uid) + ".ics"
    }
}

/// Compares calendars as content lines: servers may re-fold lines, change
/// line endings or reorder properties when they store a resource.
enum ICalendarLines {
    static func uid(in text: String) -> String? {
        CalendarText.unfolded(text).first { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) }
    }

    /// The date of the first DTSTART (`DTSTART;TZID=…:20270105T100000`, `DTSTART;VALUE=DATE:20270105`).
    static func startDate(in text: String) -> CivilDate? {
        guard let line = CalendarText.unfolded(text).first(where: { $0.hasPrefix("DTSTART") }),
              let colon = line.lastIndex(of: ":") else { return nil }
        let digits = Array(line[line.index(after: colon)...].utf8.prefix(8))
        guard digits.count == 8, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let text = String(decoding: digits, as: UTF8.self)
        return CivilDate(iso: "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))")
    }

    static func sameContent(_ a: String, _ b: String) -> Bool {
        normalized(a) == normalized(b)
    }

    private static func normalized(_ text: String) -> [String] {
        CalendarText.unfolded(text).filter { !$0.isEmpty }.sorted()
    }
}
