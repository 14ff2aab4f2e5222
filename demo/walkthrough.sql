-- reelbase demo walkthrough: the learning schema's Swift functions and row level security,
-- on the data of demo/data.sql. Run as the superuser:
--   psql -X -v ON_ERROR_STOP=1 -d reelbase_demo -f demo/walkthrough.sql
-- Ids are explained at the top of demo/data.sql (c0...01 = creator 1, 5d...101 = student 01
-- of creator 1, f1...102 = video 02 of creator 1, ...).

\set QUIET on
\set ON_ERROR_STOP 1
\set VERBOSITY default
\set SHOW_CONTEXT never
\pset null '(null)'
SET client_min_messages = warning;
SET search_path = learning, public;

\echo
\echo '################################################################################'
\echo '## 0. The demo data set'
\echo '################################################################################'
\echo
\echo 'Three creators on different tiers, with their students, videos and courses:'
SELECT c.id, c.name, c.whop_company_id, c.subscription_tier AS tier,
       (SELECT count(*) FROM students s WHERE s.creator_id = c.id) AS students,
       (SELECT count(*) FROM videos v WHERE v.creator_id = c.id) AS videos,
       (SELECT count(*) FROM courses k WHERE k.creator_id = c.id) AS courses
FROM creators c ORDER BY c.id;

\echo 'Videos, one of every source type (the source id is what the player needs):'
SELECT right(v.id::text, 3) AS vid, c.name AS creator, v.title, v.source_type AS source,
       coalesce(v.youtube_video_id, v.mux_playback_id, v.embed_id, v.storage_path) AS source_id,
       v.duration_seconds AS secs, v.status, v.is_deleted AS deleted
FROM videos v JOIN creators c ON c.id = v.creator_id ORDER BY v.id;

\echo 'Courses, published or not, with their modules and lessons:'
SELECT k.title AS course, k.is_published AS published, m.display_order AS "mod", m.title AS module,
       l.lesson_order AS "#", l.title AS lesson, right(l.video_id::text, 3) AS vid,
       l.is_required AS required
FROM courses k
JOIN course_modules m ON m.course_id = k.id
JOIN module_lessons l ON l.module_id = m.id
ORDER BY k.id, m.display_order, l.lesson_order;

\echo 'Everything else:'
SELECT (SELECT count(*) FROM video_chunks) AS chunks,
       (SELECT count(*) FROM video_chunks WHERE embedding IS NULL) AS chunks_not_embedded,
       (SELECT count(*) FROM chat_sessions) AS chat_sessions,
       (SELECT count(*) FROM chat_messages) AS chat_messages,
       (SELECT count(*) FROM video_watch_sessions) AS watch_sessions,
       (SELECT count(*) FROM video_watch_sessions WHERE session_end IS NULL) AS still_watching,
       (SELECT count(*) FROM video_analytics_events) AS events,
       (SELECT count(*) FROM video_analytics) AS daily_analytics,
       (SELECT count(*) FROM usage_metrics) AS usage_rows;

