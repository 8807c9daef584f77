#!/usr/bin/env python3
"""Runs Larder's point-in-time join beside DuckDB's ASOF join and Feast's
get_historical_features on the same files, alternating them round by round so all see the
same machine load, and prints medians of the join's wall time and of each process's peak
RSS, then the cells where Larder's output differs from DuckDB's.

Usage: python3 tools/bench/offline_compare.py DATADIR [--runs 5] [--tools larder,duckdb,feast]
           [--entities entities.parquet] [--strategy automatic] [--workdir DIR]

DATADIR holds the files of tools/bench/generate_data.py. Larder's store is built (ingested)
once before the timed runs; the build is not timed. Run from the repository root after
`swift build -c release --product larder-bench`.
"""

import argparse
import json
import os
import statistics
import sys

import duckdb

from measured_process import measure


def run(command):
    """Runs a command; returns its JSON line and its peak RSS in MiB (from wait4)."""
    out, _, peak_rss = measure(command)
    result = json.loads(out.strip().splitlines()[-1])
    result["process_peak_rss_mib"] = peak_rss
    return result


def mismatches(larder_path, duckdb_path):
    """Cells (row, column) where the two outputs differ; nulls equal nulls."""
    connection = duckdb.connect()
    columns = [row[0] for row in connection.execute(f"DESCRIBE SELECT * FROM read_parquet('{duckdb_path}')").fetchall()]
    total = 0
    per_column = {}
    for column in columns:
        count = connection.execute(f"""
            WITH l AS (SELECT row_number() OVER () AS r, "{column}" AS v FROM read_parquet('{larder_path}')),
                 d AS (SELECT row_number() OVER () AS r, "{column}" AS v FROM read_parquet('{duckdb_path}'))
            SELECT count(*) FROM l FULL JOIN d USING (r) WHERE l.v IS DISTINCT FROM d.v
        """).fetchone()[0]
        per_column[column] = count
        total += count
    cells = connection.execute(f"SELECT count(*) FROM read_parquet('{duckdb_path}')").fetchone()[0] * len(columns)
    return total, cells, per_column


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("datadir")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tools", default="larder,duckdb,feast")
    parser.add_argument("--entities", default="entities.parquet")
    parser.add_argument("--features", default="user_stats.parquet")
    parser.add_argument("--strategy", default="automatic")
    parser.add_argument("--workdir", default="/tmp/larder-offline-compare")
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    features = os.path.join(args.datadir, args.features)
    entities = os.path.join(args.datadir, args.entities)
    store = os.path.join(args.workdir, "offline.db")
    outputs = {tool: os.path.join(args.workdir, f"{tool}-out.parquet") for tool in ["larder", "duckdb", "feast"]}
    commands = {
        "larder": [".build/release/larder-bench", "pit-join", "--store", store, "--source", features,
                   "--entities", entities, "--output", outputs["larder"], "--strategy", args.strategy],
        "duckdb": [sys.executable, "tools/bench/pit_join_duckdb.py", features, entities, outputs["duckdb"]],
        "feast": [sys.executable, "tools/bench/pit_join_feast.py", features, entities, outputs["feast"]],
    }
    tools = args.tools.split(",")
    if "larder" in tools:
        warm = run(commands["larder"])
        print(f"larder store ready ({warm['ingest']}, {warm['ingest_seconds']:.1f} s)")
    results = {tool: [] for tool in tools}
    for round_index in range(args.runs):
        for tool in tools:
            results[tool].append(run(commands[tool]))
        print(f"round {round_index + 1}: " + ", ".join(
            f"{tool} {results[tool][-1]['seconds']:.3f} s" for tool in tools), flush=True)
    print(f"\n{'tool':<8} {'median s':>9} {'min s':>7} {'peak RSS MiB':>13} {'rows':>8}")
    for tool in tools:
        seconds = [r["seconds"] for r in results[tool]]
        rss = [r["process_peak_rss_mib"] for r in results[tool]]
        print(f"{tool:<8} {statistics.median(seconds):>9.3f} {min(seconds):>7.3f} "
              f"{statistics.median(rss):>13.0f} {results[tool][-1]['rows']:>8}")
    if "larder" in tools and "duckdb" in tools:
        total, cells, per_column = mismatches(outputs["larder"], outputs["duckdb"])
        print(f"\nlarder vs duckdb: {total} mismatching cells of {cells}")
        for column, count in per_column.items():
            if count:
                print(f"  {column}: {count}")


if __name__ == "__main__":
    main()
