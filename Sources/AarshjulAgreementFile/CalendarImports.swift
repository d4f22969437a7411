import AarshjulCore
import Foundation
import Yams

/// The calendar files an agreement file names for rescheduling: people's busy
/// calendars (`busy_calendars: {ordforer: ordforer.ics}`) and an imported
/// skolerute (`school_calendar: {import: skolerute.ics}`). Paths are resolved
/// against the agreement file's folder. Reading the files is the caller's job
/// (through AarshjulICal); the core model holds no paths.
public struct CalendarImports: Sendable, Equatable {
    /// (person id, path), in file order.
    public var busyCalendars: [(person: String, path: String)]
    public var schoolCalendars: [String]
    /// Where each path is written in the agreement file (file, line, column),
    /// so that a calendar file that cannot be read is located at the line naming it.
    var written: [String: (file: String, at: Position, busy: Bool)] = [:]

    public init(busyCalendars: [(person: String, path: String)] = [], schoolCalendars: [String] = []) {
        self.busyCalendars = busyCalendars
        self.schoolCalendars = schoolCalendars
    }

    public static func == (a: CalendarImports, b: CalendarImports) -> Bool {
        a.schoolCalendars == b.schoolCalendars
            && a.busyCalendars.map { "\($0.person)=\($0.path)" } == b.busyCalendars.map { "\($0.person)=\($0.path)" }
    }
}

extension CalendarImports {
    /// A calendar file the agreement names that cannot be read (`problem`),
    /// located at the line of the agreement file that names it; nil for a
    /// path the agreement does not name.
    public func unreadable(_ path: String, _ problem: InputFile.Problem, language: PlanLanguage?) -> AgreementFileError? {
        guard let place = written[path] else { return nil }
        let (file, at, busy) = (place.file, place.at, place.busy)
        let inner = problem.words(expected: LocalizedText(nb: "en iCalendar-fil (.ics)", nn: "ei iCalendar-fil (.ics)", en: "an iCalendar file (.ics)"))
        let what = busy ? LocalizedText(nb: "opptattkalenderen", nn: "opptattkalenderen", en: "the busy calendar")
                        : LocalizedText(nb: "skoleruten", nn: "skuleruta", en: "the skolerute")
        return AgreementFileError(file: file, line: at.line, column: at.column, words: LocalizedText(
            nb: "\(what.bokmal) '\(path)' kan ikke leses: \(inner.bokmal)",
            nn: "\(what.nynorsk) '\(path)' kan ikkje lesast: \(inner.nynorsk)",
            en: "\(what.english) '\(path)' cannot be read: \(inner.english)"), language: language)
    }
}

extension AgreementFile {
    /// The agreement (checked as by `load`) and the calendar files it names.
    public static func loadWithImports(path: String) throws(AgreementFileError) -> (Agreement, CalendarImports) {
        let agreement = try load(path: path)
        let text = try readText(path, expected: expectedAgreement)
        let folder = (path as NSString).deletingLastPathComponent
        do {
            return (agreement, try imports(text, fileName: path, folder: folder, people: agreement.people.map(\.id)))
        } catch {
            var said = error
            said.language = agreement.language
            throw said
        }
    }

    static let icsPath = LocalizedText(nb: "stien til en .ics-fil", nn: "stigen til ei .ics-fil", en: "the path of an .ics file")

    public static func imports(_ text: String, fileName: String, folder: String, people: [String]) throws(AgreementFileError) -> CalendarImports {
        let reader = NodeReader(file: fileName)
        guard let root = try? Yams.compose(yaml: text, Resolver.basic), case .mapping = root else { return CalendarImports() }
        let top = try reader.pairs(root, expected: LocalizedText(nb: "avtalen", nn: "avtalen", en: "the agreement"))
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") || folder.isEmpty ? relative : (folder as NSString).appendingPathComponent(relative)
        }
        var out = CalendarImports()
        if let busy = top.first(where: { $0.key == "busy_calendars" })?.value, !reader.isNull(busy) {
            for entry in try reader.pairs(busy, expected: LocalizedText(
                nb: "opptattkalendere per person, som {ordforer: ordforer.ics}", nn: "opptattkalendrar per person, som {ordforer: ordforer.ics}",
                en: "busy calendars by person, such as {ordforer: ordforer.ics}")) {
                guard people.contains(entry.key) else {
                    let guess = Suggestion.didYouMean(entry.key, in: people), listed = people.joined(separator: ", ")
                    throw reader.fail(reader.position(entry.keyNode), LocalizedText(
                        nb: "'\(entry.key)' under busy_calendars står ikke under 'people:'\(guess.bokmal); forventet en av personene der: \(listed)",
                        nn: "'\(entry.key)' under busy_calendars står ikkje under 'people:'\(guess.nynorsk); venta ein av personane der: \(listed)",
                        en: "'\(entry.key)' under busy_calendars is not listed under 'people:'\(guess.english); expected one of the people there: \(listed)"))
                }
                let file = try reader.nonEmptyText(entry.value, expected: Self.icsPath)
                out.busyCalendars.append((entry.key, resolve(file)))
                out.written[resolve(file)] = (fileName, reader.position(entry.value), true)
            }
        }
        if let school = top.first(where: { $0.key == "school_calendar" })?.value, case .mapping = school {
            for entry in try reader.pairs(school, expected: LocalizedText(nb: "school_calendar", nn: "school_calendar", en: "school_calendar")) where entry.key == "import" {
                if case .sequence(let items) = entry.value {
                    for item in items {
                        out.schoolCalendars.append(resolve(try reader.nonEmptyText(item, expected: Self.icsPath)))
                        out.written[out.schoolCalendars.last!] = (fileName, reader.position(item), false)
                    }
                } else {
                    out.schoolCalendars.append(resolve(try reader.nonEmptyText(entry.value, expected: Self.icsPath)))
                    out.written[out.schoolCalendars.last!] = (fileName, reader.position(entry.value), false)
                }
            }
        }
        return out
    }
}
