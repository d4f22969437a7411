"""`plan --xlsx/--csv/--pdf` read back by real peers: openpyxl and
LibreOffice Calc read the workbook, Python's csv module the CSV, poppler
(pdftotext, pdftoppm) the PDF. Each must hold every event of the plan, checked against the plan's own
iCalendar feed as the Python icalendar package reads it."""
import collections
import csv
import datetime
import pathlib
import shutil
import subprocess
import time

import icalendar
import pytest

from conftest import CALENDARS, binary

openpyxl = pytest.importorskip("openpyxl", reason="pip install openpyxl (scripts/setup.sh --with-test-peers does)")

YEAR = "2027"


def export(agreement: pathlib.Path, folder: pathlib.Path, *extra: str) -> pathlib.Path:
    folder.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(
        [str(binary()), "plan", str(agreement), "--year", YEAR, "--out", str(folder / "ics"), "--quiet",
         "--xlsx", str(folder / "plan.xlsx"), "--csv", str(folder / "plan.csv"), "--pdf", str(folder / "plan.pdf"), *extra],
        capture_output=True, text=True, check=False,
    )
    assert run.returncode == 0, f"{agreement.name}: {run.stderr}"
    return folder


def feed_events(folder: pathlib.Path, agreement_id: str):
    """(date, start 'HH:MM' or '', end, SUMMARY) of every event in the municipality's whole feed."""
    cal = icalendar.Calendar.from_ical((folder / "ics" / f"{agreement_id}-{YEAR}.ics").read_bytes())
    out = []
    for ev in cal.walk("VEVENT"):
        if str(ev.get("STATUS", "")) == "CANCELLED" or "X-AARSHJUL-DEADLINE" in ev:
            continue  # deadlines are the rows' deadline column (and their own sheet), not rows
        start = ev.decoded("DTSTART")
        if isinstance(start, datetime.datetime):
            end = ev.decoded("DTEND")
            out.append((start.date(), start.strftime("%H:%M"), end.strftime("%H:%M"), str(ev["SUMMARY"])))
        else:
            out.append((start, "", "", str(ev["SUMMARY"])))
    return sorted(out)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return {a.stem: export(a, tmp_path_factory.mktemp(a.stem)) for a in CALENDARS}


def agreement_id(stem: str) -> str:
    for line in (pathlib.Path(next(a for a in CALENDARS if a.stem == stem))).read_text(encoding="utf-8").splitlines():
        if line.startswith("id:"):
            return line.split(":", 1)[1].strip()
    return stem


def sheet_rows(folder: pathlib.Path):
    book = openpyxl.load_workbook(folder / "plan.xlsx", read_only=True)
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    return rows[0], rows[1:], book


@pytest.mark.parametrize("stem", [a.stem for a in CALENDARS])
def test_workbook_has_every_event(exported, stem):
    heading, rows, book = sheet_rows(exported[stem])
    assert heading[:6] in (("Dato", "Ukedag", "Start", "Slutt", "Møteserie", "Tittel"),
                           ("Dato", "Vekedag", "Start", "Slutt", "Møteserie", "Tittel"))
    assert len(heading) == 11 and heading[-1] in ("Frister", "Fristar")
    expected = feed_events(exported[stem], agreement_id(stem))
    got = sorted((r[0].date(), r[2] or "", r[3] or "", r[5]) for r in rows)
    assert len(got) == len(expected), f"{len(got)} rows, {len(expected)} events in the feed"
    for (date, start, end, summary), (gdate, gstart, gend, title) in zip(expected, got):
        assert (gdate, gstart, gend) == (date, start, end)
    # Every feed title is the start of some row's title on that day (rows add "(n/N)").
    by_day = collections.defaultdict(list)
    for gdate, _, _, title in got:
        by_day[gdate].append(title)
    for date, _, _, summary in expected:
        assert any(summary.split(" (")[0] in t for t in by_day[date]), f"{date} {summary}: not in {by_day[date]}"
    assert book.properties.creator == "Aarshjul"
    assert book.properties.created.year < 2027  # the plan's fixed stamp, not "now"


@pytest.mark.parametrize("stem", [a.stem for a in CALENDARS])
def test_csv_matches_the_workbook(exported, stem):
    heading, rows, _ = sheet_rows(exported[stem])
    with open(exported[stem] / "plan.csv", newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    assert tuple(table[0]) == heading
    assert len(table) - 1 == len(rows)
    for line, row in zip(table[1:], rows):
        assert line[0] == row[0].date().isoformat()
        assert [c.replace("\r\n", "\n") for c in line[1:]] == [c or "" for c in row[1:]]


def pdf_text(pdf: pathlib.Path, first: int = 1, last: int = 0) -> str:
    args = ["pdftotext", "-layout", "-f", str(first)] + (["-l", str(last)] if last else []) + [str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: pathlib.Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(l for l in info.splitlines() if l.startswith("Pages:")).split()[1])


needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="apt-get install poppler-utils (scripts/setup.sh does)")

