extension Planner {
    /// A fresh plan around people's busy time and an imported skolerute.
    /// Without either it is exactly `plan(_:)`; with them it is a repair of an
    /// empty published plan, stamped like a fresh plan (`agreement.revised`),
    /// so the output stays deterministic.
    public static func plan(_ request: PlanRequest, busy: [BusyInterval],
                            schoolHolidays: [Blackout]) throws(PlanningError) -> Plan {
        guard !busy.isEmpty || !schoolHolidays.isEmpty else { return try plan(request) }
        let agreement = request.agreement
        let stamp = Plan.freshStamp(agreement, years: request.years)
        return try Rescheduler.reschedule(RescheduleRequest(
            agreement: agreement, years: request.years, language: request.language, previous: [],
            extraBlackouts: request.extraBlackouts, busy: busy, schoolHolidays: schoolHolidays, stamp: stamp)).plan
    }
}
