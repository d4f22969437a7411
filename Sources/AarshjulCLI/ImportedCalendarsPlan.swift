import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal

/// A fresh plan that honours the busy calendars and skolerute the agreement
/// file names (`busy_calendars`, `school_calendar.import`); libical's
/// findings in those files are printed as warnings.
enum ImportedCalendarsPlan {
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
