import AarshjulCore
import Yams

/// Typed values read from nodes: the `Values` rules, located at the node.
extension NodeReader {
    func parsed<T>(_ node: Node, expected: LocalizedText, _ rule: (String) -> Result<T, Problem>) throws(AgreementFileError) -> T {
        let raw = try nonEmptyText(node, expected: expected)
        switch rule(raw) {
        case .success(let value): return value
        case .failure(let problem): throw fail(position(node), problem.words)
        }
    }

    func date(_ node: Node) throws(AgreementFileError) -> CivilDate {
        try parsed(node, expected: LocalizedText(nb: "en dato som 2027-03-15", nn: "ein dato som 2027-03-15", en: "a date such as 2027-03-15"), Values.date)
    }

    func time(_ node: Node) throws(AgreementFileError) -> TimeOfDay {
        try parsed(node, expected: LocalizedText(nb: "et klokkeslett som \"13:00\"", nn: "eit klokkeslett som \"13:00\"", en: "a time of day such as \"13:00\""), Values.time)
    }

    func timeSpan(_ node: Node) throws(AgreementFileError) -> TimeSpan {
        try parsed(node, expected: LocalizedText(nb: "åpningstider som \"09:00-15:00\"", nn: "opningstider som \"09:00-15:00\"", en: "opening hours such as \"09:00-15:00\""), Values.timeSpan)
    }

    func weekday(_ node: Node) throws(AgreementFileError) -> Weekday {
        let hint = Values.weekdayHint
        let raw = try nonEmptyText(node, expected: hint)
        guard let day = Values.weekday(raw) else {
            throw fail(position(node), LocalizedText(nb: "'\(raw)' er ikke en ukedag; forventet \(hint.bokmal)",
                                                     nn: "'\(raw)' er ikkje ein vekedag; venta \(hint.nynorsk)",
                                                     en: "'\(raw)' is not a weekday; expected \(hint.english)"))
        }
        return day
    }

    static let trueOrFalse = LocalizedText(nb: "true eller false", nn: "true eller false", en: "true or false")

    func bool(_ node: Node) throws(AgreementFileError) -> Bool {
        let raw = try nonEmptyText(node, expected: Self.trueOrFalse)
        guard let value = Values.bool(raw) else {
            throw fail(position(node), LocalizedText(nb: "'\(raw)' er verken true eller false; forventet true (ja) eller false (nei)",
                                                     nn: "'\(raw)' er verken true eller false; venta true (ja) eller false (nei)",
                                                     en: "'\(raw)' is neither true nor false; expected true (yes) or false (no)"))
        }
        return value
    }

    /// A whole number in `range`; `what` names it ("a number of days").
    func int(_ node: Node, _ what: LocalizedText, in range: ClosedRange<Int>) throws(AgreementFileError) -> Int {
        let raw = try nonEmptyText(node, expected: what)
        let lo = range.lowerBound, hi = range.upperBound
        guard let n = Int(raw) else {
            throw fail(position(node), LocalizedText(nb: "'\(raw)' er ikke et heltall; forventet \(what.bokmal) (\(lo)–\(hi))",
                                                     nn: "'\(raw)' er ikkje eit heiltal; venta \(what.nynorsk) (\(lo)–\(hi))",
                                                     en: "'\(raw)' is not a whole number; expected \(what.english) (\(lo)–\(hi))"))
        }
        guard range.contains(n) else {
            throw fail(position(node), LocalizedText(nb: "\(n) er utenfor det tillatte; forventet \(what.bokmal) fra \(lo) til \(hi)",
                                                     nn: "\(n) er utanfor det tillatne; venta \(what.nynorsk) frå \(lo) til \(hi)",
                                                     en: "\(n) is out of range; expected \(what.english) from \(lo) to \(hi)"))
        }
        return n
    }

    func year(_ node: Node) throws(AgreementFileError) -> Int {
        try int(node, LocalizedText(nb: "et årstall som 2027", nn: "eit årstal som 2027", en: "a year such as 2027"), in: 1900...2200)
    }

