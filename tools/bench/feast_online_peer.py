#!/usr/bin/env python3
"""Feast's side of the online-store benchmark: materialize and online reads with Feast's
Python SDK and its sqlite online store (or its Redis online store with --redis HOST:PORT),
on the data of tools/bench/generate_data.py.

Usage:
    python3 tools/bench/feast_online_peer.py DATA_DIR [--single-calls 20000]
        [--batch-calls 1000] [--batch-size 100] [--users 100000] [--seed 11] [--redis HOST:PORT]

DATA_DIR holds user_stats.parquet. The script builds a Feast repository in a temporary
directory (entity `user` keyed by int64 `user_id`, feature view `user_stats` with the 8
features and a 7-day TTL, a FileSource with `created` as the created timestamp), applies
it, materializes every row (the newest row per user), then times `get_online_features`
for one entity and for BATCH_SIZE entities, all 8 features, random users (5% of them have
no row). It prints one line per figure, in the units named.
"""

import argparse
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone

import numpy as np

FEATURES = [
    ("avg_amount_7d", "Float64"), ("tx_count_7d", "Int64"), ("fraud_count_30d", "Int64"),
    ("std_amount_30d", "Float64"), ("days_since_first_tx", "Int32"), ("max_amount_7d", "Float64"),
    ("avg_score", "Float32"), ("last_category", "String"),
]


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir")
    parser.add_argument("--single-calls", type=int, default=20_000)
    parser.add_argument("--batch-calls", type=int, default=1_000)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--redis", help="use Feast's Redis online store at HOST:PORT instead of sqlite")
    return parser.parse_args(argv)


def build_store(repo, data_path, redis=None):
    from feast import Entity, FeatureStore, FeatureView, Field, FileSource, ValueType
    from feast import types

    with open(f"{repo}/feature_store.yaml", "w") as config:
        config.write(
            "project: online_bench\n"
            f"registry: {repo}/registry.db\n"
            "provider: local\n"
            "online_store:\n"
            + (f"  type: redis\n  connection_string: \"{redis}\"\n" if redis else f"  type: sqlite\n  path: {repo}/online.db\n")
            + "offline_store:\n"
            "  type: file\n"
            "entity_key_serialization_version: 3\n"
        )
    user = Entity(name="user", join_keys=["user_id"], value_type=ValueType.INT64)
    source = FileSource(path=data_path, timestamp_field="event_timestamp", created_timestamp_column="created")
    view = FeatureView(
        name="user_stats", entities=[user], ttl=timedelta(days=7),
        schema=[Field(name=name, dtype=getattr(types, dtype)) for name, dtype in FEATURES],
        source=source, online=True,
    )
    store = FeatureStore(repo_path=repo)
    store.apply([user, view])
    return store


def percentiles(samples):
    ordered = np.sort(np.asarray(samples))
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]
    return pick(0.5), pick(0.99)


def time_reads(store, refs, key_batches):
    samples = []
    for keys in key_batches:
        rows = [{"user_id": int(key)} for key in keys]
        started = time.perf_counter_ns()
        store.get_online_features(features=refs, entity_rows=rows).to_dict()
        samples.append(time.perf_counter_ns() - started)
    return samples


def main(argv):
    args = parse_arguments(argv)
    repo = tempfile.mkdtemp(prefix="feast-online-peer-")
    try:
        store = build_store(repo, f"{args.data_dir}/user_stats.parquet", args.redis)
        started = time.perf_counter()
        store.materialize(
            start_date=datetime(2024, 12, 1, tzinfo=timezone.utc),
            end_date=datetime(2025, 3, 1, tzinfo=timezone.utc),
        )
        print(f"feast materialize 1M rows: {time.perf_counter() - started:.2f} s")

        refs = [f"user_stats:{name}" for name, _ in FEATURES]
        rng = np.random.default_rng(args.seed)
        single = rng.integers(1, args.users + 1, size=(args.single_calls, 1))
        batches = rng.integers(1, args.users + 1, size=(args.batch_calls, args.batch_size))
        time_reads(store, refs, single[:200])  # warm up
        p50, p99 = percentiles(time_reads(store, refs, single))
        print(f"feast get_online_features 1 x 8: p50 {p50 / 1000:.1f} us, p99 {p99 / 1000:.1f} us over {args.single_calls} calls")
        p50, p99 = percentiles(time_reads(store, refs, batches))
        print(f"feast get_online_features {args.batch_size} x 8: p50 {p50 / 1000:.1f} us, p99 {p99 / 1000:.1f} us over {args.batch_calls} calls")
        sample = store.get_online_features(features=refs, entity_rows=[{"user_id": int(single[0][0])}]).to_dict()
        print(f"feast sample row: {sample}")
    finally:
        shutil.rmtree(repo, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