\echo
\echo '################################################################################'
\echo '## 1. learning.track_video_event (Swift)'
\echo '################################################################################'
\echo
\echo 'The usage example of the seed, verbatim, with the demo ids filled in: student Liam Novak'
\echo '(5d...101) starts "Cutting on Action" (video f1...102) of creator Maya Okafor (c0...01)'
\echo 'on his phone. It returns the new event id (a time-ordered UUIDv7).'
\echo
\set ECHO queries
SET search_path = learning, public;
BEGIN;
SELECT track_video_event(
  'video_started',
  'f1000000-0000-4000-8000-000000000102',
  'c0000000-0000-4000-8000-000000000001',
  p_student_id := '5d000000-0000-4000-8000-000000000101',
  p_metadata := '{"device": "mobile"}'::jsonb
);
\set ECHO none
\echo 'A progress event: Sofia Marquez (5d...102) passes 25% of the LUT masterclass (f1...103),'
\echo 'watched inside the "Color Grading" module of "Editing Foundations". Course and module are'
\echo 'checked against the video''s creator; the returned id is kept in a psql variable.'
\echo
\set ECHO queries
SELECT track_video_event(
  p_event_type := 'video_progress',
  p_video_id   := 'f1000000-0000-4000-8000-000000000103',
  p_creator_id := 'c0000000-0000-4000-8000-000000000001',
  p_student_id := '5d000000-0000-4000-8000-000000000102',
  p_course_id  := 'c5000000-0000-4000-8000-000000000101',
  p_module_id  := 'd0000000-0000-4000-8000-000000000102',
  p_metadata   := '{"percent_complete": 25, "watch_time_seconds": 680,
                    "session_id": "a0000000-0000-4000-8000-000000000105"}'
) AS progress_event_id \gset
\set ECHO none
\echo '    -> returned' :progress_event_id
\echo
\echo 'A pipeline event of the creator (no student): the Premiere Pro upload (f1...105) was'
\echo 'transcribed, at an explicit time.'
\echo
\set ECHO queries
SELECT track_video_event('video_transcribed',
  'f1000000-0000-4000-8000-000000000105', 'c0000000-0000-4000-8000-000000000001',
  p_metadata := '{"transcript_method": "whisper", "cost": 0.12, "duration_seconds": 1032, "word_count": 1710}',
  p_timestamp := '2025-11-11 21:41:07+00') AS transcribed_event_id;
\set ECHO none
\echo 'The rows this transaction stored (created_at = now()). The ids are UUIDv7: version digit 7,'
\echo 'and the first 48 bits are the transaction''s start time in milliseconds (id_time). The'
\echo 'explicit p_timestamp went into "timestamp" of the transcription event:'
SELECT id, substr(id::text, 15, 1) AS v,
       to_timestamp(('x' || translate(left(id::text, 13), '-', ''))::bit(48)::bigint / 1000.0)
         = date_trunc('milliseconds', now()) AS id_time,
       event_type, right(video_id::text, 3) AS vid,
       right(student_id::text, 3) AS student, right(course_id::text, 3) AS course,
       right(module_id::text, 3) AS "module", metadata, "timestamp"
FROM video_analytics_events
WHERE created_at = now()
ORDER BY event_type;
SELECT id = :'progress_event_id' AS "progress row has the returned id"
FROM video_analytics_events WHERE event_type = 'video_progress' AND created_at = now();
COMMIT;

\echo
\echo '################################################################################'
\echo '## 2. Watch time: get_student_total_watch_time, get_student_highest_completion,'
\echo '##    has_student_completed_video (Swift)'
\echo '################################################################################'
\echo
\echo 'The watch sessions behind the answers below (completed is set by a trigger at >= 90%;'
\echo 'session_end NULL means the student is still watching):'
SELECT s.name AS student, right(w.video_id::text, 3) AS vid, v.title,
       w.session_start, w.session_end, w.watch_time_seconds AS watched_s,
       w.percent_complete AS pct, w.completed, w.device_type AS device
FROM video_watch_sessions w
JOIN students s ON s.id = w.student_id
JOIN videos v ON v.id = w.video_id
WHERE w.student_id IN ('5d000000-0000-4000-8000-000000000101', '5d000000-0000-4000-8000-000000000102',
                       '5d000000-0000-4000-8000-000000000104', '5d000000-0000-4000-8000-000000000201')
ORDER BY w.student_id, w.video_id, w.session_start;

\echo 'Liam watched "Color Grading Basics" twice (540 s + 1180 s, 43% then 100%); Amara stopped'
\echo 'at 89%, one short of completion; Sofia is still in the masterclass; Kenji never opened'
\echo 'video f1...101 at all:'
\set ECHO queries
SELECT s.name AS student, v.title AS video,
       get_student_total_watch_time(s.id, v.id)   AS total_watch_s,
       get_student_highest_completion(s.id, v.id) AS best_pct,
       has_student_completed_video(s.id, v.id)    AS completed
