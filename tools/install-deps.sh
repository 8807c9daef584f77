#!/usr/bin/env bash
# Installs what Larder needs on a Debian machine that has the Swift toolchain:
# the C libraries it links (from Debian) and the Python packages its tests and
# benchmarks use to write fixtures and cross-check results (from PyPI).
# Safe to run again: it installs only what is missing.
set -euo pipefail

debian_packages=(libsqlite3-dev liblmdb-dev libsnappy-dev libzstd-dev zlib1g-dev liblz4-dev pkg-config)
# The web console's browser test (tools/console_browser.py) drives headless Chromium with Selenium.
debian_packages+=(chromium chromium-driver)
# The PostgreSQL offline store's tests start their own server with initdb and pg_ctl.
debian_packages+=(postgresql)
# The Redis online store: the C client it wraps, and the server and CLI its tests start.
debian_packages+=(libhiredis-dev redis-server redis-tools)
# Each entry is a module to look for, then after a colon the PyPI package when its name differs.
# schemathesis and openapi-spec-validator hold the HTTP API to docs/openapi.yaml (tools/api_contract.py).
python_packages=(pyarrow pandas duckdb requests feast schemathesis openapi_spec_validator:openapi-spec-validator)
python_packages+=(selenium)
# redis: Feast's Redis online store, the peer of the Redis benchmarks (tools/bench/feast_online_peer.py --redis).
python_packages+=(redis)
# scipy: the reference the drift statistics are tested against (tools/quality_reference.py) and the
# drift benchmark's peer (tools/bench/quality_peer.py).
python_packages+=(scipy)

missing=()
for package in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing Debian packages: ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Looks the packages up without importing them (importing feast alone takes seconds).
read -r -a missing_python <<<"$(python3 - "${python_packages[@]}" <<'PY'
import importlib.util, sys
entries = [entry.partition(":") for entry in sys.argv[1:]]
print(" ".join(package or module for module, _, package in entries if importlib.util.find_spec(module) is None))
PY
)"
if [ ${#missing_python[@]} -gt 0 ]; then
    echo "installing Python packages: ${missing_python[*]}"
    python3 -m pip install -q --disable-pip-version-check "${missing_python[@]}"
fi
