#!/usr/bin/env bash
# make stop: stops what make run started (portal, nginx and the development PostgreSQL cluster).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
stop_pidfile "$root/var/run/portal.pid"
stop_pidfile "$root/var/run/worker.pid"
stop_nginx "$root/var/nginx"
stop_cluster "$root/var/pg"
echo "stopped"
