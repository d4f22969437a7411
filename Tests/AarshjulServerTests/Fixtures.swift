import AarshjulCore
@testable import AarshjulServer

/// Hand-made feeds and plans for the server tests.
enum Fixtures {
    static let secret = Array("test secret, not for production use".utf8)
    /// The idle timeout of live-socket tests that are not about timeouts. The
    /// whole suite runs at once, and on a loaded 2-core machine the test's
    /// client can wait over the served 10 s between two requests; the server
    /// then rightly closes the idle connection and the test fails for want of
    /// CPU (ConnectionTimeoutTests test the timeout itself).
    static let unhurriedIdleTimeout: Duration = .seconds(600)
    static let stamp = UTCTimestamp(date: CivilDate(year: 2025, month: 1, day: 10)!, time: TimeOfDay(hour: 9, minute: 30)!)

    static func calendar(_ name: String, summary: String, sequence: Int = 0) -> String {
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Aarshjul test//NO", "NAME:\(name)", "X-WR-CALNAME:\(name)",
            "BEGIN:VEVENT", "UID:lillestrom-politirad-2025-1@aarshjul", "SEQUENCE:\(sequence)",
            "DTSTAMP:20250110T093000Z", "DTSTART;VALUE=DATE:20250305", "DTEND;VALUE=DATE:20250306",
            "SUMMARY:\(summary)", "END:VEVENT", "END:VCALENDAR", "",
        ].joined(separator: "\r\n")
    }

    static var confidentialToken: String { FeedToken.derive(secret: secret, path: "lillestrom/politirad-full.ics") }

    static func catalog(summary: String = "Politirådsmøte", sequence: Int = 0, plan: Plan? = nil) throws -> FeedCatalog {
        try FeedCatalog(
            feeds: [
                Feed(path: "lillestrom/alle.ics", title: "Alle møter", municipality: "Lillestrøm", kind: .municipality,
                     text: calendar("Lillestrøm", summary: summary, sequence: sequence), lastModified: stamp),
                Feed(path: "lillestrom/politirad.ics", title: "Politiråd <& \"rådet\">", municipality: "Lillestrøm", kind: .series,
                     text: calendar("Politiråd", summary: summary, sequence: sequence), lastModified: stamp),
                Feed(path: "lillestrom/politirad-full.ics", title: "Politiråd (fullt)", municipality: "Lillestrøm", kind: .series,
                     text: calendar("Politiråd", summary: summary + " – sakliste: taushetsbelagt sak", sequence: sequence),
                     lastModified: stamp, visibility: .confidential(token: confidentialToken)),
                Feed(path: "bergen/slt.ics", title: "SLT", municipality: "Bergen", kind: .series,
                     text: calendar("SLT", summary: "SLT-møte"), lastModified: stamp),
            ],
            municipalities: [CatalogMunicipality(id: "lillestrom", name: "Lillestrøm", plan: plan)]
        )
    }

    static func plan() -> Plan {
        let agreement = Agreement(
            id: "lillestrom", municipality: "Lillestrøm", county: .akershus,
            series: [
                MeetingSeries(id: "politirad", title: "Politiråd", titleEnglish: "Police council", kind: .policeCouncil,
                              rule: .perYear(count: 2, atLeast: false)),
                MeetingSeries(id: "slt", title: "SLT <koordinering> & ledelse", kind: .sltMeeting, rule: .perYear(count: 3, atLeast: false)),
            ])
        func event(_ series: String, _ n: Int, _ title: String, _ m: Int, _ d: Int) -> PlannedEvent {
            PlannedEvent(uid: "lillestrom-\(series)-2025-\(n)@aarshjul", seriesID: series, occurrence: n, title: title,
                         date: CivilDate(year: 2025, month: m, day: d)!,
                         time: TimeSpan(TimeOfDay(hour: 9, minute: 0)!, TimeOfDay(hour: 11, minute: 0)!), stamp: stamp)
        }
        return Plan(agreement: agreement, years: 2025...2025, language: .bokmal, events: [
            event("politirad", 1, "Politirådsmøte", 3, 5),
            event("slt", 1, "SLT-møte", 2, 12),
            event("slt", 2, "SLT-møte", 7, 1),
            event("politirad", 2, "Politirådsmøte", 10, 15),
            event("slt", 3, "SLT-møte", 11, 20),
        ])
    }
}

/// A source whose catalog the test changes between reloads, or makes fail.
actor ScriptedSource: FeedSource {
    private var next: Result<FeedCatalog, Error>
    private(set) var calls = 0

    init(_ catalog: FeedCatalog) { next = .success(catalog) }

    func set(_ catalog: FeedCatalog) { next = .success(catalog) }
    func fail(_ error: Error) { next = .failure(error) }

    func catalog() async throws -> FeedCatalog {
        calls += 1
        return try next.get()
    }
}

struct SourceBroke: Error, Equatable, CustomStringConvertible {
    var description: String { "agreement file lillestrom.yaml:3:1: bad indentation" }
}
