import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal
import Foundation
import Logging

/// One municipality's plan as published, for the index page's wheel and for CalDAV.
public struct PublishedMunicipality: Sendable {
    public var id: String
    public var name: String
    /// What the stable feeds hold: every published event within the horizon.
    public var plan: Plan
    /// The planned years only (what the index page draws as wheels).
    public var planned: Plan
    /// `plan` as public feeds show it: each event's SEQUENCE and DTSTAMP move
    /// only with its public fields (for `publish --caldav --public-only`).
    public var publicPlan: Plan

    public init(id: String, name: String, plan: Plan, planned: Plan, publicPlan: Plan? = nil) {
        self.id = id
        self.name = name
        self.plan = plan
        self.planned = planned
        self.publicPlan = publicPlan ?? plan
    }
}

/// Everything one build of the folder produced.
public struct FolderBuild: Sendable {
    public var catalog: FeedCatalog
    /// Sorted by municipality id.
    public var municipalities: [PublishedMunicipality]
    /// The day the build was made for (by the injected clock): nothing before it is moved or deleted.
    public var today: CivilDate
}

/// The real `FeedSource`: plans every agreement (and district) in a calendars
/// folder and exports its feeds.
///
/// Feeds live through the years: by default the planned years are this year
/// and the next (`FeedHorizon`), re-planned on every build against all that
/// was published before (`PublishedHistory`, kept in the state folder), and
/// every feed is cut from that history: the stable, year-free feeds hold the
/// horizon (12 months back to the end of next year), and one archive feed per
/// year under the old, year-named address. Held meetings are never moved or
/// dropped; chains continue from the last published meeting; a changed
/// agreement is rescheduled against the published plan (`Rescheduler`: the
/// fewest moves, UIDs kept, moved events SEQUENCE+1 stamped with the reload
/// time). A build that fails (a broken file, a plan that cannot keep the
/// rules) throws and changes nothing, so the server keeps serving the previous catalog.
public actor CalendarsFolderSource: FeedSource {
    public let folder: String
    /// Years given explicitly (`--years`); nil = planned by the horizon.
    public let fixedYears: ClosedRange<Int>?
    public let horizon: FeedHorizon
    private let secret: [UInt8]
    private let state: StateFolder?
    private let now: @Sendable () -> UTCTimestamp
    private let logger: Logger
    private var published: [String: (plan: Plan, agreement: Agreement, inputs: AgreementCalendarInputs)] = [:]
    private var publishedDistricts: [String: (plan: DistrictPlan, district: District)] = [:]
    private var histories: [String: PublishedHistory] = [:]
    /// Serve: a broken file is reported and skipped (its last good plan, if any, is kept).
    /// Publish: a broken file fails the build.
    private let skipBrokenFiles: Bool
    /// The run's `--lang`: its log lines are said in it (else bokmål), a
    /// refused file and a plan's notes in it (else their file's own).
    private let language: PlanLanguage?
    /// Which agreement or district each file held at the last good read.
    private var fileIDs: [String: String] = [:]
    public private(set) var lastBuild: FolderBuild?

    /// Plans on its own low-priority thread, away from the threads serving requests.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { PlanningExecutor.shared.asUnownedSerialExecutor() }

    /// - Parameters:
    ///   - years: the span to plan; nil = this year and the next ones the horizon reaches (by `now`).
    ///   - stateFolder: where published plans are kept across restarts; nil keeps them in memory only.
    ///   - now: the clock: what "today" is, and the stamp on moved events (tests set it).
    public init(folder: String, years: ClosedRange<Int>? = nil, horizon: FeedHorizon = FeedHorizon(), secret: [UInt8],
                stateFolder: String? = nil, skipBrokenFiles: Bool = false, language: PlanLanguage? = nil,
                now: @escaping @Sendable () -> UTCTimestamp = CalendarsFolderSource.systemNow,
                logger: Logger = Logger(label: "aarshjul.folder")) {
        self.folder = folder
        self.fixedYears = years
        self.horizon = horizon
        self.secret = secret
        self.state = stateFolder.map(StateFolder.init(path:))
        self.now = now
        self.logger = logger
        self.skipBrokenFiles = skipBrokenFiles
        self.language = language
    }

    /// The years planned now.
    public var years: ClosedRange<Int> { fixedYears ?? horizon.planningYears(on: FeedClock.osloDate(now())) }

    public static let systemNow: @Sendable () -> UTCTimestamp = {
        UTCTimestamp(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
    }

    /// The default state folder: hidden inside the calendars folder (the watcher ignores hidden files).
    public static func defaultStateFolder(for folder: String) -> String { folder + "/.aarshjul-state" }

    public func catalog() throws -> FeedCatalog { try build().catalog }

    /// Reads, plans and exports the whole folder; on success the plans become the published ones.
    @discardableResult
    public func build() throws -> FolderBuild {
        let contents = try FolderContents.read(folder, skippingBroken: skipBrokenFiles)
        if !contents.broken.isEmpty && contents.agreements.isEmpty && contents.districts.isEmpty && fileIDs.isEmpty {
            throw contents.broken[0].error
        }
        let stamp = now()
        let today = FeedClock.osloDate(stamp)
        let span = fixedYears ?? horizon.planningYears(on: today)
        var window = horizon.window(on: today)
        window = DateRange(min(window.first, .firstOfYear(span.lowerBound)), max(window.last, .lastOfYear(span.upperBound)))
        var plans: [String: Plan] = [:]
        var districtPlans: [String: DistrictPlan] = [:]
        var kept = published, keptDistricts = publishedDistricts
        var newHistories = histories
        for (file, agreement) in contents.standalone {
            let inputs = try calendarInputs(contents.imports[agreement.id] ?? CalendarImports(), span: span)
            var history = try history(agreement.id)
            let planned: Plan
            if let old = kept[agreement.id], old.agreement == agreement, old.plan.years == span, old.inputs == inputs {
                planned = old.plan
            } else {
                planned = try plan(agreement, file: file, inputs: inputs, history: history, span: span, today: today, stamp: stamp)
                kept[agreement.id] = (planned, agreement, inputs)
            }
            history.record(planned, today: today, stamp: stamp)
            newHistories[agreement.id] = history
            plans[agreement.id] = planned
        }
        var ids = fileIDs
        for (file, agreement) in contents.standalone { ids[file] = agreement.id }
        for (file, district) in contents.districts { ids[file] = "district:" + district.id }
        for (file, error) in contents.broken {
            // The last good plan of what the file held stays served; a file never read is left out.
            let id = fileIDs[file]
            if let id, id.hasPrefix("district:"), let old = keptDistricts[String(id.dropFirst(9))] {
                districtPlans[old.district.id] = old.plan
                for member in old.plan.plans { plans[member.agreement.id] = member }
            } else if let id, let old = kept[id] {
                plans[id] = old.plan
            }
            logger.error("\(Self.skipped(folder + "/" + file, error, keepsFeeds: id != nil, language: language))")
        }
        for (file, district) in contents.districts {
            var members: [String: PublishedHistory] = [:]
            for member in district.members { members[member.id] = try history(member.id) }
            let planned: DistrictPlan
            if let old = keptDistricts[district.id], old.district == district, old.plan.years == span {
                planned = old.plan
            } else {
                planned = try plan(district, file: file, histories: members, span: span, stamp: stamp)
                keptDistricts[district.id] = (planned, district)
            }
            districtPlans[district.id] = planned
            for member in planned.plans {
                var history = members[member.agreement.id] ?? PublishedHistory()
                history.record(member, today: today, stamp: stamp)
                newHistories[member.agreement.id] = history
                plans[member.agreement.id] = member
            }
        }

        let feedsOf = PlanFeeds(secret: secret)
        var feeds: [Feed] = []
        var municipalities: [PublishedMunicipality] = []
        let inDistrict = Set(districtPlans.values.flatMap { $0.plans.map(\.agreement.id) })
        for id in plans.keys.sorted() {
            let history = newHistories[id] ?? PublishedHistory()
            let shown = history.plan(plans[id]!, within: window)
            let cut = { (range: DateRange) in
                PlanFeeds.Cut(full: history.plan(plans[id]!, within: range), open: history.plan(plans[id]!, within: range, forPublic: true))
            }
            let shownPublic = history.plan(plans[id]!, within: window, forPublic: true)
            feeds += try feedsOf.municipality(PlanFeeds.Cut(full: shown, open: shownPublic),
                                              archives: history.years.map { cut(DateRange.year($0)) },
                                              withPeople: !inDistrict.contains(id))
            municipalities.append(PublishedMunicipality(
                id: id, name: shown.agreement.municipality, plan: shown,
                planned: history.plan(plans[id]!, within: DateRange(.firstOfYear(span.lowerBound), .lastOfYear(span.upperBound))),
                publicPlan: shownPublic))
        }
        let finished = newHistories
        for id in districtPlans.keys.sorted() {
            let district = districtPlans[id]!
            let years = Set(district.plans.flatMap { finished[$0.agreement.id]?.years ?? [] }).sorted()
            let cut = { (range: DateRange) -> DistrictPlan in
                var plan = district
                plan.years = range.first.year...range.last.year
                plan.plans = district.plans.map { (finished[$0.agreement.id] ?? PublishedHistory()).plan($0, within: range) }
                return plan
            }
            feeds += try feedsOf.district(cut(window), archives: years.map { cut(DateRange.year($0)) })
        }
        let listed = municipalities.map { CatalogMunicipality(id: $0.id, name: $0.name, plan: $0.planned) }
        let catalog = try FeedCatalog(feeds: feeds, municipalities: listed)

        if let state {
            do {
                for id in plans.keys.sorted() where newHistories[id] != histories[id] || !FileManager.default.fileExists(atPath: state.file(id)) {
                    try state.write(newHistories[id] ?? PublishedHistory(), municipalityID: id)
                }
            } catch {
                throw FolderSourceError.state("cannot keep the published plans in \(state.path): \(error)")
            }
        }
        published = kept
        publishedDistricts = keptDistricts
        fileIDs = ids
        histories = newHistories
        let build = FolderBuild(catalog: catalog, municipalities: municipalities, today: today)
        lastBuild = build
        return build
    }

    /// What was published for `id`: in memory, else from the state folder, else nothing yet.
    private func history(_ id: String) throws -> PublishedHistory {
        if let known = histories[id] { return known }
        guard let state else { return PublishedHistory() }
        do { return try state.read(id) ?? PublishedHistory() } catch {
            throw FolderSourceError.state("\(state.file(id)) cannot be read back (\(error)); "
                + "move it away to plan \(id) afresh (subscribers' events then get new versions)")
        }
    }

    /// The published plan to reschedule the span against: the history's, or a feed an earlier version kept.
    private func previous(_ id: String, history: PublishedHistory, span: ClosedRange<Int>) throws -> PublishedPlan? {
        let fromHistory = history.previous(in: span)
        if !fromHistory.events.isEmpty || !fromHistory.deadlines.isEmpty { return fromHistory }
        guard history.isEmpty, let state else { return nil }
        do { return try state.readLegacy(id, years: span) } catch {
            throw FolderSourceError.state("\(state.legacyFile(id, years: span)) cannot be read back (\(error)); "
                + "move it away to plan \(id) afresh (subscribers' events then get new versions)")
        }
    }

    /// "calendars/x.yaml er hoppet over: …; de siste gode kalenderne deles fortsatt":
    /// the line in the run's language (`--lang`, else bokmål, like serve's
    /// other lines); the refusal itself as `check` tells it (`--lang`, else
    /// the language the file asks for).
    static func skipped(_ path: String, _ error: any Error, keepsFeeds: Bool, language: PlanLanguage?) -> String {
        let why = (error as? AgreementFileError)?.message(asked: language) ?? "\(error)"
        return path + " " + (language ?? .bokmal).pick(
            nb: "er hoppet over: \(why)" + (keepsFeeds ? "; de siste gode kalenderne deles fortsatt" : ""),
            nn: "er hoppa over: \(why)" + (keepsFeeds ? "; dei siste gode kalendrane vert framleis delte" : ""),
            en: "skipped: \(why)" + (keepsFeeds ? "; its last good feeds stay" : ""))
    }

    /// The busy time and skolerute an agreement names, read through libical;
    /// libical's findings are logged, not swallowed.
    private func calendarInputs(_ imports: CalendarImports, span years: ClosedRange<Int>) throws -> AgreementCalendarInputs {
        let inputs = try AgreementCalendarInputs.read(busyCalendars: imports.busyCalendars,
                                                      schoolCalendars: imports.schoolCalendars,
                                                      horizon: DateRange(.firstOfYear(years.lowerBound), .lastOfYear(years.upperBound)))
        for finding in inputs.findings { logger.warning("\(finding)") }
        return inputs
    }

    private func plan(_ original: Agreement, file: String, inputs: AgreementCalendarInputs, history: PublishedHistory,
                      span: ClosedRange<Int>, today: CivilDate, stamp: UTCTimestamp) throws -> Plan {
        // Chains continue from the last meeting published in the year before.
        let agreement = original.continuing(from: history, firstYear: span.lowerBound)
        var before = try previous(agreement.id, history: history, span: span)
        if let published = before, let first = history.firstRecordedDay, first > .firstOfYear(span.lowerBound),
           let fresh = try? Planner.plan(PlanRequest(agreement: agreement, years: span), busy: inputs.busy,
                                         schoolHolidays: inputs.schoolHolidays) {
            before = published.filled(before: first, from: fresh)
        }
        let held = history.held(before: today, in: span)
        let attempt = { (agreement: Agreement) throws(PlanningError) -> Plan in
            try Self.plan(agreement, inputs: inputs, before: before, held: held, span: span, stamp: stamp, logger: self.logger)
        }
        do {
            return try attempt(agreement)
        } catch {
            // The meeting a chain continues from is history: when the agreed
            // gap after it cannot be kept, the plan starts the chain again as
            // soon as the calendar allows and says so, instead of refusing
            // every feed of the municipality.
            if let relieved = ChainRelief.plan(original: original, continued: agreement, failure: error, attempt: attempt) {
                for note in relieved.notes { logger.warning("\(folder)/\(file): \(note.text.text(language ?? original.language))") }
                return relieved.plan
            }
            throw FolderSourceError.planning(file: folder + "/" + file, error)
        }
    }

    /// One planning of `agreement` against what was published (`before`):
    /// the fewest changes keeping the held meetings (`held`) where they were;
    /// if the held meetings cannot all anchor today's rules, without them
    /// (the history keeps their dates whatever the plan says); if the repair
    /// finds no plan (it settles one year before the next, so a chain may end
    /// a year where the next cannot go on), a fresh plan of the span with the
    /// published identities carried over. Nothing published: a fresh plan.
    static func plan(_ agreement: Agreement, inputs: AgreementCalendarInputs, before: PublishedPlan?, held: [String: CivilDate],
                     span: ClosedRange<Int>, stamp: UTCTimestamp, logger: Logger) throws(PlanningError) -> Plan {
        let fresh = { () throws(PlanningError) -> Plan in
            try Planner.plan(PlanRequest(agreement: agreement, years: span), busy: inputs.busy, schoolHolidays: inputs.schoolHolidays)
        }
        guard let before else { return try fresh() }
        var request = RescheduleRequest(agreement: agreement, years: span, previous: before.events,
                                        previousDeadlines: before.deadlines, busy: inputs.busy,
                                        schoolHolidays: inputs.schoolHolidays, stamp: stamp)
        // The previous plan is this server's own output: nobody moved events by hand in it.
        request.detectHandEdits = false
        // Held meetings stay where they were held.
        request.pins = held
        var failure: PlanningError?
        for pins in held.isEmpty ? [held] : [held, [:]] {
            request.pins = pins
            do {
                let result = try Rescheduler.reschedule(request)
                let moved = result.changes(.moved).count, cancelled = result.changes(.cancelled).count
                if moved + cancelled > 0 {
                    logger.info("Rescheduled \(agreement.id): \(moved) moved, \(cancelled) cancelled")
                }
                return result.plan
            } catch {
                failure = error
            }
        }
        guard var plan = try? fresh() else { throw failure! }
        IdentityCarry.apply(previous: before, stamp: stamp, to: &plan)
        logger.info("Replanned \(agreement.id) afresh (the repair found no plan), published identities kept")
        return plan
    }

    private func plan(_ original: District, file: String, histories: [String: PublishedHistory], span: ClosedRange<Int>,
                      stamp: UTCTimestamp) throws -> DistrictPlan {
        var district = original
        for i in district.members.indices {
            district.members[i] = district.members[i].continuing(from: histories[district.members[i].id] ?? PublishedHistory(),
                                                                 firstYear: span.lowerBound)
        }
        var planned: DistrictPlan
        var relief: [String: [PlanNote]] = [:]
        do { planned = try DistrictPlanner.plan(district, years: span) } catch {
            // As for an agreement alone: a chain gap after a published meeting that cannot be kept is bridged and said.
            guard let relieved = ChainRelief.district(original: original, continued: district, failure: error, attempt: {
                try DistrictPlanner.plan($0, years: span)
            }) else { throw FolderSourceError.planning(file: folder + "/" + file, error) }
            let said = language ?? original.members.first?.language ?? .bokmal
            for note in relieved.notes { logger.warning("\(folder)/\(file): \(note.text.text(said))") }
            planned = relieved.plan
            relief = relieved.byMember
        }
        var before: [PublishedPlan?] = []
        for member in planned.plans {
            let id = member.agreement.id
            before.append(try previous(id, history: histories[id] ?? PublishedHistory(), span: span))
        }
        if var repaired = repair(original, fresh: planned, before: before, histories: histories, span: span, stamp: stamp) {
            // The repair's plans carry its own notes; a bridged chain gap is still said.
            for i in repaired.plans.indices { repaired.plans[i].notes = (repaired.plans[i].notes + relief[repaired.plans[i].agreement.id, default: []]).byDate }
            return repaired
        }
        for i in planned.plans.indices {
            if let published = before[i] { IdentityCarry.apply(previous: published, stamp: stamp, to: &planned.plans[i]) }
        }
        return planned
    }

    /// The district repaired against what every member published (as a
    /// lone agreement is): the fewest changes, held meetings where they were
    /// held, else without holding them; nil when a member has published
    /// nothing yet or no repair keeps every hard rule (then the fresh plan,
    /// with the published identities carried over). Without this the
    /// district was planned afresh whenever the span rolled on, so at New
    /// Year future meetings published for months moved by days.
    private func repair(_ district: District, fresh: DistrictPlan, before: [PublishedPlan?], histories: [String: PublishedHistory],
                        span: ClosedRange<Int>, stamp: UTCTimestamp) -> DistrictPlan? {
        let published = before.compactMap { $0 }
        guard published.count == fresh.plans.count else { return nil }
        let today = FeedClock.osloDate(stamp)
        let held = fresh.plans.map { histories[$0.agreement.id]?.held(before: today, in: span) ?? [:] }
        for holding in held.allSatisfy(\.isEmpty) ? [true] : [true, false] {
            let members = zip(published, held).map { DistrictRepair.Member(previous: $0.events, deadlines: $0.deadlines, pins: holding ? $1 : [:]) }
            guard let result = try? DistrictRepair.repair(district, fresh: fresh, members: members, stamp: stamp, detectHandEdits: false),
                  result.clashes.isEmpty else { continue }
            let moved = result.results.reduce(0) { $0 + $1.changes(.moved).count }
            let cancelled = result.results.reduce(0) { $0 + $1.changes(.cancelled).count }
            if moved + cancelled > 0 { logger.info("Rescheduled \(district.id): \(moved) moved, \(cancelled) cancelled") }
            return result.plan
        }
        return nil
    }
}
