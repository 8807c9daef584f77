#!/usr/bin/env python3
"""Runs every shell command shown in README.md and docs/*.md, as written, and fails on the
first one that fails.

Each file's ```sh and ```bash blocks run in order as one bash script (`set -euo pipefail`) in
a new empty directory, with `larder` on the PATH and the checkout's `tools/` and `examples/`
linked in, so `larder init fraud_repo` and `python3 tools/...` work as in the docs. An HTML
comment on the line before a block changes how it runs:

  <!-- doc-check: skip -->         not run (the set-up commands, long benchmarks)
  <!-- doc-check: serve -->        started in the background (a server); the checker waits
                                   for GET /health on the block's --port, and stops it with
                                   SIGTERM when the file's blocks are done
  <!-- doc-check: needs-serve -->  talks to the server a serve block started; a larder
                                   without the `serve` verb fails these blocks, never skips them
  <!-- doc-check: expect-output --> before a ```text block: the previous block's standard
                                   output must end with exactly these lines

The docs use the feature server's default port, 6566; the checker runs each file with a free
port in its place, so a server already listening there (another checkout's, a benchmark's)
cannot answer for the documented one.

Usage: python3 tools/check_doc_commands.py [--larder PATH] [FILE.md ...]
  (default larder: $LARDER_BIN, else .build/release/larder, else .build/debug/larder)
"""

import argparse
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLOCK = re.compile(r"(?:<!--\s*doc-check:\s*(?P<mark>[\w-]+)\s*-->\s*\n)?^```(?P<kind>sh|bash|text)\s*\n(?P<body>.*?)^```", re.M | re.S)
MARKS = {None, "skip", "serve", "needs-serve", "expect-output"}


def blocks(path):
    """(line, mark, body) of each shell block in a Markdown file."""
    text = open(path, encoding="utf-8").read()
    found = []
    for match in BLOCK.finditer(text):
        mark = match.group("mark")
        if match.group("kind") == "text" and mark != "expect-output":
            continue
        if mark == "expect-output" and match.group("kind") != "text":
            sys.exit(f"{path}: an expect-output mark belongs before a ```text block")
        if mark not in MARKS:
            sys.exit(f"{path}: unknown doc-check mark '{mark}' (expected skip, serve, needs-serve or expect-output)")
        line = text.count("\n", 0, match.start("body"))
        found.append((line, mark, match.group("body")))
    return found


def find_larder(explicit):
    for candidate in [explicit, os.environ.get("LARDER_BIN"), os.path.join(ROOT, ".build/release/larder"),
                      os.path.join(ROOT, ".build/debug/larder")]:
        if candidate and os.access(candidate, os.X_OK):
            return os.path.abspath(candidate)
    sys.exit("no larder executable: build one (swift build -c release --product larder) or pass --larder")


def wait_healthy(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.1)
    return False


DOCUMENTED_PORT = "6566"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return str(probe.getsockname()[1])


def run_file(path, larder, has_serve):
    """Runs one file's blocks; returns the number run, or exits naming the failing block."""
    with tempfile.TemporaryDirectory(prefix="larder-doc-") as directory:
        bin_directory = os.path.join(directory, ".bin")
        os.mkdir(bin_directory)
        os.symlink(larder, os.path.join(bin_directory, "larder"))
        for name in ["tools", "examples"]:
            os.symlink(os.path.join(ROOT, name), os.path.join(directory, name))
        environment = dict(os.environ, PATH=bin_directory + os.pathsep + os.environ["PATH"],
                           LARDER_PACKAGE_PATH=ROOT)
        servers, ran, output = [], 0, None
        port_here = free_port()
        try:
            for line, mark, body in blocks(path):
                body = re.sub(rf"\b{DOCUMENTED_PORT}\b", port_here, body)
                where = f"{os.path.relpath(path, ROOT)}:{line + 1}"
                if mark == "expect-output":
                    expected = body.rstrip("\n").splitlines()
                    actual = (output or "").rstrip("\n").splitlines()[-len(expected):]
                    if [l.rstrip() for l in actual] != [l.rstrip() for l in expected]:
                        sys.exit(f"{where}: the previous block printed\n" + "\n".join(actual) + "\ninstead of\n" + body)
                    print(f"  output matches {where}")
                    continue
                output = None
                if mark in ("serve", "needs-serve") and not has_serve:
                    sys.exit(f"{where}: needs `larder serve`, and {larder} has no serve verb")
                if mark == "skip":
                    print(f"  skipped {where}")
                    continue
                script = "set -euo pipefail\n" + body
                if mark == "serve":
                    port = re.search(r"--port\s+(\d+)", body)
                    if not port:
                        sys.exit(f"{where}: a serve block needs --port N")
                    server = subprocess.Popen(["bash", "-c", "exec " + body.strip()], cwd=directory, env=environment,
                                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                    servers.append(server)
                    if not wait_healthy(int(port.group(1)), server):
                        sys.exit(f"{where}: the server did not become healthy:\n{server.stderr.read().decode() if server.poll() is not None else ''}")
                    print(f"  started {where}")
                    ran += 1
                    continue
                started = time.monotonic()
                done = subprocess.run(["bash", "-c", script], cwd=directory, env=environment,
                                      capture_output=True, text=True, timeout=600)
                if done.returncode != 0:
                    sys.exit(f"{where}: failed with status {done.returncode}\n--- block\n{body}--- stdout\n"
                             f"{done.stdout[-3000:]}--- stderr\n{done.stderr[-3000:]}")
                output = done.stdout
                print(f"  ok {where} ({time.monotonic() - started:.1f} s)")
                ran += 1
        finally:
            for server in servers:
                if server.poll() is None:
                    server.send_signal(signal.SIGTERM)
                    try:
                        server.wait(timeout=20)
                    except subprocess.TimeoutExpired:
                        server.kill()
                        sys.exit(f"{path}: the server did not stop on SIGTERM within 20 s")
        return ran


def main(argv):
    parser = argparse.ArgumentParser(description="Run the shell commands shown in the docs.")
    parser.add_argument("--larder", help="the larder executable to put on the PATH")
    parser.add_argument("files", nargs="*", help="Markdown files (default: README.md and docs/*.md)")
    arguments = parser.parse_args(argv)
    larder = find_larder(arguments.larder)
    usage = subprocess.run([larder, "--help"], capture_output=True, text=True).stdout
    has_serve = re.search(r"^ +serve +", usage, re.M) is not None
    files = arguments.files or [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))
    if shutil.which("bash") is None:
        sys.exit("bash is needed to run the documented commands")
    total = 0
    for path in files:
        if not blocks(path):
            continue
        print(f"{os.path.relpath(path, ROOT)}:")
        total += run_file(os.path.abspath(path), larder, has_serve)
    print(f"all {total} documented command blocks ran")


if __name__ == "__main__":
    main(sys.argv[1:])
