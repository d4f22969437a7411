import CLibical

/// libical's own share of an import, for the benchmark to print beside
/// ours: the file parsed into libical's tree and the tree freed, nothing
/// read from it. What `BusyCalendar.intervals` costs beyond this is ours.
public enum LibicalBaseline {
    /// Parses `text` with `icalparser_parse_string`, counts the VEVENTs of
    /// its first VCALENDAR (so the work cannot be skipped) and frees the tree.
    public static func parseAndFree(_ text: String) -> Int {
        guard let root = icalparser_parse_string(text) else { return 0 }
        let calendar = LibicalComponent(adopting: root)
        var count = 0
        calendar.forEachChild(ICAL_VEVENT_COMPONENT) { _ in count += 1 }
        return count
    }
}
