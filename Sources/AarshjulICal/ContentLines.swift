import AarshjulCore

/// Writes iCalendar content lines byte for byte as libical 3.0.16 writes
/// them, for the values the exporter's own components carry: a third of
/// export time went into libical building and freeing a property, a value
/// and buffers per line. It covers only what it was checked against libical
/// for (ExportWriterTests compares it with libical on every shipped plan and
/// on generated texts); any other value makes `writable` false and the caller
/// lets libical write the whole component.
struct ContentLines {
    private(set) var bytes: [UInt8] = []
    /// False once a value held something this writer does not write as
    /// libical would (control characters, a backslash, quotes in a name).
    private(set) var writable = true
    /// The line being built, folded when it ends.
    private var line: [UInt8] = []

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
        line.reserveCapacity(256)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func begin(_ kind: String) { raw("BEGIN", kind) }
    mutating func end(_ kind: String) { raw("END", kind) }

    /// `NAME:value` with the value as is: names, numbers, dates, enumerations.
    mutating func raw(_ name: String, _ value: String) {
        line.append(contentsOf: name.utf8)
        line.append(0x3A)
        line.append(contentsOf: value.utf8)
        finishLine()
    }

    /// A TEXT value (SUMMARY, DESCRIPTION, LOCATION, UID, RELATED-TO):
    /// backslash, semicolon and comma escaped, a line break as `\n`.
    mutating func text(_ name: String, _ value: String) {
        line.append(contentsOf: name.utf8)
        line.append(0x3A)
        for byte in value.utf8 {
            switch byte {
            case 0x5C, 0x3B, 0x2C: line.append(0x5C); line.append(byte)
            case 0x0A: line.append(0x5C); line.append(0x6E)
            case ..<0x20, 0x7F: writable = false
            default: line.append(byte)
            }
        }
        finishLine()
    }

    /// An X- or CATEGORIES value the caller made comma- and break-free
    /// (`LibicalComponent.plainXValue`): libical writes it as it is but for
    /// backslashes, which it doubles.
    mutating func plain(_ name: String, _ value: String) {
        line.append(contentsOf: name.utf8)
        line.append(0x3A)
        for byte in value.utf8 {
            if byte < 0x20 || byte == 0x7F || byte == 0x5C { writable = false }
            line.append(byte)
        }
        finishLine()
    }

    /// `NAME:20260115T000000Z` (a UTC time).
    mutating func utc(_ name: String, _ stamp: UTCTimestamp) {
        line.append(contentsOf: name.utf8)
        line.append(0x3A)
        digits(stamp.date)
        line.append(0x54)
        two(stamp.time.hour); two(stamp.time.minute); two(stamp.second)
        line.append(0x5A)
        finishLine()
    }

    /// `NAME;TZID=zone:20270113T090000` (a wall time in a zone).
    mutating func zoned(_ name: String, tzid: String, _ date: CivilDate, _ time: TimeOfDay) {
        line.append(contentsOf: name.utf8)
        line.append(contentsOf: ";TZID=".utf8)
        line.append(contentsOf: tzid.utf8)
        line.append(0x3A)
        digits(date)
        line.append(0x54)
        two(time.hour); two(time.minute); two(0)
        finishLine()
    }

    /// `NAME;VALUE=DATE:20270113` (an all-day date).
    mutating func date(_ name: String, _ date: CivilDate) {
        line.append(contentsOf: name.utf8)
        line.append(contentsOf: ";VALUE=DATE:".utf8)
        digits(date)
        finishLine()
    }

    /// `NAME;CN=name:mailto:address` (ORGANIZER, ATTENDEE). libical quotes a
    /// name holding `;`, `:` or `,`, and an empty one; names with quotes, carets or control
    /// characters, or addresses with more than letters, digits and `.@_+-`,
    /// are left to libical.
    mutating func person(_ name: String, cn: String, address: String) {
        line.append(contentsOf: name.utf8)
        line.append(contentsOf: ";CN=".utf8)
        var quoted = cn.isEmpty  // libical writes an empty name as CN=""
        for byte in cn.utf8 {
            if byte == 0x3B || byte == 0x3A || byte == 0x2C { quoted = true }
            if byte < 0x20 || byte == 0x7F || byte == 0x22 || byte == 0x5E { writable = false }
        }
        if quoted { line.append(0x22) }
        line.append(contentsOf: cn.utf8)
        if quoted { line.append(0x22) }
        line.append(contentsOf: ":mailto:".utf8)
        for byte in address.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2E, 0x40, 0x5F, 0x2B, 0x2D: break
            default: writable = false
            }
            line.append(byte)
        }
        finishLine()
    }

    /// libical's folding: a line of 75 bytes or more, counting its CRLF, is
    /// broken after the last `;`, `:` or space among its first 74 bytes, else
    /// before the last UTF-8 character start among its first 75, else after
    /// 74 bytes; each continuation starts with a space and is measured the
    /// same way. Counting the CRLF is libical's: it folds the line with its
    /// CRLF, so a 73-byte line is folded and a break can fall inside the
    /// CRLF (a line of 73 unbroken bytes after a fold ends in CR, CRLF,
    /// space, LF); the same bytes come out here.
    private mutating func finishLine() {
        line.append(0x0D)
        line.append(0x0A)
        var start = 0
        let count = line.count
        while start < count {
            var next = count
            if count - start >= 75 {
                next = -1
                var pos = start + 73
                while pos > start {
                    let byte = line[pos]
                    if byte == 0x3B || byte == 0x3A || byte == 0x20 { next = pos + 1; break }
                    pos -= 1
                }
                if next < 0 {
                    pos = start + 74
                    while pos > start {
                        if line[pos] & 0x80 == 0 || line[pos] & 0xC0 == 0xC0 { next = pos; break }
                        pos -= 1
                    }
                    if next < 0 { next = start + 74 }
                }
            }
            if start > 0 { bytes.append(contentsOf: [0x0D, 0x0A, 0x20]) }
            bytes.append(contentsOf: line[start..<next])
            start = next
        }
        line.removeAll(keepingCapacity: true)
    }

    /// "20270113": the year in four digits (`plainYear`), month and day in two.
    private mutating func digits(_ date: CivilDate) {
        two(date.year / 100); two(date.year % 100); two(date.month); two(date.day)
    }

    private mutating func two(_ value: Int) {
        line.append(0x30 + UInt8(truncatingIfNeeded: value / 10 % 10))
        line.append(0x30 + UInt8(truncatingIfNeeded: value % 10))
    }

    /// Years libical writes as this writer does (four digits, no sign).
    static func plainYear(_ date: CivilDate) -> Bool { (0...9999).contains(date.year) }
}
