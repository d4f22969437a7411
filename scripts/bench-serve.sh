#!/usr/bin/env bash
# Load benchmark: `aarshjul serve` (release build) against nginx serving the
# `publish --to` tree of the same feeds, both on loopback, driven by wrk with
# the same bounded load (2 threads, 32 connections, 10 s each) on the same
# .ics. Prints request rates and latency percentiles side by side.
# Usage: scripts/bench-serve.sh [CALENDARS_DIR] [FEED_PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
CALENDARS=${1:-calendars}
FEED=${2:-lillestrom/lillestrom-2027.ics}
YEARS=2027

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
SERVE_PID=""; NGINX_STARTED=""
cleanup() {
    [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
    [ -n "$NGINX_STARTED" ] && "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
SERVE_PORT=$(free_port)
NGINX_PORT=$(free_port)

# The same feeds for both: one state folder, so the plans are identical.
"$BIN" publish "$CALENDARS" --to "$WORK/site" --years $YEARS --state "$WORK/state" >/dev/null
"$BIN" serve "$CALENDARS" --port "$SERVE_PORT" --years $YEARS --state "$WORK/state" \
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

run() { wrk -t2 -c32 -d10s --latency "$1" 2>&1; }
echo "bench: GET /$FEED ($SIZE bytes), wrk -t2 -c32 -d10s on loopback, one after the other"
SERVE_OUT=$(run "http://127.0.0.1:$SERVE_PORT/$FEED")
NGINX_OUT=$(run "http://127.0.0.1:$NGINX_PORT/$FEED")

field() { # $1 = wrk output, $2 = awk program
    printf '%s\n' "$1" | awk "$2"
}
row() {
    printf '%-16s %14s %14s\n' "$1" "$(field "$SERVE_OUT" "$2")" "$(field "$NGINX_OUT" "$2")"
}
printf '%-16s %14s %14s\n' "" "aarshjul serve" "nginx"
row "requests/s" '/^Requests\/sec/ {print $2}'
row "latency p50" '/^ +50%/ {print $2}'
row "latency p75" '/^ +75%/ {print $2}'
row "latency p90" '/^ +90%/ {print $2}'
row "latency p99" '/^ +99%/ {print $2}'
row "errors" '/Non-2xx|Socket errors/ {e=e $0} END {print (e=="" ? "none" : "some")}'
