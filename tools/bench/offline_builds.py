#!/usr/bin/env python3
"""Compares two release builds of `larder-bench` on the offline paths, alternating them run by
run so both see the same minutes of a shared machine, and prints per path and build the
median wall time (each benchmark's own clock), the median CPU time (user + system, from
wait4) and the peak RSS:

- `offline-ingest` of the Parquet file and of the CSV file into a new store, and of the
  Parquet file again with `--force` over its previous rows;
- `pit-join` of the entity rows against the Parquet file's rows (the store built once per
  build, untimed).

Usage: python3 tools/bench/offline_builds.py BEFORE_BENCH AFTER_BENCH DATADIR
           [--runs 5] [--paths parquet,csv,reingest,join] [--workdir DIR]

DATADIR holds the files of tools/bench/generate_data.py (user_stats.parquet, user_stats.csv,
entities.parquet).
"""

import argparse
import json
import os
import shutil
import statistics
import sys

from measured_process import measure


def run(command):
    """Runs a command; returns its last output line, CPU seconds and peak RSS in MiB."""
    out, cpu, peak_rss = measure(command)
    return out.strip().splitlines()[-1], cpu, peak_rss


def seconds(line):
    """The benchmark's own time: `median X s` of offline-ingest, `seconds` of pit-join."""
    if line.startswith("{"):
        return json.loads(line)["seconds"]
    return float(line.split("median ")[1].split(" s")[0])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("datadir")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--paths", default="parquet,csv,reingest,join")
    parser.add_argument("--workdir", default="/tmp/larder-offline-builds")
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    parquet = os.path.join(args.datadir, "user_stats.parquet")
    builds = {"before": args.before, "after": args.after}

    def command(build, path):
        bench = builds[build]
        store = os.path.join(args.workdir, f"{build}-{path}.db")
        if path == "join":
            return [bench, "pit-join", "--store", store, "--source", parquet,
                    "--entities", os.path.join(args.datadir, "entities.parquet"),
                    "--output", os.path.join(args.workdir, f"{build}-out.parquet"), "--strategy", "automatic"]
        source = os.path.join(args.datadir, "user_stats.csv") if path == "csv" else parquet
        extra = ["--reingest", "yes"] if path == "reingest" else []
        return [bench, "offline-ingest", source, "--runs", "1", "--store", store] + extra

    paths = args.paths.split(",")
    if "join" in paths:
        for build in builds:
            run(command(build, "join"))  # ingests the store once, untimed
    results = {(build, path): [] for build in builds for path in paths}
    for round_number in range(args.runs):
        for path in paths:
            order = list(builds) if round_number % 2 == 0 else list(reversed(builds))
            for build in order:
                line, cpu, rss = run(command(build, path))
                results[(build, path)].append((seconds(line), cpu, rss))
        print(f"round {round_number + 1} done", file=sys.stderr)
    print(f"{'path':10} {'build':7} {'median s':>9} {'min s':>7} {'CPU s':>7} {'peak RSS MiB':>13}")
    for path in paths:
        for build in builds:
            runs = results[(build, path)]
            print(f"{path:10} {build:7} {statistics.median(r[0] for r in runs):9.3f} "
                  f"{min(r[0] for r in runs):7.3f} {statistics.median(r[1] for r in runs):7.2f} "
                  f"{max(r[2] for r in runs):13.0f}")
    if "join" in paths:
        same = all(open(os.path.join(args.workdir, f"{b}-out.parquet"), "rb").read()
                   == open(os.path.join(args.workdir, "before-out.parquet"), "rb").read() for b in builds)
        print(f"training sets byte-identical: {same}")
    shutil.rmtree(args.workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
