-- The baseline: the same figures as learning.video_analytics and learning.usage_metrics
-- (definitions in sql/reelbase_learning/40_rollups.sql) by one INSERT ... SELECT ... GROUP BY per
-- table over all the sources, into scratch copies (same columns, defaults, CHECKs and unique
-- keys; no foreign keys). Run by run.sh after TRUNCATE bench.video_analytics_copy,
-- bench.usage_metrics_copy.

INSERT INTO bench.video_analytics_copy
  (video_id, date, views, unique_viewers, total_watch_time_seconds, average_watch_time_seconds,
   completion_rate, ai_interactions)
SELECT x.video_id, x.day, sum(x.views), sum(x.viewers), LEAST(sum(x.seconds), 2147483647),
       COALESCE(round(sum(x.seconds)::numeric / NULLIF(sum(x.sessions), 0)), 0),
       COALESCE(round(100.0 * sum(x.completed) / NULLIF(sum(x.sessions), 0), 2), 0),
       sum(x.ai)
FROM (
  SELECT e.video_id, (e."timestamp" AT TIME ZONE 'UTC')::date AS day, count(*) AS views,
         count(DISTINCT e.student_id) AS viewers, 0 AS sessions, 0 AS seconds, 0 AS completed,
         0 AS ai
  FROM learning.video_analytics_events AS e
  WHERE e.event_type = 'video_started'
  GROUP BY 1, 2
  UNION ALL
  SELECT s.video_id, (s.session_start AT TIME ZONE 'UTC')::date, 0, 0, count(*),
         sum(s.watch_time_seconds), count(*) FILTER (WHERE s.completed), 0
  FROM learning.video_watch_sessions AS s
  GROUP BY 1, 2
  UNION ALL
  SELECT v.id, (m.created_at AT TIME ZONE 'UTC')::date, 0, 0, 0, 0, 0, count(DISTINCT m.id)
  FROM learning.chat_messages AS m
  JOIN learning.chat_sessions AS cs ON cs.id = m.session_id
  CROSS JOIN unnest(cs.context_video_ids) AS x (element)
  JOIN learning.videos AS v ON v.id::text = lower(x.element) AND v.creator_id = cs.creator_id
  WHERE m.role = 'user'
  GROUP BY 1, 2
) AS x
GROUP BY 1, 2
HAVING sum(x.views) > 0 OR sum(x.seconds) > 0 OR sum(x.completed) > 0 OR sum(x.ai) > 0;

INSERT INTO bench.usage_metrics_copy
  (creator_id, date, storage_used_bytes, videos_uploaded, total_video_duration_seconds,
   ai_credits_used, transcription_minutes, chat_messages_sent, active_students)
SELECT x.creator_id, x.day,
       (SELECT COALESCE(sum(v.file_size_bytes), 0) FROM learning.videos AS v
        WHERE v.creator_id = x.creator_id AND NOT v.is_deleted
          AND (v.created_at AT TIME ZONE 'UTC')::date <= x.day),
       sum(x.videos), sum(x.duration), sum(x.tokens), sum(x.minutes), sum(x.sent),
       sum(x.students)
FROM (
  SELECT v.creator_id, (v.created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS videos,
         COALESCE(sum(v.duration_seconds), 0) AS duration, 0 AS tokens, 0 AS minutes,
         0 AS sent, 0 AS students
  FROM learning.videos AS v
  GROUP BY 1, 2
  UNION ALL
  SELECT cs.creator_id, (m.created_at AT TIME ZONE 'UTC')::date, 0, 0,
         COALESCE(sum(m.token_count) FILTER (WHERE m.role = 'assistant'), 0), 0,
         count(*) FILTER (WHERE m.role = 'user'), 0
  FROM learning.chat_messages AS m
  JOIN learning.chat_sessions AS cs ON cs.id = m.session_id
  GROUP BY 1, 2
  UNION ALL
  SELECT e.creator_id, (e."timestamp" AT TIME ZONE 'UTC')::date, 0, 0, 0,
         sum(ceil(GREATEST((e.metadata ->> 'duration_seconds')::numeric, 0) / 60)), 0, 0
  FROM learning.video_analytics_events AS e
  WHERE e.event_type = 'video_transcribed'
    AND jsonb_typeof(e.metadata -> 'duration_seconds') = 'number'
  GROUP BY 1, 2
  UNION ALL
  SELECT a.creator_id, a.day, 0, 0, 0, 0, 0, count(DISTINCT a.student_id)
  FROM (SELECT e.creator_id, (e."timestamp" AT TIME ZONE 'UTC')::date AS day, e.student_id
        FROM learning.video_analytics_events AS e
        WHERE e.student_id IS NOT NULL
        UNION ALL
        SELECT v.creator_id, (s.session_start AT TIME ZONE 'UTC')::date, s.student_id
        FROM learning.video_watch_sessions AS s
        JOIN learning.videos AS v ON v.id = s.video_id) AS a
  GROUP BY 1, 2
) AS x
GROUP BY 1, 2
HAVING sum(x.videos) > 0 OR sum(x.duration) > 0 OR sum(x.tokens) > 0 OR sum(x.minutes) > 0
    OR sum(x.sent) > 0 OR sum(x.students) > 0;
