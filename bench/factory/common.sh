# Shared by the factory steps; sourced. Loads data.sql once per bench database (run.sh's
# create_bench_db installs only learning and market; data.sql adds reelbase_factory).
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib.sh"
# Two workers where the step runs several: the machine has two cores.
clients=2
if [ "$(q1 "SELECT to_regprocedure('bench.content(bigint)') IS NULL")" = t ]; then
  say "factory: data (10,000 published contents, 1,000,000 metric rows)"
  started=$SECONDS
  q -o /dev/null -f "$here/data.sql"
  echo "loaded in $((SECONDS - started)) s: $(q1 "SELECT count(*) FROM factory.cf_performance_metrics") metric rows in" \
    "$(q1 "SELECT count(*) FROM pg_inherits WHERE inhparent = 'factory.cf_performance_metrics'::regclass") partitions"
fi
