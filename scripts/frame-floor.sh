#!/usr/bin/env bash
# The least a frame of the app's size costs on this machine's renderer:
# runs app/examples/frame_floor.rs (one line of text, the next frame asked
# for at once, 10 s) under Xvfb at 1280x720, with the app's renderer (glow)
# and then with wgpu, and prints what it measured.
set -euo pipefail
cd "$(dirname "$0")/.."
DISPLAY_NUM=${DISPLAY_NUM:-90}
command -v Xvfb >/dev/null || { apt-get update -qq && apt-get install -y -qq xvfb; }
cargo build --release --example frame_floor
Xvfb ":$DISPLAY_NUM" -screen 0 1280x720x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 2
echo "# $(date -u '+%F %T') UTC, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
DISPLAY=":$DISPLAY_NUM" "${CARGO_TARGET_DIR:-target}/release/examples/frame_floor"
DISPLAY=":$DISPLAY_NUM" WGPU=1 "${CARGO_TARGET_DIR:-target}/release/examples/frame_floor"
