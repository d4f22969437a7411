/// The year of a plan drawn as an årshjul: a ring of twelve months with week
/// ticks, each meeting series in its own concentric track, each meeting a mark
/// at its date, holidays and no-meeting periods shaded, a legend beside it.
///
/// Output is a standalone SVG document; the same plan always gives the same bytes.
public enum AnnualWheel {
    /// Draws the first year of `plan`.
    public static func svg(for plan: Plan, language: PlanLanguage) -> String {
        svg(for: plan, language: language, year: plan.years.lowerBound)
    }

    /// Draws one `year` of `plan`; events in other years are left out.
    public static func svg(for plan: Plan, language: PlanLanguage, year: Int) -> String {
        var drawing = WheelDrawing(plan: plan, language: language, year: year)
        return drawing.render()
    }

    /// Okabe–Ito colours, ordered so that neighbouring tracks stay apart for
    /// the common colour-vision deficiencies; yellow and black come last.
    public static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]
}

/// One meeting series as it appears on the wheel.
struct WheelTrack {
    let seriesID: String
    let title: String
    let colour: String
    let events: [PlannedEvent]
}

struct WheelDrawing {
    let plan: Plan
    let language: PlanLanguage
    let year: Int
    let geometry = WheelGeometry(centreX: 380, centreY: 380)
    private var out = ""

    // Radii, from the outside in.
    static let monthOuter = 360.0, monthInner = 318.0
    static let tickInner = 310.0
    static let schoolBandInner = 304.0
    static let tracksOuter = 300.0, tracksInner = 118.0

    init(plan: Plan, language: PlanLanguage, year: Int) {
        self.plan = plan
        self.language = language
        self.year = year
    }

    /// Tracks in the agreement's series order; events of a series the
    /// agreement no longer lists still get a track, after the known ones.
    var tracks: [WheelTrack] {
        let inYear = plan.events.filter { $0.date.year == year }
        var ids = plan.agreement.series.map(\.id).filter { id in inYear.contains { $0.seriesID == id } }
        for event in inYear where !ids.contains(event.seriesID) { ids.append(event.seriesID) }
        return ids.enumerated().map { index, id in
            let series = plan.agreement.series.first { $0.id == id }
            let title = series.map { language == .english ? ($0.titleEnglish ?? $0.title) : $0.title }
                ?? inYear.first { $0.seriesID == id }?.title ?? id
            return WheelTrack(seriesID: id, title: title, colour: AnnualWheel.palette[index % AnnualWheel.palette.count],
                              events: inYear.filter { $0.seriesID == id })
        }
    }

    /// Unique per municipality and year: an index page embeds many wheels.
    private var titleID: String { "wheel-title-\(XMLText.escape(plan.agreement.id))-\(year)" }

    mutating func render() -> String {
        let title = "\(words.wheel) \(year) – \(plan.agreement.municipality)"
        out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1120 760\" width=\"1120\" height=\"760\""
            + " role=\"img\" aria-labelledby=\"\(titleID)\" font-family=\"sans-serif\">\n"
        out += "<title id=\"\(titleID)\">\(XMLText.escape(title))</title>\n"
        out += "<rect width=\"1120\" height=\"760\" fill=\"#ffffff\"/>\n"
        drawMonths()
        drawClosedPeriods()
        drawWeekTicks()
        let tracks = self.tracks
        drawTracks(tracks)
        drawCentre()
        drawLegend(tracks)
        out += "</svg>\n"
        return out
    }

    private var words: (wheel: String, series: String, closed: String, school: String) {
        switch language {
        case .bokmal: return ("Årshjul", "Møteserier", "Helligdager og møtefrie perioder", "Skoleferier")
        case .nynorsk: return ("Årshjul", "Møteseriar", "Heilagdagar og møtefrie periodar", "Skuleferiar")
        case .english: return ("Annual wheel", "Meeting series", "Public holidays and no-meeting periods", "School holidays")
        }
    }

