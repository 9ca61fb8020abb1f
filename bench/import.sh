#!/usr/bin/env bash
# Import benchmark: `portal import --mode snapshot` of 100 000 receivables for 20 000 debtors (Kolektor XML), then
# a re-import of the same receivables with 1 % of remaining amounts changed. The baseline, in the same run, is
# `psql \copy` of the same rows from CSV into a bare table. For reference it also times a floor: one SQL INSERT of
# the same rows into the receivables table, which is what PostgreSQL alone spends on a first import's new rows
# (indexes and reference checks included). Peak RSS comes from GNU time. With LARGE=1 it also
# imports 1 000 000 receivables for 200 000 debtors to check peak RSS. Starts and stops its own PostgreSQL cluster
# on a unix socket.
#
# Targets: snapshot import at most 3 x the baseline, the 1 % re-import at most 2 x the baseline, and peak RSS under
# 150 MB for the 1 000 000-receivable file (reported as "not run" without LARGE=1).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
cd "$root"

receivables=${RECEIVABLES:-100000}
debtors=${DEBTORS:-20000}
large=${LARGE:-0}
creditor=25097563

ensure_packages
if [ ! -x /usr/bin/time ]; then
    KOLEKTOR_PACKAGES="time" ensure_packages
fi
swift build -c release --product portal 2>&1 | grep -E "error|Build complete" >&2 || true
portal="$root/.build/release/portal"

work=$(mktemp -d /tmp/kolektor-bench-import.XXXXXX)
chmod 755 "$work"
trap 'stop_cluster "$work/pg"; rm -rf "$work"' EXIT
start_cluster "$work/pg" "$work/pgsock"
export DATABASE_URL="host=$work/pgsock dbname=postgres user=postgres"
: >"$work/empty.conf"
export KOLEKTOR_CONFIG="$work/empty.conf"
# The 1 000 000-receivable file is about 300 MB, above the default 100 MiB limit.
export KOLEKTOR_IMPORT_MAX_BYTES=$((1024 * 1024 * 1024))
"$portal" migrate >/dev/null
"$portal" admin create-organization --ico "$creditor" --name "Benchmark s.r.o." >/dev/null
psql=(psql -h "$work/pgsock" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)

log "generating $receivables receivables for $debtors debtors"
python3 bench/make_import_file.py --creditor "$creditor" --receivables "$receivables" --debtors "$debtors" \
    --csv "$work/rows.csv" "$work/first.xml"
python3 bench/make_import_file.py --creditor "$creditor" --receivables "$receivables" --debtors "$debtors" \
    --remaining-percent 50 --changed-percent 1 "$work/changed.xml"

# now_seconds: prints the current time in seconds with nanoseconds.
now_seconds() { date +%s.%N; }

# timed_import NAME FILE: runs a snapshot import under GNU time and stores NAME's wall time and peak RSS (kB).
declare -A seconds rss
timed_import() {
    local name=$1 file=$2 start
    start=$(now_seconds)
    /usr/bin/time -v -o "$work/$name.time" "$portal" import --creditor "$creditor" --mode snapshot "$file" \
        >"$work/$name.out" 2>"$work/$name.err" \
        || { cat "$work/$name.err" "$work/$name.time" >&2; die "import of $file failed"; }
    seconds[$name]=$(echo "$(now_seconds) - $start" | bc)
    rss[$name]=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")
    log "$name: ${seconds[$name]} s"
}

log "baseline: psql \\copy of $receivables rows into a bare table"
"${psql[@]}" -c "CREATE TABLE bench_receivables (
    external_id text, invoice_number text, variable_symbol text, issue_date date, due_date date, currency text,
    total_minor bigint, remaining_minor bigint, debtor_name text, debtor_ico text)"
start=$(now_seconds)
"${psql[@]}" -c "\\copy bench_receivables FROM '$work/rows.csv' WITH (FORMAT csv)"
seconds[baseline]=$(echo "$(now_seconds) - $start" | bc)

