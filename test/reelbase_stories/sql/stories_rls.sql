-- Row-level security and privileges of the stories schema, cell by cell: ann and bob (users),
-- mia (moderator), ada (admin), ivy (inactive) and no identity; what each reads and may write.
-- SET LOCAL ROLE + reelbase.set_user_id() in a transaction, as an application does.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/stories.sql'
\i :fixture
\set VERBOSITY terse

-- More content as the owner: a segment on each scene (ann on s1, ann on s2, bob on s3), a
-- hidden segment of bob on s1, a bible per scene, a flag by bob, likes, views, proposals.
INSERT INTO stories.segments (id, scene_id, user_id, job_id, sequence, input_text, expanded_script, video_url,
                              duration, bible_version, status) VALUES
  ('a0000000-0000-0000-0000-0000000000f1', 'a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000a',
   'a0000000-0000-0000-0000-0000000000d1', 1, 'g1', 'G1', 'https://v/g1.mp4', 5, 1, 'active'),
  ('a0000000-0000-0000-0000-0000000000f2', 'a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000b',
   'a0000000-0000-0000-0000-0000000000d1', 2, 'g2', 'G2', 'https://v/g2.mp4', 5, 1, 'hidden'),
  ('a0000000-0000-0000-0000-0000000000f3', 'a0000000-0000-0000-0000-0000000000c2', 'a0000000-0000-0000-0000-00000000000a',
   'a0000000-0000-0000-0000-0000000000d1', 1, 'g3', 'G3', 'https://v/g3.mp4', 5, 1, 'active'),
  ('a0000000-0000-0000-0000-0000000000f4', 'a0000000-0000-0000-0000-0000000000c3', 'a0000000-0000-0000-0000-00000000000b',
   'a0000000-0000-0000-0000-0000000000d3', 1, 'g4', 'G4', 'https://v/g4.mp4', 5, 1, 'active');
INSERT INTO stories.scene_bibles (scene_id, version, data)
SELECT id, 1, jsonb_build_object('version', 1, 'characters', '[]'::jsonb, 'setting', '{}'::jsonb,
                                 'timeline', '{}'::jsonb, 'styleGuide', jsonb_build_object('tone', title))
FROM stories.scenes;
INSERT INTO stories.moderation_flags (target_type, target_id, reporter_id, reason) VALUES
  ('scene', 'a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000b', 'spam');
INSERT INTO stories.likes (user_id, target_type, target_id) VALUES
  ('a0000000-0000-0000-0000-00000000000b', 'scene', 'a0000000-0000-0000-0000-0000000000c1');
INSERT INTO stories.scene_views (scene_id, user_id) VALUES
  ('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000b');
INSERT INTO stories.user_topics (user_id, name, status) VALUES
  ('a0000000-0000-0000-0000-00000000000a', 'Ann proposes', 'pending'),
  ('a0000000-0000-0000-0000-00000000000b', 'Bob proposed', 'approved');
INSERT INTO stories.topics (name, slug, is_active) VALUES ('Retired', 'retired', false);

