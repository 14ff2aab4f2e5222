-- The stories schema (seed 004): its 14 tables and the two bookkeeping ones, each registered
-- with pg_extension_config_dump and commented; the seed's named constraints and indexes;
-- defaults of a minimal row; the CHECKs; the partitioned tables and their foreign keys.
\set VERBOSITY terse

-- Every table of the schema: no partition but the default ones, which hold rows too (the
-- monthly ones are maintenance's, stories_partitions).
SELECT c.relname, c.relkind, c.oid = ANY (e.extconfig) AS dumped,
       obj_description(c.oid, 'pg_class') IS NOT NULL AS commented
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace CROSS JOIN pg_extension e
WHERE n.nspname = 'stories' AND c.relkind IN ('r', 'p') AND e.extname = 'reelbase_stories'
  AND (NOT c.relispartition OR c.relname LIKE '%\_default')
ORDER BY c.relname;

-- Row-level security on every table but bible_schema (public, read-only to reelbase_app),
-- each with at least one policy but view_hash_key (no policy: only its owner reads the key).
SELECT c.relname, c.relrowsecurity AS rls, (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'stories' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
ORDER BY c.relname;

-- The seed's named indexes and constraints: no row means none is missing.
SELECT i.name AS missing_index
FROM unnest(ARRAY[
  'idx_users_email', 'idx_users_username', 'idx_users_created_at', 'idx_oauth_user_id',
  'idx_topics_slug', 'idx_topics_display_order', 'idx_user_topics_status', 'idx_user_topics_user_id',
  'idx_categories_topic_id', 'idx_ideas_topic_id', 'idx_ideas_category_id', 'idx_ideas_user_id',
  'idx_ideas_status', 'idx_ideas_created_at', 'idx_ideas_like_count', 'idx_ideas_tags',
  'idx_scenes_idea_id', 'idx_scenes_user_id', 'idx_scenes_topic_id', 'idx_scenes_status',
  'idx_scenes_created_at', 'idx_scenes_like_count', 'idx_scenes_last_segment_at',
  'idx_segments_scene_id', 'idx_segments_user_id', 'idx_segments_scene_sequence',
  'idx_segments_created_at', 'idx_jobs_scene_id', 'idx_jobs_user_id', 'idx_jobs_status',
  'idx_jobs_created_at', 'idx_scene_bibles_scene_id', 'idx_scene_bibles_scene_version',
  'idx_scene_summaries_scene_id', 'idx_moderation_status', 'idx_moderation_target',
  'idx_moderation_created_at', 'idx_scene_views_scene_id', 'idx_scene_views_created_at',
  'idx_likes_target']) AS i(name)
WHERE to_regclass('stories.' || i.name) IS NULL;

SELECT conrelid::regclass AS tbl, conname, pg_get_constraintdef(oid) AS def
FROM pg_constraint
WHERE connamespace = 'stories'::regnamespace AND contype IN ('c', 'u', 'p')
  AND NOT (SELECT relispartition FROM pg_class WHERE oid = conrelid)
ORDER BY 1, 2;

-- Partial and GIN indexes as the seed writes them.
SELECT indexrelid::regclass AS idx, pg_get_indexdef(indexrelid) AS def
FROM pg_index
WHERE indexrelid::regclass::text IN ('stories.idx_ideas_status', 'stories.idx_ideas_tags',
  'stories.idx_jobs_status', 'stories.idx_moderation_status', 'stories.idx_scene_bibles_scene_version')
ORDER BY 1;

-- Foreign keys, the partitioned tables' included (a = no action, c = cascade).
SELECT conrelid::regclass AS tbl, pg_get_constraintdef(oid) AS fk, confdeltype AS on_delete
FROM pg_constraint WHERE contype = 'f' AND connamespace = 'stories'::regnamespace
  AND conparentid = 0
ORDER BY conrelid::regclass::text, 2;

-- segments and jobs: range-partitioned on created_at, with a default partition.
SELECT p.partrelid::regclass AS parent, p.partstrat, a.attname AS key,
       p.partdefid::regclass AS default_partition
FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
WHERE p.partrelid IN ('stories.segments'::regclass, 'stories.jobs'::regclass) ORDER BY 1;

-- Every timestamp is timestamptz.
SELECT count(*) AS timestamp_without_zone
FROM information_schema.columns
WHERE table_schema = 'stories' AND data_type = 'timestamp without time zone';

-- Defaults of minimal rows.
INSERT INTO stories.users (id, email, username)
  VALUES ('a0000000-0000-0000-0000-000000000001', 'ann@example.com', 'ann');
SELECT role, email_verified, is_active, password_hash IS NULL AS no_password,
       created_at IS NOT NULL AND updated_at IS NOT NULL AS stamped FROM stories.users;
INSERT INTO stories.topics (id, name, slug) VALUES ('a0000000-0000-0000-0000-0000000000a1', 'Mystery', 'mystery');
SELECT is_curated, is_active, display_order, scene_count FROM stories.topics;
INSERT INTO stories.ideas (id, user_id, topic_id, title, prompt)
  VALUES ('a0000000-0000-0000-0000-0000000000b1', 'a0000000-0000-0000-0000-000000000001',
          'a0000000-0000-0000-0000-0000000000a1', 'The lighthouse', 'A keeper hears knocking.');
SELECT status, moderation_status, scene_count, like_count, view_count FROM stories.ideas;
INSERT INTO stories.scenes (id, idea_id, user_id, topic_id, title)
  VALUES ('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-0000000000b1',
          'a0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-0000000000a1', 'Night one');
SELECT status, segment_count, total_duration, contributor_count, view_count, like_count, bible_version,
       last_segment_at FROM stories.scenes;
-- Far in the future, so the rows stay in the default partitions whatever maintenance made.
INSERT INTO stories.jobs (id, scene_id, user_id, input_text, bible_version, created_at)
  VALUES ('a0000000-0000-0000-0000-0000000000d1', 'a0000000-0000-0000-0000-0000000000c1',
          'a0000000-0000-0000-0000-000000000001', 'She opens the door.', 1, '2999-01-15 00:00+00');
SELECT type, status, stage, progress, retry_count, max_retries FROM stories.jobs;
INSERT INTO stories.moderation_flags (target_type, target_id, reason)
  VALUES ('idea', 'a0000000-0000-0000-0000-0000000000b1', 'spam');
SELECT status, reporter_id IS NULL AS automatic FROM stories.moderation_flags;

-- Each CHECK and UNIQUE refuses (23514 / 23505 / 23503).
\set ON_ERROR_STOP 0
INSERT INTO stories.users (email, username, role) VALUES ('b@example.com', 'bob', 'root');
INSERT INTO stories.users (email, username) VALUES ('ann@example.com', 'ann2');
INSERT INTO stories.users (email, username) VALUES ('x@example.com', 'ann');
INSERT INTO stories.topics (name, slug) VALUES ('Again', 'mystery');
INSERT INTO stories.categories (topic_id, name, slug) VALUES ('a0000000-0000-0000-0000-0000000000a1', 'A', 'a'),
  ('a0000000-0000-0000-0000-0000000000a1', 'B', 'a');
INSERT INTO stories.user_topics (user_id, name, status) VALUES ('a0000000-0000-0000-0000-000000000001', 'x', 'maybe');
UPDATE stories.ideas SET status = 'deleted';
UPDATE stories.ideas SET moderation_status = 'later';
UPDATE stories.scenes SET status = 'gone';
UPDATE stories.jobs SET status = 'done';
UPDATE stories.jobs SET stage = 'done';
UPDATE stories.moderation_flags SET target_type = 'comment';
UPDATE stories.moderation_flags SET status = 'open';
INSERT INTO stories.likes (user_id, target_type, target_id)
  VALUES ('a0000000-0000-0000-0000-000000000001', 'segment', 'a0000000-0000-0000-0000-0000000000c1');
INSERT INTO stories.oauth_accounts (user_id, provider, provider_id)
  VALUES ('a0000000-0000-0000-0000-000000000001', 'github', '1'), ('a0000000-0000-0000-0000-000000000001', 'github', '1');
INSERT INTO stories.scene_bibles (scene_id, version, data)
  VALUES ('a0000000-0000-0000-0000-0000000000c9', 1, '{"version": 1, "characters": [], "setting": {}, "timeline": {}}');
INSERT INTO stories.segments (scene_id, user_id, job_id, sequence, input_text, expanded_script, video_url,
                              duration, bible_version, status, created_at)
  VALUES ('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-000000000001',
          'a0000000-0000-0000-0000-0000000000d1', 1, 'x', 'y', 'https://v/1.mp4', 5, 1, 'draft', '2999-01-15 00:00+00');
\set ON_ERROR_STOP 1

DELETE FROM stories.moderation_flags;
DELETE FROM stories.jobs;
DELETE FROM stories.scenes;
DELETE FROM stories.ideas;
DELETE FROM stories.topics;
DELETE FROM stories.users;
