"""Makes a Larder repository over the benchmark data of tools/bench/generate_data.py.

Usage: python3 tools/bench/make_user_stats_repo.py REPO_DIR DATA_DIR [--format parquet|csv]
Writes REPO_DIR/feature_store.yaml and REPO_DIR/manifest.json: entity `user`, view
`user_stats` (8 features, TTL 7 days) over DATA_DIR/user_stats.FORMAT, service `user_model`.
"""
import argparse
import json
import os

parser = argparse.ArgumentParser()
parser.add_argument("repo")
parser.add_argument("data")
parser.add_argument("--format", default="parquet", choices=["parquet", "csv"])
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
    "manifest_version": 1,
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
with open(os.path.join(args.repo, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1)
