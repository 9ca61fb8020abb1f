#!/usr/bin/env bash
# make run: install what is missing, build, start PostgreSQL, the portal and nginx, load demo data, print URLs.
# Safe to run again: it reuses the cluster and restarts the portal with the new build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
cd "$root"

var="$root/var"
listen="${KOLEKTOR_HTTP:-127.0.0.1:8080}"
mkdir -p "$var/run" "$var/log" "$var/mail"
chmod 755 "$var" "$var/run"

ensure_packages
log "building portal (release)"
swift build -c release --product portal 2>&1 | grep -E "error:|Build.*complete|Compiling" >&2 || true
[ -x .build/release/portal ] || die "build failed: run 'swift build -c release' to see the errors"

if [ -z "${DATABASE_URL:-}" ]; then
    start_cluster "$var/pg" "$var/run/pg"
    ensure_database "$var/run/pg" kolektor
    database_url="host=$var/run/pg dbname=kolektor user=kolektor"
else
    database_url=$DATABASE_URL
fi

cat >"$var/portal.conf" <<CONF
# Written by make run; read by the portal binary. Environment variables override these values.
DATABASE_URL=$database_url
KOLEKTOR_LISTEN=$var/run/portal.sock
# nginx workers run as another user and must reach the socket; development only.
KOLEKTOR_SOCKET_MODE=666
KOLEKTOR_MODE=development
KOLEKTOR_BASE_URL=http://$listen
KOLEKTOR_DATA_DIR=$var
CONF

log "migrating the database"
.build/release/portal migrate >&2
log "loading demo data"
demo=$(.build/release/portal demo)

stop_pidfile "$var/run/portal.pid"
stop_pidfile "$var/run/worker.pid"
log "starting portal serve and portal worker"
nohup .build/release/portal serve >>"$var/log/portal.log" 2>&1 &
echo $! >"$var/run/portal.pid"
nohup .build/release/portal worker >>"$var/log/worker.log" 2>&1 &
echo $! >"$var/run/worker.pid"

render_nginx "$root" "$var/nginx" "$listen" "$var/run/portal.sock"
start_nginx "$var/nginx"

wait_http "http://$listen/healthz" 30 || die "the portal did not answer on http://$listen/healthz; see make logs"

cat <<TEXT

Kolektor is running.
  Public site:      http://$listen/
  Client portal:    http://$listen/klient/
  Debtor portal:    http://$listen/dluznik/
  Lawyer portal:    http://$listen/advokat/
  Arbitrator:       http://$listen/rozhodce/
  Bailiff:          http://$listen/exekutor/
  Operator:         http://$listen/operator/
  Health:           http://$listen/healthz
  Dev mailbox:      http://$listen/vyvoj/posta

$demo

Logs: make logs    Stop: make stop
TEXT
