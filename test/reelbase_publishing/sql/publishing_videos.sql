-- publishing.update_video and the rules every writer of videos follows: state_version
-- advances by exactly one, status moves along its flow, each change audited with its actor.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/publishing.sql'
\i :fixture
\set VERBOSITY default
\set SHOW_CONTEXT never
\set ON_ERROR_ROLLBACK on

-- The update: named columns only, version + 1, the row back.
SELECT title, duration_seconds, confidence, status, state_version, updated_at > created_at AS stamped
FROM publishing.update_video(:v1, 1, '{"title": "Ann cut", "duration_seconds": 42.0, "confidence": 0.5}', 'editor-1');
SELECT description, video_url FROM publishing.videos WHERE id = :v1;
-- A stale version: 40001 with the current one in the detail; nothing written.
SELECT * FROM publishing.update_video(:v1, 1, '{"title": "lost"}');
\echo :LAST_ERROR_SQLSTATE
SELECT title, state_version FROM publishing.videos WHERE id = :v1;
-- Bad changes are 22023 naming the key, before anything runs.
SELECT * FROM publishing.update_video(:v1, 2, '{"state_version": 7}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM publishing.update_video(:v1, 2, '{"titel": "x"}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM publishing.update_video(:v1, 2, '{"duration_seconds": -3}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM publishing.update_video(:v1, 2, '{"persona_id": "nope"}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM publishing.update_video(:v1, 2, '[1]');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM publishing.update_video(:v1, 2, '{}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM publishing.update_video(:v1, NULL, '{"title": "x"}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM publishing.update_video('c0000000-0000-0000-0000-000000000000', 1, '{"title": "x"}');
\echo :LAST_ERROR_SQLSTATE
-- Null clears a column (status excepted).
SELECT confidence FROM publishing.update_video(:v1, 2, '{"confidence": null}');
SELECT * FROM publishing.update_video(:v1, 3, '{"status": null}');
\echo :LAST_ERROR_SQLSTATE

-- The flow: draft -> pending_review -> rejected -> draft -> pending_review -> published.
SELECT status, state_version FROM publishing.transition_video(:v1, 3, 'pending_review');
SELECT status FROM publishing.transition_video(:v1, 4, 'draft');
\echo :LAST_ERROR_SQLSTATE
SELECT status FROM publishing.transition_video(:v1, 4, 'rejected');
SELECT status FROM publishing.transition_video(:v1, 5, 'published');
\echo :LAST_ERROR_SQLSTATE
SELECT status FROM publishing.transition_video(:v1, 5, 'draft');
SELECT status FROM publishing.transition_video(:v1, 6, 'pending_review');
SELECT status, state_version FROM publishing.transition_video(:v1, 7, 'published');
SELECT status FROM publishing.transition_video(:v1, 8, 'draft');
\echo :LAST_ERROR_SQLSTATE
SELECT status FROM publishing.transition_video(:v1, 8, 'live');
\echo :LAST_ERROR_SQLSTATE

-- Plain UPDATEs obey too: without the version step they are refused.
UPDATE publishing.videos SET title = 'bypass' WHERE id = :v3;
\echo :LAST_ERROR_SQLSTATE
UPDATE publishing.videos SET title = 'jump', state_version = state_version + 2 WHERE id = :v3;
\echo :LAST_ERROR_SQLSTATE
UPDATE publishing.videos SET title = 'Bob cut', state_version = state_version + 1 WHERE id = :v3 AND state_version = 1;
UPDATE publishing.videos SET status = 'published', state_version = state_version + 1 WHERE id = :v3;
\echo :LAST_ERROR_SQLSTATE
SELECT title, state_version FROM publishing.videos WHERE id = :v3;

-- The trail of v1: one row per change, the changed columns only, the actor of each.
SELECT state_version, action, actor, state_before - 'updated_at' AS before, state_after - 'updated_at' AS after
FROM publishing.task_audit WHERE task_id = :v1 AND action = 'videos.update' ORDER BY id;
-- publishing.actor names the actor of plain statements; update_video's own actor does not leak.
BEGIN;
SET LOCAL publishing.actor = 'psql-admin';
UPDATE publishing.videos SET description = 'by hand', state_version = state_version + 1 WHERE id = :v3;
SELECT 1 FROM publishing.update_video(:v3, 3, '{"description": "by worker"}', 'worker-9');
UPDATE publishing.videos SET description = 'by hand again', state_version = state_version + 1 WHERE id = :v3;
COMMIT;
SELECT state_version, actor FROM publishing.task_audit WHERE task_id = :v3 ORDER BY id DESC LIMIT 3;

-- replay_video rebuilds the row from the trail; at a time before the video, NULL.
SELECT (r).title, (r).status, (r).state_version, (r).duration_seconds,
       to_jsonb(r) = (SELECT to_jsonb(v) FROM publishing.videos v WHERE v.id = :v1) AS same_as_table
FROM (SELECT publishing.replay_video(:v1) AS r) x;
SELECT publishing.replay_video(:v1, '2000-01-01') IS NULL AS before_it_existed;
SELECT (publishing.replay_video(:v1, (SELECT "timestamp" FROM publishing.task_audit WHERE task_id = :v1 AND state_version = 2))).title AS at_version_2;
