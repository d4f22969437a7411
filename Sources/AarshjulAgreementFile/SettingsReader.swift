import AarshjulCore
import Yams

/// School calendar, no-meeting periods, blackouts and election days.
extension NodeReader {
    static let weekNumber = LocalizedText(nb: "et ukenummer", nn: "eit vekenummer", en: "an ISO week number")

    func schoolCalendar(_ node: Node) throws(AgreementFileError) -> SchoolCalendarSettings {
        let f = try fields(node, of: LocalizedText(nb: "school_calendar", nn: "school_calendar", en: "school_calendar"), allowed: [
            "winter_break_week", "autumn_break_week", "autumn_break_days", "summer_breaks", "extra_closed_days", "import",
        ])
        var s = SchoolCalendarSettings()
        s.winterBreakWeek = try f["winter_break_week"].map { n throws(AgreementFileError) in try int(n, Self.weekNumber, in: 1...53) }
        s.autumnBreakWeek = try f["autumn_break_week"].map { n throws(AgreementFileError) in try int(n, Self.weekNumber, in: 1...53) }
        s.autumnBreakDays = try f["autumn_break_days"].map { n throws(AgreementFileError) in try int(n, LocalizedText(nb: "et antall fridager (ukedager)", nn: "eit tal på fridagar (vekedagar)", en: "a number of weekdays off"), in: 1...5) }
        if let breaks = f["summer_breaks"] {
            for entry in try pairs(breaks, expected: LocalizedText(
                nb: "sommerferier per år, som {2027: {from: 2027-06-19, to: 2027-08-15}}", nn: "sommarferiar per år, som {2027: {from: 2027-06-19, to: 2027-08-15}}",
                en: "summer breaks by year, such as {2027: {from: 2027-06-19, to: 2027-08-15}}")) {
                let y = try year(entry.keyNode)
                let b = try fields(entry.value, of: LocalizedText(nb: "sommerferien \(y)", nn: "sommarferien \(y)", en: "the summer break of \(y)"), allowed: ["from", "to"])
                let from = try date(try b.required("from", expected: LocalizedText(nb: "første feriedag", nn: "første feriedag", en: "the first day of the break")))
                let to = try date(try b.required("to", expected: LocalizedText(nb: "siste feriedag", nn: "siste feriedag", en: "the last day of the break")))
                guard from.year == y else {
                    throw fail(position(b["from"]!), LocalizedText(
                        nb: "sommerferien som står under \(y), begynner i \(from.year); forventet den under året den begynner",
                        nn: "sommarferien som står under \(y), byrjar i \(from.year); venta han under året han byrjar",
                        en: "the summer break listed under \(y) starts in \(from.year); expected it under the year it starts"))
                }
                guard from <= to else {
                    throw fail(position(b["to"]!), LocalizedText(
                        nb: "sommerferien slutter (\(to)) før den begynner (\(from)); forventet en siste feriedag lik eller senere enn \(from)",
                        nn: "sommarferien sluttar (\(to)) før han byrjar (\(from)); venta ein siste feriedag lik eller seinare enn \(from)",
                        en: "the summer break ends (\(to)) before it starts (\(from)); expected a last day on or after \(from)"))
                }
                if s.summerBreaks[y] != nil {
                    throw fail(position(entry.keyNode), LocalizedText(
                        nb: "sommerferien \(y) står to ganger; forventet hvert år bare én gang",
                        nn: "sommarferien \(y) står to gonger; venta kvart år berre éin gong",
                        en: "the summer break of \(y) is given twice; expected each year once"))
                }
                s.summerBreaks[y] = DateRange(from, to)
            }
        }
        for item in try list(f["extra_closed_days"] ?? Node(""), expected: LocalizedText(nb: "skolefrie dager", nn: "skulefrie dagar", en: "closed days")) {
            s.extraClosedDays.append(try blackout(item, of: LocalizedText(nb: "en ekstra skolefri dag", nn: "ein ekstra skulefri dag", en: "an extra closed school day")))
        }
        return s
    }

    func noMeetingPeriods(_ node: Node) throws(AgreementFileError) -> NoMeetingSettings {
        let f = try fields(node, of: LocalizedText(nb: "no_meeting_periods", nn: "no_meeting_periods", en: "no_meeting_periods"), allowed: ["christmas", "fellesferie"])
        var s = NoMeetingSettings()
        if let c = f["christmas"] { s.christmas = try bool(c) }
        if let v = f["fellesferie"] { s.fellesferie = try bool(v) }
        return s
    }

    /// `{2027: 2027-09-13}`: the election day of a year, overriding the
    /// projected second Monday of September.
    func elections(_ node: Node) throws(AgreementFileError) -> [Int: CivilDate] {
        var out: [Int: CivilDate] = [:]
        for entry in try pairs(node, expected: LocalizedText(nb: "valgdager per år, som {2027: 2027-09-13}", nn: "valdagar per år, som {2027: 2027-09-13}",
                                                             en: "election days by year, such as {2027: 2027-09-13}")) {
            let y = try year(entry.keyNode)
            guard Elections.kind(in: y) != nil else {
                throw fail(position(entry.keyNode), LocalizedText(
                    nb: "det er ikke valg i \(y); forventet et valgår: stortingsvalg i 2025, 2029, … og kommunestyrevalg i 2027, 2031, …",
                    nn: "det er ikkje val i \(y); venta eit valår: stortingsval i 2025, 2029, … og kommunestyreval i 2027, 2031, …",
                    en: "there is no election in \(y); expected an election year: parliament in 2025, 2029, … and municipal councils in 2027, 2031, …"))
            }
            let day = try date(entry.value)
            guard day.year == y else {
                throw fail(position(entry.value), LocalizedText(
                    nb: "valgdagen som står under \(y), er i \(day.year); forventet en dato i \(y)",
                    nn: "valdagen som står under \(y), er i \(day.year); venta ein dato i \(y)",
                    en: "the election day listed under \(y) is in \(day.year); expected a date in \(y)"))
            }
            if out[y] != nil {
                throw fail(position(entry.keyNode), LocalizedText(
                    nb: "valget i \(y) står to ganger; forventet hvert år bare én gang",
                    nn: "valet i \(y) står to gonger; venta kvart år berre éin gong",
                    en: "the election of \(y) is given twice; expected each year once"))
            }
            out[y] = day
        }
        return out
    }
}