    /// An id: lowercase ASCII, as used in UIDs and references. `what` is what it names ("a person").
    func id(_ node: Node, of what: LocalizedText) throws(AgreementFileError) -> String {
        let raw = try nonEmptyText(node, expected: LocalizedText(nb: "en id for \(what.bokmal)", nn: "ein id for \(what.nynorsk)", en: "an id for \(what.english)"))
        // Ids become file names (<municipality>-<series>-<year>.ics) and UIDs.
        let limit = AgreementLimits.maxIDLength
        guard raw.count <= limit else {
            throw fail(position(node), LocalizedText(
                nb: "id-en for \(what.bokmal) er \(raw.count) tegn lang, mer enn grensen på \(limit) tegn (id-er blir filnavn); forventet en kortere id, f.eks. 'slt_koordinator'",
                nn: "id-en for \(what.nynorsk) er \(raw.count) teikn lang, meir enn grensa på \(limit) teikn (id-ar vert filnamn); venta ein kortare id, t.d. 'slt_koordinator'",
                en: "the id for \(what.english) is \(raw.count) characters long, more than the limit of \(limit) (ids become file names); expected a shorter id, e.g. 'slt_koordinator'"))
        }
        guard Values.isValidID(raw) else {
            throw fail(position(node), LocalizedText(
                nb: "'\(raw)' er ikke en gyldig id for \(what.bokmal); forventet bare små bokstaver a–z, sifre, '_' og '-' (ikke æ, ø, å eller mellomrom), f.eks. 'slt_koordinator'",
                nn: "'\(raw)' er ikkje ein gyldig id for \(what.nynorsk); venta berre små bokstavar a–z, siffer, '_' og '-' (ikkje æ, ø, å eller mellomrom), t.d. 'slt_koordinator'",
                en: "'\(raw)' is not a valid id for \(what.english); expected only lowercase a–z, digits, '_' and '-' (no æ, ø, å or spaces), e.g. 'slt_koordinator'"))
        }
        return raw
    }

    func stringList(_ node: Node?, expected: LocalizedText) throws(AgreementFileError) -> [String] {
        guard let node else { return [] }
        var out: [String] = []
        for item in try list(node, expected: expected) { out.append(try nonEmptyText(item, expected: expected)) }
        return out
    }

    /// Agenda items: each a text (`- Saker frå kommunen`) or a text with its
    /// English form, like a title and title_en (`- {text: Saker frå kommunen,
    /// text_en: Matters from the municipality}`).
    func agendaItems(_ node: Node?) throws(AgreementFileError) -> [(text: String, english: String?)] {
        guard let node else { return [] }
        var out: [(text: String, english: String?)] = []
        for item in try list(node, expected: LocalizedText(nb: "saker", nn: "saker", en: "agenda items")) {
            if case .mapping = item {
                let f = try fields(item, of: LocalizedText(nb: "en sak på sakslisten", nn: "ei sak på sakslista", en: "an agenda item"), allowed: ["text", "text_en"])
                out.append((try f.requiredText("text", expected: LocalizedText(nb: "teksten til saken", nn: "teksten til saka", en: "the agenda item's text")),
                            try f.optionalText("text_en", expected: LocalizedText(nb: "saken på engelsk", nn: "saka på engelsk", en: "the agenda item in English"))))
            } else {
                out.append((try nonEmptyText(item, expected: LocalizedText(nb: "en sak på sakslisten", nn: "ei sak på sakslista", en: "an agenda item")), nil))
            }
        }
        return out
    }

    /// A list of ids with the nodes they came from, for later reference checks.
    func idList(_ node: Node?, of what: LocalizedText) throws(AgreementFileError) -> [(id: String, node: Node)] {
        guard let node else { return [] }
        var out: [(id: String, node: Node)] = []
        let ids = LocalizedText(nb: "id-er for \(what.bokmal)", nn: "id-ar for \(what.nynorsk)", en: "ids of \(what.english)")
        for item in try list(node, expected: ids) { out.append((try id(item, of: what), item)) }
        return out
    }

