-- Row-level security of the learning schema as creator, student, administrator and nobody:
-- what each may see and change. SET LOCAL ROLE + reelbase.set_user_id() in a transaction, as
-- an application does. The expected result is stated above each statement.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixtures :abs_srcdir '/sql/fixtures/'
\set fixture :fixtures 'learning.sql'
\i :fixture

---------------------------------------------------------------------------------------------
-- Identity plumbing
---------------------------------------------------------------------------------------------
BEGIN;
-- NULL before anything is set
SELECT reelbase.current_user_id() IS NULL AS unset;
SELECT reelbase.set_user_id('c0000000-0000-0000-0000-000000000001');
SELECT learning.current_creator_id() AS creator, learning.current_student_id() AS student,
       learning.current_student_creator_id() AS student_creator;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-000000000011');
SELECT learning.current_creator_id() AS creator, learning.current_student_id() AS student,
       learning.current_student_creator_id() AS student_creator;
-- NULL clears it
SELECT reelbase.set_user_id(NULL) IS NULL AS cleared, reelbase.current_user_id() IS NULL AS unset;
SELECT reelbase.set_user_id('c0000000-0000-0000-0000-000000000001') IS NOT NULL AS set;
COMMIT;
-- transaction-local: gone after COMMIT
SELECT reelbase.current_user_id() IS NULL AS unset_after_commit;
-- PUBLIC cannot call the SECURITY DEFINER helpers, even with USAGE on the schema
-- (error: permission denied for function current_creator_id)
CREATE ROLE regress_reelbase_nobody;
GRANT USAGE ON SCHEMA learning TO regress_reelbase_nobody;
SET ROLE regress_reelbase_nobody;
SELECT learning.current_creator_id();
RESET ROLE;
REVOKE USAGE ON SCHEMA learning FROM regress_reelbase_nobody;
DROP ROLE regress_reelbase_nobody;

---------------------------------------------------------------------------------------------
-- Visibility
---------------------------------------------------------------------------------------------
-- reelbase_app without an identity: nothing at all
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT tbl, visible FROM rb_visible ORDER BY n;
ROLLBACK;

-- an identity that is neither creator nor student: nothing at all
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('00000000-0000-0000-0000-000000000099');
SELECT tbl, visible FROM rb_visible ORDER BY n;
ROLLBACK;

-- creator C1: own account, own students, all own videos (V13del too), chunks of them, all
-- own courses/modules/lessons, chats of own students, own analytics, events, watch
-- sessions and usage. Nothing of C2.
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('c0000000-0000-0000-0000-000000000001');
SELECT tbl, visible FROM rb_visible ORDER BY n;
ROLLBACK;

-- creator C2: only C2's rows
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('c0000000-0000-0000-0000-000000000002');
SELECT tbl, visible FROM rb_visible ORDER BY n;
ROLLBACK;

-- student S11: no creators, own account only, C1's non-deleted videos (V11 V12) and their
-- chunks, only the published non-deleted course K11pub with M11 and its lessons, own chat
-- (CS11 and its messages), own watch session W11; no analytics, events or usage.
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-000000000011');
SELECT tbl, visible FROM rb_visible ORDER BY n;
ROLLBACK;

-- student S21: C2's content, own chat and watch session only
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-000000000021');
SELECT tbl, visible FROM rb_visible ORDER BY n;
ROLLBACK;

-- admin: everything, with no identity needed
BEGIN;
SET LOCAL ROLE regress_reelbase_admin;
SELECT tbl, visible FROM rb_visible ORDER BY n;
ROLLBACK;

---------------------------------------------------------------------------------------------
-- Writes as a student (S11)
---------------------------------------------------------------------------------------------
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-000000000011');
-- own viewing event: INSERT 0 1 (no RETURNING: students cannot read events back)
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id, course_id, module_id, metadata)
  VALUES ('video_progress', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001',
          'a0000000-0000-0000-0000-000000000011', 'e0000000-0000-0000-0000-000000000011',
          'f0000000-0000-0000-0000-000000000011', '{"label": "E11progress"}');
