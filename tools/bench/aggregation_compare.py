"""Aggregated features against DuckDB, side by side: a training set of windowed statistics,
materialization of the events, and exact agreement of every cell.

Usage: python3 tools/bench/aggregation_compare.py --larder .build/release/larder
       [--events 1000000] [--users 100000] [--labels 100000] [--days 90] [--rounds 3] [--work DIR]

Writes DIR/events.parquet (user_id, merchant_id, amount with 2% nulls, is_fraud, event_timestamp
over --days days) and DIR/labels.parquet, a repository DIR/repo with the aggregation view
`user_tx` (count, amount sum, mean and max over 1d, 7d and 30d: 12 features; services
`user_model` with all 12 and `user_model_8` with the first 8) over the push
source `events_push` (whose file is the events), then in
alternating rounds times `larder get-historical-features` (wall and peak RSS from
/usr/bin/time) and DuckDB computing the same values with a range self-join, compares the
results cell by cell (counts, sums of integers and max exactly, float sums and means within
1e-9 relative), and times `larder materialize` of all events. Prints medians.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

WINDOWS = [("1d", 1), ("7d", 7), ("30d", 30)]
FUNCTIONS = ["count", "sum", "mean", "max"]


def feature_names():
    names = []
    for function in FUNCTIONS:
        for window, _ in WINDOWS:
            names.append(f"count_{window}" if function == "count" else f"amount_{function}_{window}")
    return names


def generate(directory, events, users, labels, days):
    rng = np.random.default_rng(16)
    # The period ends today, so materialized events are inside the online windows.
    end = np.datetime64(np.datetime64("now", "D"), "us")
    span = np.int64(days * 86_400 * 1_000_000)
    times = end - span + rng.integers(0, span, events)
    times.sort()
    amount = np.round(rng.lognormal(3.5, 0.8, events), 2)
    mask = rng.random(events) < 0.02
    pq.write_table(pa.table({
        "user_id": pa.array(rng.integers(1, users + 1, events), pa.int64()),
        "merchant_id": pa.array(rng.integers(1, 5_001, events), pa.int64()),
        "amount": pa.array(amount, pa.float64(), mask=mask),
        "is_fraud": pa.array(rng.random(events) < 0.01),
        "event_timestamp": pa.array(times, pa.timestamp("us", tz="UTC")),
    }), os.path.join(directory, "events.parquet"))
    label_times = end - span // 3 * 2 + rng.integers(0, span // 3 * 2, labels)
    pq.write_table(pa.table({
        "user_id": pa.array(rng.integers(1, users + 1, labels), pa.int64()),
        "event_timestamp": pa.array(label_times, pa.timestamp("us", tz="UTC")),
        "label": pa.array(rng.random(labels) < 0.05),
    }), os.path.join(directory, "labels.parquet"))


def make_repo(directory, data):
    repo = os.path.join(directory, "repo")
    os.makedirs(repo, exist_ok=True)
    with open(os.path.join(repo, "feature_store.yaml"), "w") as f:
        f.write("project: aggregation_bench\n")
    aggregations = []
    for function in FUNCTIONS:
        for window, _ in WINDOWS:
            entry = {"function": function, "window": window}
            if function != "count":
                entry["column"] = "amount"
            aggregations.append(entry)
    manifest = {
        "manifest_version": 2,
        "entities": [{"name": "user", "join_keys": [{"name": "user_id", "type": "int64"}]}],
        "sources": [{"kind": "push", "name": "events_push",
                     "batch_source": {"name": "events", "path": os.path.join(data, "events.parquet"),
                                      "timestamp_field": "event_timestamp"}}],
        "feature_views": [{"name": "user_tx", "entities": ["user"], "source": "events_push",
                           "aggregations": aggregations}],
        "feature_services": [
            {"name": "user_model", "features": [{"feature_view": "user_tx"}]},
            # As many features as the stored-feature benchmark's service, for comparing reads.
            {"name": "user_model_8", "features": [{"feature_view": "user_tx", "features": feature_names()[:8]}]},
        ],
    }
    with open(os.path.join(repo, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    return repo


def timed(command):
    """Runs a command under /usr/bin/time; returns (seconds, peak RSS in MiB)."""
    began = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True)
    elapsed = time.perf_counter() - began
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed, int(result.stderr.strip().splitlines()[-1]) / 1024


DUCKDB_SCRIPT = r"""
import sys, time, duckdb, resource
events, labels, output = sys.argv[1:4]
began = time.perf_counter()
con = duckdb.connect()
selects = []
for function in ["count", "sum", "mean", "max"]:
    for window, days in [("1d", 1), ("7d", 7), ("30d", 30)]:
        inside = f"e.event_timestamp >= l.event_timestamp - INTERVAL {days} DAY"
        if function == "count":
            selects.append(f"count(e.event_timestamp) FILTER (WHERE {inside}) AS count_{window}")
        elif function == "sum":
            selects.append(f"coalesce(sum(e.amount) FILTER (WHERE {inside}), 0) AS amount_sum_{window}")
        elif function == "mean":
            selects.append(f"avg(e.amount) FILTER (WHERE {inside}) AS amount_mean_{window}")
        else:
            selects.append(f"max(e.amount) FILTER (WHERE {inside}) AS amount_max_{window}")
