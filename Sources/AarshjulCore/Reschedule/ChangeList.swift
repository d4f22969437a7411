/// The terse change list a user reads after a repair, in the plan's language:
/// a count line, then one line per moved, cancelled and added event
/// ("SLT-møte 10.03. → 17.03.: Vinterferie"). Kept events are only counted.
public enum ChangeList {
    public static func render(_ result: RescheduleResult, language: PlanLanguage) -> String {
        let multiYear = result.plan.years.count > 1
        func when(_ date: CivilDate?, _ time: TimeSpan?, showTime: Bool) -> String {
            guard let date else { return "" }
            let day = "\(two(date.day)).\(two(date.month))." + (multiYear ? "\(date.year)" : "")
            return showTime ? day + " " + (time.map { "\($0.start)" } ?? heldAllDay(language)) : day
        }
        let moved = result.changes(.moved), cancelled = result.changes(.cancelled), added = result.changes(.added)
        let kept = result.changes(.kept).count
        var lines: [String]
        switch language {
        case .bokmal: lines = ["Endringer: \(moved.count) flyttet, \(cancelled.count) avlyst, \(added.count) nye, \(kept) uendret."]
        case .nynorsk: lines = ["Endringar: \(moved.count) flytta, \(cancelled.count) avlyste, \(added.count) nye, \(kept) uendra."]
        case .english: lines = ["Changes: \(moved.count) moved, \(cancelled.count) cancelled, \(added.count) new, \(kept) unchanged."]
        }
        for change in result.changes {
            let reason = change.reason.map { ": " + $0.text(language) } ?? ""
            switch change.kind {
            case .moved:
                let showTime = change.from == change.to || change.fromTime != change.toTime
                lines.append("\(change.title) \(when(change.from, change.fromTime, showTime: showTime)) → \(when(change.to, change.toTime, showTime: showTime))\(reason)")
            case .cancelled:
                let word = LocalizedText(nb: "avlyst", nn: "avlyst", en: "cancelled").text(language)
                lines.append("\(change.title) \(when(change.from, change.fromTime, showTime: false)) \(word)\(reason)")
            case .added:
                let word = LocalizedText(nb: "nytt møte", nn: "nytt møte", en: "new meeting").text(language)
                lines.append("\(change.title) \(when(change.to, change.toTime, showTime: false)): \(word)")
            case .kept, .stillCancelled:
                break
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func heldAllDay(_ language: PlanLanguage) -> String {
        LocalizedText(nb: "hele dagen", nn: "heile dagen", en: "all day").text(language)
    }
}
