/// `aarshjul holidays`: every day of a year the plan keeps free, and why.
/// Public holidays one per line; periods (consecutive days with the same
/// reason) as one line each; school holidays apart, since they block only
/// school events; the election day as information. Weekends are not listed.
public enum HolidayListing {
    public static func render(year: Int, calendar: MunicipalCalendar, language: PlanLanguage,
                              countyName: String?) -> String {
        let lang = language
        var blocks: [[String]] = []
        var heading = "\(ListingWords.title.text(lang)) \(year)"
        if let countyName, !countyName.isEmpty { heading += " – " + countyName }
        blocks.append([heading])

        let days = Array(DateRange.year(year))
        var holidays = TextTable(tight: [0])
        for day in days {
            for case .publicHoliday(let name) in calendar.blockers(on: day) {
                holidays.append([Words.weekdayAbbreviation(day.weekday, lang), Words.shortDate(day, lang), name.text(lang)])
            }
        }
        if !holidays.rows.isEmpty { blocks.append([ListingWords.publicHolidays.text(lang)] + holidays.lines()) }

        let runs = periods(days: days, calendar: calendar, lang)
        let closed = runs.filter { !$0.schoolOnly }
        if !closed.isEmpty { blocks.append([ListingWords.noMeetingPeriods.text(lang)] + periodLines(closed, lang)) }
        blocks += schoolBlocks(year: year, school: calendar.school, lang)

        if let election = calendar.election(in: year) {
            var text = ListingWords.electionName(election.kind).text(lang)
            if election.projected { text += " " + ListingWords.projected.text(lang) }
            var table = TextTable(tight: [0])
            table.append([Words.weekdayAbbreviation(election.date.weekday, lang), Words.shortDate(election.date, lang), text])
            blocks.append([ListingWords.election.text(lang)] + table.lines() + electionSource(election, lang))
        }

        blocks.append([ListingWords.weekendFooter.text(lang)])
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// One line per public holiday: `YYYY-MM-DD<TAB>bokmål name`, in date
    /// order; a day with two holidays (17 May 2027) gives two lines. For
    /// machines (`aarshjul holidays --format iso`), so always bokmål.
    public static func renderISO(year: Int, calendar: MunicipalCalendar) -> String {
        var out = ""
        for day in DateRange.year(year) {
            for case .publicHoliday(let name) in calendar.blockers(on: day) {
                out += "\(day.iso)\t\(name.text(.bokmal))\n"
            }
        }
        return out
    }

    /// Where the election day comes from: the decision for a decided day, the
    /// rule (and where it is read) for a projected one; nothing for a day the
    /// agreement sets itself.
    static func electionSource(_ election: Elections.Election, _ lang: PlanLanguage) -> [String] {
        guard let p = election.provenance else { return [] }
        let citation = p.source.map { $0.citation(lang) }
        let text: String
        if p.status == .projected, let basis = p.basis {
            text = ListingWords.assumedFromRule.text(lang) + " " + basis.text(lang) + (citation.map { " (\($0))" } ?? "")
        } else if let citation {
            text = p.status.word(lang) + " – " + citation
        } else {
            return []
        }
        return ["  " + ListingWords.source.text(lang) + ": " + text]
    }

    /// The school breaks touching the year, each with whether it is
    /// published or projected and a numbered source; then the sources.
    static func schoolBlocks(year: Int, school: SchoolCalendar, _ lang: PlanLanguage) -> [[String]] {
        let breaks = school.breaks(touching: year)
        guard !breaks.isEmpty else { return [] }
        var references: [String] = []
        func reference(_ text: String) -> Int {
            if let i = references.firstIndex(of: text) { return i + 1 }
            references.append(text)
            return references.count
        }
        var table = TextTable()
        for b in breaks {
            let first = max(b.range.first, .firstOfYear(year)), last = min(b.range.last, .lastOfYear(year))
            let when = Words.dateRange(first, last, lang)
            let status: String
            if let p = b.provenance {
                var ref = p.source.map { $0.citation(lang) } ?? ""
                if p.status == .projected, let basis = p.basis {
                    // A date projected for its own reason (a proposal, say) is
                    // not said to follow the county's pattern.
                    let lead = basis == school.route.pattern.basis ? ListingWords.assumedFrom : ListingWords.assumedBecause
                    ref = lead.text(lang) + " " + basis.text(lang) + (ref.isEmpty ? "" : " (\(ref))")
                }
                status = p.status.word(lang) + (ref.isEmpty ? "" : " [\(reference(ref))]")
            } else {
                status = ListingWords.ownCalendar.text(lang)
            }
            table.append([when, b.name.text(lang), status])
        }
        var blocks = [[ListingWords.schoolHolidays.text(lang)] + table.lines()]
        if !references.isEmpty {
            let heading = ListingWords.schoolSources.text(lang) + " (" + school.county.name + ")"
            blocks.append([heading] + references.enumerated().map { "  [\($0.offset + 1)] \($0.element)" })
        }
        return blocks
    }

    struct Period: Equatable {
        var range: DateRange
        var reason: String
        var schoolOnly: Bool
    }

    /// Runs of consecutive days (weekends included) that share a reason,
    /// clipped to the year, sorted by first day, then by first appearance.
    static func periods(days: [CivilDate], calendar: MunicipalCalendar, _ lang: PlanLanguage) -> [Period] {
        var open: [Period] = []
        var done: [(period: Period, order: Int)] = []
        var order: [String: Int] = [:]
        for day in days {
            var today: [Period] = []
            for blocker in calendar.blockers(on: day) {
                switch blocker {
                case .noMeetingPeriod, .blackout:
                    today.append(Period(range: DateRange(day, day), reason: blocker.text(lang), schoolOnly: false))
                case .schoolHoliday:
                    today.append(Period(range: DateRange(day, day), reason: blocker.text(lang), schoolOnly: true))
                case .weekend, .publicHoliday:
                    continue
                }
            }
            var next: [Period] = []
            for period in today {
                let key = (period.schoolOnly ? "s:" : "c:") + period.reason
                if order[key] == nil { order[key] = order.count }
                if let i = open.firstIndex(where: { $0.reason == period.reason && $0.schoolOnly == period.schoolOnly }) {
                    next.append(Period(range: DateRange(open[i].range.first, day), reason: period.reason, schoolOnly: period.schoolOnly))
                    open.remove(at: i)
                } else {
                    next.append(period)
                }
            }
            for ended in open { done.append((ended, order[(ended.schoolOnly ? "s:" : "c:") + ended.reason]!)) }
            open = next
        }
        for ended in open { done.append((ended, order[(ended.schoolOnly ? "s:" : "c:") + ended.reason]!)) }
        return done.sorted { ($0.period.range.first, $0.order) < ($1.period.range.first, $1.order) }.map(\.period)
    }

    static func periodLines(_ periods: [Period], _ lang: PlanLanguage) -> [String] {
        var table = TextTable()
        for p in periods {
            let when = p.range.dayCount == 1
                ? Words.shortDate(p.range.first, lang)
                : Words.dateRange(p.range.first, p.range.last, lang)
            table.append([when, p.reason])
        }
        return table.lines()
    }
}

/// The holiday listing's own vocabulary.
enum ListingWords {
    static let title = LocalizedText(nb: "Dager uten møter", nn: "Dagar utan møte", en: "Days without meetings")
    static let publicHolidays = LocalizedText(nb: "Helligdager", nn: "Heilagdagar", en: "Public holidays")
    static let noMeetingPeriods = LocalizedText(nb: "Møtefrie perioder", nn: "Møtefrie periodar", en: "No-meeting periods")
    static let schoolHolidays = LocalizedText(nb: "Skoleferier (gjelder bare skolearrangementer)",
                                              nn: "Skuleferiar (gjeld berre skulearrangement)",
                                              en: "School holidays (apply to school events only)")
    static let schoolSources = LocalizedText(nb: "Kilder for skoleruta", nn: "Kjelder for skuleruta", en: "School calendar sources")
    static let assumedFrom = LocalizedText(nb: "antatt etter mønsteret:", nn: "venta ut frå mønsteret:", en: "projected from the pattern:")
    static let assumedBecause = LocalizedText(nb: "antatt:", nn: "venta:", en: "projected:")
    static let assumedFromRule = LocalizedText(nb: "antatt etter regelen:", nn: "venta ut frå regelen:", en: "projected from the rule:")
    static let source = LocalizedText(nb: "Kilde", nn: "Kjelde", en: "Source")
    static let ownCalendar = LocalizedText(nb: "kommunens egen", nn: "kommunen si eiga", en: "the municipality's own")
    static let election = LocalizedText(nb: "Valg (til orientering)", nn: "Val (til orientering)", en: "Election (for information)")
    static let projected = LocalizedText(nb: "(foreløpig dato)", nn: "(førebels dato)", en: "(projected date)")
    static let weekendFooter = LocalizedText(nb: "Lørdager og søndager brukes aldri til møter.",
                                             nn: "Laurdagar og sundagar vert aldri brukte til møte.",
                                             en: "Saturdays and Sundays are never used for meetings.")

    static func electionName(_ kind: Elections.Kind) -> LocalizedText {
        switch kind {
        case .municipal:
            return LocalizedText(nb: "Kommunestyre- og fylkestingsvalg", nn: "Kommunestyre- og fylkestingsval",
                                 en: "Municipal and county council elections")
        case .parliament:
            return LocalizedText(nb: "Stortingsvalg", nn: "Stortingsval", en: "Parliamentary election")
        }
    }
}