FROM (VALUES
  (1, '5d000000-0000-4000-8000-000000000101'::uuid, 'f1000000-0000-4000-8000-000000000101'::uuid),
  (2, '5d000000-0000-4000-8000-000000000101', 'f1000000-0000-4000-8000-000000000102'),
  (3, '5d000000-0000-4000-8000-000000000104', 'f1000000-0000-4000-8000-000000000102'),
  (4, '5d000000-0000-4000-8000-000000000102', 'f1000000-0000-4000-8000-000000000103'),
  (5, '5d000000-0000-4000-8000-000000000201', 'f1000000-0000-4000-8000-000000000201'),
  (6, '5d000000-0000-4000-8000-000000000201', 'f1000000-0000-4000-8000-000000000202'),
  (7, '5d000000-0000-4000-8000-000000000103', 'f1000000-0000-4000-8000-000000000101')
) AS q(n, student_id, video_id)
JOIN students s ON s.id = q.student_id
JOIN videos v ON v.id = q.video_id
ORDER BY q.n;
\set ECHO none

\echo 'Sofia finishes the masterclass: her open session reaches 96% and ends. The trigger marks'
\echo 'it completed, and the functions follow:'
\set ECHO queries
UPDATE video_watch_sessions
SET percent_complete = 96, watch_time_seconds = 2590, session_end = '2025-11-07 21:47:10+00'
WHERE id = 'a0000000-0000-4000-8000-000000000105'
RETURNING id, percent_complete, completed;
SELECT get_student_total_watch_time('5d000000-0000-4000-8000-000000000102', 'f1000000-0000-4000-8000-000000000103')   AS total_watch_s,
       get_student_highest_completion('5d000000-0000-4000-8000-000000000102', 'f1000000-0000-4000-8000-000000000103') AS best_pct,
       has_student_completed_video('5d000000-0000-4000-8000-000000000102', 'f1000000-0000-4000-8000-000000000103')    AS completed;
\set ECHO none

\echo
\echo '################################################################################'
\echo '## 3. Bad input: refused with a specific SQLSTATE, nothing stored'
\echo '##    (errors are expected here; the walkthrough continues after each)'
\echo '################################################################################'
\echo
SELECT count(*) AS events_before FROM video_analytics_events \gset
\set ON_ERROR_STOP 0
\set ECHO queries

\echo '-- a) an event type the schema does not know'
SELECT track_video_event('video_paused',
  'f1000000-0000-4000-8000-000000000102', 'c0000000-0000-4000-8000-000000000001',
  p_student_id := '5d000000-0000-4000-8000-000000000101');
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
\echo

\echo '-- b) a video of another creator: "Reading Candlestick Charts" (f1...201) is Daniel Reyes''s, not Maya''s'
SELECT track_video_event('video_started',
  'f1000000-0000-4000-8000-000000000201', 'c0000000-0000-4000-8000-000000000001',
  p_student_id := '5d000000-0000-4000-8000-000000000101');
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
\echo

\echo '-- c) metadata that is not a JSON object'
SELECT track_video_event('video_started',
  'f1000000-0000-4000-8000-000000000102', 'c0000000-0000-4000-8000-000000000001',
  p_student_id := '5d000000-0000-4000-8000-000000000101',
  p_metadata := '["mobile", "1080p"]');
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
\echo

\echo '-- d) the soft-deleted channel trailer (f1...106)'
SELECT track_video_event('video_started',
  'f1000000-0000-4000-8000-000000000106', 'c0000000-0000-4000-8000-000000000001',
  p_student_id := '5d000000-0000-4000-8000-000000000101');
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
\echo