\echo rows :ROW_COUNT
SAVEPOINT s;
-- claiming another student: ERROR (row-level security)
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id)
  VALUES ('video_started', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000012');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- claiming another creator's video: ERROR
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id)
  VALUES ('video_started', 'd0000000-0000-0000-0000-000000000021', 'c0000000-0000-0000-0000-000000000002', 'a0000000-0000-0000-0000-000000000011');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- own creator but a video of another creator: ERROR
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id)
  VALUES ('video_started', 'd0000000-0000-0000-0000-000000000021', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000011');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- a soft-deleted video: ERROR
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id)
  VALUES ('video_started', 'd0000000-0000-0000-0000-000000000013', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000011');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- a lifecycle event type: ERROR
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id)
  VALUES ('video_imported', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000011');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- an unpublished course as context: ERROR
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id, course_id)
  VALUES ('video_started', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000011', 'e0000000-0000-0000-0000-000000000012');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- RETURNING needs a SELECT policy the student does not have: ERROR
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id)
  VALUES ('video_started', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000011')
  RETURNING id;
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- watch session on an own-creator video: INSERT 0 1; the trigger completes it at 90
INSERT INTO learning.video_watch_sessions (video_id, student_id, percent_complete, metadata)
  VALUES ('d0000000-0000-0000-0000-000000000012', 'a0000000-0000-0000-0000-000000000011', 90, '{"label": "W11b"}');
\echo rows :ROW_COUNT
SELECT metadata->>'label' AS label, percent_complete, completed FROM learning.video_watch_sessions ORDER BY 1;
SAVEPOINT s;
-- for another student: ERROR
INSERT INTO learning.video_watch_sessions (video_id, student_id) VALUES ('d0000000-0000-0000-0000-000000000011', 'a0000000-0000-0000-0000-000000000012');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- on another creator's video: ERROR
INSERT INTO learning.video_watch_sessions (video_id, student_id) VALUES ('d0000000-0000-0000-0000-000000000021', 'a0000000-0000-0000-0000-000000000011');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- on a soft-deleted video: ERROR
INSERT INTO learning.video_watch_sessions (video_id, student_id) VALUES ('d0000000-0000-0000-0000-000000000013', 'a0000000-0000-0000-0000-000000000011');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- progress on own session: UPDATE 1, completed by trigger, updated_at stamped
UPDATE learning.video_watch_sessions SET percent_complete = 95, watch_time_seconds = 120
  WHERE metadata->>'label' = 'W11';
\echo rows :ROW_COUNT
-- rewatching from the start does not un-complete: UPDATE 1, completed stays true
UPDATE learning.video_watch_sessions SET percent_complete = 5 WHERE metadata->>'label' = 'W11';
\echo rows :ROW_COUNT
SELECT metadata->>'label' AS label, percent_complete, completed, updated_at > '2025-01-02' AS stamped
  FROM learning.video_watch_sessions ORDER BY 1;
-- someone else's session: UPDATE 0
UPDATE learning.video_watch_sessions SET percent_complete = 99 WHERE metadata->>'label' = 'W12';
\echo rows :ROW_COUNT
-- handing an own session to another student: ERROR
UPDATE learning.video_watch_sessions SET student_id = 'a0000000-0000-0000-0000-000000000012' WHERE metadata->>'label' = 'W11';
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- delete own session: ERROR permission denied
DELETE FROM learning.video_watch_sessions WHERE metadata->>'label' = 'W11';
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- chat: own session with own creator: INSERT 0 1
INSERT INTO learning.chat_sessions (id, student_id, creator_id, title)
  VALUES ('b0000000-0000-0000-0000-0000000011b0', 'a0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', 'CS11b');
\echo rows :ROW_COUNT
INSERT INTO learning.chat_messages (session_id, role, content) VALUES ('b0000000-0000-0000-0000-0000000011b0', 'user', 'msg11b');
\echo rows :ROW_COUNT
SAVEPOINT s;
-- session with another creator: ERROR
INSERT INTO learning.chat_sessions (student_id, creator_id) VALUES ('a0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000002');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- session for another student: ERROR
INSERT INTO learning.chat_sessions (student_id, creator_id) VALUES ('a0000000-0000-0000-0000-000000000012', 'c0000000-0000-0000-0000-000000000001');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- message into another student's session: ERROR
INSERT INTO learning.chat_messages (session_id, role, content) VALUES ('b0000000-0000-0000-0000-000000000012', 'user', 'intrude');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- full CRUD on own chat: UPDATE 1, DELETE 1 (messages cascade)
UPDATE learning.chat_sessions SET title = 'CS11 renamed' WHERE id = 'b0000000-0000-0000-0000-000000000011';
\echo rows :ROW_COUNT
DELETE FROM learning.chat_sessions WHERE id = 'b0000000-0000-0000-0000-0000000011b0';
\echo rows :ROW_COUNT
-- someone else's chat: DELETE 0
DELETE FROM learning.chat_messages WHERE content = 'msg12q';
\echo rows :ROW_COUNT
SELECT title FROM learning.chat_sessions ORDER BY 1;
-- own account: UPDATE 1; others: UPDATE 0; moving to another creator: ERROR (column not granted)
UPDATE learning.students SET name = 'S11 renamed' WHERE id = 'a0000000-0000-0000-0000-000000000011';
\echo rows :ROW_COUNT
UPDATE learning.students SET name = 'hacked' WHERE id = 'a0000000-0000-0000-0000-000000000012';
\echo rows :ROW_COUNT
UPDATE learning.students SET creator_id = 'c0000000-0000-0000-0000-000000000002' WHERE id = 'a0000000-0000-0000-0000-000000000011';
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- content is read-only for students: UPDATE 0, DELETE 0, INSERT ERROR
UPDATE learning.videos SET title = 'hacked';
\echo rows :ROW_COUNT
DELETE FROM learning.courses;
\echo rows :ROW_COUNT
INSERT INTO learning.courses (creator_id, title) VALUES ('c0000000-0000-0000-0000-000000000001', 'Kx');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- analytics are invisible and unwritable: 0 rows, then ERROR permission denied
SELECT count(*) AS analytics_rows FROM learning.video_analytics;
INSERT INTO learning.video_analytics (video_id, date) VALUES ('d0000000-0000-0000-0000-000000000011', '2025-02-01');
\echo rows :ROW_COUNT
ROLLBACK;

---------------------------------------------------------------------------------------------
-- Writes as a creator (C1)
---------------------------------------------------------------------------------------------
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('c0000000-0000-0000-0000-000000000001');
-- own account: UPDATE 1 (updated_at stamped)
UPDATE learning.creators SET name = 'C1 renamed';
\echo rows :ROW_COUNT
SELECT name, updated_at > '2025-01-02' AS stamped FROM learning.creators;
SAVEPOINT s;
-- closing an account is the administrator's: ERROR permission denied
DELETE FROM learning.creators;
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- new creator account: ERROR
INSERT INTO learning.creators (whop_company_id, whop_user_id, email) VALUES ('biz_x', 'u_x', 'x@example.com');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- own video: INSERT 0 1; for C2: ERROR
INSERT INTO learning.videos (creator_id, title, source_type, youtube_video_id)
  VALUES ('c0000000-0000-0000-0000-000000000001', 'V14', 'youtube', 'abcdefghijk');
\echo rows :ROW_COUNT
SAVEPOINT s;
INSERT INTO learning.videos (creator_id, title, source_type, youtube_video_id)
  VALUES ('c0000000-0000-0000-0000-000000000002', 'Vx', 'youtube', 'abcdefghijk');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- C2's video: UPDATE 0, DELETE 0; giving an own video to C2: ERROR
UPDATE learning.videos SET title = 'hacked' WHERE id = 'd0000000-0000-0000-0000-000000000021';
\echo rows :ROW_COUNT
DELETE FROM learning.videos WHERE id = 'd0000000-0000-0000-0000-000000000021';
\echo rows :ROW_COUNT
UPDATE learning.videos SET creator_id = 'c0000000-0000-0000-0000-000000000002' WHERE id = 'd0000000-0000-0000-0000-000000000011';
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- courses, modules, lessons: own CRUD works
INSERT INTO learning.courses (id, creator_id, title) VALUES ('e0000000-0000-0000-0000-000000000014', 'c0000000-0000-0000-0000-000000000001', 'K14');
\echo rows :ROW_COUNT
INSERT INTO learning.course_modules (id, course_id, title) VALUES ('f0000000-0000-0000-0000-000000000014', 'e0000000-0000-0000-0000-000000000014', 'M14');
\echo rows :ROW_COUNT
INSERT INTO learning.module_lessons (module_id, video_id, lesson_order, title) VALUES ('f0000000-0000-0000-0000-000000000014', 'd0000000-0000-0000-0000-000000000012', 1, 'L14');
\echo rows :ROW_COUNT
UPDATE learning.module_lessons SET lesson_order = 2 WHERE title = 'L14';
\echo rows :ROW_COUNT
SAVEPOINT s;
-- module in C2's course: ERROR
INSERT INTO learning.course_modules (course_id, title) VALUES ('e0000000-0000-0000-0000-000000000021', 'Mx');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- lesson in C2's module: ERROR
INSERT INTO learning.module_lessons (module_id, video_id, lesson_order, title) VALUES ('f0000000-0000-0000-0000-000000000021', 'd0000000-0000-0000-0000-000000000021', 2, 'Lx');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- own module but C2's video: ERROR
INSERT INTO learning.module_lessons (module_id, video_id, lesson_order, title) VALUES ('f0000000-0000-0000-0000-000000000014', 'd0000000-0000-0000-0000-000000000021', 2, 'Lx');
\echo rows :ROW_COUNT
ROLLBACK TO s;
DELETE FROM learning.courses WHERE id = 'e0000000-0000-0000-0000-000000000014';
\echo rows :ROW_COUNT
-- chunks are read-only for creators: INSERT ERROR, UPDATE 0
UPDATE learning.video_chunks SET chunk_text = 'x';
\echo rows :ROW_COUNT
INSERT INTO learning.video_chunks (video_id, chunk_index, chunk_text) VALUES ('d0000000-0000-0000-0000-000000000011', 9, 'x');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- students' chats are read-only: UPDATE 0, DELETE 0, INSERT ERROR
UPDATE learning.chat_sessions SET title = 'x';
\echo rows :ROW_COUNT
DELETE FROM learning.chat_messages;
\echo rows :ROW_COUNT
INSERT INTO learning.chat_messages (session_id, role, content) VALUES ('b0000000-0000-0000-0000-000000000011', 'system', 'x');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- students' accounts are read-only: UPDATE 0
UPDATE learning.students SET name = 'x';
\echo rows :ROW_COUNT
-- events: own creator event INSERT 0 1; with a student: ERROR; on C2's video: ERROR
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, metadata)
  VALUES ('video_transcribed', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', '{"label": "E1transcribed"}')
  RETURNING metadata->>'label' AS label;
\echo rows :ROW_COUNT
SAVEPOINT s;
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id)
  VALUES ('video_completed', 'd0000000-0000-0000-0000-000000000011', 'c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000011');
