#!/usr/bin/env python3
"""Feast's point-in-time join (`get_historical_features`, `file` offline store) of the offline
benchmark data, for comparison with Larder.

Usage: python3 tools/bench/pit_join_feast.py FEATURES ENTITIES OUTPUT [--ttl-days 7]

Builds a throwaway Feast repository in a temporary directory with one entity (user_id) and
one feature view over FEATURES (event_timestamp, created), applies it, then times
get_historical_features(...).to_df() and writing OUTPUT (Parquet). Prints one JSON line with
the join's wall time and the rows Feast returned (Feast drops some entity rows).
"""

import argparse
import json
import os
import tempfile
import time
import warnings
from datetime import timedelta

import pandas as pd

FEATURES = ["avg_amount_7d", "tx_count_7d", "fraud_count_30d", "std_amount_30d",
            "days_since_first_tx", "max_amount_7d", "avg_score", "last_category"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("features")
    parser.add_argument("entities")
    parser.add_argument("output")
    parser.add_argument("--ttl-days", type=int, default=7)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    from feast import Entity, FeatureStore, FeatureView, Field, FileSource, ValueType
    from feast.types import Float32, Float64, Int32, Int64, String

    types = {"avg_amount_7d": Float64, "tx_count_7d": Int64, "fraud_count_30d": Int64,
             "std_amount_30d": Float64, "days_since_first_tx": Int32, "max_amount_7d": Float64,
             "avg_score": Float32, "last_category": String}
    with tempfile.TemporaryDirectory() as repo:
        with open(os.path.join(repo, "feature_store.yaml"), "w") as config:
            config.write(
                "project: larder_bench\nregistry: registry.db\nprovider: local\n"
                "offline_store:\n  type: file\nonline_store:\n  type: sqlite\n  path: online.db\n"
                "entity_key_serialization_version: 3\n")
        store = FeatureStore(repo_path=repo)
        user = Entity(name="user", join_keys=["user_id"], value_type=ValueType.INT64)
        source = FileSource(path=os.path.abspath(args.features), timestamp_field="event_timestamp",
                            created_timestamp_column="created")
        view = FeatureView(name="user_stats", entities=[user], ttl=timedelta(days=args.ttl_days),
                           schema=[Field(name=name, dtype=types[name]) for name in FEATURES], source=source)
        store.apply([user, view])
        start = time.perf_counter()
        entity_df = pd.read_parquet(args.entities) if args.entities.endswith(".parquet") else pd.read_csv(
            args.entities, parse_dates=["event_timestamp"])
        result = store.get_historical_features(
            entity_df=entity_df, features=[f"user_stats:{name}" for name in FEATURES]).to_df()
        result.to_parquet(args.output)
        seconds = time.perf_counter() - start
    print(json.dumps({"tool": "feast", "seconds": seconds, "rows": len(result)}))


if __name__ == "__main__":
    main()
