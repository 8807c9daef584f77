#!/usr/bin/env bash
# Runs the online-store benchmarks and Feast's peer on the same data, one after the other.
#
#   bash tools/bench/online.sh [DATA_DIR] [--realtime]
#
# DATA_DIR (default /tmp/larder-bench-data) is filled by tools/bench/generate_data.py when
# it has no user_stats.parquet. --realtime runs every timed program under `chrt -f 10`
# (SCHED_FIFO, needs root), so that on a busy machine other processes do not preempt the
# measured thread; use it for latency percentiles, and say so when quoting them.
set -euo pipefail
cd "$(dirname "$0")/../.."

data=${1:-/tmp/larder-bench-data}
run=()
if [ "${2:-}" = "--realtime" ]; then run=(chrt -f 10); fi

[ -f "$data/user_stats.parquet" ] || python3 tools/bench/generate_data.py "$data"
swift build -c release --product larder-bench
echo "== larder online-write"
"${run[@]}" .build/release/larder-bench online-write --data "$data" --runs 5
echo "== larder online-read"
"${run[@]}" .build/release/larder-bench online-read --data "$data" --calls 200000 --batch-calls 100000
echo "== feast (sqlite online store)"
"${run[@]}" python3 tools/bench/feast_online_peer.py "$data" --single-calls 20000 --batch-calls 1000 2>&1 \
    | grep -E '^feast (materialize|get_online)'
