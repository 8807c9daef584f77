#!/usr/bin/env bash
# Runs every Larder test: installs missing system and Python packages, checks the code's
# formatting against .swift-format (`swift format lint`; `swift format -i -r Sources Tests
# Packages Package.swift` fixes it), then `swift test`, the
# fraud data checks, the demo at its small size from a new repository, every command shown
# in README.md and docs/*.md, and the HTTP API's contract (docs/openapi.yaml against
# `larder serve`, with schemathesis), and the web console in headless Chromium
# (tools/console_browser.py; `--screenshots docs/console` refreshes the README's pictures).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
echo "== formatting (swift format, .swift-format)"
swift format lint --strict --recursive Sources Tests Packages Package.swift
swift build --build-tests
swift test --skip-build

larder="$(pwd)/.build/debug/larder"
scratch=$(mktemp -d -t larder-test-XXXXXX)
trap 'rm -rf "$scratch"' EXIT

echo "== fraud data generator"
python3 tools/check_fraud_data.py
echo "== demo (small)"
LARDER_DEMO_SIZE=small LARDER_BIN="$larder" bash tools/demo.sh "$scratch/fraud_repo"
echo "== documented commands"
python3 tools/check_doc_commands.py --larder "$larder"
echo "== HTTP API contract"
python3 tools/api_contract.py --larder "$larder"
echo "== web console in headless Chromium"
python3 tools/console_browser.py --larder "$larder" --screenshots "$scratch/console"
