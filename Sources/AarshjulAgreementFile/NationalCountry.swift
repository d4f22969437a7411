import AarshjulCore

/// The national instance built from the shipped data: the municipality
/// register, each county's skolerute and the election days.
public enum NationalCountry {
    public static func regions(seed: UInt64) -> [District] {
        NationalInstance.regions(register: MunicipalityRegisterFile.shipped, seed: seed) { agreement in
            agreement.schoolCalendar.countyRoute = SchoolRouteFile.route(for: agreement.county)
            agreement.electionTable = ElectionsFile.shipped
        }
    }
}
