extension Occupancy {
    /// People's busy time from their own calendars as occupancy: items held
    /// `elsewhere`, so a busy hour rules out an all-day presence that day as
    /// well as any meeting it overlaps. `personIndex` maps the intervals'
    /// person ids to the occupancy's person numbers; unknown people are skipped.
    static func busyTime(_ intervals: [BusyInterval], personIndex: [String: Int], table: DayTable) -> Occupancy {
        busyTime(intervals, personIndex: personIndex, base: table.base, count: table.count)
    }

    /// The same for day indexes `dayNumber - base` in `0..<count` (a district's members share them).
    static func busyTime(_ intervals: [BusyInterval], personIndex: [String: Int], base: Int, count: Int) -> Occupancy {
        var busy = Occupancy()
        busy.place = Occupancy.elsewhere
        for interval in intervals {
            guard let person = personIndex[interval.personID] else { continue }
            let day = interval.date.dayNumber - base
            guard day >= 0 && day < count else { continue }
            if let time = interval.time {
                busy.add(day: day, start: time.start.minutes, end: time.end.minutes, people: [person])
            } else {
                // A whole busy day blocks timed meetings and presence days alike.
                busy.add(day: day, start: -1, end: -1, people: [person])
                busy.add(day: day, start: 0, end: 24 * 60, people: [person])
            }
        }
        // Checked from any municipality: the items stay elsewhere.
        busy.place = 0
        return busy
    }
}
