#!/usr/bin/env python3
"""Pushes fresh per-user statistics to the Larder feature server the way a streaming job
would: after each payment, update the user's running statistics and `POST /push` them to the
`user_stats_push` source (the Feast wire format), so the next lookup of that user already
sees the payment. Then reads every pushed user back with `POST /get-online-features` and
checks that the server answers exactly the pushed values and event times.

Usage:
  python3 examples/push_stats.py --url http://127.0.0.1:6566 \\
      --transactions feature_repo/data/sample_stream.parquet --limit 100

Prints the push latency percentiles and the read-back check; exits non-zero when a value
read back differs from the one pushed.
"""

import argparse
import math
import sys
import time

import pandas as pd
import requests

PUSH_SOURCE = "user_stats_push"
VIEW = "user_transaction_stats"
FEATURES = ["avg_amount_7d", "tx_count_7d", "fraud_count_30d", "std_amount_30d", "days_since_first_tx"]


class FeatureServer:
    """The two calls a streaming job makes, over one kept-alive connection."""

    def __init__(self, url, timeout=2.0):
        self.url = url.rstrip("/")
        self.session = requests.Session()
        self.timeout = timeout

    def post(self, path, body):
        response = self.session.post(self.url + path, json=body, timeout=self.timeout)
        if response.status_code != 200:
            raise RuntimeError(f"{self.url}{path} answered {response.status_code}: {response.text[:300]}")
        return response.json()

    def user_stats(self, user_ids):
        """{user_id: ({feature: value}, event timestamp or None)} as the server has them now."""
        body = {"features": [f"{VIEW}:{name}" for name in FEATURES], "entities": {"user_id": list(user_ids)}}
        response = self.post("/get-online-features", body)
        columns = dict(zip(response["metadata"]["feature_names"], response["results"]))
        stats = {}
        for row, user_id in enumerate(columns["user_id"]["values"]):
            values = {name: columns[name]["values"][row] for name in FEATURES}
            present = columns[FEATURES[0]]["statuses"][row] == "PRESENT"
            stats[user_id] = (values, columns[FEATURES[0]]["event_timestamps"][row] if present else None)
        return stats

    def push(self, user_id, values, event_timestamp):
        df = {"user_id": [user_id], "event_timestamp": [event_timestamp]}
        df.update({name: [value] for name, value in values.items()})
        self.post("/push", {"push_source_name": PUSH_SOURCE, "df": df, "to": "online_and_offline"})


def after_payment(values, amount):
    """The statistics once `amount` is added: count, mean and (Welford) standard deviation."""
    count = values["tx_count_7d"] or 0
    mean = values["avg_amount_7d"] or 0.0
    spread = (values["std_amount_30d"] or 0.0) ** 2 * count
    count += 1
    delta = amount - mean
    mean += delta / count
    spread += delta * (amount - mean)
    return {
        "avg_amount_7d": round(mean, 6),
        "tx_count_7d": count,
        "fraud_count_30d": values["fraud_count_30d"] or 0,
        "std_amount_30d": round(math.sqrt(spread / count), 6),
        "days_since_first_tx": values["days_since_first_tx"] or 0,
    }


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(round(fraction * (len(sorted_values) - 1))))]


def main(argv):
    parser = argparse.ArgumentParser(description="Push fresh user statistics to the Larder feature server.")
    parser.add_argument("--url", required=True, help="the feature server, e.g. http://127.0.0.1:6566")
    parser.add_argument("--transactions", required=True, help="payments, in time order (CSV or Parquet)")
    parser.add_argument("--limit", type=int, default=100, help="push after the first N payments (default 100)")
    arguments = parser.parse_args(argv)

    server = FeatureServer(arguments.url)
    path = arguments.transactions
    payments = pd.read_parquet(path) if path.endswith(".parquet") else pd.read_csv(path)
    payments = payments.sort_values("event_timestamp").head(arguments.limit)
    times = pd.to_datetime(payments["event_timestamp"], utc=True).dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    users = sorted({int(user_id) for user_id in payments["user_id"]})
    current = {user_id: values for user_id, (values, _) in server.user_stats(users).items()}
    pushed, latencies = {}, []
    for payment, event_timestamp in zip(payments.itertuples(index=False), times):
        user_id = int(payment.user_id)
        current[user_id] = after_payment(current[user_id], float(payment.amount))
        started = time.perf_counter()
        server.push(user_id, current[user_id], event_timestamp)
        latencies.append(time.perf_counter() - started)
        pushed[user_id] = (current[user_id], event_timestamp)

    ordered = sorted(latencies)
    figures = ", ".join(f"{label} {percentile(ordered, q) * 1000:.2f} ms"
                        for label, q in [("p50", 0.5), ("p99", 0.99), ("max", 1.0)])
    print(f"pushed statistics after {len(ordered):,} payments of {len(users):,} users to {PUSH_SOURCE} "
          f"(online and offline): {figures}")

    mismatches = []
    for user_id, (values, event_timestamp) in server.user_stats(users).items():
        expected, expected_time = pushed[user_id]
        if event_timestamp is None or pd.Timestamp(event_timestamp) != pd.Timestamp(expected_time):
            mismatches.append(f"user {user_id}: event time {event_timestamp}, pushed {expected_time}")
        for name in FEATURES:
            if not math.isclose(values[name], expected[name], rel_tol=1e-9):
                mismatches.append(f"user {user_id}: {name} = {values[name]}, pushed {expected[name]}")
    if mismatches:
        print("read back differs from what was pushed:\n  " + "\n  ".join(mismatches[:10]), file=sys.stderr)
        sys.exit(1)
    print(f"read back {len(users):,} users: every value and event time is the one pushed last")


if __name__ == "__main__":
    main(sys.argv[1:])
