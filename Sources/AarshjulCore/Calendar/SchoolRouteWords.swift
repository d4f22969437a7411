/// How a projected school year is told to the people reading a plan.
enum SchoolRouteWords {
    /// "Skoleruta for 2028/29 (Innlandet) er ikke vedtatt ennå; vinterferien
    /// er antatt å være i uke 9 og høstferien i uke 41." (nynorsk "…
    /// haustferien er venta å vere i veke 41") — or, when part of the
    /// year is published, "… er bare delvis kjent; …". Only the breaks meetings
    /// are moved for (winter, autumn, Easter) and only those within `span`;
    /// nil when none of them is assumed there.
    static func projectionNote(_ year: SchoolYearRoute, county: County, span: DateRange, own: Provenance) -> LocalizedText? {
        let label = year.label
        let countyFacts = [year.firstDay.provenance, year.lastDay.provenance] + year.breaks.map(\.provenance)
        let whole = countyFacts.allSatisfy { $0.status == .projected || $0 == own }
        // (subject, value) per assumed fact, in bokmål, nynorsk and English.
        var items: [(nb: (String, String), nn: (String, String), en: (String, String))] = []
        func assumed(_ kind: SchoolBreakKind) -> SchoolBreakFact? {
            year.break(kind).flatMap { $0.provenance.status == .projected && $0.range.overlaps(span) ? $0 : nil }
        }
        if let winter = assumed(.winter) {
            let w = winter.range.first.isoWeek.week
            items.append((("vinterferien", "i uke \(w)"), ("vinterferien", "i veke \(w)"), ("the winter break", "in week \(w)")))
        }
        if let autumn = assumed(.autumn) {
            let w = autumn.range.first.isoWeek.week
            items.append((("høstferien", "i uke \(w)"), ("haustferien", "i veke \(w)"), ("the autumn break", "in week \(w)")))
        }
        if let easter = assumed(.easter) {
            let r = easter.range.norwegianDotted
            // English in its own date style: "22 Mar 2027 – 29 Mar 2027".
            let en = Words.dateRange(easter.range.first, easter.range.last, .english, withYear: true)
            items.append((("påskeferien", r), ("påskeferien", r), ("the Easter break", en)))
        }
        guard !items.isEmpty else { return nil }
        func sentence(_ parts: [(String, String)], verb: String, and: String) -> String {
            guard let first = parts.first else { return "" }
            var rest = parts.dropFirst().map { "\($0.0) \($0.1)" }
            var text = "\(first.0) \(verb) \(first.1)"
            if let last = rest.popLast() {
                text += rest.map { ", " + $0 }.joined() + " \(and) " + last
            }
            return "; " + text
        }
        let county = county.name
        let nbHead = whole ? "Skoleruta for \(label) (\(county)) er ikke vedtatt ennå"
                           : "Skoleruta for \(label) (\(county)) er bare delvis kjent"
        let nnHead = whole ? "Skuleruta for \(label) (\(county)) er ikkje vedteken enno"
                           : "Skuleruta for \(label) (\(county)) er berre delvis kjend"
        let enHead = whole ? "The \(label) school calendar (\(county)) is not decided yet"
                           : "The \(label) school calendar (\(county)) is only partly known"
        return LocalizedText(nb: nbHead + sentence(items.map(\.nb), verb: "er antatt å være", and: "og") + ".",
                             nn: nnHead + sentence(items.map(\.nn), verb: "er venta å vere", and: "og") + ".",
                             en: enHead + sentence(items.map(\.en), verb: "is assumed to be", and: "and") + ".")
    }
}

extension CivilDate {
    /// "09.04.2029".
    var norwegianDotted: String {
        (day < 10 ? "0" : "") + "\(day)." + (month < 10 ? "0" : "") + "\(month).\(year)"
    }
}

extension DateRange {
    /// "09.04.–16.04.2029".
    var norwegianDotted: String {
        let a = (first.day < 10 ? "0" : "") + "\(first.day)." + (first.month < 10 ? "0" : "") + "\(first.month)."
        return first.year == last.year ? a + "–" + last.norwegianDotted : first.norwegianDotted + "–" + last.norwegianDotted
    }
}
