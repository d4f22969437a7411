#!/usr/bin/env bash
# Runs the libFuzzer target (Sources/AarshjulFuzz) against the agreement
# reader, the calendar importer and the exporter (an agreement that plans is
# exported through libical and read back) for a bounded time.
#   scripts/fuzz.sh [SECONDS]      (default 60; `make fuzz`; scripts/test.sh runs 60)
# The target and the readers it calls are built with -sanitize=fuzzer,address
# (AARSHJUL_FUZZ=1, see Package.swift) into .build/fuzz, apart from the
# normal build. Seeds: the shipped agreements and district files, the
# calendar fixtures and every regression input. Findings (crash-*, timeout-*,
# oom-*) are written to fuzz-findings/ and make the run fail: copy each into
# Tests/AarshjulCLITests/Regressions/fuzz/, where RegressionTests replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build=.build/fuzz
export AARSHJUL_FUZZ=1
echo "fuzz: building the libFuzzer target (release, -sanitize=fuzzer,address) into $build"
swift build -c release --build-path "$build" --product aarshjul-fuzz -j "${FUZZ_BUILD_JOBS:-2}" >"$build.log" 2>&1 \
    || { tail -n 30 "$build.log"; exit 1; }
binary="$(swift build -c release --build-path "$build" --show-bin-path)/aarshjul-fuzz"

corpus="$build/corpus"
mkdir -p "$corpus" fuzz-findings
for seed in calendars/*.yaml calendars/districts/*.yaml Tests/AarshjulICalTests/Fixtures/*.ics \
            Tests/AarshjulCLITests/Regressions/*.yaml Tests/AarshjulCLITests/Regressions/*.ics \
            Tests/AarshjulCLITests/Regressions/*/*.ics Tests/AarshjulCLITests/Regressions/fuzz/*; do
    [ -f "$seed" ] && cp "$seed" "$corpus/seed-$(basename "$seed")"
done
# Swift's own crash reporter would hold a crashing input for 30 s; libFuzzer
# reports instead. LeakSanitizer is off: Swift packs enum tags into pointer
# bits, so objects that live in static tables look leaked to it.
export SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0
# -rss_limit_mb and -timeout hold each input to the bar every user file must
# meet (10 s); the importer's own limits (3 s, 64 MB per file) are tighter.
echo "fuzz: running for $seconds s (findings go to fuzz-findings/)"
status=0
"$binary" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -detect_leaks=0 \
    -artifact_prefix=fuzz-findings/ -print_final_stats=1 >"$build/run.log" 2>&1 || status=$?
grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|stat::new_units_added)|^#[0-9]+ +DONE|ERROR|SUMMARY|Test unit written' \
    "$build/run.log" || true
if [ "$status" -ne 0 ]; then
    echo "fuzz: FOUND a problem (exit $status); the input is in fuzz-findings/:"
    grep -B2 -A30 -m1 -E 'ERROR|Fatal error|deadly signal' "$build/run.log" | head -n 60
    exit "$status"
fi
echo "fuzz: no crash, hang or memory blow-up in $seconds s"
