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
swift test --skip-build 2>&1 | tee /tmp/aarshjul-swift-test.log
python3 -m pytest -q tests-py
scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
