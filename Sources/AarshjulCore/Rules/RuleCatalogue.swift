/// Every rule the planner keeps or weighs, in one place (the Timefold model:
/// facts apart from decisions, every constraint a named rule, every penalty
/// explained in a sentence). The solver and the audit refer to rules by the
/// ids below; nothing else invents rule ids.
public enum RuleCatalogue {
    // MARK: Hard rule ids
    public static let noWeekend = "no-weekend"
    public static let noPublicHoliday = "no-public-holiday"
    public static let noMeetingPeriod = "no-meeting-period"
    public static let blackout = "blackout"
    public static let schoolHoliday = "school-holiday"
    public static let officeHours = "office-hours"
    public static let noDoubleBooking = "no-double-booking"
    public static let busyTime = "busy-time"
    public static let frequency = "frequency"
    public static let statedTime = "stated-time"
    public static let positionalAgenda = "positional-agenda"
    public static let deadlineSlip = "deadline-slip"

    // MARK: Soft rule ids
    public static let preferredWeekday = "preferred-weekday"
    public static let agreedWeekday = "agreed-weekday"
    public static let preferredTime = "preferred-time"
    public static let evenSpacing = "even-spacing"
    public static let dayAfterBreak = "day-after-break"
    public static let agendaNoticeEarly = "agenda-notice-early"
    public static let midWindow = "mid-window"
    public static let regularWeekday = "regular-weekday"
    public static let regularWeekOfMonth = "regular-week-of-month"

    /// The soft rules' weights, as constants: the solver's inner loops read
    /// these directly (resolved once, at compile time), never by string id.
    public enum Weight {
        public static let preferredWeekday = 20
        public static let agreedWeekday = 30
        public static let preferredTime = 5
        public static let evenSpacing = 1
        public static let dayAfterBreak = 10
        public static let agendaNoticeEarly = 2
        public static let midWindow = 1
        public static let regularWeekOfMonth = 15
        public static let regularWeekday = 40
    }

    public static let hardRules: [HardRule] = [
        HardRule(id: noWeekend, description: LocalizedText(
            nb: "Ingen møter på lørdag eller søndag.",
            nn: "Ingen møte på laurdag eller sundag.",
            en: "No meetings on Saturdays or Sundays.")),
        HardRule(id: noPublicHoliday, description: LocalizedText(
            nb: "Ingen møter på helligdager og offentlige høytidsdager.",
            nn: "Ingen møte på heilagdagar og offentlege høgtidsdagar.",
            en: "No meetings on public holidays.")),
        HardRule(id: noMeetingPeriod, description: LocalizedText(
            nb: "Ingen møter fra julaften til nyttårsaften eller i fellesferien (uke 28–31).",
            nn: "Ingen møte frå julaftan til nyttårsaftan eller i fellesferien (veke 28–31).",
            en: "No meetings from Christmas Eve to New Year's Eve or in the common summer holiday (weeks 28–31).")),
        HardRule(id: blackout, description: LocalizedText(
            nb: "Ingen møter på datoer avtalen eller brukeren har stengt.",
            nn: "Ingen møte på datoar avtalen eller brukaren har stengt.",
            en: "No meetings on dates the agreement or the user has closed.")),
        HardRule(id: schoolHoliday, description: LocalizedText(
            nb: "Skolearrangementer, og møter skolene er med på, legges aldri i skoleferier.",
            nn: "Skulearrangement, og møte skulane er med på, vert aldri lagde i skuleferiar.",
            en: "School events, and meetings the schools attend, never fall in school holidays.")),
        HardRule(id: officeHours, description: LocalizedText(
            nb: "Møtet holdes på en ukedag da lokalet er åpent, innenfor åpningstiden.",
            nn: "Møtet vert halde på ein vekedag då lokalet er ope, innanfor opningstida.",
            en: "A meeting is held on a weekday its venue is open, within the opening hours.")),
        HardRule(id: noDoubleBooking, description: LocalizedText(
            nb: "Ingen person er i to møter samtidig (reisetid medregnet), har to heldagsoppdrag samme dag, eller er i en annen kommune en dag hun eller han har heldags tilstedeværelse.",
            nn: "Ingen person er i to møte samstundes (reisetid medrekna), har to heildagsoppdrag same dag, eller er i ein annan kommune ein dag ho eller han har heildags nærvær.",
            en: "Nobody is in two meetings at once (travel included), has two all-day items on one day, or is in another municipality on a day of all-day presence.")),
        HardRule(id: busyTime, description: LocalizedText(
            nb: "Ingen settes opp når egen kalender viser opptatt; en heldags tilstedeværelse krever at hele dagen er ledig.",
            nn: "Ingen vert sette opp når eigen kalender viser oppteken; heildags nærvær krev at heile dagen er ledig.",
            en: "Nobody is booked while their own calendar says busy; an all-day presence needs the whole day free.")),
        HardRule(id: frequency, description: LocalizedText(
            nb: "Hver møteserie har så mange møter som avtalen krever, i riktig periode og med riktig avstand.",
            nn: "Kvar møteserie har så mange møte som avtalen krev, i rett periode og med rett avstand.",
            en: "Every series has as many meetings as the agreement asks for, in the right periods and with the right spacing.")),
        HardRule(id: statedTime, description: LocalizedText(
            nb: "Et klokkeslett eller tidsrom avtalen oppgir for en serie, holdes (foreldremøtet kl. 18 blir ikke flyttet til kontortid).",
            nn: "Eit klokkeslett eller tidsrom avtalen oppgjev for ein serie, vert halde (foreldremøtet kl. 18 vert ikkje flytta til kontortid).",
            en: "A time or time window the agreement states for a series is kept (the 18:00 parent meeting is not moved into office hours).")),
        HardRule(id: positionalAgenda, description: LocalizedText(
            nb: "Et møte med en sak som hører til en bestemt tid på året, legges der: årets siste møte i november–desember (eller i månedene avtalen nevner), og møtet som tar saken etter et kommunevalg, etter valgdagen.",
            nn: "Eit møte med ei sak som høyrer til ei bestemt tid på året, vert lagt der: siste møtet i året i november–desember (eller i månadene avtalen nemner), og møtet som tek saka etter eit kommuneval, etter valdagen.",
            en: "A meeting carrying an item that belongs to a time of year is held then: the year's last meeting in November–December (or the months the agreement names), and the meeting that takes the item due after a municipal election, after election day.")),
        HardRule(id: deadlineSlip, description: LocalizedText(
            nb: "En frist som faller på en fridag eller i en ferie, flyttes til siste arbeidsdag før, om ikke avtalen sier etter.",
            nn: "Ein frist som fell på ein fridag eller i ein ferie, vert flytta til siste arbeidsdag før, om ikkje avtalen seier etter.",
            en: "A deadline that falls on a day off or in a holiday moves to the last working day before it, unless the agreement says after.")),
    ]

