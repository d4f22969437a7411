@testable import AarshjulCore
import Testing

/// A person's role under `--lang en`: the agreement's `role_en` where it has
/// one, the Norwegian role where it has none.
@Suite struct EnglishRoleTests {
    static let mayor = Person(id: "ordforer", name: "Ordfører", role: "Ordfører, Prøve kommune",
                              roleEnglish: "Mayor, Prøve municipality")
    static let kari = Person(id: "kari", name: "Kari Nordmann", role: "SLT-koordinator", roleEnglish: "SLT coordinator")
    static let out = Person(id: "out", name: "Seksjonsleder OUT", role: "Seksjonsleder, oppsøkende ungdomsteam (OUT)",
                            roleEnglish: "Section head, outreach youth team (OUT)")
    static let secretariat = Person(id: "sek", name: "Sekretariatet", role: "Sekretariat for politirådet",
                                    roleEnglish: "Secretariat of the police council")
    static let noEnglish = Person(id: "rad", name: "Rådmann", role: "Rådmann, Prøve kommune")

    @Test func aNameThatIsOnlyATitleGivesWayToTheEnglishRole() {
        #expect(Self.mayor.shownAs(.english) == "Mayor, Prøve municipality")
        #expect(Self.out.shownAs(.english) == "Section head, outreach youth team (OUT)")
        #expect(Self.secretariat.shownAs(.english) == "Secretariat of the police council")
        #expect(Self.mayor.name(.english) == "Mayor, Prøve municipality")
    }

    @Test func aPersonsOwnNameStaysBesideTheEnglishRole() {
        #expect(Self.kari.shownAs(.english) == "Kari Nordmann (SLT coordinator)")
        #expect(Self.kari.name(.english) == "Kari Nordmann")
    }

    @Test func norwegianIsUnchangedAndNoEnglishFormFallsBackToTheNorwegianRole() {
        #expect(Self.mayor.shownAs(.bokmal) == "Ordfører, Prøve kommune")
        #expect(Self.mayor.shownAs(.nynorsk) == "Ordfører, Prøve kommune")
        #expect(Self.out.shownAs(.bokmal) == "Seksjonsleder OUT")
        #expect(Self.kari.shownAs(.bokmal) == "Kari Nordmann (SLT-koordinator)")
        #expect(Self.noEnglish.shownAs(.english) == "Rådmann, Prøve kommune")
        #expect(Self.noEnglish.role(.english) == "Rådmann, Prøve kommune")
        #expect(Self.mayor.role(.english) == "Mayor, Prøve municipality")
    }

    static func plan() -> Plan {
        let agreement = Agreement(
            id: "prove", municipality: "Prøve", county: .oslo, people: [mayor, kari, noEnglish],
            series: [MeetingSeries(id: "rad", title: "Politiråd", titleEnglish: "Police council", kind: .policeCouncil,
                                   rule: .perQuarter(count: 1), calledBy: "ordforer", attendees: ["ordforer", "kari", "rad"])])
        let stamp = UTCTimestamp(date: CivilDate(year: 2026, month: 12, day: 1)!)
        let time = TimeSpan(TimeOfDay(hour: 9, minute: 0)!, TimeOfDay(hour: 11, minute: 0)!)
        let event = PlannedEvent(uid: "rad-1", seriesID: "rad", occurrence: 1, title: "Politiråd",
                                 date: CivilDate(year: 2027, month: 3, day: 10)!, time: time, organizer: "ordforer",
                                 attendees: ["ordforer", "kari", "rad"], stamp: stamp)
        let deadline = PlannedDeadline(uid: "d-1", sourceID: "rapport", title: "Kvartalsrapport",
                                       due: CivilDate(year: 2027, month: 4, day: 15)!, responsible: ["ordforer"], stamp: stamp)
        return Plan(agreement: agreement, years: 2027...2027, language: .bokmal, events: [event], deadlines: [deadline])
    }

    @Test func theEnglishSpreadsheetRowsAndPrintedPlanShowTheEnglishRoles() {
        let row = PlanRows.rows(for: Self.plan(), language: .english)[0]
        #expect(row.calledBy == "Mayor, Prøve municipality")
        #expect(row.attendees == ["Mayor, Prøve municipality", "Kari Nordmann (SLT coordinator)", "Rådmann, Prøve kommune"])
        let norwegian = PlanRows.rows(for: Self.plan(), language: .bokmal)[0]
        #expect(norwegian.calledBy == "Ordfører, Prøve kommune")

        let mono: TextWidth = { text, size, _ in Double(text.count) * size * 0.6 }
        let doc = PlanPrintLayout(plan: Self.plan(), language: .english, measure: mono).document()
        let texts = doc.pages.flatMap { $0.items.compactMap { if case .text(let t) = $0 { return t.text } else { return nil } } }
        #expect(texts.contains { $0.contains("Called by: Mayor, Prøve municipality") }, "\(texts)")
        #expect(texts.contains { $0.contains("Responsible: Mayor, Prøve municipality") }, "\(texts)")
        #expect(!texts.contains { $0.contains("Ordfører") }, "\(texts)")
    }

    @Test func aDistrictMemberKeepsItsMunicipalityInTheEnglishRole() {
        let luster = Agreement(id: "luster", municipality: "Luster", county: .vestland,
                               people: [Person(id: "slt", name: "Folkehelsekoordinator", role: "Folkehelsekoordinator, fungerer som SLT-koordinator",
                                               roleEnglish: "Public health coordinator, acting as SLT coordinator")])
        let district = District(id: "sogn", name: "Sogn", members: [luster])
        let person = district.people[0]
        #expect(person.shownAs(.english) == "Public health coordinator, acting as SLT coordinator (Luster)")
        #expect(person.shownAs(.nynorsk) == "Folkehelsekoordinator (Luster)")
    }

    @Test func aPlanningNoteNamesBusyPeopleByTheirEnglishRole() {
        // The infeasible district of DistrictPlanningTests, its police contact given an English role.
        let ids = ["a", "b", "c", "d", "e", "f"]
        let members = ids.map { id -> Agreement in
            var member = DistrictPlanningTests.municipality(id, openDays: [.monday, .tuesday, .wednesday, .thursday])
            member.people[0].roleEnglish = "Police contact officer"
            return member
        }
        var shared = DistrictPlanningTests.sharedContact(ids)
        shared.roleEnglish = "Shared police contact officer"
        let district = District(id: "t", name: "Test", members: members, sharedPeople: [shared])
        #expect {
            _ = try DistrictPlanner.plan(district, years: 2027...2027, language: .english)
        } throws: { error in
            guard let error = error as? PlanningError else { return false }
            let english = error.message(.english), norwegian = error.message(.bokmal)
            return english.contains("Police contact officer has other meetings then") && !english.contains("Politikontakt has")
                && english.contains("Shared police contact officer serves A, B, C, D, E, F")
                && norwegian.contains("Politikontakt har andre møter da")
                && norwegian.contains("Politikontakt felles tjener A, B, C, D, E, F")
        }
    }
}
