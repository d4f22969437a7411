"""`aarshjul publish --caldav` against a real Radicale on loopback, read back
with a real client (vdirsyncer into a local vdir, parsed with icalendar; khal
lists it when installed): publish, close a meeting's day in the agreement,
publish again: the moved meeting keeps its UID with a higher SEQUENCE, and a
resource whose UID is in no plan is deleted."""
import base64
import importlib.util
import shutil
import subprocess
import textwrap
import time
import urllib.error
import urllib.request

import icalendar
import pytest

from conftest import ROOT, binary
from served import free_port


@pytest.fixture
def radicale(tmp_path):
    if importlib.util.find_spec("radicale") is None:
        pytest.skip("radicale is not installed (scripts/setup.sh --with-test-peers installs it)")
    port = free_port()
    log = open(tmp_path / "radicale.log", "w")
    proc = subprocess.Popen(
        ["python3", "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}", "--auth-type", "none",
         "--storage-filesystem-folder", str(tmp_path / "radicale-storage")],
        stdout=log, stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            assert proc.poll() is None, (tmp_path / "radicale.log").read_text()
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


# Radicale's default rights: a user reads and writes their own /<user>/ home.
# With --auth-type none any password is accepted, but the user name counts.
USER = "plan"
AUTH = "Basic " + base64.b64encode(f"{USER}:x".encode()).decode()


def publish(calendars, state, url):
    password = state.parent / "password.txt"
    password.write_text("x\n")
    run = subprocess.run([str(binary()), "publish", str(calendars), "--caldav", url, "--years", "2027",
                          "--state", str(state), "--user", USER, "--password-file", str(password)], capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr
    return run.stdout


def sync(tmp_path, url):
    """vdirsyncer pulls the calendar into a local vdir; returns {uid: VEVENT}."""
    if shutil.which("vdirsyncer") is None:
        pytest.skip("vdirsyncer is not installed (scripts/setup.sh --with-test-peers installs it)")
    vdir = tmp_path / "vdir"
    config = tmp_path / "vdirsyncer.conf"
    config.write_text(textwrap.dedent(f"""\
        [general]
        status_path = "{tmp_path / 'vdirsyncer-status'}"

        [pair plan]
        a = "server"
        b = "local"
        collections = ["from a"]
        conflict_resolution = "a wins"

        [storage server]
        type = "caldav"
        url = "{url}"
        username = "{USER}"
        password = "x"

        [storage local]
        type = "filesystem"
        path = "{vdir}"
        fileext = ".ics"
        """))
    env = {"PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    for args in (["discover", "plan"], ["sync"]):
        run = subprocess.run(["vdirsyncer", "-c", str(config), *args], input="y\n" * 10,
                             capture_output=True, text=True, timeout=120, env=env, check=False)
        assert run.returncode == 0, run.stdout + run.stderr
    events = {}
    for path in vdir.rglob("*.ics"):
        for component in icalendar.Calendar.from_ical(path.read_bytes()).walk():
            if component.name in ("VEVENT", "VTODO"):
                events[str(component["UID"])] = component
    return events, vdir


def test_publish_change_publish(radicale, tmp_path):
    calendars = tmp_path / "calendars"
    calendars.mkdir()
    # Flakstad's agreement names no agenda deadline; give its politiråd one, so
    # that a deadline event reaches the server and khal (checked below).
    text = (ROOT / "calendars" / "flakstad.yaml").read_text()
    marker = "    rule: {at_least_per_year: 2}\n"
    assert marker in text
    (calendars / "flakstad.yaml").write_text(text.replace(marker, marker + "    agenda_notice_days: 7\n", 1))
    state = tmp_path / "state"
    url = radicale + f"/{USER}/"

    out = publish(calendars, state, url)
    assert "1 kalendere opprettet" in out, out
    first, _ = sync(tmp_path, url)
    meetings = [e for e in first.values() if e.name == "VEVENT" and str(e.get("X-AARSHJUL-SERIES")) == "politirad"]
    assert meetings, "no politiråd meeting on the server"
    target = min(meetings, key=lambda e: e.decoded("DTSTART"))
    old_day = target.decoded("DTSTART")
    old_day = old_day.date() if hasattr(old_day, "date") else old_day
    assert "ATTENDEE" in target or "DESCRIPTION" in target  # the full calendar went to CalDAV

    # A second publish with nothing changed touches nothing.
    again = publish(calendars, state, url)
    assert "0 hendelser lagt til, 0 oppdatert" in again and "0 slettet" in again, again

    # A future event left on the server that no plan has (a stray) goes; a past one is history and stays.
    stale, held = "flakstad-politirad-2099-1@aarshjul", "flakstad-politirad-2020-1@aarshjul"
    for uid, day, name in ((stale, "20990310", "stale.ics"), (held, "20200310", "held.ics")):
        body = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//NO\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20200101T000000Z\r\nDTSTART;VALUE=DATE:" + day + "\r\nSUMMARY:Politiråd\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n").encode()
        put = urllib.request.Request(url + "flakstad/" + name, data=body, method="PUT",
                                     headers={"Content-Type": "text/calendar; charset=utf-8", "Authorization": AUTH})
        assert urllib.request.urlopen(put, timeout=10).status in (201, 204)

    # Close the day of the first politiråd meeting.
    text = (calendars / "flakstad.yaml").read_text()
    text += f"\nblackouts:\n  - {{date: {old_day.isoformat()}, reason: Kommunestyremøte}}\n"
    (calendars / "flakstad.yaml").write_text(text)
    changed = publish(calendars, state, url)
    assert "0 oppdatert" not in changed, changed

    second, vdir = sync(tmp_path, url)
    moved = second[str(target["UID"])]
    new_day = moved.decoded("DTSTART")
    new_day = new_day.date() if hasattr(new_day, "date") else new_day
    assert new_day != old_day
    assert int(moved["SEQUENCE"]) == int(target.get("SEQUENCE", 0)) + 1
    assert set(second) == set(first) | {held}, "UIDs are kept, the stale one is deleted, the past one kept"
    assert stale not in second
    assert "1 slettet" in changed, changed

    if shutil.which("khal"):
        khal_conf = tmp_path / "khal.conf"
        collection = next(p for p in vdir.iterdir() if p.is_dir())
        khal_conf.write_text(textwrap.dedent(f"""\
            [calendars]
            [[plan]]
            path = {collection}
            [locale]
            timeformat = %H:%M
            dateformat = %Y-%m-%d
            longdateformat = %Y-%m-%d
            datetimeformat = %Y-%m-%d %H:%M
            longdatetimeformat = %Y-%m-%d %H:%M
            """))
        run = subprocess.run(["khal", "-c", str(khal_conf), "list", new_day.isoformat(), "1d"],
                             capture_output=True, text=True, timeout=60, check=False,
                             env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
                                  "TZ": "Europe/Oslo"})
        assert run.returncode == 0, run.stderr
        assert str(moved["SUMMARY"]) in run.stdout, run.stdout
        # Deadlines are events khal shows on their day.
        deadlines = [e for e in second.values() if e.name == "VEVENT" and "X-AARSHJUL-DEADLINE" in e]
        assert deadlines, "no deadline events on the server"
        deadline = deadlines[0]
        due = deadline.decoded("DTSTART")
        run = subprocess.run(["khal", "-c", str(khal_conf), "list", due.isoformat(), "1d"],
                             capture_output=True, text=True, timeout=60, check=False,
                             env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
                                  "TZ": "Europe/Oslo"})
        assert run.returncode == 0, run.stderr
        assert str(deadline["SUMMARY"]) in run.stdout, run.stdout
