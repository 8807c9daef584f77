#!/usr/bin/env bash
# Aggregated features over HTTP, side by side with stored features, then push throughput.
#
#   bash tools/bench/aggregation_http.sh AGGREGATION_REPO PLAIN_REPO
#
# AGGREGATION_REPO: the repository tools/bench/aggregation_compare.py leaves (view `user_tx`,
# 12 aggregated features, services `user_model` (12) and `user_model_8` (8), push source
# `events_push`), materialized.
# PLAIN_REPO: a repository of stored features, such as tools/bench/make_user_stats_repo.py's
# over tools/bench/generate_data.py's data (service `user_model`, 8 features), materialized.
# For each, one server at a time: sequential keep-alive latency of 1-entity reads
# (`larder-bench http-latency`, client sleeping and polling) and `wrk -t2 -c16 -d10s`. Then
# `larder-bench`-free push throughput: tools/bench/aggregation_push.py posts batches of events
# to /push (online) and reads a pushed user's count back after each batch.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
source tools/bench/http_bench_lib.sh
aggregation_repo=$1
plain_repo=$2
larder=$root/.build/release/larder
bench=$root/.build/release/larder-bench
work=$(mktemp -d /tmp/larder-aggregation-http.XXXXXX)
port=6571
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
measure() {
    "$larder" serve --repo "$2" --port $port --log-level error &
    server_pid=$!
    wait_for_port $port
    write_post_lua "$work/post.lua" "$3"
    echo "== $1: 1 entity, sequential, client sleeping / polling"
    "$bench" http-latency --port $port --service "$3" --entities 1 --requests 20000 --warmup 2000
    "$bench" http-latency --port $port --service "$3" --entities 1 --requests 20000 --warmup 2000 --poll yes
    echo "== $1: wrk -t2 -c16 -d10s"
    wrk -t2 -c16 -d10s --latency -s "$work/post.lua" "http://127.0.0.1:$port" | grep -E 'Requests/sec|99%|Non-2xx|Socket errors'
    kill "$server_pid"
    wait "$server_pid" || true
    server_pid=""
}

for round in 1 2 3; do
    measure "stored features (8), round $round" "$plain_repo" user_model
    measure "aggregated features (8), round $round" "$aggregation_repo" user_model_8
    measure "aggregated features (12), round $round" "$aggregation_repo" user_model
done

"$larder" serve --repo "$aggregation_repo" --port $port --log-level error &
server_pid=$!
wait_for_port $port
echo "== push: batches of events to /push (online), each read back"
python3 tools/bench/aggregation_push.py --url "http://127.0.0.1:$port" --batches 200 --batch-size 1000
