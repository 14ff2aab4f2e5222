-- The learning schema itself: catalog facts (tables, RLS, pg_dump registration, indexes,
-- triggers), trigger behaviour, foreign-key actions and every CHECK/UNIQUE/NOT NULL rule.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixtures :abs_srcdir '/sql/fixtures/'
\set fixture :fixtures 'learning.sql'
\i :fixture

-- All 13 tables of seed 003, each with row-level security on and registered with
-- pg_extension_config_dump so pg_dump keeps its rows (the partitioned events table through its
-- default partition; its monthly partitions are ordinary tables that pg_dump dumps anyway).
-- video_chunk_lists (0.3.0) is derived index data: rebuilt after a restore, not dumped.
SELECT c.relname, c.relkind, c.relrowsecurity AS rls,
       c.oid = ANY (e.extconfig)
       OR EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhparent = c.oid AND i.inhrelid = ANY (e.extconfig)) AS dumped,
       (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) > 0 AS has_policies
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN pg_extension e
WHERE n.nspname = 'learning' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND e.extname = 'reelbase_learning'
ORDER BY c.relname;

-- The seed's named indexes exist: no row is missing (event indexes renamed, see sql/11_learning_indexes.sql).
SELECT i.name AS missing_index
FROM unnest(ARRAY[
  'idx_creators_subscription_tier', 'idx_creators_is_active', 'idx_students_whop_membership_id',
  'idx_students_creator_id', 'idx_students_is_active', 'idx_videos_creator_id', 'idx_videos_status',
  'idx_videos_created_at', 'idx_videos_is_deleted', 'idx_videos_source_type',
  'idx_videos_youtube_video_id', 'idx_videos_whop_lesson_id', 'idx_videos_mux_asset_id',
  'idx_videos_mux_playback_id', 'idx_videos_embed_type', 'idx_video_chunks_video_id',
  'idx_courses_creator_id', 'idx_courses_is_published', 'idx_courses_display_order',
  'idx_course_modules_course_id', 'idx_course_modules_display_order',
  'idx_module_lessons_module_id', 'idx_module_lessons_video_id', 'idx_module_lessons_module_order',
  'idx_module_lessons_unique_video_per_module', 'idx_chat_sessions_student_id',
  'idx_chat_sessions_creator_id', 'idx_chat_messages_session_id', 'idx_video_analytics_video_id',
  'idx_video_analytics_date', 'idx_video_analytics_events_video_id',
  'idx_video_analytics_events_creator_id', 'idx_video_analytics_events_student_id',
  'idx_video_analytics_events_event_type', 'idx_video_analytics_events_timestamp',
  'idx_video_analytics_events_course_events', 'idx_video_analytics_events_student_events',
  'idx_video_watch_sessions_video_id', 'idx_video_watch_sessions_student_id',
  'idx_video_watch_sessions_completed', 'idx_video_watch_sessions_student_video',
  'idx_video_watch_sessions_start', 'idx_video_watch_sessions_active',
  'idx_usage_metrics_creator_id', 'idx_usage_metrics_date']) AS i(name)
WHERE to_regclass('learning.' || i.name) IS NULL;

-- Foreign keys and their ON DELETE actions (a = no action, c = cascade, n = set null).
SELECT conrelid::regclass AS tbl, conname, confrelid::regclass AS refs, confdeltype AS on_delete
FROM pg_constraint WHERE contype = 'f' AND connamespace = 'learning'::regnamespace AND conparentid = 0
ORDER BY conrelid::regclass::text, conname;

-- updated_at triggers on exactly the tables that have the column.
SELECT c.relname, t.tgname
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = 'learning'::regnamespace AND NOT t.tgisinternal
ORDER BY 1, 2;

---------------------------------------------------------------------------------------------
-- Triggers and foreign-key actions (superuser)
---------------------------------------------------------------------------------------------
BEGIN;
-- auto-complete on INSERT: completed only at >= 90
INSERT INTO learning.video_watch_sessions (video_id, student_id, percent_complete, metadata) VALUES
  ('d0000000-0000-0000-0000-000000000012', 'a0000000-0000-0000-0000-000000000012', 89, '{"label": "T89"}'),
  ('d0000000-0000-0000-0000-000000000012', 'a0000000-0000-0000-0000-000000000012', 90, '{"label": "T90"}');
SELECT metadata->>'label' AS label, completed FROM learning.video_watch_sessions WHERE metadata->>'label' LIKE 'T%' ORDER BY 1;
-- completed is derived: a writer cannot claim it below 90%, nor clear it once reached
INSERT INTO learning.video_watch_sessions (video_id, student_id, percent_complete, completed, metadata) VALUES
  ('d0000000-0000-0000-0000-000000000012', 'a0000000-0000-0000-0000-000000000012', 3, true, '{"label": "Tforged"}');
