#!/usr/bin/env python3
"""CP-SAT cross-check of aarshjul's planner (a benchmark, not a CI test).

Builds the same model as the planner -- the candidate days, starts and costs
that `aarshjul-bench model` exports from the rule catalogue -- in OR-Tools
CP-SAT, solves it from the tool's own plan as a hint, and prints both costs,
both bounds and both times side by side.

    pip install ortools
    swift build -c release --product aarshjul-bench
    scripts/cpsat-crosscheck.py national:single              # a one-municipality region
    scripts/cpsat-crosscheck.py national:5 --years 2027-2030 --seconds 60
    scripts/cpsat-crosscheck.py calendars/districts/sogn.yaml --years 2027

The model, unit by unit (a series in a year; a chain over the whole span):
  slots  -- one node per slot, on strictly increasing days; even-spacing on
            each gap within the year, mid-window on each node;
  weekly -- at most one node per ISO week; a week left empty that had a
            candidate costs SKIP points (reported: the tool leaves none);
  chain  -- a path of days from the span's start to its end, every gap
            min..max days (and the first within max of the start or of
            `previous`), even-spacing on every gap.
Regular patterns: a unit the planner gives a regular pattern (a weekday,
  and for monthly series a week of the month) chooses one of the same
  candidates; each node off it pays regular-weekday (plus a point per weekday
  away) and regular-week-of-month, as the planner charges them.
People: nobody in two timed nodes that overlap (travel added between
municipalities), two all-day nodes on one day, or an all-day node in one
municipality and anything in another on that day.
Limits (said in the output): partial attendance and busy calendars are not in
the export, so where a district has them the CP-SAT model is stricter.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import time

SKIP = 100_000


def spacing_cost(gap, spacing, weight):
    if spacing is None:
        return 0
    deviation = abs(gap - spacing["ideal"])
    # Swift's .toNearestOrAwayFromZero
    rounded = int(deviation + 0.5)
    return max(0, rounded - spacing["tolerance"]) * weight


def mid_window(day, first, last, weight):
    days = abs(2 * day - (first + last)) // 2
    return days // 7 * weight


def export(what, years, bench):
    out = subprocess.run([bench, "model", what, years], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def build(model_data, cp_model):
    m = cp_model.CpModel()
    w_mid = model_data["weights"]["mid_window"]
    w_space = model_data["weights"]["even_spacing"]
    objective = []
    hints = []
    skips = []
    # (person, day) -> list of (place, start, end, literal)
    by_person_day = {}

    # unit index -> [(day, literal)]: every node, for the regular-pattern terms
    node_lits = {}

    def occupy(unit, day, start, end, lit):
        node_lits.setdefault(id(unit), []).append((day, lit))
        for p in unit["people"]:
            by_person_day.setdefault((p, day), []).append((unit["place"], start, end, lit))

    for u, unit in enumerate(model_data["units"]):
        nodes = unit["nodes"]
        tool = {(d, s) for d, s, _ in unit["tool"]}
        if unit["kind"] == "slots":
            days_vars = []
            for k, (first, last) in enumerate(unit["slots"]):
                lits = []
                expr = []
                for (day, start, end, cost) in nodes:
                    if first <= day <= last:
                        lit = m.NewBoolVar(f"u{u}s{k}d{day}t{start}")
                        lits.append(lit)
                        expr.append(day * lit)
                        objective.append((cost + mid_window(day, first, last, w_mid)) * lit)
                        occupy(unit, day, start, end, lit)
                        placed = sorted(unit["tool"])
                        hints.append((lit, 1 if k < len(placed) and tuple(placed[k][:2]) == (day, start) else 0))
                if not lits:
                    return None, f"{unit['id']}: slot {k + 1} has no candidate day"
                m.AddExactlyOne(lits)
                d = m.NewIntVar(first, last, f"u{u}day{k}")
                m.Add(d == sum(expr))
                days_vars.append((d, first, last))
            for k in range(1, len(days_vars)):
                (a, fa, la), (b, fb, lb) = days_vars[k - 1], days_vars[k]
                m.Add(b > a)
                if unit["spacing"] is not None:
                    span = lb - fa
                    gap = m.NewIntVar(1, max(1, span), f"u{u}gap{k}")
                    m.Add(gap == b - a)
                    table = [spacing_cost(g, unit["spacing"], w_space) for g in range(0, span + 1)]
                    c = m.NewIntVar(0, max(table), f"u{u}gc{k}")
                    m.AddElement(gap, table, c)
                    objective.append(c)
        elif unit["kind"] == "weekly":
            for w, (first, last) in enumerate(unit["weeks"]):
                lits = []
                for (day, start, end, cost) in nodes:
                    if first <= day <= last:
                        lit = m.NewBoolVar(f"u{u}w{w}d{day}t{start}")
                        lits.append(lit)
                        objective.append(cost * lit)
                        occupy(unit, day, start, end, lit)
                        hints.append((lit, 1 if (day, start) in tool else 0))
                if lits:
                    m.AddAtMostOne(lits)
                    skip = m.NewBoolVar(f"u{u}skip{w}")
                    m.Add(sum(lits) + skip == 1)
                    objective.append(SKIP * skip)
                    skips.append(skip)
        else:  # chain
            lo, hi, first, last, prev = unit["min"], unit["max"], unit["from"], unit["to"], unit["previous"]
            per_day = {}
            for (day, start, end, cost) in nodes:
                lit = m.NewBoolVar(f"u{u}c{day}t{start}")
                per_day.setdefault(day, []).append(lit)
                objective.append(cost * lit)
                occupy(unit, day, start, end, lit)
                hints.append((lit, 1 if (day, start) in tool else 0))
            days = sorted(per_day)
            used = {}
            for day in days:
                used[day] = m.NewBoolVar(f"u{u}used{day}")
                m.Add(sum(per_day[day]) == used[day])
            incoming = {day: [] for day in days}
            outgoing = {day: [] for day in days}
            starts, ends = [], []
            for day in days:
                if prev is not None:
                    gap = day - prev
                    if lo <= gap <= hi:
                        arc = m.NewBoolVar(f"u{u}start{day}")
                        objective.append(spacing_cost(gap, unit["spacing"], w_space) * arc)
                        incoming[day].append(arc)
                        starts.append(arc)
                elif day - first < hi:
                    arc = m.NewBoolVar(f"u{u}start{day}")
                    incoming[day].append(arc)
                    starts.append(arc)
                if last - day < hi:
                    arc = m.NewBoolVar(f"u{u}end{day}")
                    outgoing[day].append(arc)
                    ends.append(arc)
            for i, a in enumerate(days):
                for b in days[i + 1:]:
                    gap = b - a
                    if gap > hi:
                        break
                    if gap >= lo:
                        arc = m.NewBoolVar(f"u{u}a{a}b{b}")
                        objective.append(spacing_cost(gap, unit["spacing"], w_space) * arc)
                        outgoing[a].append(arc)
                        incoming[b].append(arc)
            if not starts or not ends:
                return None, f"{unit['id']}: the chain cannot start or end"
            m.AddExactlyOne(starts)
            m.AddExactlyOne(ends)
            for day in days:
                m.Add(sum(incoming[day]) == used[day])
                m.Add(sum(outgoing[day]) == used[day])

    travel = model_data["travel"]
    for (p, day), items in by_person_day.items():
        if len(items) < 2:
            continue
        all_day = [(place, lit) for place, s, e, lit in items if s < 0]
        timed = [(place, s, e, lit) for place, s, e, lit in items if s >= 0]
        if len(all_day) > 1:
            m.AddAtMostOne([lit for _, lit in all_day])
        places = sorted({place for place, _, _, _ in items})
        if len(places) > 1:
            anywhere = {}
            for q in places:
                z = m.NewBoolVar(f"p{p}d{day}at{q}")
                for place, _, _, lit in items:
                    if place == q:
                        m.AddImplication(lit, z)
                anywhere[q] = z
            for place, lit in all_day:
                for q in places:
                    if q != place:
                        m.AddBoolOr([lit.Not(), anywhere[q].Not()])
        if len(timed) > 1:
            intervals = [m.NewOptionalIntervalVar(s, e - s, e, lit, "") for _, s, e, lit in timed]
            m.AddNoOverlap(intervals)
            timed_places = sorted({place for place, _, _, _ in timed})
            for i, a in enumerate(timed_places):
                for b in timed_places[i + 1:]:
                    t = travel[a][b] if a < len(travel) and b < len(travel) else 0
                    if t <= 0:
                        continue
                    # Padded by the travel time, an a-item and a b-item may not share a point;
                    # if they share one, they share the later padded start.
                    mine = [(place, s, e + t, lit) for place, s, e, lit in timed if place in (a, b)]
                    for point in sorted({s for _, s, _, _ in mine}):
                        covering = {a: [], b: []}
                        for place, s, e, lit in mine:
                            if s <= point < e:
                                covering[place].append(lit)
                        if covering[a] and covering[b]:
                            ya = m.NewBoolVar("")
                            yb = m.NewBoolVar("")
                            for lit in covering[a]:
                                m.AddImplication(lit, ya)
                            for lit in covering[b]:
                                m.AddImplication(lit, yb)
                            m.AddBoolOr([ya.Not(), yb.Not()])
    # Regular patterns (regular-weekday, regular-week-of-month): the unit
    # chooses one pattern; each node off it pays the planner's points. One
    # big-M inequality per pattern keeps the model small.
    w_day = model_data["weights"].get("regular_weekday", 0)
    w_week = model_data["weights"].get("regular_week_of_month", 0)
    epoch = datetime.date(1970, 1, 1)
    for u, unit in enumerate(model_data["units"]):
        patterns = unit.get("patterns")
        lits = node_lits.get(id(unit), [])
        if not patterns or not lits:
            continue
        def pattern_cost(day, weekday, week):
            date = epoch + datetime.timedelta(days=model_data["base_day_number"] + day)
            away = abs(date.isoweekday() - weekday)
            cost = 0 if away == 0 else w_day + away
            if week and (date.day - 1) // 7 + 1 != week:
                cost += w_week
            return cost
        chosen = [m.NewBoolVar(f"u{u}p{k}") for k in range(len(patterns))]
        m.AddExactlyOne(chosen)
        costs = [[pattern_cost(day, wd, wk) for day, _ in lits] for wd, wk in patterns]
        big = max(sum(row) for row in costs)
        penalty = m.NewIntVar(0, big, f"u{u}pattern")
        for k, row in enumerate(costs):
            m.Add(penalty >= sum(c * lit for c, (_, lit) in zip(row, lits) if c) - big * (1 - chosen[k]))
        objective.append(penalty)
    m.Minimize(sum(objective))
    for lit, value in hints:
        m.AddHint(lit, value)
    return (m, skips), None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", help="a district file, national:N or national:single")
    parser.add_argument("--years", default="2027-2030")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--bench", default=os.path.join(".build", "release", "aarshjul-bench"))
    parser.add_argument("--no-presolve", action="store_true",
                        help="search at once from the tool's plan (on a loaded machine presolve alone can take the "
                             "whole time limit); CP-SAT's bound is then weak")
    args = parser.parse_args()
    try:
        from ortools.sat.python import cp_model
    except ImportError:
        sys.exit("OR-Tools is missing: pip install ortools")
    if not os.path.exists(args.bench):
        sys.exit(f"{args.bench} is missing: swift build -c release --product aarshjul-bench")

    data = export(args.what, args.years, args.bench)
    built, problem = build(data, cp_model)
    if problem:
        sys.exit(f"the model cannot be built: {problem}")
    model, skips = built
    started = time.monotonic()
    # The hint names only the tool's nodes; the chain arcs, gaps and pattern
    # choices follow from them. Fixed to the tool's nodes, the model is
    # solved first (quickly: nothing is left to decide but those), and that
    # complete assignment becomes the hint: so the search starts from the
    # tool's plan as a solution, not as a guess it may fail to complete.
    tool_cost = None
    fixed = model.clone()
    fixed.clear_hints()
    for lit, value in zip(model.proto.solution_hint.vars, model.proto.solution_hint.values):
        fixed.add(fixed.get_bool_var_from_proto_index(lit) == value)
    first = cp_model.CpSolver()
    first.parameters.max_time_in_seconds = args.seconds
    first.parameters.num_workers = args.workers
    first.parameters.cp_model_presolve = False
    first_status = first.solve(fixed)
    if first_status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        tool_cost = int(first.objective_value)
        model.clear_hints()
        for i in range(len(model.proto.variables)):
            model.add_hint(model.get_int_var_from_proto_index(i), first.value(fixed.get_int_var_from_proto_index(i)))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.seconds
    solver.parameters.num_workers = args.workers
    if args.no_presolve:
        solver.parameters.cp_model_presolve = False
    status = solver.Solve(model)
    elapsed = time.monotonic() - started
    tool = data["tool"]
    print(f"{data['district']} {data['years'][0]}-{data['years'][1]}: {len(data['units'])} units")
    print(f"{'':10} {'cost':>8} {'bound':>8} {'seconds':>9}")
    print(f"{'aarshjul':10} {tool['cost']:>8} {tool['bound']:>8} {tool['seconds']:>9.3f}"
          + (f"  (its plan costs {tool_cost} in the CP-SAT model)" if tool_cost is not None
             else "  (its plan is not a solution of the CP-SAT model)" if first_status == cp_model.INFEASIBLE
             else f"  (its plan's cost in the CP-SAT model not found in time: {first.status_name(first_status).lower()})"))
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        skipped = sum(solver.Value(s) for s in skips)
        cost = int(solver.ObjectiveValue()) - SKIP * skipped
        # The objective counts SKIP per presence week left empty, so a bound of
        # k * SKIP or more says every plan leaves at least k weeks empty (the
        # calendar leaves them no day); what is left is the bound on the cost.
        raw_bound = int(solver.BestObjectiveBound())
        forced = raw_bound // SKIP
        bound = raw_bound - SKIP * forced
        tool_skips = (tool_cost - tool["cost"]) // SKIP if tool_cost is not None else None
        print(f"{'CP-SAT':10} {cost:>8} {bound:>8} {elapsed:>9.3f}  ({solver.StatusName(status).lower()}"
              + (f", {skipped} presence weeks left empty" if skipped else "")
              + (f"; every plan leaves at least {forced} empty" if forced else "") + ")")
        verdict = "CP-SAT found nothing cheaper" if cost >= tool["cost"] else f"CP-SAT is {tool['cost'] - cost} points cheaper"
        if cost < tool["cost"] and tool["cost"] == tool["bound"]:
            # Both cannot hold in one model: what the export leaves out (limits) differs.
            print(verdict + "; yet the tool's own bound equals its cost, so the two models differ (see the limits)")
        else:
            proven = tool["cost"] == tool["bound"] or (tool_skips == forced and tool["cost"] <= bound)
            print(verdict + ("; the tool's cost is proven optimal" if proven
                             else f"; the tool's cost is at most {tool['cost'] - max(bound, tool['bound'])} points above the best possible"))
    else:
        print(f"{'CP-SAT':10} {'-':>8} {'-':>8} {elapsed:>9.3f}  ({solver.StatusName(status).lower()})")
    print("limits: partial attendance and busy calendars are not in the exported model")


if __name__ == "__main__":
    main()
