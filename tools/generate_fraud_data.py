#!/usr/bin/env python3
"""Writes the fraud-detection example data: raw card payments with a realistic fraud pattern,
the labelled payments a model trains on, merchant profiles, and held-out payments to score.

Files (each as CSV and Parquet, in --out, default feature_repo/data/):
  payments            every payment of the warm-up month and the labelled period, in time order:
                      the raw events the definitions aggregate (transaction_id, user_id,
                      merchant_id, amount, merchant_category, event_timestamp, is_fraud)
  labels              the payments of the last --days days, same columns: the entity table of
                      a training set (each row's features are computed at its event_timestamp,
                      from the payments strictly before it)
  merchant_profiles   one row per merchant: category and onboarded_at; the row's event time is
                      the onboarding, so a point-in-time join finds no profile before it
  sample_stream       held-out payments after the last recorded one, to score online

Fraud is rare (about 1-2%) and more likely for new merchants, large amounts, night hours and
bursts of payments on one card. No statistic is precomputed: the definitions declare them
(feature_repo/definitions/main.swift), and Larder computes them point-in-time correct.

The period ends at --end (default: today's midnight UTC), so the online windows hold recent
payments when the data is used the same day. The same seed, sizes and end write the same files.

Usage: python3 tools/generate_fraud_data.py [--users N] [--merchants N] [--days N]
       [--stream N] [--seed N] [--end YYYY-MM-DD] [--out DIR] [--formats csv,parquet]
"""

import argparse
import datetime as dt
import os
import sys
import time

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

DAY = 86_400
CATEGORIES = ["grocery", "restaurants", "fuel", "travel", "electronics", "online", "fashion", "pharmacy"]
CATEGORY_AMOUNT = np.array([0.8, 0.7, 1.0, 3.0, 2.5, 1.2, 1.5, 0.6])
RISKY_CATEGORIES = np.array([CATEGORIES.index(c) for c in ("electronics", "online", "travel")])
# Relative chance of a legitimate payment in each hour of the day (UTC): quiet at night.
HOUR_WEIGHTS = np.array([1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 4, 4, 5, 6, 5, 5, 5, 5, 6, 7, 7, 6, 4, 3, 2], float)


