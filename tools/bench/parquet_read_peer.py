#!/usr/bin/env python3
"""Peer for `larder-bench parquet-read`: pyarrow reading the same Parquet file.

Usage: python3 tools/bench/parquet_read_peer.py PATH [RUNS]

Reads every column with pyarrow.parquet.read_table(path, use_threads=False) RUNS times
(default 5) and prints the first-run and median wall times, the median CPU time, rows per
second and peak RSS.
"""
import resource
import statistics
import sys
import time

import pyarrow.parquet as pq


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    runs = max(int(sys.argv[2]), 1) if len(sys.argv) > 2 else 5
    seconds = []
    cpu_seconds = []
    rows = 0
    for _ in range(runs):
        cpu_start = time.process_time()
        start = time.perf_counter()
        table = pq.read_table(path, use_threads=False)
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
        rows = table.num_rows
        del table
    median = statistics.median(seconds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"pyarrow read_table {path}")
    print(f"  rows: {rows}, runs: {runs}")
    print(f"  first run: {seconds[0]:.4f} s")
    print(f"  median: {median:.4f} s (min {min(seconds):.4f} s, max {max(seconds):.4f} s)")
    print(f"  median CPU time: {statistics.median(cpu_seconds):.4f} s")
    print(f"  rows/s: {int(rows / median)}")
    print(f"  peak RSS: {peak} MiB")


if __name__ == "__main__":
    main()