\echo '-- e) a student of another creator: Noah Fischer (5d...201) is Daniel Reyes''s student'
SELECT track_video_event('video_started',
  'f1000000-0000-4000-8000-000000000102', 'c0000000-0000-4000-8000-000000000001',
  p_student_id := '5d000000-0000-4000-8000-000000000201');
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
\echo

\echo '-- f) a watching event without a student'
SELECT track_video_event('video_completed',
  'f1000000-0000-4000-8000-000000000102', 'c0000000-0000-4000-8000-000000000001');
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
\echo

\set ECHO none
\set ON_ERROR_STOP 1
SELECT :events_before AS events_before, count(*) AS events_after FROM video_analytics_events;

\echo
\echo '################################################################################'
\echo '## 4. Row level security'
\echo '################################################################################'
\echo
\echo 'The application logs in as its own role, a member of reelbase_app (RLS applies), and'
\echo 'says per transaction which end user it acts for with reelbase.set_user_id():'
\echo
\set ECHO queries
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'chronos_web') THEN
    CREATE ROLE chronos_web LOGIN;
  END IF;
END
$$;
GRANT reelbase_app TO chronos_web;
\set ECHO none
\set ON_ERROR_ROLLBACK on

\echo
\echo '--- 4a. Student Liam Novak (5d...101), a student of Maya Okafor (Pixel Pro Academy)'
\echo
\set ECHO queries
BEGIN;
SET LOCAL ROLE chronos_web;
SELECT current_user, reelbase.set_user_id('5d000000-0000-4000-8000-000000000101') AS acting_for;
\set ECHO none
\echo 'Videos: only Maya''s, and not the soft-deleted trailer (5 of her 6; none of the other 9):'
SELECT right(id::text, 3) AS vid, title, source_type, status FROM videos ORDER BY id;
\echo 'Courses: only the published "Editing Foundations", not the draft "Advanced Color Science":'
SELECT title, is_published FROM courses ORDER BY display_order;
SELECT m.title AS module, l.lesson_order AS "#", l.title AS lesson
FROM course_modules m JOIN module_lessons l ON l.module_id = m.id
ORDER BY m.display_order, l.lesson_order;
\echo 'Analytics: nothing, not even the events about his own viewing:'
SELECT (SELECT count(*) FROM video_analytics_events) AS events,
       (SELECT count(*) FROM video_analytics) AS daily_analytics,
       (SELECT count(*) FROM usage_metrics) AS usage_rows;
\echo 'But he can record his own viewing events (the function inserts without reading back):'
\set ECHO queries
SELECT track_video_event('video_progress',
  'f1000000-0000-4000-8000-000000000102', 'c0000000-0000-4000-8000-000000000001',
  p_student_id := '5d000000-0000-4000-8000-000000000101',
  p_metadata := '{"percent_complete": 50, "watch_time_seconds": 421}') AS recorded_event_id;
SELECT count(*) AS events_he_can_read FROM video_analytics_events;
\set ECHO none
\echo 'Only for himself, and only on videos he can see:'
\set ON_ERROR_STOP 0
\set ECHO queries
SELECT track_video_event('video_started',
  'f1000000-0000-4000-8000-000000000102', 'c0000000-0000-4000-8000-000000000001',
  p_student_id := '5d000000-0000-4000-8000-000000000102');
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
SELECT track_video_event('video_started',
  'f1000000-0000-4000-8000-000000000201', 'c0000000-0000-4000-8000-000000000002',
  p_student_id := '5d000000-0000-4000-8000-000000000101');
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
\set ECHO none
\echo
\echo 'The watch-time functions run with his rights: his own progress is there, a classmate''s'
\echo 'is not (Sofia watched f1...101 for 1150 s):'
\set ECHO queries
SELECT get_student_total_watch_time('5d000000-0000-4000-8000-000000000101', 'f1000000-0000-4000-8000-000000000101') AS his_own_s,
       get_student_total_watch_time('5d000000-0000-4000-8000-000000000102', 'f1000000-0000-4000-8000-000000000101') AS sofias_s;
