#!/usr/bin/env bash
# Runs the libFuzzer target (Sources/AarshjulFuzz) against the agreement
# reader and the calendar importer for a bounded time.
#   scripts/fuzz.sh [SECONDS]      (default 60; `make fuzz`)
# Seeds: the shipped agreements and district files, the calendar fixtures
# and every regression input. Findings (crash-*, timeout-*, oom-*) are
# written to fuzz-findings/ and make the run fail: copy each into
# Tests/AarshjulCLITests/Regressions/fuzz/ so it stays a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build=.build/fuzz
swift build -c release --build-path "$build" --product aarshjul-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library >/dev/null
binary="$(swift build -c release --build-path "$build" --show-bin-path)/aarshjul-fuzz"

corpus="$build/corpus"
mkdir -p "$corpus" fuzz-findings
for seed in calendars/*.yaml calendars/districts/*.yaml Tests/AarshjulICalTests/Fixtures/*.ics \
            Tests/AarshjulCLITests/Regressions/*.yaml Tests/AarshjulCLITests/Regressions/*.ics \
            Tests/AarshjulCLITests/Regressions/*/*.ics Tests/AarshjulCLITests/Regressions/fuzz/*; do
    [ -f "$seed" ] && cp "$seed" "$corpus/seed-$(basename "$seed")"
done
# -rss_limit_mb and -timeout hold each input to the bar every user file must meet.
"$binary" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix=fuzz-findings/ -print_final_stats=1 2>&1 | tail -n 12
