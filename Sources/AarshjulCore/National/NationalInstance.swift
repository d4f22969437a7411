/// The national instance: every municipality of the register (real
/// kommunenummer, names, counties and police districts, data/kommuner.yaml),
/// each on the national pattern (`NationalPattern`), grouped within its
/// police district into regions of 1–6 neighbouring numbers (each region a
/// `District`). What no register records is synthetic and seeded: how the
/// municipalities group into regions, how many police councils each holds
/// (2–4 a year), which police contacts serve several municipalities (1–4),
/// the travel times, and a yearly inter-municipal council in every region of
/// two or more. The same register and seed always give the same country.
public enum NationalInstance {
    /// The regions of the country, in police-district order (as the register
    /// first names each district), then by kommunenummer. `prepare` gives each
    /// member what only the tool can read (its county's skolerute, election days).
    public static func regions(register: MunicipalityRegister, seed: UInt64,
                               prepare: (inout Agreement) -> Void = { _ in }) -> [District] {
        var random = SplitMix64(seed: seed)
        var policeOrder: [String] = []
        for m in register.municipalities where !policeOrder.contains(m.policeDistrict) { policeOrder.append(m.policeDistrict) }
        let ids = municipalityIDs(register.municipalities)
        var out: [District] = []
        for police in policeOrder {
            let inDistrict = register.municipalities.filter { $0.policeDistrict == police }.sorted { $0.number < $1.number }
            let slug = Self.slug(police.replacingSuffix(" politidistrikt", with: ""))
            var next = 0
            var r = 0
            while next < inDistrict.count {
                let size = min(inDistrict.count - next, 1 + random.next(below: 6))
                let group = inDistrict[next..<(next + size)]
                next += size
                r += 1
                var members: [Agreement] = []
                for m in group {
                    var agreement = NationalPattern.agreement(
                        id: ids[m.number]!, municipality: m.name, county: m.county, policeDistrict: m.policeDistrict,
                        councilsPerYear: [2, 3, 4][random.next(below: 3)], revised: CivilDate(year: 2026, month: 1, day: 15))
                    prepare(&agreement)
                    members.append(agreement)
                }
                let districtID = "\(slug)-r\(r)"
                var shared: [SharedPerson] = []
                if size > 1 {
                    shared.append(SharedPerson(id: "\(districtID)-lensmann", name: "Lensmann, \(police) region \(r)", role: "Lensmann",
                                               appearances: members.map { .init(member: $0.id, person: "lensmann") }))
                }
                // Police contacts: consecutive runs of 1–4 municipalities.
                var k = 0
                var contact = 0
                while k < size {
                    let serves = min(size - k, 1 + random.next(below: 4))
                    if serves > 1 {
                        contact += 1
                        shared.append(SharedPerson(id: "\(districtID)-pk\(contact)", name: "Politikontakt \(r).\(contact), \(police)",
                                                   role: "Politikontakt", roleKey: "politikontakt",
                                                   appearances: members[k..<(k + serves)].map { .init(member: $0.id, person: "politikontakt") }))
                    }
                    k += serves
                }
                var district = District(id: districtID, name: "\(police), region \(r)", members: members,
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

    /// A short ASCII id per municipality ("baerum", "guovdageaidnu"); a name
    /// two municipalities share gets its number ("heroy-1515", "heroy-1818").
    public static func municipalityIDs(_ municipalities: [Municipality]) -> [String: String] {
        var count: [String: Int] = [:]
        for m in municipalities { count[slug(m.name), default: 0] += 1 }
        var out: [String: String] = [:]
        for m in municipalities {
            let base = slug(m.name)
            out[m.number] = count[base]! > 1 ? "\(base)-\(m.number)" : base
        }
        return out
    }

    /// "Nord-Aurdal" → "nord-aurdal", "Bærum" → "baerum", "Kárášjohka" → "karasjohka".
    public static func slug(_ name: String) -> String {
        let map: [Character: String] = ["æ": "ae", "ø": "o", "å": "a", "á": "a", "š": "s", "ŋ": "n", "č": "c", "đ": "d",
                                        "ŧ": "t", "ž": "z", "ä": "a", "ö": "o", "é": "e", "ü": "u", "ï": "i"]
        var out = ""
        for c in name.lowercased() {
            if let m = map[c] { out += m } else if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        while out.hasPrefix("-") { out.removeFirst() }
        return out
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
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
