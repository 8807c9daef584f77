#!/usr/bin/env python3
"""Feast interoperability check: Feast's own SDK reads features from a running `larder serve`.

Usage:
    python3 tools/interop/feast_remote_client.py URL EXPECTED_JSON

URL is the Larder server (http://127.0.0.1:PORT). EXPECTED_JSON is a file holding what
Larder itself answers for the same read, as
{"entities": {"user_id": [...]}, "features": ["user_stats:avg_amount", ...],
 "service": "fraud_v1", "values": {"avg_amount": [...], "tx_count": [...]}}.

The script builds a Feast repository in a temporary directory with
`online_store: {type: remote, path: URL}` and the same definitions as the Swift test
(entity `user` keyed by int64 `user_id`; feature view `user_stats` with float64
`avg_amount` and int64 `tx_count`; feature service `fraud_v1`), applies it, then calls
`FeatureStore.get_online_features` with the feature references and with the feature
service. Both answers must equal the expected values (floats within 1e-9). Prints one JSON
line with what Feast returned; exits 1 on a mismatch, 2 when feast cannot be imported.
"""

import json
import math
import os
import sys
import tempfile


def build_store(repo, url):
    import pandas as pd
    from datetime import timedelta
    from feast import Entity, FeatureService, FeatureStore, FeatureView, Field, FileSource, ValueType
    from feast import types

    with open(os.path.join(repo, "feature_store.yaml"), "w") as config:
        config.write(
            "project: served\n"
            f"registry: {repo}/registry.db\n"
            "provider: local\n"
            "online_store:\n"
            "  type: remote\n"
            f"  path: {url}\n"
            "offline_store:\n"
            "  type: file\n"
            "entity_key_serialization_version: 3\n"
        )
    data = os.path.join(repo, "users.parquet")
    pd.DataFrame({
        "user_id": pd.Series([1001], dtype="int64"),
        "event_timestamp": pd.to_datetime(["2026-01-01T00:00:00Z"]),
        "created": pd.to_datetime(["2026-01-01T00:00:00Z"]),
        "avg_amount": [2.5],
        "tx_count": pd.Series([3], dtype="int64"),
    }).to_parquet(data)
    user = Entity(name="user", join_keys=["user_id"], value_type=ValueType.INT64)
    source = FileSource(path=data, timestamp_field="event_timestamp", created_timestamp_column="created")
    view = FeatureView(
        name="user_stats", entities=[user], ttl=timedelta(days=0), source=source, online=True,
        schema=[Field(name="avg_amount", dtype=types.Float64), Field(name="tx_count", dtype=types.Int64)],
    )
    service = FeatureService(name="fraud_v1", features=[view])
    store = FeatureStore(repo_path=repo)
    store.apply([user, view, service])
    return store, service


def same(actual, expected):
    if len(actual) != len(expected):
        return False
    for a, e in zip(actual, expected):
        if a is None or e is None:
            if a is not e:
                return False
        elif isinstance(e, float) or isinstance(a, float):
            if not math.isclose(float(a), float(e), rel_tol=0, abs_tol=1e-9):
                return False
        elif a != e:
            return False
    return True


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        import feast  # noqa: F401
    except ImportError as error:
        print(f"feast cannot be imported: {error}", file=sys.stderr)
        return 2
    url, expected_path = argv[1], argv[2]
    with open(expected_path) as file:
        expected = json.load(file)
    entity_rows = [{"user_id": key} for key in expected["entities"]["user_id"]]
    with tempfile.TemporaryDirectory() as repo:
        store, service = build_store(repo, url)
        by_reference = store.get_online_features(features=expected["features"], entity_rows=entity_rows).to_dict()
        by_service = store.get_online_features(features=service, entity_rows=entity_rows).to_dict()
    print(json.dumps({"features": by_reference, "service": by_service}, default=str))
    failures = []
    for label, answer in (("features", by_reference), ("service", by_service)):
        if answer.get("user_id") != expected["entities"]["user_id"]:
            failures.append(f"{label}: user_id {answer.get('user_id')} != {expected['entities']['user_id']}")
        for name, values in expected["values"].items():
            if not same(answer.get(name, []), values):
                failures.append(f"{label}: {name} {answer.get(name)} != {values}")
    for failure in failures:
        print(f"mismatch: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
