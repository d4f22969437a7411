/// A deadline as the audit sees it (a VTODO read back, or a planned deadline).
public struct AuditDeadline: Sendable, Equatable {
    public var uid: String
    public var due: CivilDate

    public init(uid: String, due: CivilDate) {
        self.uid = uid
        self.due = due
    }
}

/// `positional-agenda` and `deadline-slip` checked on finished events and
/// deadlines, from the agreement's words and the calendar alone (not from the
/// solver's slots), so that it catches the solver's and the file's mistakes.
/// `stated-time` is checked with the other per-event rules in `HardRuleAudit`.
public enum PlacementAudit {
    /// The series' events (sorted by date): the year's last meeting in the
    /// months its last-of-year items name (default November–December), and in
    /// a municipal election year after election day, wherever the series'
    /// own rule lets the meeting lie there.
    static func positional(_ series: MeetingSeries, _ events: [AuditEvent], agreement: Agreement,
                           calendar: MunicipalCalendar, years: ClosedRange<Int>) -> [Violation] {
        let lastItems = series.positionalAgenda.filter { $0.position == .lastOfYear }
        let electionItems = series.positionalAgenda.filter { $0.position == .firstAfterMunicipalElection }
        guard !lastItems.isEmpty || !electionItems.isEmpty else { return [] }
        let months = Set(lastItems.flatMap { $0.months.isEmpty ? [11, 12] : $0.months })
        var found: [Violation] = []
        for year in years {
            let reach = reachable(series.rule, in: year, calendar: calendar)
            let groups = Dictionary(grouping: events.filter { $0.date.year == year }, by: \.schoolID)
            let election = Elections.election(in: year, overrides: agreement.electionOverrides).flatMap { $0.kind == .municipal ? $0 : nil }
            var yearMonths = months
            if election != nil { yearMonths.formUnion(electionItems.flatMap(\.months)) }
            for key in groups.keys.sorted(by: { ($0 ?? "") < ($1 ?? "") }) {
                guard let last = groups[key]!.max(by: { $0.date < $1.date }) else { continue }
                if !yearMonths.isEmpty, reach.contains(where: { yearMonths.contains($0.month) }), !yearMonths.contains(last.date.month) {
                    let names = yearMonths.sorted()
                    found.append(Violation(ruleID: RuleCatalogue.positionalAgenda, uid: last.uid, explanation: LocalizedText(
                        nb: "\(series.title) \(last.date.norwegian): årets siste møte skal ligge i \(names.map { Words.monthName($0, .bokmal) }.joined(separator: "/")).",
                        nn: "\(series.title) \(last.date.norwegian): siste møtet i året skal liggje i \(names.map { Words.monthName($0, .nynorsk) }.joined(separator: "/")).",
                        en: "\(series.titleEnglish ?? series.title) \(last.date.english): the year's last meeting belongs in \(names.map { Words.monthName($0, .english) }.joined(separator: "/")).")))
                }
                if let election, !electionItems.isEmpty, reach.contains(where: { $0 > election.date }), last.date <= election.date {
                    found.append(Violation(ruleID: RuleCatalogue.positionalAgenda, uid: last.uid, explanation: LocalizedText(
                        nb: "\(series.title) \(year): ingen møte etter kommunevalget \(election.date.norwegian), så revisjonssaken har intet møte.",
                        nn: "\(series.title) \(year): ikkje noko møte etter kommunevalet \(election.date.norwegian), så revisjonssaka har ikkje noko møte.",
                        en: "\(series.titleEnglish ?? series.title) \(year): no meeting after the municipal election on \(election.date.english), so the revision item has none.")))
                }
            }
        }
        return found
    }

    /// The days the series' rule lets its meetings lie on in `year`.
    private static func reachable(_ rule: FrequencyRule, in year: Int, calendar: MunicipalCalendar) -> DateRange {
        switch rule {
        case .yearly(let window?): return window.range(in: year)
        case .schoolWindow(let window, _): return SeriesWindows.range(of: window, in: year, school: calendar.school)
        case .monthly(let skip):
            let last = (1...12).last { !skip.contains($0) } ?? 12
            return DateRange(.firstOfYear(year), DateRange.month(last, of: year).last)
        default: return .year(year)
        }
    }

    /// Every quarterly deadline of the agreement in `years`: held on a
    /// working day, the nearest one before its nominal day (after, when the
    /// agreement says so). `deadlines` may hold other deadlines; only the
    /// quarterly ones (by UID) are checked, and a missing one is a violation.
    public static func deadlineViolations(_ deadlines: [AuditDeadline], agreement: Agreement,
                                          years: ClosedRange<Int>) -> [Violation] {
        let calendar = MunicipalCalendar(agreement: agreement, years: years)
        var found: [Violation] = []
        for deadline in agreement.quarterlyDeadlines {
            for year in years {
                for q in 1...4 {
                    let uid = "\(agreement.id)-\(deadline.id)-\(year)-q\(q)@aarshjul"
                    let nominal = deadline.nominalDue(quarter: q, of: year)
                    guard let held = deadlines.first(where: { $0.uid == uid }) else {
                        found.append(Violation(ruleID: RuleCatalogue.deadlineSlip, uid: uid, explanation: LocalizedText(
                            nb: "\(deadline.title) (K\(q) \(year)) mangler.", nn: "\(deadline.title) (K\(q) \(year)) manglar.",
                            en: "\(deadline.titleEnglish ?? deadline.title) (Q\(q) \(year)) is missing.")))
                        continue
                    }
                    let due = held.due
                    let between: [CivilDate] = deadline.ifClosed == .earlier
                        ? (due < nominal ? Array(DateRange(due.adding(days: 1), nominal)) : [])
                        : (due > nominal ? Array(DateRange(nominal, due.adding(days: -1))) : [])
                    let wrongSide = deadline.ifClosed == .earlier ? due > nominal : due < nominal
                    guard !calendar.isMeetingDay(due) || wrongSide || between.contains(where: calendar.isMeetingDay) else { continue }
                    let side = deadline.ifClosed == .earlier
                        ? LocalizedText(nb: "siste arbeidsdag før", nn: "siste arbeidsdagen før", en: "the last working day before")
                        : LocalizedText(nb: "første arbeidsdag etter", nn: "første arbeidsdagen etter", en: "the first working day after")
                    found.append(Violation(ruleID: RuleCatalogue.deadlineSlip, uid: uid, explanation: LocalizedText(
                        nb: "\(deadline.title) (K\(q) \(year)) \(due.norwegian): skal være \(nominal.norwegian) eller \(side.bokmal).",
                        nn: "\(deadline.title) (K\(q) \(year)) \(due.norwegian): skal vere \(nominal.norwegian) eller \(side.nynorsk).",
                        en: "\(deadline.titleEnglish ?? deadline.title) (Q\(q) \(year)) \(due.english): should be \(nominal.english) or \(side.english).")))
                }
            }
        }
        return found
    }
}
