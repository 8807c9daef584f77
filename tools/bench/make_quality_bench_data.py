"""Writes the data-quality benchmark's files: baseline.parquet and current.parquet, 1,000,000
rows x 8 features each (6 numeric: normal, lognormal `amount`, small integers with ties, uniform,
float32, a float with 5% nulls; 2 categorical: a string of 20 categories and a boolean). In
current.parquet `amount` is shifted (x 1.5); the other columns come from the same distributions.

Usage: python3 tools/bench/make_quality_bench_data.py DIR [ROWS]
"""

import os
import sys

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq


def table(rng, rows, amount_scale):
    with_nulls = rng.normal(50, 10, rows)
    return pa.table({
        "score": rng.normal(0, 1, rows),
        "amount": rng.lognormal(3, 1, rows) * amount_scale,
        "count_7d": rng.poisson(4, rows).astype(np.int64),
        "ratio": rng.random(rows),
        "rate": rng.random(rows).astype(np.float32),
        "balance": pa.array(with_nulls, mask=rng.random(rows) < 0.05),
        "category": pa.array([f"c{i}" for i in rng.integers(0, 20, rows)]),
        "is_new": pa.array(rng.random(rows) < 0.3),
    })


def main():
    directory = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    os.makedirs(directory, exist_ok=True)
    rng = np.random.default_rng(18)
    pq.write_table(table(rng, rows, 1.0), os.path.join(directory, "baseline.parquet"))
    pq.write_table(table(rng, rows, 1.5), os.path.join(directory, "current.parquet"))


if __name__ == "__main__":
    main()
