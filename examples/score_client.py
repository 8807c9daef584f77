#!/usr/bin/env python3
"""Scores card payments the way a fraud service would: for each payment, fetch the
`fraud_detection_v1` features of its user and merchant from the Larder feature server
(`POST /get-online-features`, the Feast wire format), combine them with the payment itself,
and decide with the model trained by examples/train_model.py.

Usage:
  python3 examples/score_client.py --url http://127.0.0.1:6566 --model model.json \\
      --transactions feature_repo/data/sample_stream.parquet
  # without a server, through the CLI (slower: one process per lookup):
  python3 examples/score_client.py --larder .build/release/larder --repo feature_repo --model model.json \\
      --transactions feature_repo/data/sample_stream.parquet

Prints the flagged payments, precision and recall when the file has `is_fraud`, the status
of every feature looked up, and the latency percentiles of the lookups.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import time

# One BLAS thread: small matrices, and many threads only wait on each other on a busy machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import pandas as pd
import requests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fraud_model import SERVICE_FEATURES, FraudModel, design, precision_recall  # noqa: E402

SERVICE = "fraud_detection_v1"


class FeatureServer:
    """The feature server over HTTP, with one kept-alive connection."""

    def __init__(self, url, timeout=2.0):
        self.url = url.rstrip("/") + "/get-online-features"
        self.session = requests.Session()
        self.timeout = timeout

    def lookup(self, user_id, merchant_id):
        body = {"feature_service": SERVICE, "entities": {"user_id": [user_id], "merchant_id": [merchant_id]}}
        response = self.session.post(self.url, json=body, timeout=self.timeout)
        if response.status_code != 200:
            raise RuntimeError(f"{self.url} answered {response.status_code}: {response.text[:300]}")
        return response.json()


class LarderCommand:
    """The same lookup through `larder get-online-features` (no server needed)."""

    def __init__(self, larder, repo):
        self.command = [larder, "get-online-features", "--repo", repo, "--service", SERVICE]

    def lookup(self, user_id, merchant_id):
        done = subprocess.run(self.command + ["--entity", f"user_id={user_id},merchant_id={merchant_id}"],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"larder get-online-features failed: {done.stderr.strip()}")
        return json.loads(done.stdout)


def first_row(response):
    """{feature name: (value, status)} of the response's first entity row."""
    names = response["metadata"]["feature_names"]
    return {name: (result["values"][0], result["statuses"][0]) for name, result in zip(names, response["results"])}


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(round(fraction * (len(sorted_values) - 1))))]


def main(argv):
    parser = argparse.ArgumentParser(description="Score payments with features from the Larder feature server.")
    parser.add_argument("--url", help="the feature server, e.g. http://127.0.0.1:6566")
    parser.add_argument("--larder", help="a larder executable, to look up through the CLI instead of a server")
    parser.add_argument("--repo", default=".", help="the feature repository (with --larder)")
    parser.add_argument("--model", required=True, help="the model JSON written by examples/train_model.py")
    parser.add_argument("--transactions", required=True, help="payments to score (CSV or Parquet)")
    parser.add_argument("--limit", type=int, help="score only the first N payments")
    parser.add_argument("--show", type=int, default=5, help="how many flagged payments to print (default 5)")
    arguments = parser.parse_args(argv)
    if (arguments.url is None) == (arguments.larder is None):
        parser.error("give exactly one of --url and --larder")

    source = FeatureServer(arguments.url) if arguments.url else LarderCommand(arguments.larder, arguments.repo)
    model = FraudModel.load(arguments.model)
    path = arguments.transactions
    payments = pd.read_parquet(path) if path.endswith(".parquet") else pd.read_csv(path)
    if arguments.limit:
        payments = payments.head(arguments.limit)
    times = (pd.to_datetime(payments["event_timestamp"], utc=True) - pd.Timestamp(0, tz="UTC")).dt.total_seconds()
    times = times.to_numpy(dtype=float)

    latencies, statuses, scores = [], collections.Counter(), []
    for index, payment in enumerate(payments.itertuples(index=False)):
        started = time.perf_counter()
        row = first_row(source.lookup(int(payment.user_id), int(payment.merchant_id)))
        latencies.append(time.perf_counter() - started)
        features = {name: [row[name][0]] for name in SERVICE_FEATURES}
        statuses.update(row[name][1] for name in SERVICE_FEATURES)
        features.update(amount=[payment.amount], time=[times[index]])
        scores.append(float(model.probability(design(features))[0]))

    scores = np.array(scores)
    flagged = scores >= model.threshold
    print(f"scored {len(payments):,} payments: {flagged.sum()} flagged as fraud")
    for payment, score in list(zip(payments[flagged].itertuples(index=False), scores[flagged]))[: arguments.show]:
        print(f"  transaction {payment.transaction_id}: user {payment.user_id}, merchant {payment.merchant_id}, "
              f"{payment.amount:.2f} at {payment.event_timestamp}, score {score:.3f}")
    if "is_fraud" in payments:
        precision, recall = precision_recall(flagged, payments["is_fraud"].to_numpy())
        print(f"against the labels: {int(payments['is_fraud'].sum())} frauds, precision {precision:.2f}, recall {recall:.2f}")
    print("feature statuses: " + ", ".join(f"{status} {count}" for status, count in statuses.most_common()))
    ordered = sorted(latencies)
    figures = ", ".join(f"{label} {percentile(ordered, q) * 1000:.2f} ms"
                        for label, q in [("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0)])
    how = f"HTTP {arguments.url}" if arguments.url else "larder get-online-features"
    print(f"lookup latency over {len(ordered):,} calls ({how}): {figures}")


if __name__ == "__main__":
    main(sys.argv[1:])
