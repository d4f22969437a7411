#!/usr/bin/env python3
"""A mutation campaign against the release binary, of the size issue 11
used: 157 mutated agreement and district files (run through `check`) and
4,098 mutated .ics files (each a busy calendar of a small agreement, also
through `check`, which imports it as `plan` does). Every run is held to
10 s; prints crashes (a signal, or an exit other than 0, 1, 2), runs over
10 s, the slowest run, the largest memory and how many refusals name
file:line:column. Deterministic for one --seed. First it runs every input of
Tests/AarshjulCLITests/Regressions with its README command and prints each
one's exit, time and memory against the bar (under 5 s and 300 MB).

  swift build -c release --product aarshjul
  scripts/mutation-campaign.py [--binary .build/release/aarshjul] [--seed 11] [--jobs 1] [--keep DIR]
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
BINARY = os.path.join(ROOT, ".build", "release", "aarshjul")

ICS_MUTATIONS = [
    "RRULE:FREQ=SECONDLY", "RRULE:FREQ=MINUTELY;BYSECOND=0,10,20,30,40,50", "RRULE:FREQ=DAILY;RSCALE=CHINESE",
    "RRULE:FREQ=HOURLY;INTERVAL=1;BYMINUTE=0,1,2,3,4,5,6,7,8,9", "RRULE:FREQ=YEARLY;COUNT=2147483647",
    "RRULE:FREQ=WEEKLY;INTERVAL=0", "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYSETPOS=-1;COUNT=99999999",
    "RRULE:FREQ=DAILY;UNTIL=99991231T000000Z", "DTSTART:16010101T000000Z", "DTSTART:99991231T235959Z",
    "DTSTART;TZID=Nowhere/Atlantis:20270101T090000", "DTSTART;VALUE=DATE:20270230", "DURATION:P9999999W",
    "DURATION:-PT1H", "DTEND:19000101T000000Z", "EXDATE:garbage", "RDATE;VALUE=PERIOD:20270101T000000Z/P99999D",
    "SEQUENCE:99999999999999999999", "BEGIN:VALARM", "END:VEVENT", "BEGIN:VEVENT", "END:VCALENDAR",
    "BEGIN:VTIMEZONE", "RECURRENCE-ID:20270105T090000Z", "X-" + "A" * 5000 + ":x", "SUMMARY:" + "\u00e6" * 20000,
    "ATTENDEE;CN=\"unclosed:mailto:x@y", "\t folded continuation", ";;;;", "", "\x00\x01\x02",
]


def busy_agreement(path, ics):
    with open(path, "w") as f:
        f.write(f"""id: kampanje
municipality: Kampanje
county: akershus
people:
  - id: politikontakt
    role: Politikontakt
venues:
  - id: radhuset
    name: Rådhuset
    office_hours: {{mon-fri: "08:00-15:30"}}
series:
  - id: politirad
    title: Politiråd
    rule: {{per_quarter: 1}}
    venue: radhuset
    duration: 1h
    attendees: [politikontakt]
busy_calendars:
  politikontakt: {os.path.basename(ics)}
