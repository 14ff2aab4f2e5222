-- stories, part 2 of 3: content (seed 004 sections 2.3-2.4, 2.7-2.9): ideas, scenes,
-- scene_bibles, scene_summaries, moderation_flags, scene_views, likes.
--
-- The denormalized counters (scene_count, segment_count, total_duration, contributor_count,
-- view_count, like_count, last_segment_at) are kept by the triggers of 21_counters.sql and are
-- not granted to reelbase_app for writing (23_grants.sql).

CREATE TABLE stories.ideas (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES stories.users (id),
  topic_id uuid NOT NULL REFERENCES stories.topics (id),
  category_id uuid REFERENCES stories.categories (id),
  title varchar(200) NOT NULL,
  prompt text NOT NULL,
  tags text[],
  status varchar(20) NOT NULL DEFAULT 'active',
  moderation_status varchar(20) NOT NULL DEFAULT 'pending',
  scene_count integer NOT NULL DEFAULT 0,
  like_count integer NOT NULL DEFAULT 0,
  view_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT ideas_status_check CHECK (status IN ('active', 'hidden', 'removed')),
  CONSTRAINT ideas_moderation_check CHECK (moderation_status IN ('pending', 'approved', 'rejected'))
);
SELECT pg_catalog.pg_extension_config_dump('stories.ideas', '');
COMMENT ON TABLE stories.ideas IS
  'User-submitted story ideas (prompts); public once active and approved by moderation.';
COMMENT ON COLUMN stories.ideas.scene_count IS 'Scenes started from this idea, kept by the database.';
COMMENT ON COLUMN stories.ideas.like_count IS 'Likes of this idea, kept by the database.';
COMMENT ON COLUMN stories.ideas.view_count IS 'Views of the scenes of this idea, kept by the database.';

-- A scene carries no moderation_status in the seed: it is public while active or locked and
-- its idea is public (24_rls.sql).
CREATE TABLE stories.scenes (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  idea_id uuid NOT NULL REFERENCES stories.ideas (id),
  user_id uuid NOT NULL REFERENCES stories.users (id),
  topic_id uuid NOT NULL REFERENCES stories.topics (id),
  title varchar(200) NOT NULL,
  description text,
  status varchar(20) NOT NULL DEFAULT 'active',
  segment_count integer NOT NULL DEFAULT 0,
  total_duration integer NOT NULL DEFAULT 0,
  contributor_count integer NOT NULL DEFAULT 0,
  view_count integer NOT NULL DEFAULT 0,
  like_count integer NOT NULL DEFAULT 0,
  thumbnail_url varchar(500),
  bible_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  last_segment_at timestamptz,
  CONSTRAINT scenes_status_check CHECK (status IN ('active', 'hidden', 'removed', 'locked'))
);
SELECT pg_catalog.pg_extension_config_dump('stories.scenes', '');
COMMENT ON TABLE stories.scenes IS
  'Story threads started from an idea; users continue them segment by segment.';
COMMENT ON COLUMN stories.scenes.status IS 'active, hidden, removed or locked (locked: readable, no new segments).';
COMMENT ON COLUMN stories.scenes.segment_count IS 'Segments of the scene, kept by the database.';
COMMENT ON COLUMN stories.scenes.total_duration IS 'Sum of the segments'' durations in seconds, kept by the database.';
COMMENT ON COLUMN stories.scenes.contributor_count IS
  'Distinct users who contributed a segment, kept by the database (stories.scene_contributors).';
COMMENT ON COLUMN stories.scenes.view_count IS 'Rows of stories.scene_views for the scene, kept by the database.';
COMMENT ON COLUMN stories.scenes.like_count IS 'Likes of the scene, kept by the database.';
COMMENT ON COLUMN stories.scenes.bible_version IS 'The current version of the scene''s bible (optimistic locking).';
COMMENT ON COLUMN stories.scenes.last_segment_at IS 'created_at of the newest segment, kept by the database.';

CREATE TABLE stories.scene_bibles (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  scene_id uuid NOT NULL REFERENCES stories.scenes (id) ON DELETE CASCADE,
  version integer NOT NULL,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  created_by_segment_id uuid,
  CONSTRAINT scene_bibles_scene_id_version_key UNIQUE (scene_id, version)
);
SELECT pg_catalog.pg_extension_config_dump('stories.scene_bibles', '');
COMMENT ON TABLE stories.scene_bibles IS
  'Versioned continuity data of a scene (characters, setting, timeline, ...). Every row matches the current stories.bible_schema and data.version = version.';
COMMENT ON COLUMN stories.scene_bibles.created_by_segment_id IS 'The segment that led to this version, if any.';

CREATE TABLE stories.scene_summaries (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  scene_id uuid NOT NULL REFERENCES stories.scenes (id) ON DELETE CASCADE,
  summary text NOT NULL,
  segments_covered integer[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
SELECT pg_catalog.pg_extension_config_dump('stories.scene_summaries', '');
COMMENT ON TABLE stories.scene_summaries IS
  'Compressed summaries of a scene''s long history (segments_covered: the sequence numbers summarised).';

CREATE TABLE stories.moderation_flags (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  target_type varchar(20) NOT NULL,
  target_id uuid NOT NULL,
  reporter_id uuid REFERENCES stories.users (id),
  reason varchar(50) NOT NULL,
  description text,
  status varchar(20) NOT NULL DEFAULT 'pending',
  reviewed_by uuid REFERENCES stories.users (id),
  reviewed_at timestamptz,
  action_taken varchar(50),
  notes text,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT moderation_target_type_check CHECK (target_type IN ('idea', 'scene', 'segment', 'user', 'topic')),
  CONSTRAINT moderation_status_check CHECK (status IN ('pending', 'reviewing', 'resolved', 'dismissed'))
);
SELECT pg_catalog.pg_extension_config_dump('stories.moderation_flags', '');
COMMENT ON TABLE stories.moderation_flags IS
  'Reports of ideas, scenes, segments, users or topics (reporter NULL: automatic detection), reviewed by moderators.';

-- Not in the seed: scene_id references stories.scenes (the view counters need the scene; a
-- view of a deleted scene goes with it).
CREATE TABLE stories.scene_views (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  scene_id uuid NOT NULL REFERENCES stories.scenes (id) ON DELETE CASCADE,
  user_id uuid,
  ip_hash varchar(64),
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
SELECT pg_catalog.pg_extension_config_dump('stories.scene_views', '');
COMMENT ON TABLE stories.scene_views IS
  'One row per view of a scene (user_id NULL: anonymous, identified only by ip_hash, never the IP).';

CREATE TABLE stories.likes (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES stories.users (id),
  target_type varchar(20) NOT NULL,
  target_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT likes_user_id_target_type_target_id_key UNIQUE (user_id, target_type, target_id),
  -- Not in the seed, whose comment says "idea, scene": the counters exist for those two only.
  CONSTRAINT likes_target_type_check CHECK (target_type IN ('idea', 'scene'))
);
SELECT pg_catalog.pg_extension_config_dump('stories.likes', '');
COMMENT ON TABLE stories.likes IS
  'A user''s like of an idea or a scene (one per user and target); the target must exist (21_counters.sql).';
