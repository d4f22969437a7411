import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal

/// A fresh plan that honours the busy calendars and skolerute the agreement
/// file names (`busy_calendars`, `school_calendar.import`); libical's
/// findings in those files are printed as warnings.
enum ImportedCalendarsPlan {
    static func plan(_ agreement: Agreement, imports: CalendarImports, years: ClosedRange<Int>,
                     language: PlanLanguage) throws -> Plan {
        let inputs = try AgreementCalendarInputs.read(
            busyCalendars: imports.busyCalendars, schoolCalendars: imports.schoolCalendars,
            horizon: DateRange(.firstOfYear(years.lowerBound), .lastOfYear(years.upperBound)))
        var standardError = StandardError()
        for finding in inputs.findings { print("aarshjul: warning: \(finding)", to: &standardError) }
        return try Planner.plan(PlanRequest(agreement: agreement, years: years, language: language),
                                busy: inputs.busy, schoolHolidays: inputs.schoolHolidays)
    }
}
