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

say "learning: instructions per call (valgrind, single-user backend)"
if [ "${BENCH_INSTRUCTIONS:-1}" = 0 ]; then echo "skipped (BENCH_INSTRUCTIONS=0)"; exit 0; fi
if ! command -v valgrind >/dev/null || ! command -v objcopy >/dev/null; then
  echo "skipped: valgrind and objcopy (binutils) are needed"; exit 0
fi
n1=${BENCH_INSTRUCTIONS_N1:-100}
n2=${BENCH_INSTRUCTIONS_N2:-500}

# valgrind 3.19 cannot read the DWARF 5 debug info in reelbase.so, so the backend runs from a
# private copy of the server tree (same relative layout, so $libdir resolves into it) whose
# reelbase.so has its debug info stripped. The code is the same bytes.
tree=$BENCH_OUT/learning-pgtree
bindir=$(pg_bindir); pkglibdir=$("$PG_CONFIG" --pkglibdir); sharedir=$("$PG_CONFIG" --sharedir)
rm -rf "$tree"
mkdir -p "$tree$bindir" "$tree$pkglibdir" "$(dirname "$tree$sharedir")"
cp "$bindir/postgres" "$tree$bindir/"
for f in "$pkglibdir"/*; do ln -s "$f" "$tree$pkglibdir/"; done
rm "$tree$pkglibdir/reelbase.so"
objcopy --strip-debug "$pkglibdir/reelbase.so" "$tree$pkglibdir/reelbase.so"
ln -s "$sharedir" "$tree$sharedir"
chmod -R a+rX "$tree"

variants=(plain track twin)
declare -A label=([plain]="plain INSERT" [track]="track_video_event (Swift)"
                  [twin]="PL/pgSQL twin")
declare -A script=([plain]=$here/pgbench/plain_insert.sql
                   [track]=$here/pgbench/track_video_event.sql
                   [twin]=$here/pgbench/plpgsql_twin.sql)

# The pgbench statement on one line, :n turned into $1.
statement() { grep -v -e '^--' -e '^\\' "$1" | tr '\n' ' ' | sed -e 's/;[[:space:]]*$//' -e 's/:n\b/$1/g'; }

# instructions VARIANT N: total instructions of a single-user backend running N calls.
instructions() {
  local sql=$BENCH_OUT/learning-instructions-$1-$2.sql log=$BENCH_OUT/learning-instructions-$1-$2.log
  {
    echo 'TRUNCATE learning.video_analytics_events'
    echo "PREPARE p(int) AS $(statement "${script[$1]}")"
    awk -v n="$2" 'BEGIN { for (i = 1; i <= n; i++) printf "EXECUTE p(%d)\n", (i * 7919) % 10000 + 1 }'
  } >"$sql"
  chmod a+r "$sql"
  as_cluster_owner valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$tree$bindir/postgres" --single -D "$REELBASE_CLUSTER_DIR" "$PGDATABASE" <"$sql" >"$log" 2>&1 \
    || die "single-user backend under valgrind failed (see $log)"
  if grep -q 'ERROR' "$log"; then die "a statement failed in $log"; fi
  sed -n 's/.*I[[:space:]]*refs:[[:space:]]*\([0-9,]*\).*/\1/p' "$log" | tr -d ,
}

bash "$REELBASE_ROOT/scripts/cluster.sh" stop
declare -A per
for v in "${variants[@]}"; do
  a=$(instructions "$v" "$n1"); b=$(instructions "$v" "$n2")
  per[$v]=$(( (b - a) / (n2 - n1) ))
done
bash "$REELBASE_ROOT/scripts/cluster.sh" start >/dev/null
rm -rf "$tree"
echo "$((n2 - n1)) calls per variant (difference of $n2 and $n1 calls), same statements as pgbench"
printf '%-27s %18s %16s\n' variant instructions/call "plain/variant"
for v in "${variants[@]}"; do
  printf '%-27s %18d %16.3f\n' "${label[$v]}" "${per[$v]}" "$(calc "${per[plain]} / ${per[$v]}")"
done
printf 'track/plain by instructions = %.3f, track/plpgsql = %.3f (single-user backend: no client\n' \
  "$(calc "${per[plain]} / ${per[track]}")" "$(calc "${per[twin]} / ${per[track]}")"
echo "protocol or socket I/O, which in the pgbench runs adds the same cost to every variant)"
