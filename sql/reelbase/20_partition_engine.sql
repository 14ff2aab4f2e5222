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
  AS 'MODULE_PATHNAME', 'reelbase_create_monthly_partition';
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
  AS 'MODULE_PATHNAME', 'reelbase_manage_partitions';
COMMENT ON FUNCTION reelbase.manage_partitions(regclass, integer, interval, text, text) IS
  'Registers (or re-configures) a monthly partition set and gives it a default partition <table>_default. reelbase.run_maintenance() then keeps it.';

CREATE FUNCTION reelbase.run_maintenance()
  RETURNS TABLE (action text, target text, detail text)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'reelbase_run_maintenance';
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