UPDATE learning.video_watch_sessions SET completed = false WHERE metadata->>'label' = 'T90';
UPDATE learning.video_watch_sessions SET completed = true WHERE metadata->>'label' = 'T89';
SELECT metadata->>'label' AS label, percent_complete, completed FROM learning.video_watch_sessions WHERE metadata->>'label' LIKE 'T%' ORDER BY 1;
-- every updated_at trigger fires
UPDATE learning.students SET updated_at = '2025-01-01';
SELECT count(*) FILTER (WHERE updated_at > '2025-01-02') AS stamped, count(*) AS total FROM learning.students;
UPDATE learning.videos SET metadata = metadata;
UPDATE learning.courses SET metadata = metadata;
UPDATE learning.course_modules SET metadata = metadata;
UPDATE learning.module_lessons SET metadata = metadata;
UPDATE learning.chat_sessions SET metadata = metadata;
UPDATE learning.video_analytics SET metadata = metadata;
UPDATE learning.usage_metrics SET metadata = metadata;
SELECT bool_and(updated_at = pg_catalog.now()) AS all_stamped FROM (
            SELECT updated_at FROM learning.videos
  UNION ALL SELECT updated_at FROM learning.courses
  UNION ALL SELECT updated_at FROM learning.course_modules
  UNION ALL SELECT updated_at FROM learning.module_lessons
  UNION ALL SELECT updated_at FROM learning.chat_sessions
  UNION ALL SELECT updated_at FROM learning.video_analytics
  UNION ALL SELECT updated_at FROM learning.usage_metrics) AS t;
-- deleting a course keeps its events and forgets the course (SET NULL)
UPDATE learning.video_analytics_events SET course_id = 'e0000000-0000-0000-0000-000000000011',
  module_id = 'f0000000-0000-0000-0000-000000000011' WHERE metadata->>'label' = 'E11start';
DELETE FROM learning.courses WHERE id = 'e0000000-0000-0000-0000-000000000011';
SELECT metadata->>'label' AS label, course_id, module_id FROM learning.video_analytics_events WHERE metadata->>'label' = 'E11start';
-- deleting a creator removes everything of theirs
DELETE FROM learning.creators WHERE id = 'c0000000-0000-0000-0000-000000000002';
SELECT (SELECT count(*) FROM learning.students) AS students, (SELECT count(*) FROM learning.videos) AS videos,
       (SELECT count(*) FROM learning.video_watch_sessions) AS watch_sessions,
       (SELECT count(*) FROM learning.video_analytics_events) AS events;
ROLLBACK;

