-- segments and jobs under the partition engine: registration (segments keep everything, jobs
-- archive after 6 months into stories_archive), premade months, the default partition drained
-- without touching the counters or the idempotency keys; the rules kept across partitions: an
-- idempotency key is unique over every partition, a segment names an existing scene and job,
-- a job named by a segment cannot be deleted.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/stories.sql'
\i :fixture
\set VERBOSITY terse
SET client_min_messages = warning;

SELECT parent, premake, retention, retention_mode, archive_schema, registered_by_extension
FROM reelbase.partition_sets WHERE parent::text LIKE 'stories.%' ORDER BY 1;

-- Rows before any monthly partition exists land in the default partitions: a segment now and
-- one 8 months back, and jobs in the same months.
INSERT INTO stories.jobs (id, scene_id, user_id, input_text, bible_version, idempotency_key, created_at) VALUES
  ('a0000000-0000-0000-0000-0000000000e1', 'a0000000-0000-0000-0000-0000000000c1',
   'a0000000-0000-0000-0000-00000000000a', 'old', 1, 'key-old', now() - interval '8 months'),
  ('a0000000-0000-0000-0000-0000000000e2', 'a0000000-0000-0000-0000-0000000000c1',
   'a0000000-0000-0000-0000-00000000000a', 'new', 1, 'key-new', now());
INSERT INTO stories.segments (id, scene_id, user_id, job_id, sequence, input_text, expanded_script, video_url,
                              duration, bible_version, created_at) VALUES
  ('a0000000-0000-0000-0000-0000000000f1', 'a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000a',
   'a0000000-0000-0000-0000-0000000000e1', 1, 'a', 'A', 'https://v/1.mp4', 10, 1, now() - interval '8 months'),
  ('a0000000-0000-0000-0000-0000000000f2', 'a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000b',
   'a0000000-0000-0000-0000-0000000000e2', 2, 'b', 'B', 'https://v/2.mp4', 7, 1, now());
SELECT tableoid::regclass AS partition, count(*) FROM stories.segments GROUP BY 1;
SELECT tableoid::regclass AS partition, count(*) FROM stories.jobs GROUP BY 1;
SELECT segment_count, total_duration, contributor_count, last_segment_at = (SELECT max(created_at) FROM stories.segments) AS last_ok
FROM stories.scenes WHERE id = 'a0000000-0000-0000-0000-0000000000c1';

-- Maintenance: the current month and 4 ahead for each table, this month's rows moved out of
-- the default partition; the 8-month-old job is outside the jobs' kept range and stays in the
-- default partition until a partition is made for it by hand; the old segment's month is
-- kept (no retention) and gets its partition.
SELECT action, count(*) FROM reelbase.run_maintenance() GROUP BY action ORDER BY action;
SELECT i.inhparent::regclass AS parent, count(*) AS monthly_partitions
FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
WHERE i.inhparent IN ('stories.segments'::regclass, 'stories.jobs'::regclass) AND NOT c.relname LIKE '%\_default'
GROUP BY 1 ORDER BY 1;
SELECT (SELECT count(*) FROM ONLY stories.segments_default) AS segments_in_default,
       (SELECT count(*) FROM ONLY stories.jobs_default) AS jobs_in_default;
