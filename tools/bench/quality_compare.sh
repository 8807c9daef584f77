#!/usr/bin/env bash
# The data-quality figures: profile of 1M rows x 8 features and drift of 1M rows against 1M,
# Larder (release) and pandas/scipy alternating in the same run.
# Usage: bash tools/bench/quality_compare.sh DATADIR [RUNS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:?usage: quality_compare.sh DATADIR [RUNS] [ROUNDS]}
runs=${2:-5}
rounds=${3:-2}
[ -f "$data/current.parquet" ] || python3 tools/bench/make_quality_bench_data.py "$data"
swift build -c release --product larder-bench >/dev/null
for round in $(seq 1 "$rounds"); do
    echo "== round $round (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    .build/release/larder-bench profile "$data/baseline.parquet" "$runs"
    python3 tools/bench/quality_peer.py profile "$data/baseline.parquet" "$runs"
    .build/release/larder-bench drift "$data/baseline.parquet" "$data/current.parquet" "$runs"
    python3 tools/bench/quality_peer.py drift "$data/baseline.parquet" "$data/current.parquet" "$runs"
done