-- What the current role and identity see: one row per table, the visible rows' labels.
CREATE FUNCTION pg_temp.visible() RETURNS TABLE (tbl text, visible text) LANGUAGE sql AS $$
  SELECT 'users', string_agg(username, ' ' ORDER BY username) FROM stories.users
  UNION ALL SELECT 'oauth_accounts', string_agg(provider_id, ' ' ORDER BY provider_id) FROM stories.oauth_accounts
  UNION ALL SELECT 'topics', string_agg(slug, ' ' ORDER BY slug) FROM stories.topics
  UNION ALL SELECT 'user_topics', string_agg(name, ', ' ORDER BY name) FROM stories.user_topics
  UNION ALL SELECT 'categories', string_agg(slug, ' ' ORDER BY slug) FROM stories.categories
  UNION ALL SELECT 'ideas', string_agg(title, ', ' ORDER BY title) FROM stories.ideas
  UNION ALL SELECT 'scenes', string_agg(title, ', ' ORDER BY title) FROM stories.scenes
  UNION ALL SELECT 'segments', string_agg(input_text, ' ' ORDER BY input_text) FROM stories.segments
  UNION ALL SELECT 'jobs', string_agg(input_text, ', ' ORDER BY input_text) FROM stories.jobs
  UNION ALL SELECT 'scene_bibles', string_agg(data #>> '{styleGuide,tone}', ', ' ORDER BY data #>> '{styleGuide,tone}') FROM stories.scene_bibles
  UNION ALL SELECT 'moderation_flags', string_agg(reason, ' ') FROM stories.moderation_flags
  UNION ALL SELECT 'likes', count(*)::text FROM stories.likes
  UNION ALL SELECT 'scene_views', count(*)::text FROM stories.scene_views
$$;
GRANT EXECUTE ON FUNCTION pg_temp.visible() TO regress_stories_app, regress_stories_admin;

-- No identity: nothing.
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT * FROM pg_temp.visible();
ROLLBACK;

-- ann: public content and all of her own (her pending idea, its scene and segment; her job).
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000a');
SELECT * FROM pg_temp.visible();
SELECT stories.current_user_role(), stories.is_moderator(), stories.is_admin();
ROLLBACK;

-- bob: public content and his own (his hidden idea, scene, segments, flag, like, view);
-- not ann's pending idea, its scene or segment.
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000b');
SELECT * FROM pg_temp.visible();
ROLLBACK;

-- mia (moderator) and ada (admin): everything.
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000c');
SELECT * FROM pg_temp.visible();
SELECT stories.current_user_role(), stories.is_moderator(), stories.is_admin();
ROLLBACK;
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000d');
SELECT tbl, visible IS NOT DISTINCT FROM (SELECT v.visible FROM pg_temp.visible() v WHERE false) AS empty
FROM pg_temp.visible() WHERE tbl IN ('ideas', 'scenes', 'segments', 'moderation_flags');
SELECT stories.current_user_role(), stories.is_moderator(), stories.is_admin();
ROLLBACK;

-- ivy (inactive): no identity, nothing, not even herself.
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000e');
SELECT * FROM pg_temp.visible();
SELECT stories.current_user_id(), stories.current_user_role(), stories.is_moderator(), stories.my_password_hash(),
       (SELECT count(*) FROM stories.my_account()) AS my_account_rows, (SELECT count(*) FROM stories.my_oauth_accounts()) AS my_oauth_rows;
ROLLBACK;

-- reelbase_admin (the back office): everything, through its policies.
BEGIN;
SET LOCAL ROLE regress_stories_admin;
SELECT * FROM pg_temp.visible();
ROLLBACK;

-- Secrets: no one selects password_hash or a token from the tables (42501), the owner
-- included; the owner reads their own through the functions, others get nothing.
\set ON_ERROR_STOP 0
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000a');
SELECT password_hash FROM stories.users WHERE username = 'ann';
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000a');
SELECT access_token FROM stories.oauth_accounts;
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000c');
SELECT refresh_token FROM stories.oauth_accounts;
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000c');
SELECT * FROM stories.users;
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
-- another user's email is private too (and so is one's own, in the table)
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000b');
SELECT email FROM stories.users WHERE username = 'ann';
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
\set ON_ERROR_STOP 1
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000a');
SELECT provider, provider_id, access_token, refresh_token FROM stories.my_oauth_accounts();
SELECT stories.my_password_hash();
SELECT username, email, email_verified, is_active FROM stories.my_account();
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000c');
SELECT count(*) AS moderator_sees_own_tokens_only FROM stories.my_oauth_accounts();
ROLLBACK;
SELECT p.proname, p.prosecdef, p.proconfig FROM pg_proc p
WHERE p.pronamespace = 'stories'::regnamespace AND p.prosecdef ORDER BY 1;

-- Writes as ann: her own idea, a scene of a public idea, likes, views, flags, a proposal, her
-- profile; the new idea is pending and its counters zero, whatever she asks.
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000a');
INSERT INTO stories.ideas (id, user_id, topic_id, title, prompt) VALUES
  ('a0000000-0000-0000-0000-0000000000b9', 'a0000000-0000-0000-0000-00000000000a',
   'a0000000-0000-0000-0000-0000000000a1', 'New idea', 'p');
INSERT INTO stories.scenes (user_id, idea_id, topic_id, title) VALUES
  ('a0000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-0000000000b9',
   'a0000000-0000-0000-0000-0000000000a1', 'On my own idea');
INSERT INTO stories.likes (user_id, target_type, target_id) VALUES
  ('a0000000-0000-0000-0000-00000000000a', 'scene', 'a0000000-0000-0000-0000-0000000000c1');
DELETE FROM stories.likes WHERE target_id = 'a0000000-0000-0000-0000-0000000000c1';
INSERT INTO stories.scene_views (scene_id, user_id) VALUES
  ('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000a');
INSERT INTO stories.moderation_flags (target_type, target_id, reporter_id, reason) VALUES
  ('idea', 'a0000000-0000-0000-0000-0000000000b3', 'a0000000-0000-0000-0000-00000000000a', 'offensive');
