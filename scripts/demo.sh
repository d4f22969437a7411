#!/usr/bin/env bash
# Sets up, builds and plans the five shipped sample agreements for 2027
# into out/<municipality>-2027/, printing each text plan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product aarshjul
bin="$(swift build -c release --show-bin-path)/aarshjul"
year="${YEAR:-2027}"
for file in calendars/*.yaml; do
    name="$(basename "$file" .yaml)"
    "$bin" plan "$file" --year "$year" --out "out/$name-$year"
    echo
done
echo "iCalendar files are in out/*-$year/"
