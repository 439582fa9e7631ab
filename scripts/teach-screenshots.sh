#!/usr/bin/env bash
# Screenshots of the teaching pieces: the sequence diagram (client window and
# server panel) and the lesson panel, in English, Portuguese and Spanish. Runs the real
# `lojinha` under Xvfb with a settings file that picks the language and the
# lesson step, presses the step's "Do it" (the real server and client act),
# and saves docs/screenshots/09-... to 15-..., 18- and 19-.
#
# The coordinates of "Do it" are those of each language's lesson text at
# 1500x900; when the words or the layout change, look at each PNG and fix them.
#
# Usage: scripts/teach-screenshots.sh     (installs xvfb, imagemagick, xdotool when missing)
# Env:   CARGO_TARGET_DIR (default: target), PORT (default: 5093), DISPLAY_NUM (default: 98)
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${PORT:-5093}
DISPLAY_NUM=${DISPLAY_NUM:-98}
# shellcheck source=scripts/xvfb-common.sh
source scripts/xvfb-common.sh

# Starts the app in language $1 on lesson step $2 (0-based), port $3; sets MAIN to its main window.
start_app() {
    cat >"$WORK/settings-$1.json" <<JSON
{"listen":"127.0.0.1:$3","connect_addr":"127.0.0.1:$3","db_in_memory":true,"seed_sample":true,
 "language":"$1","lesson_open":true,"lesson":{"current":$2}}
JSON
    "$BIN" --settings "$WORK/settings-$1.json" --serve "127.0.0.1:$3" --connect "127.0.0.1:$3" \
        --db :memory: >"$WORK/app-$1.log" 2>&1 &
    APP_PID=$!
    PIDS+=("$APP_PID")
    MAIN=$(wait_window '^Lojinha$')
    xdotool windowsize "$MAIN" 1500 900
    xdotool windowmove "$MAIN" 0 0
    wait_window 'Client window 1|Janela de cliente 1|Ventana de cliente 1' >/dev/null
    sleep 3
}

# Step 10 (fetch by code): "Do it" sits below the step's text, at x 1150.
# (Spanish only: 18-/19- are the client window and the main window, like 09-/10-.)
# $1 language, $2 y of "Do it", $3 port, $4/$5 file names.
fetch_run() {
    local client
    start_app "$1" 9 "$3"
    click "$MAIN" 1150 "$2"
    sleep 4
    shot "$MAIN" "$5"
    client=$(wait_window 'Client window 1|Janela de cliente 1|Ventana de cliente 1')
    xdotool windowmove "$client" 100 60
    shot "$client" "$4"
    stop_app "$APP_PID"
}

# ONLY_READS=1 takes only 14- and 15-.
if [ -z "${ONLY_READS:-}" ]; then
fetch_run En 412 "$PORT" 09-diagram-en.png 10-lesson-en.png
fetch_run PtBr 452 "$((PORT + 1))" 11-diagram-pt.png 12-lesson-pt.png
fetch_run Es 452 "$((PORT + 4))" 18-diagram-es.png 19-lesson-es.png

# Step 7 (threads) in Portuguese: the demo runs both ways on real threads.
start_app PtBr 6 "$((PORT + 2))"
click "$MAIN" "${THREADS_X:-1150}" "${THREADS_Y:-452}"
sleep 14
shot "$MAIN" 13-threads-pt.png
stop_app "$APP_PID"
fi

# Step 9 (show reads) in English: a new window with "show reads" lists a
# 3000-product catalog; then the raw console sends text that is not JSON.
start_app En 8 "$((PORT + 3))"
click "$MAIN" 1150 458         # Do it
sleep 1
click "$MAIN" 1171 142         # "Before this step: it stops the server": Go ahead
sleep 10
READS=$(wait_window 'Client window 2')
xdotool windowsize "$READS" 960 780
xdotool windowmove "$READS" 150 80
shot "$READS" 14-reads-en.png
xdotool windowfocus "$READS"
click "$READS" 480 519
xdotool type --delay 25 "hello, server?"
sleep 0.5
click "$READS" 925 519
sleep 2
shot "$READS" 15-console-en.png

echo "screenshots in $OUT"
