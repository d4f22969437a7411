/// Several municipalities planned as one: their agreements, the people they
/// share, the meetings they hold together and the travel time between them.
/// Facts only; `DistrictPlanner` makes the decisions.
public struct District: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Member agreements in district order; a member's index is its place.
    public var members: [Agreement]
    public var sharedPeople: [SharedPerson]
    public var meetings: [InterMunicipalMeeting]
    public var travel: TravelTable

    public init(id: String, name: String, members: [Agreement], sharedPeople: [SharedPerson] = [],
                meetings: [InterMunicipalMeeting] = [], travel: TravelTable? = nil) {
        self.id = id
        self.name = name
        self.members = members
        self.sharedPeople = sharedPeople
        self.meetings = meetings
        self.travel = travel ?? TravelTable(count: members.count, uniform: 0)
    }

    public func memberIndex(_ id: String) -> Int? { members.firstIndex { $0.id == id } }

    /// The district-wide id of a member's person: the shared person's id when
    /// the person is shared, else "member.person".
    public func globalID(member: String, person: String) -> String {
        for shared in sharedPeople where shared.appearances.contains(where: { $0.member == member && $0.person == person }) {
            return shared.id
        }
        return "\(member).\(person)"
    }

    /// Every person of the district under their global id, in district order
    /// (members' people, then shared people not listed by any member).
    public var people: [Person] {
        var out: [Person] = []
        var seen = Set<String>()
        for member in members {
            for person in member.people {
                let id = globalID(member: member.id, person: person.id)
                guard seen.insert(id).inserted else { continue }
                if let shared = sharedPeople.first(where: { $0.id == id }) {
                    out.append(Person(id: id, name: shared.name, role: shared.role, roleEnglish: shared.roleEnglish, email: shared.email,
                                      municipalities: shared.appearances.map(\.member)))
                } else {
                    out.append(Person(id: id, name: "\(person.name) (\(member.municipality))", role: person.role,
                                      roleEnglish: person.roleEnglish.map {
                                          // Under English the role stands for the name: keep the municipality in it.
                                          $0.contains(member.municipality) ? $0 : "\($0) (\(member.municipality))"
                                      }, email: person.email, municipalities: [member.id]))
                }
            }
        }
        for shared in sharedPeople where seen.insert(shared.id).inserted {
            out.append(Person(id: shared.id, name: shared.name, role: shared.role, roleEnglish: shared.roleEnglish, email: shared.email,
                              municipalities: shared.appearances.map(\.member)))
        }
        return out
    }

    /// The role feed a person belongs to: their id within their municipality,
    /// with nynorsk spellings folded into bokmål ("ordforar" → "ordforer").
    public func roleKey(of globalID: String) -> String {
        let local: String
        if let shared = sharedPeople.first(where: { $0.id == globalID }), let first = shared.appearances.first {
            local = shared.roleKey ?? first.person
        } else if let dot = globalID.firstIndex(of: ".") {
            local = String(globalID[globalID.index(after: dot)...])
        } else {
            local = globalID
        }
        return District.roleSynonyms[local] ?? local
    }

    static let roleSynonyms = ["ordforar": "ordforer", "radmann": "radmann", "kommunedirektor": "radmann"]
}

/// One person who appears in several member agreements (under a local id in each).
public struct SharedPerson: Sendable, Equatable {
    public var id: String
    public var name: String
    public var role: String
    /// The role in English (`role_en:`), as for a member's person.
    public var roleEnglish: String?
    public var email: String?
    /// Which role feed the person belongs to; nil = their first local id.
    public var roleKey: String?
    public var appearances: [Appearance]

    public struct Appearance: Sendable, Equatable {
        public var member: String
        public var person: String
        public init(member: String, person: String) {
            self.member = member
            self.person = person
        }
    }

    public init(id: String, name: String, role: String, roleEnglish: String? = nil, email: String? = nil,
                roleKey: String? = nil, appearances: [Appearance]) {
        self.id = id
        self.name = name
        self.role = role
        self.roleEnglish = roleEnglish
        self.email = email
        self.roleKey = roleKey
        self.appearances = appearances
    }
}

/// A meeting several municipalities hold together (an inter-municipal
/// police council). Planned once, on a day every member's calendar allows;
/// it appears in every member's plan with the same UID.
public struct InterMunicipalMeeting: Sendable, Equatable {
    /// The series; its person ids are global ids (see `District.globalID`).
    public var series: MeetingSeries
    /// The member that hosts it (its venue, county and opening hours).
    public var host: String
    /// Every member taking part, host included.
    public var members: [String]
    /// The venue, when the series names one.
    public var venue: Venue?

    public init(series: MeetingSeries, host: String, members: [String], venue: Venue? = nil) {
        self.series = series
        self.host = host
        self.members = members
        self.venue = venue
    }
}
