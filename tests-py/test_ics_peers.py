"""The shipped agreements planned for 2027–2030, read back by the Python
iCalendar peers (`icalendar`, lenient; `ical`, strict) and checked against the
hard rules a subscriber would notice: no weekend, no public holiday (python
`holidays`), no Christmas week or fellesferie, real Europe/Oslo times, stable
UIDs, byte-identical output on a second run."""
import datetime as dt
import pathlib

import holidays
import icalendar
import pytest
import yaml
from ical.calendar_stream import IcsCalendarStream

from conftest import CALENDARS, plan_into

NO_HOLIDAYS = holidays.country_holidays("NO", years=range(2026, 2032), include_sundays=False)


def ics_files(folder: pathlib.Path):
    files = sorted(folder.glob("*.ics"))
    assert files, f"no .ics written in {folder}"
    return files


def event_date(component) -> dt.date:
    start = component.decoded("DTSTART")
    return start.date() if isinstance(start, dt.datetime) else start


@pytest.mark.parametrize("name", [c.stem for c in CALENDARS])
def test_every_file_parses_in_icalendar_with_its_timezone(planned, name):
    for path in ics_files(planned[name]):
        cal = icalendar.Calendar.from_ical(path.read_bytes())
        assert "METHOD" not in cal, f"{path.name}: a subscribed feed must not carry METHOD"
        assert cal.get("X-WR-CALNAME"), f"{path.name}: no X-WR-CALNAME"
        assert cal.get("NAME"), f"{path.name}: no NAME"
        tzids = [tz.get("TZID") for tz in cal.walk("VTIMEZONE")]
        assert tzids == ["Europe/Oslo"], f"{path.name}: VTIMEZONEs {tzids}"
        tz = cal.walk("VTIMEZONE")[0]
        assert tz.walk("STANDARD") and tz.walk("DAYLIGHT"), f"{path.name}: Outlook needs STANDARD and DAYLIGHT"
        if hasattr(cal, "get_missing_tzids"):
            assert not cal.get_missing_tzids(), f"{path.name}: missing TZIDs"


@pytest.mark.parametrize("name", [c.stem for c in CALENDARS])
def test_every_file_parses_in_strict_ical(planned, name):
    for path in ics_files(planned[name]):
        calendar = IcsCalendarStream.calendar_from_ics(path.read_text(encoding="utf-8"))
        assert calendar.events or calendar.todos, f"{path.name}: empty"


@pytest.mark.parametrize("name", [c.stem for c in CALENDARS])
def test_no_event_on_a_day_without_meetings(planned, name):
    whole = municipality_file(planned[name])
    cal = icalendar.Calendar.from_ical(whole.read_bytes())
    # Deadlines are all-day reminders (X-AARSHJUL-DEADLINE), not meetings; they have their own test.
    events = [e for e in cal.walk("VEVENT") if "X-AARSHJUL-DEADLINE" not in e]
    assert len(events) > 50, f"{whole.name}: only {len(events)} events in four years"
    for event in events:
        day = event_date(event)
        what = f"{whole.name}: {event.get('SUMMARY')} on {day}"
        assert day.weekday() < 5, f"{what} is on a weekend"
        assert day not in NO_HOLIDAYS, f"{what} is a public holiday ({NO_HOLIDAYS.get(day)})"
        assert not (day.month == 12 and day.day >= 24), f"{what} is in the Christmas week"
        assert not (28 <= day.isocalendar()[1] <= 31), f"{what} is in fellesferie"
        start = event.decoded("DTSTART")
        if isinstance(start, dt.datetime):
            assert str(event["DTSTART"].params.get("TZID")) == "Europe/Oslo", f"{what}: DTSTART without TZID"
            assert start.tzinfo is not None, f"{what}: floating time"
            end = event.decoded("DTEND")
            assert end > start and end.date() == start.date(), f"{what}: bad DTEND {end}"
        else:
            assert event.decoded("DTEND") == start + dt.timedelta(days=1), f"{what}: all-day DTEND must be exclusive"


@pytest.mark.parametrize("name", [c.stem for c in CALENDARS])
def test_uids_unique_and_series_files_agree_with_the_whole(planned, name):
    folder = planned[name]
    whole = icalendar.Calendar.from_ical(municipality_file(folder).read_bytes())
    uids = [str(e["UID"]) for e in whole.walk("VEVENT")]
    assert len(uids) == len(set(uids)), "duplicate UIDs"
    by_uid = {str(e["UID"]): e for e in whole.walk("VEVENT")}
    for path in ics_files(folder):
        if path == municipality_file(folder):
            continue
        for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            twin = by_uid.get(str(event["UID"]))
            assert twin is not None, f"{path.name}: {event['UID']} missing from the municipality feed"
            assert twin.decoded("DTSTART") == event.decoded("DTSTART")