\echo rows :ROW_COUNT
ROLLBACK TO s;
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id)
  VALUES ('video_imported', 'd0000000-0000-0000-0000-000000000021', 'c0000000-0000-0000-0000-000000000001');
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- watch sessions: readable, not writable: UPDATE 0, INSERT ERROR, DELETE ERROR
UPDATE learning.video_watch_sessions SET percent_complete = 0;
\echo rows :ROW_COUNT
INSERT INTO learning.video_watch_sessions (video_id, student_id) VALUES ('d0000000-0000-0000-0000-000000000011', 'a0000000-0000-0000-0000-000000000011');
\echo rows :ROW_COUNT
ROLLBACK TO s;
DELETE FROM learning.video_watch_sessions;
\echo rows :ROW_COUNT
ROLLBACK TO s;
-- rollups are read-only for reelbase_app: ERROR permission denied
UPDATE learning.usage_metrics SET videos_uploaded = 100;
\echo rows :ROW_COUNT
ROLLBACK;

---------------------------------------------------------------------------------------------
-- Writes as an administrator
---------------------------------------------------------------------------------------------
BEGIN;
SET LOCAL ROLE regress_reelbase_admin;
INSERT INTO learning.creators (whop_company_id, whop_user_id, email, name) VALUES ('biz_3', 'user_c3', 'c3@example.com', 'C3');
\echo rows :ROW_COUNT
INSERT INTO learning.video_analytics (video_id, date, views) VALUES ('d0000000-0000-0000-0000-000000000011', '2025-01-02', 7);
\echo rows :ROW_COUNT
UPDATE learning.usage_metrics SET videos_uploaded = videos_uploaded + 1;
\echo rows :ROW_COUNT
DELETE FROM learning.video_chunks WHERE chunk_text = 'ch13del';
\echo rows :ROW_COUNT
UPDATE learning.video_watch_sessions SET watch_time_seconds = 1 WHERE metadata->>'label' = 'W12';
\echo rows :ROW_COUNT
INSERT INTO learning.video_watch_sessions (video_id, student_id) VALUES ('d0000000-0000-0000-0000-000000000021', 'a0000000-0000-0000-0000-000000000021');
\echo rows :ROW_COUNT
SAVEPOINT s;
-- watch history is permanent even for administrators: ERROR permission denied
DELETE FROM learning.video_watch_sessions;
\echo rows :ROW_COUNT
ROLLBACK TO s;
DELETE FROM learning.creators WHERE name = 'C3';
\echo rows :ROW_COUNT
ROLLBACK;

