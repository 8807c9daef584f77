"""Reference values for Larder's drift statistics and profiles, computed by scipy and numpy.

Prints one JSON document: cases of inputs (random, with ties, one-value samples, empty bins,
very different sizes) with what scipy.stats.ks_2samp, scipy.stats.chi2_contingency,
numpy.quantile (its default, 'linear') and numpy.histogram answer for them.
Tests/LarderQualityTests compares Larder's answers with these within 1e-9.

Usage: python3 tools/quality_reference.py SEED
"""

import json
import sys

import numpy as np
from scipy import stats

rng = np.random.default_rng(int(sys.argv[1]) if len(sys.argv) > 1 else 0)


def samples():
    """Pairs of samples for the two-sample Kolmogorov-Smirnov test."""
    pairs = []
    for _ in range(12):  # small, unequal sizes: exact p-values by the inside method
        n1, n2 = rng.integers(1, 60, 2)
        pairs.append((rng.normal(0, 1, n1), rng.normal(rng.uniform(-1, 1), 1, n2)))
    for n in (1, 2, 7, 40, 300, 2000):  # equal sizes: exact, outside the square
        pairs.append((rng.normal(0, 1, n), rng.normal(0.3, 1, n)))
    for _ in range(4):  # ties: small integers
        pairs.append((rng.integers(0, 5, 80).astype(float), rng.integers(0, 6, 55).astype(float)))
    pairs += [  # one-value samples
        (np.array([3.0]), np.array([1.0, 2.0, 3.0, 4.0])),
        (np.array([5.0] * 10), np.array([5.0] * 7)),
        (np.array([1.0] * 10), np.array([2.0] * 13)),
        (np.array([2.5]), np.array([2.5])),
    ]
    for n1, n2, shift in (  # very different sizes and large samples: asymptotic p-values
        (1, 20000, 0.0), (3, 12000, 1.0), (50, 15000, 0.2), (50, 15000, 1.5), (130, 11000, 0.1),
        (500, 20000, 0.05), (500, 20000, 0.3), (9000, 9999, 0.02), (20000, 15000, 0.01),
        (20000, 15000, 0.05), (30000, 40000, 0.5), (200000, 250000, 0.003),
    ):
        pairs.append((rng.normal(0, 1, n1), rng.normal(shift, 1, n2)))
    pairs.append((rng.integers(0, 50, 30000).astype(float), rng.integers(0, 52, 25000).astype(float)))
    return pairs


def tables():
    """Pairs of category counts for the chi-squared test (2 x k tables)."""
    cases = [
        ([10, 20], [10, 20]),  # one degree of freedom, no difference: Yates' step is capped
        ([10, 20], [11, 19]),  # one degree of freedom, difference below 0.5 after the cap
        ([100, 5], [80, 40]),
        ([1, 0], [0, 1]),
        ([0, 7, 3], [4, 0, 9]),  # a category absent from one sample
        ([50], [70]),  # one category: no degrees of freedom
        ([1000000, 2000000, 3000000], [1000100, 1999000, 3001000]),
    ]
    for k in (2, 3, 5, 20, 200):
        first = rng.integers(1, 500, k)
        second = np.maximum(first + rng.integers(-40, 40, k), 0)
        cases.append((first.tolist(), second.tolist()))
    return cases


def numbers(values):
    return [float(v) for v in values]


ks = []
for a, b in samples():
    result = stats.ks_2samp(a, b)
    ks.append({"first": numbers(a), "second": numbers(b),
               "statistic": float(result.statistic), "p_value": float(result.pvalue)})

chi2 = []
for first, second in tables():
    result = stats.chi2_contingency(np.array([first, second]))
    chi2.append({"first": [int(v) for v in first], "second": [int(v) for v in second],
                 "statistic": float(result.statistic), "p_value": float(result.pvalue), "dof": int(result.dof)})

# The distribution behind the asymptotic p-value, on a grid that reaches each of its methods:
# Ruben-Gambino's ends, Durbin's matrix, Pomeranz, Pelz-Good and the Smirnov tail (summed
# below a million, approximated above).
kstwo = []
for n in (1, 2, 3, 5, 10, 37, 100, 140, 141, 500, 1000, 5000, 20000, 100000, 100001, 500000, 2000000):
    for z in (0.3, 0.5, 0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 2.0, 2.5, 3.5, 6.0):
        for x in sorted({min(z / np.sqrt(n), 0.999), 0.6 / n, 0.9 / n, 1.0 - 1.5 / n if n > 2 else 0.5, 0.55}):
            if 0 < x < 1:
                kstwo.append({"n": n, "x": float(x), "sf": float(stats.kstwo.sf(x, n))})

levels = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]
profiles = []
for values in (rng.normal(10, 3, 1001), rng.integers(0, 4, 57).astype(float), np.array([7.0]),
               np.array([2.0, 2.0, 2.0]), rng.lognormal(3, 1, 5000)):
    counts, edges = np.histogram(values, bins=10)
    profiles.append({"values": numbers(values), "quantiles": numbers(np.quantile(values, levels)),
                     "histogram_edges": numbers(edges), "histogram_counts": [int(c) for c in counts],
                     "mean": float(np.mean(values)),
                     "stddev": float(np.std(values, ddof=1)) if len(values) > 1 else None})

json.dump({"ks": ks, "kstwo": kstwo, "chi2": chi2, "profiles": profiles}, sys.stdout)
