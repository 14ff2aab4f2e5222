-- The rollups run as a periodic maintenance task: run_maintenance() (pg_cron or the background
-- worker) calls learning.rollup_analytics() every minute; each run only reads what is new.
-- A nightly learning.refresh_analytics(current_date - 7, current_date) also catches deletes,
-- which incremental runs do not see (see 40_rollups.sql).
INSERT INTO reelbase.maintenance_tasks (name, function, run_every, registered_by_extension)
VALUES ('learning.rollup_analytics', 'learning.rollup_analytics()', interval '1 minute', true);
