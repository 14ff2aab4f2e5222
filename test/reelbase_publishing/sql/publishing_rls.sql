-- Who sees what through reelbase_app: an owner its personas and their videos (and what hangs
-- off them), a worker every video, nobody without an identity; administrators everything.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/publishing.sql'
\i :fixture
\set VERBOSITY default
\set SHOW_CONTEXT never
\set ON_ERROR_ROLLBACK on
SELECT 1 FROM publishing.attach_asset(:v3, 'image', 'https://cdn.example.com/v3.png', 'sha256:' || repeat('3', 64));

CREATE FUNCTION pg_temp.seen() RETURNS TABLE (personas bigint, videos bigint, assets bigint, audit_videos bigint, worker boolean)
LANGUAGE sql AS $$
  SELECT (SELECT count(*) FROM publishing.personas), (SELECT count(*) FROM publishing.videos),
         (SELECT count(*) FROM publishing.assets), (SELECT count(DISTINCT task_id) FROM publishing.task_audit),
         publishing.is_worker()
$$;
GRANT EXECUTE ON FUNCTION pg_temp.seen() TO PUBLIC;

BEGIN;
SET LOCAL ROLE regress_publishing_app;
SELECT 'nobody' AS who, * FROM pg_temp.seen();
SELECT reelbase.set_user_id(:ann) IS NOT NULL;
SELECT 'ann' AS who, * FROM pg_temp.seen();
-- Ann cannot touch Bob's video: to her it does not exist.
SELECT * FROM publishing.update_video(:v3, 1, '{"title": "mine now"}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM publishing.attach_asset(:v3, 'image', 'https://cdn.example.com/x.png', 'sha256:' || repeat('4', 64));
\echo :LAST_ERROR_SQLSTATE
SELECT ok, chains_checked FROM publishing.verify_audit();
-- A persona or video for someone else is refused.
INSERT INTO publishing.personas (name, owner_id) VALUES ('Fake', :bob);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO publishing.videos (persona_id, title) VALUES ('c0000000-0000-0000-0000-0000000000b1', 'on Bo');
\echo :LAST_ERROR_SQLSTATE
-- Her own: a new persona defaults to her, a video on it starts as a draft at version 1.
WITH p AS (INSERT INTO publishing.personas (name) VALUES ('Ann 2') RETURNING id, owner_id = :ann AS mine)
SELECT mine FROM p;
INSERT INTO publishing.videos (persona_id, title, status) VALUES ('c0000000-0000-0000-0000-0000000000a1', 'x', 'published');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM publishing.workers;
\echo :LAST_ERROR_SQLSTATE
SELECT actor FROM publishing.task_audit LIMIT 0;
UPDATE publishing.task_audit SET actor = 'x';
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;

BEGIN;
SET LOCAL ROLE regress_publishing_app;
SELECT reelbase.set_user_id(:w1) IS NOT NULL;
SELECT 'worker' AS who, * FROM pg_temp.seen();
SELECT title, state_version FROM publishing.update_video(:v3, 1, '{"title": "Bob, rendered"}');
SELECT actor = :w1 AS actor_is_the_identity FROM publishing.task_audit WHERE task_id = :v3 ORDER BY id DESC LIMIT 1;
DELETE FROM publishing.videos WHERE id = :v3;
SELECT count(*) AS still_there FROM publishing.videos WHERE id = :v3;
ROLLBACK;

BEGIN;
SET LOCAL ROLE regress_publishing_app;
SELECT reelbase.set_user_id(:bob) IS NOT NULL;
SELECT 'bob' AS who, * FROM pg_temp.seen();
ROLLBACK;

SET ROLE regress_publishing_admin;
SELECT 'admin' AS who, * FROM pg_temp.seen();
RESET ROLE;