\set ECHO none
\echo 'Watch history is permanent, and other people''s content is read-only:'
\set ECHO queries
DELETE FROM video_watch_sessions WHERE student_id = '5d000000-0000-4000-8000-000000000101';
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
UPDATE videos SET title = 'pwned' RETURNING id;
\set ECHO none
\set ON_ERROR_STOP 1
COMMIT;

\echo
\echo '--- 4b. Creator Maya Okafor (c0...01)'
\echo
\set ECHO queries
BEGIN;
SET LOCAL ROLE chronos_web;
SELECT current_user, reelbase.set_user_id('c0000000-0000-4000-8000-000000000001') AS acting_for;
\set ECHO none
\echo 'All six of her videos, including the soft-deleted one, and her draft course:'
SELECT right(id::text, 3) AS vid, title, status, is_deleted FROM videos ORDER BY id;
SELECT title, is_published FROM courses ORDER BY display_order;
\echo 'Her own students only, and the chats they had with her assistant:'
SELECT name, email, is_active FROM students ORDER BY id;
SELECT s.name AS student, cs.title AS chat, count(m.*) AS messages
FROM chat_sessions cs JOIN students s ON s.id = cs.student_id
LEFT JOIN chat_messages m ON m.session_id = cs.id
GROUP BY s.name, cs.title, cs.id ORDER BY cs.id;
\echo 'The analytics of her videos (including Liam''s event from 4a, which he could not read):'
SELECT event_type, right(video_id::text, 3) AS vid, right(student_id::text, 3) AS student,
       metadata->>'percent_complete' AS pct
FROM video_analytics_events ORDER BY "timestamp", event_type DESC;
SELECT date, storage_used_bytes, videos_uploaded, ai_credits_used, active_students FROM usage_metrics;
\echo 'She edits her own profile, but cannot upgrade her own plan:'
\set ON_ERROR_STOP 0
\set ECHO queries
UPDATE creators SET settings = settings || '{"brand_color": "#6D28D9"}' RETURNING name, settings->>'brand_color' AS brand_color;
UPDATE creators SET subscription_tier = 'enterprise';
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
\set ECHO none
\set ON_ERROR_STOP 1
COMMIT;

\echo
\echo '--- 4c. Amara Obi (5d...104), whose membership lapsed (students.is_active = false)'
\echo
\echo 'An inactive account has no identity: she sees nothing, not even her own history.'
\set ECHO queries
BEGIN;
SET LOCAL ROLE chronos_web;
SELECT reelbase.set_user_id('5d000000-0000-4000-8000-000000000104') AS acting_for,
       learning.current_student_id() AS student_identity;
SELECT (SELECT count(*) FROM videos) AS videos, (SELECT count(*) FROM courses) AS courses,
       (SELECT count(*) FROM video_watch_sessions) AS her_watch_sessions;
COMMIT;
\set ECHO none

\echo
\echo '--- 4d. Everything each identity can read, side by side'
\echo
\echo 'Counted through a security_invoker view, so the counts run with the reader''s rights:'
\set ECHO queries
CREATE TEMP VIEW visible_rows WITH (security_invoker = true) AS
SELECT current_setting('demo.reader') AS reader,
       (SELECT count(*) FROM learning.creators) AS creators,
       (SELECT count(*) FROM learning.students) AS students,
       (SELECT count(*) FROM learning.videos) AS videos,
       (SELECT count(*) FROM learning.video_chunks) AS chunks,
       (SELECT count(*) FROM learning.courses) AS courses,
       (SELECT count(*) FROM learning.course_modules) AS modules,
       (SELECT count(*) FROM learning.module_lessons) AS lessons,
       (SELECT count(*) FROM learning.chat_sessions) AS chats,
       (SELECT count(*) FROM learning.chat_messages) AS msgs,
       (SELECT count(*) FROM learning.video_watch_sessions) AS watched,
       (SELECT count(*) FROM learning.video_analytics_events) AS events,
       (SELECT count(*) FROM learning.video_analytics) AS daily,
       (SELECT count(*) FROM learning.usage_metrics) AS usage;
