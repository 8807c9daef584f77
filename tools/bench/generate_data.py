#!/usr/bin/env python3
"""Writes the offline-store benchmark data set: feature rows and an entity (label) table.

Usage:
    python3 tools/bench/generate_data.py OUTDIR [--users 100000] [--rows 1000000]
        [--entity-rows 100000] [--days 30] [--seed 7] [--ttl-days 7]

The same arguments always produce the same files (fixed seed, no clock).

OUTDIR/user_stats.parquet and OUTDIR/user_stats.csv -- the feature rows, one per event:
    user_id            int64                 the entity key; users 1..USERS, of which about
                                             5% never appear here
    event_timestamp    timestamp[us, UTC]    when the features were observed, uniform over
                                             DAYS days from 2025-01-01T00:00:00Z
    created            timestamp[us, UTC]    when the row was written, >= event_timestamp;
                                             about 2% of rows repeat an earlier row's
                                             (user_id, event_timestamp) exactly and differ
                                             only in `created` (always a different instant)
                                             and in their feature values
    avg_amount_7d      float64
    tx_count_7d        int64
    fraud_count_30d    int64
    std_amount_30d     float64
    days_since_first_tx int32
    max_amount_7d      float64
    avg_score          float32
    last_category      string                one of 12 merchant categories
  Every feature column has about 1% nulls.

OUTDIR/entities.parquet and OUTDIR/entities.csv -- the rows to build a training set for:
    user_id            int64
    event_timestamp    timestamp[us, UTC]    over the same DAYS days and a little past them
                                             (DAYS + 2); some equal a feature row's
                                             event_timestamp exactly, some are exactly TTL
                                             after one (the inclusive TTL boundary)
    label              int64                 0 or 1
  About 16% of entity rows belong to a user who has feature rows but none inside the TTL
  window [event_timestamp - TTL, event_timestamp]; about 3% belong to a user with no
  feature rows at all; the rest have at least one visible feature row.

CSV files carry a header; timestamps are written as ISO 8601 with a `Z` offset and
microseconds, nulls as empty fields.
"""

import argparse
import os
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

EPOCH = np.datetime64("2025-01-01T00:00:00", "us")
MICROS_PER_DAY = 86_400 * 1_000_000
CATEGORIES = np.array(
    ["grocery", "fuel", "travel", "dining", "online", "electronics",
     "pharmacy", "apparel", "utilities", "entertainment", "gaming", "other"]
)
NULL_FRACTION = 0.01
DUPLICATE_FRACTION = 0.02
NO_WINDOW_FRACTION = 0.16
NO_ROWS_FRACTION = 0.03


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir")
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--entity-rows", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--ttl-days", type=int, default=7)
    return parser.parse_args(argv)


def with_nulls(rng, values):
    """An Arrow array of `values` with about NULL_FRACTION of its slots null."""
    mask = rng.random(len(values)) < NULL_FRACTION
    return pa.array(values, mask=mask)


def feature_rows(rng, users, rows, days):
    """The feature table, sorted by nothing in particular (file order is shuffled)."""
    active_users = np.arange(1, users + 1, dtype=np.int64)
    active_users = active_users[rng.random(users) >= 0.05]
    unique_rows = rows - int(rows * DUPLICATE_FRACTION)
    user_id = rng.choice(active_users, size=unique_rows)
    event = rng.integers(0, days * MICROS_PER_DAY, size=unique_rows, dtype=np.int64)
    # Duplicates: same (user_id, event_timestamp) as an earlier row, another `created`.
    source = rng.integers(0, unique_rows, size=rows - unique_rows)
    user_id = np.concatenate([user_id, user_id[source]])
    event = np.concatenate([event, event[source]])
    # Delays are distinct per row index, so duplicates never tie on `created` too.
    delay = rng.integers(0, 3_600_000_000, size=rows, dtype=np.int64) * 16 + np.arange(rows) % 16
    delay[unique_rows:] += 1 + (np.arange(rows - unique_rows) % 7) * 60_000_000
    created = event + delay
    order = rng.permutation(rows)
    user_id, event, created = user_id[order], event[order], created[order]

    def timestamps(micros):
        return pa.array(EPOCH + micros.astype("timedelta64[us]"), type=pa.timestamp("us", tz="UTC"))

    category = pa.DictionaryArray.from_arrays(
        pa.array(rng.integers(0, len(CATEGORIES), size=rows).astype(np.int32),
                 mask=rng.random(rows) < NULL_FRACTION),
        pa.array(CATEGORIES),
    ).cast(pa.string())
    table = pa.table({
        "user_id": pa.array(user_id, type=pa.int64()),
        "event_timestamp": timestamps(event),
        "created": timestamps(created),
        "avg_amount_7d": with_nulls(rng, np.round(rng.gamma(2.0, 40.0, rows), 2)),
        "tx_count_7d": with_nulls(rng, rng.poisson(12, rows).astype(np.int64)),
        "fraud_count_30d": with_nulls(rng, rng.poisson(0.2, rows).astype(np.int64)),
        "std_amount_30d": with_nulls(rng, rng.gamma(2.0, 15.0, rows)),
        "days_since_first_tx": pa.array(rng.integers(0, 2_000, rows).astype(np.int32),
                                        mask=rng.random(rows) < NULL_FRACTION),
        "max_amount_7d": with_nulls(rng, np.round(rng.gamma(3.0, 80.0, rows), 2)),
        "avg_score": pa.array(rng.random(rows).astype(np.float32), mask=rng.random(rows) < NULL_FRACTION),
        "last_category": category,
    })
    return table, user_id, event


