-- Generated from sql/ by extension/build-sql.sh; edit those files.
\echo Use "ALTER EXTENSION reelbase UPDATE TO '0.3.0'" to load this file. \quit

-- 0.3.0/30_partition_engine.sql
-- The partition engine and the maintenance scheduler. Monthly range partitions for any table
-- partitioned on a date or timestamp column: made ahead whether or not data arrives, rows
-- that land in the default partition moved into partitions of their own, retention applied.
-- reelbase.run_maintenance() does all of it, then every due periodic task; pg_cron or
-- reelbase's background worker call it on a schedule.

CREATE TABLE reelbase.partition_sets (
  parent regclass PRIMARY KEY,
  premake integer NOT NULL DEFAULT 4 CHECK (premake BETWEEN 0 AND 120),
  retention interval CHECK (retention IS NULL OR retention > interval '0'),
  retention_mode text NOT NULL DEFAULT 'detach' CHECK (retention_mode IN ('detach', 'drop', 'archive')),
  archive_schema name,
  -- Rows the extension script registers are recreated by CREATE EXTENSION, so pg_dump skips them.
  registered_by_extension boolean NOT NULL DEFAULT false,
  registered_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((retention_mode = 'archive') = (archive_schema IS NOT NULL))
);
COMMENT ON TABLE reelbase.partition_sets IS
  'Managed monthly partition sets (register with reelbase.manage_partitions). premake: months made ahead of the current one; retention: partitions whose whole range is older than now() - retention are detached, dropped or moved to archive_schema (never the newest).';
SELECT pg_catalog.pg_extension_config_dump('reelbase.partition_sets', 'WHERE NOT registered_by_extension');

CREATE TABLE reelbase.maintenance_tasks (
  name text PRIMARY KEY,
  function regprocedure NOT NULL,
  run_every interval NOT NULL DEFAULT interval '5 minutes' CHECK (run_every > interval '0'),
  enabled boolean NOT NULL DEFAULT true,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_status text,
  last_error text,
  registered_by_extension boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE reelbase.maintenance_tasks IS
  'Periodic tasks run by reelbase.run_maintenance() when due (a function taking no arguments). A failing task is recorded in last_status/last_error and does not stop the others.';
SELECT pg_catalog.pg_extension_config_dump('reelbase.maintenance_tasks', 'WHERE NOT registered_by_extension');

CREATE TABLE reelbase.maintenance_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  runner text NOT NULL,
  actions integer NOT NULL,
  failed_tasks integer NOT NULL
);
COMMENT ON TABLE reelbase.maintenance_runs IS
  'One row per completed reelbase.run_maintenance() call: who ran it (application_name: the background worker says reelbase maintenance worker) and what it did.';

CREATE FUNCTION reelbase.create_monthly_partition(table_name text, year integer, month integer)
  RETURNS text
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'rb_create_monthly_partition';
COMMENT ON FUNCTION reelbase.create_monthly_partition(text, integer, integer) IS
  'Creates partition <table>_YYYY_MM (in the parent''s schema) of a table range-partitioned on one date/timestamp column, bounds [first of month, first of next month) (UTC months for timestamptz); rows of that month waiting in the default partition move into it. Idempotent: returns the partition''s name whether it was made now or before. Errors: 42809 not partitioned that way, 22023 invalid month/year, 42622 name too long, 42P07 name taken by another table.';

CREATE FUNCTION reelbase.manage_partitions(
  parent regclass,
  premake integer DEFAULT 4,
  retention interval DEFAULT NULL,
  retention_mode text DEFAULT 'detach',
  archive_schema text DEFAULT NULL
) RETURNS void
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'rb_manage_partitions';
COMMENT ON FUNCTION reelbase.manage_partitions(regclass, integer, interval, text, text) IS
  'Registers (or re-configures) a monthly partition set and gives it a default partition <table>_default. reelbase.run_maintenance() then keeps it.';

CREATE FUNCTION reelbase.run_maintenance()
  RETURNS TABLE (action text, target text, detail text)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'rb_run_maintenance';
COMMENT ON FUNCTION reelbase.run_maintenance() IS
  'Partition maintenance for every set (premake, drain the default partition up to the premake horizon, retention) and every due task. One runner at a time: a concurrent call returns at once with action ''skipped''. Returns what it did.';

-- Runs one task in a subtransaction (the exception block), so its failure is recorded and the
-- next task still runs.
CREATE FUNCTION reelbase.run_task(p_name text) RETURNS text
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  fn regprocedure;
  message text;
BEGIN
  UPDATE reelbase.maintenance_tasks SET last_started_at = clock_timestamp()
  WHERE name = p_name RETURNING function INTO fn;
  IF fn IS NULL THEN
    RAISE EXCEPTION 'no maintenance task named %', p_name USING ERRCODE = '22023';
  END IF;
  BEGIN
    EXECUTE format('SELECT %s()', fn::regproc);
    UPDATE reelbase.maintenance_tasks
    SET last_finished_at = clock_timestamp(), last_status = 'ok', last_error = NULL WHERE name = p_name;
    RETURN 'ok';
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS message = MESSAGE_TEXT;
    UPDATE reelbase.maintenance_tasks
    SET last_finished_at = clock_timestamp(), last_status = 'failed', last_error = SQLSTATE || ': ' || message
    WHERE name = p_name;
    RETURN 'failed: ' || SQLSTATE || ': ' || message;
  END;
END
$$;
COMMENT ON FUNCTION reelbase.run_task(text) IS
  'Runs one registered maintenance task now, recording its outcome; returns ''ok'' or ''failed: <sqlstate>: <message>''.';

CREATE FUNCTION reelbase.register_maintenance_task(p_name text, p_function regprocedure,
                                                   p_run_every interval DEFAULT interval '5 minutes')
  RETURNS void
  LANGUAGE sql VOLATILE
  SET search_path = pg_catalog, pg_temp
AS $$
  INSERT INTO reelbase.maintenance_tasks (name, function, run_every) VALUES (p_name, p_function, p_run_every)
  ON CONFLICT (name) DO UPDATE SET function = EXCLUDED.function, run_every = EXCLUDED.run_every, enabled = true
$$;
COMMENT ON FUNCTION reelbase.register_maintenance_task(text, regprocedure, interval) IS
  'Adds or updates a periodic task that reelbase.run_maintenance() runs every p_run_every.';

REVOKE ALL ON FUNCTION reelbase.create_monthly_partition(text, integer, integer),
  reelbase.manage_partitions(regclass, integer, interval, text, text), reelbase.run_maintenance(),
  reelbase.run_task(text), reelbase.register_maintenance_task(text, regprocedure, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reelbase.create_monthly_partition(text, integer, integer),
  reelbase.manage_partitions(regclass, integer, interval, text, text), reelbase.run_maintenance(),
  reelbase.run_task(text), reelbase.register_maintenance_task(text, regprocedure, interval) TO reelbase_admin;
GRANT SELECT ON reelbase.partition_sets, reelbase.maintenance_tasks, reelbase.maintenance_runs TO reelbase_admin;
-- Administrators register and unregister sets and tasks (for tables they own).
GRANT INSERT, UPDATE, DELETE ON reelbase.partition_sets, reelbase.maintenance_tasks TO reelbase_admin;
-- Maintenance runs with the caller's rights: partitions can only be made, detached or dropped
-- by the tables' owner, so schedule it as the owner (pg_cron job owner, or the background
-- worker, which runs as the bootstrap superuser).
GRANT INSERT ON reelbase.maintenance_runs TO reelbase_admin;

-- 0.3.0/31_learning_events_partitioned.sql
-- learning.video_analytics_events becomes range-partitioned by month on "timestamp", managed
-- by the partition engine. The rows, indexes, foreign keys, CHECKs, policies, grants and
-- comments of the 0.1.0 table are carried over from the catalog rather than restated, so the
-- two cannot drift apart.
--
-- Deviation from seed 003: the primary key is (id, "timestamp") because a partitioned table's
-- unique constraints must include the partition key. Ids stay unique in practice: they are
-- UUIDv7 made by track_video_event or gen_random_uuid().

ALTER TABLE learning.video_analytics_events RENAME TO video_analytics_events_unpartitioned;

CREATE TABLE learning.video_analytics_events (
  LIKE learning.video_analytics_events_unpartitioned
    INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS INCLUDING STORAGE
) PARTITION BY RANGE ("timestamp");

