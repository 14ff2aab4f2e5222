-- reelbase demo walkthrough, part 3: collaborative stories (stories schema, seed 004) on the
-- data of demo/stories_data.sql. Run as the superuser (it plays the AI pipeline) after the
-- other parts:  psql -X -v ON_ERROR_STOP=1 -d reelbase_demo -f demo/stories_walkthrough.sql
-- End users act through the role stories_web (reelbase_app) with reelbase.set_user_id.

\set QUIET on
\set ON_ERROR_STOP 1
\set VERBOSITY default
\set SHOW_CONTEXT never
-- A refusal shown inside a transaction rolls back only its statement.
\set ON_ERROR_ROLLBACK on
\pset null '(null)'
SET client_min_messages = warning;
SET search_path = stories, public;
SELECT '5d000000-0000-4000-8000-000000000001' AS ann, '5d000000-0000-4000-8000-000000000002' AS bob,
       '5d000000-0000-4000-8000-000000000003' AS mia, '5d000000-0000-4000-8000-0000000000c1' AS scene \gset
CREATE ROLE stories_web IN ROLE reelbase_app;

\echo
\echo '################################################################################'
\echo '## 12. Scene bibles: versions under optimistic locking, checked against the seed''s'
\echo '##     JSON Schema (stored in stories.bible_schema, draft-07 validator in Swift)'
\echo '################################################################################'
\echo
SELECT version FROM update_scene_bible(:'scene', 1,
  '{"version": 2, "characters": [{"entityId": "char_mara", "canonicalName": "Mara Quill"},
                                 {"entityId": "char_tomas", "canonicalName": "Tomas Bell"}],
    "setting": {"primaryLocation": "Saltmere lighthouse"}, "timeline": {"currentPoint": "the storm"}}');
SELECT bible_version FROM scenes WHERE id = :'scene';
\set ON_ERROR_STOP 0
\echo 'A writer still at version 1 is refused (40001, the detail names the current version):'
SELECT version FROM update_scene_bible(:'scene', 1, '{"version": 2, "characters": [], "setting": {}, "timeline": {}}');
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\echo 'A bible that does not match the schema is refused (22023, the paths in the detail):'
SELECT version FROM update_scene_bible(:'scene', 2, '{"version": 3, "characters": [{"entityId": "Tomas"}], "setting": {}}');
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
SELECT reelbase.jsonb_matches_schema('{"type": "string", "pattern": "^char_[a-z]+$"}', '"char_mara"') AS matches;

\echo
\echo '################################################################################'
\echo '## 13. The job queue: Bob asks for a continuation (twice, one idempotency key: one'
\echo '##     job); the pipeline claims it, reports, completes it; the segment is appended'
\echo '################################################################################'
\echo
BEGIN; SET LOCAL ROLE stories_web;
SELECT reelbase.set_user_id(:'bob') IS NOT NULL AS bob;
SELECT job_id AS job, enqueued, status FROM enqueue_job(:'scene', 'Tomas climbs the tower as the lamp fails', 'bob-req-1') \gset
SELECT enqueued, status FROM enqueue_job(:'scene', 'Tomas climbs the tower as the lamp fails', 'bob-req-1');
COMMIT;
SELECT job_id = :'job' AS claimed_bobs_job, bible_version FROM claim_jobs('gpu-worker-1', 1);
SELECT * FROM report_progress(:'job', 'gpu-worker-1', 60, stage => 'video_generation', message => 'rendering');
SELECT sequence FROM complete_job(:'job', 'gpu-worker-1', '{"model": "demo"}', 'https://cdn.example.com/s1.mp4', 8,
                                  'Tomas climbs. The lamp gutters. Mara holds the map to the glass.');
SELECT status, stage, progress FROM jobs WHERE id = :'job';
SELECT segment_count, total_duration, contributor_count, last_segment_at IS NOT NULL AS has_last FROM scenes WHERE id = :'scene';

\echo
\echo '################################################################################'
\echo '## 14. Likes and views: idempotent, counted exactly; an anonymous view keeps a keyed'
\echo '##     HMAC-SHA-256 of the IP address, never the address'
\echo '################################################################################'
\echo
BEGIN; SET LOCAL ROLE stories_web;
SELECT reelbase.set_user_id(:'bob') IS NOT NULL AS bob;
-- Qualified: an unqualified like('scene', '...') is pg_catalog.like(text, text), the LIKE operator.
SELECT stories.like('scene', :'scene') AS first_like, stories.like('scene', :'scene') AS second_like;
SELECT record_view(:'scene') IS NOT NULL AS viewed;
SELECT reelbase.set_user_id(NULL) IS NULL AS anonymous;
SELECT record_view(:'scene', '198.51.100.23') IS NOT NULL AS viewed;
COMMIT;
SELECT like_count, view_count FROM scenes WHERE id = :'scene';
SELECT user_id IS NULL AS anonymous, left(ip_hash, 16) || '...' AS ip_hash FROM scene_views ORDER BY anonymous;

\echo
\echo '################################################################################'
\echo '## 15. Moderation: Bob flags the scene, a user may not resolve it, Mia (moderator)'
\echo '##     resolves it by hiding the scene; who and when are recorded'
\echo '################################################################################'
\echo
BEGIN; SET LOCAL ROLE stories_web;
SELECT reelbase.set_user_id(:'bob') IS NOT NULL AS bob;
SELECT flag_content('scene', :'scene', 'inappropriate', 'a test flag') AS flag \gset
\set ON_ERROR_STOP 0
SELECT resolve_flag(:'flag', 'resolved', 'hide');
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
SELECT reelbase.set_user_id(:'mia') IS NOT NULL AS mia;
SELECT resolve_flag(:'flag', 'resolved', 'hide', 'demo');
COMMIT;
SELECT f.status, f.action_taken, u.username AS reviewed_by, f.reviewed_at IS NOT NULL AS dated, s.status AS scene_status
FROM moderation_flags f JOIN users u ON u.id = f.reviewed_by JOIN scenes s ON s.id = f.target_id;
BEGIN; SET LOCAL ROLE stories_web;
SELECT reelbase.set_user_id(:'bob') IS NOT NULL AS bob;
SELECT count(*) AS scenes_bob_sees FROM scenes;
SELECT reelbase.set_user_id(:'ann') IS NOT NULL AS ann;
SELECT count(*) AS scenes_ann_sees_her_own FROM scenes;
COMMIT;

DROP OWNED BY stories_web;
DROP ROLE stories_web;
\echo
\echo 'Done.'
