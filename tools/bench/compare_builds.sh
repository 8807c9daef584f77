#!/usr/bin/env bash
# Compares two release builds of Larder side by side on one materialized store, alternating
# them round by round so both see the same minutes of a shared machine:
# - the in-process facade read (`larder-bench online-facade`, 1 and 100 entities);
# - `larder serve` under `wrk -t2 -c16 -d8s`, beside `larder-bench http-floor`, a server that
#   does no work, as the machine's ceiling.
#
#   bash tools/bench/compare_builds.sh BEFORE_BIN_DIR AFTER_BIN_DIR [DATA_DIR] [ROUNDS]
#
# Each BIN_DIR holds `larder` and `larder-bench` (e.g. a checkout's .build/release). DATA_DIR
# (default /tmp/larder-bench-data) is filled by tools/bench/generate_data.py when empty.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/bench/http_bench_lib.sh
before=$1
after=$2
data=${3:-/tmp/larder-bench-data}
rounds=${4:-3}
port=6570
work=$(mktemp -d /tmp/larder-compare.XXXXXX)
server=""
cleanup() {
    [ -z "$server" ] || kill "$server" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

[ -f "$data/user_stats.parquet" ] || python3 tools/bench/generate_data.py "$data"
prepare_served_repo "$after/larder" "$work/repo" "$data"
write_post_lua "$work/post.lua" user_model

throughput() {  # LABEL COMMAND...
    local label=$1
    shift
    "$@" >/dev/null 2>&1 &
    server=$!
    wait_for_port $port
    printf '%s wrk: ' "$label"
    wrk -t2 -c16 -d8s --latency -s "$work/post.lua" "http://127.0.0.1:$port" | awk '/Requests\/sec/ {printf "%s req/s", $2} / 99%/ {printf ", p99 %s", $2} END {print ""}'
    kill "$server"
    wait "$server" 2>/dev/null || true
    server=""
}

for round in $(seq 1 "$rounds"); do
    echo "== round $round"
    for build in before after; do
        dir=${!build}
        echo "$build facade:"
        "$dir/larder-bench" online-facade "$work/repo" user_model 100000 100000 2025-01-31T00:00:00Z
        throughput "$build" "$dir/larder" serve --repo "$work/repo" --port $port --log-level error
    done
    throughput "floor" "$after/larder-bench" http-floor --port $port
done