DO $migrate$
DECLARE
  old regclass := 'learning.video_analytics_events_unpartitioned';
  -- Index names are schema-wide, so the new ones are made after the old table is gone.
  statements text[] := ARRAY['ALTER TABLE learning.video_analytics_events
    ADD CONSTRAINT video_analytics_events_pkey PRIMARY KEY (id, "timestamp")'];
  r record;
  stmt text;
BEGIN
  -- Secondary indexes (the old primary key is replaced above).
  FOR r IN SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
           WHERE i.indrelid = old AND NOT i.indisprimary LOOP
    statements := statements || replace(r.def, ' ON learning.video_analytics_events_unpartitioned ',
                                        ' ON learning.video_analytics_events ');
  END LOOP;
  FOR r IN SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
           WHERE conrelid = old AND contype = 'f' LOOP
    statements := statements || format('ALTER TABLE learning.video_analytics_events ADD CONSTRAINT %I %s',
                                       r.conname, r.def);
  END LOOP;
  FOR r IN SELECT p.polname, p.oid, pol.permissive, pol.roles, pol.cmd, pol.qual, pol.with_check
           FROM pg_policy p JOIN pg_policies pol ON pol.policyname = p.polname
             AND pol.schemaname = 'learning' AND pol.tablename = 'video_analytics_events_unpartitioned'
           WHERE p.polrelid = old LOOP
    statements := statements || format('CREATE POLICY %I ON learning.video_analytics_events AS %s FOR %s TO %s%s%s',
      r.polname, r.permissive, r.cmd,
      (SELECT string_agg(quote_ident(x), ', ') FROM unnest(r.roles) x),
      coalesce(' USING (' || replace(r.qual, 'video_analytics_events_unpartitioned.', 'video_analytics_events.') || ')', ''),
      coalesce(' WITH CHECK (' || replace(r.with_check, 'video_analytics_events_unpartitioned.', 'video_analytics_events.') || ')', ''));
    IF obj_description(r.oid, 'pg_policy') IS NOT NULL THEN
      statements := statements || format('COMMENT ON POLICY %I ON learning.video_analytics_events IS %L',
                                         r.polname, obj_description(r.oid, 'pg_policy'));
    END IF;
  END LOOP;
  FOR r IN SELECT a.privilege_type, a.grantee::regrole AS grantee FROM pg_class c, aclexplode(c.relacl) a
           WHERE c.oid = old AND a.grantee <> c.relowner AND a.grantee <> 0 LOOP
    statements := statements || format('GRANT %s ON learning.video_analytics_events TO %s',
                                       r.privilege_type, r.grantee);
  END LOOP;
  statements := statements || format('COMMENT ON TABLE learning.video_analytics_events IS %L',
    obj_description(old, 'pg_class') || ' Partitioned by month on "timestamp" (reelbase.partition_sets).');

  -- A default partition first, so every existing row has somewhere to go; run_maintenance()
  -- later moves them into monthly partitions. Monthly partitions are never made here: made by
  -- the extension script they would become members of the extension, which pg_dump skips.
  PERFORM reelbase.manage_partitions('learning.video_analytics_events', premake => 4);
  INSERT INTO learning.video_analytics_events SELECT * FROM learning.video_analytics_events_unpartitioned;
  ALTER EXTENSION reelbase DROP TABLE learning.video_analytics_events_unpartitioned;
  DROP TABLE learning.video_analytics_events_unpartitioned;
  FOREACH stmt IN ARRAY statements LOOP
    EXECUTE stmt;
  END LOOP;
END
$migrate$;

ALTER TABLE learning.video_analytics_events ENABLE ROW LEVEL SECURITY;
-- pg_dump keeps the rows of the default partition this way; monthly partitions are ordinary
-- tables (not extension members) and are dumped like any table.
SELECT pg_catalog.pg_extension_config_dump('learning.video_analytics_events_default', '');
COMMENT ON TABLE learning.video_analytics_events_default IS
  'Rows of learning.video_analytics_events whose month has no partition yet; reelbase.run_maintenance() moves them out.';

-- 0.3.0/32_partition_status.sql
-- What the engine manages, at a glance: every set, each partition with its bounds, how many
-- rows wait in the default partition (rows outside the kept range stay there) and the first
-- month from now on that has no partition yet.

CREATE FUNCTION reelbase.partition_status()
RETURNS TABLE (parent regclass, partition regclass, is_default boolean, bounds text,
               rows_waiting_in_default bigint, next_missing_month date)
  LANGUAGE plpgsql STABLE
  -- Counting rows in default partitions needs SELECT on them, which partitions do not inherit
  -- from their parent; the status only reports counts and catalog facts.
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  s record;
  waiting bigint;
  missing date;
BEGIN
  FOR s IN SELECT ps.parent FROM reelbase.partition_sets ps ORDER BY ps.parent::text LOOP
    waiting := NULL;
    FOR partition IN
      SELECT i.inhrelid::regclass FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = s.parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT'
    LOOP
      EXECUTE format('SELECT count(*) FROM ONLY %s', partition) INTO waiting;
    END LOOP;
    -- Bounds print in the session's DateStyle and read back the same way; ::date keeps the day.
    WITH ranges AS (
      SELECT (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \(''([^'']+)''\)'))[1]::date AS lo,
             (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::date AS hi
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = s.parent AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
    )
    SELECT min(m)::date INTO missing
    FROM generate_series(date_trunc('month', now() AT TIME ZONE 'UTC'),
                         date_trunc('month', now() AT TIME ZONE 'UTC') + interval '100 years',
                         interval '1 month') m
    WHERE NOT EXISTS (SELECT 1 FROM ranges r WHERE r.lo <= m::date AND m::date < r.hi);
    RETURN QUERY
      SELECT s.parent, i.inhrelid::regclass, pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT',
             pg_get_expr(c.relpartbound, c.oid), waiting, missing
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = s.parent
      ORDER BY pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT' DESC, c.relname;
  END LOOP;
END
$$;
COMMENT ON FUNCTION reelbase.partition_status() IS
  'Every managed partition set: its partitions and bounds, rows waiting in the default partition, and the first month from the current one without a partition.';

CREATE VIEW reelbase.partition_status AS SELECT * FROM reelbase.partition_status();
COMMENT ON VIEW reelbase.partition_status IS
  'Managed partition sets at a glance (see reelbase.partition_status()).';

REVOKE ALL ON FUNCTION reelbase.partition_status() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reelbase.partition_status() TO reelbase_admin;
GRANT SELECT ON reelbase.partition_status TO reelbase_admin;

-- 0.3.0/33_learning_event_checks.sql
-- track_video_event checks, on every call, that the video belongs to the creator and is not
-- deleted and that the student belongs to the same creator. These covering indexes let both
-- checks read the index alone (an index-only scan once the tables are vacuumed), instead of
-- the index and then the row.
CREATE INDEX idx_videos_id_owner ON learning.videos (id) INCLUDE (creator_id, is_deleted);
CREATE INDEX idx_students_id_owner ON learning.students (id) INCLUDE (creator_id);

-- 0.3.0/34_vector_index_grants.sql
-- Administrators build vector indexes (reelbase.build_vector_index is granted to them), which
-- writes the registry and the centroids; 0.2.0 granted them SELECT only.
GRANT UPDATE ON reelbase.vector_indexes TO reelbase_admin;
GRANT INSERT, UPDATE, DELETE ON reelbase.vector_index_centroids TO reelbase_admin;

-- 0.3.0/35_search_settings.sql
-- The exact scan's plan costs just over jit_above_cost, and JIT compilation then takes 12-24 ms
-- of every search (more than an indexed search takes in all): searches run without it.
ALTER FUNCTION learning.search_video_chunks(real[], integer, double precision, text[]) SET jit = off;

-- 0.3.0/36_vector_list_tables.sql
-- IVF list membership moves out of the indexed table into a narrow side table. In 0.2.0 a
-- build wrote a list column on every row of learning.video_chunks: each 6 KB row was rewritten,
-- the heap doubled, and exact scans slowed down for good. Now a build rewrites only
-- (chunk_id, ivf_list) pairs.

ALTER TABLE reelbase.vector_indexes ADD COLUMN key_column name;
ALTER TABLE reelbase.vector_indexes ADD COLUMN list_table regclass;
ALTER TABLE reelbase.vector_indexes ADD COLUMN list_key_column name;
COMMENT ON COLUMN reelbase.vector_indexes.key_column IS
  'The indexed table''s key, stored in list_table next to each row''s list.';
COMMENT ON COLUMN reelbase.vector_indexes.list_table IS
  'The side table (list_key_column, list_column) that files each row in its IVF list.';
COMMENT ON COLUMN reelbase.vector_indexes.list_key_column IS
  'The column of list_table holding the indexed row''s key_column value.';

CREATE TABLE learning.video_chunk_lists (
  chunk_id uuid PRIMARY KEY REFERENCES learning.video_chunks (id) ON DELETE CASCADE,
  ivf_list integer NOT NULL CHECK (ivf_list >= 0)
);
COMMENT ON TABLE learning.video_chunk_lists IS
  'IVF list of each transcript chunk embedding (reelbase.vector_indexes ''learning.video_chunks''): written by learning.build_chunk_index() and kept current by a trigger on learning.video_chunks. Derived data: not dumped, rebuild after a restore.';
COMMENT ON COLUMN learning.video_chunk_lists.chunk_id IS 'The chunk.';
COMMENT ON COLUMN learning.video_chunk_lists.ivf_list IS 'Its list (nearest centroid).';
CREATE INDEX idx_video_chunk_lists_list ON learning.video_chunk_lists (ivf_list, chunk_id);

-- Keep what 0.2.0 filed, then drop the old column, its index and its trigger.
INSERT INTO learning.video_chunk_lists (chunk_id, ivf_list)
SELECT id, ivf_list FROM learning.video_chunks WHERE ivf_list IS NOT NULL;
DROP TRIGGER video_chunks_assign_list_trigger ON learning.video_chunks;
DROP FUNCTION learning.video_chunks_assign_list();
DROP INDEX learning.idx_video_chunks_ivf_list;
ALTER TABLE learning.video_chunks DROP COLUMN ivf_list;
UPDATE reelbase.vector_indexes
SET key_column = 'id', list_table = 'learning.video_chunk_lists', list_key_column = 'chunk_id'
WHERE name = 'learning.video_chunks';
ALTER TABLE reelbase.vector_indexes ALTER COLUMN key_column SET NOT NULL;
ALTER TABLE reelbase.vector_indexes ALTER COLUMN list_table SET NOT NULL;
ALTER TABLE reelbase.vector_indexes ALTER COLUMN list_key_column SET NOT NULL;

-- Row-level security like every learning table: a row is visible when its chunk is.
ALTER TABLE learning.video_chunk_lists ENABLE ROW LEVEL SECURITY;
CREATE POLICY video_chunk_lists_visible_chunks ON learning.video_chunk_lists FOR SELECT TO reelbase_app
  USING (EXISTS (SELECT 1 FROM learning.video_chunks c WHERE c.id = chunk_id));
COMMENT ON POLICY video_chunk_lists_visible_chunks ON learning.video_chunk_lists IS
  'End users see the list of the chunks they can see.';
CREATE POLICY video_chunk_lists_admin_all ON learning.video_chunk_lists TO reelbase_admin
  USING (true) WITH CHECK (true);
COMMENT ON POLICY video_chunk_lists_admin_all ON learning.video_chunk_lists IS
  'Administrators (index builds) read and write every row.';
GRANT SELECT ON learning.video_chunk_lists TO reelbase_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON learning.video_chunk_lists TO reelbase_admin;

-- Files a chunk whenever its embedding is written. SECURITY DEFINER: whoever may write the
-- chunk (an administrator's pipeline) need not be granted the side table.
CREATE FUNCTION learning.video_chunks_file_list() RETURNS trigger
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  list integer := reelbase.vector_list_for('learning.video_chunks', NEW.embedding);
BEGIN
  IF list IS NULL THEN
    DELETE FROM learning.video_chunk_lists WHERE chunk_id = NEW.id;
  ELSE
    INSERT INTO learning.video_chunk_lists (chunk_id, ivf_list) VALUES (NEW.id, list)
    ON CONFLICT (chunk_id) DO UPDATE SET ivf_list = EXCLUDED.ivf_list;
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION learning.video_chunks_file_list() IS
  'AFTER INSERT OR UPDATE OF embedding on learning.video_chunks: files the chunk in its IVF list (learning.video_chunk_lists), or unfiles it when the embedding is NULL or unusable or no index is built.';
REVOKE ALL ON FUNCTION learning.video_chunks_file_list() FROM PUBLIC;
CREATE TRIGGER video_chunks_file_list_trigger
  AFTER INSERT OR UPDATE OF embedding ON learning.video_chunks
  FOR EACH ROW EXECUTE FUNCTION learning.video_chunks_file_list();

-- 0.3.0/40_learning_rollups.sql
-- learning rollups, part 1 of 3: what the daily figures mean, the watermark, the indexes the
-- rollups read through, which pairs a run recomputes, and the two entry points:
--   learning.rollup_analytics()           incremental, from the watermark (the periodic task)
--   learning.refresh_analytics(from, to)  every pair of a range of days
-- Both are SECURITY DEFINER (they write tables that only administrators may write, and read
-- every row regardless of policies) and executable by reelbase_admin only. They take the
-- same transaction-level advisory lock (key 1919247724, 1: 'reel' and the first rollup), so
-- two recomputations never interleave and leave an older result last. The recomputation
-- itself is in 41_learning_rollups_helpers.sql and 42_learning_rollups_apply.sql.
--
-- Days are UTC calendar days, whatever the session's TimeZone: a row's day is
-- (its timestamp AT TIME ZONE 'UTC')::date.
--
-- learning.video_analytics, one row per video and day:
--   views                      video_started events whose "timestamp" falls on the day
--   unique_viewers             distinct student_id of those events
--   total_watch_time_seconds   sum of watch_time_seconds of the watch sessions whose
--                              session_start falls on the day (open sessions included; they
--                              are recomputed as their progress is written)
--   average_watch_time_seconds that sum / the number of those sessions, rounded (0 if none)
--   completion_rate            percentage (0-100, 2 decimals) of those sessions completed
--   ai_interactions            chat messages of role 'user' created on the day in chat sessions
--                              whose context_video_ids names the video. An element names a
--                              video when it is the video's id as text (case-insensitive) and
--                              the video belongs to the session's creator, so a student cannot
--                              credit another creator's video; other elements are ignored.
-- learning.usage_metrics, one row per creator and day:
--   videos_uploaded            the creator's videos created on the day (any source, soft-deleted
--                              ones included: the upload happened)
--   total_video_duration_seconds  sum of duration_seconds of those videos
--   storage_used_bytes         sum of file_size_bytes of the creator's videos created on or
--                              before the day and not soft-deleted now (see "storage" below)
--   chat_messages_sent         messages of role 'user' created on the day in the creator's chat
--                              sessions
--   ai_credits_used            sum of token_count of role 'assistant' messages created on the
--                              day in the creator's chat sessions
--   transcription_minutes      sum over the creator's video_transcribed events of the day of
--                              ceil(metadata.duration_seconds / 60), per event; an event
--                              without a numeric duration_seconds counts 0
--   active_students            distinct students with an event (of the creator) or a watch
--                              session (on one of the creator's videos) on the day
-- Sums beyond the column's type saturate at its maximum instead of failing the whole run.
--
-- Which rows exist: a video row exists when one of its figures is not zero; a usage row when
-- one of its figures other than storage_used_bytes is not zero (storage alone would demand a
-- row for every creator on every day). A recomputed pair whose figures are all zero has its
-- row deleted. The rollups own both tables: a row written by hand is replaced or deleted
-- the next time its pair is recomputed. metadata is left as it is.
--
-- Storage: the schema records no deletion time, so storage_used_bytes cannot be the storage
-- as it was at the end of the day; it counts the videos created up to the day that are not
-- soft-deleted at the time of the rollup. Soft-deleting a video therefore recomputes every
-- existing usage row of its creator from its creation day on.
--
-- Every figure is a function of the source rows as they are now, so recomputing it is
-- idempotent, and the incremental run, a refresh of any range and a rebuild from nothing all
-- produce the same rows. The entry points differ only in which (video, day) and
-- (creator, day) pairs, and which of their figures, they recompute.

-- One row per incremental rollup. Kept by pg_dump with the rollup tables, so a restored
-- database continues where the dump left off; without a row the next run rebuilds everything.
CREATE TABLE reelbase.rollup_watermarks (
  name text PRIMARY KEY,
  processed_until timestamptz NOT NULL,
  last_run_at timestamptz,
  last_run_seconds double precision,
  last_pairs integer,
  last_rows integer
);
SELECT pg_catalog.pg_extension_config_dump('reelbase.rollup_watermarks', '');

COMMENT ON TABLE reelbase.rollup_watermarks IS
  'Progress of each incremental rollup (learning.rollup_analytics: name ''learning.analytics''). '
  'Delete a row to make the next run rebuild its tables from scratch.';
COMMENT ON COLUMN reelbase.rollup_watermarks.name IS 'The rollup.';
COMMENT ON COLUMN reelbase.rollup_watermarks.processed_until IS
  'Source rows written (created_at / updated_at) before this time have been rolled up; the '
  'next run starts a little earlier (the overlap) and goes up to the oldest transaction still '
  'open or now().';
COMMENT ON COLUMN reelbase.rollup_watermarks.last_run_at IS 'When the last run finished.';
COMMENT ON COLUMN reelbase.rollup_watermarks.last_run_seconds IS 'How long the last run took.';
COMMENT ON COLUMN reelbase.rollup_watermarks.last_pairs IS
  'How many (video, day) and (creator, day) pairs the last run recomputed.';
COMMENT ON COLUMN reelbase.rollup_watermarks.last_rows IS
  'How many rollup rows the last run inserted, changed or deleted.';

GRANT SELECT ON reelbase.rollup_watermarks TO reelbase_admin;

-- Indexes. The *_created_at / *_updated_at ones find what was written since the watermark;
-- the (key, time) ones read one pair (a key's rows of one day) without its other days. The
-- partial ones serve the figures that count one event type only. The price of the updated_at
-- indexes: an update of a watch session or chat session (which always sets updated_at) can no
-- longer be a HOT update.
-- Events are appended in created_at order, so a BRIN index finds the new ones at a fraction of
-- a btree's cost on every insert (track_video_event's hot path).
CREATE INDEX idx_video_analytics_events_created_at
  ON learning.video_analytics_events USING brin (created_at);
CREATE INDEX idx_video_analytics_events_video_started
  ON learning.video_analytics_events (video_id, "timestamp")
  WHERE event_type = 'video_started';
-- The seed's creator index gains the time column under its own name, rather than a second
-- index on creator_id that every event insert would also have to maintain.
DROP INDEX learning.idx_video_analytics_events_creator_id;
CREATE INDEX idx_video_analytics_events_creator_id
  ON learning.video_analytics_events (creator_id, "timestamp");
CREATE INDEX idx_video_analytics_events_creator_transcribed
  ON learning.video_analytics_events (creator_id, "timestamp")
  WHERE event_type = 'video_transcribed';
CREATE INDEX idx_video_watch_sessions_updated_at
  ON learning.video_watch_sessions (updated_at);
CREATE INDEX idx_video_watch_sessions_video_start
  ON learning.video_watch_sessions (video_id, session_start);
CREATE INDEX idx_chat_messages_created_at ON learning.chat_messages (created_at);
CREATE INDEX idx_chat_sessions_updated_at ON learning.chat_sessions (updated_at);
CREATE INDEX idx_videos_updated_at ON learning.videos (updated_at);

-- Pairs touched by rows written in [p_from, p_to): events by created_at (a late event, whose
-- "timestamp" is days old, is found by when it was recorded and counted on its own day);
-- watch sessions, chat sessions and videos by updated_at; chat messages by created_at.
--
-- Not seen here, on purpose: deleted rows, and updates that move a row away from a pair (a
-- watch session moved to another video or day, a message edited in place: messages have no
-- updated_at). Only the pair a row is in now is known, and there are no triggers to remember
-- the old one. learning.refresh_analytics over the days concerned puts those right.
CREATE FUNCTION learning.rollup_collect_changes(p_from timestamptz, p_to timestamptz)
RETURNS void
LANGUAGE plpgsql
VOLATILE
PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM learning.rollup_prepare();

  INSERT INTO pg_temp.rollup_video_days (video_id, day, events, sessions, messages)
  SELECT c.video_id, c.day, bool_or(c.kind = 'e'), bool_or(c.kind = 's'),
         bool_or(c.kind = 'm')
  FROM (
    SELECT e.video_id, (e."timestamp" AT TIME ZONE 'UTC')::date AS day, 'e' AS kind
    FROM learning.video_analytics_events AS e
    WHERE e.created_at >= p_from AND e.created_at < p_to AND e.event_type = 'video_started'
    UNION ALL
    SELECT s.video_id, (s.session_start AT TIME ZONE 'UTC')::date, 's'
    FROM learning.video_watch_sessions AS s
    WHERE s.updated_at >= p_from AND s.updated_at < p_to
    UNION ALL
    SELECT v.id, (m.created_at AT TIME ZONE 'UTC')::date, 'm'
    FROM learning.chat_messages AS m
    JOIN learning.chat_sessions AS cs ON cs.id = m.session_id
    CROSS JOIN unnest(cs.context_video_ids) AS x (element)
    JOIN learning.videos AS v
      ON v.id::text = lower(x.element) AND v.creator_id = cs.creator_id
    WHERE m.created_at >= p_from AND m.created_at < p_to AND m.role = 'user'
    UNION ALL
    -- A changed chat session may name other videos now: every day it has messages, for
    -- every video it names.
    SELECT v.id, (m.created_at AT TIME ZONE 'UTC')::date, 'm'
    FROM learning.chat_sessions AS cs
    JOIN learning.chat_messages AS m ON m.session_id = cs.id
    CROSS JOIN unnest(cs.context_video_ids) AS x (element)
    JOIN learning.videos AS v
      ON v.id::text = lower(x.element) AND v.creator_id = cs.creator_id
    WHERE cs.updated_at >= p_from AND cs.updated_at < p_to AND m.role = 'user'
    UNION ALL
    -- ... and may have stopped naming some: on those days, every video of its creator that
    -- has AI interactions counted (only the creator's own videos are ever counted).
    SELECT va.video_id, va.date, 'm'
    FROM (SELECT DISTINCT cs.creator_id, (m.created_at AT TIME ZONE 'UTC')::date AS day
          FROM learning.chat_sessions AS cs
          JOIN learning.chat_messages AS m ON m.session_id = cs.id
          WHERE cs.updated_at >= p_from AND cs.updated_at < p_to AND m.role = 'user') AS d
    JOIN learning.video_analytics AS va ON va.date = d.day AND va.ai_interactions > 0
    JOIN learning.videos AS v ON v.id = va.video_id AND v.creator_id = d.creator_id
  ) AS c
  GROUP BY 1, 2;

  INSERT INTO pg_temp.rollup_creator_days (creator_id, day, events, sessions, messages)
  SELECT c.creator_id, c.day, bool_or(c.kind = 'e'), bool_or(c.kind = 's'),
         bool_or(c.kind = 'm')
  FROM (
    SELECT e.creator_id, (e."timestamp" AT TIME ZONE 'UTC')::date AS day, 'e' AS kind
    FROM learning.video_analytics_events AS e
    WHERE e.created_at >= p_from AND e.created_at < p_to
      AND (e.student_id IS NOT NULL OR e.event_type = 'video_transcribed')
    UNION ALL
    SELECT v.creator_id, (s.session_start AT TIME ZONE 'UTC')::date, 's'
    FROM learning.video_watch_sessions AS s
    JOIN learning.videos AS v ON v.id = s.video_id
    WHERE s.updated_at >= p_from AND s.updated_at < p_to
    UNION ALL
    SELECT cs.creator_id, (m.created_at AT TIME ZONE 'UTC')::date, 'm'
    FROM learning.chat_messages AS m
    JOIN learning.chat_sessions AS cs ON cs.id = m.session_id
    WHERE m.created_at >= p_from AND m.created_at < p_to AND m.role IN ('user', 'assistant')
    UNION ALL
    SELECT v.creator_id, (v.created_at AT TIME ZONE 'UTC')::date, 'v'
    FROM learning.videos AS v
    WHERE v.updated_at >= p_from AND v.updated_at < p_to
    UNION ALL
    -- A changed video changes the storage of every later day of its creator that has a row.
    SELECT um.creator_id, um.date, 'v'
    FROM learning.videos AS v
    JOIN learning.usage_metrics AS um
      ON um.creator_id = v.creator_id AND um.date >= (v.created_at AT TIME ZONE 'UTC')::date
    WHERE v.updated_at >= p_from AND v.updated_at < p_to
  ) AS c
  GROUP BY 1, 2;
END
$$;

COMMENT ON FUNCTION learning.rollup_collect_changes(timestamptz, timestamptz) IS
  'Internal to the rollups: lists in the temporary pair tables the (video, day) and '
  '(creator, day) pairs touched by source rows written (created_at/updated_at) in '
  '[p_from, p_to), and which kinds of source touched each.';

CREATE FUNCTION learning.refresh_analytics(p_from date, p_to date)
RETURNS TABLE (rollup_table text, pairs_recomputed integer, rows_inserted integer,
               rows_updated integer, rows_deleted integer)
LANGUAGE plpgsql
VOLATILE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF p_from IS NULL OR p_to IS NULL THEN
    RAISE EXCEPTION 'refresh_analytics: % must not be NULL',
      CASE WHEN p_from IS NULL THEN 'p_from' ELSE 'p_to' END
      USING ERRCODE = '22004',
            HINT = 'For an open-ended range use ''-infinity'' or ''infinity''.';
  END IF;
  IF p_from > p_to THEN
    RAISE EXCEPTION 'refresh_analytics: p_from (%) is after p_to (%)', p_from, p_to
      USING ERRCODE = '22023';
  END IF;
  -- Waits for a running rollup instead of skipping: the caller asked for this range.
  PERFORM pg_advisory_xact_lock(1919247724, 1);
  RETURN QUERY SELECT * FROM learning.rollup_apply(p_from, p_to);
END
$$;

COMMENT ON FUNCTION learning.refresh_analytics(date, date) IS
  'Recomputes learning.video_analytics and learning.usage_metrics for the UTC days p_from to '
  'p_to (inclusive; ''-infinity''/''infinity'' for open ends) from the events, watch '
  'sessions, chat messages and videos: changed rows are updated, missing ones inserted, rows '
  'whose figures are now all zero deleted. Idempotent. Use it after deletes or corrections, '
  'which the incremental learning.rollup_analytics() does not see. Waits for a running '
  'rollup. Does not move the watermark. Returns per table the pairs recomputed and rows '
  'inserted, updated and deleted. Errors: 22004 NULL bound, 22023 p_from after p_to.';

-- The window of one run is [processed_until - overlap, horizon), on created_at/updated_at:
-- * The horizon is the start of the oldest other transaction open in this database, or now().
--   Source rows are stamped with now(), their transaction's start, so a transaction still
--   open when this run looks can only add rows at or after the horizon, which the next run
--   reads, however long after this run it commits. (It takes the owner's right to see other
--   sessions in pg_stat_activity; the extension's owner is a superuser.) A transaction open
--   for more than an hour is not waited for, so that one forgotten session cannot make every
--   run re-read its whole age; rows it writes stamped with its start may be missed.
-- * The overlap (the setting reelbase.rollup_overlap, one minute when unset) re-reads what
--   may slip between a transaction's start and its appearance in pg_stat_activity, a
--   prepared (two-phase) transaction or a clock set back. Re-reading only recomputes pairs,
--   which writes nothing when nothing changed.
-- Rows written with an explicit created_at/updated_at in the past (imports, copies) are
-- behind the watermark and not seen: refresh their days with learning.refresh_analytics.
-- The first run (no watermark) rebuilds both tables from all the sources.
CREATE FUNCTION learning.rollup_analytics()
RETURNS TABLE (rollup_table text, pairs_recomputed integer, rows_inserted integer,
               rows_updated integer, rows_deleted integer)
LANGUAGE plpgsql
VOLATILE
PARALLEL UNSAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_started timestamptz := clock_timestamp();
  v_overlap interval := GREATEST(COALESCE(
    NULLIF(current_setting('reelbase.rollup_overlap', true), '')::interval,
    interval '1 minute'), interval '0');
  v_previous timestamptz;
  v_until timestamptz;
  v_days_from date;
  v_days_to date;
  v_pairs integer := 0;
  v_rows integer := 0;
  r record;
BEGIN
  IF NOT pg_try_advisory_xact_lock(1919247724, 1) THEN
    RETURN;  -- another run (or a refresh) is at work; the next run picks up from there
  END IF;
  SELECT w.processed_until INTO v_previous
  FROM reelbase.rollup_watermarks AS w
  WHERE w.name = 'learning.analytics';

  SELECT LEAST(now(), min(a.xact_start)) INTO v_until
  FROM pg_stat_activity AS a
  WHERE a.datid = (SELECT d.oid FROM pg_database AS d WHERE d.datname = current_database())
    AND a.pid <> pg_backend_pid()
    -- Every session that may write: clients, background workers (they show their own type)
    -- and replication apply workers; not autovacuum or WAL senders.
    AND a.backend_type NOT IN ('autovacuum worker', 'walsender');
  SELECT LEAST(v_until, min(x.prepared)) INTO v_until
  FROM pg_prepared_xacts AS x
  WHERE x.database = current_database();
  v_until := GREATEST(v_until, now() - interval '1 hour', v_previous);

  IF v_previous IS NULL THEN
    -- No watermark: rebuild every day (range mode).
    v_days_from := '-infinity';
    v_days_to := 'infinity';
  ELSE
    PERFORM learning.rollup_collect_changes(v_previous - v_overlap, v_until);
  END IF;
  FOR r IN SELECT * FROM learning.rollup_apply(v_days_from, v_days_to) LOOP
    rollup_table := r.rollup_table;
    pairs_recomputed := r.pairs_recomputed;
    rows_inserted := r.rows_inserted;
    rows_updated := r.rows_updated;
    rows_deleted := r.rows_deleted;
    v_pairs := v_pairs + r.pairs_recomputed;
    v_rows := v_rows + r.rows_inserted + r.rows_updated + r.rows_deleted;
    RETURN NEXT;
  END LOOP;

  INSERT INTO reelbase.rollup_watermarks AS w
    (name, processed_until, last_run_at, last_run_seconds, last_pairs, last_rows)
  VALUES ('learning.analytics', v_until, clock_timestamp(),
          extract(epoch FROM clock_timestamp() - v_started), v_pairs, v_rows)
  ON CONFLICT (name) DO UPDATE SET
    processed_until = EXCLUDED.processed_until,
    last_run_at = EXCLUDED.last_run_at,
    last_run_seconds = EXCLUDED.last_run_seconds,
    last_pairs = EXCLUDED.last_pairs,
    last_rows = EXCLUDED.last_rows;
END
$$;

COMMENT ON FUNCTION learning.rollup_analytics() IS
  'Brings learning.video_analytics and learning.usage_metrics up to date with the source rows '
  'written since the last run (watermark in reelbase.rollup_watermarks, name '
  '''learning.analytics''): recomputes only the (video, day) and (creator, day) pairs they '
  'touch, late events on their own day, then advances the watermark. The first run rebuilds '
  'everything. Idempotent and safe to run often; returns no rows at once when another run or '
  'refresh holds the lock. Each run re-reads the last reelbase.rollup_overlap (default 1 '
  'minute) before the watermark. Deletes are not seen: use learning.refresh_analytics for '
  'the days concerned. Returns per table the pairs recomputed and rows inserted, updated and '
  'deleted.';

REVOKE ALL ON FUNCTION learning.rollup_collect_changes(timestamptz, timestamptz),
  learning.refresh_analytics(date, date), learning.rollup_analytics() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION learning.refresh_analytics(date, date), learning.rollup_analytics()
  TO reelbase_admin;

-- 0.3.0/41_learning_rollups_helpers.sql
-- learning rollups, part 2 of 3: helpers of the recomputation (statement text per source,
-- the temporary tables of pairs), used by learning.rollup_apply in 42_learning_rollups_apply.sql.

-- One source's aggregates per pair, as SQL text for learning.rollup_apply (where $1 and $2
-- bound the time range). Range mode (p_pairs NULL): GROUP BY key and UTC day. Pair mode: for
-- each pair of the temporary table p_pairs whose column p_flag is true, the aggregates over
-- that key's rows of that day, read through a (key, time) index; the same bounds let a table
-- partitioned on the time column read one partition.
CREATE FUNCTION learning.rollup_source_sql(p_pairs text, p_flag text, p_pair_key text,
                                           p_key text, p_time text, p_from text,
                                           p_where text, p_aggregates text)
RETURNS text
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$
  SELECT CASE WHEN p_pairs IS NULL THEN format(
    'SELECT %1$s AS %7$I, (%2$s AT TIME ZONE ''UTC'')::date AS day, %6$s
        FROM %3$s
        WHERE %4$s AND %2$s >= $1 AND %2$s < $2
        GROUP BY 1, 2',
    p_key, p_time, p_from, p_where, p_pairs, p_aggregates, p_pair_key)
  ELSE format(
    'SELECT p.%7$I, p.day, a.*
        FROM pg_temp.%5$I AS p
        CROSS JOIN LATERAL (
          SELECT %6$s
          FROM %3$s
          WHERE %4$s AND %1$s = p.%7$I
            AND %2$s >= p.day::timestamp AT TIME ZONE ''UTC''
            AND %2$s < (p.day::timestamp + interval ''1 day'') AT TIME ZONE ''UTC'') AS a
        WHERE p.%8$I',
    p_key, p_time, p_from, p_where, p_pairs, p_aggregates, p_pair_key, p_flag)
  END
$$;

COMMENT ON FUNCTION learning.rollup_source_sql(text, text, text, text, text, text, text, text) IS
  'Internal to the rollups: the SQL text aggregating one source per (key, UTC day), either '
  'grouped over a time range or per pair listed (and flagged) in a temporary table.';

-- The pairs to recompute live in two temporary tables, made afresh by each run. A pair says
-- which kinds of source changed (events, sessions, messages), and only the figures of those
-- kinds are recomputed; the others are kept from the row (they are still right, since none
-- of their sources changed). So new events never cost a scan of chat messages. The planner
-- sees the tables' real size (ANALYZE). They are dropped and re-created rather than reused,
-- so that nothing a caller put in pg_temp under these names runs with the owner's rights.
CREATE FUNCTION learning.rollup_prepare()
RETURNS void
LANGUAGE plpgsql
VOLATILE
PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- to_regclass, not DROP ... IF EXISTS: that one notices when the session has no
  -- temporary schema yet.
  IF to_regclass('pg_temp.rollup_video_days') IS NOT NULL THEN
    DROP TABLE pg_temp.rollup_video_days;
  END IF;
  IF to_regclass('pg_temp.rollup_creator_days') IS NOT NULL THEN
    DROP TABLE pg_temp.rollup_creator_days;
  END IF;
  CREATE TEMPORARY TABLE rollup_video_days (
    video_id uuid NOT NULL, day date NOT NULL,
    events boolean NOT NULL, sessions boolean NOT NULL, messages boolean NOT NULL
  ) ON COMMIT DROP;
  -- A creator pair with no flag set still recomputes uploads and storage (changed videos).
  CREATE TEMPORARY TABLE rollup_creator_days (
    creator_id uuid NOT NULL, day date NOT NULL,
    events boolean NOT NULL, sessions boolean NOT NULL, messages boolean NOT NULL
  ) ON COMMIT DROP;
END
$$;

COMMENT ON FUNCTION learning.rollup_prepare() IS
  'Internal to the rollups: (re)creates the empty temporary tables rollup_video_days and '
  'rollup_creator_days that list the pairs to recompute and which of their sources changed.';

REVOKE ALL ON FUNCTION
  learning.rollup_source_sql(text, text, text, text, text, text, text, text),
  learning.rollup_prepare()
  FROM PUBLIC;

-- 0.3.0/42_learning_rollups_apply.sql
-- learning rollups, part 3 of 3: the recomputation of a set of pairs, used by both entry
-- points of 40_learning_rollups.sql.
-- Recomputes pairs from the sources, as defined at the top of 40_learning_rollups.sql:
-- inserts missing rows, updates rows whose figures changed, deletes rows whose figures are
-- all zero, and leaves equal rows alone (a repeated run writes nothing).
-- * Range mode (p_from, p_to): every pair of the UTC days [p_from, p_to] that has a source row
--   or a rollup row, every figure. Each source is aggregated over the range in one pass
--   (GROUP BY), as a one-off query would; no list of pairs is needed.
-- * Pair mode (both NULL): the pairs listed in the temporary tables of
--   learning.rollup_prepare, each figure only if its kind of source changed, each pair read
--   through the (key, time) indexes.
-- The aggregates are written once and put in either shape by learning.rollup_source_sql (the
-- distinct students, which merge two sources, are spelled out for each mode; the regression
-- test checks both against a plain GROUP BY). Chat messages are read by day in both modes:
-- nothing leads from a video to the sessions naming it, so in pair mode the messages of the
-- days whose messages changed are read whole (there are far fewer of them than of events).
CREATE FUNCTION learning.rollup_apply(p_from date, p_to date)
RETURNS TABLE (rollup_table text, pairs_recomputed integer, rows_inserted integer,
               rows_updated integer, rows_deleted integer)
LANGUAGE plpgsql
VOLATILE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
-- Compiling these statements (JIT) costs more than it saves at the sizes they see, and a
-- rebuild's distinct counts fit in memory with 64 MB instead of sorting on disk.
SET jit = off
SET work_mem = '64MB'
AS $$
DECLARE
  v_pair_mode boolean := p_from IS NULL;
  v_count bigint;
  v_lo timestamptz := p_from::timestamp AT TIME ZONE 'UTC';
  v_hi timestamptz := (p_to::timestamp + interval '1 day') AT TIME ZONE 'UTC';
  v_pairs text;
  v_messages text := 'learning.chat_messages AS m';
  v_messages_filter text := '';
  v_keys text;
  v_students text;
BEGIN
  IF v_pair_mode THEN
    ANALYZE pg_temp.rollup_video_days;
    ANALYZE pg_temp.rollup_creator_days;
  END IF;

  -- learning.video_analytics
  rollup_table := 'learning.video_analytics';
  pairs_recomputed := 0; rows_inserted := 0; rows_updated := 0; rows_deleted := 0;
  IF v_pair_mode THEN
    v_pairs := 'rollup_video_days';
    SELECT count(*), min(p.day)::timestamp AT TIME ZONE 'UTC',
           (max(p.day)::timestamp + interval '1 day') AT TIME ZONE 'UTC'
    INTO v_count, v_lo, v_hi
    FROM pg_temp.rollup_video_days AS p;
    v_keys := 'SELECT p.video_id, p.day, p.events, p.sessions, p.messages
               FROM pg_temp.rollup_video_days AS p';
  ELSE
    v_keys := 'SELECT u.video_id, u.day, true AS events, true AS sessions, true AS messages
               FROM (SELECT st.video_id, st.day FROM started AS st
                     UNION SELECT w.video_id, w.day FROM watched AS w
                     UNION SELECT a.video_id, a.day FROM asked AS a
                     UNION SELECT va.video_id, va.date FROM learning.video_analytics AS va
                           WHERE va.date BETWEEN $3 AND $4) AS u';
  END IF;
  IF v_count IS DISTINCT FROM 0 THEN
    IF v_pair_mode THEN
      -- Only the messages of the days whose messages changed, by the created_at index.
      v_messages := '(SELECT DISTINCT p.day FROM pg_temp.rollup_video_days AS p
                       WHERE p.messages) AS d
        JOIN learning.chat_messages AS m
          ON m.created_at >= d.day::timestamp AT TIME ZONE ''UTC''
         AND m.created_at < (d.day::timestamp + interval ''1 day'') AT TIME ZONE ''UTC''';
      v_messages_filter := 'AND (n.video_id, n.day) IN
        (SELECT p.video_id, p.day FROM pg_temp.rollup_video_days AS p WHERE p.messages)';
    END IF;
    EXECUTE format($sql$
      WITH started AS (%s
      ), watched AS (%s
      ), messages AS MATERIALIZED (
        SELECT m.id, m.session_id, (m.created_at AT TIME ZONE 'UTC')::date AS day
        FROM %s
        WHERE m.role = 'user' AND m.created_at >= $1 AND m.created_at < $2
      ), context AS MATERIALIZED (
        -- Each session's list expanded once, then matched to videos by one join.
        SELECT cs.id AS session_id, cs.creator_id, lower(x.element) AS element
        FROM learning.chat_sessions AS cs
        CROSS JOIN unnest(cs.context_video_ids) AS x (element)
        WHERE cs.id IN (SELECT m.session_id FROM messages AS m)
      ), mentions AS MATERIALIZED (
        SELECT DISTINCT m.id, m.day, v.id AS video_id
        FROM messages AS m
        JOIN context AS c ON c.session_id = m.session_id
        JOIN learning.videos AS v ON v.id::text = c.element AND v.creator_id = c.creator_id
      ), asked AS (
        SELECT n.video_id, n.day, count(*) AS messages
        FROM mentions AS n
        WHERE true %s
        GROUP BY 1, 2
      ), keys AS (
        %s
      ), computed AS (
        -- A figure whose sources did not change is kept from the row (0 if there is none).
        SELECT k.video_id, k.day,
               CASE WHEN k.events THEN LEAST(COALESCE(st.views, 0), 2147483647)::integer
                    ELSE COALESCE(old.views, 0) END AS views,
               CASE WHEN k.events THEN LEAST(COALESCE(st.viewers, 0), 2147483647)::integer
                    ELSE COALESCE(old.unique_viewers, 0) END AS viewers,
               CASE WHEN k.sessions THEN LEAST(COALESCE(w.seconds, 0), 2147483647)::integer
                    ELSE COALESCE(old.total_watch_time_seconds, 0) END AS total,
               CASE WHEN k.sessions
                    THEN COALESCE(round(w.seconds::numeric / NULLIF(w.sessions, 0)), 0)::integer
                    ELSE COALESCE(old.average_watch_time_seconds, 0) END AS average,
               CASE WHEN k.sessions
                    THEN COALESCE(round(100.0 * w.completed / NULLIF(w.sessions, 0), 2), 0)
                    ELSE COALESCE(old.completion_rate, 0) END::numeric(5, 2) AS rate,
               CASE WHEN k.messages THEN LEAST(COALESCE(a.messages, 0), 2147483647)::integer
                    ELSE COALESCE(old.ai_interactions, 0) END AS ai
        FROM keys AS k
        LEFT JOIN started AS st ON st.video_id = k.video_id AND st.day = k.day
        LEFT JOIN watched AS w ON w.video_id = k.video_id AND w.day = k.day
        LEFT JOIN asked AS a ON a.video_id = k.video_id AND a.day = k.day
        LEFT JOIN learning.video_analytics AS old
          ON old.video_id = k.video_id AND old.date = k.day
      ), figures AS (
        SELECT c.*, (c.views, c.viewers, c.total, c.average, c.rate, c.ai)
                    IS DISTINCT FROM (0, 0, 0, 0, 0::numeric, 0) AS keep
        FROM computed AS c
      ), upserted AS (
        INSERT INTO learning.video_analytics AS va
          (video_id, date, views, unique_viewers, total_watch_time_seconds,
           average_watch_time_seconds, completion_rate, ai_interactions)
        SELECT f.video_id, f.day, f.views, f.viewers, f.total, f.average, f.rate, f.ai
        FROM figures AS f
        WHERE f.keep
        ON CONFLICT (video_id, date) DO UPDATE SET
          views = EXCLUDED.views,
          unique_viewers = EXCLUDED.unique_viewers,
          total_watch_time_seconds = EXCLUDED.total_watch_time_seconds,
          average_watch_time_seconds = EXCLUDED.average_watch_time_seconds,
          completion_rate = EXCLUDED.completion_rate,
          ai_interactions = EXCLUDED.ai_interactions
        WHERE (va.views, va.unique_viewers, va.total_watch_time_seconds,
               va.average_watch_time_seconds, va.completion_rate, va.ai_interactions)
              IS DISTINCT FROM
              (EXCLUDED.views, EXCLUDED.unique_viewers, EXCLUDED.total_watch_time_seconds,
               EXCLUDED.average_watch_time_seconds, EXCLUDED.completion_rate,
               EXCLUDED.ai_interactions)
        RETURNING va.xmax = 0 AS fresh
      ), removed AS (
        DELETE FROM learning.video_analytics AS va
        USING figures AS f
        WHERE va.video_id = f.video_id AND va.date = f.day AND NOT f.keep
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM figures)::integer,
             (count(*) FILTER (WHERE u.fresh))::integer,
             (count(*) FILTER (WHERE NOT u.fresh))::integer,
             (SELECT count(*) FROM removed)::integer
      FROM upserted AS u
      $sql$,
      learning.rollup_source_sql(v_pairs, 'events', 'video_id', 'e.video_id', 'e."timestamp"',
        'learning.video_analytics_events AS e', 'e.event_type = ''video_started''',
        'count(*) AS views, count(DISTINCT e.student_id) AS viewers'),
      learning.rollup_source_sql(v_pairs, 'sessions', 'video_id', 's.video_id',
        's.session_start', 'learning.video_watch_sessions AS s', 'true',
        'count(*) AS sessions, sum(s.watch_time_seconds) AS seconds,
         count(*) FILTER (WHERE s.completed) AS completed'),
      v_messages, v_messages_filter, v_keys)
    INTO pairs_recomputed, rows_inserted, rows_updated, rows_deleted
    USING v_lo, v_hi, p_from, p_to;
  END IF;
  RETURN NEXT;

  -- learning.usage_metrics
  rollup_table := 'learning.usage_metrics';
  pairs_recomputed := 0; rows_inserted := 0; rows_updated := 0; rows_deleted := 0;
  IF v_pair_mode THEN
    v_pairs := 'rollup_creator_days';
    SELECT count(*), min(p.day)::timestamp AT TIME ZONE 'UTC',
           (max(p.day)::timestamp + interval '1 day') AT TIME ZONE 'UTC'
    INTO v_count, v_lo, v_hi
    FROM pg_temp.rollup_creator_days AS p;
    v_keys := 'SELECT p.creator_id, p.day, p.events, p.sessions, p.messages
               FROM pg_temp.rollup_creator_days AS p';
    -- The distinct students of each pair: its creator's events that day, and the sessions
    -- started that day on its creator's videos.
    v_students := 'SELECT p.creator_id, p.day, x.student_id
      FROM pg_temp.rollup_creator_days AS p
      CROSS JOIN LATERAL (
        SELECT e.student_id FROM learning.video_analytics_events AS e
        WHERE e.creator_id = p.creator_id AND e.student_id IS NOT NULL
          AND e."timestamp" >= p.day::timestamp AT TIME ZONE ''UTC''
          AND e."timestamp" < (p.day::timestamp + interval ''1 day'') AT TIME ZONE ''UTC''
        UNION
        SELECT s.student_id FROM learning.videos AS v
        JOIN learning.video_watch_sessions AS s
          ON s.video_id = v.id
         AND s.session_start >= p.day::timestamp AT TIME ZONE ''UTC''
         AND s.session_start < (p.day::timestamp + interval ''1 day'') AT TIME ZONE ''UTC''
        WHERE v.creator_id = p.creator_id) AS x
      WHERE p.events OR p.sessions';
    v_messages := '(SELECT DISTINCT p.day FROM pg_temp.rollup_creator_days AS p
                     WHERE p.messages) AS d
        JOIN learning.chat_messages AS m
          ON m.created_at >= d.day::timestamp AT TIME ZONE ''UTC''
         AND m.created_at < (d.day::timestamp + interval ''1 day'') AT TIME ZONE ''UTC''';
    v_messages_filter := 'AND (cs.creator_id, (m.created_at AT TIME ZONE ''UTC'')::date) IN
      (SELECT p.creator_id, p.day FROM pg_temp.rollup_creator_days AS p WHERE p.messages)';
  ELSE
    v_keys := 'SELECT u.creator_id, u.day, true AS events, true AS sessions, true AS messages
               FROM (SELECT a.creator_id, a.day FROM active AS a
                     UNION SELECT t.creator_id, t.day FROM transcribed AS t
                     UNION SELECT c.creator_id, c.day FROM chats AS c
                     UNION SELECT u.creator_id, u.day FROM uploads AS u WHERE u.day >= $3
                     UNION SELECT um.creator_id, um.date FROM learning.usage_metrics AS um
                           WHERE um.date BETWEEN $3 AND $4) AS u';
    v_students := 'SELECT e.creator_id, (e."timestamp" AT TIME ZONE ''UTC'')::date AS day,
             e.student_id
      FROM learning.video_analytics_events AS e
      WHERE e.student_id IS NOT NULL AND e."timestamp" >= $1 AND e."timestamp" < $2
      UNION
      SELECT v.creator_id, (s.session_start AT TIME ZONE ''UTC'')::date, s.student_id
      FROM learning.video_watch_sessions AS s
      JOIN learning.videos AS v ON v.id = s.video_id
      WHERE s.session_start >= $1 AND s.session_start < $2';
    v_messages := 'learning.chat_messages AS m';
    v_messages_filter := '';
  END IF;
  IF v_count IS DISTINCT FROM 0 THEN
    EXECUTE format($sql$
      WITH students AS (
        %s
      ), active AS (
        SELECT x.creator_id, x.day, count(*) AS students
        FROM students AS x
        GROUP BY 1, 2
      ), transcribed AS (%s
      ), chats AS (
        SELECT cs.creator_id, (m.created_at AT TIME ZONE 'UTC')::date AS day,
               count(*) FILTER (WHERE m.role = 'user') AS sent,
               sum(m.token_count) FILTER (WHERE m.role = 'assistant') AS tokens
        FROM %s
        JOIN learning.chat_sessions AS cs ON cs.id = m.session_id
        WHERE m.role IN ('user', 'assistant') AND m.created_at >= $1 AND m.created_at < $2
          %s
        GROUP BY 1, 2
      ), uploads AS (
        -- Every creation day up to the last day recomputed (of the creators concerned): the
        -- day's uploads, and the running total of storage. Always recomputed: it is small.
        SELECT v.creator_id, (v.created_at AT TIME ZONE 'UTC')::date AS day,
               count(*) AS videos, sum(v.duration_seconds) AS seconds,
               sum(v.file_size_bytes) FILTER (WHERE NOT v.is_deleted) AS bytes
        FROM learning.videos AS v
        WHERE v.created_at < $2 %s
        GROUP BY 1, 2
      ), keys AS (
        %s
      ), storage AS (
        SELECT x.creator_id, x.day, x.stored
        FROM (SELECT y.creator_id, y.day, y.is_key,
                     sum(y.bytes) OVER (PARTITION BY y.creator_id ORDER BY y.day) AS stored
              FROM (SELECT u.creator_id, u.day, u.bytes, false AS is_key FROM uploads AS u
                    UNION ALL
                    SELECT k.creator_id, k.day, NULL, true FROM keys AS k) AS y) AS x
        WHERE x.is_key
      ), computed AS (
        -- A figure whose sources did not change is kept from the row (0 if there is none).
        SELECT k.creator_id, k.day,
               LEAST(COALESCE(s.stored, 0), 9223372036854775807)::bigint AS storage,
               LEAST(COALESCE(u.videos, 0), 2147483647)::integer AS videos,
               LEAST(COALESCE(u.seconds, 0), 2147483647)::integer AS duration,
               CASE WHEN k.messages THEN LEAST(COALESCE(c.tokens, 0), 2147483647)::integer
                    ELSE COALESCE(old.ai_credits_used, 0) END AS credits,
               CASE WHEN k.events THEN LEAST(COALESCE(t.minutes, 0), 2147483647)::integer
                    ELSE COALESCE(old.transcription_minutes, 0) END AS minutes,
               CASE WHEN k.messages THEN LEAST(COALESCE(c.sent, 0), 2147483647)::integer
                    ELSE COALESCE(old.chat_messages_sent, 0) END AS sent,
               CASE WHEN k.events OR k.sessions
                    THEN LEAST(COALESCE(a.students, 0), 2147483647)::integer
                    ELSE COALESCE(old.active_students, 0) END AS students
        FROM keys AS k
        LEFT JOIN storage AS s ON s.creator_id = k.creator_id AND s.day = k.day
        LEFT JOIN uploads AS u ON u.creator_id = k.creator_id AND u.day = k.day
        LEFT JOIN chats AS c ON c.creator_id = k.creator_id AND c.day = k.day
        LEFT JOIN transcribed AS t ON t.creator_id = k.creator_id AND t.day = k.day
        LEFT JOIN active AS a ON a.creator_id = k.creator_id AND a.day = k.day
        LEFT JOIN learning.usage_metrics AS old
          ON old.creator_id = k.creator_id AND old.date = k.day
      ), figures AS (
        SELECT c.*, (c.videos, c.duration, c.credits, c.minutes, c.sent, c.students)
                    IS DISTINCT FROM (0, 0, 0, 0, 0, 0) AS keep
        FROM computed AS c
      ), upserted AS (
        INSERT INTO learning.usage_metrics AS um
          (creator_id, date, storage_used_bytes, videos_uploaded, total_video_duration_seconds,
           ai_credits_used, transcription_minutes, chat_messages_sent, active_students)
        SELECT f.creator_id, f.day, f.storage, f.videos, f.duration, f.credits, f.minutes,
               f.sent, f.students
        FROM figures AS f
        WHERE f.keep
        ON CONFLICT (creator_id, date) DO UPDATE SET
          storage_used_bytes = EXCLUDED.storage_used_bytes,
          videos_uploaded = EXCLUDED.videos_uploaded,
          total_video_duration_seconds = EXCLUDED.total_video_duration_seconds,
          ai_credits_used = EXCLUDED.ai_credits_used,
          transcription_minutes = EXCLUDED.transcription_minutes,
          chat_messages_sent = EXCLUDED.chat_messages_sent,
          active_students = EXCLUDED.active_students
        WHERE (um.storage_used_bytes, um.videos_uploaded, um.total_video_duration_seconds,
               um.ai_credits_used, um.transcription_minutes, um.chat_messages_sent,
               um.active_students)
              IS DISTINCT FROM
              (EXCLUDED.storage_used_bytes, EXCLUDED.videos_uploaded,
               EXCLUDED.total_video_duration_seconds, EXCLUDED.ai_credits_used,
               EXCLUDED.transcription_minutes, EXCLUDED.chat_messages_sent,
               EXCLUDED.active_students)
        RETURNING um.xmax = 0 AS fresh
      ), removed AS (
        DELETE FROM learning.usage_metrics AS um
        USING figures AS f
        WHERE um.creator_id = f.creator_id AND um.date = f.day AND NOT f.keep
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM figures)::integer,
             (count(*) FILTER (WHERE u.fresh))::integer,
             (count(*) FILTER (WHERE NOT u.fresh))::integer,
             (SELECT count(*) FROM removed)::integer
      FROM upserted AS u
      $sql$,
      v_students,
      learning.rollup_source_sql(v_pairs, 'events', 'creator_id', 'e.creator_id',
        'e."timestamp"', 'learning.video_analytics_events AS e',
        'e.event_type = ''video_transcribed''
         AND jsonb_typeof(e.metadata -> ''duration_seconds'') = ''number''',
        'sum(ceil(GREATEST((e.metadata ->> ''duration_seconds'')::numeric, 0) / 60)) AS minutes'),
      v_messages, v_messages_filter,
      CASE WHEN v_pair_mode
           THEN 'AND v.creator_id IN (SELECT p.creator_id FROM pg_temp.rollup_creator_days AS p)'
      END,
      v_keys)
    INTO pairs_recomputed, rows_inserted, rows_updated, rows_deleted
    USING v_lo, v_hi, p_from, p_to;
  END IF;
  RETURN NEXT;
END
$$;

COMMENT ON FUNCTION learning.rollup_apply(date, date) IS
  'Internal to the rollups: recomputes learning.video_analytics and learning.usage_metrics '
  'for the UTC days p_from to p_to, or, both NULL, for the pairs listed in the temporary '
  'tables rollup_video_days and rollup_creator_days (see learning.rollup_prepare). Returns '
  'per table the pairs recomputed and rows inserted, updated and deleted.';

REVOKE ALL ON FUNCTION learning.rollup_apply(date, date) FROM PUBLIC;

-- 0.3.0/45_register_rollups.sql
-- The rollups run as a periodic maintenance task: run_maintenance() (pg_cron or the background
-- worker) calls learning.rollup_analytics() every minute; each run only reads what is new.
-- A nightly learning.refresh_analytics(current_date - 7, current_date) also catches deletes,
-- which incremental runs do not see (see sql/0.3.0/40_learning_rollups.sql).
INSERT INTO reelbase.maintenance_tasks (name, function, run_every, registered_by_extension)
VALUES ('learning.rollup_analytics', 'learning.rollup_analytics()', interval '1 minute', true);
