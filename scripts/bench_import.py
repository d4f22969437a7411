"""Peer figures for `aarshjul-bench import`: python icalendar (parse,
serialise) and recurring-ical-events (expansion over 2027-2030) on the same
files. Each argument is a comma-separated file set. The files are read and
parsed once (a warm-up), then the script answers one request per line on
standard input, "parse N", "expand N" or "export N" (N: the set's index), with
the CPU milliseconds of one round of that work on set N. One round per
request lets the benchmark alternate its own rounds with these, so both sides
are timed under the same load of the shared machine."""
import sys
import time
from datetime import date

import icalendar
import recurring_ical_events

texts = [[open(path, "rb").read() for path in argument.split(",")] for argument in sys.argv[1:]]
calendars = [[icalendar.Calendar.from_ical(t) for t in files] for files in texts]

work = {
    "parse": lambda n: [icalendar.Calendar.from_ical(t) for t in texts[n]],
    "expand": lambda n: [recurring_ical_events.of(c).between(date(2027, 1, 1), date(2031, 1, 1)) for c in calendars[n]],
    "export": lambda n: [c.to_ical() for c in calendars[n]],
}

print("ready", flush=True)
for line in sys.stdin:
    what, index = line.split()
    start = time.process_time()
    work[what](int(index))
    print(f"{(time.process_time() - start) * 1000:.3f}", flush=True)
