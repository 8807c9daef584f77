#!/usr/bin/env python3
"""Feast's point-in-time join (`get_historical_features`) on its PostgreSQL offline store, for
comparison with Larder's PostgreSQL offline store on the same server.

Usage: python3 tools/bench/pit_join_feast_postgres.py FEATURES ENTITIES OUTPUT \
           --port PORT [--host 127.0.0.1] [--user larder] [--database postgres] [--ttl-days 7]

Needs `pip install "feast[postgres]"` (psycopg). Loads FEATURES (Parquet) into the table
`feast_user_stats` of the server's `public` schema with COPY (not timed; skipped when the
table already holds the same number of rows), builds a throwaway Feast repository whose
offline store is that server and whose one feature view reads the table, applies it, then
times reading ENTITIES, get_historical_features(...).to_df() and writing OUTPUT (Parquet), as
tools/bench/pit_join_feast.py does for the file offline store. Prints one JSON line.
"""

import argparse
import io
import json
import os
import tempfile
import time
import warnings
from datetime import timedelta

import pandas as pd
import psycopg
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

FEATURES = ["avg_amount_7d", "tx_count_7d", "fraud_count_30d", "std_amount_30d",
            "days_since_first_tx", "max_amount_7d", "avg_score", "last_category"]
COLUMNS = ("user_id bigint, event_timestamp timestamptz, created timestamptz, avg_amount_7d double precision, "
           "tx_count_7d bigint, fraud_count_30d bigint, std_amount_30d double precision, "
           "days_since_first_tx integer, max_amount_7d double precision, avg_score real, last_category text")


def load(args):
    """Copies the feature rows into feast_user_stats unless it already holds them."""
    table = pq.read_table(args.features, columns=["user_id", "event_timestamp", "created"] + FEATURES)
    with psycopg.connect(host=args.host, port=args.port, user=args.user, dbname=args.database) as connection:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass('public.feast_user_stats') IS NOT NULL")
            if cursor.fetchone()[0]:
                cursor.execute("SELECT count(*) FROM public.feast_user_stats")
                if cursor.fetchone()[0] == table.num_rows:
                    return
            cursor.execute("DROP TABLE IF EXISTS public.feast_user_stats")
            cursor.execute(f"CREATE TABLE public.feast_user_stats ({COLUMNS})")
            # pyarrow's CSV keeps integers with nulls as integers (pandas would make them floats).
            text = io.BytesIO()
            pacsv.write_csv(table, text, pacsv.WriteOptions(include_header=False))
            with cursor.copy("COPY public.feast_user_stats FROM STDIN (FORMAT csv)") as copy:
                copy.write(text.getvalue())
            cursor.execute("ANALYZE public.feast_user_stats")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("features")
    parser.add_argument("entities")
    parser.add_argument("output")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", default="larder")
    parser.add_argument("--database", default="postgres")
    parser.add_argument("--ttl-days", type=int, default=7)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    load(args)
    from feast import Entity, FeatureStore, FeatureView, Field, ValueType
    from feast.infra.offline_stores.contrib.postgres_offline_store.postgres_source import PostgreSQLSource
    from feast.types import Float32, Float64, Int32, Int64, String

    types = {"avg_amount_7d": Float64, "tx_count_7d": Int64, "fraud_count_30d": Int64,
             "std_amount_30d": Float64, "days_since_first_tx": Int32, "max_amount_7d": Float64,
             "avg_score": Float32, "last_category": String}
    with tempfile.TemporaryDirectory() as repo:
        with open(os.path.join(repo, "feature_store.yaml"), "w") as config:
            config.write(
                "project: larder_bench\nregistry: registry.db\nprovider: local\n"
                f"offline_store:\n  type: postgres\n  host: {args.host}\n  port: {args.port}\n"
                f"  database: {args.database}\n  db_schema: public\n  user: {args.user}\n  password: ''\n  sslmode: disable\n"
                "online_store:\n  type: sqlite\n  path: online.db\nentity_key_serialization_version: 3\n")
        store = FeatureStore(repo_path=repo)
        user = Entity(name="user", join_keys=["user_id"], value_type=ValueType.INT64)
        source = PostgreSQLSource(name="user_stats_source", query="SELECT * FROM public.feast_user_stats",
                                  timestamp_field="event_timestamp", created_timestamp_column="created")
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
    print(json.dumps({"tool": "feast-postgres", "seconds": seconds, "rows": len(result)}))


if __name__ == "__main__":
    main()
