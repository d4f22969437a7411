/// The year of a plan drawn as an årshjul: a ring of twelve months with week
/// ticks, each meeting series in its own concentric track, each meeting a mark
/// at its date, holidays and no-meeting periods shaded, a legend beside it.
///
/// Output is a standalone SVG document; the same plan always gives the same bytes.
public enum AnnualWheel {
    /// Draws the first year of `plan`.
    public static func svg(for plan: Plan, language: PlanLanguage, options: WheelOptions = WheelOptions()) -> String {
        svg(for: plan, language: language, year: plan.years.lowerBound, options: options)
    }

    /// Draws one `year` of `plan`; events in other years are left out.
    public static func svg(for plan: Plan, language: PlanLanguage, year: Int, options: WheelOptions = WheelOptions()) -> String {
        var drawing = WheelDrawing(plan: plan, language: language, year: year, options: options)
        return drawing.render()
    }
}

/// What to draw besides the wheel itself.
public struct WheelOptions: Sendable, Equatable {
    /// The legend beside the wheel (a page that lists the series itself leaves it out).
    public var legend: Bool
    /// Marks this day (a served page passes its clock's today); nil draws no mark.
    public var today: CivilDate?
    /// The plan's deadlines on a ring inside the tracks. Deadlines belong to
    /// the full (private) feeds, so a public page leaves them out.
    public var deadlines: Bool

    public init(legend: Bool = true, today: CivilDate? = nil, deadlines: Bool = true) {
        self.legend = legend
        self.today = today
        self.deadlines = deadlines
    }
}

/// One meeting series as it appears on the wheel.
public struct WheelTrack: Sendable {
    public let seriesID: String
    public let kind: SeriesKind?
    public let title: String
    public let colour: String
    public let shape: SeriesStyle.Shape
    public let events: [PlannedEvent]
}

public enum WheelTracks {
    /// The track's mark alone as a small SVG (legends outside the wheel).
    public static func swatch(_ track: WheelTrack) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-10 -10 20 20\" width=\"20\" height=\"20\">"
            + WheelDrawing.shape(track.shape, radius: 8, fill: track.colour) + "</svg>"
    }

    /// "4 møter: 10.03. 13.06. 19.09. 05.12."; a series of more than 24 by its first and last date.
    public static func datesText(_ track: WheelTrack, _ language: PlanLanguage) -> String {
        let count = track.events.count
        let noun = Words.countNoun(count, days: track.events.first?.isAllDay ?? false, language)
        guard let first = track.events.first, let last = track.events.last else { return "\(count) \(noun)" }
        if count <= 24 { return "\(count) \(noun): " + track.events.map { Words.shortDate($0.date, language) }.joined(separator: language == .english ? ", " : " ") }
        return "\(count) \(noun), " + LocalizedText(nb: "fra \(Words.shortDate(first.date, language)) til \(Words.shortDate(last.date, language))",
                                                     nn: "frå \(Words.shortDate(first.date, language)) til \(Words.shortDate(last.date, language))",
                                                     en: "from \(Words.shortDate(first.date, language)) to \(Words.shortDate(last.date, language))").text(language)
    }

    /// Tracks in the agreement's series order; events of a series the
    /// agreement no longer lists still get a track, after the known ones.
    /// The colour is the series kind's; a second series of a kind gets the next shape.
    public static func tracks(plan: Plan, language: PlanLanguage, year: Int) -> [WheelTrack] {
        let inYear = plan.events.filter { $0.date.year == year && !$0.cancelled }.sorted(by: PlannedEvent.planOrder)
        var ids = plan.agreement.series.map(\.id).filter { id in inYear.contains { $0.seriesID == id } }
        for event in inYear where !ids.contains(event.seriesID) { ids.append(event.seriesID) }
        var shapesUsed: [String: Int] = [:]
        return ids.map { id in
            let series = plan.agreement.series.first { $0.id == id }
            let title = series.map { language == .english ? ($0.titleEnglish ?? $0.title) : $0.title }
                ?? inYear.first { $0.seriesID == id }?.title ?? id
            let colour = SeriesStyle.colour(series?.kind)
            let n = shapesUsed[colour, default: 0]
            shapesUsed[colour] = n + 1
            let shape = SeriesStyle.Shape.allCases[n % SeriesStyle.Shape.allCases.count]
            return WheelTrack(seriesID: id, kind: series?.kind, title: title, colour: colour, shape: shape,
                              events: inYear.filter { $0.seriesID == id })
        }
    }
}

