#!/usr/bin/env bash
# Builds the real `lojinha` binary, runs it under Xvfb, drives it with xdotool
# through start server -> new client window -> connect -> add a product (seen
# live in a second window) -> two windows edit the same product, and saves
# screenshots in docs/screenshots/. More runs show 100,000 rows, the
# students' addresses (allow other computers) and presentation mode (F5) at
# 130% zoom, 1280x720 and 1920x1080, and a diagram saved as PNG and a class
# recording opened again.
#
# Usage: scripts/screenshots.sh            (needs root or the tools installed)
# Env:   CARGO_TARGET_DIR (default: target), PORT (default: 5077), DISPLAY_NUM (default: 99)
#
# The coordinates are those of the English UI at zoom 100% (130% for the
# presentation run); when the layout changes, look at each PNG and fix them.
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${PORT:-5077}
DISPLAY_NUM=${DISPLAY_NUM:-99}
# shellcheck source=scripts/xvfb-common.sh
source scripts/xvfb-common.sh

# ONLY_PRESENTATION=1 takes only 16- and 17-; ONLY_SAVE=1 only 25- and 26-.
if [ -z "${ONLY_PRESENTATION:-}" ]; then
if [ -z "${ONLY_SAVE:-}" ]; then
# ----- run 1: start the server, open client windows, connect, add, edit ----
cat >"$WORK/settings.json" <<JSON
{"listen":"127.0.0.1:$PORT","connect_addr":"127.0.0.1:$PORT","db_in_memory":true,"seed_sample":true,"language":"En"}
JSON
"$BIN" --settings "$WORK/settings.json" >"$WORK/app1.log" 2>&1 &
PIDS+=($!)
MAIN=$(wait_window '^Lojinha$')
xdotool windowsize "$MAIN" 1280 720
xdotool windowmove "$MAIN" 0 0
sleep 3
shot "$MAIN" 01-server-stopped.png

click "$MAIN" 50 402          # Start server
sleep 2
shot "$MAIN" 02-server-running.png

click "$MAIN" 150 12          # New client window
CLIENT=$(wait_window 'Client window 1')
xdotool windowsize "$CLIENT" 960 780
xdotool windowmove "$CLIENT" 420 200
sleep 2
click "$CLIENT" 756 16        # Connect to this app's server
sleep 3
shot "$CLIENT" 03-client-connected.png

click "$MAIN" 150 12          # a second client window, connected too
CLIENT2=$(wait_window 'Client window 2')
xdotool windowsize "$CLIENT2" 960 780
xdotool windowmove "$CLIENT2" 300 120
sleep 2
click "$CLIENT2" 756 16
sleep 2

click "$CLIENT" 632 211       # Add product with an empty form: errors by each field
sleep 1
shot "$CLIENT" 04-client-validation.png

# The form's layout moves as errors clear, so go from field to field with Tab.
type_at "$CLIENT" 760 115 ""
type_fields "CAD-100" "Caderno universitario 200 folhas" "24,90" "12"
click "$CLIENT" 632 211       # Add product (no errors left above it)
sleep 2
type_at "$CLIENT" 150 98 "CAD"  # filter the table
sleep 1.5
shot "$CLIENT" 05-client-added.png

type_at "$CLIENT2" 150 98 "CAD"  # the other window got it through a notification
sleep 1.5
shot "$CLIENT2" 06-second-window-live-update.png

shot "$MAIN" 07-server-sessions-log.png

# Both windows open CAD-100 (third row; a row's empty part takes the click,
# its text does not). Window 1 starts changing the price; window 2 saves a new
# quantity first, so window 1's form is older: the notice shows both versions.
# (Twice each: the first click after typing in the filter may only take the focus.)
for win in "$CLIENT" "$CLIENT" "$CLIENT2" "$CLIENT2"; do
    click "$win" 370 196
done
type_at "$CLIENT" 760 163 "21,50"
type_at "$CLIENT2" 760 187 "8"
sleep 0.5
click "$CLIENT2" 636 211      # Save changes
sleep 2
xdotool windowmove "$CLIENT" 100 60
shot "$CLIENT" 20-changed-elsewhere.png
stop_app "${PIDS[-1]}"

# ----- run 2: a known state from the command line, 100,000 products -------
"$BIN" --settings "$WORK/settings.json" --serve "127.0.0.1:$((PORT + 1))" --connect "127.0.0.1:$((PORT + 1))" \
    --db :memory: --fill 100000 >"$WORK/app2.log" 2>&1 &
PIDS+=($!)
BIG=$(wait_window 'Client window 1')
sleep 12
xdotool windowsize "$BIG" 960 780
xdotool windowmove "$BIG" 100 60
click "$BIG" 368 123          # sort by price (click the header)
sleep 2
shot "$BIG" 08-big-table.png
stop_app "${PIDS[-1]}"

# ----- run 3: "Allow other computers": the addresses students type --------
cat >"$WORK/settings-remote.json" <<JSON
{"listen":"127.0.0.1:$((PORT + 2))","allow_remote":true,"db_in_memory":true,"seed_sample":true,"language":"En"}
JSON
"$BIN" --settings "$WORK/settings-remote.json" >"$WORK/app3.log" 2>&1 &
PIDS+=($!)
MAIN=$(wait_window '^Lojinha$')
xdotool windowsize "$MAIN" 1280 720
xdotool windowmove "$MAIN" 0 0
sleep 3
click "$MAIN" 50 "${START_REMOTE_Y:-435}"   # Start server
sleep 2
shot "$MAIN" 21-students-addresses.png
stop_app "${PIDS[-1]}"