con.execute(f'''
COPY (
  WITH l AS (SELECT row_number() OVER () AS row_id, * FROM read_parquet('{labels}'))
  SELECT any_value(l.user_id) AS user_id, any_value(l.event_timestamp) AS event_timestamp, any_value(l.label) AS label,
         {", ".join(selects)}
  FROM l LEFT JOIN read_parquet('{events}') e
    ON e.user_id = l.user_id AND e.event_timestamp < l.event_timestamp
   AND e.event_timestamp >= l.event_timestamp - INTERVAL 30 DAY
  GROUP BY l.row_id ORDER BY l.row_id
) TO '{output}' (FORMAT parquet)''')
print(time.perf_counter() - began)
"""


def compare(larder_path, duckdb_path):
    ours = pq.read_table(larder_path).to_pandas()
    theirs = pq.read_table(duckdb_path).to_pandas()
    if len(ours) != len(theirs):
        sys.exit(f"row counts differ: {len(ours)} vs {len(theirs)}")
    mismatches = 0
    for name in feature_names():
        a, b = ours[name].to_numpy(dtype=float), theirs[name].to_numpy(dtype=float)
        both_null = np.isnan(a) & np.isnan(b)
        exact = name.startswith("count") or "_max_" in name
        close = (a == b) if exact else np.isclose(a, b, rtol=1e-9, atol=0)
        bad = ~(close | both_null)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            print(f"  {name}: {int(bad.sum())} cells differ, first at row {i}: larder {a[i]}, duckdb {b[i]}")
        mismatches += int(bad.sum())
    return mismatches, len(ours) * len(feature_names())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--larder", required=True)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--labels", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work")
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="larder-aggregation-bench-")
    os.makedirs(work, exist_ok=True)
    generate(work, args.events, args.users, args.labels, args.days)
    repo = make_repo(work, work)
    larder = os.path.abspath(args.larder)
    subprocess.run([larder, "apply", "--repo", repo, "--manifest", os.path.join(repo, "manifest.json")],
                   check=True, capture_output=True)
    subprocess.run([larder, "ingest", "--repo", repo], check=True, capture_output=True)
    ours, theirs = [], []
    script = os.path.join(work, "duckdb_windows.py")
    with open(script, "w") as f:
        f.write(DUCKDB_SCRIPT)
    for _ in range(args.rounds):
        ours.append(timed([larder, "get-historical-features", "--repo", repo, "--entities",
                           os.path.join(work, "labels.parquet"), "--service", "user_model",
                           "--output", os.path.join(work, "larder.parquet")]))
        theirs.append(timed([sys.executable, script, os.path.join(work, "events.parquet"),
                             os.path.join(work, "labels.parquet"), os.path.join(work, "duckdb.parquet")]))
    mismatches, cells = compare(os.path.join(work, "larder.parquet"), os.path.join(work, "duckdb.parquet"))
    materialize = [timed([larder, "materialize", "--repo", repo, "2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z"])
                   for _ in range(args.rounds)]

    def summary(samples):
        return (f"{statistics.median(s for s, _ in samples):.3f} s, "
                f"{statistics.median(m for _, m in samples):.0f} MiB peak RSS "
                f"(runs: {', '.join(f'{s:.3f}' for s, _ in samples)})")
    print(f"{args.events:,} events, {args.users:,} users, {args.days} days; {args.labels:,} label rows; "
          f"{len(feature_names())} aggregated features")
    print(f"training set, larder get-historical-features: {summary(ours)}")
    print(f"training set, DuckDB range self-join:        {summary(theirs)}")
    print(f"cells compared: {cells:,}; mismatching: {mismatches}")
    print(f"larder materialize of every event:           {summary(materialize)}")
    print(f"repository: {repo} (service user_model, users 1..{args.users})")
    if mismatches:
        sys.exit(1)


if __name__ == "__main__":
    main()
