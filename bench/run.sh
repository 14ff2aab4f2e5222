#!/usr/bin/env bash
# reelbase benchmarks: the one entry point.
#   bench/run.sh [SECTION...]      sections: learning search rollups partitions market stories publishing factory fuzz (default: all of them)
# Builds and installs the extension once, starts a fresh throwaway cluster on $REELBASE_PORT
# (55440 unless set), and for each section creates database bench_<section> with the extension
# and runs bench/<section>/NN_*.sh in name order. Raw outputs go to bench/out/ (gitignored).
# Settings: BENCH_SECONDS (15) per measured pgbench run, BENCH_WARMUP (2) seconds of warm-up
# per variant, BENCH_INSTRUCTIONS=0 skips the valgrind instruction counts, BENCH_KEEP_CLUSTER=1
# leaves the cluster running afterwards.
set -euo pipefail
export REELBASE_PORT=${REELBASE_PORT:-55440}
# Room for the search section's 100,000 x 6 KB embeddings (1.6 GB after an index build) in
# shared buffers, so it measures Postgres and not the OS page cache.
export REELBASE_EXTRA_CONF=${REELBASE_EXTRA_CONF:-$'shared_buffers = 3GB\nmax_parallel_workers_per_gather = 1'}
bench_dir=$(cd "$(dirname "$0")" && pwd)
source "$bench_dir/lib.sh"
export BENCH_OUT BENCH_SECONDS BENCH_WARMUP

all_sections=(learning search rollups partitions market stories publishing factory fuzz)
sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=("${all_sections[@]}")
for s in "${sections[@]}"; do
  [ -d "$bench_dir/$s" ] || die "unknown section '$s' (sections: ${all_sections[*]})"
done

mkdir -p "$BENCH_OUT"
exec > >(tee "$BENCH_OUT/run.log") 2>&1

start_cluster make-install

say "setup"
echo "server:   $(PGDATABASE=postgres q1 'SELECT version()')"
echo "settings: fsync=$(PGDATABASE=postgres q1 'SHOW fsync') (throwaway cluster, durability off;" \
  "absolute figures are higher than on a durable server)," \
  "shared_buffers=$(PGDATABASE=postgres q1 'SHOW shared_buffers')"
echo "machine:  $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start" \
  "(shared with other work: compare run 1 and run 2 to see the noise)"
echo "pgbench:  $("$PGBENCH" --version), -M prepared, -j 1, $BENCH_SECONDS s per run," \
  "$BENCH_WARMUP s warm-up per variant"

status=0
for s in "${sections[@]}"; do
  create_bench_db "$s"
  for step in "$bench_dir/$s"/[0-9][0-9]_*.sh; do
    started=$SECONDS
    bash "$step" || { status=$?; echo "step $(basename "$step") failed (exit $status)"; break 2; }
    echo "($s/$(basename "$step"): $((SECONDS - started)) s)"
  done
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg); total $SECONDS s"
exit $status
