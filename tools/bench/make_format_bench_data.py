#!/usr/bin/env python3
"""Write the file-format benchmark data set: OUTDIR/bench.parquet and OUTDIR/bench.csv.

Usage: python3 tools/bench/make_format_bench_data.py OUTDIR [--rows 1000000] [--seed 7]

Columns: user_id int64, event_timestamp timestamp[us, UTC], amount float64, score float32,
count int64, category string (20 distinct values). The Parquet file uses pyarrow's defaults
(snappy, dictionary encoding); the CSV has a header row and RFC 3339 UTC timestamps.
"""
import argparse
import os

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq


def build_table(rows: int, seed: int) -> pa.Table:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2025-01-01T00:00:00", "us").astype(np.int64)
    year_us = 365 * 24 * 3600 * 1_000_000
    timestamps = start + rng.integers(0, year_us, size=rows, dtype=np.int64)
    categories = np.array([f"category_{i:02d}" for i in range(20)], dtype=object)
    return pa.table(
        {
            "user_id": pa.array(rng.integers(1, 100_000, size=rows, dtype=np.int64)),
            "event_timestamp": pa.array(timestamps, type=pa.timestamp("us", tz="UTC")),
            "amount": pa.array(np.round(rng.gamma(2.0, 50.0, size=rows), 2)),
            "score": pa.array(rng.random(rows, dtype=np.float32)),
            "count": pa.array(rng.integers(0, 1000, size=rows, dtype=np.int64)),
            "category": pa.array(categories[rng.integers(0, 20, size=rows)], type=pa.string()),
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    table = build_table(args.rows, args.seed)
    pq.write_table(table, os.path.join(args.outdir, "bench.parquet"))
    pacsv.write_csv(table, os.path.join(args.outdir, "bench.csv"))
    print(f"wrote {args.rows} rows to {args.outdir}/bench.parquet and {args.outdir}/bench.csv")


if __name__ == "__main__":
    main()
