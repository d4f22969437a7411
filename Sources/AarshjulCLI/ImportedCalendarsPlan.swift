import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal

/// A fresh plan that honours the busy calendars and skolerute the agreement
/// file names (`busy_calendars`, `school_calendar.import`). Without imports it
/// is exactly `Planner.plan`; with them it is a repair of an empty published
/// plan, stamped like a fresh plan, so the output stays deterministic.
enum ImportedCalendarsPlan {
    static func plan(_ agreement: Agreement, imports: CalendarImports, years: ClosedRange<Int>,
                     language: PlanLanguage) throws -> Plan {
        guard !imports.busyCalendars.isEmpty || !imports.schoolCalendars.isEmpty else {
            return try Planner.plan(PlanRequest(agreement: agreement, years: years, language: language))
        }
        let inputs = RescheduleInputs(agreement: agreement, years: years)
        var busy: [BusyInterval] = []
        for (person, path) in imports.busyCalendars { busy += try inputs.busy(path, person: person) }
        var holidays: [Blackout] = []
        for path in imports.schoolCalendars { holidays += try inputs.schoolHolidays(path) }
        let stamp = UTCTimestamp(date: agreement.revised ?? CivilDate(year: years.lowerBound - 1, month: 12, day: 1)!)
        return try Rescheduler.reschedule(RescheduleRequest(
            agreement: agreement, years: years, language: language, previous: [], busy: busy,
            schoolHolidays: holidays, stamp: stamp)).plan
    }
}
