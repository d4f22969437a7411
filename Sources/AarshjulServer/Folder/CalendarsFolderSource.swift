import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import Foundation
import Logging

/// One municipality's plan as published, for the index page's wheel and for CalDAV.
public struct PublishedMunicipality: Sendable {
    public var id: String
    public var name: String
    public var plan: Plan
}

/// Everything one build of the folder produced.
public struct FolderBuild: Sendable {
    public var catalog: FeedCatalog
    /// Sorted by municipality id.
    public var municipalities: [PublishedMunicipality]
}

/// The real `FeedSource`: plans every agreement (and district) in a calendars
/// folder and exports its feeds.
///
/// Rebuilds keep identities, as subscribers need: the last published plan of
/// each municipality is kept (in memory, and in the state folder so a restart
/// keeps it too). An unchanged agreement keeps its plan as it is; a changed
/// one is rescheduled against the published plan (`Rescheduler`: the fewest
/// moves, UIDs kept, moved events SEQUENCE+1 stamped with the reload time);
/// only a municipality never published is planned afresh. A build that fails
/// (a broken file, a plan that cannot keep the rules) throws and changes
/// nothing, so the server keeps serving the previous catalog.
public actor CalendarsFolderSource: FeedSource {
    public let folder: String
    public let years: ClosedRange<Int>
    private let secret: [UInt8]
    private let state: StateFolder?
    private let now: @Sendable () -> UTCTimestamp
    private let logger: Logger
    private var published: [String: Plan] = [:]
    private var publishedDistricts: [String: DistrictPlan] = [:]
    /// The busy time and skolerute each published plan was made around.
    private var publishedInputs: [String: AgreementCalendarInputs] = [:]
    public private(set) var lastBuild: FolderBuild?

    /// - Parameters:
    ///   - years: the span to plan; nil = next year (by `now`).
    ///   - stateFolder: where published plans are kept across restarts; nil keeps them in memory only.
    ///   - now: the reload time, stamped on moved events (tests fix it).
    public init(folder: String, years: ClosedRange<Int>? = nil, secret: [UInt8], stateFolder: String? = nil,
                now: @escaping @Sendable () -> UTCTimestamp = CalendarsFolderSource.systemNow,
                logger: Logger = Logger(label: "aarshjul.folder")) {
        self.folder = folder
        let next = now().date.year + 1
        self.years = years ?? next...next
        self.secret = secret
        self.state = stateFolder.map(StateFolder.init(path:))
        self.now = now
        self.logger = logger
    }

    public static let systemNow: @Sendable () -> UTCTimestamp = {
        UTCTimestamp(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
    }

    /// The default state folder: hidden inside the calendars folder (the watcher ignores hidden files).
    public static func defaultStateFolder(for folder: String) -> String { folder + "/.aarshjul-state" }

    public func catalog() throws -> FeedCatalog { try build().catalog }

    /// Reads, plans and exports the whole folder; on success the plans become the published ones.
    @discardableResult
    public func build() throws -> FolderBuild {
        let contents = try FolderContents.read(folder)
        let stamp = now()
        var plans: [String: Plan] = [:]
        var districtPlans: [String: DistrictPlan] = [:]
        var inputsByID: [String: AgreementCalendarInputs] = [:]
        for (file, agreement) in contents.standalone {
            let inputs = try calendarInputs(contents.imports[agreement.id] ?? CalendarImports())
            plans[agreement.id] = try plan(agreement, file: file, inputs: inputs, stamp: stamp)
            inputsByID[agreement.id] = inputs
        }
        for (file, district) in contents.districts {
            let planned = try plan(district, file: file, stamp: stamp)
            districtPlans[district.id] = planned
            for member in planned.plans { plans[member.agreement.id] = member }
        }

        let feedsOf = PlanFeeds(secret: secret)
        var feeds: [Feed] = []
        var municipalities: [PublishedMunicipality] = []
        let inDistrict = Set(districtPlans.values.flatMap { $0.plans.map(\.agreement.id) })
        for id in plans.keys.sorted() {
            let plan = plans[id]!
            feeds += try feedsOf.municipality(plan, withPeople: !inDistrict.contains(id))
            municipalities.append(PublishedMunicipality(id: id, name: plan.agreement.municipality, plan: plan))
        }
        for id in districtPlans.keys.sorted() { feeds += try feedsOf.district(districtPlans[id]!) }
        let listed = municipalities.map { CatalogMunicipality(id: $0.id, name: $0.name, plan: $0.plan) }
        let catalog = try FeedCatalog(feeds: feeds, municipalities: listed)

        if let state {
            do {
                for m in municipalities { try state.write(m.plan, municipalityID: m.id) }
            } catch {
                throw FolderSourceError.state("cannot keep the published plans in \(state.path): \(error)")
            }
        }
        published = plans
        publishedDistricts = districtPlans
        publishedInputs = inputsByID
        let build = FolderBuild(catalog: catalog, municipalities: municipalities)
        lastBuild = build
        return build
    }

    private func previous(_ id: String) throws -> PublishedPlan? {
        if let plan = published[id], plan.years == years { return PublishedPlan(plan) }
        guard let state else { return nil }
        do { return try state.read(id, years: years) } catch {
            throw FolderSourceError.state("\(state.file(id, years: years)) cannot be read back (\(error)); "
                + "move it away to plan \(id) afresh (subscribers' events then get new versions)")
        }
    }

    /// The busy time and skolerute an agreement names, read through libical;
    /// libical's findings are logged, not swallowed.
    private func calendarInputs(_ imports: CalendarImports) throws -> AgreementCalendarInputs {
        let inputs = try AgreementCalendarInputs.read(busyCalendars: imports.busyCalendars,
                                                      schoolCalendars: imports.schoolCalendars,
                                                      horizon: DateRange(.firstOfYear(years.lowerBound), .lastOfYear(years.upperBound)))
        for finding in inputs.findings { logger.warning("\(finding)") }
        return inputs
    }

    private func plan(_ agreement: Agreement, file: String, inputs: AgreementCalendarInputs, stamp: UTCTimestamp) throws -> Plan {
        if let kept = published[agreement.id], kept.agreement == agreement, kept.years == years,
           publishedInputs[agreement.id] ?? AgreementCalendarInputs() == inputs {
            return kept
        }
        do {
            if let before = try previous(agreement.id) {
                var request = RescheduleRequest(agreement: agreement, years: years, previous: before.events,
                                                previousDeadlines: before.deadlines, busy: inputs.busy,
                                                schoolHolidays: inputs.schoolHolidays, stamp: stamp)
                // The previous plan is this server's own output: nobody moved events by hand in it.
                request.detectHandEdits = false
                let result = try Rescheduler.reschedule(request)
                let moved = result.changes(.moved).count, cancelled = result.changes(.cancelled).count
                if moved + cancelled > 0 {
                    logger.info("Rescheduled \(agreement.id): \(moved) moved, \(cancelled) cancelled")
                }
                return result.plan
            }
            return try Planner.plan(PlanRequest(agreement: agreement, years: years),
                                    busy: inputs.busy, schoolHolidays: inputs.schoolHolidays)
        } catch let error as PlanningError {
            throw FolderSourceError.planning(file: folder + "/" + file, message: error.message(.english))
        }
    }

    private func plan(_ district: District, file: String, stamp: UTCTimestamp) throws -> DistrictPlan {
        if let kept = publishedDistricts[district.id], kept.district == district, kept.years == years { return kept }
        var planned: DistrictPlan
        do { planned = try DistrictPlanner.plan(district, years: years) } catch {
            throw FolderSourceError.planning(file: folder + "/" + file, message: error.message(.english))
        }
        for i in planned.plans.indices {
            if let before = try previous(planned.plans[i].agreement.id) {
                IdentityCarry.apply(previous: before, stamp: stamp, to: &planned.plans[i])
            }
        }
        return planned
    }
}