WEEKDAYS = {"nb": ["man", "tir", "ons", "tor", "fre", "lør", "søn"]}


@needs_poppler
@pytest.mark.parametrize("stem", [a.stem for a in CALENDARS])
def test_pdf_lists_every_event_by_month_after_the_wheel(exported, stem):
    pdf = exported[stem] / "plan.pdf"
    pages = pdf_pages(pdf)
    assert pages >= 2
    first = pdf_text(pdf, 1, 1)
    assert f"møteplan {YEAR}" in first or f"meeting plan {YEAR}" in first
    # The wheel's month ring is text in the PDF, as is the legend with each series.
    assert "januar" in first and "desember" in first
    heading, rows, _ = sheet_rows(exported[stem])
    for series in {r[4] for r in rows}:
        assert series.split()[0] in first, f"{series} is not in the legend on page one"
    rest = pdf_text(pdf, 2)
    counts = collections.Counter(rest.split())
    expected = feed_events(exported[stem], agreement_id(stem))
    per_day = collections.Counter(d for d, *_ in expected)
    for day, n in per_day.items():
        label = f"{day.day:02d}.{day.month:02d}."
        assert counts[label] >= n, f"{day}: {n} events, the PDF shows the date {counts[label]} times"
    # Months come in order, each heading once unless it goes on over a page break.
    months = ["Januar", "Februar", "Mars", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Desember"]
    seen = [m for line in rest.splitlines() for m in months if line.strip().startswith(f"{m} {YEAR}")]
    assert seen == sorted(seen, key=months.index)
    # Page breaks keep a month together: every page after the wheel starts
    # with a month's heading (under the running title), and a month without
    # "(forts.)" starts on one page only.
    starts = collections.Counter()
    for page in range(2, pages + 1):
        lines = [l.strip() for l in pdf_text(pdf, page, page).splitlines() if l.strip()]
        assert len(lines) >= 2 and any(lines[1].startswith(f"{m} {YEAR}") for m in months), \
            f"{stem} page {page} does not start with a month: {lines[:3]}"
        for line in lines[1:]:
            for m in months:
                if line.startswith(f"{m} {YEAR}") and "(forts.)" not in line:
                    starts[m] += 1
    assert all(n == 1 for n in starts.values()), f"{stem}: a month starts on two pages: {starts}"


@needs_poppler
def test_pdf_pages_render_as_a4_pictures(exported, tmp_path):
    pdf = exported["oyer"] / "plan.pdf"
    subprocess.run(["pdftoppm", "-r", "40", "-gray", str(pdf), str(tmp_path / "page")], check=True)
    pictures = sorted(tmp_path.glob("page-*.pgm"))
    assert len(pictures) == pdf_pages(pdf)
    for picture in pictures:
        data = picture.read_bytes()
        magic, width, height, _, pixels = data.split(maxsplit=4)
        assert magic == b"P5"
        assert abs(int(height) / int(width) - 297 / 210) < 0.01, "not A4 portrait"
        dark = sum(1 for b in pixels if b < 128)
        assert dark > 200, f"{picture.name} is nearly blank"
    # The wheel makes page one much darker than a page of text.
    first = pictures[0].read_bytes().split(maxsplit=4)[4]
    assert sum(1 for b in first if b < 250) > 0.15 * len(first)


def test_same_plan_same_bytes(tmp_path):
    agreement = next(a for a in CALENDARS if a.stem == "oyer")
    a = export(agreement, tmp_path / "a")
    time.sleep(1.1)  # a clock in the output would show now
    b = export(agreement, tmp_path / "b")
    for name in ("plan.xlsx", "plan.csv", "plan.pdf"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs between two runs"


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="apt-get install libreoffice-calc-nogui (scripts/setup.sh --with-test-peers does)")
def test_libreoffice_reads_the_workbook(exported, tmp_path):
    """LibreOffice Calc, as a council secretary would open it: the workbook
    converted to CSV by soffice has the heading and one row per event, with
    the dates as dates (shown 06.01.2027) and lists one item a line in a cell."""
    stem = "lillestrom"
    heading, rows, _ = sheet_rows(exported[stem])
    profile = tmp_path / "profile"
    run = subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(tmp_path),
         str(exported[stem] / "plan.xlsx")],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert run.returncode == 0, run.stderr
    with open(tmp_path / "plan.csv", newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    assert tuple(table[0]) == heading
    assert len(table) - 1 == len(rows)
    for line, row in zip(table[1:], rows):
        assert line[0] == row[0].strftime("%d.%m.%Y"), line[0]
        assert [c.replace("\r\n", "\n") for c in line[1:]] == [c or "" for c in row[1:]]
