import AarshjulCore
import Yams

/// School calendar, no-meeting periods, blackouts and election days.
extension NodeReader {
    func schoolCalendar(_ node: Node) throws(AgreementFileError) -> SchoolCalendarSettings {
        let f = try fields(node, of: "school_calendar", allowed: [
            "winter_break_week", "autumn_break_week", "autumn_break_days", "summer_breaks", "extra_closed_days", "import",
        ])
        var s = SchoolCalendarSettings()
        s.winterBreakWeek = try f["winter_break_week"].map { n throws(AgreementFileError) in try int(n, "an ISO week number", in: 1...53) }
        s.autumnBreakWeek = try f["autumn_break_week"].map { n throws(AgreementFileError) in try int(n, "an ISO week number", in: 1...53) }
        s.autumnBreakDays = try f["autumn_break_days"].map { n throws(AgreementFileError) in try int(n, "a number of weekdays off", in: 1...5) }
        if let breaks = f["summer_breaks"] {
            for entry in try pairs(breaks, expected: "summer breaks by year, such as {2027: {from: 2027-06-19, to: 2027-08-15}}") {
                let y = try year(entry.keyNode)
                let b = try fields(entry.value, of: "the summer break of \(y)", allowed: ["from", "to"])
                let from = try date(try b.required("from", expected: "the first day of the break"))
                let to = try date(try b.required("to", expected: "the last day of the break"))
                guard from.year == y else {
                    throw fail(position(b["from"]!), "The summer break listed under \(y) starts in \(from.year); list it under the year it starts.")
                }
                guard from <= to else { throw fail(position(b["to"]!), "The summer break ends (\(to)) before it starts (\(from)).") }
                if s.summerBreaks[y] != nil { throw fail(position(entry.keyNode), "The summer break of \(y) is given twice.") }
                s.summerBreaks[y] = DateRange(from, to)
            }
        }
        for item in try list(f["extra_closed_days"] ?? Node(""), expected: "closed days") {
            s.extraClosedDays.append(try blackout(item, of: "an extra closed school day"))
        }
        return s
    }

    func noMeetingPeriods(_ node: Node) throws(AgreementFileError) -> NoMeetingSettings {
        let f = try fields(node, of: "no_meeting_periods", allowed: ["christmas", "fellesferie"])
        var s = NoMeetingSettings()
        if let c = f["christmas"] { s.christmas = try bool(c) }
        if let v = f["fellesferie"] { s.fellesferie = try bool(v) }
        return s
    }

    /// `{2027: 2027-09-13}`: the election day of a year, overriding the
    /// projected second Monday of September.
    func elections(_ node: Node) throws(AgreementFileError) -> [Int: CivilDate] {
        var out: [Int: CivilDate] = [:]
        for entry in try pairs(node, expected: "election days by year, such as {2027: 2027-09-13}") {
            let y = try year(entry.keyNode)
            guard Elections.kind(in: y) != nil else {
                throw fail(position(entry.keyNode), "There is no election in \(y); Norway elects a parliament in 2025, 2029, … and municipal councils in 2027, 2031, ….")
            }
            let day = try date(entry.value)
            guard day.year == y else {
                throw fail(position(entry.value), "The election day listed under \(y) is in \(day.year); expected a date in \(y).")
            }
            if out[y] != nil { throw fail(position(entry.keyNode), "The election of \(y) is given twice.") }
            out[y] = day
        }
        return out
    }
}
