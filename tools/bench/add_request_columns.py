"""Adds the request fields of the on-demand benchmark to an entity file.

Usage: python3 tools/bench/add_request_columns.py ENTITIES.parquet OUT.parquet [--seed 17]
Writes OUT.parquet: the entity file's columns, then `amount` (float64, uniform 0..2000, 2%
null) and `timestamp` (the row's event_timestamp), the request fields of the on-demand view
`payment` that tools/bench/make_user_stats_repo.py --on-demand declares.
"""
import argparse

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

parser = argparse.ArgumentParser()
parser.add_argument("entities")
parser.add_argument("out")
parser.add_argument("--seed", type=int, default=17)
args = parser.parse_args()

table = pq.read_table(args.entities)
rng = np.random.default_rng(args.seed)
amount = rng.uniform(0, 2000, table.num_rows)
mask = rng.random(table.num_rows) < 0.02
table = table.append_column("amount", pa.array(amount, mask=mask, type=pa.float64()))
table = table.append_column("timestamp", table.column("event_timestamp"))
pq.write_table(table, args.out, compression="snappy")
print(f"wrote {table.num_rows} rows to {args.out}")
