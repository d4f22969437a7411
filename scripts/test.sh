#!/usr/bin/env bash
# Sets up and runs every test: the Swift tests (libical reads our files back)
# and the Python peers (icalendar, ical) reading the same plans.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-test-peers
swift build --build-tests
swift test --skip-build 2>&1 | tee /tmp/aarshjul-swift-test.log
python3 -m pytest -q tests-py
