-- The partition engine: create_monthly_partition and its errors, managed sets (premake with
-- no data, draining the default partition, the far-future row, retention in each mode),
-- one maintenance runner at a time, partition_status, pruning, and the partitioned events table.
\set VERBOSITY default
\set SHOW_CONTEXT never
SET client_min_messages = warning;
SET timezone = 'America/Los_Angeles';  -- months are UTC months whatever the session's zone

CREATE SCHEMA pt;
CREATE TABLE pt.metrics (day date NOT NULL, value integer CHECK (value >= 0)) PARTITION BY RANGE (day);
CREATE TABLE pt.ticks (at timestamptz NOT NULL, note text) PARTITION BY RANGE (at);
CREATE TABLE pt.plain (at timestamptz);
CREATE TABLE pt.by_list (kind text) PARTITION BY LIST (kind);
CREATE TABLE pt.by_two (a date, b date) PARTITION BY RANGE (a, b);
CREATE TABLE pt.by_int (n integer) PARTITION BY RANGE (n);

-- create_monthly_partition: name, bounds, idempotence (seed 004).
SELECT reelbase.create_monthly_partition('pt.metrics', 2026, 2);
SELECT reelbase.create_monthly_partition('pt.metrics', 2026, 2) AS again;
SELECT reelbase.create_monthly_partition('pt.ticks', 2020, 12);
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bounds
FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
WHERE i.inhparent IN ('pt.metrics'::regclass, 'pt.ticks'::regclass) ORDER BY 1;
-- The parent's CHECK constraints hold in the new partition.
INSERT INTO pt.metrics VALUES ('2026-02-10', -1);
\echo :LAST_ERROR_SQLSTATE
-- Errors.
SELECT reelbase.create_monthly_partition('pt.plain', 2026, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.create_monthly_partition('pt.by_list', 2026, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.create_monthly_partition('pt.by_two', 2026, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.create_monthly_partition('pt.by_int', 2026, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.create_monthly_partition('pt.nope', 2026, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.create_monthly_partition('pt.metrics', 2026, 13);
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.create_monthly_partition('pt.metrics', 0, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.create_monthly_partition('pt.metrics', NULL, 1);
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE pt.this_table_name_is_long_enough_to_overflow_a_partition_x (d date) PARTITION BY RANGE (d);
SELECT reelbase.create_monthly_partition('pt.this_table_name_is_long_enough_to_overflow_a_partition_x', 2026, 1);
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE pt.metrics_2026_03 (day date, value integer);
SELECT reelbase.create_monthly_partition('pt.metrics', 2026, 3);
\echo :LAST_ERROR_SQLSTATE
DROP TABLE pt.metrics_2026_03;

-- Managed set: a default partition at once; premake without any data (the current month and
-- two ahead, whatever the date: the hand-made December 2020 partition is long past).
SELECT reelbase.manage_partitions('pt.ticks', premake => 2);
SELECT partition, is_default, rows_waiting_in_default FROM reelbase.partition_status WHERE parent = 'pt.ticks'::regclass;
SELECT action, count(*) FROM reelbase.run_maintenance() WHERE target LIKE '%ticks%' GROUP BY 1;
SELECT count(*) AS partitions_now, bool_and(next_missing_month = (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months')::date) AS next_missing_is_after_horizon
FROM reelbase.partition_status WHERE parent = 'pt.ticks'::regclass AND NOT is_default;
-- A second run has nothing to do.
SELECT count(*) AS second_run_actions FROM reelbase.run_maintenance() WHERE target LIKE '%ticks%';

-- Rows for a month without a partition land in the default partition; maintenance gives
-- them a partition and moves them. A row in 2100 stays in the default partition: no decades
-- of partitions (not even one).
INSERT INTO pt.ticks VALUES ('2026-05-10 12:00+00', 'may'), ('2026-05-31 23:30+00', 'may end'),
  ('2026-06-01 00:30+00', 'june'), ('2100-01-01 00:00+00', 'typo');
SELECT rows_waiting_in_default FROM reelbase.partition_status WHERE parent = 'pt.ticks'::regclass AND is_default;
SELECT action, target, detail FROM reelbase.run_maintenance() WHERE target LIKE '%ticks%' ORDER BY 1, 2;
SELECT tableoid::regclass AS partition, note FROM pt.ticks ORDER BY at;
SELECT rows_waiting_in_default FROM reelbase.partition_status WHERE parent = 'pt.ticks'::regclass AND is_default;
-- create_monthly_partition itself also moves waiting rows.
INSERT INTO pt.ticks VALUES ('2025-12-24 10:00+00', 'xmas');
SELECT reelbase.create_monthly_partition('pt.ticks', 2025, 12);
SELECT tableoid::regclass AS partition, note FROM pt.ticks WHERE note = 'xmas';

-- Pruning: a query for one month touches one partition.
EXPLAIN (COSTS OFF) SELECT * FROM pt.ticks WHERE at >= '2026-05-01 00:00+00' AND at < '2026-06-01 00:00+00';

-- Retention, each mode. Partitions entirely older than now() - retention go; the newest stays.
SELECT reelbase.manage_partitions('pt.metrics', premake => 0, retention => interval '6 months');
SELECT reelbase.create_monthly_partition('pt.metrics', 2025, m) FROM generate_series(1, 3) m;
SELECT action, target FROM reelbase.run_maintenance() WHERE target LIKE '%metrics%' AND action = 'detach' ORDER BY 2;
SELECT count(*) AS detached_tables_still_exist FROM pg_class WHERE relname IN ('metrics_2025_01', 'metrics_2025_02', 'metrics_2025_03') AND NOT relispartition;
SELECT reelbase.manage_partitions('pt.metrics', premake => 0, retention => interval '6 months', retention_mode => 'drop');
SELECT reelbase.create_monthly_partition('pt.metrics', 2024, 6);
SELECT action, target FROM reelbase.run_maintenance() WHERE target LIKE '%metrics%' AND action = 'drop' ORDER BY 2;
SELECT to_regclass('pt.metrics_2024_06') IS NULL AS dropped;
SELECT reelbase.manage_partitions('pt.metrics', premake => 0, retention => interval '6 months', retention_mode => 'archive', archive_schema => 'pt_archive');
SELECT reelbase.create_monthly_partition('pt.metrics', 2024, 7);
SELECT action, target FROM reelbase.run_maintenance() WHERE target LIKE '%metrics%' AND action = 'archive' ORDER BY 2;
SELECT to_regclass('pt_archive.metrics_2024_07') IS NOT NULL AS archived;
-- A set with only old partitions: maintenance first makes the current month's (premake 0 still
-- means "this month"), so both old ones go and the current one stays. (That retention never
-- retires the newest partition is a unit test of PartitionPlanner: through run_maintenance the
-- newest is always the current month.)
CREATE TABLE pt.old (d date NOT NULL) PARTITION BY RANGE (d);
SELECT reelbase.create_monthly_partition('pt.old', 2020, m) FROM generate_series(1, 2) m;
SELECT reelbase.manage_partitions('pt.old', premake => 0, retention => interval '1 month', retention_mode => 'drop');
SELECT action, target FROM reelbase.run_maintenance() WHERE target LIKE '%old%' AND action = 'drop' ORDER BY 2;
SELECT CASE WHEN c.relname = 'old_' || to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM') THEN 'old_<current month>'
            ELSE c.relname END AS partition
FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'pt.old'::regclass ORDER BY 1;
-- Bad settings.
SELECT reelbase.manage_partitions('pt.ticks', retention_mode => 'archive');
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.manage_partitions('pt.ticks', retention_mode => 'shred');
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.manage_partitions('pt.ticks', premake => -1);
\echo :LAST_ERROR_SQLSTATE
-- A retention that is not positive (as the interval comparison counts it: 30-day months).
SELECT reelbase.manage_partitions('pt.ticks', retention => interval '0');
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.manage_partitions('pt.ticks', retention => interval '1 month -31 days');
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.manage_partitions('pt.plain');
\echo :LAST_ERROR_SQLSTATE

-- One runner at a time: while another session holds the maintenance lock, a run returns at once.
CREATE EXTENSION IF NOT EXISTS dblink;
SELECT dblink_connect('other', 'dbname=' || current_database());
SELECT dblink_exec('other', 'BEGIN');
SELECT * FROM dblink('other', 'SELECT pg_try_advisory_xact_lock(8243106209152988005)') AS t(locked boolean);
SELECT action, detail FROM reelbase.run_maintenance();
SELECT dblink_exec('other', 'COMMIT');
SELECT dblink_disconnect('other');

-- The events table: track_video_event routes into monthly partitions; queries prune.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixtures :abs_srcdir '/sql/fixtures/'
\set fixture :fixtures 'learning.sql'
\i :fixture
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000011',
  'c0000000-0000-0000-0000-000000000001', p_timestamp := now()) IS NOT NULL AS recorded;
SELECT count(*) FILTER (WHERE action = 'drain') AS drained FROM reelbase.run_maintenance();
SELECT tableoid::regclass = ('learning.video_analytics_events_' || to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM'))::regclass AS in_current_month
FROM learning.video_analytics_events WHERE event_type = 'video_imported' AND "timestamp" > now() - interval '1 minute';
SELECT count(*) FILTER (WHERE tableoid = 'learning.video_analytics_events_default'::regclass) AS still_in_default,
       count(*) AS events
FROM learning.video_analytics_events;
-- An event in a month long past lands in the default partition; maintenance files it.
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000011',
  'c0000000-0000-0000-0000-000000000001', p_timestamp := '2025-01-15 10:00+00') IS NOT NULL AS recorded;
SELECT tableoid::regclass AS partition FROM learning.video_analytics_events WHERE "timestamp" = '2025-01-15 10:00+00';
SELECT action, target, detail FROM reelbase.run_maintenance() WHERE action = 'drain';
SELECT tableoid::regclass AS partition FROM learning.video_analytics_events WHERE "timestamp" = '2025-01-15 10:00+00';
-- Every partition has the default partition's key and indexes (the template; the parent has
-- none, so that a dump restores): same definitions, other names.
SELECT count(*) AS indexes_on_parent FROM pg_index WHERE indrelid = 'learning.video_analytics_events'::regclass;
SELECT c.relname AS partition, count(i.indexrelid) AS indexes,
       count(*) FILTER (WHERE i.indisprimary) AS primary_keys,
       count(*) FILTER (WHERE pg_get_indexdef(i.indexrelid) LIKE '%USING brin (created_at)') AS brin,
       count(*) FILTER (WHERE pg_get_indexdef(i.indexrelid) LIKE '%WHERE (module_id IS NOT NULL)') AS partial
FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid
LEFT JOIN pg_index i ON i.indrelid = c.oid
WHERE h.inhparent = 'learning.video_analytics_events'::regclass
  AND (c.relname LIKE '%default' OR c.relname LIKE '%2025_01')
GROUP BY c.relname ORDER BY 1;
-- The key holds within a partition.
INSERT INTO learning.video_analytics_events (id, event_type, video_id, creator_id, "timestamp")
SELECT id, event_type, video_id, creator_id, "timestamp" FROM learning.video_analytics_events
WHERE "timestamp" = '2025-01-15 10:00+00';
\echo :LAST_ERROR_SQLSTATE
EXPLAIN (COSTS OFF) SELECT count(*) FROM learning.video_analytics_events
WHERE "timestamp" >= '2025-01-01 00:00+00' AND "timestamp" < '2025-02-01 00:00+00';
\set fixture :fixtures 'learning_cleanup.sql'
\i :fixture

DELETE FROM reelbase.partition_sets WHERE parent::text LIKE 'pt.%';
DROP SCHEMA pt CASCADE;
DROP SCHEMA pt_archive CASCADE;
DROP EXTENSION dblink;