    public static let softRules: [SoftRule] = [
        SoftRule(id: preferredWeekday, weight: Weight.preferredWeekday, description: LocalizedText(
            nb: "Møtet legges helst på en av seriens foretrukne ukedager.",
            nn: "Møtet vert helst lagt på ein av dei føretrekte vekedagane til serien.",
            en: "A meeting preferably falls on one of the series' preferred weekdays."),
            explain: { p in LocalizedText(
                nb: "\(p.seriesTitle) \(p.date.norwegian): \(Words.weekdayName(p.date.weekday, .bokmal)) er ikke en foretrukket ukedag (\(p.points) poeng).",
                nn: "\(p.seriesTitle) \(p.date.norwegian): \(Words.weekdayName(p.date.weekday, .nynorsk)) er ikkje ein føretrekt vekedag (\(p.points) poeng).",
                en: "\(p.seriesTitle) \(p.date.english): \(Words.weekdayName(p.date.weekday, .english)) is not a preferred weekday (\(Words.points(p.points))).") }),
        SoftRule(id: agreedWeekday, weight: Weight.agreedWeekday, description: LocalizedText(
            nb: "Ukentlig tilstedeværelse holdes på den avtalte ukedagen når den er ledig.",
            nn: "Vekentleg nærvær vert halde på den avtalte vekedagen når han er ledig.",
            en: "Weekly presence is held on the agreed weekday when that day is free."),
            explain: { p in LocalizedText(
                nb: "\(p.seriesTitle) \(p.date.norwegian): flyttet fra avtalt ukedag fordi den ikke var ledig (\(p.points) poeng).",
                nn: "\(p.seriesTitle) \(p.date.norwegian): flytta frå avtalt vekedag fordi han ikkje var ledig (\(p.points) poeng).",
                en: "\(p.seriesTitle) \(p.date.english): moved off the agreed weekday because it was blocked (\(Words.points(p.points))).") }),
        SoftRule(id: preferredTime, weight: Weight.preferredTime, description: LocalizedText(
            nb: "Møtet starter helst på foretrukket tidspunkt (5 poeng per halvtime unna).",
            nn: "Møtet startar helst på føretrekt tidspunkt (5 poeng per halvtime unna).",
            en: "A meeting preferably starts at the preferred time (5 points per half hour away)."),
            explain: { p in LocalizedText(
                nb: "\(p.seriesTitle) \(p.date.norwegian): starter \(p.measure) minutter fra foretrukket tid (\(p.points) poeng).",
                nn: "\(p.seriesTitle) \(p.date.norwegian): startar \(p.measure) minutt frå føretrekt tid (\(p.points) poeng).",
                en: "\(p.seriesTitle) \(p.date.english): starts \(p.measure) minutes from the preferred time (\(Words.points(p.points))).") }),
        SoftRule(id: evenSpacing, weight: Weight.evenSpacing, description: LocalizedText(
            nb: "Møtene i en serie ligger jevnt fordelt (1 poeng per dag avviket er større enn toleransen).",
            nn: "Møta i ein serie ligg jamt fordelte (1 poeng per dag avviket er større enn toleransen).",
            en: "A series' meetings are evenly spaced (1 point per day the gap deviates beyond the tolerance)."),
            explain: { p in LocalizedText(
                nb: "\(p.seriesTitle) \(p.date.norwegian): avstanden til forrige møte avviker \(p.measure) \(Words.daysNoun(p.measure, .bokmal)) fra jevn avstand (\(p.points) poeng).",
                nn: "\(p.seriesTitle) \(p.date.norwegian): avstanden til førre møte avvik \(p.measure) \(Words.daysNoun(p.measure, .nynorsk)) frå jamn avstand (\(p.points) poeng).",
                en: "\(p.seriesTitle) \(p.date.english): the gap to the previous meeting is \(p.measure) \(Words.daysNoun(p.measure, .english)) off even spacing (\(Words.points(p.points))).") }),
        SoftRule(id: dayAfterBreak, weight: Weight.dayAfterBreak, description: LocalizedText(
            nb: "Møter legges helst ikke til første arbeidsdag etter en helligdag eller ferieperiode.",
            nn: "Møte vert helst ikkje lagde til første arbeidsdag etter ein heilagdag eller feriebolk.",
            en: "Meetings preferably avoid the first working day after a public holiday or no-meeting period."),
            explain: { p in LocalizedText(
                nb: "\(p.seriesTitle) \(p.date.norwegian): første arbeidsdag etter en helligdag eller ferie (\(p.points) poeng).",
                nn: "\(p.seriesTitle) \(p.date.norwegian): første arbeidsdag etter ein heilagdag eller ferie (\(p.points) poeng).",
                en: "\(p.seriesTitle) \(p.date.english): first working day after a public holiday or break (\(Words.points(p.points))).") }),
        SoftRule(id: agendaNoticeEarly, weight: Weight.agendaNoticeEarly, description: LocalizedText(
            nb: "Saklistefristen faller helst ikke tidligere enn varselfristen krever.",
            nn: "Saklistefristen fell helst ikkje tidlegare enn varslingsfristen krev.",
            en: "The agenda deadline preferably falls no earlier than the notice period requires."),
            explain: { p in LocalizedText(
                nb: "\(p.seriesTitle) \(p.date.norwegian): saklisten må ut \(p.measure) \(Words.daysNoun(p.measure, .bokmal)) tidligere fordi fristen faller på en fridag (\(p.points) poeng).",
                nn: "\(p.seriesTitle) \(p.date.norwegian): saklista må ut \(p.measure) \(Words.daysNoun(p.measure, .nynorsk)) tidlegare fordi fristen fell på ein fridag (\(p.points) poeng).",
                en: "\(p.seriesTitle) \(p.date.english): the agenda must go out \(p.measure) \(Words.daysNoun(p.measure, .english)) earlier because the deadline falls on a day off (\(Words.points(p.points))).") }),
        SoftRule(id: midWindow, weight: Weight.midWindow, description: LocalizedText(
            nb: "Et møte som skal holdes i en periode (kvartal, måned eller tidsrom) legges helst midt i perioden (1 poeng per hele uke unna).",
            nn: "Eit møte som skal haldast i ein periode (kvartal, månad eller tidsrom) vert helst lagt midt i perioden (1 poeng per heile veke unna).",
            en: "A meeting due in a period (quarter, month, window) preferably falls mid-period (1 point per whole week away)."),
            explain: { p in LocalizedText(
                nb: "\(p.seriesTitle) \(p.date.norwegian): \(p.measure) \(Words.daysNoun(p.measure, .bokmal)) fra midten av perioden (\(p.points) poeng).",
                nn: "\(p.seriesTitle) \(p.date.norwegian): \(p.measure) \(Words.daysNoun(p.measure, .nynorsk)) frå midten av perioden (\(p.points) poeng).",
                en: "\(p.seriesTitle) \(p.date.english): \(p.measure) \(Words.daysNoun(p.measure, .english)) from the middle of its period (\(Words.points(p.points))).") }),
        // Regular patterns: one weekday (and week of the month) a year, as coordinators plan by hand.
        SoftRule(id: regularWeekday, weight: Weight.regularWeekday, description: LocalizedText(
            nb: "En serie holder seg til én ukedag hele året (en møterekke «hver 6.–8. uke» over flere år: alle årene); planleggeren velger dagen når avtalen ikke gjør det, og møtet flyttes bare når dagen ikke går (40 poeng, pluss 1 per ukedag unna).",
            nn: "Ein serie held seg til éin vekedag heile året (ei møterekkje «kvar 6.–8. veke» over fleire år: alle åra); planleggjaren vel dagen når avtalen ikkje gjer det, og møtet vert berre flytta når dagen ikkje går (40 poeng, pluss 1 per vekedag unna).",
            en: "A series keeps one weekday all year (a chain \"every 6–8 weeks\" over several years: all of them); the planner chooses the day when the agreement does not, and a meeting moves only when that day cannot be used (40 points, plus 1 per weekday away)."),
            explain: { p in LocalizedText(
                nb: "\(p.seriesTitle) \(p.date.norwegian): \(Words.weekdayName(p.date.weekday, .bokmal)), ikke seriens faste ukedag (\(p.points) poeng).",
                nn: "\(p.seriesTitle) \(p.date.norwegian): \(Words.weekdayName(p.date.weekday, .nynorsk)), ikkje den faste vekedagen til serien (\(p.points) poeng).",
                en: "\(p.seriesTitle) \(p.date.english): a \(Words.weekdayName(p.date.weekday, .english)), not the series' regular weekday (\(Words.points(p.points))).") }),
        SoftRule(id: regularWeekOfMonth, weight: Weight.regularWeekOfMonth, description: LocalizedText(
            nb: "Et månedlig møte holdes samme uke i måneden hver gang («andre tirsdag i måneden»).",
            nn: "Eit månadleg møte vert halde same veke i månaden kvar gong («andre tysdag i månaden»).",
            en: "A monthly meeting is held in the same week of the month every time (\"the second Tuesday of the month\")."),
            explain: { p in LocalizedText(
                nb: "\(p.seriesTitle) \(p.date.norwegian): ikke i seriens faste uke i måneden (\(p.points) poeng).",
                nn: "\(p.seriesTitle) \(p.date.norwegian): ikkje i den faste veka i månaden til serien (\(p.points) poeng).",
                en: "\(p.seriesTitle) \(p.date.english): not in the series' regular week of the month (\(Words.points(p.points))).") }),
    ]

