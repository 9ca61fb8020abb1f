# Shared shell functions for make run, make test and the benchmarks. Source it; it defines functions only.

# Debian packages the build, the portal and the tests need.
KOLEKTOR_PACKAGES="libfcgi-dev libpq-dev libargon2-dev libcurl4-openssl-dev libcairo2-dev libpango1.0-dev
libqrencode-dev libssl-dev zlib1g-dev libxml2-dev postgresql nginx curl python3 wrk zbar-tools poppler-utils
chromium chromium-driver fonts-dejavu-core"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs the packages that are missing; apt-get runs only when something is missing.
ensure_packages() {
    local missing=()
    for package in $KOLEKTOR_PACKAGES; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "missing packages: ${missing[*]} (run as root or install them with apt-get)"
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Python modules the end-to-end tests use: aiosmtpd (a real SMTP server) and selenium (drives Chromium).
KOLEKTOR_PYTHON_MODULES="aiosmtpd selenium"

ensure_python_modules() {
    local missing=()
    for module in $KOLEKTOR_PYTHON_MODULES; do
        python3 -c "import $module" 2>/dev/null || missing+=("$module")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing Python modules ${missing[*]}"
    if ! python3 -m pip --version >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip >/dev/null
    fi
    python3 -m pip install -q "${missing[@]}" 2>/dev/null \
        || python3 -m pip install -q --break-system-packages "${missing[@]}"
}

# Prints the bin directory of the newest installed PostgreSQL server.
pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$dir/initdb" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
    echo "$dir"
}

# Runs a PostgreSQL server command as the postgres user when we are root (the server refuses to run as root).
as_pg_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# start_cluster DATA_DIR SOCKET_DIR: creates the cluster on first use and starts it, listening on the unix socket
# only. Local connections are trusted, and only the owner (and root) may use the socket.
start_cluster() {
    local data=$1 sockets=$2 bin
    bin=$(pg_bindir)
    mkdir -p "$data" "$sockets"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$data" "$sockets"; fi
    chmod 700 "$data"
    chmod 755 "$sockets"
    if [ ! -f "$data/PG_VERSION" ]; then
        log "creating PostgreSQL cluster in $data"
        as_pg_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
        cat >>"$data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$sockets'
unix_socket_permissions = 0700
fsync = off
max_connections = 200
CONF
    fi
    if ! as_pg_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        as_pg_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 start >/dev/null \
            || { tail -n 20 "$data/server.log" >&2; die "PostgreSQL did not start"; }
    fi
}

stop_cluster() {
    local data=$1
    [ -f "$data/PG_VERSION" ] || return 0
    as_pg_owner "$(pg_bindir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

# ensure_database SOCKET_DIR NAME: creates the role and database NAME when they do not exist.
ensure_database() {
    local sockets=$1 name=$2
    local psql=(psql -h "$sockets" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
    if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$name'")" != "1" ]; then
        "${psql[@]}" -c "CREATE ROLE \"$name\" LOGIN CREATEDB"
    fi
    if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" != "1" ]; then
        "${psql[@]}" -c "CREATE DATABASE \"$name\" OWNER \"$name\""
    fi
}

# render_nginx ROOT PREFIX LISTEN SOCKET: writes PREFIX/nginx.conf from nginx/dev.conf.template.
render_nginx() {
    local root=$1 prefix=$2 listen=$3 socket=$4 user_line=""
    mkdir -p "$prefix"/tmp/{body,fastcgi,proxy,uwsgi,scgi}
    if [ "$(id -u)" -eq 0 ]; then
        user_line="user www-data;"
        chown -R www-data "$prefix/tmp"
    fi
    sed -e "s|@ROOT@|$root|g" -e "s|@PREFIX@|$prefix|g" -e "s|@LISTEN@|$listen|g" \
        -e "s|@SOCKET@|$socket|g" -e "s|@USER@|$user_line|" \
        "$root/nginx/dev.conf.template" >"$prefix/nginx.conf"
    nginx -t -q -c "$prefix/nginx.conf" -p "$prefix" 2>&1 | grep -v "could not open error log" >&2 || true
}

start_nginx() {
    local prefix=$1
    if [ -f "$prefix/nginx.pid" ] && kill -0 "$(cat "$prefix/nginx.pid")" 2>/dev/null; then
        nginx -c "$prefix/nginx.conf" -p "$prefix" -s reload
    else
        nginx -c "$prefix/nginx.conf" -p "$prefix"
    fi
}

stop_nginx() {
    local prefix=$1
    if [ -f "$prefix/nginx.pid" ] && kill -0 "$(cat "$prefix/nginx.pid")" 2>/dev/null; then
        nginx -c "$prefix/nginx.conf" -p "$prefix" -s quit 2>/dev/null || kill "$(cat "$prefix/nginx.pid")"
        for _ in $(seq 50); do [ -f "$prefix/nginx.pid" ] || break; sleep 0.1; done
    fi
}

# stop_pidfile FILE: sends SIGTERM to the process in FILE and waits up to 15 s for it to finish its requests.
stop_pidfile() {
    local file=$1 pid
    [ -f "$file" ] || return 0
    pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    rm -f "$file"
}

# wait_http URL SECONDS: waits until URL answers 200.
wait_http() {
    local url=$1 seconds=$2
    for _ in $(seq $((seconds * 10))); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = "200" ] && return 0
        sleep 0.1
    done
    return 1
}
