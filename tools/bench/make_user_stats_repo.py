"""Makes a Larder repository over the benchmark data of tools/bench/generate_data.py.

Usage: python3 tools/bench/make_user_stats_repo.py REPO_DIR DATA_DIR [--format parquet|csv] [--on-demand]
Writes REPO_DIR/feature_store.yaml and REPO_DIR/manifest.json: entity `user`, view
`user_stats` (8 features, TTL 7 days) over DATA_DIR/user_stats.FORMAT, service `user_model`.
With --on-demand, also the on-demand view `payment` (5 transformations of the request fields
`amount` and `timestamp` and of user_stats) and the service `user_model_transformed` (the 8
stored features and the 5 transformed ones).
"""
import argparse
import json
import os

parser = argparse.ArgumentParser()
parser.add_argument("repo")
parser.add_argument("data")
parser.add_argument("--format", default="parquet", choices=["parquet", "csv"])
parser.add_argument("--on-demand", action="store_true")
args = parser.parse_args()

os.makedirs(args.repo, exist_ok=True)
with open(os.path.join(args.repo, "feature_store.yaml"), "w") as f:
    f.write("project: user_stats_bench\n")
features = [
    ("avg_amount_7d", "float64"), ("tx_count_7d", "int64"), ("fraud_count_30d", "int64"),
    ("std_amount_30d", "float64"), ("days_since_first_tx", "int32"), ("max_amount_7d", "float64"),
    ("avg_score", "float32"), ("last_category", "string"),
]
manifest = {
    "manifest_version": 2,
    "entities": [{"name": "user", "join_keys": [{"name": "user_id", "type": "int64"}]}],
    "sources": [{
        "kind": "file", "name": "user_stats",
        "path": os.path.abspath(os.path.join(args.data, f"user_stats.{args.format}")),
        "timestamp_field": "event_timestamp", "created_timestamp_column": "created",
    }],
    "feature_views": [{
        "name": "user_stats", "entities": ["user"], "source": "user_stats", "ttl_seconds": 7 * 86400,
        "features": [{"name": name, "type": type_} for name, type_ in features],
    }],
    "feature_services": [{"name": "user_model", "features": [{"feature_view": "user_stats"}]}],
}
if args.on_demand:
    def call(name, *arguments):
        return {"call": name, "args": list(arguments)}
    amount = {"request": "amount"}
    time = {"request": "timestamp"}
    manifest["on_demand_feature_views"] = [{
        "name": "payment",
        "request_fields": [{"name": "amount", "type": "float64"}, {"name": "timestamp", "type": "timestamp"}],
        "features": [
            {"name": "amount_log", "type": "float64",
             "expression": call("log", call("add", amount, {"literal": 1, "type": "int64"}))},
            {"name": "hour", "type": "int64", "expression": {"time_part": "hour", "arg": time}},
            {"name": "day_of_week", "type": "int64", "expression": {"time_part": "day_of_week", "arg": time}},
            {"name": "amount_over_avg_7d", "type": "float64",
             "expression": call("divide", amount, {"feature": "user_stats:avg_amount_7d"})},
            {"name": "amount_bucket", "type": "int64",
             "expression": {"bucketize": [10, 50, 100, 500, 1000], "arg": amount}},
        ],
    }]
    manifest["feature_services"].append({
        "name": "user_model_transformed",
        "features": [{"feature_view": "user_stats"}, {"feature_view": "payment"}],
    })
with open(os.path.join(args.repo, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1)