def classify(entity_user, entity_event, feature_user, feature_event, ttl_micros):
    """For each candidate entity row: 0 = a feature row inside the TTL window,
    1 = the user has feature rows but none inside the window, 2 = the user has none."""
    features = pd.DataFrame({"user_id": feature_user, "ts": feature_event}).sort_values("ts")
    features["feature_ts"] = features["ts"]
    candidates = pd.DataFrame({"user_id": entity_user, "ts": entity_event, "position": np.arange(len(entity_user))})
    joined = pd.merge_asof(candidates.sort_values("ts"), features, on="ts", by="user_id", direction="backward")
    joined = joined.sort_values("position")
    has_user = np.isin(entity_user, feature_user)
    inside = joined["feature_ts"].notna().to_numpy() & (
        entity_event - joined["feature_ts"].fillna(0).to_numpy().astype(np.int64) <= ttl_micros)
    return np.where(inside, 0, np.where(has_user, 1, 2))


def entity_rows(rng, users, count, days, ttl_days, feature_user, feature_event):
    """The entity table, drawn from candidates so the class proportions are as documented."""
    ttl_micros = ttl_days * MICROS_PER_DAY
    wanted = {1: int(count * NO_WINDOW_FRACTION), 2: int(count * NO_ROWS_FRACTION)}
    wanted[0] = count - wanted[1] - wanted[2]
    pools = {0: [], 1: [], 2: []}
    have = {0: 0, 1: 0, 2: 0}
    while any(have[k] < wanted[k] for k in wanted):
        n = count * 3
        user = rng.integers(1, users + 1, size=n, dtype=np.int64)
        event = rng.integers(0, (days + 2) * MICROS_PER_DAY, size=n, dtype=np.int64)
        # Exact boundaries: some candidates sit on a feature row's event, or exactly TTL after it.
        exact = rng.random(n) < 0.04
        picks = rng.integers(0, len(feature_user), size=n)
        user[exact] = feature_user[picks[exact]]
        shift = np.where(rng.random(n) < 0.5, 0, ttl_micros)
        event[exact] = feature_event[picks[exact]] + shift[exact]
        # Users with rows long before: move some candidates late so their window is empty.
        late = rng.random(n) < 0.15
        event[late] = (days + rng.random(late.sum()) * 2) * MICROS_PER_DAY
        kind = classify(user, event, feature_user, feature_event, ttl_micros)
        for k in pools:
            take = np.flatnonzero(kind == k)[: max(wanted[k] - have[k], 0)]
            pools[k].append((user[take], event[take]))
            have[k] += len(take)
    user = np.concatenate([u for k in pools for u, _ in pools[k]])
    event = np.concatenate([e for k in pools for _, e in pools[k]])
    order = rng.permutation(len(user))
    user, event = user[order], event[order]
    return pa.table({
        "user_id": pa.array(user, type=pa.int64()),
        "event_timestamp": pa.array(EPOCH + event.astype("timedelta64[us]"), type=pa.timestamp("us", tz="UTC")),
        "label": pa.array((rng.random(len(user)) < 0.1).astype(np.int64)),
    })


def write(table, outdir, stem):
    pq.write_table(table, os.path.join(outdir, stem + ".parquet"), compression="snappy")
    pacsv.write_csv(table, os.path.join(outdir, stem + ".csv"))


def main(argv):
    args = parse_arguments(argv)
    os.makedirs(args.outdir, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    features, feature_user, feature_event = feature_rows(rng, args.users, args.rows, args.days)
    write(features, args.outdir, "user_stats")
    entities = entity_rows(rng, args.users, args.entity_rows, args.days, args.ttl_days, feature_user, feature_event)
    write(entities, args.outdir, "entities")
    print(f"wrote {features.num_rows} feature rows and {entities.num_rows} entity rows to {args.outdir}")


if __name__ == "__main__":
    main(sys.argv[1:])
