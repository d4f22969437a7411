#!/usr/bin/env python3
"""Writes the bad-input corpus (Tests/AarshjulCLITests/BadInputCorpus/):
agreement, district and calendar files, each with one mistake whose line is
known by construction, listed in expected.tsv (file, line of the mistake,
exit status). BadInputCorpusTests runs every file through `check` and
`plan` and asserts they agree and name that line. Run it again after
changing the base files below; the output is deterministic."""
import os
import shutil

HERE = os.path.join(os.path.dirname(__file__), "..", "Tests", "AarshjulCLITests", "BadInputCorpus")

BASE = """id: korpus
municipality: Korpus
county: akershus
revised: 2026-01-15
language: nb
people:
  - id: ordforer
    role: Ordfører
  - id: politikontakt
    role: Politikontakt
venues:
  - id: radhuset
    name: Rådhuset
    office_hours: {mon-fri: "08:00-15:30"}
series:
  - id: politirad
    title: Politiråd
    kind: politirad
    rule: {per_quarter: 1}
    venue: radhuset
    duration: 2h
    chair: ordforer
    attendees: [politikontakt]
  - id: mote
    title: Samarbeidsmøte
    rule: {monthly: true, skip_months: [7]}
    venue: radhuset
    duration: 90m
    agenda_notice_days: 7
    partial_attendance:
      - who: ordforer
        meetings: 4
    attendees: [politikontakt]
blackouts:
  - date: 2027-03-10
    reason: Seminar
  - from: 2027-06-01
    to: 2027-06-04
    reason: Kommunestyre
""".splitlines()

# Per line (1-based): wrong values for the value on that line. Each keeps
# the YAML well-formed, so the reader (not libyaml) must locate it.
BAD_VALUES = {
    1: ["Korpus Kommune", "KORPUS", "korpus!", "ø", "x" * 41],
    2: ['""', "[a, b]", "{a: 1}"],
    3: ["narnia", "akershuss", "vestland fylke", "[akershus]", "17"],
    4: ["2026-13-15", "2026-02-30", "15.01.2026", "yesterday", "2026-1-155"],
    5: ["de", "svensk", "[nb]"],
    7: ["Ordfører", "ordfører", "ord forer"],
    8: ['""', "[a]"],
    12: ["Rådhuset", "rad huset"],
    14: ['{mon-fri: "08:00-25:30"}', '{mon-fri: "15:30-08:00"}', '{funday: "08:00-15:30"}', '{mon-fri: "8"}',
         '{mon-fri: "08:00-15:30", mon: "09:00-10:00"}', "always"],
    16: ["Politirad", "politi råd", "x" * 41],
    17: ['""', "[a, b]"],
    18: ["politiråd", "council", "[politirad]"],
    19: ["{per_quarter: 0}", "{per_quarter: 14}", "{per_quarter: two}", "{per_year: 0}", "{per_year: 53}",
         '{every_weeks: "8-6"}', '{every_weeks: "x"}', "{weekly: funday}", "{monthly: false}", "{yearly: sometimes}",
         "{per_quarter: 1, per_year: 4}", "{sometimes: 1}", "{}", "often", '{yearly: {from: "11-30", to: "10-01"}}',
         '{yearly: {from: "13-01", to: "14-01"}}', "{per_quarter: 153722867280912931}"],
    20: ["radhus", "kontoret", "Rådhuset"],
    21: ["2", "2x", "25h", "0m", "153722867280912931h", "99999999999999999999m", "-1h", "h", "1h30", "1.5h"],
    22: ["ordfører", "borgermester", "[ordforer]"],
    23: ["[ordforer, ordforer]", "[mayor]", "[Ordfører]", "{a: b}"],
    26: ["{monthly: true, skip_months: [13]}", "{monthly: true, skip_months: [juley]}",
         "{monthly: true, skip_months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}", "{monthly: true, skip_months: [0]}",
         "{monthly: yes please}"],
    27: ["radhus", "[radhuset]"],
    28: ["90", "90x", "1d", "30h"],
    29: ["-1", "365", "seven", "7.5"],
    31: ["ordfører", "mayor", "politikontakt_x"],
    32: ["40", "0", "many", "-2"],
    33: ["[mayor]", "[Politikontakt]", "[politikontakt, politikontakt]"],
    35: ["2027-02-30", "2027-13-01", "10.03.2027", "tomorrow"],
    37: ["2027-06-31", "juni", "2027-6-1x"],
    38: ["2027-05-01", "2027-06-32", "x"],
}

