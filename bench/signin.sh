#!/usr/bin/env bash
# Sign-in flood benchmark: p99 of an authenticated page while 200 wrong passwords a second hit the sign-in form,
# next to the same page without that traffic, in one run. Starts and stops its own PostgreSQL, portal and nginx;
# loopback only.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
cd "$root"

ensure_packages
swift build -c release --product portal 2>&1 | grep -E "error:|Build.*complete" >&2 || true

work=$(mktemp -d /tmp/kolektor-bench-signin.XXXXXX)
chmod 755 "$work"
trap 'stop_cluster "$work/pg"; rm -rf "$work"' EXIT
start_cluster "$work/pg" "$work/pgsock"
export DATABASE_URL="host=$work/pgsock dbname=postgres user=postgres"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
mkdir -p "$work/stack" && chmod 755 "$work/stack"
python3 bench/signin_bench.py --root "$root" --work "$work/stack" --portal "$root/.build/release/portal" \
    --duration "${BENCH_DURATION:-10}" --rate "${BENCH_RATE:-200}"
