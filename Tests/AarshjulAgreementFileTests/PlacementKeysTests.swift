import AarshjulAgreementFile
import AarshjulCore
import Testing

/// The agreement-file keys of the placement rules: a stated time or window,
/// a place, term time from the guests, months for positional items, and
/// deadlines that say which way they slip.
@Suite struct PlacementKeysTests {
    func parse(_ series: String, deadlines: String = "") throws -> Agreement {
        try AgreementFile.parse("""
        id: test
        municipality: Test
        county: oslo
        people: [{id: pk, role: Politikontakt}]
        series:
        \(series)
        \(deadlines)
        """, fileName: "test.yaml")
    }

    @Test func statedTimeAndWindow() throws {
        let a = try parse("""
          - {id: a, title: A, rule: {per_year: 1}, time: "18:00", duration: 1h}
          - {id: b, title: B, rule: {per_year: 1}, time: "17:00-21:00", duration: 90m, place: Ungdomsskolene}
        """)
        #expect(a.series[0].statedTime == .at(TimeOfDay(hour: 18, minute: 0)!))
        #expect(a.series[1].statedTime == .within(TimeSpan(TimeOfDay(hour: 17, minute: 0)!, TimeOfDay(hour: 21, minute: 0)!)))
        #expect(a.series[1].place == "Ungdomsskolene")
        #expect(throws: AgreementFileError.self) {
            try parse("  - {id: c, title: C, rule: {per_year: 1}, time: \"18:00-18:30\", duration: 1h}")
        }
    }

    @Test func schoolTermFromTheGuestsUnlessTheFileSaysOtherwise() throws {
        let a = try parse("""
          - {id: slt, title: SLT, rule: {per_year: 4}, guests: [NAV, Alle ungdomsskolene (11)]}
          - {id: off, title: Off, rule: {per_year: 4}, guests: [Alle ungdomsskolene (11)], school_term_only: false}
          - {id: health, title: Health, rule: {per_year: 4}, guests: [Skolehelsetjenesten]}
        """)
        #expect(a.series.map(\.schoolTermOnly) == [true, false, false])
    }

    @Test func positionalItemsWithMonths() throws {
        let a = try parse("""
          - id: council
            title: Politiråd
            rule: {per_year: 2}
            agenda_by_position:
              first_of_year: [Evaluering av avtalen]
              last_of_year: {items: [Evaluering ved årets slutt], months: [nov, 12]}
        """)
        let items = a.series[0].positionalAgenda
        #expect(items.map(\.months) == [[], [11, 12]])
        #expect(items[0].pullMonths.isEmpty && items[1].pullMonths == [11, 12])
        #expect(throws: AgreementFileError.self) {
            try parse("""
              - id: c
                title: C
                rule: {per_year: 2}
                agenda_by_position:
                  last_of_year: {items: [X], months: [brumaire]}
            """)
        }
    }

    @Test func deadlinesSayWhichWayTheySlip() throws {
        let a = try parse("  - {id: s, title: S, rule: {per_year: 1}}", deadlines: """
        quarterly_deadlines:
          - {id: within, title: W, within_days_after_quarter: 14}
          - {id: after, title: A, days_after_quarter: 14, if_closed: after}
          - {id: plain, title: P, days_after_quarter: 14}
        """)
        #expect(a.quarterlyDeadlines.map(\.ifClosed) == [.earlier, .later, .earlier])
        #expect(a.quarterlyDeadlines.map(\.anchor) == [.afterEnd, .afterEnd, .afterEnd])
        #expect(throws: AgreementFileError.self) {
            try parse("  - {id: s, title: S, rule: {per_year: 1}}", deadlines: """
            quarterly_deadlines:
              - {id: w, title: W, within_days_after_quarter: 14, if_closed: after}
            """)
        }
    }
}
