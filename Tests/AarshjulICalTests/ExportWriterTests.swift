import AarshjulCore
@testable import AarshjulICal
import Testing

/// The exporter writes its VEVENTs itself (`ContentLines`) instead of
/// building a libical tree and having libical write it. The bytes must be
/// libical's: each event written both ways, with texts full of what
/// iCalendar escapes and folds (commas, semicolons, colons, line breaks,
/// spaces and multi-byte letters at the 75-byte fold, names that need
/// quoting), and where the writer declines (backslashes, control
/// characters, quotes in a name) libical's text is what the export holds.
/// The shipped agreements' plans get the same check in ShippedFeedsWriterTests.
@Suite struct ExportWriterTests {
    /// A small deterministic generator (SplitMix64), so a failure replays.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

        static let pieces = ["a", "Z", "7", " ", "  ", ",", ";", ":", "\n", "æ", "ø", "Å", "€", "👮", "-",
                             "Politirådsmøte", "SLT-koordinator, Lillestrøm kommune", "x@y.no", "."]
        /// What the writer leaves to libical (in a name, the quote and caret).
        static let declined = ["\"", "^", "\\", "\t", "\r", "\u{7F}"]
        /// Pieces drawn in the current round: with `declined` in every fourth.
        var alphabet = pieces

        /// Up to `length` pieces; long enough often enough to fold two or three times.
        mutating func text(_ length: Int = 60) -> String {
            (0..<below(length)).map { _ in alphabet[below(alphabet.count)] }.joined()
        }
    }

    static func libicalText(_ component: LibicalComponent) throws -> String { try component.serialized() }

    @Test func writtenEventsAreWhatLibicalWrites() throws {
        var random = Generator(state: 11)
        var written = 0, declined = 0
        for round in 0..<400 {
            random.alphabet = Generator.pieces + (round % 4 == 0 ? Generator.declined : [])
            var plan = PlanFixtures.plan(years: 2027...2030)
            for index in plan.agreement.people.indices {
                plan.agreement.people[index].name = random.text(12)
                plan.agreement.people[index].role = random.text(12)
                if round % 3 == 0 { plan.agreement.people[index].email = "p\(index).x-y_z+w@example.no" }
            }
            plan.agreement.series[0].title = random.text(30)
            for index in plan.events.indices {
                plan.events[index].title = random.text()
                plan.events[index].location = random.below(4) == 0 ? nil : random.text(120)
                plan.events[index].agenda = (0..<random.below(4)).map { _ in random.text(40) }
                plan.events[index].guests = (0..<random.below(3)).map { _ in random.text(20) }
                plan.events[index].cancelled = random.below(3) == 0
                plan.events[index].sequence = [0, 1, 2_147_483_647, 9_999_999_999, -3][random.below(5)]
            }
            for index in plan.deadlines.indices { plan.deadlines[index].title = random.text() }
            for options in [ICalExportOptions(language: .bokmal), ICalExportOptions(language: .english, confidential: false),
                            ICalExportOptions(language: .nynorsk)] {
                let components = PlanComponents(plan: plan, options: options, runtime: try LibicalRuntime.shared())
                for event in plan.events {
                    let libical = try components.event(event).serialized()
                    if let text = components.writtenEvent(event) {
                        #expect(text == libical, "round \(round)")
                        written += 1
                    } else {
                        declined += 1
                    }
                    #expect(try components.eventText(event) == libical)
                }
                for deadline in plan.deadlines {
                    let libical = try components.deadlineEvent(deadline).serialized()
                    if let text = components.writtenDeadlineEvent(deadline) {
                        #expect(text == libical, "round \(round)")
                        written += 1
                    } else {
                        declined += 1
                    }
                    #expect(try components.deadlineEventText(deadline) == libical)
                }
            }
        }
        // Both ways taken often: the comparison above is not an empty one.
        #expect(written > 2000 && declined > 500, "written \(written), declined \(declined)")
    }

    /// Folding at the 75-byte mark, byte by byte across the boundary, with a
    /// two-, three- and four-byte letter or a space landing on it.
    @Test func foldingMatchesLibicalAtEveryOffset() throws {
        let plan = PlanFixtures.plan()
        let components = PlanComponents(plan: plan, options: ICalExportOptions(language: .bokmal),
                                        runtime: try LibicalRuntime.shared())
        for filler in ["æ", "€", "👮", " ", ";", "ab"] {
            for length in 50...230 {
                var event = plan.events[0]
                event.title = String(repeating: "x", count: length % 80) + String(repeating: filler, count: length / 2)
                event.location = String(repeating: filler, count: length)
                let text = try #require(components.writtenEvent(event))
                #expect(text == (try components.event(event).serialized()), "\(filler) \(length)")
            }
        }
    }
}
