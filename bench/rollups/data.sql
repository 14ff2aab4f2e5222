-- Rollup benchmark data, reproducible (setseed): :creators creators with :students students
-- each, :videos videos spread evenly over the creators, :sessions chat sessions, and over
-- :days days from 2025-06-01 (UTC): :events analytics events, :watch watch sessions and
-- :messages chat messages. Ids are derived from row numbers, so the generator needs no joins.
-- Usage: psql -v creators=100 -v students=50 -v videos=1000 -v chats=20000 -v days=30
--             -v events=1000000 -v watch=200000 -v messages=100000 -f data.sql
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SELECT setseed(0.42);

CREATE SCHEMA IF NOT EXISTS bench;
-- uuid of entity kind k (one hex digit) and number n.
CREATE OR REPLACE FUNCTION bench.id(k text, n bigint) RETURNS uuid
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (k || '0000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid $$;

-- Everything is rolled up from scratch by the benchmark; no triggers are bypassed.
INSERT INTO learning.creators (id, whop_company_id, whop_user_id, email, created_at)
SELECT bench.id('c', c), 'biz_' || c, 'user_c' || c, 'c' || c || '@example.com', '2025-01-01'
FROM generate_series(1, :creators) AS c;

INSERT INTO learning.students (id, whop_user_id, whop_membership_id, creator_id, email)
SELECT bench.id('a', s), 'user_s' || s, 'mem_' || s, bench.id('c', (s - 1) / :students + 1),
       's' || s || '@example.com'
FROM generate_series(1, :creators * :students) AS s;

-- Video v belongs to creator (v - 1) % creators + 1; a tenth of the videos were added before
-- the period, the rest during it; one in twenty is soft-deleted.
INSERT INTO learning.videos (id, creator_id, title, source_type, storage_path, duration_seconds,
                             file_size_bytes, is_deleted, created_at, updated_at)
SELECT bench.id('d', v), bench.id('c', (v - 1) % :creators + 1), 'video ' || v, 'upload',
       'bench/' || v || '.mp4', 60 + (random() * 3600)::int, (random() * 5e8)::bigint,
       random() < 0.05, t, t
FROM (SELECT v, timestamptz '2025-06-01 00:00+00'
                + (random() * 1.1 - 0.1) * :days * interval '1 day' AS t
      FROM generate_series(1, :videos) AS v) AS x;

-- Chat sessions of random students, naming one to three videos of the student's creator.
INSERT INTO learning.chat_sessions (id, student_id, creator_id, context_video_ids, created_at,
                                    updated_at)
SELECT bench.id('b', cs), bench.id('a', st), bench.id('c', cr),
       ARRAY(SELECT bench.id('d', cr + :creators * (floor(random() * (:videos / :creators)))::int)::text
             FROM generate_series(1, 1 + (cs % 3)) WHERE cs > 0),
       '2025-06-01 00:00+00', '2025-06-01 00:00+00'
FROM (SELECT cs, st, (st - 1) / :students + 1 AS cr
      FROM (SELECT cs, 1 + floor(random() * :creators * :students)::int AS st
            FROM generate_series(1, :chats) AS cs) AS y) AS x;

-- Events: each picks a video, a student of its creator, a time in the period; recorded a few
-- seconds later. Types: 30% started, 50% progress, 12% completed, 5% rewatched, 1%
-- transcribed, 2% other lifecycle events.
INSERT INTO learning.video_analytics_events (id, event_type, video_id, creator_id, student_id,
                                             metadata, "timestamp", created_at)
SELECT bench.id('e', n), et, bench.id('d', v), bench.id('c', cr),
       CASE WHEN et IN ('video_started', 'video_progress', 'video_completed', 'video_rewatched')
            THEN bench.id('a', (cr - 1) * :students + 1 + floor(random() * :students)::int) END,
       CASE WHEN et = 'video_transcribed'
            THEN jsonb_build_object('duration_seconds', floor(random() * 3600)::int)
            ELSE '{}'::jsonb END,
       t, t + random() * interval '10 seconds'
FROM (SELECT n, v, (v - 1) % :creators + 1 AS cr, t,
             CASE WHEN r < 0.30 THEN 'video_started' WHEN r < 0.80 THEN 'video_progress'
                  WHEN r < 0.92 THEN 'video_completed' WHEN r < 0.97 THEN 'video_rewatched'
                  WHEN r < 0.98 THEN 'video_transcribed' WHEN r < 0.99 THEN 'video_imported'
                  ELSE 'video_embedded' END AS et
      FROM (SELECT n, 1 + floor(random() * :videos)::int AS v, random() AS r,
                   timestamptz '2025-06-01 00:00+00' + random() * :days * interval '1 day' AS t
            FROM generate_series(1, :events) AS n) AS y) AS x;

-- Watch sessions: a video, a student of its creator, a start in the period; completed is set
-- by the table's trigger from percent_complete.
INSERT INTO learning.video_watch_sessions (id, video_id, student_id, session_start, session_end,
                                           watch_time_seconds, percent_complete, created_at,
                                           updated_at)
SELECT bench.id('f', n), bench.id('d', v),
       bench.id('a', (cr - 1) * :students + 1 + floor(random() * :students)::int),
       t, t + w * interval '1 second', w, pc, t, t + w * interval '1 second'
FROM (SELECT n, v, (v - 1) % :creators + 1 AS cr, t, floor(random() * 3600)::int AS w,
             floor(random() * 101)::int AS pc
      FROM (SELECT n, 1 + floor(random() * :videos)::int AS v,
                   timestamptz '2025-06-01 00:00+00' + random() * :days * interval '1 day' AS t
            FROM generate_series(1, :watch) AS n) AS y) AS x;

-- Chat messages: alternating user questions and assistant answers (with token counts).
INSERT INTO learning.chat_messages (id, session_id, role, content, token_count, created_at)
SELECT bench.id('9', n), bench.id('b', 1 + floor(random() * :chats)::int),
       CASE WHEN n % 2 = 0 THEN 'user' ELSE 'assistant' END, 'message ' || n,
       CASE WHEN n % 2 = 1 THEN 50 + floor(random() * 2000)::int END,
       timestamptz '2025-06-01 00:00+00' + random() * :days * interval '1 day'
FROM generate_series(1, :messages) AS n;

ANALYZE learning.creators, learning.students, learning.videos, learning.chat_sessions,
  learning.video_analytics_events, learning.video_watch_sessions, learning.chat_messages;
