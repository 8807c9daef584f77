# Shell functions the HTTP benchmarks share; source it from a benchmark script.

# wait_for_port PORT: waits up to 10 s for something to listen on 127.0.0.1:PORT.
wait_for_port() {
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing listens on port $1" >&2
    return 1
}

# write_post_lua FILE SERVICE: a wrk script that POSTs an online read of one random user
# (of 100,000) for a feature service.
write_post_lua() {
    cat > "$1" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
    counter = counter + 1
    local user = (counter * 7919) % 100000 + 1
    return wrk.format(nil, "/get-online-features", nil,
        '{"entities": {"user_id": [' .. user .. ']}, "feature_service": "$2"}')
end
LUA
}

# prepare_served_repo LARDER REPO DATA: the user_stats repository of DATA in REPO, applied and
# materialized with no TTL, so a server (reading at the current time) serves PRESENT values, as a
# live store would.
prepare_served_repo() {
    local larder=$1 repo=$2 data=$3
    python3 tools/bench/make_user_stats_repo.py "$repo" "$data"
    python3 - "$repo/manifest.json" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))
for view in manifest["feature_views"]:
    view.pop("ttl_seconds", None)
json.dump(manifest, open(sys.argv[1], "w"))
PY
    "$larder" apply --repo "$repo" --manifest "$repo/manifest.json" >/dev/null
    "$larder" materialize 2024-01-01 2026-01-01 --repo "$repo" >/dev/null
}