    public static func hardRule(_ id: String) -> HardRule? { hardRules.first { $0.id == id } }
    public static func softRule(_ id: String) -> SoftRule? { softRules.first { $0.id == id } }

    /// The weight of a soft rule (0 for an unknown id).
    public static func weight(_ id: String) -> Int { softRule(id)?.weight ?? 0 }

    /// Even spacing: days of deviation tolerated before the rule penalises.
    static let countRuleSpacingTolerance = 7
    static let chainSpacingTolerance = 0
    /// The preferred start when the series states none.
    static let defaultPreferredStart = TimeOfDay(minutes: 9 * 60)
    /// Opening hours assumed when a series names no venue and states no time
    /// (Monday–Friday); never applied to a series that states its time.
    static let defaultOfficeHours = TimeSpan(TimeOfDay(minutes: 8 * 60), TimeOfDay(minutes: 16 * 60))
    /// Candidate start times are this many minutes apart.
    static let startStepMinutes = 30
}

/// A rule no plan may break.
public struct HardRule: Sendable {
    public let id: String
    public let description: LocalizedText
}

/// A preference with a weight; `explain` turns one concrete penalty into a sentence.
public struct SoftRule: Sendable {
    public let id: String
    public let weight: Int
    public let description: LocalizedText
    public let explain: @Sendable (SoftPenalty) -> LocalizedText
}

