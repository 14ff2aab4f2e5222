#!/usr/bin/env bash
# Instructions per ingestion call, counted by valgrind: the figure behind 20_metrics_ingestion.sh
# that other load on the machine cannot disturb. Two variants, each one statement over the same
# rows (bench.metrics_rows: one day of 100 contents): the plain INSERT ... ON CONFLICT DO UPDATE
# into the month's partition (the baseline) and record_daily_metrics. Each block is written
# twice in a row, so half the calls insert and half update, as re-ingested days do. The
# cluster is stopped and one single-user backend (postgres --single) runs TRUNCATE of the
# partition, PREPARE p(int, int) AS <variant> and EXECUTE p(block, day) N times; per call =
# (I(N2) - I(N1)) / (N2 - N1). Skipped when BENCH_INSTRUCTIONS=0 or without valgrind.
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$here/../valgrind.sh"

say "factory: instructions per ingestion call of 100 rows (valgrind, single-user backend)"
valgrind_available || exit 0
n1=${BENCH_INSTRUCTIONS_N1:-100}
n2=${BENCH_INSTRUCTIONS_N2:-300}
partition=$(q1 "SELECT c.oid::regclass FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'factory.cf_performance_metrics'::regclass
                  AND pg_get_expr(c.relpartbound, c.oid) LIKE '%FROM (''' || bench.ingest_day(0) || ''')%'")
[ -n "$partition" ] || die "no partition holds $(q1 'SELECT bench.ingest_day(0)')"
make_valgrind_tree factory

variants=(plain_upsert record_daily_metrics)
declare -A statement=(
  [plain_upsert]="$(grep -v -e '^--' -e '^\\' "$here/pgbench/plain_upsert.sql.in" | tr '\n' ' ' \
                    | sed -e 's/;[[:space:]]*$//' -e "s/@PARTITION@/$partition/" -e 's/:b\b/$1/g' -e 's/:d\b/$2/g')"
  [record_daily_metrics]="SELECT * FROM factory.record_daily_metrics(bench.metrics_rows(\$1, \$2))")
declare -A label=([plain_upsert]="plain INSERT ... ON CONFLICT" [record_daily_metrics]="record_daily_metrics")

# instructions VARIANT N: total instructions of a single-user backend making N calls from an
# empty partition: blocks 0..99 of day 0, then of day 1, ..., each block twice in a row.
instructions() {
  local sql=$BENCH_OUT/factory-instructions-$1-$2.sql
  {
    echo "TRUNCATE $partition"
    echo "PREPARE p(int, int) AS $(tr '\n' ' ' <<<"${statement[$1]}")"
    awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++) { c = int(i / 2); printf "EXECUTE p(%d, %d)\n", c % 100, int(c / 100) % 28 } }'
  } >"$sql"
  single_user_instructions "$PGDATABASE" "$sql" "$BENCH_OUT/factory-instructions-$1-$2.log"
}

q -c "TRUNCATE $partition" -c "VACUUM ANALYZE $partition" >/dev/null
declare -A per
instructions_per_call "$n1" "$n2" "${variants[@]}"
echo "$((n2 - n1)) calls per variant (difference of $n2 and $n1 calls; half insert, half update)"
print_instructions 30 plain_upsert "${variants[@]}"
