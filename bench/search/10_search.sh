#!/usr/bin/env bash
# Step for bench/run.sh: runs the search benchmark in the cluster and database bench/run.sh set
# up (bench_search). Its tables need shared_buffers of about 2 GB or more; see run.sh.
set -euo pipefail
exec bash "$(cd "$(dirname "$0")" && pwd)/run.sh" --reuse
