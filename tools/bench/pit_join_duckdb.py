#!/usr/bin/env python3
"""DuckDB's point-in-time join of the offline benchmark data, for comparison with Larder.

Usage: python3 tools/bench/pit_join_duckdb.py FEATURES ENTITIES OUTPUT [--ttl-days 7] [--threads N]

An ASOF LEFT JOIN of the entity rows against user_stats on user_id with
feature.event_timestamp <= entity.event_timestamp, after keeping, for each exact
(user_id, event_timestamp), only the row with the latest `created` (a plain ASOF join picks
an arbitrary row among equal timestamps). A match older than the TTL becomes nulls. Output
keeps the entity rows in file order. Prints one JSON line: the join's wall time (reading,
joining and writing) and rows.
"""

import argparse
import json
import time

import duckdb

FEATURES = ["avg_amount_7d", "tx_count_7d", "fraud_count_30d", "std_amount_30d",
            "days_since_first_tx", "max_amount_7d", "avg_score", "last_category"]


def reader(path):
    if path.endswith(".csv"):
        return f"read_csv('{path}', header = true)"
    return f"read_parquet('{path}', file_row_number = true)"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("features")
    parser.add_argument("entities")
    parser.add_argument("output")
    parser.add_argument("--ttl-days", type=int, default=7)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    connection = duckdb.connect()
    if args.threads:
        connection.execute(f"SET threads = {args.threads}")
    visible = f"f.event_timestamp >= e.event_timestamp - INTERVAL {args.ttl_days} DAY"
    selected = ", ".join(f"CASE WHEN {visible} THEN f.{name} END AS {name}" for name in FEATURES)
    entity_columns = "e.user_id, e.event_timestamp, e.label"
    output_format = "csv, header true" if args.output.endswith(".csv") else "parquet"
    query = f"""
        COPY (
            WITH e AS (SELECT * FROM {reader(args.entities)}),
            f AS (
                SELECT * FROM read_parquet('{args.features}')
                QUALIFY row_number() OVER (PARTITION BY user_id, event_timestamp ORDER BY created DESC) = 1
            )
            SELECT {entity_columns}, {selected}
            FROM e ASOF LEFT JOIN f ON e.user_id = f.user_id AND e.event_timestamp >= f.event_timestamp
            ORDER BY e.file_row_number
        ) TO '{args.output}' (FORMAT {output_format})
    """
    start = time.perf_counter()
    connection.execute(query)
    seconds = time.perf_counter() - start
    rows = connection.execute(f"SELECT count(*) FROM read_parquet('{args.output}')").fetchone()[0] \
        if not args.output.endswith(".csv") else None
    print(json.dumps({"tool": "duckdb", "seconds": seconds, "rows": rows}))


if __name__ == "__main__":
    main()
