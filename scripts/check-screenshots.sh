#!/usr/bin/env bash
# Screenshots of the app's "Check a server" window: the lesson's Python v5
# server passing every check (English), and a server that serves one client
# at a time failing "two-clients" (Portuguese, with its hint and the exchange
# of its two connections in the diagram). Runs the real `lojinha --check`
# under Xvfb and saves docs/screenshots/22-... to 24-... (24: the server panel's report card of a struggling client).
#
# Usage: scripts/check-screenshots.sh     (installs xvfb, imagemagick, xdotool when missing; needs python3)
# Env:   CARGO_TARGET_DIR (default: target), PORT (default: 5095), DISPLAY_NUM (default: 87)
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${PORT:-5095}
DISPLAY_NUM=${DISPLAY_NUM:-87}
# shellcheck source=scripts/xvfb-common.sh
source scripts/xvfb-common.sh

# Starts python3 $1 on port $2 and waits until it listens.
start_python() {
    python3 "$1" "$2" >"$WORK/$(basename "$1").log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 50); do
        grep -q "ouvindo" "$WORK/$(basename "$1").log" && return
        sleep 0.2
    done
    echo "$1 did not start" >&2
    exit 1
}

# Runs the app in language $1 checking 127.0.0.1:$2, waits for the checks, saves $3.
check_shot() {
    echo "{\"language\":\"$1\"}" >"$WORK/settings-$1.json"
    "$BIN" --settings "$WORK/settings-$1.json" --check "127.0.0.1:$2" >"$WORK/app-$1.log" 2>&1 &
    local app=$!
    PIDS+=("$app")
    MAIN=$(wait_window '^Lojinha$')
    xdotool windowsize "$MAIN" 1500 950
    xdotool windowmove "$MAIN" 0 0
    sleep "${CHECK_WAIT:-8}"    # the checks run (a failing one waits its 2 s)
    shot "$MAIN" "$3"
    kill "$app"
}

start_python examples/python/v5/servidor.py "$PORT"
check_shot En "$PORT" 22-check-passed-en.png
start_python examples/python/quebrados/um_cliente_por_vez.py "$((PORT + 1))"
check_shot PtBr "$((PORT + 1))" 23-check-failed-pt.png

# The server panel's sessions list with a struggling client (24-...): the
# app's server, one client that sends a line that is not JSON, an unknown
# method and a good request, and stays connected.
echo '{"language":"En","db_in_memory":true}' >"$WORK/settings-card.json"
"$BIN" --settings "$WORK/settings-card.json" --serve "127.0.0.1:$((PORT + 2))" --db :memory: >"$WORK/app-card.log" 2>&1 &
PIDS+=($!)
MAIN=$(wait_window '^Lojinha$')
xdotool windowsize "$MAIN" 1500 950
xdotool windowmove "$MAIN" 0 0
sleep 3
exec 3<>"/dev/tcp/127.0.0.1/$((PORT + 2))"
printf '%s\n' 'hello server' '{"jsonrpc":"2.0","id":1,"method":"product.fly"}' \
    '{"jsonrpc":"2.0","id":2,"method":"product.list"}' >&3
sleep 2
shot "$MAIN" 24-sessions-report-card-en.png
exec 3>&-
