# Shared by the partitions steps; sourced after ../lib.sh, not run (bench/run.sh runs only
# NN_*.sh). The databases and the variants that 30_throughput.sh and 40_instructions.sh compare.

# $PGDATABASE (bench_partitions, made by bench/run.sh) has reelbase 0.3.0; 20_data.sh makes the
# other two with reelbase 0.2.0.
part_db=$PGDATABASE
unpart_db=${PGDATABASE}_unpartitioned   # 0.2.0 + the indexes 0.3.0 adds (20_data.sh)
released_db=${PGDATABASE}_v020          # 0.2.0 as released (instruction counts only)

# The statements are bench/learning's pgbench scripts, unchanged.
declare -A script=([plain]=$BENCH_ROOT/learning/pgbench/plain_insert.sql
                   [track]=$BENCH_ROOT/learning/pgbench/track_video_event.sql)
declare -A label=([plain]="plain INSERT" [track]="track_video_event")
declare -A db_of=([part]=$part_db [unpart]=$unpart_db [released]=$released_db)
declare -A db_label=([part]="partitioned (0.3.0)" [unpart]="unpartitioned (0.2.0+idx)"
                     [released]="0.2.0 as released")

# Autovacuum off for the events table (every partition of it), so no worker wakes up inside
# one run and not another; the other tables were vacuumed by 20_data.sh.
events_autovacuum_off() {
  PGDATABASE=$1 q -At <<'SQL'
DO $$
DECLARE leaf regclass;
BEGIN
  -- For a plain table, pg_partition_tree() gives the table itself as the one leaf.
  FOR leaf IN SELECT relid FROM pg_partition_tree('learning.video_analytics_events') WHERE isleaf LOOP
    EXECUTE format('ALTER TABLE %s SET (autovacuum_enabled = off)', leaf);
  END LOOP;
END
$$;
SQL
}
