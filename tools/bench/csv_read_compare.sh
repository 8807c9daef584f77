#!/usr/bin/env bash
# Times Larder's CSV reader and pyarrow.csv.read_csv on the same 1,000,000-row file, in one
# run, alternating the two so both see the same machine load.
# Usage: bash tools/bench/csv_read_compare.sh [DATADIR] [RUNS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
data_dir="${1:-/tmp/larder-format-bench}"
runs="${2:-5}"
rounds="${3:-2}"
if [ ! -f "$data_dir/bench.csv" ]; then
    python3 tools/bench/make_format_bench_data.py "$data_dir"
fi
swift build -c release --product larder-bench >/dev/null
for round in $(seq 1 "$rounds"); do
    echo "== round $round"
    .build/release/larder-bench csv-read "$data_dir/bench.csv" "$runs"
    python3 tools/bench/csv_read_peer.py "$data_dir/bench.csv" "$runs"
    python3 tools/bench/csv_read_peer.py "$data_dir/bench.csv" "$runs" --single-thread
done