KEY_TYPOS = {1: "ide", 2: "kommune", 3: "fylke", 4: "revidert", 5: "lang", 7: "  - idd", 8: "    rolle",
             12: "  - idd", 13: "    navn", 14: "    opening_hours", 16: "  - idd", 17: "    titel", 19: "    regel",
             20: "    lokale", 21: "    varighet", 22: "    leder", 23: "    deltakere", 26: "    rule_x",
             29: "    notice_days", 31: "      - hvem", 32: "        moter", 35: "  - dato", 36: "    grunn"}


def write(name, text):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if os.path.isdir(HERE):
        shutil.rmtree(HERE)
    os.makedirs(HERE)
    rows = []
    n = 0
    for line, values in sorted(BAD_VALUES.items()):
        key, _, _ = BASE[line - 1].partition(":")
        for value in values:
            n += 1
            lines = list(BASE)
            lines[line - 1] = f"{key}: {value}"
            name = f"a{n:03d}-value-line{line}.yaml"
            write(name, "\n".join(lines) + "\n")
            rows.append((name, line, 1))
    for line, typo in sorted(KEY_TYPOS.items()):
        n += 1
        lines = list(BASE)
        _, _, value = BASE[line - 1].partition(":")
        lines[line - 1] = f"{typo}:{value}"
        name = f"a{n:03d}-key-line{line}.yaml"
        write(name, "\n".join(lines) + "\n")
        rows.append((name, line, 1))
    # Syntax: the mistake's own line, not where libyaml gives up.
    syntax = [
        (17, '    title: "Politiråd'),            # unclosed double quote
        (17, "    title: 'Politiråd"),            # unclosed single quote
        (14, '    office_hours: {mon-fri: "08:00-15:30"'),  # unclosed brace
        (23, "    attendees: [politikontakt"),    # unclosed bracket
        (18, "\tkind: politirad"),               # tab indentation
        (20, "      venue: radhuset"),          # over-indented key
        (3, "county: akershus: oslo"),           # a second colon
        (8, "    role: Ordfører: x"),
        (36, "    reason: Seminar: lang"),
        (13, "    name: *radhus"),               # undefined alias
        (21, "    duration: @2h"),               # reserved indicator
        (2, "municipality: `Korpus`"),
    ]
    for line, text in syntax:
        n += 1
        lines = list(BASE)
        lines[line - 1] = text
        name = f"a{n:03d}-syntax-line{line}.yaml"
        write(name, "\n".join(lines) + "\n")
        rows.append((name, line, 1))
    # A duplicated key and a duplicated id: the second occurrence's line (or the first for keys).
    for line, text, where in [(4, "id: igjen", 1), (10, "  - id: ordforer\n    role: Varaordfører", 11)]:
        n += 1
        lines = list(BASE)
        lines.insert(line, text)
        name = f"a{n:03d}-duplicate-line{where}.yaml"
        write(name, "\n".join(lines) + "\n")
        rows.append((name, where, 1))

    # District files: the member file is the (valid) base agreement.
    write("korpus.yaml.member", "\n".join(BASE) + "\n")
    district = ["district: korpusdistrikt", "name: Korpus distrikt", "members:", "  - file: korpus.yaml.member",
                "  - default: {id: nabo, municipality: Nabo, county: akershus}", "travel_minutes: 30"]
    district_bad = [
        (1, "district: Korpus Distrikt"), (2, "name: "), (3, "members: []"), (4, "  - file: finnes-ikke.yaml"),
        (4, "  - file: /etc/passwd"), (4, "  - fil: korpus.yaml.member"), (5, "  - default: {id: nabo, municipality: Nabo}"),
        (5, "  - default: {id: nabo, municipality: Nabo, county: narnia}"), (5, "  - default: {id: korpus, municipality: K, county: akershus}"),
        (6, "travel_minutes: 601"), (6, "travel_minutes: lang"), (6, "reise: 30"), (5, "  - default: {id: Nabo, municipality: Nabo, county: akershus}"),
    ]
    for line, text in district_bad:
        n += 1
        lines = list(district)
        lines[line - 1] = text
        if text == "members: []":
            del lines[3:5]  # the member lines go with the list
        name = f"d{n:03d}-district-line{line}.yaml"
        write(name, "\n".join(lines) + "\n")
        rows.append((name, line, 1))

    # Busy calendars named by an agreement: the mistake's line in the .ics.
    ics = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//korpus//EN", "BEGIN:VEVENT", "UID:a@korpus",
           "DTSTAMP:20270101T000000Z", "DTSTART:20270301T080000Z", "DTEND:20270301T090000Z", "SUMMARY:Opptatt",
           "END:VEVENT", "END:VCALENDAR"]
    ics_bad = [
        (8, ["END:VCALENDAR"], "drop-end"),            # END:VEVENT missing: END:VCALENDAR does not close VEVENT
        (4, ["BEGIN:VEVENT"], "double-begin"),
        (1, ["Hei"], "not-ics"),
        (7, ["RRULE:FREQ=SECONDLY"], "secondly"),
        (7, ["RRULE:FREQ=MINUTELY"], "minutely"),
        (7, ["RRULE:RSCALE=CHINESE;FREQ=YEARLY"], "rscale"),
        (10, ["END:VTODO"], "wrong-end"),
    ]
    for line, replacement, what in ics_bad:
        n += 1
        lines = list(ics)
        if what == "drop-end":
            lines = ics[:9] + ["END:VCALENDAR"]
            line = 4  # the event that is never closed
        elif what == "double-begin":
            lines = ics[:4] + ["BEGIN:VEVENT"] + ics[4:]
            line = 4  # the outer event, left open
        elif what == "not-ics":
            lines = ["Hei"] + ics[1:]
        elif what in ("secondly", "minutely", "rscale"):
            lines = ics[:8] + replacement + ics[8:]
            if what == "minutely":
                lines[6] = "DTSTART:16010101T080000Z"
                lines[7] = "DTEND:16010101T090000Z"
            line = 9
        elif what == "wrong-end":
            lines = ics[:9] + ["END:VTODO", "END:VCALENDAR"]
        cal = f"c{n:03d}-{what}.ics.busy"
        write(cal, "\r\n".join(lines) + "\r\n")
        agreement = list(BASE) + ["busy_calendars:", f"  ordforer: {cal}"]
        name = f"c{n:03d}-calendar-{what}.yaml"
        write(name, "\n".join(agreement) + "\n")
        rows.append((name, line, 1, cal))
    # Busy-calendar mistakes in the agreement itself.
    for text, what in [("  mayor: x.ics", "person"), ("  ordforer: finnes-ikke.ics", "missing"), ("  ordforer: /dev/zero", "device"),
                       ("  ordforer: .", "folder"), ("  ordforer: /etc/shadow", "shadow")]:
        n += 1
        agreement = list(BASE) + ["busy_calendars:", text]
        name = f"c{n:03d}-busy-{what}.yaml"
        write(name, "\n".join(agreement) + "\n")
        # A calendar that cannot be read is located at the agreement's line naming it. /etc/shadow is
        # that for a user who may not read it, and refused at its own line 1 for one who may: no line.
        rows.append((name, 0 if what == "shadow" else len(BASE) + 2, 1))

    # The file itself: not an agreement, not text, not a file, nested past the limit.
    files = [
        ("empty", "", 1), ("list", "- id: korpus\n- municipality: Korpus\n", 1), ("text", "Dette er ikke en avtale.\n", 1),
        ("nesting", "\n".join(BASE) + "\nextra: " + "[" * 1100 + "\n", len(BASE) + 1),
        ("binary", None, 0), ("folder", None, 0),
    ]
    for what, text, line in files:
        n += 1
        name = f"f{n:03d}-file-{what}.yaml"
        if what == "binary":
            with open(os.path.join(HERE, name), "wb") as f:
                f.write(b"id: korpus\nmunicipality: Korpus \xff\xfe\n")
        elif what == "folder":
            os.makedirs(os.path.join(HERE, name))
            write(os.path.join(name, ".gitkeep"), "")
        else:
            write(name, text)
        rows.append((name, line, 1))

    with open(os.path.join(HERE, "expected.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\tline (0: no line, the file is named)\texit\t[the file the line is in]\n")
        for row in rows:
            f.write("\t".join(str(x) for x in row) + "\n")
    print(f"{len(rows)} bad inputs")


main()
