-- Video ids in arrays name videos of the row's own creator, as a foreign key would check them
-- (18_video_references.sql): creator C1 and student S11 (of C1) try C2's video V21.
\set VERBOSITY sqlstate
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixtures :abs_srcdir '/sql/fixtures/'
\set fixture :fixtures 'learning.sql'
\i :fixture
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('c0000000-0000-0000-0000-000000000001') IS NOT NULL AS creator_c1;
SAVEPOINT s;
UPDATE learning.course_modules SET video_ids = ARRAY['d0000000-0000-0000-0000-000000000011', 'd0000000-0000-0000-0000-000000000012']
WHERE title = 'M11';
SELECT video_ids FROM learning.course_modules WHERE title = 'M11';
UPDATE learning.course_modules SET video_ids = ARRAY['d0000000-0000-0000-0000-000000000021'] WHERE title = 'M11';
ROLLBACK TO s;
INSERT INTO learning.course_modules (course_id, title, video_ids)
VALUES ('e0000000-0000-0000-0000-000000000011', 'M11b', ARRAY['d0000000-0000-0000-0000-000000000011', 'D0000000-0000-0000-0000-000000000021']);
ROLLBACK TO s;
UPDATE learning.course_modules SET video_ids = ARRAY['not a video'] WHERE title = 'M11';
ROLLBACK TO s;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-000000000011') IS NOT NULL AS student_s11;
SELECT count(*) AS sessions FROM learning.chat_sessions;
UPDATE learning.chat_sessions SET context_video_ids = ARRAY['d0000000-0000-0000-0000-000000000011'];
UPDATE learning.chat_sessions SET context_video_ids = ARRAY['d0000000-0000-0000-0000-000000000021'];
ROLLBACK TO s;
-- Messages are written by the back office (the assistant's replies cite chunks).
SET LOCAL ROLE regress_reelbase_admin;
SELECT reelbase.set_user_id(NULL) IS NULL AS back_office;
INSERT INTO learning.chat_messages (session_id, role, content, video_references)
SELECT id, 'assistant', 'own', '[{"video_id": "d0000000-0000-0000-0000-000000000012", "chunk_index": 0}]' FROM learning.chat_sessions WHERE title = 'CS11';
SELECT count(*) AS cited FROM learning.chat_messages WHERE content = 'own';
INSERT INTO learning.chat_messages (session_id, role, content, video_references)
SELECT id, 'assistant', 'other', '[{"video_id": "d0000000-0000-0000-0000-000000000021"}]' FROM learning.chat_sessions WHERE title = 'CS11';
ROLLBACK TO s;
INSERT INTO learning.chat_messages (session_id, role, content, video_references)
SELECT id, 'assistant', 'shape', '[{"chunk_index": 0}]' FROM learning.chat_sessions WHERE title = 'CS11';
ROLLBACK TO s;
INSERT INTO learning.chat_messages (session_id, role, content, video_references)
SELECT id, 'assistant', 'shape', '{"video_id": "d0000000-0000-0000-0000-000000000012"}' FROM learning.chat_sessions WHERE title = 'CS11';
ROLLBACK;
-- Roles row-level security does not apply to (superusers, the owner; pg_restore among them)
-- are trusted, as with the policies.
UPDATE learning.chat_sessions SET context_video_ids = ARRAY['d0000000-0000-0000-0000-000000000021']
WHERE creator_id = 'c0000000-0000-0000-0000-000000000001';
\set fixture :fixtures 'learning_cleanup.sql'
\i :fixture