struct WheelDrawing {
    let plan: Plan
    let language: PlanLanguage
    let year: Int
    let options: WheelOptions
    let geometry = WheelGeometry(centreX: 380, centreY: 380)
    private var out = ""

    // Radii, from the outside in.
    static let weekNumberRadius = 370.0
    static let monthOuter = 360.0, monthInner = 318.0
    static let tickInner = 310.0
    static let schoolBandInner = 304.0
    static let tracksOuter = 300.0, tracksInner = 118.0
    static let deadlineRadius = 110.0

    init(plan: Plan, language: PlanLanguage, year: Int, options: WheelOptions) {
        self.plan = plan
        self.language = language
        self.year = year
        self.options = options
    }

    var tracks: [WheelTrack] { WheelTracks.tracks(plan: plan, language: language, year: year) }

    /// Unique per municipality and year: an index page embeds many wheels.
    private var titleID: String { "wheel-title-\(XMLText.escape(plan.agreement.id))-\(year)" }

    mutating func render() -> String {
        let title = "\(words.wheel) \(year) – \(plan.agreement.municipality)"
        let tracks = self.tracks
        // The legend first, into its own text: its length sets the picture's height.
        var legend = "", height = 760.0
        if options.legend {
            out = ""
            height = max(height, drawLegend(tracks))
            legend = out
        }
        let width = options.legend ? 1120 : 760
        let h = n(height.rounded(.up))
        out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(h)\" width=\"\(width)\" height=\"\(h)\""
            + " role=\"img\" aria-labelledby=\"\(titleID)\" font-family=\"sans-serif\">\n"
        out += "<title id=\"\(titleID)\">\(XMLText.escape(title))</title>\n"
        out += "<rect width=\"\(width)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        drawMonths()
        drawClosedPeriods()
        drawWeekTicks()
        drawWeekNumbers()
        drawTracks(tracks)
        if options.deadlines { drawDeadlines() }
        drawCentre()
        drawToday()
        out += legend
        out += "</svg>\n"
        return out
    }