""")


def mutate_lines(rng, lines, pool):
    lines = list(lines)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(7)
        i = rng.randrange(len(lines)) if lines else 0
        if kind == 0 and lines:
            del lines[i]
        elif kind == 1 and lines:
            lines.insert(i, lines[i])
        elif kind == 2:
            lines.insert(i, rng.choice(pool))
        elif kind == 3 and lines:
            line = lines[i]
            if line:
                j = rng.randrange(len(line))
                lines[i] = line[:j] + chr(rng.choice([0x20, 0x3A, 0x3B, 0x2C, 0x22, 0x5C, 0x7B, 0x5B, 0x2D, 0x39, 0xE6]))\
                    + line[j + 1:]
        elif kind == 4 and lines:
            lines[i] = re.sub(r"\d+", lambda m: rng.choice(["0", "-1", "99999999999", "2147483648", m.group(0) * 7]),
                              lines[i], count=1)
        elif kind == 5 and lines:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif lines:
            lines = lines[: rng.randrange(len(lines) + 1)]
    return lines


YAML_POOL = [
    "duration: 153722867280912931h", "  - id: " + "x" * 300, "members: []", "rule: {every_weeks: \"0-0\"}",
    "rule: {per_year: 99999999}", "skip_months: [1,2,3,4,5,6,7,8,9,10,11,12]", "busy_calendars: {ordforer: /etc/shadow}",
    "  - file: /etc/passwd", "  - file: /dev/zero", "  - file: .", "title: \"unclosed", "language: klingon",
    "partial_attendance: [{who: ordforer, meetings: 40}]", "&a [*a, *a, *a]", "- - - - - - - - - - - - - - x",
    "{{{{{{{{{{{{{{{{{{{{", "year: !!binary AAAA", "time: \"25:61\"", "weekday: funday", "\t tab indented: 1",
]


def yaml_inputs(rng, dir, count):
    bases = [os.path.join(ROOT, "calendars", n) for n in sorted(os.listdir(os.path.join(ROOT, "calendars"))) if n.endswith(".yaml")]
    districts = [os.path.join(ROOT, "calendars", "districts", n)
                 for n in sorted(os.listdir(os.path.join(ROOT, "calendars", "districts")))]
    out = []
    for n in range(count):
        base = rng.choice(bases + districts)
        lines = open(base, encoding="utf-8").read().split("\n")
        path = os.path.join(dir, f"y{n:03d}-{os.path.basename(base)}")
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write("\n".join(mutate_lines(rng, lines, YAML_POOL)))
        if base in districts:
            # Members are named relative to the district file.
            for member in bases:
                shutil.copy(member, os.path.join(os.path.dirname(dir), os.path.basename(member)))
        out.append(["check", path, "--years", "2027"])
    return out


def ics_bases(work):
    bases = [os.path.join(ROOT, "Tests", "AarshjulICalTests", "Fixtures", n)
             for n in sorted(os.listdir(os.path.join(ROOT, "Tests", "AarshjulICalTests", "Fixtures")))]
    return [open(b, encoding="utf-8", errors="surrogateescape").read() for b in bases]


def ics_inputs(rng, dir, count, bases):
    out = []
    for n in range(count):
        text = rng.choice(bases)
        lines = text.replace("\r\n", "\n").split("\n")
        body = "\r\n".join(mutate_lines(rng, lines, ICS_MUTATIONS))
        ics = os.path.join(dir, f"c{n:04d}.ics")
        with open(ics, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(body)
        agreement = os.path.join(dir, f"c{n:04d}.yaml")
        busy_agreement(agreement, ics)
        out.append(["check", agreement, "--years", "2027"])
    return out


def run(binary, argv, limit):
    """One run held to `limit` seconds: exit code, stderr, seconds, whether it
    was killed, and its own peak memory in MB (from wait4, per process)."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([binary] + argv, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT,
                                env=dict(os.environ, SWIFT_BACKTRACE="enable=no"))
        hung = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > limit:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                hung = True
                break
            time.sleep(0.005)
        proc.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.monotonic() - started
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return proc.returncode, text, elapsed, hung, usage.ru_maxrss / 1024


REGRESSIONS = os.path.join(ROOT, "Tests", "AarshjulCLITests", "Regressions")


def regression_runs(work):
    """The commands of ../shared/regressions/README.md (and of the files added
    since) for every file in Tests/AarshjulCLITests/Regressions, with the exit
    each must give and the text its message must hold."""
    prev = os.path.join(work, "prev")
    subprocess.run([BINARY, "plan", "calendars/lillestrom.yaml", "--year", "2027", "--out", prev, "--quiet"],
                   cwd=ROOT, check=True)
    lost = os.path.join(REGRESSIONS, "lost-todo")
    runs = []
    for name in sorted(os.listdir(REGRESSIONS)):
        path = os.path.join(REGRESSIONS, name)
        if os.path.isdir(path) or name.endswith(".md"):
            continue
        if name.endswith(".yaml"):
            argv = ["plan", path, "--year", "2027"] + (["--out", os.path.join(work, "out-" + name)] if "district" in name else [])
            want = (2, name[:0]) if name.startswith("weekly-") else (1, name + ":")
        elif name.startswith("sequence-"):
            held = os.path.join(work, "held")
            os.makedirs(held, exist_ok=True)
            shutil.copy(path, os.path.join(held, "lillestrom-2027.ics"))
            argv = ["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", held,
                    "--out", os.path.join(work, "new-seq"), "--blackout", "2027-03-01"]
            want = (0, "")
        elif name.startswith("ind-54-"):
            continue  # the lost-todo pair, run once below
        elif name.startswith("busy-event-from-1601"):
            agreement = os.path.join(work, name + ".yaml")
            shutil.copy(path, os.path.join(work, name))
            busy_agreement(agreement, os.path.join(work, name))
            argv, want = ["plan", agreement, "--year", "2027"], (2, "")
        else:
            argv = ["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", prev,
                    "--busy", "ordforer=" + path, "--dry-run"]
            want = (1, name + ":")
        runs.append((name, argv, want))
    runs.append(("lost-todo/", ["reschedule", "calendars/lillestrom.yaml", "--year", "2027", "--previous", prev,
                                "--out", os.path.join(work, "new-lost"),
                                "--blackout", "2027-07-16..2027-07-19:Sperret", "--blackout", "2027-04-14..2027-04-19:Sperret",
                                "--blackout", "2027-08-02..2027-08-03:Sperret", "--blackout", "2027-04-21",
                                "--blackout", "2027-12-22",
                                "--busy", "seksjonsleder_kultur=" + os.path.join(lost, "ind-54-seksjonsleder_kultur.ics"),
                                "--busy", "seksjonsleder_out=" + os.path.join(lost, "ind-54-seksjonsleder_out.ics")], (0, "")))
    return runs


