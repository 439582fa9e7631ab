#!/usr/bin/env bash
# Lojinha against Redis, side by side on this machine.
#
# Installs redis-server and redis-tools (Debian packages) when missing, builds
# lojinha in release, starts redis-server (no persistence) and lojinha-server
# (a fresh database in a temporary directory) on loopback, then runs
# redis-benchmark and lojinha-bench alternately, at the same concurrency, for
# several rounds, and prints every figure and the ratios of the medians.
#
# Measured:
#   get, CLIENTS clients, no pipelining       vs  redis-benchmark -t get -c CLIENTS
#   get, CLIENTS clients, pipeline 16         vs  redis-benchmark -t get -c CLIENTS -P 16
#   add, CLIENTS clients, durable (sync normal, then sync full on a fresh server)
#   product.list through LIST_PRODUCTS products, pages of 10,000
#
# Settings (environment): ROUNDS=3 CLIENTS=50 REQUESTS=200000 PIPELINED_REQUESTS=1000000
#   ADD_REQUESTS=30000 KEYSPACE=10000 LIST_PRODUCTS=100000 REDIS_PORT=6399
#   LOJINHA_PORT=5059 BENCH_ARGS="" (extra lojinha-bench flags, e.g. "--driver threads")
#   SERVER_BIN=path (a lojinha-server binary to measure instead of the one built here)
set -euo pipefail

ROUNDS=${ROUNDS:-3}
CLIENTS=${CLIENTS:-50}
REQUESTS=${REQUESTS:-200000}
PIPELINED_REQUESTS=${PIPELINED_REQUESTS:-1000000}
ADD_REQUESTS=${ADD_REQUESTS:-30000}
KEYSPACE=${KEYSPACE:-10000}
LIST_PRODUCTS=${LIST_PRODUCTS:-100000}
REDIS_PORT=${REDIS_PORT:-6399}
LOJINHA_PORT=${LOJINHA_PORT:-5059}
BENCH_ARGS=${BENCH_ARGS:-}

root=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target-bench}
bin=$CARGO_TARGET_DIR/release
server_bin=${SERVER_BIN:-$bin/lojinha-server}
work=$(mktemp -d -t lojinha-bench.XXXXXX)
pids=()

cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*" >&2; }

install_redis() {
    command -v redis-server >/dev/null && command -v redis-benchmark >/dev/null && return
    say "installing redis-server and redis-tools"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q redis-server redis-tools
}

# Waits until a command succeeds (up to 10 s).
wait_for() {
    for _ in $(seq 100); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "timed out waiting for: $*" >&2
    return 1
}

start_redis() {
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
        --daemonize no --logfile "$work/redis.log" &
    pids+=($!)
    wait_for redis-cli -p "$REDIS_PORT" ping
    # The same keys redis-benchmark -r asks for (key:000000001234), holding
    # a product-sized value, so GET returns about what product.get returns.
    awk -v n="$KEYSPACE" 'BEGIN {
        for (i = 0; i < n; i++) {
            k = sprintf("key:%012d", i)
            v = sprintf("{\"code\":\"BENCH-%06d\",\"name\":\"Produto de teste do benchmark\",\"price_cents\":12345,\"quantity\":10}", i)
            printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(k), k, length(v), v
        }
    }' | redis-cli -p "$REDIS_PORT" --pipe >/dev/null
}

# start_lojinha NAME [server flags...]: a fresh database each time.
start_lojinha() {
    local name=$1
    shift
    "$server_bin" --listen "127.0.0.1:$LOJINHA_PORT" --db "$work/$name.db" \
        --max-connections $((CLIENTS * 2 + 16)) "$@" >"$work/$name.out" 2>"$work/$name.log" &
    lojinha_pid=$!
    pids+=("$lojinha_pid")
    wait_for grep -q '^listening on' "$work/$name.out"
}

stop_lojinha() {
    kill -INT "$lojinha_pid"
    wait "$lojinha_pid" 2>/dev/null || true
}

# lojinha_bench [flags...]: prints the JSON report.
lojinha_bench() {
    # shellcheck disable=SC2086
    "$bin/lojinha-bench" --addr "127.0.0.1:$LOJINHA_PORT" --clients "$CLIENTS" --json $BENCH_ARGS "$@"
}

json_field() { sed -E "s/.*\"$1\":([0-9.]+).*/\1/"; }

