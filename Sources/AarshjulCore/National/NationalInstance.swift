/// A realistic, synthetic national instance: 357 municipalities in the 12
/// police districts (real district names, rough real municipality counts,
/// synthetic municipality ids), grouped into regions of 1–6 municipalities
/// (each region a `District`), police contacts serving 1–4 municipalities,
/// a shared head of the police unit per region and a yearly inter-municipal
/// council in every region of two or more. The same seed always gives the
/// same country.
public enum NationalInstance {
    /// (police district, county, municipalities); the counts add up to 357.
    public static let policeDistricts: [(name: String, county: County, count: Int)] = [
        ("Oslo politidistrikt", .oslo, 3),
        ("Øst politidistrikt", .akershus, 36),
        ("Innlandet politidistrikt", .innlandet, 46),
        ("Sør-Øst politidistrikt", .vestfold, 41),
        ("Agder politidistrikt", .agder, 25),
        ("Sør-Vest politidistrikt", .rogaland, 26),
        ("Vest politidistrikt", .vestland, 39),
        ("Møre og Romsdal politidistrikt", .moreOgRomsdal, 26),
        ("Trøndelag politidistrikt", .trondelag, 38),
        ("Nordland politidistrikt", .nordland, 37),
        ("Troms politidistrikt", .troms, 22),
        ("Finnmark politidistrikt", .finnmark, 18),
    ]

    /// Every region of the country, in police-district order.
    public static func regions(seed: UInt64) -> [District] {
        var random = SplitMix64(seed: seed)
        var out: [District] = []
        var number = 0
        for (p, police) in policeDistricts.enumerated() {
            var left = police.count
            var r = 0
            while left > 0 {
                let size = min(left, 1 + random.next(below: 6))
                left -= size
                r += 1
                var members: [Agreement] = []
                for _ in 0..<size {
                    number += 1
                    let id = "k\(1000 + number)"
                    members.append(NationalPattern.agreement(
                        id: id, municipality: "Kommune \(number)", county: police.county, policeDistrict: police.name,
                        councilsPerYear: [2, 3, 4][random.next(below: 3)], revised: CivilDate(year: 2026, month: 1, day: 15)))
                }
                var shared: [SharedPerson] = []
                if size > 1 {
                    shared.append(SharedPerson(id: "d\(p)r\(r)-lensmann", name: "Lensmann region \(p).\(r)", role: "Lensmann",
                                               appearances: members.map { .init(member: $0.id, person: "lensmann") }))
                }
                // Police contacts: consecutive runs of 1–4 municipalities.
                var k = 0
                var contact = 0
                while k < size {
                    let serves = min(size - k, 1 + random.next(below: 4))
                    if serves > 1 {
                        contact += 1
                        shared.append(SharedPerson(id: "d\(p)r\(r)-pk\(contact)", name: "Politikontakt \(p).\(r).\(contact)",
                                                   role: "Politikontakt", roleKey: "politikontakt",
                                                   appearances: members[k..<(k + serves)].map { .init(member: $0.id, person: "politikontakt") }))
                    }
                    k += serves
                }
                var district = District(id: "d\(p)r\(r)", name: "\(police.name), region \(r)", members: members,
                                        sharedPeople: shared, travel: TravelTable(count: size, uniform: 15 + random.next(below: 46)))
                if size > 1 {
                    let host = members[0]
                    var attendees = [district.globalID(member: host.id, person: "lensmann")]
                    for m in members { attendees.append(district.globalID(member: m.id, person: "ordforer")) }
                    let series = MeetingSeries(id: "interkommunalt_politirad", title: "Interkommunalt politiråd",
                                               titleEnglish: "Inter-municipal police council", kind: .policeCouncil,
                                               rule: .yearly(window: nil), venue: "radhuset", durationMinutes: 180,
                                               attendees: attendees)
                    district.meetings = [InterMunicipalMeeting(series: series, host: host.id, members: members.map(\.id),
                                                               venue: host.venue("radhuset"))]
                }
                out.append(district)
            }
        }
        return out
    }
}

/// A small, fast, seeded generator (SplitMix64): the same seed gives the same numbers on every platform.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0..<n.
    public mutating func next(below n: Int) -> Int { Int(next() % UInt64(n)) }
}