/// One concrete penalty in a plan.
public struct SoftPenalty: Sendable, Equatable {
    public var ruleID: String
    public var seriesID: String
    public var seriesTitle: String
    public var date: CivilDate
    /// Penalty points.
    public var points: Int
    /// The quantity penalised (minutes away, days off); 0 when the rule has none.
    public var measure: Int

    public init(ruleID: String, seriesID: String, seriesTitle: String, date: CivilDate, points: Int, measure: Int = 0) {
        self.ruleID = ruleID
        self.seriesID = seriesID
        self.seriesTitle = seriesTitle
        self.date = date
        self.points = points
        self.measure = measure
    }

    /// The sentence that explains this penalty.
    public var explanation: LocalizedText {
        RuleCatalogue.softRule(ruleID)?.explain(self) ?? LocalizedText(nb: ruleID, en: ruleID)
    }
}

extension CivilDate {
    /// "03.09.2027": the Norwegian date style (`Words.longDate`), used in running text too.
    var norwegian: String { Words.longDate(self, .bokmal) }
    /// "03.09." — without the year.
    var norwegianShort: String { Words.shortDate(self, .bokmal) }
    /// "3 Sep 2027": the English date style.
    var english: String { Words.longDate(self, .english) }
    /// "3 Sep" — without the year.
    var englishShort: String { Words.shortDate(self, .english) }
}
