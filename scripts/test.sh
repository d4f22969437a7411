#!/usr/bin/env bash
# Sets up and runs every test: the Swift tests (libical reads our files back),
# the Python peers (icalendar, ical) reading the same plans, and a bounded
# fuzz run of the agreement reader and calendar importer (scripts/fuzz.sh:
# its own release build with libFuzzer from the Swift toolchain, then
# FUZZ_SECONDS, default 60, of fuzzing; a finding fails the run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-test-peers
swift build --build-tests
# A failing or crashing run ends with its own summary (the failed tests, and a
# crash's reason and crashed thread), so the last lines of a CI log say what
# broke rather than the backtracer's list of loaded images.
log=/tmp/aarshjul-swift-test.log
if ! swift test --skip-build 2>&1 | tee "$log"; then
    echo "== swift test failed; summary of $log =="
    grep -a -E '^(✘|💣)|recorded an issue|Fatal error|Crashed|crashed' "$log" | head -40 || true
    awk '/crashed:$/ {n = 40} n > 0 {print; n--}' "$log" | head -60 || true
    echo "== tests started and never ended (running when it stopped) =="
    awk '/^◇ Test .* started\.$/ && !/^◇ Test (case|run) / && !/^◇ Test run started/ {t = $0; sub(/^◇ Test /, "", t); sub(/ started\.$/, "", t); open[t] = 1}
         /^(✔|✘) Test .* (passed|failed)/ {t = $0; sub(/^(✔|✘) Test /, "", t); sub(/ (with [0-9]+ test cases? )?(passed|failed).*$/, "", t); delete open[t]}
         END {for (t in open) print "  " t}' "$log" | sort | head -40 || true
    exit 1
fi
python3 -m pytest -q tests-py
scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
