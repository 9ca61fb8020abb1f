#!/usr/bin/env bash
# make bench: measures HTTP throughput and latency of the portal behind nginx and compares it with a minimal
# FastCGI responder (bench/minimal_responder.c) behind the same nginx configuration. The minimal responder
# does no work, so the ratio of their requests/s shows how much the portal's own work per request lowers
# throughput. The table also shows the backend's CPU time per request, which other load on the machine
# disturbs less than requests/s.
#
# Everything runs on this machine: a throwaway PostgreSQL cluster, `portal serve` and the minimal responder on
# unix sockets in a temporary directory, two nginx instances on free loopback ports, and wrk aimed at those
# ports only. Everything is stopped and the directory removed on exit.
#
# Settings (environment variables):
#   KOLEKTOR_THREADS  FastCGI worker threads of the portal and of the minimal responder (default 4)
#   BENCH_DURATION    seconds of each measured wrk run (default 10)
#   BENCH_WARMUP      seconds of the warm-up run per target before measuring (default 3)
#
# The exit status is 0 when every measurement ran, whether or not the targets were met. The result column of
# the table shows PASS or FAIL for each line that has a target.
set -Eeuo pipefail
# -E lets functions and subshells report too, so a failure prints its line and the lines of the calls around it.
trap 'printf "error: bench/http.sh: a command failed at line %s\n" "$LINENO" >&2' ERR
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
cd "$root"

threads=${KOLEKTOR_THREADS:-4}
duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-3}
connection_counts=(16 64)
wrk_threads=2
# Targets for `/`: requests/s at least target_ratio times the minimal responder's at every connection count,
# and a p99 latency below target_p99_ms milliseconds at target_p99_connections connections.
target_ratio=0.70
target_p99_ms=20
target_p99_connections=64
# Other load above this percentage of all CPUs during a run marks the run as disturbed and prints a warning.
other_cpu_warning_percent=5

