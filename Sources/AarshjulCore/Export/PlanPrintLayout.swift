/// Lays a plan out for print on A4 portrait: for each year the annual wheel
/// with a table of the series and their dates on the first page, then the
/// year's events month by month. A month is never split between pages unless
/// it is longer than a page on its own; then it goes on under a "(continued)"
/// heading. Every page has the municipality in its header and "page N of M"
/// at its foot. Deterministic: the same plan and metrics give the same pages.
public struct PlanPrintLayout {
    public static let pageWidth = 595.28, pageHeight = 841.89
    static let margin = 42.0
    static let headerSpace = 28.0, footerSpace = 28.0
    var contentWidth: Double { Self.pageWidth - 2 * Self.margin }
    var top: Double { Self.margin + Self.headerSpace }
    var bottom: Double { Self.pageHeight - Self.margin - Self.footerSpace }

    let plan: Plan
    let language: PlanLanguage
    let measure: TextWidth

    public init(plan: Plan, language: PlanLanguage, measure: @escaping TextWidth) {
        self.plan = plan
        self.language = language
        self.measure = measure
    }

    /// A run of marks laid out from y = 0, placed on a page as a whole.
    struct Block {
        var height: Double
        var items: [PrintItem]
        /// A month heading repeated when the month goes on over a page break.
        var continuesUnder: String? = nil
    }

    public func document() -> PrintDocument {
        let rows = PlanRows.rows(for: plan, language: language)
        let free = PlanRows.freeDeadlines(plan)
        var pages: [[PrintItem]] = []
        for year in plan.years {
            let (wheel, leftover) = wheelPage(year: year)
            pages.append(wheel)
            var current: [PrintItem] = []
            var y = top
            func newPage() { pages.append(current); current = []; y = top }
            // A legend too long for page one goes on at the top of the next.
            for block in leftover {
                if y + block.height > bottom && y > top { newPage() }
                place(block, &current, &y)
            }
            if !leftover.isEmpty { y += 10 }
            for month in 1...12 {
                let monthRows = rows.filter { $0.event.date.year == year && $0.event.date.month == month }
                let monthDeadlines = free.filter { $0.due.year == year && $0.due.month == month }
                if monthRows.isEmpty && monthDeadlines.isEmpty { continue }
                let heading = "\(Words.monthHeading(month, language)) \(year)"
                let blocks = [headingBlock(heading)] + entryBlocks(monthRows, monthDeadlines)
                let height = blocks.reduce(0) { $0 + $1.height }
                // Keep the month on one page: start a new page if it does not fit here but fits on a page.
                if y + height > bottom && y > top && height <= bottom - top { newPage() }
                for (index, block) in blocks.enumerated() {
                    if y + block.height > bottom && y > top {
                        newPage()
                        if index > 0 { place(headingBlock(heading + " " + words.continued), &current, &y) }
                    }
                    place(block, &current, &y)
                }
                y += 10
            }
            if !current.isEmpty { pages.append(current) }
        }
        let total = pages.count
        let title = "\(plan.agreement.municipality) – \(words.meetingPlan) \(yearsText)"
        let laid = pages.enumerated().map { index, items -> PrintPage in
            var all = items
            if index > 0 || plan.years.count > 1 { all.insert(.text(PrintText(x: Self.margin, y: Self.margin + 10, text: title, size: 9, bold: false, colour: "#52606d")), at: 0) }
            let foot = words.page(index + 1, total)
            all.append(.text(PrintText(x: Self.pageWidth / 2 - measure(foot, 8, false) / 2, y: Self.pageHeight - Self.margin,
                                       text: foot, size: 8, bold: false, colour: "#52606d")))
            return PrintPage(width: Self.pageWidth, height: Self.pageHeight, items: all)
        }
        return PrintDocument(title: title, pages: laid)
    }

    var yearsText: String {
        plan.years.count == 1 ? String(plan.years.lowerBound) : "\(plan.years.lowerBound)–\(plan.years.upperBound)"
    }

    private func place(_ block: Block, _ items: inout [PrintItem], _ y: inout Double) {
        for item in block.items { items.append(item.shifted(x: Self.margin, y: y)) }
        y += block.height
    }

    // MARK: The wheel page

