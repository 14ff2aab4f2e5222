#!/usr/bin/env bash
# Semantic-search benchmark: numpy in memory vs learning.search_video_chunks (exact scan, IVF
# index at several probe counts) vs a plain-SQL cosine, 100,000 chunks x 1,536 dims, fixed seed.
#
#   bench/search/run.sh            build + install, start a fresh throwaway cluster on
#                                  $REELBASE_PORT (55470 unless set) with shared_buffers = 3GB,
#                                  create database bench_search, run, destroy the cluster
#   bench/search/run.sh --reuse    run against the cluster and database already set up by the
#                                  caller (PGHOST/PGPORT/PGDATABASE; the extension installed),
#                                  as bench/run.sh does for a section (10_search.sh calls this)
#
# Settings: BENCH_SEARCH_SEED (20261122), BENCH_SEARCH_PROBES (1,2,4,8,16,32),
# BENCH_SEARCH_PLAIN_QUERIES (3), BENCH_KEEP_CLUSTER=1 leaves the standalone cluster running.
# Generated vectors are cached in $BENCH_OUT/search-data-seed<seed>/ (about 600 MB); raw
# figures go to $BENCH_OUT/search-*.txt. Exits non-zero only if something fails, not when a
# target is missed.
set -euo pipefail
export REELBASE_PORT=${REELBASE_PORT:-55470}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
export BENCH_OUT
mkdir -p "$BENCH_OUT"

reuse=0
case "${1:-}" in
  --reuse) reuse=1 ;;
  "") ;;
  *) die "usage: $0 [--reuse]" ;;
esac

# The driver is Python: numpy (installed) and psycopg 3 for binary COPY and prepared statements.
python3 -c 'import numpy' 2>/dev/null || die "numpy is needed (python3 -m pip install numpy)"
if ! python3 -c 'import psycopg' 2>/dev/null; then
  say "installing psycopg[binary] from PyPI"
  python3 -m pip install -q 'psycopg[binary]' || die "could not install psycopg[binary]"
fi

if [ "$reuse" = 0 ]; then
  # 100,000 rows of 6 KB are 781 MB of heap (1.6 GB after an index build): shared_buffers must
  # hold them, or the scans measure the kernel page cache. One parallel worker at most.
  export REELBASE_EXTRA_CONF=${REELBASE_EXTRA_CONF:-$'shared_buffers = 3GB\nmax_parallel_workers_per_gather = 1'}
  start_cluster search-make-install
  create_bench_db search
fi

say "search: semantic search over 100,000 chunks x 1,536 dims"
sb=$(q1 "SELECT pg_size_bytes(current_setting('shared_buffers'))")
if [ "$sb" -lt $((2 * 1024 * 1024 * 1024)) ]; then
  echo "warning: shared_buffers is $(q1 'SHOW shared_buffers'); the table (1.6 GB after the index"
  echo "build) does not fit, so scans read through the kernel page cache and are slower. Start the"
  echo "cluster with REELBASE_EXTRA_CONF='shared_buffers = 3GB' for comparable figures."
fi
q -c 'CREATE EXTENSION IF NOT EXISTS pg_prewarm'
PYTHONDONTWRITEBYTECODE=1 python3 "$here/search_bench.py" \
  --seed "${BENCH_SEARCH_SEED:-20261122}" \
  --probes "${BENCH_SEARCH_PROBES:-1,2,4,8,16,32}" \
  --plain-queries "${BENCH_SEARCH_PLAIN_QUERIES:-3}" \
  2>&1 | tee "$BENCH_OUT/search-run.log"
exit "${PIPESTATUS[0]}"