SELECT tableoid::regclass = ('stories.segments_' || to_char(created_at AT TIME ZONE 'UTC', 'YYYY_MM'))::regclass AS in_its_month
FROM stories.segments ORDER BY created_at;
-- The drain moved rows, it deleted nothing: counters and keys as before.
SELECT segment_count, total_duration, contributor_count, last_segment_at = (SELECT max(created_at) FROM stories.segments) AS last_ok
FROM stories.scenes WHERE id = 'a0000000-0000-0000-0000-0000000000c1';
SELECT user_id, segments FROM stories.scene_contributors ORDER BY user_id;
SELECT idempotency_key, job_id FROM stories.job_idempotency_keys ORDER BY 1;
-- Each made partition has its key and the default partition's indexes.
SELECT c.relname LIKE '%\_default' AS is_default, count(*) AS partitions,
       min((SELECT count(*) FROM pg_index x WHERE x.indrelid = c.oid)) AS min_indexes,
       bool_and(EXISTS (SELECT FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')) AS keyed,
       bool_and(EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = c.oid
                        AND t.tgname = 'segments_scene_and_user_exist')) AS scene_checked
FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
WHERE i.inhparent = 'stories.segments'::regclass GROUP BY 1 ORDER BY 1;

-- Archive: the old job's month gets a partition; it is older than 6 months, so maintenance
-- detaches it into stories_archive, rows and key kept.
SELECT reelbase.create_monthly_partition('stories.jobs', extract(year FROM (now() - interval '8 months') AT TIME ZONE 'UTC')::int,
                                         extract(month FROM (now() - interval '8 months') AT TIME ZONE 'UTC')::int)
       = 'stories.jobs_' || to_char((now() - interval '8 months') AT TIME ZONE 'UTC', 'YYYY_MM') AS made;
SELECT action, count(*) FROM reelbase.run_maintenance() WHERE action IN ('archive', 'drop', 'detach') GROUP BY 1;
SELECT n.nspname, c.relispartition, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %s', c.oid::regclass), false, true, '')))[1]::text AS rows
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relname = 'jobs_' || to_char((now() - interval '8 months') AT TIME ZONE 'UTC', 'YYYY_MM');
SELECT count(*) AS jobs_left_in_parent FROM stories.jobs WHERE id = 'a0000000-0000-0000-0000-0000000000e1';
SELECT count(*) AS archived_key_kept FROM stories.job_idempotency_keys WHERE idempotency_key = 'key-old';

-- An idempotency key is unique across every partition, archived ones included (23505).
\set ON_ERROR_STOP 0
INSERT INTO stories.jobs (scene_id, user_id, input_text, bible_version, idempotency_key, created_at) VALUES
  ('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000a', 'again', 1, 'key-new',
   now() + interval '2 months');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO stories.jobs (scene_id, user_id, input_text, bible_version, idempotency_key) VALUES
  ('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000a', 'again', 1, 'key-old');
\echo :LAST_ERROR_SQLSTATE
-- Two jobs with one key in one statement, different months.
INSERT INTO stories.jobs (id, scene_id, user_id, input_text, bible_version, idempotency_key, created_at) VALUES
  ('a0000000-0000-0000-0000-0000000000e4', 'a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000a', 'x', 1, 'key-pair', now()),
  ('a0000000-0000-0000-0000-0000000000e5', 'a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000a', 'y', 1, 'key-pair', now() + interval '1 month');
\echo :LAST_ERROR_SQLSTATE
-- Moving a key onto another job.
UPDATE stories.jobs SET idempotency_key = 'key-new' WHERE id = 'a0000000-0000-0000-0000-0000000000d1';
\echo :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
-- A key freed by its job's deletion or change can be used again; keys follow their job.
UPDATE stories.jobs SET idempotency_key = 'key-renamed' WHERE id = 'a0000000-0000-0000-0000-0000000000e2';
INSERT INTO stories.jobs (id, scene_id, user_id, input_text, bible_version, idempotency_key, created_at) VALUES
  ('a0000000-0000-0000-0000-0000000000e3', 'a0000000-0000-0000-0000-0000000000c1',
   'a0000000-0000-0000-0000-00000000000a', 'reuse', 1, 'key-new', now() + interval '1 month');
SELECT idempotency_key, job_id FROM stories.job_idempotency_keys ORDER BY 1;
DELETE FROM stories.jobs WHERE id = 'a0000000-0000-0000-0000-0000000000e3';
SELECT idempotency_key, job_id FROM stories.job_idempotency_keys ORDER BY 1;

-- A segment names an existing scene and user and an existing job (triggers): 23503.
-- (SQLSTATE only for the first two: the message names the month's partition.)
\set ON_ERROR_STOP 0
\set VERBOSITY sqlstate
INSERT INTO stories.segments (scene_id, user_id, job_id, sequence, input_text, expanded_script, video_url,
                              duration, bible_version) VALUES
  ('a0000000-0000-0000-0000-0000000000c9', 'a0000000-0000-0000-0000-00000000000a',
   'a0000000-0000-0000-0000-0000000000e2', 3, 'x', 'X', 'https://v/x.mp4', 1, 1);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO stories.segments (scene_id, user_id, job_id, sequence, input_text, expanded_script, video_url,
                              duration, bible_version, created_at) VALUES
  ('a0000000-0000-0000-0000-0000000000c9', 'a0000000-0000-0000-0000-00000000000a',
   'a0000000-0000-0000-0000-0000000000e2', 3, 'x', 'X', 'https://v/x.mp4', 1, 1, now() + interval '3 years');
\set VERBOSITY terse
INSERT INTO stories.segments (scene_id, user_id, job_id, sequence, input_text, expanded_script, video_url,
                              duration, bible_version) VALUES
  ('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000a',
   'a0000000-0000-0000-0000-0000000000f9', 3, 'x', 'X', 'https://v/x.mp4', 1, 1);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO stories.jobs (scene_id, user_id, input_text, bible_version) VALUES
  ('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-0000000000f9', 'nobody', 1);
\echo :LAST_ERROR_SQLSTATE
UPDATE stories.jobs SET scene_id = 'a0000000-0000-0000-0000-0000000000c9' WHERE id = 'a0000000-0000-0000-0000-0000000000e2';
\echo :LAST_ERROR_SQLSTATE
-- The scene and the job a segment names cannot be deleted.
DELETE FROM stories.scenes WHERE id = 'a0000000-0000-0000-0000-0000000000c1';
\echo :LAST_ERROR_SQLSTATE
-- Nor the user of an archived job only (the archived partition has no triggers of its own).
\set ON_ERROR_STOP 1
INSERT INTO stories.users (id, email, username) VALUES ('a0000000-0000-0000-0000-0000000000ab', 'arch@example.com', 'arch');
DO $$ BEGIN EXECUTE format($f$INSERT INTO stories_archive.%I (scene_id, user_id, input_text, bible_version, created_at)
  VALUES ('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-0000000000ab', 'archived', 1, now() - interval '8 months')$f$,
  'jobs_' || to_char((now() - interval '8 months') AT TIME ZONE 'UTC', 'YYYY_MM')); END $$;
\set ON_ERROR_STOP 0
DELETE FROM stories.users WHERE id = 'a0000000-0000-0000-0000-0000000000ab';
\echo :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
DO $$ BEGIN EXECUTE format($f$DELETE FROM stories_archive.%I WHERE user_id = 'a0000000-0000-0000-0000-0000000000ab'$f$,
  'jobs_' || to_char((now() - interval '8 months') AT TIME ZONE 'UTC', 'YYYY_MM')); END $$;
DELETE FROM stories.users WHERE id = 'a0000000-0000-0000-0000-0000000000ab';
\set ON_ERROR_STOP 0
DELETE FROM stories.jobs WHERE id = 'a0000000-0000-0000-0000-0000000000e2';
\echo :LAST_ERROR_SQLSTATE
-- Segments are append-only in their identity columns (22023).
UPDATE stories.segments SET sequence = 9 WHERE sequence = 2;
\echo :LAST_ERROR_SQLSTATE
UPDATE stories.segments SET created_at = created_at + interval '1 month' WHERE sequence = 2;
\echo :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
-- A job no segment names can be deleted.
DELETE FROM stories.jobs WHERE id = 'a0000000-0000-0000-0000-0000000000d1';
SELECT count(*) AS jobs FROM stories.jobs;

-- Cleanup: the archived partition is outside the extension.
DO $$ BEGIN EXECUTE format('DROP TABLE stories_archive.%I', 'jobs_' || to_char((now() - interval '8 months') AT TIME ZONE 'UTC', 'YYYY_MM')); END $$;
DROP SCHEMA stories_archive;
\set fixture :abs_srcdir '/sql/fixtures/stories_cleanup.sql'
\i :fixture