# redis_get PIPELINE REQUESTS: prints "rps p50_us p99_us".
redis_get() {
    redis-benchmark -p "$REDIS_PORT" -t get -c "$CLIENTS" -n "$2" -r "$KEYSPACE" -P "$1" --csv |
        awk -F'"' 'NR == 2 { printf "%.0f %.0f %.0f\n", $4, $10 * 1000, $14 * 1000 }'
}

# lojinha_get PIPELINE REQUESTS: prints "rps p50_us p99_us".
lojinha_get() {
    local report
    report=$(lojinha_bench --op get --no-seed --keyspace "$KEYSPACE" --pipeline "$1" --requests "$2")
    printf '%.0f %s %s\n' "$(json_field requests_per_second <<<"$report")" \
        "$(json_field p50 <<<"$report")" "$(json_field p99 <<<"$report")"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

compare_get() {
    local pipeline=$1 requests=$2 redis_rps=() lojinha_rps=()
    say "get, $CLIENTS clients, pipeline $pipeline, $requests requests, $ROUNDS rounds"
    printf '%-6s %-8s %12s %10s %10s\n' round server "requests/s" "p50 µs" "p99 µs"
    for round in $(seq "$ROUNDS"); do
        read -r rps p50 p99 < <(redis_get "$pipeline" "$requests")
        printf '%-6s %-8s %12s %10s %10s\n' "$round" redis "$rps" "$p50" "$p99"
        redis_rps+=("$rps")
        read -r rps p50 p99 < <(lojinha_get "$pipeline" "$requests")
        printf '%-6s %-8s %12s %10s %10s\n' "$round" lojinha "$rps" "$p50" "$p99"
        lojinha_rps+=("$rps")
    done
    local r l
    r=$(printf '%s\n' "${redis_rps[@]}" | median)
    l=$(printf '%s\n' "${lojinha_rps[@]}" | median)
    summary+=("$(printf 'get -c %s -P %-2s  redis %9.0f/s  lojinha %9.0f/s  ratio %.2f' \
        "$CLIENTS" "$pipeline" "$r" "$l" "$(awk -v a="$l" -v b="$r" 'BEGIN { print a / b }')")")
}

bench_add() {
    local sync=$1 rates=()
    say "add, $CLIENTS clients, durable (--sync $sync), $ADD_REQUESTS requests, $ROUNDS rounds"
    start_lojinha "add-$sync" --sync "$sync"
    for round in $(seq "$ROUNDS"); do
        local report
        report=$(lojinha_bench --op add --requests "$ADD_REQUESTS")
        printf '%-6s adds/s %8.0f  p50 µs %7s  p99 µs %7s\n' "$round" \
            "$(json_field requests_per_second <<<"$report")" "$(json_field p50 <<<"$report")" \
            "$(json_field p99 <<<"$report")"
        rates+=("$(json_field requests_per_second <<<"$report")")
    done
    stop_lojinha
    summary+=("$(printf 'add -c %s --sync %-6s  %9.0f adds/s (median)' "$CLIENTS" "$sync" \
        "$(printf '%s\n' "${rates[@]}" | median)")")
}

bench_list() {
    say "product.list through $LIST_PRODUCTS products (pages of 10,000)"
    start_lojinha list
    "$bin/lojinha-bench" --addr "127.0.0.1:$LOJINHA_PORT" --clients 1 --op list \
        --keyspace "$LIST_PRODUCTS" --requests $((ROUNDS * 3)) --json >"$work/list.json"
    stop_lojinha
    local median_s
    median_s=$(sed -E 's/.*"median_s":([0-9.]+).*/\1/' "$work/list.json")
    printf 'full passes: min %s s, median %s s, max %s s\n' \
        "$(json_field min_s <"$work/list.json")" "$median_s" "$(json_field max_s <"$work/list.json")"
    summary+=("$(printf 'list %s products        %.3f s per full pass (median)' "$LIST_PRODUCTS" "$median_s")")
}

main() {
    install_redis
    say "building lojinha (release)"
    (cd "$root" && cargo build --release -q -p lojinha-server --bins)
    say "server: $server_bin"
    say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(redis-server --version | cut -d' ' -f1-3)"
    summary=()
    start_redis
    start_lojinha get
    lojinha_bench --op get --keyspace "$KEYSPACE" --requests 1 >/dev/null # seeds BENCH-000000..
    compare_get 1 "$REQUESTS"
    compare_get 16 "$PIPELINED_REQUESTS"
    stop_lojinha
    bench_list
    bench_add normal
    bench_add full
    say "summary (medians of $ROUNDS rounds; ratio = lojinha / redis)"
    printf '%s\n' "${summary[@]}"
}

main
