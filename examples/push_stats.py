#!/usr/bin/env python3
"""Pushes card payments to the Larder feature server as they happen, the way a payment service
would: each payment is sent with `POST /push` to the `payments_push` source (the Feast wire
format) with the current time as its event time, and the declared statistics count it at once:
the next lookup of the card holder already includes it in `count_1h` and `count_1d`, with no
job in between. The label is not known yet when a payment happens, so `is_fraud` is pushed
as null (aggregations skip nulls).

Then reads every card holder back with `POST /get-online-features` and checks the counts:
a holder with no payment in the hour before the pushes has exactly the pushed payments in
`count_1h`; every holder has at least those, and no more than before plus those.

Usage:
  python3 examples/push_stats.py --url http://127.0.0.1:6566 \\
      --transactions feature_repo/data/sample_stream.parquet --limit 100

Prints the push latency percentiles and the counts before and after; exits non-zero when a
count read back does not include the pushed payments.
"""

import argparse
import collections
import datetime as dt
import sys
import time

import pandas as pd
import requests

PUSH_SOURCE = "payments_push"
VIEW = "user_transactions"
FEATURES = ["count_1h", "count_1d"]


class FeatureServer:
    """The two calls a payment service makes, over one kept-alive connection."""

    def __init__(self, url, timeout=2.0):
        self.url = url.rstrip("/")
        self.session = requests.Session()
        self.timeout = timeout

    def post(self, path, body):
        response = self.session.post(self.url + path, json=body, timeout=self.timeout)
        if response.status_code != 200:
            raise RuntimeError(f"{self.url}{path} answered {response.status_code}: {response.text[:300]}")
        return response.json()

    def user_counts(self, user_ids):
        """{user_id: {feature: value}} as the server computes them now."""
        body = {"features": [f"{VIEW}:{name}" for name in FEATURES], "entities": {"user_id": list(user_ids)}}
        response = self.post("/get-online-features", body)
        columns = dict(zip(response["metadata"]["feature_names"], response["results"]))
        return {user_id: {name: columns[name]["values"][row] for name in FEATURES}
                for row, user_id in enumerate(columns["user_id"]["values"])}

    def push(self, payment, event_timestamp):
        df = {
            "transaction_id": [int(payment.transaction_id)], "user_id": [int(payment.user_id)],
            "merchant_id": [int(payment.merchant_id)], "amount": [float(payment.amount)],
            "merchant_category": [payment.merchant_category], "is_fraud": [None],
            "event_timestamp": [event_timestamp],
        }
        self.post("/push", {"push_source_name": PUSH_SOURCE, "df": df, "to": "online_and_offline"})


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(round(fraction * (len(sorted_values) - 1))))]


def main(argv):
    parser = argparse.ArgumentParser(description="Push payments to the Larder feature server and read the counts.")
    parser.add_argument("--url", required=True, help="the feature server, e.g. http://127.0.0.1:6566")
    parser.add_argument("--transactions", required=True, help="payments, in time order (CSV or Parquet)")
    parser.add_argument("--limit", type=int, default=100, help="push the first N payments (default 100)")
    arguments = parser.parse_args(argv)

    server = FeatureServer(arguments.url)
    path = arguments.transactions
    payments = pd.read_parquet(path) if path.endswith(".parquet") else pd.read_csv(path)
    payments = payments.sort_values("event_timestamp", kind="stable").head(arguments.limit)

    users = sorted({int(user_id) for user_id in payments["user_id"]})
    before = server.user_counts(users)
    pushed, latencies = collections.Counter(), []
    for payment in payments.itertuples(index=False):
        now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        started = time.perf_counter()
        server.push(payment, now)
        latencies.append(time.perf_counter() - started)
        pushed[int(payment.user_id)] += 1
    after = server.user_counts(users)

    ordered = sorted(latencies)
    figures = ", ".join(f"{label} {percentile(ordered, q) * 1000:.2f} ms"
                        for label, q in [("p50", 0.5), ("p99", 0.99), ("max", 1.0)])
    print(f"pushed {len(ordered):,} payments of {len(users):,} card holders to {PUSH_SOURCE} "
          f"(online and offline): {figures}")
    for user_id in sorted(users, key=lambda u: -pushed[u])[:3]:
        print(f"  user {user_id}: {pushed[user_id]} pushed; count_1h {before[user_id]['count_1h']} -> "
              f"{after[user_id]['count_1h']}, count_1d {before[user_id]['count_1d']} -> {after[user_id]['count_1d']}")

    mismatches, exact = [], 0
    for user_id in users:
        old, new, count = before[user_id]["count_1h"], after[user_id]["count_1h"], pushed[user_id]
        # Between the reads, older payments may leave the hour; the pushed ones are all inside it.
        if old == 0:
            exact += 1
            if new != count:
                mismatches.append(f"user {user_id}: count_1h {new} after pushing {count} into an empty hour")
        elif not count <= new <= old + count:
            mismatches.append(f"user {user_id}: count_1h {old} -> {new} after pushing {count}")
    if mismatches:
        print("the counts read back miss pushed payments:\n  " + "\n  ".join(mismatches[:10]), file=sys.stderr)
        sys.exit(1)
    print(f"read back {len(users):,} card holders: every count_1h includes the payments just pushed "
          f"({exact:,} had an empty hour before and count exactly the pushed ones)")


if __name__ == "__main__":
    main(sys.argv[1:])
