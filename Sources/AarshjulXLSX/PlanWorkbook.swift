import AarshjulCore
import CXLSXWriter
import Glibc

/// What went wrong making a spreadsheet, in words for the person who asked for it.
public struct XLSXError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// The plan as an Excel workbook (through libxlsxwriter; the only code that
/// touches it): a sheet with one row per event (the columns of `PlanRows`,
/// dates as real dates, a filter on the heading row, the heading frozen) and
/// a sheet with every deadline. The creation date is the plan's fixed stamp,
/// so the same plan always gives the same bytes.
public enum PlanWorkbook {
    public static func bytes(for plan: Plan, language: PlanLanguage) throws(XLSXError) -> [UInt8] {
        // libxlsxwriter writes to a path: a private temporary file, read back and removed.
        var template = Array("\(temporaryDirectory())/aarshjul-xlsx-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw XLSXError(description: "cannot create a temporary file for the spreadsheet") }
        close(descriptor)
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        try write(plan, language: language, to: path)
        return try readAll(path)
    }

    static func write(_ plan: Plan, language: PlanLanguage, to path: String) throws(XLSXError) {
        guard let workbook = workbook_new(path) else { throw XLSXError(description: "libxlsxwriter cannot start a workbook") }
        let words = SheetWords(language)
        let title = "\(plan.agreement.municipality) – \(words.meetingPlan) \(yearsText(plan.years))"
        let created = Int(Plan.freshStamp(plan.agreement, years: plan.years).date - CivilDate(year: 1970, month: 1, day: 1)!) * 86_400
        let status: lxw_error = title.withCString { titleC in
            "Aarshjul".withCString { author in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: titleC)
                properties.author = UnsafeMutablePointer(mutating: author)
                properties.created = time_t(created)
                return workbook_set_properties(workbook, &properties)
            }
        }
        guard status == LXW_NO_ERROR else {
            workbook_close(workbook)
            throw XLSXError(description: "libxlsxwriter: \(String(cString: lxw_strerror(status)))")
        }

        let heading = workbook_add_format(workbook)
        format_set_bold(heading)
        format_set_bg_color(heading, 0xDDE4EE)
        format_set_text_wrap(heading)
        format_set_align(heading, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        let text = workbook_add_format(workbook)
        format_set_text_wrap(text)
        format_set_align(text, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        let date = workbook_add_format(workbook)
        format_set_num_format(date, "dd.mm.yyyy")
        format_set_align(date, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))

        let events = workbook_add_worksheet(workbook, words.eventsSheet)
        let headings = PlanRows.headings(language)
        let widths: [Double] = [11, 10, 7, 7, 28, 34, 30, 28, 36, 44, 34]
        for (column, width) in widths.enumerated() { worksheet_set_column(events, lxw_col_t(column), lxw_col_t(column), width, nil) }
        for (column, name) in headings.enumerated() { worksheet_write_string(events, 0, lxw_col_t(column), name, heading) }
        let rows = PlanRows.rows(for: plan, language: language)
        for (index, row) in rows.enumerated() {
            let r = lxw_row_t(index + 1)
            var day = lxw_datetime(year: Int32(row.event.date.year), month: Int32(row.event.date.month), day: Int32(row.event.date.day),
                                   hour: 0, min: 0, sec: 0)
            worksheet_write_datetime(events, r, 0, &day, date)
            for (column, cell) in PlanRows.cells(row).enumerated().dropFirst() where !cell.isEmpty {
                worksheet_write_string(events, r, lxw_col_t(column), cell, text)
            }
        }
        worksheet_freeze_panes(events, 1, 0)
        worksheet_autofilter(events, 0, 0, lxw_row_t(rows.count), lxw_col_t(headings.count - 1))

        let deadlines = workbook_add_worksheet(workbook, words.deadlinesSheet)
        let deadlineHeadings = words.deadlineHeadings
        for (column, width) in [11.0, 10, 44, 40, 40].enumerated() {
            worksheet_set_column(deadlines, lxw_col_t(column), lxw_col_t(column), width, nil)
        }
        for (column, name) in deadlineHeadings.enumerated() { worksheet_write_string(deadlines, 0, lxw_col_t(column), name, heading) }
        let sorted = plan.deadlines.sorted { ($0.due, $0.uid) < ($1.due, $1.uid) }
        let titles = Dictionary(rows.map { ($0.event.uid, $0.title) }, uniquingKeysWith: { a, _ in a })
        for (index, deadline) in sorted.enumerated() {
            let r = lxw_row_t(index + 1)
            var day = lxw_datetime(year: Int32(deadline.due.year), month: Int32(deadline.due.month), day: Int32(deadline.due.day),
                                   hour: 0, min: 0, sec: 0)
            worksheet_write_datetime(deadlines, r, 0, &day, date)
            let cells = [Words.weekdayName(deadline.due.weekday, language), deadline.title,
                         deadline.responsible.map { PlanRows.personText(plan.agreement, $0, language) }.joined(separator: "\n"),
                         deadline.relatedEventUID.flatMap { titles[$0] } ?? ""]
            for (column, cell) in cells.enumerated() where !cell.isEmpty {
                worksheet_write_string(deadlines, r, lxw_col_t(column + 1), cell, text)
            }
        }
        worksheet_freeze_panes(deadlines, 1, 0)

        let closed = workbook_close(workbook)
        guard closed == LXW_NO_ERROR else {
            throw XLSXError(description: "libxlsxwriter: \(String(cString: lxw_strerror(closed)))")
        }
    }

    static func yearsText(_ years: ClosedRange<Int>) -> String {
        years.count == 1 ? String(years.lowerBound) : "\(years.lowerBound)–\(years.upperBound)"
    }

    static func temporaryDirectory() -> String {
        if let dir = getenv("TMPDIR"), dir.pointee != 0 { return String(cString: dir) }
        return "/tmp"
    }

    static func readAll(_ path: String) throws(XLSXError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw XLSXError(description: "cannot read the spreadsheet back from \(path)") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw XLSXError(description: "cannot read the spreadsheet back from \(path)")
            }
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }
}

/// The workbook's sheet names and deadline headings. Sheet names stay
/// within Excel's 31 characters and its allowed characters.
struct SheetWords {
    let language: PlanLanguage
    init(_ language: PlanLanguage) { self.language = language }
    var meetingPlan: String { language.pick(nb: "møteplan", nn: "møteplan", en: "meeting plan") }
    var eventsSheet: String { language.pick(nb: "Møteplan", nn: "Møteplan", en: "Meeting plan") }
    var deadlinesSheet: String { language.pick(nb: "Frister", nn: "Fristar", en: "Deadlines") }
    var deadlineHeadings: [String] {
        [language.pick(nb: "Frist", nn: "Frist", en: "Due"), language.pick(nb: "Ukedag", nn: "Vekedag", en: "Weekday"), language.pick(nb: "Oppgave", nn: "Oppgåve", en: "Task"),
         language.pick(nb: "Ansvarlig", nn: "Ansvarleg", en: "Responsible"), language.pick(nb: "For møtet", nn: "For møtet", en: "For the meeting")]
    }
}
