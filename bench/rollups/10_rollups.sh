#!/usr/bin/env bash
# Step for bench/run.sh: runs the rollups benchmark in the cluster and database bench/run.sh set
# up (bench_rollups). See run.sh.
set -euo pipefail
exec bash "$(cd "$(dirname "$0")" && pwd)/run.sh" --reuse
