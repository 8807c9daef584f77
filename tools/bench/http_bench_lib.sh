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