@pytest.mark.parametrize("name", [c.stem for c in CALENDARS])
def test_every_weeks_gaps_hold_in_the_files(planned, name):
    agreement = yaml.safe_load((pathlib.Path(__file__).resolve().parent.parent / "calendars" / f"{name}.yaml").read_text())
    whole = icalendar.Calendar.from_ical(municipality_file(planned[name]).read_bytes())
    for series in agreement.get("series", []):
        rule = series.get("rule", {})
        if "every_weeks" not in rule:
            continue
        low, high = (int(x) for x in str(rule["every_weeks"]).split("-"))
        dates = sorted(event_date(e) for e in whole.walk("VEVENT") if str(e.get("X-AARSHJUL-SERIES")) == series["id"])
        assert len(dates) >= 4 * 6, f"{series['id']}: only {len(dates)} meetings in four years"
        for a, b in zip(dates, dates[1:]):
            gap = (b - a).days
            assert low * 7 <= gap, f"{series['id']}: {a} → {b} is {gap} days"
            if gap <= high * 7:
                continue
            # A series the schools attend is held in term time (school_term_only):
            # the pupils' summer holiday (late June to mid-August) does not count
            # towards its longest gap (at most 9 weeks of it). The only longer gap allowed is the one over
            # the summer, from a June meeting to one in the first weeks of term.
            assert series.get("school_term_only") is True, f"{series['id']}: {a} → {b} is {gap} days"
            assert a.month == 6 and b.month == 8 and gap <= high * 7 + 63, \
                f"{series['id']}: {a} → {b} is {gap} days and does not just cross the summer holiday"


@pytest.mark.parametrize("name", [c.stem for c in CALENDARS])
def test_same_agreement_gives_byte_identical_files(planned, name, tmp_path):
    agreement = next(c for c in CALENDARS if c.stem == name)
    run = plan_into(agreement, tmp_path)
    assert run.returncode == 0, run.stderr
    first = {p.name: p.read_bytes() for p in planned[name].iterdir()}
    second = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert first == second


@pytest.mark.parametrize("name", [c.stem for c in CALENDARS])
def test_deadlines_are_free_all_day_events_on_their_day_before_the_meeting(planned, name):
    """What Google, Outlook, Apple and khal show: a VEVENT, not a VTODO."""
    whole = icalendar.Calendar.from_ical(municipality_file(planned[name]).read_bytes())
    assert not whole.walk("VTODO"), "deadlines are events unless asked for"
    meetings = {str(e["UID"]): e for e in whole.walk("VEVENT") if "X-AARSHJUL-DEADLINE" not in e}
    deadlines = [e for e in whole.walk("VEVENT") if "X-AARSHJUL-DEADLINE" in e]
    for deadline in deadlines:
        day = deadline.decoded("DTSTART")
        assert isinstance(day, dt.date) and not isinstance(day, dt.datetime), f"{deadline['SUMMARY']}: not all-day"
        assert deadline.decoded("DTEND") == day + dt.timedelta(days=1)
        assert str(deadline["TRANSP"]) == "TRANSPARENT", f"{deadline['SUMMARY']}: blocks the day"
        summary = str(deadline["SUMMARY"])
        assert summary.startswith(("Frist: ", "Deadline: ")), summary
        related = deadline.get("RELATED-TO")
        if related is not None:
            meeting = meetings[str(related)]
            meeting_day = event_date(meeting)
            assert day < meeting_day, f"{summary}: due {day}, meeting {meeting_day}"
            assert meeting_day.strftime("%d.%m.") in summary, f"{summary} does not name the meeting's date {meeting_day}"
            assert day.weekday() < 5 and day not in NO_HOLIDAYS, f"{summary}: due on a day off ({day})"


def municipality_file(folder: pathlib.Path) -> pathlib.Path:
    # The whole-municipality feed is the one whose name has no series part: "<id>-<years>.ics".
    files = ics_files(folder)
    shortest = min(files, key=lambda p: len(p.name))
    return shortest


DISTRICTS = sorted((pathlib.Path(__file__).resolve().parent.parent / "calendars" / "districts").glob("*.yaml"))


@pytest.mark.parametrize("district", DISTRICTS, ids=[d.stem for d in DISTRICTS])
def test_district_plans_are_byte_identical_and_parse(district, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        run = plan_into(district, out)
        assert run.returncode == 0, run.stderr
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert any(str(f).startswith("personer/") for f in files), "no per-person feeds"
    assert any(str(f).startswith("roller/") for f in files), "no per-role feeds"
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), f"{name} differs between runs"
        if name.suffix == ".ics":
            cal = icalendar.Calendar.from_ical((first / name).read_bytes())
            assert not cal.get_missing_tzids(), f"{name}: missing TZIDs"
            IcsCalendarStream.calendar_from_ics((first / name).read_text(encoding="utf-8"))
