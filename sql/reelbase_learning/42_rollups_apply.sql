-- learning rollups, part 3 of 3: the recomputation of a set of pairs, used by both entry
-- points of 40_rollups.sql.
-- Recomputes pairs from the sources, as defined at the top of 40_rollups.sql:
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
