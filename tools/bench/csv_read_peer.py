#!/usr/bin/env python3
"""Time pyarrow.csv.read_csv on a CSV file: the peer of `larder-bench csv-read`.

Usage: python3 tools/bench/csv_read_peer.py PATH [RUNS] [--single-thread]

Reads the file into a pyarrow Table RUNS times (default 5; types inferred) and prints the
median wall and CPU time, rows per second and the process's peak resident memory.
"""
import argparse
import resource
import statistics
import time

import pyarrow.csv as pacsv


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("runs", nargs="?", type=int, default=5)
    parser.add_argument("--single-thread", action="store_true", help="use_threads=False")
    args = parser.parse_args()
    options = pacsv.ReadOptions(use_threads=not args.single_thread)
    seconds = []
    cpu_seconds = []
    rows = 0
    for _ in range(max(args.runs, 1)):
        start = time.perf_counter()
        cpu_start = time.process_time()
        table = pacsv.read_csv(args.path, read_options=options)
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
        rows = table.num_rows
        del table
    median = statistics.median(seconds)
    threads = "single thread" if args.single_thread else "threads"
    print(f"pyarrow.csv.read_csv ({threads}) {args.path}")
    print(f"  runs: {len(seconds)}, rows: {rows}")
    print(f"  median: {median:.3f} s (min {min(seconds):.3f} s)")
    print(f"  CPU time median: {statistics.median(cpu_seconds):.3f} s")
    print(f"  rows/s: {int(rows / median)}")
    print(f"  peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB")


if __name__ == "__main__":
    main()
