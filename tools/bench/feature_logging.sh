#!/usr/bin/env bash
# Throughput cost of served-feature logging: one release build of `larder serve` on one
# materialized store, with `feature_logging:` off and with the service logged at sample rate
# 1.0, alternating round by round so both see the same minutes of a shared machine, under
# `wrk -t2 -c16 -d8s` (one entity x 8 features per request, as tools/bench/server.sh).
# After each logged round the server's /metrics give the rows written and dropped, then a
# SIGTERM flushes the rest.
#
#   bash tools/bench/feature_logging.sh [DATA_DIR] [ROUNDS] [SAMPLE_RATE]
#
# DATA_DIR (default /tmp/larder-bench-data) is filled by tools/bench/generate_data.py when empty.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/bench/http_bench_lib.sh
data=${1:-/tmp/larder-bench-data}
rounds=${2:-5}
rate=${3:-1.0}
port=6571
work=$(mktemp -d /tmp/larder-logging-bench.XXXXXX)
server=""
cleanup() {
    [ -z "$server" ] || kill "$server" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

[ -f "$data/user_stats.parquet" ] || python3 tools/bench/generate_data.py "$data"
swift build -c release --product larder >/dev/null
larder=$(pwd)/.build/release/larder
prepare_served_repo "$larder" "$work/repo" "$data"
write_post_lua "$work/post.lua" user_model
plain='project: user_stats_bench\n'
logged="project: user_stats_bench\nfeature_logging:\n  services:\n    user_model: {sample_rate: $rate}\n"

run() {  # LABEL YAML
    printf "$2" > "$work/repo/feature_store.yaml"
    "$larder" serve --repo "$work/repo" --port $port --log-level error >/dev/null 2>&1 &
    server=$!
    wait_for_port $port
    local rate
    rate=$(wrk -t2 -c16 -d8s -s "$work/post.lua" "http://127.0.0.1:$port" | awk '/Requests\/sec/ {print $2}')
    echo "$1 $rate" >> "$work/rates"
    printf '%s: %s req/s' "$1" "$rate"
    if [ "$1" = logged ]; then
        curl -s "http://127.0.0.1:$port/metrics" | awk '/^larder_feature_log_rows_total/ {printf ", %s %s", $1, $2}'
    fi
    echo
    kill "$server"
    wait "$server" 2>/dev/null || true
    server=""
}

for round in $(seq 1 "$rounds"); do
    echo "== round $round"
    run plain "$plain"
    run logged "$logged"
done
echo "== medians over $rounds rounds"
for label in plain logged; do
    printf '%s: ' "$label"
    awk -v l="$label" '$1 == l {print $2}' "$work/rates" | sort -n | awk '{v[NR] = $1} END {m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.0f req/s\n", m}'
done