    /// Page one of a year, and the legend rows that did not fit on it.
    func wheelPage(year: Int) -> (items: [PrintItem], leftover: [Block]) {
        var items: [PrintItem] = []
        var y = Self.margin + 20
        items.append(.text(PrintText(x: Self.margin, y: y, text: "\(plan.agreement.municipality) – \(words.meetingPlan) \(year)", size: 20, bold: true, colour: "#1f2a36")))
        y += 18
        for line in TextWrap.lines(plan.agreement.policeDistrict, width: contentWidth, size: 10, bold: false, measure: measure) {
            items.append(.text(PrintText(x: Self.margin, y: y, text: line, size: 10, bold: false, colour: "#52606d")))
            y += 13
        }
        y += 4
        let side = min(contentWidth, 400.0)
        items.append(.svg(document: AnnualWheel.svg(for: plan, language: language, year: year, options: WheelOptions(legend: false)),
                          x: Self.margin + (contentWidth - side) / 2, y: y, width: side, height: side))
        y += side + 12
        // The legend as a table: colour, full series name, count and dates.
        let blocks = legendBlocks(year: year)
        var placed = 0
        for block in blocks {
            if y + block.height > bottom { break }
            for item in block.items { items.append(item.shifted(x: Self.margin, y: y)) }
            y += block.height
            placed += 1
        }
        return (items, Array(blocks[placed...]))
    }

    func legendBlocks(year: Int) -> [Block] {
        var blocks: [Block] = []
        for track in WheelTracks.tracks(plan: plan, language: language, year: year) {
            let titleLines = TextWrap.lines(track.title, width: 190, size: 9, bold: true, measure: measure)
            let dateLines = TextWrap.lines(WheelTracks.datesText(track, language), width: contentWidth - 214, size: 9, bold: false, measure: measure)
            let lineCount = max(titleLines.count, dateLines.count)
            var items: [PrintItem] = [.svg(document: WheelTracks.swatch(track), x: 0, y: 2, width: 12, height: 12)]
            for (i, line) in titleLines.enumerated() {
                items.append(.text(PrintText(x: 16, y: 11 + Double(i) * 11.5, text: line, size: 9, bold: true, colour: "#1f2a36")))
            }
            for (i, line) in dateLines.enumerated() {
                items.append(.text(PrintText(x: 214, y: 11 + Double(i) * 11.5, text: line, size: 9, bold: false, colour: "#1f2a36")))
            }
            blocks.append(Block(height: Double(lineCount) * 11.5 + 5, items: items))
        }
        return blocks
    }

    // MARK: Months

    func headingBlock(_ text: String) -> Block {
        Block(height: 24, items: [
            .text(PrintText(x: 0, y: 15, text: text, size: 13, bold: true, colour: "#1f2a36")),
            .rule(x: 0, y: 20, width: contentWidth, colour: "#1f2a36"),
        ])
    }

    static let dateColumn = 0.0, timeColumn = 62.0, textColumn = 140.0

    /// Events and free deadlines of one month, merged by date.
    func entryBlocks(_ rows: [PlanRow], _ deadlines: [PlannedDeadline]) -> [Block] {
        var entries: [(date: CivilDate, order: Int, block: Block)] = []
        for (i, row) in rows.enumerated() { entries.append((row.event.date, i, eventBlock(row))) }
        for (i, d) in deadlines.enumerated() { entries.append((d.due, rows.count + i, deadlineBlock(d))) }
        return entries.sorted { ($0.date, $0.order) < ($1.date, $1.order) }.map(\.block)
    }

