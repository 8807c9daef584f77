#!/usr/bin/env bash
# The end-to-end demo: installs what is missing, builds Larder in release mode, creates the
# fraud-detection example repository and applies its definitions.
# Usage: tools/demo.sh [WORKDIR]   (default: a new temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
workdir=${1:-$(mktemp -d -t larder-demo-XXXXXX)}

step() { printf '\n== %s\n' "$1"; }
timed() { local start=$EPOCHREALTIME; "$@"; awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "   (%.2f s)\n", b - a }'; }

step "Installing system packages if missing"
timed bash tools/install-deps.sh
step "Building Larder (release)"
timed swift build -c release --product larder
larder="$root/.build/release/larder"

step "Creating the fraud-detection repository in $workdir/fraud_repo"
rm -rf "$workdir/fraud_repo"
timed "$larder" init "$workdir/fraud_repo"
step "Planning (nothing is written)"
timed "$larder" plan --repo "$workdir/fraud_repo"
step "Applying the definitions"
timed "$larder" apply --repo "$workdir/fraud_repo"
step "What the registry now holds"
"$larder" feature-views list --repo "$workdir/fraud_repo"
echo
"$larder" feature-services list --repo "$workdir/fraud_repo"
