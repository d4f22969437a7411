import AarshjulCore
import Testing


/// A small hand-made plan: four politiråd meetings (the first with the
/// agreement evaluation, the last with the year's evaluation), three
/// presence days, a per-school series, two deadlines and a note.
enum TextPlanFixture {
    static func date(_ m: Int, _ d: Int, _ y: Int = 2027) -> CivilDate { CivilDate(year: y, month: m, day: d)! }
    static func span(_ h1: Int, _ h2: Int) -> TimeSpan {
        TimeSpan(TimeOfDay(hour: h1, minute: 0)!, TimeOfDay(hour: h2, minute: 0)!)
    }
    static let stamp = UTCTimestamp(date: date(1, 1))

    static let agreement = Agreement(
        id: "stjordal", municipality: "Stjørdal", county: .trondelag, language: .bokmal,
        venues: [Venue(id: "radhus", name: "Rådhuset", address: "Kjøpmannsgata 9", officeHours: [:])],
        schools: [School(id: "halsen", name: "Halsen", level: .lowerSecondary),
                  School(id: "lanke", name: "Lånke", level: .lowerSecondary)],
        series: [
            MeetingSeries(id: "politirad", title: "Politirådsmøte", titleEnglish: "Police council", kind: .policeCouncil,
                          rule: .perQuarter(count: 1), venue: "radhus",
                          positionalAgenda: [PositionalAgendaItem(position: .firstOfYear, item: "evaluering av avtalen"),
                                             PositionalAgendaItem(position: .lastOfYear, item: "evaluering av tiltakene")]),
            MeetingSeries(id: "kontakt", title: "Politikontakt til stede", titleEnglish: "Police contact on site",
                          kind: .policeContactPresence, rule: .weekly(weekday: .tuesday), allDay: true),
            MeetingSeries(id: "foreldre", title: "Foreldremøte", titleEnglish: "Parent meeting", kind: .prevention,
                          rule: .schoolWindow(.schoolStart(weeks: 4), perSchool: true)),
        ])

    static func politirad(_ n: Int, _ d: CivilDate, agenda: [String] = []) -> PlannedEvent {
        PlannedEvent(uid: "p\(n)", seriesID: "politirad", occurrence: n, title: "Politirådsmøte", date: d,
                     time: span(9, 11), location: "Rådhuset, Kjøpmannsgata 9",
                     agenda: ["godkjenning av referat"] + agenda, stamp: stamp)
    }

    static func kontakt(_ n: Int, _ d: CivilDate) -> PlannedEvent {
        PlannedEvent(uid: "k\(n)", seriesID: "kontakt", occurrence: n, title: "Politikontakt til stede", date: d,
                     time: nil, location: "Stjørdal politistasjon, Gjemblestadvegen 5", stamp: stamp)
    }

    static func foreldre(_ n: Int, _ school: String, _ d: CivilDate) -> PlannedEvent {
        PlannedEvent(uid: "f\(school)\(n)", seriesID: "foreldre", schoolID: school, occurrence: n, title: "Foreldremøte",
                     date: d, time: span(18, 19), stamp: stamp)
    }

    static func plan(cost: CostReport = CostReport(byRule: ["preferred-weekday": 4, "even-spacing": 8, "preferred-time": 0],
                                                    lowerBound: 9)) -> Plan {
        Plan(
            agreement: agreement, years: 2027...2027, language: .bokmal,
            events: [
                politirad(1, date(2, 9), agenda: ["evaluering av avtalen"]),
                kontakt(1, date(2, 16)),
                kontakt(2, date(2, 23)),
                kontakt(3, date(3, 2)),
                politirad(2, date(4, 20)),
                politirad(3, date(8, 31)),
                foreldre(1, "halsen", date(8, 24)),
                foreldre(2, "halsen", date(9, 7)),
                foreldre(1, "lanke", date(8, 26)),
                politirad(4, date(11, 23), agenda: ["evaluering av tiltakene"]),
            ],
            deadlines: [
                PlannedDeadline(uid: "d1", sourceID: "politirad", title: "Sakliste ut: Politirådsmøte (1/4)",
                                due: date(2, 2), relatedEventUID: "p1", stamp: stamp),
                PlannedDeadline(uid: "d4", sourceID: "politirad", title: "Sakliste ut: Politirådsmøte (4/4)",
                                due: date(11, 16), relatedEventUID: "p4", stamp: stamp),
            ],
            notes: [PlanNote(seriesID: "kontakt", text: LocalizedText(nb: "Uke 9 har bare én ledig tirsdag.",
                                                                       nn: "Veke 9 har berre éin ledig tysdag.",
                                                                       en: "Week 9 has only one free Tuesday."))],
            cost: cost)
    }
}

