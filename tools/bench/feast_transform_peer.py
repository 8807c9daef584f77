#!/usr/bin/env python3
"""Prepares Feast's side of the on-demand benchmark: the repository of
tools/bench/feast_online_peer.py (view `user_stats`, 8 features, here without a TTL) with the
five transformations of tools/bench/make_user_stats_repo.py --on-demand as on-demand feature
views in python mode (`payment_python`) and pandas mode (`payment_pandas`), and the services
`user_model_python` and `user_model_pandas` (the 8 stored features and the 5 transformed),
materialized. Then `feast -c REPO serve` serves it.

Usage:
    python3 tools/bench/feast_transform_peer.py DATA_DIR REPO_DIR

Request fields: `amount` (Float64) and `timestamp` (UnixTimestamp, sent as epoch seconds).
"""

import os
import sys
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from feast_online_peer import build_store  # noqa: E402

def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    data_dir, repo = argv
    os.makedirs(repo, exist_ok=True)
    from feast import FeatureService, Field, RequestSource
    from feast.on_demand_feature_view import on_demand_feature_view
    from feast.types import Float64, Int64, UnixTimestamp

    store = build_store(repo, os.path.abspath(os.path.join(data_dir, "user_stats.parquet")))
    view = store.get_feature_view("user_stats")
    view.ttl = timedelta(0)
    request = RequestSource(
        name="payment_request", schema=[Field(name="amount", dtype=Float64), Field(name="timestamp", dtype=UnixTimestamp)])
    schema = [
        Field(name="amount_log", dtype=Float64), Field(name="hour", dtype=Int64), Field(name="day_of_week", dtype=Int64),
        Field(name="amount_over_avg_7d", dtype=Float64), Field(name="amount_bucket", dtype=Int64),
    ]

    # Feast ships each function's source to the server: imports and helpers go inside it.
    @on_demand_feature_view(name="payment_python", sources=[view, request], schema=schema, mode="python")
    def payment_python(inputs):
        import math
        from datetime import datetime, timezone

        times = [t if isinstance(t, datetime) else datetime.fromtimestamp(t, tz=timezone.utc) for t in inputs["timestamp"]]
        amounts = inputs["amount"]
        return {
            "amount_log": [math.log(a + 1) for a in amounts],
            "hour": [t.hour for t in times],
            "day_of_week": [t.weekday() for t in times],
            "amount_over_avg_7d": [a / m if m else None for a, m in zip(amounts, inputs["avg_amount_7d"])],
            "amount_bucket": [sum(1 for b in [10, 50, 100, 500, 1000] if b <= a) for a in amounts],
        }

    @on_demand_feature_view(name="payment_pandas", sources=[view, request], schema=schema, mode="pandas")
    def payment_pandas(inputs):
        import numpy as np
        import pandas as pd

        times = pd.to_datetime(inputs["timestamp"], utc=True)
        out = pd.DataFrame()
        out["amount_log"] = np.log(inputs["amount"] + 1)
        out["hour"] = times.dt.hour.astype("int64")
        out["day_of_week"] = times.dt.dayofweek.astype("int64")
        out["amount_over_avg_7d"] = inputs["amount"] / inputs["avg_amount_7d"]
        out["amount_bucket"] = np.searchsorted(np.array([10, 50, 100, 500, 1000]), inputs["amount"], side="right")
        out["amount_bucket"] = out["amount_bucket"].astype("int64")
        return out

    store.apply([
        view, request, payment_python, payment_pandas,
        FeatureService(name="user_model_python", features=[view, payment_python]),
        FeatureService(name="user_model_pandas", features=[view, payment_pandas]),
    ])
    store.materialize(
        start_date=datetime(2024, 12, 1, tzinfo=timezone.utc), end_date=datetime(2025, 3, 1, tzinfo=timezone.utc))
    print(f"feast repository ready in {repo}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
