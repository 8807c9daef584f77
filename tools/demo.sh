#!/usr/bin/env bash
# The end-to-end fraud-detection demo: installs what is missing, builds Larder in release mode,
# generates two months of raw card payments, applies the definitions (statistics declared over
# the payments), ingests and materializes, builds a point-in-time training set (each labelled
# payment's statistics computed from the payments before it), trains a small model on it, serves
# the features and scores a stream of new payments by fetching their features over HTTP, pushes
# new payments the way a payment service would and reads the counts back, then stops the server.
#
# Usage: bash tools/demo.sh [REPO]
#   REPO                 the feature repository to use (default: feature_repo of this checkout;
#                        a directory that does not exist is created with `larder init`)
#   LARDER_DEMO_SIZE     small (CI: seconds) or moderate (default: 5,000 users, 500 merchants)
#   LARDER_BIN           an already built larder to use instead of building the release one
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
repo=${1:-$root/feature_repo}
size=${LARDER_DEMO_SIZE:-moderate}
case "$size" in
    small) data_size=(--users 300 --merchants 40 --stream 100) ;;
    moderate) data_size=(--users 5000 --merchants 500 --stream 1000) ;;
    *) echo "LARDER_DEMO_SIZE must be small or moderate, not '$size'" >&2; exit 2 ;;
esac

step() { printf '\n== %s\n' "$1"; }
seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'; }
timed() { local start=$EPOCHREALTIME; "$@"; echo "   ($(seconds_since "$start") s)"; }

step "Installing system and Python packages if missing"
timed bash tools/install-deps.sh
if [ -n "${LARDER_BIN:-}" ]; then
    larder=$(cd "$(dirname "$LARDER_BIN")" && pwd)/$(basename "$LARDER_BIN")
    step "Using $larder"
else
    step "Building Larder (release)"
    timed swift build -c release --product larder
    larder="$root/.build/release/larder"
fi
[ -x "$larder" ] || { echo "no larder executable at $larder" >&2; exit 1; }

after_build=$EPOCHREALTIME
server_pid=""
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        local status=0
        wait "$server_pid" || status=$?
        [ "$status" -eq 0 ] || echo "   the server exited with status $status (log: $data/server.log)" >&2
    fi
    server_pid=""
}
trap stop_server EXIT

if [ ! -e "$repo" ]; then
    step "Creating the repository $repo"
    timed "$larder" init "$repo"
elif [ -f "$repo/.larder/registry.json" ]; then
    step "Starting from empty stores in $repo"
    timed "$larder" teardown --repo "$repo" --yes
fi
repo=$(cd "$repo" && pwd)
data="$repo/data"

step "Generating $size data: users, merchants, two months of raw payments with fraud, labels"
timed python3 tools/generate_fraud_data.py --out "$data" "${data_size[@]}"

step "Applying the definitions (builds definitions/ and validates them against the files)"
timed "$larder" apply --repo "$repo"

step "Ingesting the sources into the offline store (SQLite)"
timed "$larder" ingest --repo "$repo"

step "Materializing into the online store (LMDB): the payments the windows reach, latest profiles"
timed "$larder" materialize-incremental now --repo "$repo"

step "Building a point-in-time training set: the declared statistics at each labelled payment"
timed "$larder" get-historical-features --repo "$repo" --entities "$data/labels.parquet" \
    --service fraud_detection_v1 --output "$data/training_set.parquet"

step "Training a logistic regression on the training set"
timed python3 examples/train_model.py "$data/training_set.parquet" "$data/model.json"

if grep -qE '^ +serve +' <<<"$("$larder" --help)"; then
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    step "Starting the feature server on 127.0.0.1:$port"
    start=$EPOCHREALTIME
    "$larder" serve --repo "$repo" --host 127.0.0.1 --port "$port" >"$data/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do
        curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
        kill -0 "$server_pid" 2>/dev/null || { cat "$data/server.log" >&2; exit 1; }
        sleep 0.1
    done
    curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "the server did not become healthy" >&2; exit 1; }
    echo "   ready ($(seconds_since "$start") s)"
    step "Scoring the held-out payments, features fetched over HTTP"
    timed python3 examples/score_client.py --url "http://127.0.0.1:$port" --model "$data/model.json" \
        --transactions "$data/sample_stream.parquet"
    step "Pushing new payments (POST /push), then reading the card holders' counts back"
    timed python3 examples/push_stats.py --url "http://127.0.0.1:$port" \
        --transactions "$data/sample_stream.parquet" --limit 100
    step "Stopping the server"
    timed stop_server
