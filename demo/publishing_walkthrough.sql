-- reelbase demo walkthrough, part 4: the publishing catalogue (publishing schema, seed 002) on
-- the data of demo/publishing_data.sql. End users and workers act through the role
-- publishing_web (reelbase_app) with reelbase.set_user_id.
--   psql -X -v ON_ERROR_STOP=1 -d reelbase_demo -f demo/publishing_walkthrough.sql

\set QUIET on
\set ON_ERROR_STOP 1
\set VERBOSITY default
\set SHOW_CONTEXT never
\set ON_ERROR_ROLLBACK on
\pset null '(null)'
SET client_min_messages = warning;
SET search_path = publishing, public;
SELECT '5e000000-0000-4000-8000-000000000001' AS nia, '5e000000-0000-4000-8000-000000000002' AS rob,
       '5e000000-0000-4000-8000-0000000000e1' AS worker, '5e000000-0000-4000-8000-0000000000f1' AS video \gset
CREATE ROLE publishing_web IN ROLE reelbase_app;

\echo
\echo '################################################################################'
\echo '## 16. Optimistic concurrency: update_video (Swift) with the expected state_version'
\echo '################################################################################'
\echo
BEGIN; SET LOCAL ROLE publishing_web;
SELECT reelbase.set_user_id(:'worker') IS NOT NULL AS worker;
SELECT title, duration_seconds, status, state_version
FROM update_video(:'video', 1, '{"title": "Tide pools at dawn (cut 2)", "duration_seconds": 52}', 'render-worker-1');
\echo 'A second worker still holding version 1 loses: 40001, the current version in the detail.'
\set ON_ERROR_STOP 0
SELECT * FROM update_video(:'video', 1, '{"title": "stale"}', 'render-worker-2');
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\echo 'A key that is not a writable column: 22023.'
SELECT * FROM update_video(:'video', 2, '{"state_version": 9}');
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\echo 'A plain UPDATE that forgets the version step is refused too (55000).'
UPDATE videos SET title = 'no version step' WHERE id = :'video';
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
SELECT status, state_version FROM transition_video(:'video', 2, 'pending_review', 'reviewer');
SELECT status, state_version FROM transition_video(:'video', 3, 'published', 'reviewer');
\set ON_ERROR_STOP 0
\echo 'published -> draft is not a move of the flow (55000).'
SELECT status FROM transition_video(:'video', 4, 'draft');
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
COMMIT;

\echo
\echo '################################################################################'
\echo '## 17. Assets, tags and publish receipts'
\echo '################################################################################'
\echo
BEGIN; SET LOCAL ROLE publishing_web;
SELECT reelbase.set_user_id(:'nia') IS NOT NULL AS nia;
SELECT type, url FROM attach_asset(:'video', 'image', 'https://cdn.example.com/tide/cover.png',
  'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
\set ON_ERROR_STOP 0
\echo 'The same checksum again on this video: 23505, naming the asset that has it.'
SELECT type FROM attach_asset(:'video', 'audio', 's3://media/tide/voice.wav',
  'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
SELECT name FROM tag_video(:'video', ARRAY['  Ocean  Life ', 'ocean life', 'Explainer']);
SELECT channel, external_id, status FROM record_receipt(:'video', 'youtube', 'yt-8841', 'submitted');
SELECT channel, external_id, status, details FROM record_receipt(:'video', 'youtube', 'yt-8841', 'published', '{"url": "https://youtu.be/8841"}');
\echo 'A late repeat with an older status leaves the receipt as it is.'
SELECT status FROM record_receipt(:'video', 'youtube', 'yt-8841', 'submitted');
\echo 'Rob sees none of Nia''s videos.'
SELECT reelbase.set_user_id(:'rob') IS NOT NULL AS rob;
SELECT title FROM videos;
COMMIT;

\echo
\echo '################################################################################'
\echo '## 18. The audit trail: one SHA-256 chain per video, append-only, replayable'
\echo '################################################################################'
\echo
SELECT id, action, actor, state_version, CASE WHEN action LIKE '%.update' THEN state_after - 'updated_at' END AS update_changed, left(encode(row_hash, 'hex'), 16) AS row_hash
FROM task_audit WHERE task_id = :'video' ORDER BY id;
SELECT * FROM verify_audit();
SELECT (r).title, (r).status, (r).state_version FROM (SELECT replay_video(:'video') AS r) x;
\set ON_ERROR_STOP 0
\echo 'Even the owner cannot change the trail (42501).'
UPDATE task_audit SET actor = 'someone else' WHERE task_id = :'video';
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
\echo 'With its triggers disabled the owner can: verify_audit() finds the edited row.'
BEGIN;
ALTER TABLE task_audit DISABLE TRIGGER task_audit_no_change;
UPDATE task_audit SET actor = 'someone else'
WHERE id = (SELECT id FROM task_audit WHERE task_id = :'video' ORDER BY id OFFSET 1 LIMIT 1);
SELECT ok, broken_id, problem FROM verify_audit();
ROLLBACK;

DROP OWNED BY publishing_web;
DROP ROLE publishing_web;
\echo
\echo 'Done.'
