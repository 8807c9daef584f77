"""The peers of `larder-bench profile` and `larder-bench drift`, timed the same way (each run
reads the files anew; medians).

profile: pandas read_parquet, then describe() (count, mean, std, min, quartiles, max) plus the
  quantiles 1/5/95/99 % of the numeric columns and value_counts() of the others.
drift: pandas read_parquet of both files, then per numeric column scipy.stats.ks_2samp and per
  other column scipy.stats.chi2_contingency of the category counts.

Usage: python3 tools/bench/quality_peer.py profile PATH [RUNS]
       python3 tools/bench/quality_peer.py drift BASELINE CURRENT [RUNS]
"""

import resource
import statistics
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats


def profile(path):
    frame = pd.read_parquet(path)
    numeric = frame.select_dtypes("number")
    numeric.describe()
    numeric.quantile([0.01, 0.05, 0.95, 0.99])
    for column in frame.columns.difference(numeric.columns):
        frame[column].value_counts()


def drift(baseline_path, current_path):
    baseline, current = pd.read_parquet(baseline_path), pd.read_parquet(current_path)
    drifted = []
    for column in baseline.columns:
        a, b = baseline[column].dropna(), current[column].dropna()
        if pd.api.types.is_numeric_dtype(a) and not pd.api.types.is_bool_dtype(a):
            p = stats.ks_2samp(a.to_numpy(), b.to_numpy()).pvalue
        else:
            counts = pd.concat([a.value_counts(), b.value_counts()], axis=1).fillna(0).to_numpy().T
            p = stats.chi2_contingency(counts).pvalue
        if p < 0.05 / len(baseline.columns):
            drifted.append(column)
    return drifted


def main():
    kind = sys.argv[1]
    files = sys.argv[2:3] if kind == "profile" else sys.argv[2:4]
    runs = int(sys.argv[2 + len(files)]) if len(sys.argv) > 2 + len(files) else 5
    seconds, cpu = [], []
    result = None
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        result = profile(*files) if kind == "profile" else drift(*files)
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    print(f"pandas/scipy {kind} {' '.join(files)}")
    print(f"  runs: {runs}, first run: {seconds[0]:.3f} s")
    print(f"  median: {statistics.median(seconds):.3f} s, median CPU time: {statistics.median(cpu):.3f} s")
    print(f"  peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB")
    if result is not None:
        print(f"  drifted: {', '.join(result)}")


if __name__ == "__main__":
    main()
