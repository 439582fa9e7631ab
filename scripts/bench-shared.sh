#!/usr/bin/env bash
# Many servers, one PostgreSQL, beside one SQLite server: the figures of
# docs/benchmarks.md ("Many servers, one PostgreSQL"), measured again.
#
# Starts a throwaway PostgreSQL cluster (initdb/pg_ctl from Debian's
# `postgresql` package, as the `postgres` user when run as root, fsync on),
# four release servers (one on SQLite, one alone on PostgreSQL, two sharing
# one PostgreSQL database), runs `lojinha-bench` against each and prints
# what it measured. Everything it starts is stopped and removed at the end.
#
#   scripts/bench-shared.sh            # all rows
#   ROWS="spread" scripts/bench-shared.sh
#
# Needs: cargo build --release --workspace (or -p lojinha-server), postgresql.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release}
ROWS=${ROWS:-"add get spread"}
[ -x "$BIN/lojinha-server" ] && [ -x "$BIN/lojinha-bench" ] ||
    { echo "build first: cargo build --release --workspace" >&2; exit 1; }
PG=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PG" ] || { echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 1; }

WORK=$(mktemp -d /tmp/lojinha-bench-shared.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$WORK"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    as_pg "$PG/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
as_pg "$PG/initdb" -A trust -U postgres -E UTF8 -D "$WORK/data" >/dev/null
as_pg "$PG/pg_ctl" -D "$WORK/data" -l "$WORK/log" -w \
    -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
for db in alone shared; do
    as_pg "$PG/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE $db"
done
URL="postgres://postgres@127.0.0.1:$PORT"

serve() { # port db
    "$BIN/lojinha-server" --listen "127.0.0.1:$1" --db "$2" >"$WORK/server-$1.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return
        sleep 0.1
    done
    echo "server on $1 did not start:" >&2; cat "$WORK/server-$1.log" >&2; exit 1
}
P=($(free_port) $(free_port) $(free_port) $(free_port))
serve "${P[0]}" "$WORK/sqlite.db"
serve "${P[1]}" "$URL/alone"
serve "${P[2]}" "$URL/shared"
serve "${P[3]}" "$URL/shared"
SQLITE=127.0.0.1:${P[0]}
ALONE=127.0.0.1:${P[1]}
TWO=127.0.0.1:${P[2]},127.0.0.1:${P[3]}

echo "# $(date -u '+%F %T') UTC, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# PostgreSQL $("$PG/postgres" --version | awk '{print $3}') on loopback, fsync on; SQLite --sync normal"
bench() { # title args…
    echo; echo "## $1"; shift
    "$BIN/lojinha-bench" "$@" 2>&1 | grep -vE '^\s*$'
}
for row in $ROWS; do
    case $row in
    add)
        bench "add, 50 clients, one SQLite server" --addr $SQLITE --op add -c 50 -n 50000
        bench "add, 50 clients, one server on PostgreSQL" --addr $ALONE --op add -c 50 -n 50000
        bench "add, 50 clients over two servers on one PostgreSQL" --addr $TWO --op add -c 50 -n 50000
        bench "add, 50 clients, 4 in flight each, over two servers on one PostgreSQL" \
            --addr $TWO --op add -c 50 -P 4 -n 100000 ;;
    get)
        bench "get, 50 clients, one SQLite server" --addr $SQLITE --op get -c 50 -n 100000
        bench "get, 50 clients, one server on PostgreSQL" --addr $ALONE --op get -c 50 -n 100000
        bench "get, 50 clients over two servers on one PostgreSQL" --addr $TWO --op get -c 50 -n 100000 ;;
    spread)
        bench "spread, same SQLite server" --addr $SQLITE,$SQLITE --op spread -n 2000
        bench "spread, same PostgreSQL server" --addr $ALONE,$ALONE --op spread -n 2000
        bench "spread, server A to server B on one PostgreSQL" --addr $TWO --op spread -n 2000 ;;
    *) echo "unknown row $row (add, get, spread)" >&2; exit 2 ;;
    esac
done
