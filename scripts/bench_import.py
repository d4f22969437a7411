"""Peer figures for `aarshjul-bench import`: python icalendar (parse,
serialise) and recurring-ical-events (expansion over 2027-2030) on the same
files. Each argument is a comma-separated file set; prints one line per set:
median CPU ms (of 3 rounds) for parse, expand, export."""
import statistics
import sys
import time
from datetime import date

import icalendar
import recurring_ical_events


def median_ms(body, rounds=3):
    samples = []
    for _ in range(rounds):
        start = time.process_time()
        body()
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples)


for argument in sys.argv[1:]:
    texts = [open(path, "rb").read() for path in argument.split(",")]
    calendars = [icalendar.Calendar.from_ical(t) for t in texts]
    parse = median_ms(lambda: [icalendar.Calendar.from_ical(t) for t in texts])
    expand = median_ms(lambda: [recurring_ical_events.of(c).between(date(2027, 1, 1), date(2031, 1, 1)) for c in calendars])
    export = median_ms(lambda: [c.to_ical() for c in calendars])
    print(f"{parse:.3f} {expand:.3f} {export:.3f}")
