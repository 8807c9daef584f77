#!/usr/bin/env bash
# On-demand features' cost, release build: the in-process online read of 1 entity with a
# service of 8 stored + 5 on-demand features against the 8 stored alone, and a training set
# of the entity rows with and without the 5 on-demand features.
#
#   bash tools/bench/transformations.sh [DATA_DIR] [ENTITY_ROWS]
#
# DATA_DIR (default /tmp/larder-bench-transform-data) is filled by tools/bench/generate_data.py with
# ENTITY_ROWS entity rows (default 1000000) when it has no entities_request.parquet yet.
set -euo pipefail
cd "$(dirname "$0")/../.."

data=${1:-/tmp/larder-bench-transform-data}
rows=${2:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -f "$data/entities_request.parquet" ]; then
    python3 tools/bench/generate_data.py "$data" --entity-rows "$rows"
    python3 tools/bench/add_request_columns.py "$data/entities.parquet" "$data/entities_request.parquet"
fi
swift build -c release --product larder --product larder-bench 2>/dev/null \
    || { swift build -c release --product larder && swift build -c release --product larder-bench; }
python3 tools/bench/make_user_stats_repo.py "$work/repo" "$data" --on-demand
.build/release/larder apply --repo "$work/repo" --manifest "$work/repo/manifest.json" >/dev/null
.build/release/larder materialize 2024-01-01 2026-01-01 --repo "$work/repo" >/dev/null
echo "== online-transform"
.build/release/larder-bench online-transform "$work/repo" 100000 100000 2025-01-31T00:00:00Z
echo "== offline-transform"
.build/release/larder-bench offline-transform "$work/repo" "$data/entities_request.parquet" 5