    func monthDayWindow(from: Node, to: Node) throws(AgreementFileError) -> MonthDayWindow {
        let a = try parsed(from, expected: Words.monthDay("10-01"), Values.monthDay)
        let b = try parsed(to, expected: Words.monthDay("11-30"), Values.monthDay)
        guard (a.month, a.day) <= (b.month, b.day) else {
            let start = try text(from, expected: Words.monthDay("10-01")), end = try text(to, expected: Words.monthDay("11-30"))
            throw fail(position(to), LocalizedText(
                nb: "vinduet slutter (\(end)) før det begynner (\(start)); forventet et vindu innenfor ett kalenderår, med den tidligste datoen i from:",
                nn: "vindauget sluttar (\(end)) før det byrjar (\(start)); venta eit vindauge innanfor eitt kalenderår, med den tidlegaste datoen i from:",
                en: "the window ends (\(end)) before it starts (\(start)); expected a window within one calendar year, the earlier date in from:"))
        }
        return MonthDayWindow(fromMonth: a.month, fromDay: a.day, toMonth: b.month, toDay: b.day)
    }

    /// `{date: …, reason: …}` or `{from: …, to: …, reason: …}`. `what` names the block ("a blackout").
    func blackout(_ node: Node, of what: LocalizedText) throws(AgreementFileError) -> Blackout {
        let f = try fields(node, of: what, allowed: ["date", "from", "to", "reason"])
        let reason = try f.requiredText("reason", expected: LocalizedText(
            nb: "hvorfor ingenting kan planlegges da", nn: "kvifor ingenting kan planleggjast då", en: "why nothing can be planned then"))
        if let single = f["date"] {
            if f.has("from") || f.has("to") {
                throw fail(f.position, LocalizedText(
                    nb: "\(what.bokmal) har både 'date' og 'from'/'to'; forventet enten 'date' (én dag) eller 'from' og 'to' (en periode)",
                    nn: "\(what.nynorsk) har både 'date' og 'from'/'to'; venta anten 'date' (éin dag) eller 'from' og 'to' (ein periode)",
                    en: "\(what.english) has both 'date' and 'from'/'to'; expected either 'date' (one day) or 'from' and 'to' (a period)"))
            }
            let d = try date(single)
            return Blackout(range: DateRange(d, d), reason: reason)
        }
        guard f.has("from") || f.has("to") else {
            throw fail(f.position, LocalizedText(
                nb: "\(what.bokmal) har verken 'date' eller 'from' og 'to'; forventet 'date' (én dag) eller 'from' og 'to' (en periode)",
                nn: "\(what.nynorsk) har verken 'date' eller 'from' og 'to'; venta 'date' (éin dag) eller 'from' og 'to' (ein periode)",
                en: "\(what.english) has neither 'date' nor 'from' and 'to'; expected 'date' (one day) or 'from' and 'to' (a period)"))
        }
        let start = try date(try f.required("from", expected: LocalizedText(nb: "den første dagen, som 2027-06-21", nn: "den første dagen, som 2027-06-21", en: "the first day, such as 2027-06-21")))
        let end = try date(try f.required("to", expected: LocalizedText(nb: "den siste dagen, som 2027-08-15", nn: "den siste dagen, som 2027-08-15", en: "the last day, such as 2027-08-15")))
        guard start <= end else {
            throw fail(position(f["to"]!), LocalizedText(
                nb: "perioden slutter (\(end)) før den begynner (\(start)); forventet en sluttdato i to: som er lik eller senere enn \(start)",
                nn: "perioden sluttar (\(end)) før han byrjar (\(start)); venta ein sluttdato i to: som er lik eller seinare enn \(start)",
                en: "the period ends (\(end)) before it starts (\(start)); expected an end date in to: on or after \(start)"))
        }
        return Blackout(range: DateRange(start, end), reason: reason)
    }
}
