"""Peer check of the Norwegian public holidays against python `holidays`.

Runs the built CLI, which the Swift side must offer as:

    .build/debug/aarshjul holidays --year YEAR --format iso --county oslo

printing one line per public holiday, `YYYY-MM-DD<TAB>name`, in date order
(a day with two holidays, 17 May 2027, gives two lines), and exiting 0.
The binary can be pointed elsewhere with AARSHJUL_BIN.
"""

import os
import re
import subprocess
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest
from dateutil.easter import easter

ROOT = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("AARSHJUL_BIN", ROOT / ".build" / "debug" / "aarshjul"))
YEARS = [1950, 1990, *range(2024, 2036), 2100, 2200]
LINE = re.compile(r"^(\d{4}-\d{2}-\d{2})\t(\S.*)$")


def _cli_offers_iso_holidays() -> bool:
    if not BINARY.exists():
        return False
    probe = subprocess.run([str(BINARY), "holidays", "--help"], capture_output=True, text=True, timeout=60)
    return probe.returncode == 0 and "--format" in probe.stdout + probe.stderr


pytestmark = pytest.mark.skipif(
    not _cli_offers_iso_holidays(),
    reason=f"{BINARY} missing or without `holidays --format iso` (build it with `swift build`)",
)


def peer_holidays(year: int) -> dict[date, str]:
    """python `holidays` where it has data (Norway: 1901–2100); beyond it the
    statutory list built here on dateutil's Easter, another independent source."""
    if holidays.Norway.start_year <= year <= holidays.Norway.end_year:
        return dict(holidays.country_holidays("NO", years=year, include_sundays=False))
    e = easter(year)
    days: dict[date, list[str]] = {}
    for day, name in [
        (date(year, 1, 1), "New Year's Day"), (e - timedelta(days=3), "Maundy Thursday"),
        (e - timedelta(days=2), "Good Friday"), (e, "Easter Sunday"), (e + timedelta(days=1), "Easter Monday"),
        (date(year, 5, 1), "Labour Day"), (date(year, 5, 17), "Constitution Day"),
        (e + timedelta(days=39), "Ascension Day"), (e + timedelta(days=49), "Whit Sunday"),
        (e + timedelta(days=50), "Whit Monday"), (date(year, 12, 25), "Christmas Day"),
        (date(year, 12, 26), "Boxing Day"),
    ]:
        days.setdefault(day, []).append(name)
    return {day: "; ".join(names) for day, names in days.items()}


def swift_holidays(year: int) -> list[tuple[date, str]]:
    result = subprocess.run(
        [str(BINARY), "holidays", "--year", str(year), "--format", "iso", "--county", "oslo"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("\n")
    rows = []
    for line in result.stdout.splitlines():
        match = LINE.match(line)
        assert match, f"not `YYYY-MM-DD<TAB>name`: {line!r}"
        rows.append((date.fromisoformat(match.group(1)), match.group(2)))
    return rows


def test_peer_has_data_for_the_years_it_is_asked_about():
    # Guards against comparing with an empty peer (python `holidays` stops at 2100).
    for year in YEARS:
        assert len(peer_holidays(year)) >= 9, year


@pytest.mark.parametrize("year", YEARS)
def test_same_days_as_python_holidays(year):
    ours = swift_holidays(year)
    peer = peer_holidays(year)
    assert [d for d, _ in ours] == sorted(d for d, _ in ours), "not in date order"
    assert {d for d, _ in ours} == set(peer.keys())
    # Days with two holidays are listed twice; the peer joins their names with "; ".
    per_day = Counter(d for d, _ in ours)
    for day, names in peer.items():
        assert per_day[day] == len(names.split("; ")), f"{day}: {names}"


def test_constitution_day_and_whit_monday_2027_share_a_day():
    names = [name for d, name in swift_holidays(2027) if d == date(2027, 5, 17)]
    assert len(names) == 2
    assert len(set(names)) == 2
