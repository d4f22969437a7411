import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import AarshjulServer
import Foundation

/// A fresh plan that honours the busy calendars and skolerute the agreement
/// file names (`busy_calendars`, `school_calendar.import`); libical's
/// findings in those files are printed as warnings.
///
/// This is the one validation `plan` and `check` share: `check` runs
/// exactly `make` and prints a summary instead of the plan, so a file one
/// accepts the other accepts, and a file one refuses the other refuses
/// with the same message and exit status.
enum ImportedCalendarsPlan {
    /// An agreement file read, its calendar files read and the year(s)
    /// planned; on any problem the error is printed and the process exits.
    /// `previous`: a folder of last year's plan whose chains (every-N-weeks series) the plan continues.
    static func make(path: String, years: ClosedRange<Int>, language override: PlanLanguage?,
                     previous: String? = nil) -> (Agreement, Plan, PlanLanguage) {
        var agreement: Agreement
        let imports: CalendarImports
        do { (agreement, imports) = try AgreementFile.loadWithImports(path: path) } catch {
            Failure.reportReading(error, asked: override)
        }
        let written = agreement
        if let previous {
            do {
                agreement = try ChainContinuation.continuing(agreement, firstYear: years.lowerBound, fromFolder: previous)
            } catch {
                Failure.exit("\(previous): cannot read the previous plan (\(error)).", code: 1)
            }
        }
        let language = override ?? agreement.language
        do {
            return (agreement, try plan(agreement, imports: imports, years: years, language: language), language)
        } catch ICalError.unreadable(let file, let problem) {
            // Located at the agreement's line that names the file (where to change the path).
            if let located = imports.unreadable(file, problem, language: agreement.language) { Failure.report(located, language: language) }
            Failure.report(ICalError.unreadable(path: file, problem: problem), language: language)
        } catch {
            // A chain continued from the previous plan whose agreed gap cannot be kept
            // after its last meeting: bridged as soon as the calendar allows, and said.
            if previous != nil, let relieved = ChainRelief.plan(original: written, continued: agreement, failure: error, attempt: {
                try plan($0, imports: imports, years: years, language: language)
            }) {
                for note in relieved.notes { FileHandle.standardError.write(Data(("aarshjul: " + note.text.text(language) + "\n").utf8)) }
                return (agreement, relieved.plan, language)
            }
            Failure.report(error, language: language)
        }
    }

    static func plan(_ agreement: Agreement, imports: CalendarImports, years: ClosedRange<Int>,
                     language: PlanLanguage) throws -> Plan {
        let files = RescheduleInputs(agreement: agreement, years: years)
        var busy: [BusyInterval] = []
        for (person, path) in imports.busyCalendars { busy += try files.busy(path, person: person) }
        var holidays: [Blackout] = []
        for path in imports.schoolCalendars { holidays += try files.schoolHolidays(path) }
        return try Planner.plan(PlanRequest(agreement: agreement, years: years, language: language),
                                busy: busy, schoolHolidays: holidays)
    }
}
