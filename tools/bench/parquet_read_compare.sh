#!/usr/bin/env bash
# Reads the format benchmark's Parquet file with Larder and with pyarrow, alternating.
# Usage: bash tools/bench/parquet_read_compare.sh DATADIR [RUNS] [ROUNDS]
# DATADIR holds bench.parquet from tools/bench/make_format_bench_data.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:?usage: parquet_read_compare.sh DATADIR [RUNS] [ROUNDS]}
runs=${2:-9}
rounds=${3:-3}
[ -f "$data/bench.parquet" ] || python3 tools/bench/make_format_bench_data.py "$data"
swift build -c release --product larder-bench >/dev/null
for round in $(seq 1 "$rounds"); do
    echo "== round $round (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    .build/release/larder-bench parquet-read "$data/bench.parquet" "$runs"
    python3 tools/bench/parquet_read_peer.py "$data/bench.parquet" "$runs"
    echo "-- Larder with freed memory kept in the heap (as pyarrow's allocator keeps it)"
    MALLOC_MMAP_THRESHOLD_=1073741824 MALLOC_TRIM_THRESHOLD_=4294967295 \
        .build/release/larder-bench parquet-read "$data/bench.parquet" "$runs"
done