    private mutating func drawMonths() {
        out += "<g class=\"months\">\n"
        for month in 1...12 {
            let first = CivilDate(year: year, month: month, day: 1)!
            let start = WheelGeometry.startAngle(of: first)
            let end = month == 12 ? 360.0 : WheelGeometry.startAngle(of: CivilDate(year: year, month: month + 1, day: 1)!)
            let fill = month % 2 == 1 ? "#eef2f7" : "#dde4ee"
            let path = geometry.sectorPath(inner: Self.monthInner, outer: Self.monthOuter, from: start, to: end)
            out += "<path class=\"month\" d=\"\(path)\" fill=\"\(fill)\" stroke=\"#ffffff\"/>\n"
            // Boundary line through the tracks, so months can be read off inner marks.
            let a = geometry.point(radius: Self.tracksInner, degrees: start), b = geometry.point(radius: Self.monthInner, degrees: start)
            out += "<line x1=\"\(n(a.x))\" y1=\"\(n(a.y))\" x2=\"\(n(b.x))\" y2=\"\(n(b.y))\" stroke=\"#c8d0da\" stroke-width=\"1\"/>\n"
            let label = geometry.point(radius: (Self.monthInner + Self.monthOuter) / 2, degrees: (start + end) / 2)
            out += "<text class=\"month-label\" x=\"\(n(label.x))\" y=\"\(n(label.y))\" text-anchor=\"middle\" dominant-baseline=\"central\""
                + " font-size=\"14\" fill=\"#1f2a36\">\(XMLText.escape(Words.monthName(month, language)))</text>\n"
        }
        out += "</g>\n"
    }

    /// Shades runs of days that block every meeting (public holidays,
    /// no-meeting periods, blackouts; weekends are not shaded) across the
    /// tracks, and school holidays in a thin band under the month ring.
    private mutating func drawClosedPeriods() {
        let calendar = MunicipalCalendar(agreement: plan.agreement, years: year...year)
        var closed: [(range: DateRange, reasons: [String])] = []
        var school: [(range: DateRange, reasons: [String])] = []
        // Consecutive blocked days form one shaded run, its reasons listed once each in date order.
        func extend(_ runs: inout [(range: DateRange, reasons: [String])], _ day: CivilDate, _ reasons: [String]) {
            if let last = runs.last, last.range.last.adding(days: 1) == day {
                runs[runs.count - 1] = (DateRange(last.range.first, day), last.reasons + reasons.filter { !last.reasons.contains($0) })
            } else {
                runs.append((DateRange(day, day), reasons))
            }
        }
        for day in DateRange.year(year) {
            let blockers = calendar.blockers(on: day).filter { if case .weekend = $0 { return false } else { return true } }
            let all = blockers.filter(\.blocksAllMeetings).map { $0.text(language) }
            let schoolOnly = blockers.filter { !$0.blocksAllMeetings }.map { $0.text(language) }
            if !all.isEmpty { extend(&closed, day, all) }
            if !schoolOnly.isEmpty { extend(&school, day, schoolOnly) }
        }
        out += "<g class=\"closed-periods\">\n"
        for run in closed {
            let path = geometry.sectorPath(inner: Self.tracksInner, outer: Self.tracksOuter,
                                           from: WheelGeometry.startAngle(of: run.range.first),
                                           to: WheelGeometry.startAngle(of: run.range.last) + 360.0 / Double(DateRange.year(year).dayCount))
            out += "<path class=\"closed\" d=\"\(path)\" fill=\"#9aa5b1\" fill-opacity=\"0.35\">"
                + "<title>\(XMLText.escape(periodText(run.range, run.reasons.joined(separator: ", "))))</title></path>\n"
        }
        for run in school {
            let path = geometry.sectorPath(inner: Self.schoolBandInner, outer: Self.tickInner,
                                           from: WheelGeometry.startAngle(of: run.range.first),
                                           to: WheelGeometry.startAngle(of: run.range.last) + 360.0 / Double(DateRange.year(year).dayCount))
            out += "<path class=\"school-holiday\" d=\"\(path)\" fill=\"#7b8794\">"
                + "<title>\(XMLText.escape(periodText(run.range, run.reasons.joined(separator: ", "))))</title></path>\n"
        }
        out += "</g>\n"
    }

    private func periodText(_ range: DateRange, _ reason: String) -> String {
        range.dayCount == 1 ? "\(range.first.iso): \(reason)" : "\(range.first.iso)–\(range.last.iso): \(reason)"
    }

    /// A tick at the Monday starting each ISO week.
    private mutating func drawWeekTicks() {
        out += "<g class=\"week-ticks\" stroke=\"#52606d\" stroke-width=\"1\">\n"
        for day in DateRange.year(year) where day.weekday == .monday {
            let angle = WheelGeometry.startAngle(of: day)
            let a = geometry.point(radius: Self.tickInner, degrees: angle), b = geometry.point(radius: Self.monthInner, degrees: angle)
            out += "<line class=\"week-tick\" data-week=\"\(day.isoWeek.week)\" x1=\"\(n(a.x))\" y1=\"\(n(a.y))\" x2=\"\(n(b.x))\" y2=\"\(n(b.y))\"/>\n"
        }
        out += "</g>\n"
    }

