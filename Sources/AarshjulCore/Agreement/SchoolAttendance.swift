/// Whether a series' attending bodies include the schools ("Alle
/// ungdomsskolene (11)", "Ansatte ved ungdomsskolen", "Skolene"): such a
/// meeting needs the schools and is held in term time. A word counts when it
/// *ends* in a school noun, so "Skolehelsetjenesten" (the school health
/// service, open all year) does not.
public enum SchoolAttendance {
    static let endings = [
        "skole", "skolen", "skoler", "skolene", "skule", "skulen", "skular", "skulane",
        "school", "schools",
    ]

    public static func namesSchools(_ guests: [String]) -> Bool {
        guests.contains { guest in
            guest.lowercased().split(whereSeparator: { !$0.isLetter }).contains { word in
                endings.contains { word.hasSuffix($0) }
            }
        }
    }
}