for setting in "KOLEKTOR_THREADS=$threads" "BENCH_DURATION=$duration" "BENCH_WARMUP=$warmup"; do
    [[ ${setting#*=} =~ ^[1-9][0-9]*$ ]] || die "${setting%%=*} must be a whole number above 0, got \"${setting#*=}\""
done

ensure_packages

work=$(mktemp -d /tmp/kolektor-bench.XXXXXX)
# nginx workers run as www-data when started as root and must reach the sockets in this directory.
chmod 755 "$work"
cleanup() {
    set +e
    trap - ERR
    stop_nginx "$work/nginx-portal"
    stop_nginx "$work/nginx-minimal"
    stop_pidfile "$work/portal.pid"
    stop_pidfile "$work/minimal.pid"
    stop_cluster "$work/pg"
    rm -rf "$work"
}
trap cleanup EXIT

# Prints a TCP port on 127.0.0.1 that is free at the moment of the call.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_socket PATH PIDFILE: waits up to 15 s for the server in PIDFILE to create its unix socket. Returns 1 when
# the server exits first or the 15 s pass.
wait_socket() {
    local path=$1 pidfile=$2
    for _ in $(seq 150); do
        [ -S "$path" ] && return 0
        kill -0 "$(cat "$pidfile")" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

log "building portal (release)"
swift build -c release --product portal >"$work/build.log" 2>&1 \
    || { tail -n 30 "$work/build.log" >&2; die "swift build failed; the last lines of its output are above"; }
portal="$root/.build/release/portal"

log "building the minimal FastCGI responder"
gcc -O2 -Wall -o "$work/minimal_responder" "$root/bench/minimal_responder.c" -lfcgi -lpthread

log "starting a throwaway PostgreSQL cluster in $work/pg"
start_cluster "$work/pg" "$work/pgsock"
ensure_database "$work/pgsock" kolektor

portal_port=$(free_port)
minimal_port=$(free_port)
[ "$portal_port" != "$minimal_port" ] || minimal_port=$(free_port)

# An empty configuration file keeps the portal from reading var/portal.conf of a development instance.
: >"$work/portal.conf"
portal_env=(
    KOLEKTOR_CONFIG="$work/portal.conf"
    DATABASE_URL="host=$work/pgsock dbname=kolektor user=kolektor"
    KOLEKTOR_LISTEN="$work/portal.sock"
    KOLEKTOR_SOCKET_MODE=666
    KOLEKTOR_THREADS="$threads"
    KOLEKTOR_MODE=production
    KOLEKTOR_BASE_URL="http://127.0.0.1:$portal_port"
    KOLEKTOR_MAX_BODY_BYTES=1048576
    KOLEKTOR_DATA_DIR="$work/data"
)

log "migrating the database"
env "${portal_env[@]}" "$portal" migrate >"$work/migrate.log" 2>&1 \
    || { cat "$work/migrate.log" >&2; die "portal migrate failed"; }

log "starting portal serve with $threads threads"
# The portal writes one log line per request to stderr, which goes to a file in the temporary directory.
env "${portal_env[@]}" "$portal" serve >"$work/portal.log" 2>&1 &
echo $! >"$work/portal.pid"
wait_socket "$work/portal.sock" "$work/portal.pid" \
    || { cat "$work/portal.log" >&2; die "portal serve did not create $work/portal.sock; its log is above"; }

log "starting the minimal responder with $threads threads"
"$work/minimal_responder" "$work/minimal.sock" "$threads" >"$work/minimal.log" 2>&1 &
echo $! >"$work/minimal.pid"
wait_socket "$work/minimal.sock" "$work/minimal.pid" \
    || { cat "$work/minimal.log" >&2; die "minimal_responder did not create $work/minimal.sock; its log is above"; }

log "starting nginx on 127.0.0.1:$portal_port (portal) and 127.0.0.1:$minimal_port (minimal responder)"
render_nginx "$root" "$work/nginx-portal" "127.0.0.1:$portal_port" "$work/portal.sock"
start_nginx "$work/nginx-portal"
render_nginx "$root" "$work/nginx-minimal" "127.0.0.1:$minimal_port" "$work/minimal.sock"
start_nginx "$work/nginx-minimal"

wait_http "http://127.0.0.1:$portal_port/healthz" 30 || {
    tail -n 20 "$work/portal.log" "$work/nginx-portal/error.log" >&2
    die "the portal did not return HTTP 200 on /healthz within 30 s; the end of its log and of nginx's is above"
}
wait_http "http://127.0.0.1:$minimal_port/" 10 || {
    tail -n 20 "$work/minimal.log" "$work/nginx-minimal/error.log" >&2
    die "the minimal responder did not return HTTP 200 within 10 s; the end of its log and of nginx's is above"
}

# Benchmark targets: name, URL and the pid file of the FastCGI backend that serves it. The minimal responder
# comes first, because the ratios refer to it.
target_names=("minimal /" "portal /" "portal /healthz")
target_urls=(
    "http://127.0.0.1:$minimal_port/"
    "http://127.0.0.1:$portal_port/"
    "http://127.0.0.1:$portal_port/healthz"
)
target_pidfiles=("$work/minimal.pid" "$work/portal.pid" "$work/portal.pid")

for i in "${!target_names[@]}"; do
    status_and_size=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "${target_urls[$i]}")
    [ "${status_and_size% *}" = "200" ] || die "${target_names[$i]} returned HTTP ${status_and_size% *}, expected 200"
    log "${target_names[$i]}: HTTP 200, ${status_and_size#* } bytes of body"
done

# parse_wrk FILE: prints "REQUESTS_PER_SECOND P99_MS ERRORS REQUESTS" from wrk --latency output. ERRORS counts
# socket errors (connect, read, write, timeout) and responses with a status other than 2xx or 3xx.
parse_wrk() {
    awk '
        function milliseconds(value) {
            if (value ~ /us$/) return value * 0.001
            if (value ~ /ms$/) return value * 1
            if (value ~ /m$/) return value * 60000
            if (value ~ /s$/) return value * 1000
            return -1
        }
        $1 == "99%" { p99 = milliseconds($2) }
        $1 == "Requests/sec:" { rps = $2 }
        $2 == "requests" && $3 == "in" { requests = $1 }
        /Socket errors:/ { errors += $4 + $6 + $8 + $10 }
        /Non-2xx or 3xx responses:/ { errors += $NF }
        END {
            if (rps == "" || p99 == "" || requests == "") exit 1
            printf "%.1f %.2f %d %d\n", rps, p99, errors, requests
        }
    ' "$1"
}

# run_wrk URL CONNECTIONS SECONDS OUTPUT: one wrk run against URL, its output saved to OUTPUT.
run_wrk() {
    local url=$1 connections=$2 seconds=$3 output=$4
    wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" --latency "$url" >"$output" 2>&1 \
        || { cat "$output" >&2; die "wrk failed against $url"; }
}

# cpu_ticks PIDFILE: prints the user plus system CPU time of the process in clock ticks (fields 14 and 15 of
# /proc/PID/stat, counted after the parenthesised command name, which may contain spaces).
cpu_ticks() {
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$(cat "$1")/stat"
}
ticks_per_second=$(getconf CLK_TCK)

# machine_busy_seconds: prints the CPU time that all CPUs together spent outside idle and iowait since boot,
# steal time included, in seconds.
machine_busy_seconds() {
    awk -v hz="$ticks_per_second" '$1 == "cpu" { printf "%.2f\n", ($2 + $3 + $4 + $7 + $8 + $9) / hz; exit }' /proc/stat
}

# server_seconds: prints the CPU time, in seconds, used so far by the servers this script started and by their
# child processes (nginx workers, PostgreSQL backends).
server_seconds() {
    local roots
    roots=" $(cat "$work/portal.pid" "$work/minimal.pid" "$work/nginx-portal/nginx.pid" \
        "$work/nginx-minimal/nginx.pid" | tr '\n' ' ') $(head -n 1 "$work/pg/postmaster.pid") "
    # Processes that exit between the glob and the read make cat fail. They are skipped, and so is the failure.
    { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v roots="$roots" -v hz="$ticks_per_second" '
        {
            pid = $1
            sub(/^.*\) /, "")
            if (index(roots, " " pid " ") || index(roots, " " $2 " ")) total += $12 + $13
        }
        END { printf "%.2f\n", total / hz }'
}

# read_children_seconds NAME: sets the variable NAME to the user plus system CPU time, in seconds, of the
# finished child processes of this shell (wrk and the small tools). It reads the second line of the `times`
# builtin, such as "0m1.250s 0m0.310s", which must run in the main shell: in a command substitution it would
# report the children of that subshell.
read_children_seconds() {
    times >"$work/times.txt"
    printf -v "$1" '%s' "$(awk 'NR == 2 {
        for (i = 1; i <= 2; i++) {
            split($i, parts, /[ms]/)
            total += parts[1] * 60 + parts[2]
        }
        printf "%.2f\n", total
    }' "$work/times.txt")"
}

log "warming up each target for ${warmup} s"
for i in "${!target_names[@]}"; do
    run_wrk "${target_urls[$i]}" "${connection_counts[0]}" "$warmup" "$work/warmup.txt"
done

# measure INDEX CONNECTIONS: runs wrk against target INDEX and stores its figures under the key
# "INDEX,CONNECTIONS". Besides wrk's figures it stores the backend's CPU time per request and the share of the
# machine's CPU time that processes other than this benchmark used during the run.
declare -A rps p99 errors cpu_per_request other_cpu_percent
measure() {
    local index=$1 connections=$2 key="$1,$2" output="$work/wrk-$1-$2.txt" requests
    local ticks_before ticks_after busy_before busy_after servers_before servers_after children_before children_after
    local started finished
    log "wrk -t$wrk_threads -c$connections -d${duration}s --latency against ${target_names[$index]}"

    ticks_before=$(cpu_ticks "${target_pidfiles[$index]}")
    busy_before=$(machine_busy_seconds)
    servers_before=$(server_seconds)
    read_children_seconds children_before
    started=$(date +%s.%N)

    run_wrk "${target_urls[$index]}" "$connections" "$duration" "$output"

    finished=$(date +%s.%N)
    read_children_seconds children_after
    servers_after=$(server_seconds)
    busy_after=$(machine_busy_seconds)
    ticks_after=$(cpu_ticks "${target_pidfiles[$index]}")

    read -r rps[$key] p99[$key] errors[$key] requests < <(parse_wrk "$output") \
        || { cat "$output" >&2; die "could not read the results of wrk above"; }
    cpu_per_request[$key]=$(
        awk -v ticks=$((ticks_after - ticks_before)) -v hz="$ticks_per_second" -v n="$requests" \
            'BEGIN { printf "%.0f", (n > 0 ? ticks / hz * 1e6 / n : 0) }'
    )
    # NOTE: kernel threads (ksoftirqd, kworker) that handle part of this benchmark's traffic count as other load
    # here, so an idle machine still shows a few percent.
    other_cpu_percent[$key]=$(
        awk -v busy="$busy_before $busy_after" -v servers="$servers_before $servers_after" \
            -v children="$children_before $children_after" -v wall="$started $finished" -v cpus="$(nproc)" '
            function delta(pair, values) {
                split(pair, values, " ")
                return values[2] - values[1]
            }
            BEGIN {
                other = delta(busy) - delta(servers) - delta(children)
                if (other < 0) other = 0
                printf "%.0f", other / (delta(wall) * cpus) * 100
            }'
    )
}

for connections in "${connection_counts[@]}"; do
    for i in "${!target_names[@]}"; do
        measure "$i" "$connections"
    done
done

# Read after all load: VmHWM is the peak resident set size since the process started.
peak_rss() {
    awk '$1 == "VmHWM:" { printf "%.1f MiB", $2 / 1024 }' "/proc/$(cat "$1")/status"
}
portal_peak_rss=$(peak_rss "$work/portal.pid")
minimal_peak_rss=$(peak_rss "$work/minimal.pid")
portal_error_lines=$(grep -c 'level=error' "$work/portal.log" || true)

# ratio_to_minimal KEY CONNECTIONS: prints the requests/s of the run KEY divided by the minimal responder's at
# the same connection count, or "-" for the minimal responder itself.
ratio_to_minimal() {
    local key=$1 connections=$2
    if [ "$key" = "0,$connections" ]; then
        echo "-"
        return
    fi
    awk -v a="${rps[$key]}" -v b="${rps["0,$connections"]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'
}

# judge_root KEY CONNECTIONS RATIO: prints PASS, or FAIL with the reasons, for a run of portal /.
judge_root() {
    local key=$1 connections=$2 ratio=$3 reasons=""
    if [ "${errors[$key]}" -gt 0 ]; then
        reasons+="${reasons:+, }${errors[$key]} errors"
    fi
    if ! awk -v r="$ratio" -v t="$target_ratio" 'BEGIN { exit !(r != "-" && r >= t) }'; then
        reasons+="${reasons:+, }ratio below $target_ratio"
    fi
    if [ "$connections" -eq "$target_p99_connections" ] \
        && ! awk -v p="${p99[$key]}" -v t="$target_p99_ms" 'BEGIN { exit !(p < t) }'; then
        reasons+="${reasons:+, }p99 not below $target_p99_ms ms"
    fi
    if [ -n "$reasons" ]; then
        echo "FAIL ($reasons)"
    else
        echo "PASS"
    fi
}

echo
echo "HTTP benchmark: portal vs minimal FastCGI responder"
echo "date:        $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:     $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)," \
    "$(free -h | awk '/^Mem:/ { print $2 }') RAM"
# wrk --version prints its version and usage, and exits with status 1.
echo "software:    $(nginx -v 2>&1 | sed 's/^nginx version: //')," \
    "$({ wrk --version 2>&1 || true; } | awk 'NR == 1 { print $1, $2 }')," \
    "PostgreSQL $("$(pg_bindir)/postgres" --version | awk '{ print $3 }')"
echo "setup:       $threads FastCGI threads per backend, wrk -t$wrk_threads -d${duration}s --latency," \
    "${warmup} s warm-up per target, no upstream keepalive"
echo

row_format='%-16s %5s %11s %8s %6s %10s %9s %6s  %s\n'
printf "$row_format" "target" "conns" "requests/s" "p99 ms" "errors" "cpu us/req" "other cpu" "ratio" "result"
for connections in "${connection_counts[@]}"; do
    for i in "${!target_names[@]}"; do
        key="$i,$connections"
        ratio=$(ratio_to_minimal "$key" "$connections")
        result="no target"
        if [ "${target_names[$i]}" = "portal /" ]; then
            result=$(judge_root "$key" "$connections" "$ratio")
            # The ratio also depends on the minimal responder's run, so other load during either run counts.
            if [ "${other_cpu_percent[$key]}" -gt "$other_cpu_warning_percent" ] \
                || [ "${other_cpu_percent["0,$connections"]}" -gt "$other_cpu_warning_percent" ]; then
                result+=", disturbed by other load"
            fi
        fi
        printf "$row_format" "${target_names[$i]}" "$connections" "${rps[$key]}" "${p99[$key]}" "${errors[$key]}" \
            "${cpu_per_request[$key]}" "${other_cpu_percent[$key]} %" "$ratio" "$result"
    done
done
echo
echo "cpu us/req: CPU time (user plus system) of the FastCGI backend process per request, in microseconds."
echo "            nginx, wrk and PostgreSQL run on the same CPUs and are not counted in it."
echo "other cpu: share of all CPUs used during the run by processes that this script did not start"
echo "ratio: requests/s of the portal target divided by the minimal responder's at the same connection count"
echo "targets for portal /: ratio at least $target_ratio at every connection count, and p99 below" \
    "$target_p99_ms ms at $target_p99_connections connections"
echo "peak RSS (VmHWM) after the load: portal serve $portal_peak_rss, minimal responder $minimal_peak_rss"
echo "portal log lines with level=error during the run: $portal_error_lines"

busiest_other=0
for key in "${!other_cpu_percent[@]}"; do
    if [ "${other_cpu_percent[$key]}" -gt "$busiest_other" ]; then
        busiest_other=${other_cpu_percent[$key]}
    fi
done
if [ "$busiest_other" -gt "$other_cpu_warning_percent" ]; then
    echo "WARNING: other processes used up to $busiest_other % of the CPUs during a run, so the requests/s and" \
        "p99 figures are lower than this machine delivers when idle. Rerun when the machine is idle."
fi
