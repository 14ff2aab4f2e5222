#!/usr/bin/env bash
# Scheduling checks against the test cluster started with shared_preload_libraries =
# 'reelbase,pg_cron' (see scripts/test.sh). TAP-style lines.
#   setup            databases, tasks (one always failing) and the pg_cron job
#   check            the background worker and pg_cron both ran maintenance (waits up to 90 s)
#   check-shutdown   after the cluster stopped: the worker stopped cleanly
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
source "$(dirname "$0")/tap.sh"
# wait_for DB SQL: until the query returns t, at most 90 s
wait_for() {
  local i
  for i in $(seq 1 90); do
    [ "$(q -d "$1" -c "$2" 2>/dev/null)" = t ] && return 0
    sleep 1
  done
  return 1
}

# The worker's database has learning (its events partitions are checked); pg_cron's has the
# core alone, which must be enough for maintenance.
extension_for() { if [ "$1" = reelbase_worker ]; then echo reelbase_learning; else echo reelbase; fi; }

setup() {
  for db in reelbase_worker reelbase_cron; do
    q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
    q -d "$db" -c "CREATE EXTENSION $(extension_for "$db") CASCADE" -c "
      CREATE TABLE public.task_runs (at timestamptz DEFAULT clock_timestamp());
      CREATE FUNCTION public.count_run() RETURNS void LANGUAGE sql AS 'INSERT INTO public.task_runs DEFAULT VALUES';
      CREATE FUNCTION public.always_fails() RETURNS void LANGUAGE plpgsql AS \$\$BEGIN RAISE EXCEPTION 'this task always fails'; END\$\$;
      SELECT reelbase.register_maintenance_task('always-fails', 'public.always_fails()', '1 second');
      SELECT reelbase.register_maintenance_task('count-runs', 'public.count_run()', '1 second');"
  done
  # pg_cron 1.4's launcher learns of a new job from a relcache invalidation of cron.job, but
  # ignores the cache reset PostgreSQL sends instead when a backend's invalidation queue
  # overflows. pg_regress's CREATE EXTENSION right after this used to overflow it now and
  # then, and the job was never loaded. Here the job is scheduled in a transaction that
  # overflows the queue on purpose (temp tables: a few invalidations each), so the race is
  # not left to chance; then the setup does what the README tells users to do: SIGHUP makes
  # pg_cron reread cron.job.
  q -d postgres -c "CREATE EXTENSION IF NOT EXISTS pg_cron" -c "BEGIN" \
    -c "SELECT cron.schedule_in_database('reelbase-maintenance', '* * * * *', 'SELECT reelbase.run_maintenance()', 'reelbase_cron')" \
    -c "DO \$\$BEGIN FOR i IN 1..1500 LOOP EXECUTE format('CREATE TEMP TABLE flood_%s ()', i); END LOOP; END\$\$" \
    -c "COMMIT" -c "SELECT pg_reload_conf()" >/dev/null
  echo "# scheduling set up: worker in reelbase_worker, pg_cron job for reelbase_cron"
}

check_runs() {
  check "the background worker runs maintenance on schedule" \
    wait_for reelbase_worker "SELECT count(*) >= 2 FROM reelbase.maintenance_runs WHERE runner = 'reelbase maintenance worker'"
  local pid1 pid2
  pid1=$(q -d postgres -c "SELECT pid FROM pg_stat_activity WHERE backend_type = 'reelbase maintenance worker'")
  check "a failing task is recorded and the others still run" \
    wait_for reelbase_worker "SELECT (SELECT last_status FROM reelbase.maintenance_tasks WHERE name = 'always-fails') = 'failed' AND (SELECT count(*) FROM public.task_runs) >= 2"
  sleep 2
  pid2=$(q -d postgres -c "SELECT pid FROM pg_stat_activity WHERE backend_type = 'reelbase maintenance worker'")
  check "the worker survives failing tasks (pid $pid1 then $pid2)" test -n "$pid1" -a "$pid1" = "$pid2"
  check "the worker made the events partitions ahead" \
    wait_for reelbase_worker "SELECT count(*) >= 5 FROM reelbase.partition_status WHERE NOT is_default"
  check "pg_cron runs reelbase.run_maintenance() (within a minute)" \
    wait_for reelbase_cron "SELECT count(*) >= 1 FROM reelbase.maintenance_runs"
  check "the pg_cron job succeeded" \
    wait_for postgres "SELECT count(*) >= 1 FROM cron.job_run_details WHERE status = 'succeeded' AND command LIKE '%run_maintenance%'"
  if [ "$bad" -gt 0 ]; then # what pg_cron did, for the log
    q -d postgres -c "SELECT '# pg_cron run: ' || status || ' ' || coalesce(return_message, '') || ' at ' || start_time FROM cron.job_run_details ORDER BY runid DESC LIMIT 5"
    grep -i 'cron' "$REELBASE_CLUSTER_DIR/server.log" | tail -n 10 | sed 's/^/# /'
  fi
}

check_shutdown() {
  check "the worker stopped cleanly at shutdown" grep -q "reelbase maintenance worker stopped" "$REELBASE_CLUSTER_DIR/server.log"
  check "no backend crashed during the tests (but the crash-recovery suite's deliberate kills)" no_crash
}

# A backend terminated by a signal, other than those test-crash-recovery.sh killed on purpose.
no_crash() {
  local kills="$REELBASE_CLUSTER_DIR/deliberate-kills" crashes
  crashes=$(grep 'terminated by signal' "$REELBASE_CLUSTER_DIR/server.log" \
    | grep -vF -f <(sed 's/.*/(PID &)/' "$kills" 2>/dev/null || true))
  [ -z "$crashes" ] || { echo "$crashes" | sed 's/^/# /'; return 1; }
}

case "${1:-}" in
  setup) setup ;;
  check) check_runs ;;
  check-shutdown) check_shutdown ;;
  *) die "usage: $0 setup | check | check-shutdown" ;;
esac
[ "$bad" -eq 0 ]
