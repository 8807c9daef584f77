"""Runs a benchmark process and measures it from outside: its CPU time and peak RSS come
from wait4, so they cover the whole process."""

import os
import subprocess
import sys


def measure(command):
    """Runs a command; returns its standard output, its CPU seconds (user + system) and its
    peak RSS in MiB. Exits with the command's output when it fails."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    out, err = process.stdout.read(), process.stderr.read()
    if status != 0:
        sys.exit(f"{' '.join(command)} failed:\n{out}\n{err}")
    return out, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
