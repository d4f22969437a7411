/// The soft rules as pure cost functions. The solver's node and edge costs and
/// the plan's cost report are both built from these, so a penalty always has
/// the same size wherever it is counted.
enum SoftCosts {
    /// `preferred-weekday`: the day is not one of the series' preferred weekdays.
    static func weekday(_ series: MeetingSeries, _ day: Weekday) -> Int {
        let preferred = series.preferences.weekdays
        return preferred.isEmpty || preferred.contains(day) ? 0 : RuleCatalogue.Weight.preferredWeekday
    }

    /// `agreed-weekday`: weekly presence moved off its agreed weekday.
    static func agreedWeekday(_ series: MeetingSeries, _ day: Weekday) -> Int {
        guard case .weekly(let agreed?) = series.rule, agreed != day else { return 0 }
        return RuleCatalogue.Weight.agreedWeekday
    }

    /// The start a series would like on a day the venue opens at `opening`.
    static func preferredStart(_ series: MeetingSeries, opening: TimeOfDay) -> TimeOfDay {
        series.preferences.startTime ?? max(RuleCatalogue.defaultPreferredStart, opening)
    }

    /// `preferred-time`: weight per started half hour away from the preferred start.
    static func time(start: TimeOfDay, preferred: TimeOfDay) -> (points: Int, minutes: Int) {
        let minutes = abs(start.minutes - preferred.minutes)
        let halfHours = (minutes + 29) / 30
        return (halfHours * RuleCatalogue.Weight.preferredTime, minutes)
    }

    /// `day-after-break`.
    static func dayAfterBreak(_ isFirstDayAfterBreak: Bool) -> Int {
        isFirstDayAfterBreak ? RuleCatalogue.Weight.dayAfterBreak : 0
    }

    /// `mid-window`: whole weeks between `day` and the middle of its slot
    /// `first...last` (day indexes). Without it every quarterly meeting would
    /// land on the first free day of its quarter, which nobody plans by hand.
    static func midWindow(day: Int, first: Int, last: Int) -> (points: Int, days: Int) {
        let days = abs(2 * day - (first + last)) / 2
        return (days / 7 * RuleCatalogue.Weight.midWindow, days)
    }

    /// `agenda-notice-early`: `daysEarly` extra days of notice forced by days off.
    static func agendaEarly(daysEarly: Int) -> Int {
        daysEarly * RuleCatalogue.Weight.agendaNoticeEarly
    }

    /// The ideal gap and its tolerance for a series' `even-spacing`, or nil when
    /// the rule does not space meetings (weekly, yearly, school windows).
    static func spacing(_ rule: FrequencyRule, year: Int) -> Spacing? {
        let yearDays = Double(DateRange.year(year).dayCount)
        let tolerance = RuleCatalogue.countRuleSpacingTolerance
        switch rule {
        case .perQuarter(let n) where n > 0:
            return Spacing(ideal: yearDays / Double(4 * n), tolerance: tolerance)
        case .perYear(let count, _) where count > 1:
            return Spacing(ideal: yearDays / Double(count), tolerance: tolerance)
        case .monthly(let skip):
            let months = (1...12).filter { !skip.contains($0) }.count
            return months > 1 ? Spacing(ideal: yearDays / Double(months), tolerance: tolerance) : nil
        case .everyWeeks(let a, let b, _):
            return Spacing(ideal: Double((a + b) * 7) / 2, tolerance: RuleCatalogue.chainSpacingTolerance)
        default:
            return nil
        }
    }

    struct Spacing: Sendable, Equatable {
        let ideal: Double
        let tolerance: Int

        /// Points and days of deviation for a gap of `gap` days.
        func cost(gap: Int) -> (points: Int, days: Int) {
            let deviation = Int((abs(Double(gap) - ideal)).rounded(.toNearestOrAwayFromZero))
            return (max(0, deviation - tolerance) * RuleCatalogue.Weight.evenSpacing, deviation)
        }
    }
}