def shown_path(path):
    """The path relative to the working directory when it lies below it, else absolute."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=5000, help="number of card holders (default 5000)")
    parser.add_argument("--merchants", type=int, default=500, help="number of merchants (default 500)")
    parser.add_argument("--days", type=int, default=30, help="days of labelled transactions (default 30)")
    parser.add_argument("--stream", type=int, default=1000, help="held-out transactions to score (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--end", help="end of the period, a date (default: today, UTC)")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "feature_repo", "data"),
                        help="output directory (default feature_repo/data)")
    parser.add_argument("--formats", default="csv,parquet", help="csv, parquet or both (default csv,parquet)")
    arguments = parser.parse_args(argv)
    if arguments.users < 2 or arguments.merchants < 2 or arguments.days < 2 or arguments.stream < 1:
        parser.error("--users and --merchants need at least 2, --days at least 2, --stream at least 1")
    formats = {f.strip() for f in arguments.formats.split(",") if f.strip()}
    if not formats or formats - {"csv", "parquet"}:
        parser.error(f"--formats takes csv and/or parquet, not '{arguments.formats}'")
    arguments.formats = formats
    if arguments.end is None:
        arguments.end = dt.datetime.now(dt.timezone.utc).date()
    else:
        try:
            arguments.end = dt.date.fromisoformat(arguments.end)
        except ValueError:
            parser.error(f"--end '{arguments.end}' is not a date such as 2026-02-01")
    return arguments


class Population:
    """Users and merchants with the traits that drive their payments."""

    def __init__(self, rng, users, merchants, first_second, end_second):
        self.user_ids = np.arange(1001, 1001 + users, dtype=np.int64)
        self.typical_amount = rng.lognormal(np.log(35), 0.6, users)
        self.daily_rate = rng.gamma(2.0, 0.35, users)
        # Most cards are years old; some appear during the simulated period.
        age_days = np.where(rng.random(users) < 0.1, -rng.uniform(0, (end_second - first_second) / DAY, users),
                            rng.uniform(0, 1500, users))
        self.first_seen = (first_second - age_days * DAY).astype(np.int64)

        self.merchant_ids = np.arange(1, 1 + merchants, dtype=np.int64)
        self.category = rng.integers(0, len(CATEGORIES), merchants)
        onboarded_age = np.where(rng.random(merchants) < 0.12, -rng.uniform(0, (end_second - first_second) / DAY, merchants),
                                 rng.uniform(30, 2000, merchants))
        self.onboarded = (first_second - onboarded_age * DAY).astype(np.int64)
        popularity = rng.pareto(1.2, merchants) + 0.05
        self.popularity = popularity / popularity.sum()


def legitimate_transactions(rng, people, start, end):
    """Everyday payments between start and end (epoch seconds)."""
    active_from = np.maximum(people.first_seen, start)
    active_days = np.clip((end - active_from) / DAY, 0, None)
    counts = rng.poisson(people.daily_rate * active_days)
    user_index = np.repeat(np.arange(len(people.user_ids)), counts)
    n = len(user_index)
    day_offset = rng.uniform(0, 1, n) * active_days[user_index]
    hours = rng.choice(24, n, p=HOUR_WEIGHTS / HOUR_WEIGHTS.sum())
    day_start = active_from[user_index] + (np.floor(day_offset) * DAY).astype(np.int64)
    seconds = day_start - day_start % DAY + hours * 3600 + rng.integers(0, 3600, n)
    seconds = np.clip(seconds, np.maximum(active_from[user_index], start), end - 1)
    merchant_index = rng.choice(len(people.merchant_ids), n, p=people.popularity)
    # A shop cannot be paid before it opens: move those payments to an established shop.
    established = np.flatnonzero(people.onboarded < start)
    closed = people.onboarded[merchant_index] > seconds
    merchant_index[closed] = rng.choice(established, closed.sum())
    amount = people.typical_amount[user_index] * CATEGORY_AMOUNT[people.category[merchant_index]] * rng.lognormal(0, 0.45, n)
    # A little fraud hides among ordinary-looking payments: likelier at night, at new shops, for big sums.
    merchant_age_days = (seconds - people.onboarded[merchant_index]) / DAY
    night = (seconds % DAY) // 3600 < 5
    ratio = amount / people.typical_amount[user_index]
    logit = -6.3 + 1.4 * night + 1.6 * (merchant_age_days < 14) + 0.9 * np.log1p(ratio)
    fraud = rng.random(n) < 1 / (1 + np.exp(-logit))
    return user_index, merchant_index, seconds, amount, fraud


def fraud_bursts(rng, people, start, end):
    """Stolen cards: a burst of large payments within a couple of hours, often at night and at
    new or high-risk shops."""
    users = len(people.user_ids)
    eligible = np.flatnonzero(people.first_seen < end - DAY)
    incidents = max(1, rng.poisson(users * 0.02 * (end - start) / (30 * DAY)))
    victims = rng.choice(eligible, incidents)
    begin = np.maximum(people.first_seen[victims], start) + rng.uniform(0, 1, incidents) * (end - np.maximum(people.first_seen[victims], start) - 3 * 3600)
    begin = begin.astype(np.int64)
    at_night = rng.random(incidents) < 0.65
    night_start = begin - begin % DAY + rng.integers(0, 5 * 3600, incidents)
    begin = np.where(at_night & (night_start >= start), night_start, begin)
    sizes = rng.integers(2, 9, incidents)
    user_index = np.repeat(victims, sizes)
    n = len(user_index)
    seconds = np.repeat(begin, sizes) + rng.integers(0, 2 * 3600, n)
    seconds = np.clip(seconds, start, end - 1)
    new_shops = np.flatnonzero((people.onboarded > start - 14 * DAY) & (people.onboarded < end))
    risky_shops = np.flatnonzero(np.isin(people.category, RISKY_CATEGORIES) & (people.onboarded < start))
    pick_new = (rng.random(n) < 0.5) & (len(new_shops) > 0)
    merchant_index = np.where(pick_new, rng.choice(new_shops if len(new_shops) else risky_shops, n),
                              rng.choice(risky_shops if len(risky_shops) else np.arange(len(people.merchant_ids)), n))
    closed = people.onboarded[merchant_index] > seconds
    merchant_index[closed] = rng.choice(risky_shops if len(risky_shops) else np.arange(len(people.merchant_ids)), closed.sum())
    amount = people.typical_amount[user_index] * rng.lognormal(1.8, 0.5, n)
    return user_index, merchant_index, seconds, amount, np.ones(n, bool)


def simulate(rng, people, start, end):
    """All payments between start and end, sorted by time."""
    parts = [legitimate_transactions(rng, people, start, end), fraud_bursts(rng, people, start, end)]
    user_index, merchant_index, seconds, amount, fraud = (np.concatenate(column) for column in zip(*parts))
    order = np.argsort(seconds, kind="stable")
    return pd.DataFrame({
        "user_index": user_index[order], "merchant_index": merchant_index[order], "seconds": seconds[order],
        "amount": np.round(amount[order], 2), "is_fraud": fraud[order].astype(np.int64),
    })


def merchant_profiles(people, end):
    """One row per merchant open by the end: its category and when it started taking payments
    (the row's event time, so a point-in-time join finds no profile before the opening)."""
    rows = np.flatnonzero(people.onboarded < end)
    onboarded = people.onboarded[rows]
    return pd.DataFrame({
        "merchant_id": people.merchant_ids[rows],
        "event_timestamp": onboarded,
        "category": np.array(CATEGORIES)[people.category[rows]],
        "onboarded_at": onboarded,
    })


def transactions(people, frame, first_id):
    """The public form of simulated payments: ids instead of indices, UTC timestamps."""
    return pd.DataFrame({
        "transaction_id": np.arange(first_id, first_id + len(frame), dtype=np.int64),
        "user_id": people.user_ids[frame["user_index"].to_numpy()],
        "merchant_id": people.merchant_ids[frame["merchant_index"].to_numpy()],
        "amount": frame["amount"].to_numpy(),
        "merchant_category": np.array(CATEGORIES)[people.category[frame["merchant_index"].to_numpy()]],
        "event_timestamp": frame["seconds"].to_numpy(),
        "is_fraud": frame["is_fraud"].to_numpy(),
    })


def to_utc(frame, columns):
    frame = frame.copy()
    for column in columns:
        frame[column] = pd.to_datetime(frame[column], unit="s", utc=True).astype("datetime64[us, UTC]")
    return frame


def write(frame, directory, name, formats, timestamp_columns):
    frame = to_utc(frame, timestamp_columns)
    paths = []
    if "parquet" in formats:
        path = os.path.join(directory, name + ".parquet")
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
        paths.append(path)
    if "csv" in formats:
        path = os.path.join(directory, name + ".csv")
        text = frame.copy()
        for column in timestamp_columns:
            text[column] = np.char.add(np.datetime_as_string(text[column].dt.tz_localize(None).to_numpy(), unit="s"), "Z")
        table = pa.Table.from_pandas(text, preserve_index=False)
        pa_csv.write_csv(table, path, pa_csv.WriteOptions(quoting_style="needed"))
        paths.append(path)
    return paths


def main(argv):
    arguments = parse_arguments(argv)
    began = time.perf_counter()
    rng = np.random.default_rng(arguments.seed)
    end = int(dt.datetime.combine(arguments.end, dt.time(), dt.timezone.utc).timestamp())
    warmup = 30  # a month of history before the labelled period fills the 30-day windows
    start = end - arguments.days * DAY
    first_day = start - warmup * DAY
    people = Population(rng, arguments.users, arguments.merchants, first_day, end)
    history = simulate(rng, people, first_day, end)
    # The stream: the next hours' payments, after the last recorded one.
    upcoming = simulate(rng, people, end, end + DAY)
    stream = upcoming.iloc[np.sort(rng.choice(len(upcoming), min(arguments.stream, len(upcoming)), replace=False))]

    os.makedirs(arguments.out, exist_ok=True)
    payments = transactions(people, history, 1)
    tables = [
        ("payments", payments, ["event_timestamp"]),
        ("labels", payments[payments["event_timestamp"] >= start].reset_index(drop=True), ["event_timestamp"]),
        ("merchant_profiles", merchant_profiles(people, end), ["event_timestamp", "onboarded_at"]),
        ("sample_stream", transactions(people, stream, 1 + len(history)), ["event_timestamp"]),
    ]
    for name, frame, timestamps in tables:
        paths = write(frame, arguments.out, name, arguments.formats, timestamps)
        extra = f", {frame['is_fraud'].mean():.2%} fraud" if "is_fraud" in frame else ""
        print(f"{name}: {len(frame):,} rows{extra} -> {', '.join(shown_path(p) for p in paths)}")
    period = f"{dt.datetime.fromtimestamp(start, dt.timezone.utc):%Y-%m-%d} .. {arguments.end}"
    print(f"{arguments.users:,} users, {arguments.merchants:,} merchants, labelled period {period}, "
          f"seed {arguments.seed}, {time.perf_counter() - began:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
