/// A district's planning problem as JSON, for an independent solver (the
/// CP-SAT cross-check in `scripts/cpsat-crosscheck.py`): every unit's
/// candidate (day, start, end, cost) nodes from the same rule catalogue, the
/// shape of its frequency rule, the spacing and mid-window costs, who
/// attends and where, the travel times, and the tool's own placements (as a
/// hint) with its cost, bound and planning time. Day numbers are days since
/// 1 January of the year before the first planned year. Limits: partial
/// attendance and busy calendars are left out (everyone attends), so for a
/// district that has them the independent model is a little stricter.
public enum ModelExport {
    public static func json(_ district: District, years: ClosedRange<Int>, plan: DistrictPlan, seconds: Double) -> String {
        let people = district.people
        var number: [String: Int] = [:]
        for (i, person) in people.enumerated() { number[person.id] = i }
        var jobs: [(agreement: Agreement, place: Int, index: [String: Int], plan: Plan)] = []
        for (k, meeting) in district.meetings.enumerated() {
            let host = district.memberIndex(meeting.host)!
            jobs.append((MeetingAgreement.make(meeting, in: district, years: years, language: district.members[host].language),
                         host, number, plan.meetingPlans[k]))
        }
        for (m, member) in district.members.enumerated() {
            var local: [String: Int] = [:]
            for person in member.people { local[person.id] = number[district.globalID(member: member.id, person: person.id)] }
            let own = Set(member.series.map(\.id))
            var mine = plan.plans[m]
            mine.events = mine.events.filter { own.contains($0.seriesID) }
            jobs.append((member, m, local, mine))
        }
        var units: [String] = []
        var base = 0
        for job in jobs {
            let table = DayTable(calendar: MunicipalCalendar(agreement: job.agreement, years: years))
            base = table.base
            for row in Planner.units(job.agreement, years: years, school: table.calendar.school, personIndex: job.index) {
                for unit in row { units.append(self.unit(unit, place: job.place, table: table, agreement: job.agreement, plan: job.plan)) }
            }
        }
        let travel = (0..<district.members.count).map { a in
            "[" + (0..<district.members.count).map { String(district.travel.minutes(a, $0)) }.joined(separator: ",") + "]"
        }.joined(separator: ",")
        return """
            {"district": \(quoted(district.id)), "years": [\(years.lowerBound), \(years.upperBound)], "base_day_number": \(base),
             "weights": {"mid_window": \(RuleCatalogue.Weight.midWindow), "even_spacing": \(RuleCatalogue.Weight.evenSpacing),
                         "regular_weekday": \(RuleCatalogue.Weight.regularWeekday), "regular_week_of_month": \(RuleCatalogue.Weight.regularWeekOfMonth)},
             "people": \(people.count), "travel": [\(travel)],
             "tool": {"cost": \(plan.totalCost), "bound": \(plan.lowerBound), "seconds": \(seconds)},
             "units": [
            \(units.joined(separator: ",\n"))
            ]}

            """
    }

    static func unit(_ unit: PlanUnit, place: Int, table: DayTable, agreement: Agreement, plan: Plan) -> String {
        let candidates = Candidates(unit: unit, table: table)
        var nodes: [String] = []
        let span = DateRange(.firstOfYear(unit.year), .lastOfYear(unit.lastYear))
        for date in span {
            let i = table.index(date)
            guard candidates.dayAllowed(i) else { continue }
            let extra = candidates.dayCost(i)
            for start in candidates.starts[Candidates.weekdayIndex(dayNumber: table.base + i)] {
                nodes.append("[\(i),\(start.start),\(start.end),\(start.cost + extra)]")
            }
        }
        var shape: String
        switch unit.shape {
        case .slots(let slots):
            shape = "\"kind\": \"slots\", \"slots\": [" + slots.map { "[\(table.index($0.range.first)),\(table.index($0.range.last))]" }
                .joined(separator: ",") + "]"
        case .weekly(let weeks):
            shape = "\"kind\": \"weekly\", \"weeks\": [" + weeks.map { "[\(table.index($0.range.first)),\(table.index($0.range.last))]" }
                .joined(separator: ",") + "]"
        case .chain(let minDays, let maxDays):
            let previous = SeriesWindows.previousLast(unit.series.rule, firstYear: unit.year).map { String(table.index($0)) } ?? "null"
            shape = "\"kind\": \"chain\", \"min\": \(minDays), \"max\": \(maxDays), \"from\": \(table.index(span.first)), "
                + "\"to\": \(table.index(span.last)), \"previous\": \(previous)"
        }
        let spacing = SoftCosts.spacing(unit.series.rule, year: unit.year).map { "{\"ideal\": \($0.ideal), \"tolerance\": \($0.tolerance)}" } ?? "null"
        let placed = plan.events.filter { event in
            event.seriesID == unit.series.id && event.schoolID == unit.school?.id && span.contains(event.date)
        }.map { event in
            "[\(table.index(event.date)),\(event.time?.start.minutes ?? -1),\(event.time?.end.minutes ?? -1)]"
        }
        // The regular patterns the solver may choose for the unit ([weekday 1–7, week of the month or 0]); null: none.
        let patterns = RegularPattern.candidates(for: unit, starts: candidates.starts).map { list in
            "[" + list.map { "[\($0.weekday.rawValue),\($0.weekOfMonth ?? 0)]" }.joined(separator: ",") + "]"
        } ?? "null"
        let id = "\(agreement.id)/\(unit.series.id)\(unit.school.map { "/\($0.id)" } ?? "")/\(unit.year)"
        return "  {\"id\": \(quoted(id)), \(shape), \"place\": \(place), \"people\": [\(unit.people.map(String.init).joined(separator: ","))], "
            + "\"spacing\": \(spacing), \"patterns\": \(patterns), \"nodes\": [\(nodes.joined(separator: ","))], \"tool\": [\(placed.joined(separator: ","))]}"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where c.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16)
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
