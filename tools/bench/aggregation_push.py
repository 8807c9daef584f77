"""Push throughput of raw events into an aggregation view, with reads reflecting each batch.

Usage: python3 tools/bench/aggregation_push.py --url http://127.0.0.1:PORT [--batches 200]
       [--batch-size 1000] [--users 100000]

Against a server on tools/bench/aggregation_compare.py's repository (push source
`events_push`, view `user_tx`): posts --batches batches of --batch-size events (random users,
timestamps within the last minute) to /push with "to": "online" over one keep-alive
connection, and after each batch reads `count_1d` of the batch's first user and checks that
it grew. Prints events per second (pushes and reads included) and the median batch time.
"""
import argparse
import http.client
import json
import random
import statistics
import sys
import time
import urllib.parse
from datetime import datetime, timedelta, timezone


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--batches", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--users", type=int, default=100_000)
    args = parser.parse_args()
    target = urllib.parse.urlparse(args.url)
    connection = http.client.HTTPConnection(target.hostname, target.port)
    headers = {"Content-Type": "application/json"}

    def post(path, payload):
        connection.request("POST", path, body=json.dumps(payload), headers=headers)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            sys.exit(f"{path}: HTTP {response.status}: {body[:300]!r}")
        return json.loads(body)

    def count(user):
        answer = post("/get-online-features", {"features": ["user_tx:count_1d"], "entities": {"user_id": [user]}})
        return answer["results"][1]["values"][0]

    rng = random.Random(16)
    # Bodies are built before the clock starts: the client's JSON encoding is not the server's cost.
    bodies = []
    for _ in range(args.batches):
        now = datetime.now(timezone.utc)
        users = [rng.randint(1, args.users) for _ in range(args.batch_size)]
        bodies.append({"push_source_name": "events_push", "to": "online", "df": {
            "user_id": users,
            "merchant_id": [rng.randint(1, 5000) for _ in users],
            "amount": [round(rng.lognormvariate(3.5, 0.8), 2) for _ in users],
            "is_fraud": [rng.random() < 0.01 for _ in users],
            "event_timestamp": [(now - timedelta(seconds=rng.uniform(0, 60))).isoformat() for _ in users],
        }})
    durations = []
    began = time.perf_counter()
    for body in bodies:
        user = body["df"]["user_id"][0]
        before = count(user)
        start = time.perf_counter()
        post("/push", body)
        durations.append(time.perf_counter() - start)
        after = count(user)
        expected = before + body["df"]["user_id"].count(user)
        if after != expected:
            sys.exit(f"user {user}: count_1d {after} after the push, expected {expected}")
    elapsed = time.perf_counter() - began
    events = args.batches * args.batch_size
    print(f"{events:,} events in {args.batches} batches of {args.batch_size}: {events / elapsed:,.0f} events/s "
          f"with two reads per batch; push alone: median {statistics.median(durations) * 1000:.1f} ms per batch "
          f"= {args.batch_size / statistics.median(durations):,.0f} events/s")


if __name__ == "__main__":
    main()