log "snapshot import into an empty creditor"
timed_import first "$work/first.xml"
log "re-import with 1 % of remaining amounts changed"
timed_import changed "$work/changed.xml"

# A floor for the first import: PostgreSQL alone inserting the same rows into receivables, with its indexes and
# reference checks, and nothing parsed or compared. Rolled back, so the table stays as the imports left it.
log "floor: INSERT of the same rows into receivables"
start=$(now_seconds)
"${psql[@]}" -c "BEGIN" -c "INSERT INTO receivables (organization_id, debtor_id, external_id, invoice_number,
        variable_symbol, issue_date, due_date, currency, total_minor, remaining_minor, status, source, created_at,
        updated_at)
    SELECT d.organization_id, d.id, 'floor-' || b.external_id, b.invoice_number, b.variable_symbol, b.issue_date,
           b.due_date, b.currency, b.total_minor, b.remaining_minor, 'open', 'import', now(), now()
    FROM bench_receivables b
    JOIN debtors d ON d.ico = b.debtor_ico::char(8)
    JOIN organizations o ON o.id = d.organization_id AND o.ico = '$creditor'" -c "ROLLBACK" >/dev/null
seconds[floor]=$(echo "$(now_seconds) - $start" | bc)

if [ "$large" = "1" ]; then
    log "generating 1 000 000 receivables for 200 000 debtors"
    python3 bench/make_import_file.py --creditor "$creditor" --receivables 1000000 --debtors 200000 \
        "$work/large.xml"
    rm -f "$work/first.xml" "$work/changed.xml"
    log "snapshot import of 1 000 000 receivables"
    timed_import large "$work/large.xml"
fi

# verdict ACTUAL LIMIT: prints PASS when ACTUAL <= LIMIT, otherwise FAIL.
verdict() { if [ "$(echo "$1 <= $2" | bc)" = "1" ]; then echo PASS; else echo FAIL; fi; }
ratio() { echo "scale=2; $1 / ${seconds[baseline]}" | bc; }
megabytes() { echo $(($1 / 1024)); }

echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "PostgreSQL: $("${psql[@]}" -c 'SHOW server_version')"
echo
printf '| %-52s | %8s | %14s | %13s | %-31s |\n' "run" "time (s)" "x baseline" "peak RSS (MB)" "target"
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..54})" "----------" "----------------" "---------------" \
    "---------------------------------"
printf '| %-52s | %8.2f | %14s | %13s | %-31s |\n' "baseline: psql \\copy of $receivables rows" \
    "${seconds[baseline]}" "1.00" "-" "-"
printf '| %-52s | %8.2f | %14s | %13s | %-31s |\n' "floor: SQL INSERT of the rows into receivables" \
    "${seconds[floor]}" "$(ratio "${seconds[floor]}")" "-" "(for reference)"
first_ratio=$(ratio "${seconds[first]}")
printf '| %-52s | %8.2f | %14s | %13s | %-31s |\n' "snapshot import, $receivables new" "${seconds[first]}" \
    "$first_ratio" "$(megabytes "${rss[first]}")" "<= 3 x baseline: $(verdict "$first_ratio" 3)"
changed_ratio=$(ratio "${seconds[changed]}")
printf '| %-52s | %8.2f | %14s | %13s | %-31s |\n' "re-import, 1 % of amounts changed" "${seconds[changed]}" \
    "$changed_ratio" "$(megabytes "${rss[changed]}")" "<= 2 x baseline: $(verdict "$changed_ratio" 2)"
if [ "$large" = "1" ]; then
    large_mb=$(megabytes "${rss[large]}")
    printf '| %-52s | %8.2f | %14s | %13s | %-31s |\n' "snapshot import, 1 000 000 rows" "${seconds[large]}" "-" \
        "$large_mb" "RSS < 150 MB: $(verdict "$large_mb" 149)"
else
    printf '| %-52s | %8s | %14s | %13s | %-31s |\n' "snapshot import, 1 000 000 rows" "-" "-" "-" \
        "RSS < 150 MB: not run (LARGE=1)"
fi