    private mutating func drawTracks(_ tracks: [WheelTrack]) {
        guard !tracks.isEmpty else { return }
        let width = min(30.0, (Self.tracksOuter - Self.tracksInner) / Double(tracks.count))
        for (index, track) in tracks.enumerated() {
            let radius = Self.tracksOuter - width * (Double(index) + 0.5)
            out += "<g class=\"track\" data-series=\"\(XMLText.escape(track.seriesID))\">\n"
            out += "<circle class=\"track-ring\" cx=\"\(n(geometry.centreX))\" cy=\"\(n(geometry.centreY))\" r=\"\(n(radius))\""
                + " fill=\"none\" stroke=\"\(track.colour)\" stroke-opacity=\"0.18\" stroke-width=\"\(n(width * 0.8))\"/>\n"
            let markRadius = min(6.0, width * 0.32)
            for event in track.events {
                let p = geometry.point(radius: radius, degrees: WheelGeometry.angle(of: event.date))
                var tip = event.date.iso
                if let time = event.time { tip += " \(time)" }
                tip += " " + event.title
                out += "<circle class=\"event\" data-uid=\"\(XMLText.escape(event.uid))\" data-date=\"\(event.date.iso)\""
                    + " cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"\(n(markRadius))\" fill=\"\(track.colour)\" stroke=\"#ffffff\" stroke-width=\"1\">"
                    + "<title>\(XMLText.escape(tip))</title></circle>\n"
            }
            out += "</g>\n"
        }
    }

    private mutating func drawCentre() {
        let cx = n(geometry.centreX), cy = geometry.centreY
        out += "<text class=\"centre-municipality\" x=\"\(cx)\" y=\"\(n(cy - 8))\" text-anchor=\"middle\" font-size=\"22\""
            + " font-weight=\"bold\" fill=\"#1f2a36\">\(XMLText.escape(plan.agreement.municipality))</text>\n"
        out += "<text class=\"centre-year\" x=\"\(cx)\" y=\"\(n(cy + 22))\" text-anchor=\"middle\" font-size=\"20\" fill=\"#1f2a36\">\(year)</text>\n"
    }

    private mutating func drawLegend(_ tracks: [WheelTrack]) {
        var y = 60.0
        out += "<g class=\"legend\" font-size=\"14\" fill=\"#1f2a36\">\n"
        out += "<text x=\"770\" y=\"\(n(y))\" font-weight=\"bold\">\(XMLText.escape(words.series))</text>\n"
        for track in tracks {
            y += 26
            let count = track.events.count
            let noun = Words.countNoun(count, days: track.events.first?.isAllDay ?? false, language)
            // The legend column is ~330 units wide: long titles are cut, and the
            // whole title stays in a <title> tooltip.
            out += "<g class=\"legend-item\" data-series=\"\(XMLText.escape(track.seriesID))\">"
                + "<title>\(XMLText.escape(track.title))</title>"
                + "<rect x=\"770\" y=\"\(n(y - 12))\" width=\"14\" height=\"14\" fill=\"\(track.colour)\"/>"
                + "<text x=\"792\" y=\"\(n(y))\">\(XMLText.escape(Self.legendLabel(track.title))) (\(count) \(noun))</text></g>\n"
        }
        y += 40
        out += "<rect x=\"770\" y=\"\(n(y - 12))\" width=\"14\" height=\"14\" fill=\"#9aa5b1\" fill-opacity=\"0.35\"/>"
            + "<text x=\"792\" y=\"\(n(y))\">\(XMLText.escape(words.closed))</text>\n"
        y += 26
        out += "<rect x=\"770\" y=\"\(n(y - 12))\" width=\"14\" height=\"14\" fill=\"#7b8794\"/>"
            + "<text x=\"792\" y=\"\(n(y))\">\(XMLText.escape(words.school))</text>\n"
        out += "</g>\n"
    }

    private func n(_ value: Double) -> String { SVGNumber.format(value) }

    /// Longest legend title before it is cut with "…".
    static let legendTitleLimit = 30

    static func legendLabel(_ title: String) -> String {
        guard title.count > legendTitleLimit else { return title }
        var cut = String(title.prefix(legendTitleLimit - 1))
        while cut.last == " " || cut.last == "," { cut.removeLast() }
        return cut + "…"
    }
}