    func eventBlock(_ row: PlanRow) -> Block {
        let width = contentWidth - Self.textColumn
        var items: [PrintItem] = []
        let date = "\(Words.weekdayAbbreviation(row.event.date.weekday, language)) \(Words.shortDate(row.event.date, language))"
        items.append(.text(PrintText(x: Self.dateColumn, y: 12, text: date, size: 9.5, bold: false, colour: "#1f2a36")))
        let time = row.start.isEmpty ? words.allDay : "\(row.start)–\(row.end)"
        items.append(.text(PrintText(x: Self.timeColumn, y: 12, text: time, size: 9.5, bold: false, colour: "#1f2a36")))
        items.append(.box(x: Self.textColumn - 12, y: 4, width: 8, height: 8, colour: SeriesStyle.colour(row.kind)))
        var y = 12.0
        for line in TextWrap.lines(row.title, width: width, size: 9.5, bold: true, measure: measure) {
            items.append(.text(PrintText(x: Self.textColumn, y: y, text: line, size: 9.5, bold: true, colour: "#1f2a36")))
            y += 12
        }
        var details: [String] = []
        if !row.place.isEmpty { details.append(row.place) }
        if !row.calledBy.isEmpty { details.append("\(words.calledBy): \(row.calledBy)") }
        if !row.attendees.isEmpty { details.append("\(words.attendees): \(row.attendees.joined(separator: "; "))") }
        // A presence day's items are its activities, the same every week: the
        // meetings' agendas are what the council reads.
        if !row.event.isAllDay && !row.agenda.isEmpty { details.append("\(words.agenda): \(row.agenda.joined(separator: "; "))") }
        for d in row.deadlines { details.append("\(words.deadline): \(d)") }
        for detail in details {
            for line in TextWrap.lines(detail, width: width, size: 8, bold: false, measure: measure) {
                items.append(.text(PrintText(x: Self.textColumn, y: y, text: line, size: 8, bold: false, colour: "#3d4852")))
                y += 10
            }
        }
        let height = y + 2
        items.append(.rule(x: 0, y: height - 0.5, width: contentWidth, colour: "#d5dbe2"))
        return Block(height: height + 3, items: items)
    }

    func deadlineBlock(_ deadline: PlannedDeadline) -> Block {
        let width = contentWidth - Self.textColumn
        var items: [PrintItem] = []
        let date = "\(Words.weekdayAbbreviation(deadline.due.weekday, language)) \(Words.shortDate(deadline.due, language))"
        items.append(.text(PrintText(x: Self.dateColumn, y: 12, text: date, size: 9.5, bold: false, colour: "#1f2a36")))
        items.append(.text(PrintText(x: Self.timeColumn, y: 12, text: words.deadline, size: 9.5, bold: false, colour: "#1f2a36")))
        var y = 12.0
        for line in TextWrap.lines(deadline.title, width: width, size: 9.5, bold: false, measure: measure) {
            items.append(.text(PrintText(x: Self.textColumn, y: y, text: line, size: 9.5, bold: false, colour: "#1f2a36")))
            y += 12
        }
        let responsible = deadline.responsible.map { PlanRows.personText(plan.agreement, $0, language) }
        if !responsible.isEmpty {
            for line in TextWrap.lines("\(words.responsible): \(responsible.joined(separator: "; "))", width: width, size: 8, bold: false, measure: measure) {
                items.append(.text(PrintText(x: Self.textColumn, y: y, text: line, size: 8, bold: false, colour: "#3d4852")))
                y += 10
            }
        }
        let height = y + 2
        items.append(.rule(x: 0, y: height - 0.5, width: contentWidth, colour: "#d5dbe2"))
        return Block(height: height + 3, items: items)
    }

    var words: PrintWords { PrintWords(language: language) }
}

extension PrintItem {
    func shifted(x dx: Double, y dy: Double) -> PrintItem {
        switch self {
        case .text(var t): t.x += dx; t.y += dy; return .text(t)
        case let .box(x, y, w, h, c): return .box(x: x + dx, y: y + dy, width: w, height: h, colour: c)
        case let .rule(x, y, w, c): return .rule(x: x + dx, y: y + dy, width: w, colour: c)
        case let .svg(d, x, y, w, h): return .svg(document: d, x: x + dx, y: y + dy, width: w, height: h)
        }
    }
}

/// The printed plan's words.
struct PrintWords {
    let language: PlanLanguage
    var meetingPlan: String { language.pick(nb: "møteplan", nn: "møteplan", en: "meeting plan") }
    var continued: String { language.pick(nb: "(forts.)", nn: "(framh.)", en: "(continued)") }
    var allDay: String { language.pick(nb: "hele dagen", nn: "heile dagen", en: "all day") }
    var calledBy: String { language.pick(nb: "Innkaller", nn: "Innkallar", en: "Called by") }
    var attendees: String { language.pick(nb: "Deltakere", nn: "Deltakarar", en: "Attendees") }
    var agenda: String { language.pick(nb: "Sakliste", nn: "Sakliste", en: "Agenda") }
    var deadline: String { language.pick(nb: "Frist", nn: "Frist", en: "Deadline") }
    var responsible: String { language.pick(nb: "Ansvarlig", nn: "Ansvarleg", en: "Responsible") }
    func page(_ n: Int, _ total: Int) -> String { language.pick(nb: "Side \(n) av \(total)", nn: "Side \(n) av \(total)", en: "Page \(n) of \(total)") }
}
