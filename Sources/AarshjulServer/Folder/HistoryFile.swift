import AarshjulCore
import Foundation

/// `PublishedHistory` on disk as JSON (attendees and agenda included, so the
/// file is written owner-only, see `PrivateFile`). Dates as ISO text, times
/// as minutes after midnight, stamps as seconds since the epoch; keys sorted
/// so the same history gives the same bytes.
enum HistoryFile {
    static let version = 1

    static func encode(_ history: PublishedHistory) throws -> [UInt8] {
        let file = Stored(version: version,
                          events: history.events.values.sorted(by: PlannedEvent.planOrder).map {
                              StoredEvent($0, public: history.publicVersions[$0.uid])
                          },
                          deadlines: history.deadlines.values.sorted { ($0.due, $0.uid) < ($1.due, $1.uid) }.map(StoredDeadline.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return Array(try encoder.encode(file)) + [0x0A]
    }

    static func decode(_ bytes: [UInt8]) throws -> PublishedHistory {
        let file = try JSONDecoder().decode(Stored.self, from: Data(bytes))
        guard file.version == version else { throw HistoryFileError.unknownVersion(file.version) }
        var versions: [String: PublishedHistory.Version] = [:]
        for event in file.events {
            if let sequence = event.publicSequence, let stamp = event.publicStamp {
                versions[event.uid] = .init(sequence: sequence, stamp: UTCTimestamp(secondsSinceEpoch: stamp))
            }
        }
        return PublishedHistory(events: try file.events.map { try $0.event() }, deadlines: try file.deadlines.map { try $0.deadline() },
                                publicVersions: versions)
    }

    private struct Stored: Codable {
        var version: Int
        var events: [StoredEvent]
        var deadlines: [StoredDeadline]
    }

    private struct StoredEvent: Codable {
        var uid, seriesID, title, date: String
        var schoolID, location, organizer: String?
        var occurrence, sequence, stamp: Int
        var start, end: Int?
        var attendees, guests, agenda: [String]
        var cancelled: Bool
        /// The version public feeds show (absent in files of earlier versions: the full version).
        var publicSequence, publicStamp: Int?

        init(_ e: PlannedEvent, public version: PublishedHistory.Version?) {
            publicSequence = version?.sequence; publicStamp = version?.stamp.secondsSinceEpoch
            uid = e.uid; seriesID = e.seriesID; title = e.title; date = e.date.iso
            schoolID = e.schoolID; location = e.location; organizer = e.organizer
            occurrence = e.occurrence; sequence = e.sequence; stamp = e.stamp.secondsSinceEpoch
            start = e.time?.start.minutes; end = e.time?.end.minutes
            attendees = e.attendees; guests = e.guests; agenda = e.agenda; cancelled = e.cancelled
        }

        func event() throws -> PlannedEvent {
            guard let day = CivilDate(iso: date) else { throw HistoryFileError.badDate(date) }
            let span = start.flatMap { s in end.map { TimeSpan(TimeOfDay(minutes: s), TimeOfDay(minutes: $0)) } }
            var e = PlannedEvent(uid: uid, seriesID: seriesID, schoolID: schoolID, occurrence: occurrence, title: title,
                                 date: day, time: span, location: location, organizer: organizer, attendees: attendees,
                                 guests: guests, agenda: agenda, sequence: sequence,
                                 stamp: UTCTimestamp(secondsSinceEpoch: stamp))
            e.cancelled = cancelled
            return e
        }
    }

    private struct StoredDeadline: Codable {
        var uid, sourceID, title, due: String
        var relatedEventUID: String?
        var responsible: [String]
        var sequence, stamp: Int

        init(_ d: PlannedDeadline) {
            uid = d.uid; sourceID = d.sourceID; title = d.title; due = d.due.iso
            relatedEventUID = d.relatedEventUID; responsible = d.responsible
            sequence = d.sequence; stamp = d.stamp.secondsSinceEpoch
        }

        func deadline() throws -> PlannedDeadline {
            guard let day = CivilDate(iso: due) else { throw HistoryFileError.badDate(due) }
            return PlannedDeadline(uid: uid, sourceID: sourceID, title: title, due: day, relatedEventUID: relatedEventUID,
                                   responsible: responsible, sequence: sequence, stamp: UTCTimestamp(secondsSinceEpoch: stamp))
        }
    }
}

enum HistoryFileError: Error, CustomStringConvertible {
    case unknownVersion(Int)
    case badDate(String)

    var description: String {
        switch self {
        case .unknownVersion(let v): return "written by another version of aarshjul (format \(v), this one reads \(HistoryFile.version))"
        case .badDate(let d): return "\"\(d)\" is not a date (YYYY-MM-DD)"
        }
    }
}