INSERT INTO stories.user_topics (user_id, name) VALUES ('a0000000-0000-0000-0000-00000000000a', 'Horror');
UPDATE stories.users SET bio = 'keeper' WHERE username = 'ann';
UPDATE stories.ideas SET prompt = 'edited' WHERE id = 'a0000000-0000-0000-0000-0000000000b9';
SELECT title, status, moderation_status, scene_count, like_count, view_count FROM stories.ideas
WHERE id = 'a0000000-0000-0000-0000-0000000000b9';
RESET ROLE;
-- bob's like was taken back by bob only: ann's DELETE removed her own like alone.
SELECT count(*) AS likes_left_on_s1 FROM stories.likes WHERE target_id = 'a0000000-0000-0000-0000-0000000000c1';
SELECT like_count, view_count FROM stories.scenes WHERE id = 'a0000000-0000-0000-0000-0000000000c1';
ROLLBACK;

-- What ann may not do: each is 42501 (privilege, the moderation trigger or a policy), or
-- finds no row it may change.
\set ON_ERROR_STOP 0
CREATE FUNCTION pg_temp.as_ann(stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  EXECUTE stmt;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN 'allowed, ' || n || ' rows';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ' ' || SQLERRM;
END
$$;
GRANT EXECUTE ON FUNCTION pg_temp.as_ann(text) TO regress_stories_app, regress_stories_admin;
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000a');
SELECT s AS stmt, pg_temp.as_ann(s) AS outcome FROM unnest(ARRAY[
  -- counters
  $q$UPDATE stories.scenes SET like_count = 1000 WHERE user_id = 'a0000000-0000-0000-0000-00000000000a'$q$,
  $q$UPDATE stories.ideas SET view_count = 1000 WHERE user_id = 'a0000000-0000-0000-0000-00000000000a'$q$,
  $q$UPDATE stories.topics SET scene_count = 0$q$,
  $q$INSERT INTO stories.scenes (user_id, idea_id, topic_id, title, segment_count) VALUES ('a0000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-0000000000b1', 'a0000000-0000-0000-0000-0000000000a1', 'x', 5)$q$,
  $q$UPDATE stories.scenes SET bible_version = 9 WHERE user_id = 'a0000000-0000-0000-0000-00000000000a'$q$,
  -- moderation of her own content, her role
  $q$UPDATE stories.ideas SET moderation_status = 'approved' WHERE id = 'a0000000-0000-0000-0000-0000000000b2'$q$,
  $q$UPDATE stories.scenes SET status = 'locked' WHERE id = 'a0000000-0000-0000-0000-0000000000c1'$q$,
  $q$UPDATE stories.users SET role = 'admin' WHERE username = 'ann'$q$,
  $q$INSERT INTO stories.ideas (user_id, topic_id, title, prompt, moderation_status) VALUES ('a0000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-0000000000a1', 't', 'p', 'approved')$q$,
  -- others' content, writing as someone else
  $q$INSERT INTO stories.ideas (user_id, topic_id, title, prompt) VALUES ('a0000000-0000-0000-0000-00000000000b', 'a0000000-0000-0000-0000-0000000000a1', 't', 'p')$q$,
  $q$INSERT INTO stories.likes (user_id, target_type, target_id) VALUES ('a0000000-0000-0000-0000-00000000000b', 'scene', 'a0000000-0000-0000-0000-0000000000c1')$q$,
  $q$INSERT INTO stories.likes (user_id, target_type, target_id) VALUES ('a0000000-0000-0000-0000-00000000000a', 'scene', 'a0000000-0000-0000-0000-0000000000c3')$q$,
  $q$INSERT INTO stories.scenes (user_id, idea_id, topic_id, title) VALUES ('a0000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-0000000000b3', 'a0000000-0000-0000-0000-0000000000a1', 'on a hidden idea')$q$,
  $q$INSERT INTO stories.scene_views (scene_id, user_id, ip_hash) VALUES ('a0000000-0000-0000-0000-0000000000c1', NULL, 'abc')$q$,
  $q$INSERT INTO stories.moderation_flags (target_type, target_id, reporter_id, reason) VALUES ('idea', 'a0000000-0000-0000-0000-0000000000b1', 'a0000000-0000-0000-0000-00000000000b', 'x')$q$,
  -- curation, review, the pipeline's tables, the bookkeeping and the partitions
  $q$INSERT INTO stories.topics (name, slug) VALUES ('Mine', 'mine')$q$,
  $q$INSERT INTO stories.categories (topic_id, name, slug) VALUES ('a0000000-0000-0000-0000-0000000000a1', 'c', 'c')$q$,
  $q$UPDATE stories.moderation_flags SET status = 'dismissed'$q$,
  $q$INSERT INTO stories.segments (scene_id, user_id, job_id, sequence, input_text, expanded_script, video_url, duration, bible_version) VALUES ('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-0000000000d1', 9, 'x', 'x', 'x', 1, 1)$q$,
  $q$INSERT INTO stories.jobs (scene_id, user_id, input_text, bible_version) VALUES ('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000a', 'x', 1)$q$,
  $q$INSERT INTO stories.scene_bibles (scene_id, version, data) VALUES ('a0000000-0000-0000-0000-0000000000c1', 2, '{}')$q$,
  $q$SELECT * FROM stories.job_idempotency_keys$q$,
  $q$SELECT * FROM stories.scene_contributors$q$,
  $q$SELECT * FROM stories.segments_default$q$
]) AS s;
ROLLBACK;
\set ON_ERROR_STOP 1
-- Updates and deletes of rows a policy hides change nothing (no error, zero rows).
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000a');
UPDATE stories.ideas SET prompt = 'defaced' WHERE user_id = 'a0000000-0000-0000-0000-00000000000b';
UPDATE stories.users SET bio = 'defaced' WHERE username = 'bob';
DELETE FROM stories.likes WHERE user_id = 'a0000000-0000-0000-0000-00000000000b';
RESET ROLE;
SELECT (SELECT count(*) FROM stories.ideas WHERE prompt = 'defaced') AS ideas_defaced,
       (SELECT count(*) FROM stories.users WHERE bio = 'defaced') AS users_defaced,
       (SELECT count(*) FROM stories.likes) AS likes;
ROLLBACK;

-- mia (moderator) hides a scene and a segment, approves an idea, resolves the flag, reviews a
-- proposal; she cannot curate topics (admins do).
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000c');
UPDATE stories.scenes SET status = 'hidden' WHERE id = 'a0000000-0000-0000-0000-0000000000c1';
UPDATE stories.segments SET status = 'removed' WHERE id = 'a0000000-0000-0000-0000-0000000000f1';
UPDATE stories.ideas SET moderation_status = 'approved' WHERE id = 'a0000000-0000-0000-0000-0000000000b2';
UPDATE stories.moderation_flags SET status = 'resolved', reviewed_by = 'a0000000-0000-0000-0000-00000000000c',
  reviewed_at = now(), action_taken = 'hidden';
UPDATE stories.user_topics SET status = 'rejected', reviewed_by = 'a0000000-0000-0000-0000-00000000000c',
  rejection_reason = 'duplicate' WHERE name = 'Ann proposes';
SELECT title, status FROM stories.scenes ORDER BY title;
SELECT status, action_taken FROM stories.moderation_flags;
SELECT pg_temp.as_ann($q$INSERT INTO stories.topics (name, slug) VALUES ('Mod', 'mod')$q$) AS moderator_curates;
-- bob now sees the approved idea The cellar and its scene Down; the hidden scene Night one and
-- the removed segment g1 are gone (his own hidden segment g2 stays his).
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000b');
SELECT * FROM pg_temp.visible() WHERE tbl IN ('ideas', 'scenes', 'segments');
ROLLBACK;

-- ada (admin) curates topics and categories.
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000d');
INSERT INTO stories.topics (id, name, slug) VALUES ('a0000000-0000-0000-0000-0000000000aa', 'Sci-fi', 'sci-fi');
INSERT INTO stories.categories (topic_id, name, slug) VALUES ('a0000000-0000-0000-0000-0000000000aa', 'Space', 'space');
UPDATE stories.topics SET display_order = 3 WHERE slug = 'sci-fi';
DELETE FROM stories.topics WHERE slug = 'retired';
SELECT slug, display_order, is_active FROM stories.topics ORDER BY slug;
SELECT pg_temp.as_ann($q$UPDATE stories.topics SET scene_count = 7$q$) AS admin_writes_counter;
ROLLBACK;

-- reelbase_admin does not write counters either.
BEGIN;
SET LOCAL ROLE regress_stories_admin;
SELECT s AS stmt, pg_temp.as_ann(s) AS outcome FROM unnest(ARRAY[
  $q$UPDATE stories.scenes SET view_count = 5$q$,
  $q$UPDATE stories.ideas SET like_count = 5$q$,
  $q$UPDATE stories.topics SET scene_count = 5$q$,
  $q$UPDATE stories.scenes SET status = 'locked' WHERE title = 'Up'$q$]) AS s;
ROLLBACK;

-- ivy (inactive) writes nothing.
BEGIN;
SET LOCAL ROLE regress_stories_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-00000000000e');
SELECT pg_temp.as_ann($q$INSERT INTO stories.ideas (user_id, topic_id, title, prompt) VALUES ('a0000000-0000-0000-0000-00000000000e', 'a0000000-0000-0000-0000-0000000000a1', 't', 'p')$q$) AS inactive_writes;
ROLLBACK;

DROP FUNCTION pg_temp.visible(), pg_temp.as_ann(text);
\set fixture :abs_srcdir '/sql/fixtures/stories_cleanup.sql'
\i :fixture
