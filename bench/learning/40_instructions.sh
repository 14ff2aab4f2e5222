#!/usr/bin/env bash
# Instructions per call of the three variants of 20_throughput.sh, counted by valgrind: a figure
# that other load on the machine cannot disturb, unlike TPS and CPU time.
# The cluster is stopped and one single-user backend (postgres --single) runs, under
# valgrind --tool=cachegrind, PREPARE p(int) AS <the variant's pgbench statement> and then
# EXECUTE p(k) N times; instructions per call = (I(N2) - I(N1)) / (N2 - N1), which cancels start-up,
# extension loading and the first executions. No client protocol or socket I/O is counted.
# Skipped when BENCH_INSTRUCTIONS=0 or valgrind is not installed (scripts/deps.sh does not
# install it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
source "$here/../valgrind.sh"

say "learning: instructions per call (valgrind, single-user backend)"
valgrind_available || exit 0
n1=${BENCH_INSTRUCTIONS_N1:-100}
n2=${BENCH_INSTRUCTIONS_N2:-500}
make_valgrind_tree learning

variants=(plain track twin)
declare -A label=([plain]="plain INSERT" [track]="track_video_event (Swift)"
                  [twin]="PL/pgSQL twin")
declare -A script=([plain]=$here/pgbench/plain_insert.sql
                   [track]=$here/pgbench/track_video_event.sql
                   [twin]=$here/pgbench/plpgsql_twin.sql)

# instructions VARIANT N: total instructions of a single-user backend running N calls.
instructions() {
  local sql=$BENCH_OUT/learning-instructions-$1-$2.sql
  {
    echo 'TRUNCATE learning.video_analytics_events'
    echo "PREPARE p(int) AS $(pgbench_statement "${script[$1]}")"
    awk -v n="$2" 'BEGIN { for (i = 1; i <= n; i++) printf "EXECUTE p(%d)\n", (i * 7919) % 10000 + 1 }'
  } >"$sql"
  single_user_instructions "$PGDATABASE" "$sql" "$BENCH_OUT/learning-instructions-$1-$2.log"
}

declare -A per
instructions_per_call "$n1" "$n2" "${variants[@]}"
echo "$((n2 - n1)) calls per variant (difference of $n2 and $n1 calls), same statements as pgbench"
print_instructions 27 plain "${variants[@]}"
printf 'track/plain by instructions = %.3f, track/plpgsql = %.3f (single-user backend: no client\n' \
  "$(calc "${per[plain]} / ${per[track]}")" "$(calc "${per[twin]} / ${per[track]}")"
echo "protocol or socket I/O, which in the pgbench runs adds the same cost to every variant)"
