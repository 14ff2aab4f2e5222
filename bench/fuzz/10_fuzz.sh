#!/usr/bin/env bash
# The fuzzer of scripts/test.sh at ten times its CI size: BENCH_FUZZ_CALLS (10,000) calls per
# function, a different seed (BENCH_FUZZ_SEED, 2) from CI's, so a run here tries inputs CI has
# not. Reports per function what it returned and refused, the slowest call and the backend's
# memory growth; fails the section on any lost connection, internal error or timeout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
say "fuzz: ${BENCH_FUZZ_CALLS:-10000} calls per function, seed ${BENCH_FUZZ_SEED:-2}"
REELBASE_FUZZ_DB=${PGDATABASE}_run REELBASE_FUZZ_CALLS=${BENCH_FUZZ_CALLS:-10000} \
  REELBASE_FUZZ_SEED=${BENCH_FUZZ_SEED:-2} bash "$here/../../scripts/test-fuzz.sh" \
  | tee "$BENCH_OUT/fuzz.txt"
