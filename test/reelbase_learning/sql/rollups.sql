-- The analytics rollups: learning.rollup_analytics() (incremental, from a watermark) and
-- learning.refresh_analytics(from, to). Every state of learning.video_analytics and
-- learning.usage_metrics is compared with plain GROUP BY queries over the sources (written
-- here independently of the functions): rollup_mismatches must show four zeros. Also:
-- idempotence, which rows an incremental run touches, late events, updates, deletes, the
-- watermark, the lock, UTC days in a far-off session time zone, errors and privileges.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixtures :abs_srcdir '/sql/fixtures/'
\set fixture :fixtures 'learning.sql'
\i :fixture
-- Days are UTC days whatever the session's zone; this one is 14 hours ahead of UTC.
SET timezone = 'Pacific/Kiritimati';
SET datestyle = 'ISO, YMD';
-- With no overlap a run reads exactly what was written since the previous run; the default
-- (one minute) would re-read everything this file writes, since it all happens within a
-- minute. The default is shown at work further down.
SET reelbase.rollup_overlap = '0';
DELETE FROM reelbase.rollup_watermarks;

-- The declared properties: SECURITY DEFINER with a pinned search_path, executable by
-- administrators only; the internal helpers by nobody but the owner.
SELECT p.oid::regprocedure AS function, p.provolatile, p.proparallel, p.prosecdef, p.proconfig,
       has_function_privilege('reelbase_admin', p.oid, 'EXECUTE') AS admin,
       has_function_privilege('reelbase_app', p.oid, 'EXECUTE') AS app
FROM pg_proc p
WHERE p.pronamespace = 'learning'::regnamespace
  AND (p.proname LIKE 'rollup%' OR p.proname = 'refresh_analytics')
ORDER BY p.proname;