\set ECHO none
CREATE TEMP TABLE seen AS SELECT 0 AS n, * FROM visible_rows WITH NO DATA;
GRANT SELECT ON visible_rows TO reelbase_app, reelbase_admin;
GRANT INSERT ON seen TO reelbase_app, reelbase_admin;

BEGIN; SELECT set_config('demo.reader', 'postgres (table owner)', true) \g /dev/null
INSERT INTO seen SELECT 1, * FROM visible_rows; COMMIT;
BEGIN; SET LOCAL ROLE reelbase_admin; SELECT set_config('demo.reader', 'reelbase_admin', true) \g /dev/null
INSERT INTO seen SELECT 2, * FROM visible_rows; COMMIT;
BEGIN; SET LOCAL ROLE chronos_web; SELECT set_config('demo.reader', 'chronos_web, no user set', true) \g /dev/null
INSERT INTO seen SELECT 3, * FROM visible_rows; COMMIT;
BEGIN; SET LOCAL ROLE chronos_web; SELECT set_config('demo.reader', 'creator Maya Okafor', true), reelbase.set_user_id('c0000000-0000-4000-8000-000000000001') \g /dev/null
INSERT INTO seen SELECT 4, * FROM visible_rows; COMMIT;
BEGIN; SET LOCAL ROLE chronos_web; SELECT set_config('demo.reader', 'creator Daniel Reyes', true), reelbase.set_user_id('c0000000-0000-4000-8000-000000000002') \g /dev/null
INSERT INTO seen SELECT 5, * FROM visible_rows; COMMIT;
BEGIN; SET LOCAL ROLE chronos_web; SELECT set_config('demo.reader', 'creator Priya Natarajan', true), reelbase.set_user_id('c0000000-0000-4000-8000-000000000003') \g /dev/null
INSERT INTO seen SELECT 6, * FROM visible_rows; COMMIT;
BEGIN; SET LOCAL ROLE chronos_web; SELECT set_config('demo.reader', 'student Liam Novak (Maya)', true), reelbase.set_user_id('5d000000-0000-4000-8000-000000000101') \g /dev/null
INSERT INTO seen SELECT 7, * FROM visible_rows; COMMIT;
BEGIN; SET LOCAL ROLE chronos_web; SELECT set_config('demo.reader', 'student Amara Obi (Maya, lapsed)', true), reelbase.set_user_id('5d000000-0000-4000-8000-000000000104') \g /dev/null
INSERT INTO seen SELECT 8, * FROM visible_rows; COMMIT;
BEGIN; SET LOCAL ROLE chronos_web; SELECT set_config('demo.reader', 'student Noah Fischer (Daniel)', true), reelbase.set_user_id('5d000000-0000-4000-8000-000000000201') \g /dev/null
INSERT INTO seen SELECT 9, * FROM visible_rows; COMMIT;
BEGIN; SET LOCAL ROLE chronos_web; SELECT set_config('demo.reader', 'student Yuki Tanaka (Priya)', true), reelbase.set_user_id('5d000000-0000-4000-8000-000000000303') \g /dev/null
INSERT INTO seen SELECT 10, * FROM visible_rows; COMMIT;

SELECT reader, creators, students, videos, chunks, courses, modules, lessons, chats, msgs,
       watched, events, daily, usage
FROM seen ORDER BY n;
\echo 'postgres owns the tables (RLS is enabled, not forced); reelbase_admin sees all through'
\echo 'explicit admin policies; the application role with no user set, or acting for an inactive'
\echo 'account, sees nothing. Each creator sees their own rows; each student their own account,'
\echo 'chats and watch history plus their creator''s non-deleted videos and published courses,'
\echo 'and no analytics at all.'
\echo
\echo 'Done.'
