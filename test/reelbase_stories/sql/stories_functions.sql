-- The stories functions (Swift): bible versions under optimistic locking, segments appended in
-- sequence, the job queue with its transitions and retries, likes, views with a keyed IP
-- hash, flags and user-topic review. The racing writers are in scripts/test-stories.sh.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/stories.sql'
\i :fixture
\set VERBOSITY default
\set SHOW_CONTEXT never
-- An expected error rolls back only its statement, so a transaction goes on after it.
\set ON_ERROR_ROLLBACK on
\set s1 '''a0000000-0000-0000-0000-0000000000c1'''
\set bible '{"version": 2, "characters": [{"entityId": "char_ann1", "canonicalName": "Ann"}], "setting": {}, "timeline": {}}'

-- update_scene_bible: the pipeline's (reelbase_admin); end users may not call it.
SET ROLE regress_stories_app;
SELECT * FROM stories.update_scene_bible(:s1, 1, :'bible');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
SET ROLE regress_stories_admin;
SELECT version FROM stories.update_scene_bible(:s1, 1, :'bible');
SELECT bible_version FROM stories.scenes WHERE id = :s1;
-- A stale expected_version is 40001 naming the current version.
SELECT * FROM stories.update_scene_bible(:s1, 1, :'bible');
\echo :LAST_ERROR_SQLSTATE
-- data.version must be the version written; the schema is enforced (first errors' paths).
SELECT * FROM stories.update_scene_bible(:s1, 2, :'bible');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM stories.update_scene_bible(:s1, 2, '{"version": 3, "characters": [{"entityId": "X"}], "setting": {}, "timeline": {}}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM stories.update_scene_bible('a0000000-0000-0000-0000-000000000000', 1, :'bible');
\echo :LAST_ERROR_SQLSTATE
SELECT scene_id, version, data->'characters'->0->>'entityId' AS first_character FROM stories.scene_bibles ORDER BY version;
RESET ROLE;

-- The job queue. Ann enqueues (twice with one key: one job); the pipeline claims, reports,
-- fails once (back to the queue with a delay), claims again and completes: the segment is
-- appended as the scene's next.
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000a') IS NOT NULL AS ann;
SELECT enqueued, status FROM stories.enqueue_job(:s1, 'She lights the lamp.', 'ann-key-1');
SELECT enqueued, status FROM stories.enqueue_job(:s1, 'She lights the lamp.', 'ann-key-1');
SELECT count(*) AS jobs_with_key FROM stories.jobs WHERE idempotency_key = 'ann-key-1';
COMMIT;
-- Bob may not reuse Ann's key, nor queue on a scene he cannot see (Ann's pending idea's);
-- no identity, or an inactive user's, queues nothing.
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000b') IS NOT NULL AS bob;
SELECT * FROM stories.enqueue_job(:s1, 'x', 'ann-key-1');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM stories.enqueue_job('a0000000-0000-0000-0000-0000000000c2', 'x');
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.set_user_id(NULL) IS NULL AS nobody;
SELECT * FROM stories.enqueue_job(:s1, 'no identity');
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000e') IS NOT NULL AS ivy;
SELECT * FROM stories.enqueue_job(:s1, 'inactive');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
-- A scene that is not active (locked: still public) takes no new jobs (55000).
BEGIN;
UPDATE stories.scenes SET status = 'locked' WHERE id = :s1;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000a') IS NOT NULL AS ann;
SELECT * FROM stories.enqueue_job(:s1, 'after the lock', 'ann-key-locked');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
SELECT id AS ann_job FROM stories.jobs WHERE idempotency_key = 'ann-key-1' \gset

SET ROLE regress_stories_admin;
-- Oldest first: the fixture's d1, then d3 (bob's) and Ann's new job.
SELECT job_id = 'a0000000-0000-0000-0000-0000000000d1' AS oldest_first, type, retry_count
FROM stories.claim_jobs('worker-a', 1);
SELECT count(*) AS claimed FROM stories.claim_jobs('worker-b', 10);
SELECT count(*) AS nothing_left FROM stories.claim_jobs('worker-c', 10);
SELECT id = 'a0000000-0000-0000-0000-0000000000d1' AS d1, status, stage, claimed_by FROM stories.jobs ORDER BY created_at, id;
-- Only the holding worker reports; moves follow the pipeline.
SELECT * FROM stories.report_progress('a0000000-0000-0000-0000-0000000000d1', 'worker-b', 10);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM stories.report_progress('a0000000-0000-0000-0000-0000000000d1', 'worker-a', 40, 'script_ready', 'continuity_validation', 'script done');
SELECT * FROM stories.report_progress('a0000000-0000-0000-0000-0000000000d1', 'worker-a', 50, 'processing');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM stories.report_progress('a0000000-0000-0000-0000-0000000000d1', 'worker-a', 101);
\echo :LAST_ERROR_SQLSTATE
-- A failure with retries left goes back to the queue after 30 s.
SELECT status, retry_count, run_after > now() + interval '29 seconds' AS delayed
FROM stories.fail_job('a0000000-0000-0000-0000-0000000000d1', 'worker-a', 'gpu', 'out of memory');
SELECT count(*) AS not_yet_runnable FROM stories.claim_jobs('worker-a', 10);
UPDATE stories.jobs SET run_after = NULL WHERE id = 'a0000000-0000-0000-0000-0000000000d1';
SELECT retry_count FROM stories.claim_jobs('worker-a', 1);
-- Completing it appends the segment as sequence 1 of s1, and counters follow.
SELECT sequence, scene_id = :s1 AS s1 FROM stories.complete_job('a0000000-0000-0000-0000-0000000000d1', 'worker-a',
  '{"urls": 1}', 'https://cdn.example.com/1.mp4', 12, 'EXT. LIGHTHOUSE - NIGHT');
SELECT status, stage, progress, result_data FROM stories.jobs WHERE id = 'a0000000-0000-0000-0000-0000000000d1';
SELECT segment_count, total_duration, contributor_count, last_segment_at IS NOT NULL AS has_last FROM stories.scenes WHERE id = :s1;
-- Appending the same finished job again returns its segment, not a second one.
SELECT sequence FROM stories.append_segment('a0000000-0000-0000-0000-0000000000d1', 'https://cdn.example.com/1b.mp4', 3, 'again');
SELECT count(*) AS segments FROM stories.segments WHERE scene_id = :s1;
-- A finished job is never reopened; a job not finished gives no segment; the last retry's
-- failure is final.
UPDATE stories.jobs SET status = 'queued' WHERE id = 'a0000000-0000-0000-0000-0000000000d1';
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM stories.append_segment('a0000000-0000-0000-0000-0000000000d3', 'https://cdn.example.com/2.mp4', 3, 'too early');
\echo :LAST_ERROR_SQLSTATE
SELECT status, retry_count FROM stories.fail_job('a0000000-0000-0000-0000-0000000000d3', 'worker-b');
UPDATE stories.jobs SET run_after = NULL, retry_count = max_retries WHERE id = 'a0000000-0000-0000-0000-0000000000d3';
SELECT job_id = 'a0000000-0000-0000-0000-0000000000d3' AS d3_again FROM stories.claim_jobs('worker-a', 1);
SELECT status, retry_count FROM stories.fail_job('a0000000-0000-0000-0000-0000000000d3', 'worker-a', 'gpu');
SELECT status, stage, completed_at IS NOT NULL AS ended FROM stories.jobs WHERE id = 'a0000000-0000-0000-0000-0000000000d3';
-- A locked scene takes no segment.
UPDATE stories.scenes SET status = 'locked' WHERE id = :s1;
INSERT INTO stories.jobs (id, scene_id, user_id, input_text, bible_version, status, stage)
VALUES ('a0000000-0000-0000-0000-0000000000d9', :s1, 'a0000000-0000-0000-0000-00000000000b', 'late', 2, 'final_ready', 'completed');
SELECT * FROM stories.append_segment('a0000000-0000-0000-0000-0000000000d9', 'https://cdn.example.com/9.mp4', 3, 'locked');
\echo :LAST_ERROR_SQLSTATE
UPDATE stories.scenes SET status = 'active' WHERE id = :s1;
-- A job whose worker went quiet goes back to the queue (Ann's, held by worker-b).
UPDATE stories.jobs SET heartbeat_at = now() - interval '1 hour' WHERE id = :'ann_job';
SELECT stories.requeue_stalled_jobs() AS requeued;
SELECT status, stage, claimed_by, message FROM stories.jobs WHERE id = :'ann_job';
RESET ROLE;

-- cancel_job: one's own unfinished job only.
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000b') IS NOT NULL AS bob;
\set VERBOSITY sqlstate
SELECT stories.cancel_job(:'ann_job');
\set VERBOSITY default
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000a') IS NOT NULL AS ann;
SELECT stories.cancel_job(:'ann_job');
SELECT stories.cancel_job('a0000000-0000-0000-0000-0000000000d1');
\echo :LAST_ERROR_SQLSTATE
COMMIT;
SELECT status FROM stories.jobs WHERE id = :'ann_job';

-- Likes are idempotent and counted exactly; views of anonymous viewers carry a keyed hash of
-- the IP, never the IP.
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000b') IS NOT NULL AS bob;
SELECT stories.like('scene', :s1) AS first, stories.like('scene', :s1) AS second;
SELECT like_count FROM stories.scenes WHERE id = :s1;
SELECT stories.unlike('scene', :s1) AS removed, stories.unlike('scene', :s1) AS again;
SELECT stories.like('idea', 'a0000000-0000-0000-0000-0000000000b2');
\echo :LAST_ERROR_SQLSTATE
SELECT stories.like('comment', :s1);
\echo :LAST_ERROR_SQLSTATE
SELECT stories.record_view(:s1) IS NOT NULL AS viewed;
SELECT reelbase.set_user_id(NULL) IS NULL AS anonymous;
SELECT stories.record_view(:s1, '203.0.113.7') IS NOT NULL AS viewed;
SELECT stories.record_view(:s1, '203.0.113.7/32') IS NOT NULL AS same_address;
SELECT stories.record_view(:s1);
\echo :LAST_ERROR_SQLSTATE
SELECT stories.record_view(:s1, 'not an ip');
\echo :LAST_ERROR_SQLSTATE
SELECT stories.record_view('a0000000-0000-0000-0000-0000000000c3', '203.0.113.7');
\echo :LAST_ERROR_SQLSTATE
COMMIT;
SELECT count(*) AS views, count(ip_hash) AS hashed, count(DISTINCT ip_hash) AS distinct_hashes,
       -- 64 hex digits and nothing else: no address can be in it (a digest may well hold "203").
       bool_and(ip_hash IS NULL OR ip_hash ~ '^[0-9a-f]{64}$') AS hash_only
FROM stories.scene_views WHERE scene_id = :s1;
-- The hash is HMAC-SHA-256 of the normalized address under stories.view_hash_key (computed
-- here again with PostgreSQL's sha256).
CREATE FUNCTION pg_temp.hmac(k bytea, m bytea) RETURNS bytea LANGUAGE sql AS $$
  SELECT sha256(string_agg(set_byte('\x00'::bytea, 0, CASE WHEN n < length(k) THEN get_byte(k, n) ELSE 0 END # 92), ''::bytea ORDER BY n)
                || sha256(string_agg(set_byte('\x00'::bytea, 0, CASE WHEN n < length(k) THEN get_byte(k, n) ELSE 0 END # 54), ''::bytea ORDER BY n) || m))
  FROM generate_series(0, 63) n
$$;
SELECT bool_and(v.ip_hash = encode(pg_temp.hmac(k.key, convert_to('203.0.113.7', 'UTF8')), 'hex')) AS hmac_sha256
FROM stories.scene_views v, stories.view_hash_key k WHERE v.ip_hash IS NOT NULL;
SELECT view_count FROM stories.scenes WHERE id = :s1;

-- Flags: a user reports, a moderator resolves and hides; a user may not resolve.
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000b') IS NOT NULL AS bob;
SELECT stories.flag_content('scene', :s1, 'spam', 'ads in the video') AS flag_id \gset
SELECT stories.resolve_flag(:'flag_id', 'resolved', 'hide');
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000c') IS NOT NULL AS mia;
SELECT stories.resolve_flag(:'flag_id', 'resolved', 'hide', 'confirmed');
\set VERBOSITY sqlstate
SELECT stories.resolve_flag(:'flag_id', 'dismissed');
\set VERBOSITY default
COMMIT;
SELECT f.status, f.action_taken, f.reviewed_by = 'a0000000-0000-0000-0000-00000000000c' AS by_mia,
       f.reviewed_at IS NOT NULL AS dated, s.status AS scene_status
FROM stories.moderation_flags f JOIN stories.scenes s ON s.id = f.target_id;

-- User topics: a moderator approves or rejects; only an admin promotes to a curated topic.
INSERT INTO stories.user_topics (id, user_id, name) VALUES
  ('a0000000-0000-0000-0000-0000000000e1', 'a0000000-0000-0000-0000-00000000000a', 'Crème Mystery'),
  ('a0000000-0000-0000-0000-0000000000e2', 'a0000000-0000-0000-0000-00000000000a', 'Mystery');
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000c') IS NOT NULL AS mia;
SELECT * FROM stories.review_user_topic('a0000000-0000-0000-0000-0000000000e1', 'reject', 'too close to Mystery');
SELECT * FROM stories.review_user_topic('a0000000-0000-0000-0000-0000000000e2', 'promote');
\echo :LAST_ERROR_SQLSTATE
COMMIT;
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000d') IS NOT NULL AS ada;
SELECT status, promoted_to_topic_id IS NOT NULL AS promoted FROM stories.review_user_topic('a0000000-0000-0000-0000-0000000000e2', 'promote');
SELECT * FROM stories.review_user_topic('a0000000-0000-0000-0000-0000000000e1', 'approve');
\echo :LAST_ERROR_SQLSTATE
COMMIT;
SELECT t.name, t.slug, t.is_curated FROM stories.topics t ORDER BY slug;

DELETE FROM stories.scene_bibles;
\set fixture :abs_srcdir '/sql/fixtures/stories_cleanup.sql'
\i :fixture
