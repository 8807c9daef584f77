#!/usr/bin/env python3
"""Checks the files of tools/generate_fraud_data.py: every feature row whose window lies inside
the labelled period equals the statistic recomputed from the labelled transactions strictly
before the row's event time (no leakage, no off-by-one), the fraud pattern holds, and the
same seed writes the same data.

Usage: python3 tools/check_fraud_data.py   (generates small data sets in a temporary directory)
Exits non-zero naming the first mismatch.
"""

import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
DAY = pd.Timedelta(days=1)


def generate(directory, seed):
    subprocess.run([sys.executable, os.path.join(HERE, "generate_fraud_data.py"), "--users", "400", "--merchants", "40",
                    "--days", "30", "--stream", "50", "--seed", str(seed), "--end", "2026-03-01", "--out", directory],
                   check=True, stdout=subprocess.DEVNULL)


def naive(series):
    """UTC timestamps as numpy datetime64[us]."""
    return series.dt.tz_convert(None).to_numpy().astype("datetime64[us]")


def fail(message):
    sys.exit(f"check_fraud_data: {message}")


def expect_close(name, actual, expected, where):
    actual, expected = np.asarray(actual, float), np.asarray(expected, float)
    same = np.isclose(actual, expected, atol=0.011, equal_nan=True)
    if not same.all():
        i = int(np.flatnonzero(~same)[0])
        fail(f"{name} at {where.iloc[i].to_dict()}: file has {actual[i]}, transactions give {expected[i]}")


def check_user_stats(directory):
    tx = pd.read_parquet(os.path.join(directory, "transactions.parquet"))
    stats = pd.read_parquet(os.path.join(directory, "user_stats.parquet"))
    start, end = tx["event_timestamp"].min().floor("D"), stats["event_timestamp"].max()
    if (stats["event_timestamp"] > end).any() or (stats["created"] < stats["event_timestamp"]).any():
        fail("user_stats has rows created before their event time")
    # Rows whose 7-day window lies inside the labelled period.
    rows = stats[stats["event_timestamp"] >= start + 7 * DAY].reset_index(drop=True)
    counts, averages = np.zeros(len(rows)), np.full(len(rows), np.nan)
    tx = tx.sort_values(["user_id", "event_timestamp"], kind="stable").reset_index(drop=True)
    for user, group in tx.groupby("user_id"):
        times = naive(group["event_timestamp"])
        total = np.concatenate([[0.0], np.cumsum(group["amount"].to_numpy())])
        at = np.flatnonzero(rows["user_id"].to_numpy() == user)
        moments = naive(rows["event_timestamp"])[at]
        first = np.searchsorted(times, moments - np.timedelta64(7, "D"), side="left")
        last = np.searchsorted(times, moments, side="left")
        counts[at] = last - first
        with np.errstate(invalid="ignore", divide="ignore"):
            averages[at] = np.where(last > first, (total[last] - total[first]) / (last - first), np.nan)
    expect_close("user_stats.tx_count_7d", rows["tx_count_7d"], counts, rows[["user_id", "event_timestamp"]])
    expect_close("user_stats.avg_amount_7d", rows["avg_amount_7d"], averages, rows[["user_id", "event_timestamp"]])
    # The last row's 30-day window is exactly the labelled period.
    last = stats[stats["event_timestamp"] == end].reset_index(drop=True)
    frauds = tx[tx["is_fraud"] == 1].groupby("user_id").size()
    deviations = tx.groupby("user_id")["amount"].std()
    expect_close("user_stats.fraud_count_30d", last["fraud_count_30d"],
                 frauds.reindex(last["user_id"]).fillna(0).to_numpy(), last[["user_id", "event_timestamp"]])
    expect_close("user_stats.std_amount_30d", last["std_amount_30d"],
                 deviations.reindex(last["user_id"]).to_numpy(), last[["user_id", "event_timestamp"]])
    return tx, start, end


def check_merchant_stats(directory, tx, start, end):
    stats = pd.read_parquet(os.path.join(directory, "merchant_stats.parquet"))
    rows = stats[stats["event_timestamp"] >= start + DAY].reset_index(drop=True)
    day = tx.assign(day=tx["event_timestamp"].dt.floor("D") + DAY).groupby(["merchant_id", "day"]).size()
    expected = day.reindex(list(zip(rows["merchant_id"], rows["event_timestamp"]))).fillna(0).to_numpy()
    expect_close("merchant_stats.tx_count_1d", rows["tx_count_1d"], expected, rows[["merchant_id", "event_timestamp"]])
    last = stats[stats["event_timestamp"] == end].reset_index(drop=True)
    rate = tx.groupby("merchant_id")["is_fraud"].mean()
    expect_close("merchant_stats.fraud_rate_30d", last["fraud_rate_30d"],
                 rate.reindex(last["merchant_id"]).to_numpy(), last[["merchant_id", "event_timestamp"]])


def check_fraud_pattern(tx):
    rate = tx["is_fraud"].mean()
    if not 0.003 <= rate <= 0.05:
        fail(f"fraud rate {rate:.2%} is not a small fraction")
    night = tx["event_timestamp"].dt.hour < 5
    if not tx[night]["is_fraud"].mean() > 2 * tx[~night]["is_fraud"].mean():
        fail("fraud is not more likely at night")
    large = tx["amount"] > tx.groupby("user_id")["amount"].transform("median") * 3
    if not tx[large]["is_fraud"].mean() > 3 * tx[~large]["is_fraud"].mean():
        fail("fraud is not more likely for large amounts")


def main():
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        generate(first, 11)
        generate(second, 11)
        for name in ["user_stats", "merchant_stats", "transactions", "sample_stream"]:
            a, b = (pd.read_parquet(os.path.join(d, name + ".parquet")) for d in (first, second))
            if not a.drop(columns=["created"], errors="ignore").equals(b.drop(columns=["created"], errors="ignore")):
                fail(f"{name}: the same seed wrote different data")
            if len(pd.read_csv(os.path.join(first, name + ".csv"))) != len(a):
                fail(f"{name}: the CSV and Parquet files differ in rows")
        tx, start, end = check_user_stats(first)
        check_merchant_stats(first, tx, start, end)
        check_fraud_pattern(tx)
        stream = pd.read_parquet(os.path.join(first, "sample_stream.parquet"))
        if not (stream["event_timestamp"] >= end).all():
            fail("the sample stream has payments before the last feature row")
    print("fraud data: statistics match the transactions before each event time; pattern and seed hold")


if __name__ == "__main__":
    main()