else
    step "Scoring the held-out payments, features fetched with larder get-online-features (no server in this build)"
    timed python3 examples/score_client.py --larder "$larder" --repo "$repo" --model "$data/model.json" \
        --transactions "$data/sample_stream.parquet" --limit 200
fi

printf '\nDone: %s s after the build. The repository is %s; the training set and model are in %s.\n' \
    "$(seconds_since "$after_build")" "$repo" "$data"

# Expectations (issue 18): the payments' declared checks (feature_repo/definitions/main.swift) refuse a
# file with a bad row as a whole, and the offline store stays byte for byte as it was.
step "Expectations: a payments file with a negative amount is refused, the offline store untouched"
cp "$data/payments.csv" "$data/payments.csv.good"
python3 - "$data/payments.csv" <<'PY'
import csv, sys
path = sys.argv[1]
with open(path, newline="") as f:
    rows = list(csv.reader(f))
header, bad = rows[0], list(rows[-1])
ids = header.index("transaction_id")
bad[ids] = str(max(int(row[ids]) for row in rows[1:]) + 1)
bad[header.index("amount")] = "-5.00"
with open(path, "a", newline="") as f:
    csv.writer(f, lineterminator="\n").writerow(bad)
print(f"   appended a payment of -5.00 as line {len(rows) + 1} of {path}")
PY
store_digest() {
    local files=("$repo/.larder/offline.db")
    [ ! -f "$repo/.larder/offline.db-wal" ] || files+=("$repo/.larder/offline.db-wal")
    cat "${files[@]}" | sha256sum | cut -c1-16
}
before=$(store_digest)
if "$larder" ingest --repo "$repo" --views user_transactions 2>"$data/refused.txt"; then
    echo "the file with a bad row was accepted" >&2
    exit 1
fi
sed 's/; feature view/;\n      feature view/g; s/^/   /' "$data/refused.txt"
after=$(store_digest)
[ "$before" = "$after" ] || { echo "the offline store changed ($before -> $after)" >&2; exit 1; }
echo "   the offline store is byte-identical (sha256 $after...)"
mv "$data/payments.csv.good" "$data/payments.csv"
step "Checking every expectation on the stored rows (larder validate)"
timed "$larder" validate --repo "$repo"

# --- Data quality (issue 18): the training set kept as a saved dataset, and a drift report on a
# scored stream whose amounts are shifted: it flags `amount` and not the untouched features.
step "Saving a training set as dataset fraud_training (the drift baseline): 70% of the labelled payments"
"$larder" datasets delete fraud_training --repo "$repo" >/dev/null 2>&1 || true
python3 - "$data" <<'PY'
import sys
import numpy as np
import pandas as pd
data = sys.argv[1]
# The ids grow with time, so they differ between any two sets of payments: they are not a feature.
labels = pd.read_parquet(f"{data}/labels.parquet").drop(columns=["transaction_id"])
held_out = np.random.default_rng(18).random(len(labels)) < 0.3
labels[~held_out].to_parquet(f"{data}/training_entities.parquet", index=False)
# The other 30% are the stream to score, with amounts three times larger than they were.
stream = labels[held_out].copy()
stream["amount"] = stream["amount"] * 3
stream.to_parquet(f"{data}/shifted_stream.parquet", index=False)
PY
timed "$larder" get-historical-features --repo "$repo" --entities "$data/training_entities.parquet" \
    --service fraud_detection_v1 --save-as fraud_training
step "Scoring the held-out 30% as a stream, amounts 3 times larger: each payment's features as of its time"
timed "$larder" get-historical-features --repo "$repo" --entities "$data/shifted_stream.parquet" \
    --service fraud_detection_v1 --output "$data/scored_stream.parquet"
step "Drift of the scored stream against the training set (exit status 3: drift)"
drift_status=0
"$larder" drift --repo "$repo" --baseline fraud_training --file "$data/scored_stream.parquet" --push-metrics \
    || drift_status=$?
drifted=$(python3 -c 'import json, sys; print(" ".join(json.load(open(sys.argv[1]))["drifted"]))' \
    "$repo/.larder/quality/drift-latest.json")
if [ "$drift_status" -ne 3 ] || [ "$drifted" != "amount" ]; then
    echo "expected drift in amount alone (exit status 3), got status $drift_status and drifted: '$drifted'" >&2
    exit 1
fi
echo "   drift flagged: $drifted (report in $repo/.larder/quality/drift-latest.json)"
