#!/usr/bin/env bash
# Times `larder materialize` end to end, then the in-process online read through the facade, on the benchmark data (1M rows, 100k users):
# the offline store's winner per key plus the LMDB write, into an empty online store.
# Usage: tools/bench/materialize.sh [DATA_DIR]   (release build, hyperfine)
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-$(mktemp -d)}
[ -f "$data/user_stats.parquet" ] || python3 tools/bench/generate_data.py "$data"
swift build -c release --product larder >/dev/null
larder=$(pwd)/.build/release/larder
repo=$(mktemp -d)
python3 tools/bench/make_user_stats_repo.py "$repo" "$data"
"$larder" apply --repo "$repo" --manifest "$repo/manifest.json" >/dev/null
echo "ingest (Parquet, first time):"
/usr/bin/time -f "  %e s wall, %M KiB peak RSS" "$larder" ingest --repo "$repo"
"$larder" materialize 2024-01-01 2026-01-01 --repo "$repo"
hyperfine -N --warmup 1 --runs 7 --export-json "$repo/materialize.json" \
    -n "materialize 1M rows -> 100k keys (empty online store)" --prepare "rm -rf $repo/.larder/online" \
    "$larder materialize 2024-01-01 2026-01-01 --repo $repo"
python3 tools/bench/hyperfine_medians.py "$repo/materialize.json"
echo "in-process FeatureStore.getOnlineFeatures(service:) on the materialized store:"
swift build -c release --product larder-bench >/dev/null
chrt -f 10 "$(pwd)/.build/release/larder-bench" online-facade "$repo" user_model 100000 100000 2025-01-31T00:00:00Z
rm -rf "$repo"