fi # ONLY_SAVE

# ----- run 5: take the picture home; replay a class recording --------------
# A connected window makes a mistake on purpose (the raw console's invalid
# JSON) and fetches a product; "Save…" writes the diagram as PNG (the app's
# own picture, 25-) and the session as a recording, which a second start
# opens read-only with no server (26-).
cat >"$WORK/settings-save.json" <<JSON
{"listen":"127.0.0.1:$((PORT + 4))","connect_addr":"127.0.0.1:$((PORT + 4))","db_in_memory":true,"seed_sample":true,"language":"En"}
JSON
"$BIN" --settings "$WORK/settings-save.json" --serve "127.0.0.1:$((PORT + 4))" --connect "127.0.0.1:$((PORT + 4))" \
    --db :memory: >"$WORK/app5.log" 2>&1 &
PIDS+=($!)
CLIENT=$(wait_window 'Client window 1')
sleep 4
xdotool windowsize "$CLIENT" 1200 900
xdotool windowmove "$CLIENT" 0 0
sleep 1
type_at "$CLIENT" 985 262 "CAN-001"   # Fetch by code
click "$CLIENT" 1087 262
click "$CLIENT" 326 616       # the raw console's "invalid JSON" example
click "$CLIENT" 1153 639      # Send raw: a -32700 comes back
click "$CLIENT" 828 736       # Save…
save_as() {                   # $1: the format's row in the menu; $2: the file
    click "$CLIENT" 915 776   # Format
    click "$CLIENT" 915 "$1"
    type_at "$CLIENT" 900 799 "$2"
    sleep 0.5
    click "$CLIENT" 1055 799  # Save N steps
    sleep 2
}
save_as 657 "$WORK/aula.png"          # Diagram as PNG
save_as 749 "$WORK/aula.lojinha"      # Recording (.lojinha)
[ -n "${DEBUG_SHOTS:-}" ] && shot "$CLIENT" debug-save.png
cp "$WORK/aula.png" "$OUT/25-exported-diagram.png"
echo "saved docs/screenshots/25-exported-diagram.png (the app's own PNG export)"
stop_app "${PIDS[-1]}"

"$BIN" --settings "$WORK/settings-save.json" --open "$WORK/aula.lojinha" >"$WORK/app6.log" 2>&1 &
PIDS+=($!)
MAIN=$(wait_window '^Lojinha$')
xdotool windowsize "$MAIN" 1280 800
xdotool windowmove "$MAIN" 0 0
sleep 3
shot "$MAIN" 26-recording-window.png
stop_app "${PIDS[-1]}"

fi

if [ -n "${ONLY_SAVE:-}" ]; then echo "screenshots in $OUT"; exit 0; fi

# ----- run 4: presentation (F5) at 130%, three client windows, traffic -----
cat >"$WORK/settings-zoom.json" <<JSON
{"listen":"127.0.0.1:$((PORT + 3))","connect_addr":"127.0.0.1:$((PORT + 3))","db_in_memory":true,
 "seed_sample":true,"language":"En","zoom":1.3}
JSON
"$BIN" --settings "$WORK/settings-zoom.json" --serve "127.0.0.1:$((PORT + 3))" --connect "127.0.0.1:$((PORT + 3))" \
    --db :memory: >"$WORK/app4.log" 2>&1 &
PIDS+=($!)
MAIN=$(wait_window '^Lojinha$')
CLIENT=$(wait_window 'Client window 1')
xdotool windowsize "$CLIENT" 960 1014
xdotool windowsize "$MAIN" 1280 720
xdotool windowmove "$MAIN" 0 0
sleep 3
for n in 2 3; do
    click "$MAIN" 195 16      # New client window (at 130%)
    win=$(wait_window "Client window $n")
    xdotool windowsize "$win" 960 1014
    xdotool windowmove "$win" $((300 + n * 100)) $((100 + n * 40))
    sleep 2
    click "$win" 188 50       # Connect to this app's server
    sleep 2
done
xdotool windowmove "$CLIENT" 0 60
click "$CLIENT" 700 150       # (twice: the first click may only raise the window)
type_at "$CLIENT" 700 150 ""
type_fields "CAD-100" "Caderno universitario 200 folhas" "24,90" "12"
click "$CLIENT" 535 274       # Add product: a request, its answer, two notifications
sleep 2
[ -n "${DEBUG_SHOTS:-}" ] && shot "$CLIENT" debug-client.png
xdotool windowraise "$MAIN"
xdotool windowfocus "$MAIN"
sleep 0.5
xdotool key F5
sleep 2
shot "$MAIN" 16-presentation-1280x720-130.png
xdotool windowsize "$MAIN" 1920 1080
sleep 1
# A resized window repaints on its next input: pass the pointer over it.
xdotool mousemove --window "$MAIN" 900 300
sleep 0.5
xdotool mousemove --window "$MAIN" 910 310
sleep 2
shot "$MAIN" 17-presentation-1920x1080.png

echo "screenshots in $OUT"
