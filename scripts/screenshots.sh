#!/usr/bin/env bash
# Builds the real `lojinha` binary, runs it under Xvfb, drives it with xdotool
# through start server -> new client window -> connect -> add a product (seen
# live in a second window), and
# saves screenshots in docs/screenshots/. A second run shows 100,000 rows.
#
# Usage: scripts/screenshots.sh            (needs root or the tools installed)
# Env:   CARGO_TARGET_DIR (default: target), PORT (default: 5077), DISPLAY_NUM (default: 99)
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${PORT:-5077}
DISPLAY_NUM=${DISPLAY_NUM:-99}
# shellcheck source=scripts/xvfb-common.sh
source scripts/xvfb-common.sh

# Clicks a text field at x y inside window $1 and types $4.
type_at() {
    xdotool windowfocus "$1"
    click "$1" "$2" "$3"
    xdotool type --delay 25 "$4"
}

# ----- run 1: start the server, open a client window, connect, add --------
cat >"$WORK/settings.json" <<JSON
{"listen":"127.0.0.1:$PORT","connect_addr":"127.0.0.1:$PORT","db_in_memory":true,"seed_sample":true}
JSON
"$BIN" --settings "$WORK/settings.json" >"$WORK/app1.log" 2>&1 &
PIDS+=($!)
MAIN=$(wait_window '^Lojinha$')
sleep 3
shot "$MAIN" 01-server-stopped.png

click "$MAIN" 50 296          # Start server
sleep 2
shot "$MAIN" 02-server-running.png

click "$MAIN" 150 12          # New client window
CLIENT=$(wait_window 'Client window 1')
xdotool windowmove "$CLIENT" 420 200
sleep 2
click "$CLIENT" 625 16        # Connect to this app's server
sleep 3
shot "$CLIENT" 03-client-connected.png

click "$MAIN" 150 12          # a second client window, connected too
CLIENT2=$(wait_window 'Client window 2')
xdotool windowmove "$CLIENT2" 300 120
sleep 2
click "$CLIENT2" 625 16
sleep 2

click "$CLIENT" 852 179       # Add product with an empty form: errors by each field
sleep 1
shot "$CLIENT" 04-client-validation.png

# The form's layout moves as errors clear, so go from field to field with Tab.
type_at "$CLIENT" 980 92 "CAD-100"
# (egui moves the focus at the end of a frame: let it, before typing on.)
for text in "Caderno universitario 200 folhas" "24,90" "12"; do
    sleep 0.5
    xdotool key Tab
    sleep 0.5
    xdotool type --delay 25 "$text"
done
sleep 0.5
click "$CLIENT" 852 179       # Add product (no errors left above it)
sleep 2
type_at "$CLIENT" 150 75 "CAD"  # filter the table
sleep 1.5
shot "$CLIENT" 05-client-added.png

type_at "$CLIENT2" 150 75 "CAD"  # the other window got it through a notification
sleep 1.5
shot "$CLIENT2" 06-second-window-live-update.png

shot "$MAIN" 07-server-sessions-log.png
kill "${PIDS[-1]}" 2>/dev/null || true
sleep 1

# ----- run 2: a known state from the command line, 100,000 products -------
"$BIN" --settings "$WORK/settings.json" --serve "127.0.0.1:$((PORT + 1))" --connect "127.0.0.1:$((PORT + 1))" \
    --db :memory: --fill 100000 >"$WORK/app2.log" 2>&1 &
PIDS+=($!)
BIG=$(wait_window 'Client window 1')
sleep 12
click "$BIG" 600 100          # sort by price (click the header)
sleep 2
shot "$BIG" 08-big-table.png

echo "screenshots in $OUT"
