"""Writes a Larder manifest of many feature views over one CSV source, for timing `apply`.

Usage: python3 tools/bench/make_apply_manifest.py REPO_DIR [--views 200] [--features 20]
Creates REPO_DIR/feature_store.yaml, REPO_DIR/data/wide.csv and REPO_DIR/manifest.json.
"""
import argparse
import json
import os

parser = argparse.ArgumentParser()
parser.add_argument("repo")
parser.add_argument("--views", type=int, default=200)
parser.add_argument("--features", type=int, default=20)
args = parser.parse_args()

os.makedirs(os.path.join(args.repo, "data"), exist_ok=True)
with open(os.path.join(args.repo, "feature_store.yaml"), "w") as f:
    f.write("project: apply_bench\n")
features = [f"f{i}" for i in range(args.features)]
with open(os.path.join(args.repo, "data", "wide.csv"), "w") as f:
    f.write(",".join(["user_id", "event_timestamp"] + features) + "\n")
    f.write(",".join(["1", "2026-01-01T00:00:00Z"] + ["1.5"] * args.features) + "\n")
manifest = {
    "manifest_version": 1,
    "entities": [{"name": "user", "join_keys": [{"name": "user_id", "type": "int64"}]}],
    "sources": [{"kind": "file", "name": "wide", "path": "data/wide.csv", "timestamp_field": "event_timestamp"}],
    "feature_views": [
        {"name": f"view_{v}", "entities": ["user"], "source": "wide", "ttl_seconds": 86400,
         "features": [{"name": name, "type": "float64"} for name in features]}
        for v in range(args.views)
    ],
    "feature_services": [{"name": "all", "features": [{"feature_view": f"view_{v}"} for v in range(args.views)]}],
}
with open(os.path.join(args.repo, "manifest.json"), "w") as f:
    json.dump(manifest, f)