/// Expected renderings of `TextPlanFixture.plan()`, checked by eye once:
/// columns, wording, grouping. Each ends with exactly one newline.
enum TextPlanGolden {
    static let nb = """
    Stjørdal – møteplan 2027

    Politirådsmøte           4 møter  avstand 70–133 dager (10–19 uker)
    Politikontakt til stede  3 dager  avstand 7 dager
    Foreldremøte             3 møter  per skole: Halsen 2, Lånke 1

    Februar 2027
      tir 09.02.  09:00–11:00  Politirådsmøte (1/4)           Rådhuset                · evaluering av avtalen
      tir 16.02.  hele dagen   Politikontakt til stede (1/3)  Stjørdal politistasjon
      tir 23.02.  hele dagen   Politikontakt til stede (2/3)  Stjørdal politistasjon

    Mars 2027
      tir 02.03.  hele dagen   Politikontakt til stede (3/3)  Stjørdal politistasjon

    April 2027
      tir 20.04.  09:00–11:00  Politirådsmøte (2/4)           Rådhuset

    August 2027
      tir 24.08.  18:00–19:00  Foreldremøte, Halsen (1/2)
      tor 26.08.  18:00–19:00  Foreldremøte, Lånke (1/1)
      tir 31.08.  09:00–11:00  Politirådsmøte (3/4)           Rådhuset

    September 2027
      tir 07.09.  18:00–19:00  Foreldremøte, Halsen (2/2)

    November 2027
      tir 23.11.  09:00–11:00  Politirådsmøte (4/4)           Rådhuset                · evaluering av tiltakene

    Frister
      tir 02.02.  Sakliste ut: Politirådsmøte (1/4)
      tir 16.11.  Sakliste ut: Politirådsmøte (4/4)

    Merknader
      - Uke 9 har bare én ledig tirsdag.

    Alle krav i avtalen er oppfylt, unntatt det som står under Merknader.

    """
    static let nn = """
    Stjørdal – møteplan 2027

    Politirådsmøte           4 møte   avstand 70–133 dagar (10–19 veker)
    Politikontakt til stede  3 dagar  avstand 7 dagar
    Foreldremøte             3 møte   per skule: Halsen 2, Lånke 1

    Februar 2027
      tys 09.02.  09:00–11:00  Politirådsmøte (1/4)           Rådhuset                · evaluering av avtalen
      tys 16.02.  heile dagen  Politikontakt til stede (1/3)  Stjørdal politistasjon
      tys 23.02.  heile dagen  Politikontakt til stede (2/3)  Stjørdal politistasjon

    Mars 2027
      tys 02.03.  heile dagen  Politikontakt til stede (3/3)  Stjørdal politistasjon

    April 2027
      tys 20.04.  09:00–11:00  Politirådsmøte (2/4)           Rådhuset

    August 2027
      tys 24.08.  18:00–19:00  Foreldremøte, Halsen (1/2)
      tor 26.08.  18:00–19:00  Foreldremøte, Lånke (1/1)
      tys 31.08.  09:00–11:00  Politirådsmøte (3/4)           Rådhuset

    September 2027
      tys 07.09.  18:00–19:00  Foreldremøte, Halsen (2/2)

    November 2027
      tys 23.11.  09:00–11:00  Politirådsmøte (4/4)           Rådhuset                · evaluering av tiltakene

    Fristar
      tys 02.02.  Sakliste ut: Politirådsmøte (1/4)
      tys 16.11.  Sakliste ut: Politirådsmøte (4/4)

    Merknader
      - Veke 9 har berre éin ledig tysdag.

    Alle krav i avtalen er oppfylte, bortsett frå det som står under Merknader.

    """
    static let en = """
    Stjørdal – meeting plan 2027

    Police council          4 meetings  gap 70–133 days (10–19 weeks)
    Police contact on site  3 days      gap 7 days
    Parent meeting          3 meetings  per school: Halsen 2, Lånke 1

    February 2027
      Tue 9 Feb   09:00–11:00  Politirådsmøte (1/4)           Rådhuset                · evaluering av avtalen
      Tue 16 Feb  all day      Politikontakt til stede (1/3)  Stjørdal politistasjon
      Tue 23 Feb  all day      Politikontakt til stede (2/3)  Stjørdal politistasjon

    March 2027
      Tue 2 Mar   all day      Politikontakt til stede (3/3)  Stjørdal politistasjon

    April 2027
      Tue 20 Apr  09:00–11:00  Politirådsmøte (2/4)           Rådhuset

    August 2027
      Tue 24 Aug  18:00–19:00  Foreldremøte, Halsen (1/2)
      Thu 26 Aug  18:00–19:00  Foreldremøte, Lånke (1/1)
      Tue 31 Aug  09:00–11:00  Politirådsmøte (3/4)           Rådhuset

    September 2027
      Tue 7 Sep   18:00–19:00  Foreldremøte, Halsen (2/2)

    November 2027
      Tue 23 Nov  09:00–11:00  Politirådsmøte (4/4)           Rådhuset                · evaluering av tiltakene

    Deadlines
      Tue 2 Feb   Sakliste ut: Politirådsmøte (1/4)
      Tue 16 Nov  Sakliste ut: Politirådsmøte (4/4)

    Notes
      - Week 9 has only one free Tuesday.

    Every requirement of the agreement is met, except what the notes say.

    """
}