---------------------------------------------------------------------------------------------
-- Profile columns only, and inactive accounts
---------------------------------------------------------------------------------------------
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('c0000000-0000-0000-0000-000000000001');
SAVEPOINT s;
-- a creator cannot upgrade their own plan or take another company: ERROR permission denied
UPDATE learning.creators SET subscription_tier = 'enterprise';
\echo rows :ROW_COUNT
ROLLBACK TO s;
UPDATE learning.creators SET whop_company_id = 'biz_2b';
\echo rows :ROW_COUNT
ROLLBACK TO s;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-000000000011');
-- a student cannot reactivate themselves or move to another membership: ERROR
UPDATE learning.students SET is_active = true;
\echo rows :ROW_COUNT
ROLLBACK TO s;
UPDATE learning.students SET whop_membership_id = 'mem_x';
\echo rows :ROW_COUNT
ROLLBACK;
-- a deactivated student has no identity and sees nothing; reactivated, they see again
UPDATE learning.students SET is_active = false WHERE name = 'S11';
\echo rows :ROW_COUNT
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-000000000011');
SELECT learning.current_student_id() IS NULL AS no_identity, count(*) AS videos FROM learning.videos;
ROLLBACK;
UPDATE learning.students SET is_active = true WHERE name = 'S11';
\echo rows :ROW_COUNT
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-000000000011');
SELECT learning.current_student_id() IS NULL AS no_identity, count(*) AS videos FROM learning.videos;
ROLLBACK;

\set fixture :fixtures 'learning_cleanup.sql'
\i :fixture
