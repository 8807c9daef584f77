#!/usr/bin/env python3
"""Trains the example fraud model on a point-in-time training set written by
`larder get-historical-features --service fraud_detection_v1` (CSV or Parquet), and writes the
model as JSON for examples/score_client.py.

Usage: python3 examples/train_model.py TRAINING_SET MODEL_JSON
"""

import os
import sys
import time

# One BLAS thread: small matrices, and many threads only wait on each other on a busy machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fraud_model import SERVICE_FEATURES, FraudModel, auc, design, precision_recall  # noqa: E402


def load(path):
    frame = pd.read_parquet(path) if path.endswith(".parquet") else pd.read_csv(path)
    missing = [c for c in ["amount", "event_timestamp", "is_fraud", *SERVICE_FEATURES] if c not in frame.columns]
    if missing:
        sys.exit(f"{path}: missing columns {', '.join(missing)} (build it with --service fraud_detection_v1)")
    return frame


def seconds(values):
    """Timestamps (datetime or text, NaT/None where missing) as float seconds since 1970, UTC."""
    times = pd.to_datetime(values, utc=True)
    return (times - pd.Timestamp(0, tz="UTC")).dt.total_seconds().to_numpy(dtype=float)


def columns(frame):
    data = {name: frame[name].astype(float).to_numpy() for name in SERVICE_FEATURES if name != "onboarded_at"}
    data.update(amount=frame["amount"].to_numpy(), time=seconds(frame["event_timestamp"]),
                onboarded_at=seconds(frame["onboarded_at"]))
    return data


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    began = time.perf_counter()
    frame = load(argv[0])
    # Train on the earlier 80% of payments and check on the later 20%, as time would.
    frame = frame.sort_values("event_timestamp", kind="stable").reset_index(drop=True)
    cut = int(len(frame) * 0.8)
    inputs, labels = design(columns(frame)), frame["is_fraud"].to_numpy()
    model = FraudModel.fit(inputs[:cut], labels[:cut])
    probability = model.probability(inputs)
    precision, recall = precision_recall(probability[cut:] >= model.threshold, labels[cut:])
    with_history = frame["amount_mean_30d"].notna().mean()
    print(f"training set: {len(frame):,} payments, {labels.mean():.2%} fraud, "
          f"{with_history:.1%} by card holders who paid in the 30 days before")
    print(f"trained on {cut:,}: AUC {auc(probability[:cut], labels[:cut]):.3f}; "
          f"later {len(frame) - cut:,}: AUC {auc(probability[cut:], labels[cut:]):.3f}, "
          f"precision {precision:.2f}, recall {recall:.2f} at threshold {model.threshold:.3f}")
    model = FraudModel.fit(inputs, labels)
    model.save(argv[1])
    print(f"model trained on all {len(frame):,} rows -> {argv[1]} ({time.perf_counter() - began:.2f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