@Suite struct TextPlanTests {
    typealias F = TextPlanFixture

    @Test func bokmalPlanIsExact() {
        #expect(TextPlan.render(F.plan()) == TextPlanGolden.nb)
    }

    /// A title longer than the column wraps at a space onto a line of its own; nothing is cut.
    @Test func longTitlesWrapInsteadOfBeingCut() {
        var plan = F.plan()
        let long = "Kvartalsvis aktivitetsplan SLT og politikontakt med gjennomgang av alle tiltak"
        plan.events = [PlannedEvent(uid: "p1", seriesID: "politirad", occurrence: 1, title: long, date: F.date(2, 9),
                                    time: TimeSpan(TimeOfDay(minutes: 540), TimeOfDay(minutes: 660)), location: "Rådhuset",
                                    stamp: F.stamp)]
        let text = TextPlan.render(plan)
        #expect(!text.contains("…"))
        let lines = text.split(separator: "\n").map(String.init)
        let first = lines.firstIndex { $0.hasPrefix("  tir 09.02.  09:00–11:00  Kvartalsvis aktivitetsplan SLT og ") }
        #expect(first != nil, "\(text)")
        if let i = first {
            #expect(lines[i].hasSuffix("  Rådhuset"))
            #expect(lines[i + 1] == String(repeating: " ", count: 27) + "politikontakt med gjennomgang av alle")
            #expect(lines[i + 2] == String(repeating: " ", count: 27) + "tiltak (1/1)", "the count stays with the last word")
        }
    }

    @Test func nynorskPlanIsExact() {
        #expect(TextPlan.render(F.plan(), language: .nynorsk) == TextPlanGolden.nn)
    }

    @Test func englishPlanIsExact() {
        #expect(TextPlan.render(F.plan(), language: .english) == TextPlanGolden.en)
    }

    @Test func defaultLanguageIsThePlans() {
        var plan = F.plan()
        plan.language = .nynorsk
        #expect(TextPlan.render(plan) == TextPlanGolden.nn)
    }

