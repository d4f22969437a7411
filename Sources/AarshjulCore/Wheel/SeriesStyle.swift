/// One colour per kind of series, the same in every municipality, on the
/// wheel, the index page and the printed plan: a politiråd is always blue.
/// Colours are from the Okabe–Ito set (told apart with the common colour
/// vision deficiencies); yellow is left out because it vanishes on white
/// paper. Two series of the same kind in one plan are told apart by the
/// shape of their marks.
public enum SeriesStyle {
    public static func colour(_ kind: SeriesKind?) -> String {
        switch kind {
        case .policeCouncil: return "#0072B2"          // blue
        case .sltMeeting: return "#D55E00"             // vermillion
        case .policeContactPresence: return "#009E73"  // bluish green
        case .coordination: return "#E69F00"           // orange
        case .prevention: return "#CC79A7"             // reddish purple
        case .report: return "#56B4E9"                 // sky blue
        case .other, nil: return "#000000"
        }
    }

    /// Mark shapes in the order a second, third … series of one kind takes them.
    /// Past six series of one kind the shapes repeat.
    public enum Shape: String, Sendable, CaseIterable { case circle, square, diamond, triangle, hexagon, ring }

    /// Black on the light colours, white on the dark ones (the day number inside a mark).
    public static func textColour(on colour: String) -> String {
        ["#E69F00", "#56B4E9", "#CC79A7"].contains(colour) ? "#000000" : "#ffffff"
    }

    /// The colour of the deadline marks: dark grey, apart from every series colour.
    public static let deadlineColour = "#3d4852"
    /// The "today" line on the served page.
    public static let todayColour = "#b00020"
}
