#!/usr/bin/env bash
# Outbox benchmark: e-mails per second through portal worker to a local SMTP server, next to a baseline of the
# same messages sent straight to that server. Starts and stops its own PostgreSQL cluster; loopback only.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
cd "$root"

ensure_packages
ensure_python_modules
swift build -c release --product portal 2>&1 | grep -E "error|Build complete" >&2 || true

work=$(mktemp -d /tmp/kolektor-bench-outbox.XXXXXX)
chmod 755 "$work"
trap 'stop_cluster "$work/pg"; rm -rf "$work"' EXIT
start_cluster "$work/pg" "$work/pgsock"
export DATABASE_URL="host=$work/pgsock dbname=postgres user=postgres"
: >"$work/empty.conf"
KOLEKTOR_CONFIG="$work/empty.conf" .build/release/portal migrate >/dev/null

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
python3 bench/outbox_bench.py --portal "$root/.build/release/portal" --work "$work" --count "${COUNT:-5000}"
echo "letters (release build, 200 demand letters with address window, QR Platba and access code):"
KOLEKTOR_CONFIG="$work/empty.conf" .build/release/portal letters sample --count "${LETTERS:-200}"