    @Test(arguments: PlanLanguage.allCases)
    func noTrailingSpacesAndOneFinalNewline(_ language: PlanLanguage) {
        let text = TextPlan.render(F.plan(), language: language)
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(!line.hasSuffix(" "), "trailing space in \(line)")
        }
    }

    @Test func eventOrderInThePlanDoesNotChangeTheText() {
        var plan = F.plan()
        plan.events.reverse()
        plan.deadlines.reverse()
        #expect(TextPlan.render(plan) == TextPlanGolden.nb)
    }

    /// SLT every 6–8 weeks: gaps of 42, 56 and 45 days.
    @Test func gapStatisticsInDaysAndWeeks() {
        let dates = [F.date(1, 12), F.date(2, 23), F.date(4, 20), F.date(6, 4)]
        var plan = F.plan()
        plan.events = dates.enumerated().map { F.politirad($0.offset + 1, $0.element) }
        let nb = TextPlan.render(plan)
        #expect(nb.contains("Politirådsmøte           4 møter  avstand 42–56 dager (6–8 uker)\n"))
        plan.events.removeLast()
        plan.events.append(F.politirad(4, F.date(6, 1)))  // gaps 42, 56, 42
        #expect(TextPlan.render(plan).contains("avstand 42–56 dager (6–8 uker)"))
        plan.events = [F.politirad(1, F.date(1, 12)), F.politirad(2, F.date(2, 26))]  // 45 days
        #expect(TextPlan.render(plan).contains("avstand 45 dager (6,4 uker)"))
        #expect(TextPlan.render(plan, language: .english).contains("gap 45 days (6.4 weeks)"))
        plan.events = [F.politirad(1, F.date(1, 12)), F.politirad(2, F.date(1, 22))]  // 10 days: no weeks
        #expect(TextPlan.render(plan).contains("avstand 10 dager\n"))
        plan.events = [F.politirad(1, F.date(1, 12))]  // one meeting: no gap at all
        #expect(TextPlan.render(plan).contains("Politirådsmøte           1 møte\n"))
    }

    @Test func monthsGroupAcrossYearsAndDeadlinesShowTheYear() {
        var plan = F.plan()
        plan.years = 2027...2028
        plan.events = [F.politirad(4, F.date(12, 7)), F.politirad(1, F.date(1, 11, 2028)),
                       F.politirad(2, F.date(1, 25, 2028))]
        plan.deadlines = [PlannedDeadline(uid: "d", sourceID: "politirad", title: "Sakliste ut",
                                          due: F.date(1, 4, 2028), stamp: F.stamp)]
        let text = TextPlan.render(plan)
        #expect(text.contains("""
            Desember 2027
              tir 07.12.  09:00–11:00  Politirådsmøte (4/4)  Rådhuset

            Januar 2028
              tir 11.01.  09:00–11:00  Politirådsmøte (1/2)  Rådhuset
              tir 25.01.  09:00–11:00  Politirådsmøte (2/2)  Rådhuset

            Frister
              tir 04.01.2028  Sakliste ut
            """))
        #expect(text.hasPrefix("Stjørdal – møteplan 2027–2028\n"))
    }

    @Test func allDayWording() {
        var plan = F.plan()
        plan.events = [F.kontakt(1, F.date(3, 2))]
        #expect(TextPlan.render(plan).contains("tir 02.03.  hele dagen  Politikontakt til stede (1/1)"))
        #expect(TextPlan.render(plan, language: .nynorsk).contains("tys 02.03.  heile dagen  Politikontakt"))
        #expect(TextPlan.render(plan, language: .english).contains("Tue 2 Mar  all day  Politikontakt"))
        #expect(TextPlan.render(plan).contains("Politikontakt til stede  1 dag"))
    }

    @Test func perSchoolSeriesCountPerSchoolInAgreementOrder() {
        var plan = F.plan()
        plan.events = [F.foreldre(1, "lanke", F.date(8, 23)), F.foreldre(2, "lanke", F.date(9, 6)),
                       F.foreldre(3, "lanke", F.date(9, 8)), F.foreldre(1, "halsen", F.date(8, 25))]
        let text = TextPlan.render(plan)
        #expect(text.contains("Foreldremøte             4 møter  per skole: Halsen 1, Lånke 3\n"))
        #expect(text.contains("Foreldremøte, Lånke (3/3)"))
        #expect(TextPlan.render(plan, language: .nynorsk).contains("per skule: Halsen 1, Lånke 3"))
        #expect(TextPlan.render(plan, language: .english).contains("per school: Halsen 1, Lånke 3"))
    }

    @Test func provenOptimalWording() {
        let plan = F.plan(cost: CostReport(byRule: ["even-spacing": 5, "day-after-break": 2], lowerBound: 7))
        #expect(TextPlan.render(plan).hasSuffix("Merknader.\n"), "the plain plan has no cost line")
        #expect(TextPlan.render(plan, details: true).hasSuffix(
            "Ønsker som ikke er helt oppfylt: 7 poeng (jevn avstand 5, dagen etter ferie 2) – ingen plan som holder alle krav, gjør det bedre\n"))
        #expect(TextPlan.render(plan, language: .nynorsk, details: true)
            .hasSuffix("Ønske som ikkje er heilt oppfylte: 7 poeng (jamn avstand 5, dagen etter ferie 2) – ingen plan som held alle krav, gjer det betre\n"))
        #expect(TextPlan.render(plan, language: .english, details: true)
            .hasSuffix("Preferences not fully met: 7 points (even spacing 5, day after a break 2) – no plan that keeps every requirement does better\n"))
    }

    @Test func boundedGapWordingAndUnknownRules() {
        let plan = F.plan(cost: CostReport(byRule: ["zz-new-rule": 1, "agreed-weekday": 3, "agenda-notice-early": 2],
                                           lowerBound: 1))
        #expect(TextPlan.render(plan, details: true)
            .hasSuffix("Ønsker som ikke er helt oppfylt: 6 poeng (avtalt ukedag 3, tidlig sakliste 2, zz-new-rule 1) – høyst 5 poeng fra det best mulige\n"))
        #expect(TextPlan.render(plan, language: .nynorsk, details: true).hasSuffix("– høgst 5 poeng frå det best moglege\n"))
        #expect(TextPlan.render(plan, language: .english, details: true).hasSuffix("– at most 5 points from the best possible\n"))
        let free = F.plan(cost: CostReport())
        #expect(TextPlan.render(free, details: true).hasSuffix("Merknader.\nAlle ønsker i avtalen er oppfylt.\n"))
    }

    @Test func emptyPlanStillHasHeaderSummaryAndCost() {
        var plan = F.plan(cost: CostReport())
        plan.events = []
        plan.deadlines = []
        plan.notes = []
        #expect(TextPlan.render(plan) == """
            Stjørdal – møteplan 2027

            Politirådsmøte           0 møter
            Politikontakt til stede  0 dager
            Foreldremøte             0 møter

            Alle krav i avtalen er oppfylt.

            """)
    }
}
