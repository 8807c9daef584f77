#!/usr/bin/env bash
# Times `larder apply`: a manifest of 200 views x 20 features into an empty registry and again
# unchanged, the Swift definitions of a new repository (`larder init`) built cold on their first
# apply, and the same definitions rebuilt incrementally (unchanged).
# Usage: tools/bench/apply.sh   (needs hyperfine; release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product larder >/dev/null
larder=$(pwd)/.build/release/larder
work=$(mktemp -d)
python3 tools/bench/make_apply_manifest.py "$work/wide" --views 200 --features 20
"$larder" init "$work/fraud" >/dev/null
"$larder" apply --repo "$work/fraud" >/dev/null
hyperfine -N --warmup 2 --runs 10 --export-json "$work/apply.json" \
    -n "apply 200x20 manifest, empty registry" --prepare "rm -rf $work/wide/.larder" \
    "$larder apply --repo $work/wide --manifest $work/wide/manifest.json" \
    -n "apply 200x20 manifest, unchanged" \
    "$larder apply --repo $work/wide --manifest $work/wide/manifest.json" \
    -n "apply Swift definitions, unchanged (incremental build)" \
    "$larder apply --repo $work/fraud"
hyperfine -N --runs 3 --export-json "$work/cold.json" \
    -n "first apply of a new repository (cold definitions build)" \
    --prepare "rm -rf $work/fraud/.build $work/fraud/.larder" \
    "$larder apply --repo $work/fraud"
python3 tools/bench/hyperfine_medians.py "$work/apply.json"
python3 tools/bench/hyperfine_medians.py "$work/cold.json"
rm -rf "$work"