---------------------------------------------------------------------------------------------
-- CHECK, UNIQUE and NOT NULL constraints (superuser; each bad row is its own ERROR)
---------------------------------------------------------------------------------------------
-- videos_source_validation: one good row per source_type (INSERT 0 1 each, rolled back) ...
BEGIN;
INSERT INTO learning.videos (creator_id, title, source_type, youtube_video_id) VALUES ('c0000000-0000-0000-0000-000000000001', 'ok', 'youtube', 'abcdefghijk');
INSERT INTO learning.videos (creator_id, title, source_type, mux_playback_id) VALUES ('c0000000-0000-0000-0000-000000000001', 'ok', 'mux', 'pb');
INSERT INTO learning.videos (creator_id, title, source_type, embed_type, embed_id) VALUES ('c0000000-0000-0000-0000-000000000001', 'ok', 'loom', 'loom', 'lm');
INSERT INTO learning.videos (creator_id, title, storage_path) VALUES ('c0000000-0000-0000-0000-000000000001', 'ok', 'c1/ok.mp4');
ROLLBACK;
-- ... and one bad row per source_type: ERROR videos_source_validation
INSERT INTO learning.videos (creator_id, title, source_type, storage_path) VALUES ('c0000000-0000-0000-0000-000000000001', 'bad', 'youtube', 'x');
INSERT INTO learning.videos (creator_id, title, source_type, mux_asset_id) VALUES ('c0000000-0000-0000-0000-000000000001', 'bad', 'mux', 'asset');
INSERT INTO learning.videos (creator_id, title, source_type, youtube_video_id) VALUES ('c0000000-0000-0000-0000-000000000001', 'bad', 'loom', 'abcdefghijk');
INSERT INTO learning.videos (creator_id, title, url) VALUES ('c0000000-0000-0000-0000-000000000001', 'bad', 'https://example.com/v');
-- the other CHECKs, in table order
UPDATE learning.creators SET subscription_tier = 'gold' WHERE name = 'C1';
INSERT INTO learning.creators (whop_company_id, whop_user_id, email) VALUES ('biz_1', 'u_dup', 'dup@example.com');
INSERT INTO learning.students (whop_user_id, whop_membership_id, creator_id, email) VALUES ('user_s11', 'm', 'c0000000-0000-0000-0000-000000000001', 'dup@example.com');
INSERT INTO learning.students (whop_user_id, whop_membership_id, creator_id, email) VALUES ('user_new', 'm', 'c0000000-0000-0000-0000-000000000099', 'x@example.com');
UPDATE learning.videos SET status = 'queued' WHERE title = 'V11';
UPDATE learning.videos SET source_type = 'vimeo' WHERE title = 'V11';
UPDATE learning.videos SET embed_type = 'dailymotion' WHERE title = 'V11';
UPDATE learning.videos SET duration_seconds = -1 WHERE title = 'V11';
UPDATE learning.videos SET file_size_bytes = -1 WHERE title = 'V11';
UPDATE learning.videos SET title = NULL WHERE title = 'V11';
UPDATE learning.video_chunks SET chunk_index = -1 WHERE chunk_text = 'ch11a';
UPDATE learning.video_chunks SET chunk_index = 1 WHERE chunk_text = 'ch11a';
UPDATE learning.video_chunks SET embedding = pg_catalog.array_fill(0.5::real, ARRAY[1535]) WHERE chunk_text = 'ch11a';
UPDATE learning.video_chunks SET embedding = pg_catalog.array_fill(0.5::real, ARRAY[2, 768]) WHERE chunk_text = 'ch11a';
UPDATE learning.video_chunks SET start_time_seconds = -1, end_time_seconds = NULL WHERE chunk_text = 'ch11a';
UPDATE learning.video_chunks SET end_time_seconds = -1, start_time_seconds = NULL WHERE chunk_text = 'ch11a';
UPDATE learning.video_chunks SET end_time_seconds = 10, start_time_seconds = 20 WHERE chunk_text = 'ch11a';
UPDATE learning.video_chunks SET word_count = -1 WHERE chunk_text = 'ch11a';
UPDATE learning.module_lessons SET lesson_order = 0 WHERE title = 'L11a';
UPDATE learning.module_lessons SET estimated_duration_minutes = 0 WHERE title = 'L11a';
UPDATE learning.module_lessons SET video_id = 'd0000000-0000-0000-0000-000000000012' WHERE title = 'L11a';
UPDATE learning.chat_messages SET role = 'tool' WHERE content = 'msg11q';
UPDATE learning.chat_messages SET token_count = -1 WHERE content = 'msg11q';
UPDATE learning.video_analytics SET completion_rate = 100.01 WHERE metadata->>'label' = 'VA11';
UPDATE learning.video_analytics SET completion_rate = -0.01 WHERE metadata->>'label' = 'VA11';
UPDATE learning.video_analytics SET views = -1 WHERE metadata->>'label' = 'VA11';
UPDATE learning.video_analytics SET unique_viewers = -1 WHERE metadata->>'label' = 'VA11';
INSERT INTO learning.video_analytics (video_id, date) VALUES ('d0000000-0000-0000-0000-000000000011', '2025-01-01');
UPDATE learning.video_analytics_events SET event_type = 'video_paused' WHERE metadata->>'label' = 'E11start';
UPDATE learning.video_watch_sessions SET percent_complete = 101 WHERE metadata->>'label' = 'W11';
UPDATE learning.video_watch_sessions SET percent_complete = -1 WHERE metadata->>'label' = 'W11';
UPDATE learning.video_watch_sessions SET watch_time_seconds = -1 WHERE metadata->>'label' = 'W11';
UPDATE learning.video_watch_sessions SET session_end = session_start - interval '1 second' WHERE metadata->>'label' = 'W11';
UPDATE learning.video_watch_sessions SET device_type = 'tv' WHERE metadata->>'label' = 'W11';
UPDATE learning.video_watch_sessions SET referrer_type = 'email' WHERE metadata->>'label' = 'W11';
UPDATE learning.usage_metrics SET storage_used_bytes = -1 WHERE metadata->>'label' = 'U1';
UPDATE learning.usage_metrics SET active_students = -1 WHERE metadata->>'label' = 'U1';
INSERT INTO learning.usage_metrics (creator_id, date) VALUES ('c0000000-0000-0000-0000-000000000001', '2025-01-01');
-- boundary values that must pass: UPDATE 1 each (rolled back)
BEGIN;
UPDATE learning.video_analytics SET completion_rate = 100 WHERE metadata->>'label' = 'VA11';
\echo rows :ROW_COUNT
UPDATE learning.video_watch_sessions SET percent_complete = 100, session_end = session_start, device_type = 'tablet', referrer_type = 'chat_reference' WHERE metadata->>'label' = 'W11';
\echo rows :ROW_COUNT
UPDATE learning.video_chunks SET start_time_seconds = 5, end_time_seconds = 5 WHERE chunk_text = 'ch11a';
\echo rows :ROW_COUNT
ROLLBACK;

\set fixture :fixtures 'learning_cleanup.sql'
\i :fixture