    private var words: WheelWords { WheelWords(language: language) }

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
            out += "<g class=\"track\" data-series=\"\(XMLText.escape(track.seriesID))\" data-shape=\"\(track.shape.rawValue)\">\n"
            out += "<circle class=\"track-ring\" cx=\"\(n(geometry.centreX))\" cy=\"\(n(geometry.centreY))\" r=\"\(n(radius))\""
                + " fill=\"none\" stroke=\"\(track.colour)\" stroke-opacity=\"0.18\" stroke-width=\"\(n(width * 0.8))\"/>\n"
            let markRadius = min(8.5, width * 0.4)
            for event in track.events {
                let p = geometry.point(radius: radius, degrees: WheelGeometry.angle(of: event.date))
                var tip = event.date.iso
                if let time = event.time { tip += " \(time)" }
                tip += " " + event.title
                // The day of the month inside the mark: the date reads off the
                // wheel without hovering (the month is the ring's).
                out += "<g class=\"event\" data-uid=\"\(XMLText.escape(event.uid))\" data-date=\"\(event.date.iso)\""
                    + " transform=\"translate(\(n(p.x)) \(n(p.y)))\"><title>\(XMLText.escape(tip))</title>"
                    + Self.shape(track.shape, radius: markRadius, fill: track.colour)
                if markRadius >= 5 {
                    out += "<text class=\"event-day\" y=\"\(n(markRadius * 0.38))\" text-anchor=\"middle\" font-size=\"\(n(markRadius * 1.05))\""
                        + " font-weight=\"bold\" fill=\"\(track.shape == .ring ? "#000000" : SeriesStyle.textColour(on: track.colour))\">\(event.date.day)</text>"
                }
                out += "</g>\n"
            }
            out += "</g>\n"
        }
    }

    /// A mark of `shape` centred on the origin, about `radius` across each way.
    static func shape(_ shape: SeriesStyle.Shape, radius r: Double, fill: String) -> String {
        let f = SVGNumber.format
        let style = " fill=\"\(fill)\" stroke=\"#ffffff\" stroke-width=\"1\""
        switch shape {
        case .circle: return "<circle r=\"\(f(r))\"\(style)/>"
        case .square: return "<rect x=\"\(f(-r * 0.9))\" y=\"\(f(-r * 0.9))\" width=\"\(f(r * 1.8))\" height=\"\(f(r * 1.8))\"\(style)/>"
        case .diamond: return "<path d=\"M0 \(f(-r * 1.2)) L\(f(r * 1.2)) 0 L0 \(f(r * 1.2)) L\(f(-r * 1.2)) 0 Z\"\(style)/>"
        case .triangle: return "<path d=\"M0 \(f(-r * 1.25)) L\(f(r * 1.15)) \(f(r * 0.8)) L\(f(-r * 1.15)) \(f(r * 0.8)) Z\"\(style)/>"
        case .hexagon:
            let h = r * 1.05, w = r * 0.91
            return "<path d=\"M0 \(f(-h)) L\(f(w)) \(f(-h / 2)) L\(f(w)) \(f(h / 2)) L0 \(f(h)) L\(f(-w)) \(f(h / 2)) L\(f(-w)) \(f(-h / 2)) Z\"\(style)/>"
        case .ring:
            // Hollow: the colour as a thick outline on white.
            return "<circle r=\"\(f(r * 0.85))\" fill=\"#ffffff\" stroke=\"\(fill)\" stroke-width=\"\(f(r * 0.35))\"/>"
        }
    }

    /// ISO week numbers outside the month ring, each at the middle of its week.
    private mutating func drawWeekNumbers() {
        let days = Double(DateRange.year(year).dayCount)
        out += "<g class=\"week-numbers\" font-size=\"8\" fill=\"#52606d\" text-anchor=\"middle\">\n"
        for day in DateRange.year(year) where day.weekday == .monday {
            let p = geometry.point(radius: Self.weekNumberRadius, degrees: WheelGeometry.startAngle(of: day) + 360 * 3.5 / days)
            out += "<text class=\"week-number\" x=\"\(n(p.x))\" y=\"\(n(p.y + 3))\">\(day.isoWeek.week)</text>\n"
        }
        out += "</g>\n"
    }

    /// The plan's deadlines as small marks on a ring inside the tracks
    /// (the coordinator's documents only: deadlines are not public).
    private mutating func drawDeadlines() {
        let deadlines = plan.deadlines.filter { $0.due.year == year }.sorted { ($0.due, $0.uid) < ($1.due, $1.uid) }
        guard !deadlines.isEmpty else { return }
        out += "<g class=\"deadlines\" fill=\"\(SeriesStyle.deadlineColour)\">\n"
        for deadline in deadlines {
            let p = geometry.point(radius: Self.deadlineRadius, degrees: WheelGeometry.angle(of: deadline.due))
            out += "<g class=\"deadline\" data-date=\"\(deadline.due.iso)\" transform=\"translate(\(n(p.x)) \(n(p.y)))\">"
                + "<title>\(XMLText.escape("\(deadline.due.iso) \(deadline.title)"))</title><path d=\"M-4 -3 L4 -3 L0 4 Z\"/></g>\n"
        }
        out += "</g>\n"
    }

    /// A line from the centre out through the rings at today's date.
    private mutating func drawToday() {
        guard let today = options.today, today.year == year else { return }
        let angle = WheelGeometry.angle(of: today)
        let a = geometry.point(radius: Self.tracksInner - 14, degrees: angle), b = geometry.point(radius: Self.monthOuter, degrees: angle)
        let label = geometry.point(radius: Self.tracksInner - 26, degrees: angle)
        out += "<g class=\"today\" data-date=\"\(today.iso)\"><title>\(XMLText.escape("\(words.today) \(today.iso)"))</title>"
            + "<line x1=\"\(n(a.x))\" y1=\"\(n(a.y))\" x2=\"\(n(b.x))\" y2=\"\(n(b.y))\" stroke=\"\(SeriesStyle.todayColour)\" stroke-width=\"2.5\"/>"
            + "<text x=\"\(n(label.x))\" y=\"\(n(label.y + 4))\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\""
            + " fill=\"\(SeriesStyle.todayColour)\">\(XMLText.escape(words.today))</text></g>\n"
    }

    private mutating func drawCentre() {
        let cx = n(geometry.centreX), cy = geometry.centreY
        out += "<text class=\"centre-municipality\" x=\"\(cx)\" y=\"\(n(cy - 8))\" text-anchor=\"middle\" font-size=\"22\""
            + " font-weight=\"bold\" fill=\"#1f2a36\">\(XMLText.escape(plan.agreement.municipality))</text>\n"
        out += "<text class=\"centre-year\" x=\"\(cx)\" y=\"\(n(cy + 22))\" text-anchor=\"middle\" font-size=\"20\" fill=\"#1f2a36\">\(year)</text>\n"
    }

    /// Legend text is wrapped at an estimate of the font's width (0.58 em a
    /// character, wider than DejaVu Sans' average), so full names fit.
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        TextWrap.lines(text, width: width, size: size, bold: false) { t, s, _ in Double(t.count) * s * 0.58 }
    }

    /// The legend beside the wheel: each series' mark, full name and dates.
    /// Returns the y below its last line.
    private mutating func drawLegend(_ tracks: [WheelTrack]) -> Double {
        let x = 770.0, textX = 794.0, width = 1100.0 - textX
        var y = 40.0
        out += "<g class=\"legend\" font-size=\"14\" fill=\"#1f2a36\">\n"
        out += "<text x=\"\(n(x))\" y=\"\(n(y))\" font-weight=\"bold\">\(XMLText.escape(words.series))</text>\n"
        y += 10
        for track in tracks {
            y += 20
            out += "<g class=\"legend-item\" data-series=\"\(XMLText.escape(track.seriesID))\">"
                + "<g transform=\"translate(\(n(x + 8)) \(n(y - 5)))\">\(Self.shape(track.shape, radius: 7, fill: track.colour))</g>"
            for (i, line) in Self.wrap(track.title, width: width, size: 14).enumerated() {
                if i > 0 { y += 17 }
                out += "<text class=\"legend-title\" x=\"\(n(textX))\" y=\"\(n(y))\" font-weight=\"bold\">\(XMLText.escape(line))</text>"
            }
            for line in Self.wrap(datesText(track), width: width, size: 12) {
                y += 15
                out += "<text class=\"legend-dates\" x=\"\(n(textX))\" y=\"\(n(y))\" font-size=\"12\" fill=\"#3d4852\">\(XMLText.escape(line))</text>"
            }
            out += "</g>\n"
        }
        y += 34
        if options.deadlines && plan.deadlines.contains(where: { $0.due.year == year }) {
            out += "<path transform=\"translate(\(n(x + 8)) \(n(y - 5)))\" d=\"M-5 -4 L5 -4 L0 5 Z\" fill=\"\(SeriesStyle.deadlineColour)\"/>"
                + "<text x=\"\(n(textX))\" y=\"\(n(y))\">\(XMLText.escape(words.deadlines))</text>\n"
            y += 24
        }
        out += "<rect x=\"\(n(x))\" y=\"\(n(y - 12))\" width=\"14\" height=\"14\" fill=\"#9aa5b1\" fill-opacity=\"0.35\"/>"
            + "<text x=\"\(n(textX))\" y=\"\(n(y))\">\(XMLText.escape(words.closed))</text>\n"
        y += 24
        out += "<rect x=\"\(n(x))\" y=\"\(n(y - 12))\" width=\"14\" height=\"14\" fill=\"#7b8794\"/>"
            + "<text x=\"\(n(textX))\" y=\"\(n(y))\">\(XMLText.escape(words.school))</text>\n"
        if let today = options.today, today.year == year {
            y += 24
            out += "<rect x=\"\(n(x + 5))\" y=\"\(n(y - 12))\" width=\"3\" height=\"14\" fill=\"\(SeriesStyle.todayColour)\"/>"
                + "<text x=\"\(n(textX))\" y=\"\(n(y))\">\(XMLText.escape("\(words.today) \(Words.shortDate(today, language))"))</text>\n"
        }
        out += "</g>\n"
        return y + 20
    }

    /// "4 møter: 10.03. 13.06. 19.09. 05.12."; a long series by its first and last date.
    func datesText(_ track: WheelTrack) -> String {
        WheelTracks.datesText(track, language)
    }

    private func n(_ value: Double) -> String { SVGNumber.format(value) }
}

/// The wheel's own words.
struct WheelWords {
    let language: PlanLanguage
    var wheel: String { language.pick(nb: "Årshjul", nn: "Årshjul", en: "Annual wheel") }
    var series: String { language.pick(nb: "Møteserier", nn: "Møteseriar", en: "Meeting series") }
    var closed: String { language.pick(nb: "Helligdager og møtefrie perioder", nn: "Heilagdagar og møtefrie periodar", en: "Public holidays and no-meeting periods") }
    var school: String { language.pick(nb: "Skoleferier", nn: "Skuleferiar", en: "School holidays") }
    var deadlines: String { language.pick(nb: "Frister", nn: "Fristar", en: "Deadlines") }
    var today: String { language.pick(nb: "I dag", nn: "I dag", en: "Today") }
}
