#!/usr/bin/env bash
# Runs every Larder test: installs missing system and Python packages, then `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
swift build --build-tests
swift test --skip-build
