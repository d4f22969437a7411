#!/usr/bin/env bash
# Load benchmark: `aarshjul serve` (release build) against nginx serving the
# `publish --to` tree of the same feeds, both on loopback, driven by wrk with
# the same bounded load (2 threads, 32 connections, 8 s each). Five cases,
# printed side by side: a feed; the index page `/`; a 304 (If-None-Match
# with the server's own ETag); a feed while the feeds are rebuilt (serve: the
# agreement is edited every 3 s so the watcher reloads; nginx: `publish --to`
# switches the site again and again); a feed while 100 more clients load `/`.
# Usage: scripts/bench-serve.sh [CALENDARS_DIR] [FEED_PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
CALENDARS=${1:-calendars}
FEED=${2:-lillestrom.ics}
TODAY=2026-12-01

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
source scripts/apt.sh
apt_install "${need[@]}"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

swift build -c release --product aarshjul >/dev/null
BIN=.build/release/aarshjul
WORK=$(mktemp -d /tmp/aarshjul-bench.XXXXXX)
chmod 755 "$WORK"  # nginx workers run as another user
SERVE_PID=""; NGINX_STARTED=""; LOOP_PID=""
cleanup() {
    [ -n "$LOOP_PID" ] && kill "$LOOP_PID" 2>/dev/null || true
    [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
    [ -n "$NGINX_STARTED" ] && "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
SERVE_PORT=$(free_port)
NGINX_PORT=$(free_port)

# The same feeds for both: one copy of the folder, one state folder, one day.
cp -r "$CALENDARS" "$WORK/calendars"
"$BIN" publish "$WORK/calendars" --to "$WORK/site" --today $TODAY --state "$WORK/state" >/dev/null
"$BIN" serve "$WORK/calendars" --port "$SERVE_PORT" --today $TODAY --state "$WORK/state" \
    --private-urls "$WORK/private.txt" 2>"$WORK/serve.log" &
SERVE_PID=$!

mkdir -p "$WORK/nginx/logs"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
error_log $WORK/nginx/logs/error.log;
pid $WORK/nginx/nginx.pid;
events { worker_connections 256; }
http {
    access_log off;
    types { text/calendar ics; text/html html; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/site;
        etag on;
    }
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
NGINX_STARTED=1

for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$SERVE_PORT/$FEED" && break
    sleep 0.5
done
cmp <(curl -sf "http://127.0.0.1:$SERVE_PORT/$FEED") <(curl -sf "http://127.0.0.1:$NGINX_PORT/$FEED") \
    || { echo "bench: serve and nginx give different bytes for $FEED" >&2; exit 1; }
SIZE=$(curl -sf "http://127.0.0.1:$NGINX_PORT/$FEED" | wc -c)

run() { wrk -t2 -c32 -d8s --latency "$@" 2>&1; }
field() { printf '%s\n' "$1" | awk "$2"; }
rate() { field "$1" '/^Requests\/sec/ {printf "%.0f", $2}'; }
p99() { field "$1" '/^ +99%/ {print $2}'; }
bad() { field "$1" '/Non-2xx|Socket errors/ {e=e $0} END {print (e=="" ? "" : " (errors)")}'; }
RESULTS=()
record() { # $1 case, $2 serve output, $3 nginx output
    RESULTS+=("$(printf '%-26s %12s %9s%s %12s %9s%s' "$1" "$(rate "$2")" "$(p99 "$2")" "$(bad "$2")" "$(rate "$3")" "$(p99 "$3")" "$(bad "$3")")")
}
S="http://127.0.0.1:$SERVE_PORT" N="http://127.0.0.1:$NGINX_PORT"
# The reload case edits the measured feed's own agreement (else the first one).
AGREEMENT="$WORK/calendars/${FEED%%.ics}.yaml"
[ -f "$AGREEMENT" ] || AGREEMENT=$(ls "$WORK/calendars"/*.yaml | head -1)
cp "$AGREEMENT" "$WORK/agreement.orig"
{ cat "$WORK/agreement.orig"; printf '\nblackouts:\n  - {date: 2027-03-10, reason: Bench}\n'; } >"$WORK/agreement.moved"

echo "bench: /$FEED ($SIZE bytes) and /, wrk -t2 -c32 -d8s on loopback, one case after the other" >&2
record "feed" "$(run "$S/$FEED")" "$(run "$N/$FEED")"
record "index page /" "$(run "$S/")" "$(run "$N/")"
SERVE_TAG=$(curl -sfI "$S/$FEED" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
NGINX_TAG=$(curl -sfI "$N/$FEED" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $SERVE_TAG" "$S/$FEED")" = 304 ] || { echo "bench: serve gave no 304" >&2; exit 1; }
record "304 (If-None-Match)" "$(run -H "If-None-Match: $SERVE_TAG" "$S/$FEED")" "$(run -H "If-None-Match: $NGINX_TAG" "$N/$FEED")"

# Reloads: the agreement gains and loses a blackout every 4 s, so serve's
# watcher (2 s polls, a change must settle for one) re-plans about twice in
# the 8 s; nginx's tree is re-published in a loop.
( while true; do cp "$WORK/agreement.moved" "$AGREEMENT"; sleep 4; cp "$WORK/agreement.orig" "$AGREEMENT"; sleep 4; done ) & LOOP_PID=$!
SERVE_RELOAD=$(run "$S/$FEED")
kill $LOOP_PID; wait $LOOP_PID 2>/dev/null || true
STARTED=$(grep -c "Calendars folder changed" "$WORK/serve.log" || true)
RELOADS=$(grep -c "Feeds reloaded" "$WORK/serve.log" || true)
# Back to the original, and serve's last reload done, before nginx is measured.
cp "$WORK/agreement.orig" "$AGREEMENT"; sleep 6
( while true; do "$BIN" publish "$WORK/calendars" --to "$WORK/site" --today $TODAY --state "$WORK/state" >/dev/null 2>&1; done ) & LOOP_PID=$!
NGINX_RELOAD=$(run "$N/$FEED")
kill $LOOP_PID; wait $LOOP_PID 2>/dev/null || true; LOOP_PID=""
record "feed during reloads" "$SERVE_RELOAD" "$NGINX_RELOAD"

# 100 more clients on / while the feed is measured.
wrk -t1 -c100 -d10s "$S/" >/dev/null 2>&1 & LOOP_PID=$!
sleep 1; SERVE_BUSY=$(run "$S/$FEED"); wait $LOOP_PID 2>/dev/null || true
wrk -t1 -c100 -d10s "$N/" >/dev/null 2>&1 & LOOP_PID=$!
sleep 1; NGINX_BUSY=$(run "$N/$FEED"); wait $LOOP_PID 2>/dev/null || true; LOOP_PID=""
record "feed, 100 clients on /" "$SERVE_BUSY" "$NGINX_BUSY"

printf '%-26s %12s %9s %12s %9s\n' "" "serve req/s" "p99" "nginx req/s" "p99"
printf '%s\n' "${RESULTS[@]}"
echo "(reload case: serve started $STARTED re-plans of the folder and finished $RELOADS within it, on its low-priority"
echo " planning thread; nginx's tree was re-published meanwhile; release build; same machine, one run; load: $(cut -d' ' -f1-3 /proc/loadavg))"
