#!/usr/bin/env bash
# make test: installs what is missing, starts a throwaway PostgreSQL cluster, runs `swift test` and the end-to-end
# tests over nginx, then stops everything it started. A database that cannot be reached fails the run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
cd "$root"

ensure_packages
ensure_python_modules

work=$(mktemp -d /tmp/kolektor-test.XXXXXX)
chmod 755 "$work"
cleanup() {
    stop_cluster "$work/pg"
    rm -rf "$work"
}
trap cleanup EXIT

start_cluster "$work/pg" "$work/pgsock"
export DATABASE_URL="host=$work/pgsock dbname=postgres user=postgres"
export KOLEKTOR_TEST_PGDATA="$work/pg"

log "swift build"
swift build --build-tests 2>&1 | grep -E "error:|warning:|Build complete" || true
[ -x .build/debug/portal ] || die "build failed: run swift build --build-tests to see the errors"
log "swift test"
swift_status=0
swift test --skip-build >"$work/swift-test.log" 2>&1 || swift_status=$?
cat "$work/swift-test.log"
[ "$swift_status" -eq 0 ] || die "swift test failed (exit $swift_status)"

log "end-to-end tests over nginx"
python3 Tests/EndToEnd/run.py --root "$root" --work "$work" --portal "$root/.build/debug/portal"
