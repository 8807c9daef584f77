#!/usr/bin/env bash
# Feature-server benchmark: `larder serve` and `feast serve` (sqlite online store) on the same
# data, measured by the same clients, one server at a time.
#
#   bash tools/bench/server.sh [DATA_DIR] [--skip-feast]
#
# Figures: sequential keep-alive latency (1 entity and 100 entities x all 8 features, via
# `larder-bench http-latency`, one raw socket; once with the client sleeping in recv as most
# clients do, once polling, which leaves out the client's own wake-up), throughput with `wrk -t2 -c16 -d10s`, and a
# 60-second soak at -c64 while a full materialization runs (Larder only). First, the
# machine's floors: `larder-bench loopback-rtt`, a round trip over loopback TCP with no server,
# and `larder-bench http-floor`, an HTTP server that does no work, under the same clients.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
source tools/bench/http_bench_lib.sh

data=${1:-/tmp/larder-bench-data}
skip_feast=${2:-}
work=$(mktemp -d /tmp/larder-server-bench.XXXXXX)
larder_port=6566
feast_port=6567
floor_port=6568
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

for port in $larder_port $feast_port $floor_port; do
    if curl -s -o /dev/null "http://127.0.0.1:$port/health"; then
        echo "port $port is already in use: stop the server on it first" >&2
        exit 1
    fi
done
[ -f "$data/user_stats.parquet" ] || python3 tools/bench/generate_data.py "$data"
swift build -c release --product larder >/dev/null
swift build -c release --product larder-bench >/dev/null
larder=$root/.build/release/larder
bench=$root/.build/release/larder-bench

# The Larder repository: the 8 features, no TTL (values stay PRESENT), service user_features.
mkdir -p "$work/larder/data"
ln -s "$data/user_stats.parquet" "$work/larder/data/user_stats.parquet"
printf 'project: server_bench\nserver: {max_entity_rows: 1000}\n' > "$work/larder/feature_store.yaml"
python3 - "$work/larder/manifest.json" <<'PY'
import json, sys
features = [("avg_amount_7d", "float64"), ("tx_count_7d", "int64"), ("fraud_count_30d", "int64"),
            ("std_amount_30d", "float64"), ("days_since_first_tx", "int32"), ("max_amount_7d", "float64"),
            ("avg_score", "float32"), ("last_category", "string")]
json.dump({
    "manifest_version": 1,
    "entities": [{"name": "user", "join_keys": [{"name": "user_id", "type": "int64"}]}],
    "sources": [{"kind": "file", "name": "user_stats_source", "path": "data/user_stats.parquet",
                 "timestamp_field": "event_timestamp", "created_timestamp_column": "created"}],
    "feature_views": [{"name": "user_stats", "entities": ["user"], "source": "user_stats_source",
                       "features": [{"name": n, "type": t} for n, t in features]}],
    "feature_services": [{"name": "user_features", "features": [{"feature_view": "user_stats"}]}],
}, open(sys.argv[1], "w"))
PY
"$larder" apply --repo "$work/larder" --manifest "$work/larder/manifest.json" >/dev/null

wait_for() {
    for _ in $(seq 1 300); do
        curl -sf "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "server on port $1 did not come up" >&2
    return 1
}

materialize='{"start_ts": "2024-01-01T00:00:00Z", "end_ts": "2026-01-01T00:00:00Z"}'
write_post_lua "$work/post.lua" user_features

measure() {  # NAME PORT
    echo "== $1: sequential keep-alive, 1 entity x 8 features (client sleeps in recv, then polls)"
    "$bench" http-latency --port "$2" --service user_features --entities 1 --requests 20000 --warmup 2000
    "$bench" http-latency --port "$2" --service user_features --entities 1 --requests 20000 --warmup 2000 --poll yes
    echo "== $1: sequential keep-alive, 100 entities x 8 features (client sleeps in recv, then polls)"
    "$bench" http-latency --port "$2" --service user_features --entities 100 --requests 2000 --warmup 200
    "$bench" http-latency --port "$2" --service user_features --entities 100 --requests 2000 --warmup 200 --poll yes
    echo "== $1: wrk -t2 -c16 -d10s"
    wrk -t2 -c16 -d10s --latency -s "$work/post.lua" "http://127.0.0.1:$2" | grep -E 'Requests/sec|99%|Non-2xx|Socket errors'
}

echo "== loopback floor: an echo thread, 200-byte request, 1,500-byte answer, no HTTP (client sleeps, then polls)"
"$bench" loopback-rtt
"$bench" loopback-rtt --poll yes

echo "== floor: larder-bench http-floor, a server that answers every request with the same 1,036 bytes and no work"
"$bench" http-floor --port $floor_port >/dev/null &
pids+=($!)
wait_for_port $floor_port
"$bench" http-latency --port $floor_port --service none --requests 20000 --warmup 2000
"$bench" http-latency --port $floor_port --service none --requests 20000 --warmup 2000 --poll yes
wrk -t2 -c16 -d10s --latency -s "$work/post.lua" "http://127.0.0.1:$floor_port" | grep -E 'Requests/sec|99%'
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

echo "== larder serve"
"$larder" serve --repo "$work/larder" --port $larder_port --log-level error &
pids+=($!)
wait_for $larder_port
started=$(date +%s.%N)
curl -sf -X POST "http://127.0.0.1:$larder_port/materialize" -d "$materialize" >/dev/null
echo "larder materialize over HTTP: $(echo "$(date +%s.%N) - $started" | bc) s"
measure larder $larder_port

echo "== larder: 60 s soak at wrk -t2 -c64 while a full materialization runs"
(curl -sf -X POST "http://127.0.0.1:$larder_port/materialize" -d "$materialize" >/dev/null; echo "materialization during soak finished") &
soak_materialize=$!
wrk -t2 -c64 -d60s --latency -s "$work/post.lua" "http://127.0.0.1:$larder_port" | grep -E 'Requests/sec|requests in|99%|Non-2xx|Socket errors|timeout'
wait "$soak_materialize" || true
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

if [ "$skip_feast" != "--skip-feast" ]; then
    echo "== feast serve (sqlite online store)"
    python3 tools/bench/feast_server_peer.py "$data" "$work/feast" >/dev/null 2>&1
    (cd "$work/feast" && exec feast serve --port $feast_port --max-requests 0 --no-access-log >/dev/null 2>&1) &
    pids+=($!)
    wait_for $feast_port
    measure feast $feast_port
fi
