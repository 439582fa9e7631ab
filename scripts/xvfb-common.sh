# Shared by the screenshot scripts (sourced, not run): installs the X tools
# when missing, builds the real `lojinha`, starts Xvfb on $DISPLAY_NUM and
# defines the helpers that find, click and capture windows.
#
# Expects: set -euo pipefail, the current directory at the repository root,
# and DISPLAY_NUM set. Sets: ROOT, OUT, TARGET, BIN, WORK, PIDS, DISPLAY.

ROOT=$(pwd)
OUT="$ROOT/docs/screenshots"
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}

missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v import >/dev/null || missing+=(imagemagick)
command -v xdotool >/dev/null || missing+=(xdotool)
if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}"
fi

CARGO_TARGET_DIR="$TARGET" cargo build -p lojinha
BIN="$TARGET/debug/lojinha"
mkdir -p "$OUT"
WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
# eframe keeps window sizes in the user's data directory, shared by every run:
# give these runs their own, so each starts at the app's default size.
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"

# 1920x1200: room for the 1920x1080 presentation screenshot.
Xvfb ":$DISPLAY_NUM" -screen 0 "${SCREEN:-1920x1200x24}" >"$WORK/xvfb.log" 2>&1 &
PIDS+=($!)
export DISPLAY=":$DISPLAY_NUM"
sleep 2

# Waits for a window whose title matches $1 (up to WINDOW_WAIT seconds,
# 60 by default: a debug build starting on a busy machine can be slow);
# prints its id.
wait_window() {
    for _ in $(seq 1 $((${WINDOW_WAIT:-60} * 5))); do
        if id=$(xdotool search --name "$1" 2>/dev/null | head -1) && [ -n "$id" ]; then
            echo "$id"
            return
        fi
        sleep 0.2
    done
    echo "no window named $1" >&2
    exit 1
}

# Raises window $1, lets it repaint, saves it as $2 (the pointer is parked
# off the windows first, so no row shows a hover highlight).
shot() {
    xdotool mousemove 1915 1195
    xdotool windowraise "$1"
    sleep 1.5
    import -window "$1" "$OUT/$2"
    echo "saved docs/screenshots/$2"
}

# Clicks at x y inside window $1 (raised first: windows overlap, there is no window manager).
click() {
    xdotool windowraise "$1"
    sleep 0.3
    # Move, pause and nudge before pressing: a window the pointer just entered
    # ignores a press that arrives with the very first motion event.
    xdotool mousemove --window "$1" "$2" "$3"
    sleep 0.3
    xdotool mousemove --window "$1" "$(($2 + 1))" "$3"
    sleep 0.3
    xdotool click 1
    sleep 0.4
}

# Ends the app with pid $1 and waits until it is gone, so its windows no
# longer match the next run's wait_window.
stop_app() {
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
    sleep 1
}

# Clicks a text field at x y inside window $1, selects what it holds and types $4.
type_at() {
    xdotool windowfocus "$1"
    click "$1" "$2" "$3"
    xdotool key ctrl+a
    xdotool type --delay 25 "$4"
}

# Fills the focused form field with $1, then each next one (Tab) with the
# rest. (egui moves the focus at the end of a frame: let it, before typing on.)
type_fields() {
    xdotool type --delay 25 "$1"
    shift
    for text in "$@"; do
        sleep 0.5
        xdotool key Tab
        sleep 0.5
        xdotool type --delay 25 "$text"
    done
    sleep 0.5
}
