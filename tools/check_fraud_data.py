#!/usr/bin/env python3
"""Checks the files of tools/generate_fraud_data.py: the raw payments are complete and in time
order with a warm-up month before the labelled period, the labels are exactly the payments of
that period, every payment's merchant has a profile from before the payment, the held-out
stream comes after the last payment, the fraud pattern holds (night, large amounts, bursts on
one card), and the same seed writes the same data.

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
FILES = ["payments", "labels", "merchant_profiles", "sample_stream"]
PAYMENT_COLUMNS = ["transaction_id", "user_id", "merchant_id", "amount", "merchant_category", "event_timestamp",
                   "is_fraud"]
END = pd.Timestamp("2026-03-01", tz="UTC")
DAYS = 30


def generate(directory, seed):
    subprocess.run([sys.executable, os.path.join(HERE, "generate_fraud_data.py"), "--users", "400", "--merchants", "40",
                    "--days", str(DAYS), "--stream", "50", "--seed", str(seed), "--end", END.strftime("%Y-%m-%d"),
                    "--out", directory], check=True, stdout=subprocess.DEVNULL)


def fail(message):
    sys.exit(f"check_fraud_data: {message}")


def read(directory, name):
    return pd.read_parquet(os.path.join(directory, name + ".parquet"))


def check_payments(payments):
    """Columns, unique ids, time order, and a warm-up month before the labelled period."""
    if list(payments.columns) != PAYMENT_COLUMNS:
        fail(f"payments has columns {list(payments.columns)}, expected {PAYMENT_COLUMNS}")
    if not payments["transaction_id"].equals(pd.Series(np.arange(1, len(payments) + 1), name="transaction_id")):
        fail("payments' transaction ids are not 1, 2, 3, ... in file order")
    if not payments["event_timestamp"].is_monotonic_increasing:
        fail("payments are not sorted by event_timestamp")
    start = END - pd.Timedelta(days=DAYS)
    first, last = payments["event_timestamp"].min(), payments["event_timestamp"].max()
    if first > start - pd.Timedelta(days=29) or last >= END:
        fail(f"payments span {first} .. {last}: expected a warm-up month before {start} and nothing from {END}")
    if payments[["user_id", "merchant_id", "amount", "event_timestamp", "is_fraud"]].isna().any().any():
        fail("payments have missing values")
    if not payments["is_fraud"].isin([0, 1]).all():
        fail("is_fraud is not 0 or 1")


def check_labels(labels, payments):
    """The labels are the payments of the labelled period, nothing else."""
    start = END - pd.Timedelta(days=DAYS)
    expected = payments[payments["event_timestamp"] >= start].reset_index(drop=True)
    if not labels.equals(expected):
        fail(f"labels are not the {len(expected):,} payments from {start} on (file has {len(labels):,} rows)")
    if labels["event_timestamp"].min() < start or labels["event_timestamp"].max() >= END:
        fail(f"labels fall outside the labelled period {start} .. {END}")


def check_profiles(profiles, payments):
    """One profile per merchant, valid from its onboarding, before every payment it takes."""
    if profiles["merchant_id"].duplicated().any():
        fail("merchant_profiles has more than one row for a merchant")
    if not profiles["event_timestamp"].equals(profiles["onboarded_at"].rename("event_timestamp")):
        fail("merchant_profiles' event_timestamp is not the onboarding time")
    joined = payments.merge(profiles, on="merchant_id", how="left", suffixes=("", "_profile"))
    if joined["onboarded_at"].isna().any():
        fail(f"merchant {joined[joined['onboarded_at'].isna()]['merchant_id'].iloc[0]} has payments but no profile")
    early = joined[joined["onboarded_at"] > joined["event_timestamp"]]
    if len(early):
        fail(f"transaction {early['transaction_id'].iloc[0]} is paid to a merchant before its onboarding")
    if not (joined["category"] == joined["merchant_category"]).all():
        fail("a payment's merchant_category differs from its merchant's profile")


def payments_in_hour_before(payments):
    """For each payment, the card's payments in the hour before it (as Larder's count_1h)."""
    counts = np.zeros(len(payments), dtype=np.int64)
    times = payments["event_timestamp"].dt.tz_convert(None).to_numpy().astype("datetime64[s]").astype(np.int64)
    for _, rows in payments.groupby("user_id").indices.items():
        moments = times[rows]
        counts[rows] = np.searchsorted(moments, moments, side="left") - np.searchsorted(
            moments, moments - 3600, side="left")
    return counts


def check_fraud_pattern(payments, labels):
    rate = labels["is_fraud"].mean()
    if not 0.003 <= rate <= 0.05:
        fail(f"fraud rate {rate:.2%} is not a small fraction")
    night = labels["event_timestamp"].dt.hour < 5
    if not labels[night]["is_fraud"].mean() > 2 * labels[~night]["is_fraud"].mean():
        fail("fraud is not more likely at night")
    large = labels["amount"] > labels.groupby("user_id")["amount"].transform("median") * 3
    if not labels[large]["is_fraud"].mean() > 3 * labels[~large]["is_fraud"].mean():
        fail("fraud is not more likely for large amounts")
    burst = payments_in_hour_before(payments)
    fraud = payments["is_fraud"].to_numpy() == 1
    if not burst[fraud].mean() > 3 * burst[~fraud].mean():
        fail(f"frauds do not come in bursts: {burst[fraud].mean():.2f} payments in the hour before a fraud, "
             f"{burst[~fraud].mean():.2f} before a legitimate payment")


def main():
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        generate(first, 11)
        generate(second, 11)
        for name in FILES:
            a, b = read(first, name), read(second, name)
            if not a.equals(b):
                fail(f"{name}: the same seed wrote different data")
            if len(pd.read_csv(os.path.join(first, name + ".csv"))) != len(a):
                fail(f"{name}: the CSV and Parquet files differ in rows")
        payments, labels = read(first, "payments"), read(first, "labels")
        check_payments(payments)
        check_labels(labels, payments)
        check_profiles(read(first, "merchant_profiles"), payments)
        check_fraud_pattern(payments, labels)
        stream = read(first, "sample_stream")
        if list(stream.columns) != PAYMENT_COLUMNS or not (stream["event_timestamp"] >= END).all():
            fail("the sample stream has other columns or payments before the end of the recorded ones")
        if stream["transaction_id"].min() <= payments["transaction_id"].max():
            fail("the sample stream reuses transaction ids of the recorded payments")
    print(f"fraud data: {len(payments):,} payments in time order, {len(labels):,} labels in the period, "
          "profiles before every payment; pattern and seed hold")


if __name__ == "__main__":
    main()
