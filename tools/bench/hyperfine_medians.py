"""Prints the median wall time and mean user CPU of each command in a hyperfine JSON export.

Usage: python3 tools/bench/hyperfine_medians.py RESULTS.json
"""
import json
import sys

for result in json.load(open(sys.argv[1]))["results"]:
    name = result["command"]
    print(f"{name}: median {result['median'] * 1000:.0f} ms, user CPU {result['user'] * 1000:.0f} ms")
