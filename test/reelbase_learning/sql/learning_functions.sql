-- The learning functions (Swift): track_video_event and the watch-progress questions, their
-- declared properties, every refusal with its SQLSTATE, RLS through them, and NULL and hostile
-- arguments. Failing calls are followed by \echo :LAST_ERROR_SQLSTATE.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixtures :abs_srcdir '/sql/fixtures/'
\set fixture :fixtures 'learning.sql'
\i :fixture
\set VERBOSITY default
-- The statement text of an SPI error's context would tie this file to the Swift code's SQL.
\set SHOW_CONTEXT never
SET timezone = 'UTC';
-- For calls whose error message would be huge: just the SQLSTATE.
CREATE FUNCTION pg_temp.sqlstate_of(sql text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE sql;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;

-- Signatures, volatility (v/s), strictness, parallel safety and rights as declared.
SELECT p.proname, pg_get_function_arguments(p.oid) AS arguments,
       pg_get_function_result(p.oid) AS result, p.provolatile, p.proisstrict, p.proparallel,
       p.prosecdef
FROM pg_proc p
WHERE p.oid IN ('learning.track_video_event'::regproc, 'learning.get_student_total_watch_time'::regproc,
                'learning.get_student_highest_completion'::regproc, 'learning.has_student_completed_video'::regproc)
ORDER BY 1;

-- The seed's usage example, as written (learning on the search_path, named arguments).
SET search_path = learning, public;
SELECT track_video_event(
  'video_started',
  'd0000000-0000-0000-0000-000000000011',
  'c0000000-0000-0000-0000-000000000001',
  p_student_id := 'a0000000-0000-0000-0000-000000000011',
  p_metadata := '{"device": "mobile"}'::jsonb
) IS NOT NULL AS recorded;
RESET search_path;

-- The stored row: every argument lands in its column; the id is a time-ordered UUIDv7.
SELECT learning.track_video_event('video_progress', 'd0000000-0000-0000-0000-000000000011',
  'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000011',
  'e0000000-0000-0000-0000-000000000011', 'f0000000-0000-0000-0000-000000000011',
  '{"percent_complete": 50, "watch_time_seconds": 1800}', '2025-03-01 12:00:00+00') AS progress_id \gset
SELECT substr(id::text, 15, 1) AS uuid_version, event_type, video_id, creator_id, student_id,
       course_id, module_id, metadata, "timestamp"
FROM learning.video_analytics_events WHERE id = :'progress_id';
-- Ids made later sort later (UUIDv7 keeps the primary key's inserts at the right edge).
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000012',
  'c0000000-0000-0000-0000-000000000001') > :'progress_id'::uuid AS later_id_sorts_after;
-- Defaults: metadata {} and timestamp now(); NULL metadata also means {}.
BEGIN;
SELECT learning.track_video_event('video_transcribed', 'd0000000-0000-0000-0000-000000000012',
  'c0000000-0000-0000-0000-000000000001') AS id \gset
SELECT metadata, "timestamp" = now() AS at_now FROM learning.video_analytics_events WHERE id = :'id';
COMMIT;
SELECT learning.track_video_event('video_embedded', 'd0000000-0000-0000-0000-000000000012',
  'c0000000-0000-0000-0000-000000000001', p_metadata := NULL) AS id \gset
SELECT metadata FROM learning.video_analytics_events WHERE id = :'id';

-- Refusals: which argument, which rule, which SQLSTATE.
SELECT learning.track_video_event('video_paused', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_started', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', p_metadata := '[1, 2]');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', p_metadata := '"text"');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', p_timestamp := 'infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', p_timestamp := '-infinity');
\echo :LAST_ERROR_SQLSTATE
-- missing video, and a video of another creator
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-0000000000ff', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000021', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
-- soft-deleted video
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000013', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
-- missing student, and a student of another creator
SELECT learning.track_video_event('video_started', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-0000000000ff');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_started', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000021');
\echo :LAST_ERROR_SQLSTATE
-- missing course, and a course of another creator
SELECT learning.track_video_event('video_added_to_course', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', p_course_id := 'e0000000-0000-0000-0000-0000000000ff');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_added_to_course', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', p_course_id := 'e0000000-0000-0000-0000-000000000021');
\echo :LAST_ERROR_SQLSTATE
-- missing module, a module of another course of the same creator, a module of another creator
SELECT learning.track_video_event('video_added_to_course', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', p_module_id := 'f0000000-0000-0000-0000-0000000000ff');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_added_to_course', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', p_course_id := 'e0000000-0000-0000-0000-000000000011', p_module_id := 'f0000000-0000-0000-0000-000000000012');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_added_to_course', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', p_module_id := 'f0000000-0000-0000-0000-000000000021');
\echo :LAST_ERROR_SQLSTATE
-- a module of the creator without a course argument is fine
SELECT learning.track_video_event('video_added_to_course', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', p_module_id := 'f0000000-0000-0000-0000-000000000012') IS NOT NULL AS recorded;

-- NULL for each required argument: 22004 naming it.
SELECT learning.track_video_event(NULL, 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_imported', NULL, 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000011', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', p_timestamp := NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
\echo :LAST_ERROR_SQLSTATE

-- Hostile values: injection-shaped, huge, non-ASCII and look-alike event types, a 1 MB
-- metadata object and a deeply nested one. Each is refused or stored, never misread.
SELECT learning.track_video_event(E'video_started''; DROP TABLE learning.videos; --', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.sqlstate_of(format(
  'SELECT learning.track_video_event(%L, %L, %L)', repeat('video_started', 100000),
  'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001')) AS huge_event_type;
SELECT learning.track_video_event('VIDEO_STARTED', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_started ', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('vidéo_started', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000012',
  'c0000000-0000-0000-0000-000000000001', p_metadata := jsonb_build_object('blob', repeat('z', 1000000))) AS id \gset
SELECT octet_length(metadata::text) AS stored_bytes FROM learning.video_analytics_events WHERE id = :'id';
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000012',
  'c0000000-0000-0000-0000-000000000001',
  p_metadata := (SELECT repeat('{"a":', 1000) || '1' || repeat('}', 1000))::jsonb) AS id \gset
SELECT jsonb_typeof(metadata) AS stored, metadata #>> (SELECT array_agg('a'::text) FROM generate_series(1, 1000)) AS innermost
FROM learning.video_analytics_events WHERE id = :'id';
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000012', 'c0000000-0000-0000-0000-000000000001', p_timestamp := '4714-11-24 00:00:00+00 BC') IS NOT NULL AS earliest_time_ok;

-- Through row-level security: a student records their own watching event (and cannot read it
-- back); naming another student looks like a missing student; a creator records pipeline
-- events of their own videos only.
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-000000000011') IS NOT NULL AS acting;
SELECT learning.track_video_event('video_completed', 'd0000000-0000-0000-0000-000000000012', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000011', p_metadata := '{"percent_complete": 100}') IS NOT NULL AS student_recorded;
SELECT count(*) AS events_visible_to_student FROM learning.video_analytics_events;
SAVEPOINT s;
SELECT learning.track_video_event('video_completed', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000012');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
-- a pipeline event is not a student's to record: refused by the table's policy (42501)
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('c0000000-0000-0000-0000-000000000002') IS NOT NULL AS acting;
SELECT learning.track_video_event('video_transcribed', 'd0000000-0000-0000-0000-000000000021', 'c0000000-0000-0000-0000-000000000002') IS NOT NULL AS creator_recorded;
SAVEPOINT s;
-- another creator's video is invisible: "does not exist"
SELECT learning.track_video_event('video_transcribed', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
-- Without reelbase_app or reelbase_admin there is no EXECUTE at all.
CREATE ROLE rb_regress_outsider;
GRANT USAGE ON SCHEMA learning TO rb_regress_outsider;
SET ROLE rb_regress_outsider;
SELECT learning.track_video_event('video_imported', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001');
\echo :LAST_ERROR_SQLSTATE
SELECT learning.get_student_total_watch_time('a0000000-0000-0000-0000-000000000011', 'd0000000-0000-0000-0000-000000000011');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
REVOKE USAGE ON SCHEMA learning FROM rb_regress_outsider;
DROP ROLE rb_regress_outsider;

-- Watch progress. S11 on V11: one session at 40% (fixture); add two more.
INSERT INTO learning.video_watch_sessions (video_id, student_id, watch_time_seconds, percent_complete) VALUES
  ('d0000000-0000-0000-0000-000000000011', 'a0000000-0000-0000-0000-000000000011', 300, 60),
  ('d0000000-0000-0000-0000-000000000011', 'a0000000-0000-0000-0000-000000000011', 200, 92);
UPDATE learning.video_watch_sessions SET watch_time_seconds = 100 WHERE metadata->>'label' = 'W11';
SELECT learning.get_student_total_watch_time('a0000000-0000-0000-0000-000000000011', 'd0000000-0000-0000-0000-000000000011') AS total,
       learning.get_student_highest_completion('a0000000-0000-0000-0000-000000000011', 'd0000000-0000-0000-0000-000000000011') AS highest,
       learning.has_student_completed_video('a0000000-0000-0000-0000-000000000011', 'd0000000-0000-0000-0000-000000000011') AS completed;
-- No sessions: 0, 0, false.
SELECT learning.get_student_total_watch_time('a0000000-0000-0000-0000-000000000011', 'd0000000-0000-0000-0000-000000000021') AS total,
       learning.get_student_highest_completion('a0000000-0000-0000-0000-000000000011', 'd0000000-0000-0000-0000-000000000021') AS highest,
       learning.has_student_completed_video('a0000000-0000-0000-0000-000000000011', 'd0000000-0000-0000-0000-000000000021') AS completed;
-- NULL arguments: NULL (the functions are STRICT).
SELECT learning.get_student_total_watch_time(NULL, 'd0000000-0000-0000-0000-000000000011') IS NULL AS a,
       learning.get_student_highest_completion('a0000000-0000-0000-0000-000000000011', NULL) IS NULL AS b,
       learning.has_student_completed_video(NULL, NULL) IS NULL AS c;
-- A total beyond the seed's INTEGER result is an error (22003), raised by Postgres inside the
-- Swift call, not a wrapped number.
INSERT INTO learning.video_watch_sessions (video_id, student_id, watch_time_seconds) VALUES
  ('d0000000-0000-0000-0000-000000000012', 'a0000000-0000-0000-0000-000000000012', 2000000000),
  ('d0000000-0000-0000-0000-000000000012', 'a0000000-0000-0000-0000-000000000012', 2000000000);
SELECT learning.get_student_total_watch_time('a0000000-0000-0000-0000-000000000012', 'd0000000-0000-0000-0000-000000000012');
\echo :LAST_ERROR_SQLSTATE
-- With the caller's rights: a student sees their own figures, another student's look empty;
-- a creator sees their students'.
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-000000000011') IS NOT NULL AS acting;
SELECT learning.get_student_total_watch_time('a0000000-0000-0000-0000-000000000011', 'd0000000-0000-0000-0000-000000000011') AS own_total,
       learning.get_student_highest_completion('a0000000-0000-0000-0000-000000000012', 'd0000000-0000-0000-0000-000000000011') AS other_student_highest;
SELECT reelbase.set_user_id('c0000000-0000-0000-0000-000000000001') IS NOT NULL AS acting;
SELECT learning.has_student_completed_video('a0000000-0000-0000-0000-000000000011', 'd0000000-0000-0000-0000-000000000011') AS creator_sees_completion;
ROLLBACK;

\set fixture :fixtures 'learning_cleanup.sql'
\i :fixture