def check_regressions(work, limit):
    """Runs every regression input; prints its time, memory and exit; returns the failures."""
    bad = []
    print("regression inputs (release binary; the bar: under 5 s and 300 MB each):")
    for name, argv, (status, text) in regression_runs(work):
        code, err, elapsed, hung, mb = run(BINARY, argv, limit)
        ok = not hung and code == status and text in err and elapsed < 5 and mb < 300
        print(f"  {name:44s} exit {code}  {elapsed:5.2f} s  {mb:6.1f} MB  {'ok' if ok else 'NOT AS REQUIRED'}")
        if not ok:
            bad.append(f"regression {name}: exit {code} (want {status}), {elapsed:.2f} s, {mb:.0f} MB: {err[-300:]}")
    return bad


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "aarshjul"))
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--yaml", type=int, default=157)
    p.add_argument("--ics", type=int, default=4098)
    p.add_argument("--limit", type=float, default=10.0)
    p.add_argument("--keep", help="copy every crashing or slow input here")
    p.add_argument("--slice", default="0/1", help="K/N: run only every N-th input from the K-th (for N runs side by side)")
    p.add_argument("--no-regressions", action="store_true", help="skip the pass over Tests/AarshjulCLITests/Regressions")
    a = p.parse_args()
    global BINARY
    BINARY = a.binary
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="aarshjul-campaign-")
    regression_failures = [] if a.no_regressions else check_regressions(work, a.limit)
    ydir, cdir = os.path.join(work, "yaml"), os.path.join(work, "ics")
    os.makedirs(ydir), os.makedirs(cdir)
    jobs = [("yaml", j) for j in yaml_inputs(rng, ydir, a.yaml)] + \
           [("ics", j) for j in ics_inputs(rng, cdir, a.ics, ics_bases(work))]
    stats = {"yaml": [0, 0, 0, 0, 0, 0], "ics": [0, 0, 0, 0, 0, 0]}  # runs, crashes, hangs, refused, located, exit2
    slowest, bad, peak = (0.0, ""), [], 0.0
    k, n = (int(x) for x in a.slice.split("/"))
    for index, (kind, argv) in enumerate(jobs):
        if index % n != k:
            continue
        code, err, elapsed, hung, mb = run(a.binary, argv, a.limit)
        peak = max(peak, mb)
        s = stats[kind]
        s[0] += 1
        if elapsed > slowest[0]:
            slowest = (elapsed, " ".join(argv))
        if hung:
            s[2] += 1
            bad.append(f"over {a.limit:.0f} s: {' '.join(argv)}")
        elif code not in (0, 1, 2):
            s[1] += 1
            bad.append(f"exit {code}: {' '.join(argv)}: {err[-300:]}")
        if sum(stats["yaml"][0:1] + stats["ics"][0:1]) % 250 == 0:
            print(f"progress: {stats} slowest {slowest[0]:.2f} s", flush=True)
        if hung:
            pass
        elif code == 1:
            s[3] += 1
            if re.search(r"[^\s:]+:\d+:\d+: ", err):
                s[4] += 1
        elif code == 2:
            s[5] += 1
        if (hung or code not in (0, 1, 2)) and a.keep:
            os.makedirs(a.keep, exist_ok=True)
            for f in argv[1:2]:
                shutil.copy(f, a.keep)
                ics = f[:-5] + ".ics"
                if os.path.exists(ics):
                    shutil.copy(ics, a.keep)
    for kind, label in (("yaml", "agreement/district files"), ("ics", "mutated .ics (busy calendars)")):
        runs, crashes, hangs, refused, located, exit2 = stats[kind]
        print(f"{label}: {runs} runs, {crashes} crashes, {hangs} over {a.limit:.0f} s, "
              f"{refused} refused with exit 1 ({located} naming file:line:column), {exit2} exit 2")
    print(f"slowest run: {slowest[0]:.2f} s ({slowest[1]})")
    print(f"largest memory of any run: {peak:.0f} MB")
    bad = regression_failures + bad
    for line in bad:
        print(line)
    shutil.rmtree(work, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
