#!/usr/bin/env python3
"""Prepares Feast's side of the feature-server benchmark: a Feast repository with the sqlite
online store on the data of tools/bench/generate_data.py, materialized, with a feature
service `user_features` of all 8 features. Then `feast -c REPO serve` serves it.

Usage:
    python3 tools/bench/feast_server_peer.py DATA_DIR REPO_DIR

The definitions are those of tools/bench/feast_online_peer.py (entity `user`, view
`user_stats`, 8 features).
"""

import os
import sys
from datetime import datetime, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from feast_online_peer import build_store  # noqa: E402


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    data_dir, repo = argv
    os.makedirs(repo, exist_ok=True)
    from feast import FeatureService
    store = build_store(repo, os.path.abspath(os.path.join(data_dir, "user_stats.parquet")))
    view = store.get_feature_view("user_stats")
    store.apply([FeatureService(name="user_features", features=[view])])
    store.materialize(
        start_date=datetime(2024, 12, 1, tzinfo=timezone.utc), end_date=datetime(2025, 3, 1, tzinfo=timezone.utc))
    print(f"feast repository ready in {repo}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
