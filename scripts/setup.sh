#!/usr/bin/env bash
# Installs what Aarshjul needs on a fresh Debian machine: libical (the
# iCalendar engine), tzdata (its time-zone source), libxlsxwriter (plan
# --xlsx), cairo and librsvg with a font (plan --pdf), and the Python peers the
# tests read our files back with. Safe to run again: skips what is there.
set -euo pipefail

source "$(dirname "$0")/apt.sh"

need_apt=()
pkg-config --exists libical 2>/dev/null || need_apt+=(libical-dev)
[ -f /usr/share/zoneinfo/Europe/Oslo ] || need_apt+=(tzdata)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
pkg-config --exists xlsxwriter 2>/dev/null || need_apt+=(libxlsxwriter-dev)
pkg-config --exists cairo 2>/dev/null || need_apt+=(libcairo2-dev)
pkg-config --exists librsvg-2.0 2>/dev/null || need_apt+=(librsvg2-dev)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
apt_install "${need_apt[@]}"

if [ "${1:-}" = "--with-test-peers" ]; then
    if ! python3 -c 'import icalendar, ical, recurring_ical_events, holidays, pytest, yaml, openpyxl' 2>/dev/null; then
        echo "setup: installing Python test peers"
        python3 -m pip install -q --disable-pip-version-check \
            icalendar ical recurring-ical-events holidays pytest pyyaml openpyxl
    fi
    # Real peers of the feed server tests: a browser for the index page, nginx
    # for the static tree, Radicale (CalDAV server) and khal/vdirsyncer (clients).
    peers=()
    command -v chromium >/dev/null 2>&1 || peers+=(chromium)
    # pdftoppm and pdftotext read the printed plan back.
    command -v pdftoppm >/dev/null 2>&1 || peers+=(poppler-utils)
    # LibreOffice Calc opens the workbook as a council secretary would.
    command -v soffice >/dev/null 2>&1 || peers+=(libreoffice-calc-nogui)
    # A terminal for `aarshjul init`'s interactive test (answers typed with send-keys).
    command -v tmux >/dev/null 2>&1 || peers+=(tmux)
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || peers+=(nginx-light)
    command -v khal >/dev/null 2>&1 || peers+=(khal)
    command -v vdirsyncer >/dev/null 2>&1 || peers+=(vdirsyncer)
    apt_install "${peers[@]}"
    if ! python3 -c 'import radicale' 2>/dev/null; then
        echo "setup: installing Radicale"
        python3 -m pip install -q --disable-pip-version-check radicale
    fi
fi
