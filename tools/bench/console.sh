#!/usr/bin/env bash
# Web console figures, release build: the overview page's server time with 200 views x 20
# features, the lookup page's round trip (the whole page, and the fragment the live update
# fetches), the size of the embedded assets and of the overview page.
#
#   bash tools/bench/console.sh [LARDER_BIN]
#
# Latency is wrk's median with one connection (`wrk -t1 -c1 -d10s --latency`), on loopback:
# a request's time in the server plus one loopback round trip. The hot path's throughput before
# and after the console is tools/bench/compare_builds.sh, run separately (docs/BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/bench/http_bench_lib.sh
larder=${1:-}
if [ -z "$larder" ]; then
    swift build -c release --product larder >/dev/null
    larder=$(pwd)/.build/release/larder
fi
port=6571
work=$(mktemp -d /tmp/larder-console-bench.XXXXXX)
server=""
cleanup() {
    [ -z "$server" ] || kill "$server" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# 200 views of 20 features over one CSV source, one service using them all; each view
# materialized, so the freshness table has a newest event per view.
python3 tools/bench/make_apply_manifest.py "$work/repo" --views 200 --features 20
"$larder" apply --repo "$work/repo" --manifest "$work/repo/manifest.json" >/dev/null
"$larder" materialize --repo "$work/repo" 2025-01-01T00:00:00Z now >/dev/null
"$larder" serve --repo "$work/repo" --port $port >"$work/serve.log" 2>&1 &
server=$!
wait_for_port $port

median() {  # median PATH: wrk's 50th percentile for GET PATH, one connection.
    wrk -t1 -c1 -d10s --latency "http://127.0.0.1:$port$1" | awk '$1 == "50%" { print $2 }'
}
features=$(python3 -c 'print(",".join(f"view_0:f{i}" for i in range(20)))')
lookup="/ui/lookup?service=&features=$features&key.user_id=1"
for path in /ui "$lookup" "$lookup&fragment=result"; do
    curl -sf -o /dev/null "http://127.0.0.1:$port$path"  # warm the registry's cache
done
echo "overview page (200 views x 20 features), median:      $(median /ui)"
echo "lookup page (1 view x 20 features, 1 key), median:   $(median "$lookup")"
echo "lookup live update (result fragment), median:        $(median "$lookup&fragment=result")"
echo "/api/v1/overview, median:                            $(median /api/v1/overview)"
css=$(curl -sf "http://127.0.0.1:$port/ui/assets/console.css" | wc -c)
js=$(curl -sf "http://127.0.0.1:$port/ui/assets/console.js" | wc -c)
page=$(curl -sf "http://127.0.0.1:$port/ui" | wc -c)
page_gzip=$(curl -sf "http://127.0.0.1:$port/ui" | gzip -9 | wc -c)
echo "assets: console.css $css bytes, console.js $js bytes, total $((css + js)) bytes"
echo "overview page: $page bytes ($page_gzip gzipped)"
