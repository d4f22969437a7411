/// Small shared vocabulary for the plan's user-facing text.
public enum Words {
    public static func weekdayName(_ day: Weekday, _ language: PlanLanguage) -> String {
        switch language {
        case .bokmal: return ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"][day.rawValue - 1]
        case .nynorsk: return ["måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"][day.rawValue - 1]
        case .english: return ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.rawValue - 1]
        }
    }

    public static func monthName(_ month: Int, _ language: PlanLanguage) -> String {
        switch language {
        case .bokmal: return ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"][month - 1]
        case .nynorsk: return ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"][month - 1]
        case .english: return ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][month - 1]
        }
    }
}