-- The expected rollups, straight from the definitions (sql/reelbase_learning/40_rollups.sql).
CREATE TEMP VIEW expected_video_analytics AS
WITH started AS (
  SELECT video_id, ("timestamp" AT TIME ZONE 'UTC')::date AS day, count(*) AS views,
         count(DISTINCT student_id) AS viewers
  FROM learning.video_analytics_events WHERE event_type = 'video_started' GROUP BY 1, 2
), watched AS (
  SELECT video_id, (session_start AT TIME ZONE 'UTC')::date AS day, count(*) AS n,
         sum(watch_time_seconds) AS total, count(*) FILTER (WHERE completed) AS done
  FROM learning.video_watch_sessions GROUP BY 1, 2
), asked AS (
  SELECT v.id AS video_id, (m.created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n
  FROM learning.chat_messages m
  JOIN learning.chat_sessions s ON s.id = m.session_id
  JOIN learning.videos v ON v.creator_id = s.creator_id
   AND v.id::text IN (SELECT lower(x) FROM unnest(s.context_video_ids) x)
  WHERE m.role = 'user' GROUP BY 1, 2
), f AS (
  SELECT k.video_id, k.day AS date, coalesce(st.views, 0)::int AS views,
         coalesce(st.viewers, 0)::int AS unique_viewers,
         least(coalesce(w.total, 0), 2147483647)::int AS total_watch_time_seconds,
         coalesce(round(w.total::numeric / w.n), 0)::int AS average_watch_time_seconds,
         coalesce(round(w.done * 100.0 / w.n, 2), 0)::numeric(5,2) AS completion_rate,
         coalesce(a.n, 0)::int AS ai_interactions
  FROM (SELECT video_id, day FROM started UNION SELECT video_id, day FROM watched
        UNION SELECT video_id, day FROM asked) k
  LEFT JOIN started st USING (video_id, day) LEFT JOIN watched w USING (video_id, day)
  LEFT JOIN asked a USING (video_id, day)
)
SELECT * FROM f
WHERE views > 0 OR unique_viewers > 0 OR total_watch_time_seconds > 0
   OR average_watch_time_seconds > 0 OR completion_rate > 0 OR ai_interactions > 0;

CREATE TEMP VIEW expected_usage_metrics AS
WITH uploaded AS (
  SELECT creator_id, (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n,
         sum(duration_seconds) AS seconds
  FROM learning.videos GROUP BY 1, 2
), chat AS (
  SELECT s.creator_id, (m.created_at AT TIME ZONE 'UTC')::date AS day,
         count(*) FILTER (WHERE m.role = 'user') AS sent,
         sum(m.token_count) FILTER (WHERE m.role = 'assistant') AS tokens
  FROM learning.chat_messages m JOIN learning.chat_sessions s ON s.id = m.session_id
  GROUP BY 1, 2
), transcribed AS (
  SELECT creator_id, ("timestamp" AT TIME ZONE 'UTC')::date AS day,
         sum(ceil(greatest((metadata->>'duration_seconds')::numeric, 0) / 60)) AS minutes
  FROM learning.video_analytics_events
  WHERE event_type = 'video_transcribed' AND jsonb_typeof(metadata->'duration_seconds') = 'number'
  GROUP BY 1, 2
), active AS (
  SELECT creator_id, day, count(DISTINCT student_id) AS n FROM (
    SELECT creator_id, ("timestamp" AT TIME ZONE 'UTC')::date AS day, student_id
    FROM learning.video_analytics_events WHERE student_id IS NOT NULL
    UNION ALL
    SELECT v.creator_id, (w.session_start AT TIME ZONE 'UTC')::date, w.student_id
    FROM learning.video_watch_sessions w JOIN learning.videos v ON v.id = w.video_id) x
  GROUP BY 1, 2
), f AS (
  SELECT k.creator_id, k.day AS date,
         (SELECT coalesce(sum(file_size_bytes), 0) FROM learning.videos v
          WHERE v.creator_id = k.creator_id AND NOT v.is_deleted
            AND (v.created_at AT TIME ZONE 'UTC')::date <= k.day)::bigint AS storage_used_bytes,
         coalesce(u.n, 0)::int AS videos_uploaded,
         coalesce(u.seconds, 0)::int AS total_video_duration_seconds,
         coalesce(c.tokens, 0)::int AS ai_credits_used,
         coalesce(t.minutes, 0)::int AS transcription_minutes,
         coalesce(c.sent, 0)::int AS chat_messages_sent,
         coalesce(a.n, 0)::int AS active_students
  FROM (SELECT creator_id, day FROM uploaded UNION SELECT creator_id, day FROM chat
        UNION SELECT creator_id, day FROM transcribed UNION SELECT creator_id, day FROM active) k
  LEFT JOIN uploaded u USING (creator_id, day) LEFT JOIN chat c USING (creator_id, day)
  LEFT JOIN transcribed t USING (creator_id, day) LEFT JOIN active a USING (creator_id, day)
)
SELECT * FROM f
WHERE videos_uploaded > 0 OR total_video_duration_seconds > 0 OR ai_credits_used > 0
   OR transcription_minutes > 0 OR chat_messages_sent > 0 OR active_students > 0;

-- Rows missing from / extra in each rollup table compared with the expectation (EXCEPT both
-- ways).
CREATE TEMP VIEW rollup_mismatches AS
WITH va AS (
  SELECT video_id, date, views, unique_viewers, total_watch_time_seconds,
         average_watch_time_seconds, completion_rate, ai_interactions
  FROM learning.video_analytics
), um AS (
  SELECT creator_id, date, storage_used_bytes, videos_uploaded, total_video_duration_seconds,
         ai_credits_used, transcription_minutes, chat_messages_sent, active_students
  FROM learning.usage_metrics
)
SELECT (SELECT count(*) FROM (SELECT * FROM expected_video_analytics EXCEPT SELECT * FROM va) x) AS va_missing,
       (SELECT count(*) FROM (SELECT * FROM va EXCEPT SELECT * FROM expected_video_analytics) x) AS va_extra,
       (SELECT count(*) FROM (SELECT * FROM expected_usage_metrics EXCEPT SELECT * FROM um) x) AS um_missing,
       (SELECT count(*) FROM (SELECT * FROM um EXCEPT SELECT * FROM expected_usage_metrics) x) AS um_extra;

-- The rollup tables, readably.
CREATE TEMP VIEW va AS
SELECT v.title, a.date, a.views, a.unique_viewers AS viewers, a.total_watch_time_seconds AS watched_s,
       a.average_watch_time_seconds AS avg_s, a.completion_rate AS completed_pct,
       a.ai_interactions AS ai
FROM learning.video_analytics a JOIN learning.videos v ON v.id = a.video_id
ORDER BY 1, 2;
CREATE TEMP VIEW um AS
SELECT c.name, u.date, u.storage_used_bytes AS storage, u.videos_uploaded AS uploads,
       u.total_video_duration_seconds AS duration_s, u.ai_credits_used AS credits,
       u.transcription_minutes AS transcribed_min, u.chat_messages_sent AS sent,
       u.active_students AS students
FROM learning.usage_metrics u JOIN learning.creators c ON c.id = u.creator_id
ORDER BY 1, 2;

-- What a run changed: rows inserted, updated (new row version) or deleted since snapshot().
CREATE TEMP TABLE snap (id uuid, version xid, what text, date date);
CREATE FUNCTION pg_temp.snapshot() RETURNS void LANGUAGE sql AS $$
  DELETE FROM snap;
  INSERT INTO snap
  SELECT a.id, a.xmin, v.title, a.date FROM learning.video_analytics a
  JOIN learning.videos v ON v.id = a.video_id
  UNION ALL
  SELECT u.id, u.xmin, c.name, u.date FROM learning.usage_metrics u
  JOIN learning.creators c ON c.id = u.creator_id;
$$;
CREATE TEMP VIEW changes AS
WITH now_rows AS (
  SELECT a.id, a.xmin AS version, v.title AS what, a.date FROM learning.video_analytics a
  JOIN learning.videos v ON v.id = a.video_id
  UNION ALL
  SELECT u.id, u.xmin, c.name, u.date FROM learning.usage_metrics u
  JOIN learning.creators c ON c.id = u.creator_id
)
SELECT CASE WHEN s.id IS NULL THEN 'inserted' WHEN n.id IS NULL THEN 'deleted' ELSE 'updated' END AS change,
       coalesce(n.what, s.what) AS what, coalesce(n.date, s.date) AS date
FROM now_rows n FULL JOIN snap s ON s.id = n.id
WHERE s.id IS NULL OR n.id IS NULL OR s.version::text <> n.version::text
ORDER BY 2, 3, 1;

-- The source rows. The fixture's clock-dependent rows are moved to fixed times first, so
-- nothing below depends on today's date.
UPDATE learning.videos SET created_at = '2025-02-01 09:00+00', file_size_bytes = 1000, duration_seconds = 600 WHERE title = 'V11';
UPDATE learning.videos SET created_at = '2025-02-01 09:00+00', file_size_bytes = 2000, duration_seconds = 300 WHERE title = 'V12';
UPDATE learning.videos SET created_at = '2025-02-01 09:00+00', file_size_bytes = 4000, duration_seconds = 100 WHERE title = 'V13del';
UPDATE learning.videos SET created_at = '2025-02-02 09:00+00', file_size_bytes = 8000, duration_seconds = 60 WHERE title = 'V21';
UPDATE learning.video_analytics_events SET "timestamp" = '2025-02-03 10:00+00';
UPDATE learning.video_watch_sessions SET session_start = '2025-02-03 11:00+00', watch_time_seconds = 240;
UPDATE learning.chat_messages SET created_at = '2025-02-03 12:00+00';
-- Chat contexts: CS11 names V11 (twice), V12 in capitals, a string that is no id, and V21,
-- which is another creator's video and must not count.
UPDATE learning.chat_sessions SET context_video_ids = ARRAY[
  'd0000000-0000-0000-0000-000000000011', 'D0000000-0000-0000-0000-000000000012', 'not a video',
  'd0000000-0000-0000-0000-000000000021', 'd0000000-0000-0000-0000-000000000011'] WHERE title = 'CS11';
UPDATE learning.chat_sessions SET context_video_ids = ARRAY['d0000000-0000-0000-0000-000000000012'] WHERE title = 'CS12';
UPDATE learning.chat_sessions SET context_video_ids = ARRAY['d0000000-0000-0000-0000-000000000021'] WHERE title = 'CS21';
-- Views on both sides of midnight UTC (in this session's zone both are on 4 February).
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id, "timestamp") VALUES
  ('video_started', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000011', '2025-02-03 23:30+00'),
  ('video_started', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000012', '2025-02-03 23:40+00'),
  ('video_started', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000012', '2025-02-04 00:30+00'),
  ('video_progress', 'd0000000-0000-0000-0000-000000000012', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000011', '2025-02-04 01:00+00');
-- Transcriptions: 61 s is 2 minutes, 3600 s is 60; a duration that is no number counts 0.
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, metadata, "timestamp") VALUES
  ('video_transcribed', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', '{"duration_seconds": 61}', '2025-02-03 08:00+00'),
  ('video_transcribed', 'd0000000-0000-0000-0000-000000000012', 'c0000000-0000-0000-0000-000000000001', '{"duration_seconds": 3600}', '2025-02-03 08:00+00'),
  ('video_transcribed', 'd0000000-0000-0000-0000-000000000012', 'c0000000-0000-0000-0000-000000000001', '{"duration_seconds": "long"}', '2025-02-03 09:00+00');
INSERT INTO learning.video_watch_sessions (video_id, student_id, session_start, watch_time_seconds, percent_complete) VALUES
  ('d0000000-0000-0000-0000-000000000011', 'a0000000-0000-0000-0000-000000000012', '2025-02-03 12:00+00', 500, 95),
  ('d0000000-0000-0000-0000-000000000012', 'a0000000-0000-0000-0000-000000000011', '2025-02-04 12:00+00', 100, 30),
  -- a session with nothing in it: its video's day has no row (all figures zero), its
  -- creator's day has one (an active student)
  ('d0000000-0000-0000-0000-000000000021', 'a0000000-0000-0000-0000-000000000021', '2025-02-06 12:00+00', 0, 0);
INSERT INTO learning.chat_messages (session_id, role, content, token_count, created_at) VALUES
  ('b0000000-0000-0000-0000-000000000011', 'assistant', 'a1', 150, '2025-02-03 12:01+00'),
  ('b0000000-0000-0000-0000-000000000011', 'user', 'q2', NULL, '2025-02-04 09:00+00'),
  ('b0000000-0000-0000-0000-000000000011', 'system', 's1', 40, '2025-02-04 09:00+00'),
  ('b0000000-0000-0000-0000-000000000021', 'assistant', 'a21', NULL, '2025-02-03 12:01+00');

-- The first run has no watermark: it rebuilds both tables from all the sources. The
-- fixture's hand-written rows of 1 January have no sources and go.
SELECT count(*) AS watermarks FROM reelbase.rollup_watermarks;
SELECT * FROM learning.rollup_analytics();
SELECT * FROM va;
SELECT * FROM um;
SELECT * FROM rollup_mismatches;
SELECT name, processed_until <= now() AS not_ahead, processed_until > now() - interval '1 minute' AS recent,
       last_pairs, last_rows
FROM reelbase.rollup_watermarks;

-- Idempotent: another run, a run with the default overlap (which re-reads, and so
-- recomputes, everything written in the last minute) and a refresh of every day change
-- nothing, not even a row version.
SELECT pg_temp.snapshot();
SELECT rollup_table, pairs_recomputed, rows_inserted, rows_updated, rows_deleted FROM learning.rollup_analytics();
RESET reelbase.rollup_overlap;
SELECT rollup_table, pairs_recomputed > 0 AS recomputed, rows_inserted, rows_updated, rows_deleted FROM learning.rollup_analytics();
SET reelbase.rollup_overlap = '0';
SELECT * FROM learning.refresh_analytics('-infinity', 'infinity');
SELECT * FROM changes;

-- Incremental: two new views of V12 on 4 February, recorded as the application does. Only
-- V12's day changes (C1's active students that day are the same two).
SELECT processed_until AS before FROM reelbase.rollup_watermarks \gset
SELECT learning.track_video_event('video_started', 'd0000000-0000-0000-0000-000000000012', 'c0000000-0000-0000-0000-000000000001',
  'a0000000-0000-0000-0000-000000000011', p_timestamp := '2025-02-04 15:00+00') IS NOT NULL AS recorded;
SELECT learning.track_video_event('video_started', 'd0000000-0000-0000-0000-000000000012', 'c0000000-0000-0000-0000-000000000001',
  'a0000000-0000-0000-0000-000000000012', p_timestamp := '2025-02-04 15:05+00') IS NOT NULL AS recorded;
SELECT rollup_table, rows_inserted, rows_updated, rows_deleted FROM learning.rollup_analytics();
SELECT * FROM changes;
SELECT * FROM va WHERE title = 'V12';
SELECT processed_until > :'before' AS watermark_advanced FROM reelbase.rollup_watermarks;
SELECT * FROM rollup_mismatches;

-- A late event: recorded now, it happened on 20 January. It is counted on its own day.
SELECT pg_temp.snapshot();
SELECT learning.track_video_event('video_started', 'd0000000-0000-0000-0000-000000000021', 'c0000000-0000-0000-0000-000000000002',
  'a0000000-0000-0000-0000-000000000021', p_timestamp := '2025-01-20 08:00+00') IS NOT NULL AS recorded;
SELECT rollup_table, rows_inserted, rows_updated, rows_deleted FROM learning.rollup_analytics();
SELECT * FROM changes;
SELECT * FROM va WHERE date = '2025-01-20';
SELECT * FROM um WHERE date = '2025-01-20';
SELECT * FROM rollup_mismatches;

-- Progress written to a watch session (updated_at moves): V12's completion on 4 February.
SELECT pg_temp.snapshot();
UPDATE learning.video_watch_sessions SET percent_complete = 100, watch_time_seconds = 300
WHERE video_id = 'd0000000-0000-0000-0000-000000000012';
SELECT rollup_table, rows_inserted, rows_updated, rows_deleted FROM learning.rollup_analytics();
SELECT * FROM changes;
SELECT * FROM va WHERE title = 'V12' AND date = '2025-02-04';

-- A chat context that stops naming V11 (and V21, which never counted): V11's AI
-- interactions on the days of the session's messages go.
SELECT pg_temp.snapshot();
UPDATE learning.chat_sessions SET context_video_ids = ARRAY['d0000000-0000-0000-0000-000000000012'] WHERE title = 'CS11';
SELECT rollup_table, rows_inserted, rows_updated, rows_deleted FROM learning.rollup_analytics();
SELECT * FROM changes;
SELECT title, date, ai FROM va WHERE title IN ('V11', 'V12') ORDER BY 1, 2;
SELECT * FROM rollup_mismatches;

-- Videos: a soft delete lowers C1's storage on every day from the video's creation on; a new
-- upload (recorded now, created on 5 February) adds a day.
SELECT pg_temp.snapshot();
UPDATE learning.videos SET is_deleted = true WHERE title = 'V12';
INSERT INTO learning.videos (creator_id, title, source_type, storage_path, file_size_bytes, duration_seconds, created_at)
VALUES ('c0000000-0000-0000-0000-000000000001', 'V14', 'upload', 'c1/v14.mp4', 16000, 90, '2025-02-05 10:00+00');
SELECT rollup_table, rows_inserted, rows_updated, rows_deleted FROM learning.rollup_analytics();
SELECT * FROM changes;
SELECT * FROM um WHERE name = 'C1';
SELECT * FROM rollup_mismatches;

-- Sums beyond integer saturate instead of failing the run.
INSERT INTO learning.video_watch_sessions (video_id, student_id, session_start, watch_time_seconds) VALUES
  ('d0000000-0000-0000-0000-000000000021', 'a0000000-0000-0000-0000-000000000021', '2025-02-05 01:00+00', 2000000000),
  ('d0000000-0000-0000-0000-000000000021', 'a0000000-0000-0000-0000-000000000021', '2025-02-05 02:00+00', 2000000000);
SELECT rollup_table, rows_inserted, rows_updated, rows_deleted FROM learning.rollup_analytics();
SELECT * FROM va WHERE title = 'V21' AND date = '2025-02-05';
SELECT * FROM rollup_mismatches;

-- What the incremental run does not see: deletes (a watch session, a chat message, a whole
-- video with everything of it), and a row written with a created_at already behind the
-- watermark. The mismatches say so; a refresh of the days concerned puts them right.
DELETE FROM learning.video_watch_sessions WHERE session_start = '2025-02-03 12:00+00';
DELETE FROM learning.chat_messages WHERE content = 'q2';
DELETE FROM learning.videos WHERE title = 'V13del';
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id, "timestamp", created_at)
VALUES ('video_started', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001',
        'a0000000-0000-0000-0000-000000000011', '2025-02-06 09:00+00', '2025-02-06 09:00+00');
SELECT rollup_table, rows_inserted, rows_updated, rows_deleted FROM learning.rollup_analytics();
SELECT * FROM rollup_mismatches;
SELECT pg_temp.snapshot();
SELECT * FROM learning.refresh_analytics('2025-02-01', '2025-02-06');
SELECT * FROM changes;
SELECT * FROM rollup_mismatches;

-- A refresh recomputes exactly its range: a row spoiled by hand outside it stays spoiled,
-- inside it is repaired.
UPDATE learning.video_analytics SET views = 99
WHERE video_id = 'd0000000-0000-0000-0000-000000000021' AND date = '2025-01-20';
SELECT rollup_table, rows_updated FROM learning.refresh_analytics('2025-01-21', '2025-02-28');
SELECT rollup_table, rows_updated FROM learning.refresh_analytics('2025-01-20', '2025-01-20');
SELECT * FROM rollup_mismatches;

-- Every state so far, rebuilt from nothing, is the same: delete the watermark, empty the
-- tables, run again.
SELECT pg_temp.snapshot();
CREATE TEMP TABLE before_rebuild AS
SELECT title, date, views, viewers, watched_s, avg_s, completed_pct, ai FROM va;
DELETE FROM reelbase.rollup_watermarks;
DELETE FROM learning.video_analytics;
DELETE FROM learning.usage_metrics;
SELECT * FROM learning.rollup_analytics();
SELECT count(*) AS differences FROM (
  (SELECT * FROM before_rebuild EXCEPT SELECT title, date, views, viewers, watched_s, avg_s, completed_pct, ai FROM va)
  UNION ALL
  (SELECT title, date, views, viewers, watched_s, avg_s, completed_pct, ai FROM va EXCEPT SELECT * FROM before_rebuild)) d;
SELECT * FROM rollup_mismatches;

-- Refusals.
SELECT * FROM learning.refresh_analytics(NULL, '2025-02-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.refresh_analytics('2025-02-05', '2025-02-01');
\echo :LAST_ERROR_SQLSTATE

-- One run at a time. While another session holds the rollup lock (as a running rollup or
-- refresh does), a rollup returns at once with no rows and moves nothing; a refresh waits
-- for it (here until lock_timeout).
CREATE EXTENSION IF NOT EXISTS dblink;
SELECT dblink_connect('other', 'dbname=' || current_database());
SELECT dblink_exec('other', 'BEGIN');
SELECT * FROM dblink('other', 'SELECT pg_try_advisory_xact_lock(1919247724, 1)') AS t(locked boolean);
SELECT processed_until AS before FROM reelbase.rollup_watermarks \gset
SELECT count(*) AS rows_returned FROM learning.rollup_analytics();
SELECT processed_until = :'before' AS watermark_unchanged FROM reelbase.rollup_watermarks;
SET lock_timeout = '100ms';
SELECT * FROM learning.refresh_analytics('2025-02-01', '2025-02-01');
\echo :LAST_ERROR_SQLSTATE
RESET lock_timeout;
SELECT dblink_exec('other', 'COMMIT');
SELECT dblink_disconnect('other');
SELECT count(*) AS rows_returned FROM learning.rollup_analytics();

-- Privileges: the application role can run neither function nor read the watermark; an
-- administrator can do all three.
SET ROLE regress_reelbase_app;
SELECT * FROM learning.rollup_analytics();
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.refresh_analytics('2025-02-01', '2025-02-01');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM reelbase.rollup_watermarks;
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_reelbase_admin;
SELECT count(*) AS tables FROM learning.rollup_analytics();
SELECT rollup_table, rows_inserted, rows_updated, rows_deleted FROM learning.refresh_analytics('2025-02-01', '2025-02-01');
SELECT name FROM reelbase.rollup_watermarks;
RESET ROLE;

DELETE FROM reelbase.rollup_watermarks;
\set fixture :fixtures 'learning_cleanup.sql'
\i :fixture
