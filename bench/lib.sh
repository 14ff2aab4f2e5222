# Helpers shared by the benchmark steps; sourced, not run. bench/run.sh sets up the cluster and
# exports BENCH_OUT (raw outputs), BENCH_SECONDS, BENCH_WARMUP and PGDATABASE before a step runs.
# The benchmarks own port 55440 unless told otherwise, so they never touch a cluster on the
# default port that someone else is using.
export REELBASE_PORT=${REELBASE_PORT:-55440}
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
BENCH_ROOT=$REELBASE_ROOT/bench
BENCH_OUT=${BENCH_OUT:-$BENCH_ROOT/out}
BENCH_SECONDS=${BENCH_SECONDS:-15}
BENCH_WARMUP=${BENCH_WARMUP:-2}
PGBENCH=${PGBENCH:-$(pg_bindir)/pgbench}

# psql that stops at the first error and prints nothing but query results.
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
# One value, unaligned.
q1() { psql -X -q -v ON_ERROR_STOP=1 -At -c "$1"; }

# CPU time (clock ticks) of the cluster's exited backends: the postmaster's cutime + cstime,
# to which each backend's user and system time is added when the postmaster reaps it. Waits
# until no backend of $PGDATABASE is left and no child is a zombie, so every finished session
# is counted.
backend_cpu_ticks() {
  local pm
  pm=$(head -n 1 "$REELBASE_CLUSTER_DIR/postmaster.pid")
  while ps --ppid "$pm" -o stat=,args= | grep -qE "^Z|postgres: [^ ]+ $PGDATABASE "; do
    sleep 0.05
  done
  awk '{ print $16 + $17 }' "/proc/$pm/stat"
}

# run_pgbench NAME SCRIPT CLIENTS SECONDS: runs pgbench (-M prepared, fixed seed) and writes its
# output to $BENCH_OUT/NAME.txt and the CPU time its backends used (microseconds) to
# $BENCH_OUT/NAME.cpu. Fails the whole benchmark if pgbench reports any error.
run_pgbench() {
  local name=$1 script=$2 clients=$3 seconds=$4 log=$BENCH_OUT/$1.txt before after
  before=$(backend_cpu_ticks)
  if ! "$PGBENCH" -n -M prepared -c "$clients" -j 1 -T "$seconds" --random-seed=42 \
       -f "$script" >"$log" 2>&1; then
    cat "$log" >&2
    die "pgbench run $name failed (output in $log)"
  fi
  after=$(backend_cpu_ticks)
  echo $(( (after - before) * 1000000 / $(getconf CLK_TCK) )) >"$BENCH_OUT/$name.cpu"
  grep -q '^number of transactions actually processed' "$log" \
    || die "pgbench run $name: no transaction count in $log"
}

# Figures from a pgbench log: transactions processed, TPS, average latency (ms).
pgbench_txns() { sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$1"; }
pgbench_tps() { sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$1"; }
pgbench_latency() { sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$1"; }
# Backend CPU microseconds per transaction of run NAME.
pgbench_cpu_per_txn() { calc "$(cat "$BENCH_OUT/$1.cpu") / $(pgbench_txns "$BENCH_OUT/$1.txt")"; }

# Floating-point arithmetic for the report: calc EXPR (awk syntax).
calc() { awk "BEGIN { printf \"%s\", ($1) }"; }

# start_cluster LOGNAME: builds and installs the extension and starts a fresh throwaway cluster
# on $REELBASE_PORT (settings from REELBASE_EXTRA_CONF), destroyed when the calling script
# exits unless BENCH_KEEP_CLUSTER=1.
start_cluster() {
  bash "$REELBASE_ROOT/scripts/deps.sh"
  say "building and installing reelbase"
  make -s -C "$REELBASE_ROOT" install >"$BENCH_OUT/$1.log" 2>&1 \
    || { tail -n 40 "$BENCH_OUT/$1.log"; die "make install failed (log: $BENCH_OUT/$1.log)"; }
  say "starting a fresh throwaway cluster on port $REELBASE_PORT"
  bash "$REELBASE_ROOT/scripts/cluster.sh" start --fresh
  if [ "${BENCH_KEEP_CLUSTER:-0}" != 1 ]; then
    trap 'bash "$REELBASE_ROOT/scripts/cluster.sh" destroy' EXIT
  fi
}

# create_bench_db SECTION: database bench_SECTION with the extension, exported as PGDATABASE.
create_bench_db() {
  export PGDATABASE=bench_$1
  PGDATABASE=postgres q -c "CREATE DATABASE $PGDATABASE"
  q -c 'CREATE EXTENSION reelbase_learning CASCADE' -c 'CREATE EXTENSION reelbase_market'
}

# pair_runs PREFIX CLIENTS TARGET A SCRIPT_A B SCRIPT_B [RESET [CHECK]]: variant A against its
# baseline B in the same run: a warm-up of each, then two runs of each interleaved (A B, then
# B A), the command RESET VARIANT before every run and CHECK RUN_NAME after every measured run.
# Prints each run, the best-of-2 TPS of each and the ratio A/B against TARGET ("-": none), and
# the least CPU per transaction of each.
pair_runs() {
  local prefix=$1 clients=$2 target=$3 reset=${8:-true} check=${9:-true} v rep name ratio
  local -A script=([$4]=$5 [$6]=$7) tps cpu
  for v in "$4" "$6"; do
    $reset "$v"
    run_pgbench "$prefix-warmup-$v" "${script[$v]}" "$clients" "$BENCH_WARMUP"
  done
  for rep in 1 2; do
    local order=("$4" "$6")
    [ "$rep" = 2 ] && order=("$6" "$4")
    for v in "${order[@]}"; do
      name=$prefix-$v-c$clients-run$rep
      $reset "$v"
      run_pgbench "$name" "${script[$v]}" "$clients" "$BENCH_SECONDS"
      $check "$name"
      tps[$v,$rep]=$(pgbench_tps "$BENCH_OUT/$name.txt")
      cpu[$v,$rep]=$(pgbench_cpu_per_txn "$name")
      printf '  %-16s run %s: %9.1f TPS  %7.1f us CPU/transaction\n' "$v" "$rep" "${tps[$v,$rep]}" "${cpu[$v,$rep]}"
    done
  done
  local best_a best_b least_a least_b verdict=""
  best_a=$(calc "${tps[$4,1]} > ${tps[$4,2]} ? ${tps[$4,1]} : ${tps[$4,2]}")
  best_b=$(calc "${tps[$6,1]} > ${tps[$6,2]} ? ${tps[$6,1]} : ${tps[$6,2]}")
  least_a=$(calc "${cpu[$4,1]} < ${cpu[$4,2]} ? ${cpu[$4,1]} : ${cpu[$4,2]}")
  least_b=$(calc "${cpu[$6,1]} < ${cpu[$6,2]} ? ${cpu[$6,1]} : ${cpu[$6,2]}")
  ratio=$(calc "$best_a / $best_b")
  [ "$target" = - ] || verdict=" (target >= $target: $(calc "$ratio >= $target ? \"met\" : \"missed\""))"
  printf '%s/s (best): %.1f   %s/s (best): %.1f   ratio %s/%s = %.3f%s\n' \
    "$4" "$best_a" "$6" "$best_b" "$4" "$6" "$ratio" "$verdict"
  printf 'CPU per transaction (least): %s %.1f us, %s %.1f us   ratio %s/%s = %.3f\n' \
    "$4" "$least_a" "$6" "$least_b" "$6" "$4" "$(calc "$least_b / $least_a")"
}
