-- Generated from sql/ by extension/build-sql.sh; edit those files.
\echo Use "CREATE EXTENSION reelbase" to load this file. \quit

-- 0.1.0/00_reelbase_core.sql
-- reelbase core: schema, roles and the per-transaction end-user identity shared by every
-- feature schema.

-- The control file sets no schema, so every schema is created here explicitly and becomes a
-- member of the extension (DROP EXTENSION removes it).
CREATE SCHEMA reelbase;

COMMENT ON SCHEMA reelbase IS
  'reelbase shared machinery: end-user identity and trigger helpers used by every feature schema.';

-- Roles are cluster-global objects: they cannot be members of an extension, are shared by
-- every database of the cluster, and survive DROP EXTENSION. Create them only when missing so
-- a second database (or a reinstall) reuses them, and never alter an existing role: its
-- attributes and members belong to the DBA by then.
DO $roles$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'reelbase_app') THEN
    -- NOBYPASSRLS is the point of this role: every row it touches goes through a policy.
    CREATE ROLE reelbase_app NOLOGIN NOBYPASSRLS;
    COMMENT ON ROLE reelbase_app IS
      'reelbase application role: grant it to the application''s login role. Row level '
      'security applies; the application acts for one end user per transaction '
      '(reelbase.set_user_id).';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'reelbase_admin') THEN
    -- Administrators see everything through explicit admin policies rather than BYPASSRLS,
    -- so what they may do (e.g. never DELETE watch history) is still written down per table.
    CREATE ROLE reelbase_admin NOLOGIN NOBYPASSRLS;
    COMMENT ON ROLE reelbase_admin IS
      'reelbase administrator role: sees and changes all rows through explicit admin '
      'policies (not BYPASSRLS).';
  END IF;
END
$roles$;

-- Inlinable on purpose (plain SQL, no SECURITY DEFINER, no SET clause) so that callers that
-- wrap it in a scalar subquery pay for it once per query.
CREATE FUNCTION reelbase.current_user_id()
RETURNS uuid
LANGUAGE sql
STABLE
PARALLEL SAFE
AS $$
  SELECT NULLIF(pg_catalog.current_setting('reelbase.user_id', true), '')::uuid
$$;

COMMENT ON FUNCTION reelbase.current_user_id() IS
  'The end user the current transaction acts for (a learning.creators or learning.students '
  'id), or NULL when none is set. Set it with reelbase.set_user_id().';

-- Transaction-local (is_local = true) so a pooled connection can never carry one user's
-- identity into the next user's transaction. NULL is stored as '' because set_config cannot
-- unset a placeholder variable; current_user_id() maps '' back to NULL.
CREATE FUNCTION reelbase.set_user_id(p_user_id uuid)
RETURNS uuid
LANGUAGE sql
VOLATILE
CALLED ON NULL INPUT
PARALLEL UNSAFE
AS $$
  SELECT NULLIF(
    pg_catalog.set_config('reelbase.user_id', COALESCE(p_user_id::text, ''), true),
    ''
  )::uuid
$$;

COMMENT ON FUNCTION reelbase.set_user_id(uuid) IS
  'Act for end user p_user_id (a creators or students id) until the end of the current '
  'transaction; NULL clears the identity. Returns the identity now in effect. The login role '
  'that calls it is trusted to have authenticated that user.';

-- search_path is pinned so a caller's search_path cannot redirect now().
CREATE FUNCTION reelbase.set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
PARALLEL SAFE
SET search_path = pg_catalog
AS $$
BEGIN
  NEW.updated_at := pg_catalog.now();
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION reelbase.set_updated_at() IS
  'BEFORE UPDATE row trigger: stamps NEW.updated_at with the transaction timestamp.';

GRANT USAGE ON SCHEMA reelbase TO reelbase_app, reelbase_admin;
GRANT EXECUTE ON FUNCTION reelbase.current_user_id(), reelbase.set_user_id(uuid)
  TO reelbase_app, reelbase_admin;

-- 0.1.0/05_reelbase_bridge.sql
-- Diagnostics of the Swift/Postgres bridge. They exist so the boundary can be tested on any
-- installation (an error from Swift, an error from Postgres during a Swift call, every type
-- conversion); only administrators may run them.

CREATE FUNCTION reelbase.bridge_echo(value anyelement) RETURNS anyelement
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'rb_bridge_echo';
COMMENT ON FUNCTION reelbase.bridge_echo(anyelement) IS
  'Converts a value into Swift and back (bool, int2/4/8, real, double, text, uuid, date, timestamptz, interval, numeric, jsonb, text[], uuid[], real[]); for testing the bridge.';

CREATE FUNCTION reelbase.bridge_describe(value anyelement) RETURNS text
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'rb_bridge_describe';
COMMENT ON FUNCTION reelbase.bridge_describe(anyelement) IS
  'How Swift sees a value of a bridged type; for testing the bridge.';

CREATE FUNCTION reelbase.bridge_fail(kind text) RETURNS text
  LANGUAGE c VOLATILE STRICT PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'rb_bridge_fail';
COMMENT ON FUNCTION reelbase.bridge_fail(text) IS
  'Raises an error of the given kind across the Swift boundary (swift, server, server_swallowed, server_then_swift, type_input, palloc, nested, spin); for testing the bridge.';

REVOKE ALL ON FUNCTION reelbase.bridge_echo(anyelement), reelbase.bridge_describe(anyelement),
  reelbase.bridge_fail(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reelbase.bridge_echo(anyelement), reelbase.bridge_describe(anyelement),
  reelbase.bridge_fail(text) TO reelbase_admin;

-- 0.1.0/10_learning_tables_content.sql
-- learning (seed 003 "Chronos"), part 1 of 2: accounts and content.
-- Tables are created in foreign-key order; indexes, triggers and policies follow in 11-16.
-- Every table is user data, so each is registered with pg_extension_config_dump right after
-- it is created: without that, pg_dump would dump the extension but not its rows.

CREATE SCHEMA learning;

COMMENT ON SCHEMA learning IS
  'Chronos video-learning platform: creators, students, multi-source videos, courses, AI chat '
  'and viewing analytics (seed 003).';

CREATE TABLE learning.creators (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  whop_company_id text NOT NULL,
  whop_user_id text NOT NULL,
  email text NOT NULL,
  name text,
  subscription_tier text NOT NULL DEFAULT 'basic',
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  last_login_at timestamptz,
  is_active boolean NOT NULL DEFAULT true,
  CONSTRAINT creators_whop_company_id_key UNIQUE (whop_company_id),
  CONSTRAINT creators_subscription_tier_check
    CHECK (subscription_tier IN ('basic', 'pro', 'enterprise'))
);
SELECT pg_catalog.pg_extension_config_dump('learning.creators', '');

COMMENT ON TABLE learning.creators IS
  'Creator accounts (Whop company owners) using the platform.';
COMMENT ON COLUMN learning.creators.id IS 'Primary key.';
COMMENT ON COLUMN learning.creators.whop_company_id IS 'Unique Whop company identifier.';
COMMENT ON COLUMN learning.creators.whop_user_id IS 'Whop user id used for authentication.';
COMMENT ON COLUMN learning.creators.email IS 'Creator email address.';
COMMENT ON COLUMN learning.creators.name IS 'Creator display name.';
COMMENT ON COLUMN learning.creators.subscription_tier IS 'Pricing tier: basic, pro or enterprise.';
COMMENT ON COLUMN learning.creators.settings IS 'Creator preferences and configuration.';
COMMENT ON COLUMN learning.creators.created_at IS 'Account creation time.';
COMMENT ON COLUMN learning.creators.updated_at IS 'Last update time (maintained by trigger).';
COMMENT ON COLUMN learning.creators.last_login_at IS 'Last authentication time.';
COMMENT ON COLUMN learning.creators.is_active IS 'Account status.';

CREATE TABLE learning.students (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  whop_user_id text NOT NULL,
  whop_membership_id text NOT NULL,
  creator_id uuid NOT NULL REFERENCES learning.creators (id) ON DELETE CASCADE,
  email text NOT NULL,
  name text,
  preferences jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  last_active_at timestamptz,
  is_active boolean NOT NULL DEFAULT true,
  CONSTRAINT students_whop_user_id_key UNIQUE (whop_user_id)
);
SELECT pg_catalog.pg_extension_config_dump('learning.students', '');

COMMENT ON TABLE learning.students IS
  'Students with a Whop membership, each belonging to one creator.';
COMMENT ON COLUMN learning.students.id IS 'Primary key.';
COMMENT ON COLUMN learning.students.whop_user_id IS 'Unique Whop user identifier.';
COMMENT ON COLUMN learning.students.whop_membership_id IS 'Active Whop membership id.';
COMMENT ON COLUMN learning.students.creator_id IS 'The creator whose content the student may see.';
COMMENT ON COLUMN learning.students.email IS 'Student email address.';
COMMENT ON COLUMN learning.students.name IS 'Student display name.';
COMMENT ON COLUMN learning.students.preferences IS 'Student settings (playback speed, theme, ...).';
COMMENT ON COLUMN learning.students.created_at IS 'Account creation time.';
COMMENT ON COLUMN learning.students.updated_at IS 'Last update time (maintained by trigger).';
COMMENT ON COLUMN learning.students.last_active_at IS 'Last activity time.';
COMMENT ON COLUMN learning.students.is_active IS 'Membership status.';

CREATE TABLE learning.videos (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  creator_id uuid NOT NULL REFERENCES learning.creators (id) ON DELETE CASCADE,
  title text NOT NULL,
  description text,
  url text,
  storage_path text,
  thumbnail_url text,
  duration_seconds integer,
  transcript text,
  transcript_language text NOT NULL DEFAULT 'en',
  status text NOT NULL DEFAULT 'pending',
  error_message text,
  processing_started_at timestamptz,
  processing_completed_at timestamptz,
  file_size_bytes bigint,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  is_deleted boolean NOT NULL DEFAULT false,
  source_type text NOT NULL DEFAULT 'upload',
  youtube_video_id text,
  youtube_channel_id text,
  whop_lesson_id text,
  mux_asset_id text,
  mux_playback_id text,
  embed_type text,
  embed_id text,
  CONSTRAINT videos_status_check CHECK (status IN (
    'pending', 'uploading', 'transcribing', 'processing', 'embedding', 'completed', 'failed'
  )),
  CONSTRAINT videos_source_type_check
    CHECK (source_type IN ('youtube', 'mux', 'loom', 'upload')),
  CONSTRAINT videos_embed_type_check
    CHECK (embed_type IS NULL OR embed_type IN ('youtube', 'loom', 'vimeo', 'wistia')),
  -- Each source is playable only through its own identifier; without it the row is a video
  -- nobody can watch.
  CONSTRAINT videos_source_validation CHECK (
    (source_type = 'youtube' AND youtube_video_id IS NOT NULL)
    OR (source_type = 'mux' AND mux_playback_id IS NOT NULL)
    OR (source_type = 'loom' AND embed_id IS NOT NULL)
    OR (source_type = 'upload' AND storage_path IS NOT NULL)
  ),
  CONSTRAINT videos_duration_seconds_check CHECK (duration_seconds >= 0),
  CONSTRAINT videos_file_size_bytes_check CHECK (file_size_bytes >= 0)
);
SELECT pg_catalog.pg_extension_config_dump('learning.videos', '');

COMMENT ON TABLE learning.videos IS
  'Videos from YouTube, Mux, Loom or direct upload, with their processing status.';
COMMENT ON COLUMN learning.videos.id IS 'Primary key.';
COMMENT ON COLUMN learning.videos.creator_id IS 'Owning creator.';
COMMENT ON COLUMN learning.videos.title IS 'Video title.';
COMMENT ON COLUMN learning.videos.description IS 'Video description.';
COMMENT ON COLUMN learning.videos.url IS 'Original video URL.';
COMMENT ON COLUMN learning.videos.storage_path IS 'Storage path of an uploaded file (source_type upload).';
COMMENT ON COLUMN learning.videos.thumbnail_url IS 'Thumbnail image URL.';
COMMENT ON COLUMN learning.videos.duration_seconds IS 'Video duration in seconds.';
COMMENT ON COLUMN learning.videos.transcript IS 'Full transcript.';
COMMENT ON COLUMN learning.videos.transcript_language IS 'Transcript language code.';
COMMENT ON COLUMN learning.videos.status IS
  'Processing status: pending, uploading, transcribing, processing, embedding, completed, failed.';
COMMENT ON COLUMN learning.videos.error_message IS 'Error details when status is failed.';
COMMENT ON COLUMN learning.videos.processing_started_at IS 'When processing started.';
COMMENT ON COLUMN learning.videos.processing_completed_at IS 'When processing completed.';
COMMENT ON COLUMN learning.videos.file_size_bytes IS 'File size in bytes (uploads only).';
COMMENT ON COLUMN learning.videos.metadata IS 'Additional metadata.';
COMMENT ON COLUMN learning.videos.created_at IS 'Record creation time.';
COMMENT ON COLUMN learning.videos.updated_at IS 'Last update time (maintained by trigger).';
COMMENT ON COLUMN learning.videos.is_deleted IS 'Soft-delete flag; students never see deleted videos.';
COMMENT ON COLUMN learning.videos.source_type IS 'Where the video comes from: youtube, mux, loom, upload.';
COMMENT ON COLUMN learning.videos.youtube_video_id IS 'YouTube video id (11 characters).';
COMMENT ON COLUMN learning.videos.youtube_channel_id IS 'YouTube channel id.';
COMMENT ON COLUMN learning.videos.whop_lesson_id IS 'Whop lesson id, for syncing.';
COMMENT ON COLUMN learning.videos.mux_asset_id IS 'Mux asset id.';
COMMENT ON COLUMN learning.videos.mux_playback_id IS 'Mux playback id (HLS streaming).';
COMMENT ON COLUMN learning.videos.embed_type IS 'Embedding platform: youtube, loom, vimeo, wistia.';
COMMENT ON COLUMN learning.videos.embed_id IS 'Platform-specific video id for embeds.';

-- The seed's vector(1536) needs pgvector; reelbase does not depend on it, so embeddings are
-- real[] with the dimension enforced here (the search issue brings its own index).
CREATE TABLE learning.video_chunks (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  video_id uuid NOT NULL REFERENCES learning.videos (id) ON DELETE CASCADE,
  chunk_index integer NOT NULL,
  chunk_text text NOT NULL,
  embedding real[],
  start_time_seconds integer,
  end_time_seconds integer,
  word_count integer,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT video_chunks_video_id_chunk_index_key UNIQUE (video_id, chunk_index),
  CONSTRAINT video_chunks_chunk_index_check CHECK (chunk_index >= 0),
  CONSTRAINT video_chunks_embedding_dimension CHECK (
    embedding IS NULL
    OR (pg_catalog.array_ndims(embedding) = 1 AND pg_catalog.array_length(embedding, 1) = 1536)
  ),
  CONSTRAINT video_chunks_start_time_seconds_check CHECK (start_time_seconds >= 0),
  CONSTRAINT video_chunks_end_time_seconds_check
    CHECK (end_time_seconds >= 0 AND end_time_seconds >= start_time_seconds),
  CONSTRAINT video_chunks_word_count_check CHECK (word_count >= 0)
);
SELECT pg_catalog.pg_extension_config_dump('learning.video_chunks', '');

COMMENT ON TABLE learning.video_chunks IS
  'Transcript chunks of a video with their embeddings, for retrieval-augmented chat.';
COMMENT ON COLUMN learning.video_chunks.id IS 'Primary key.';
COMMENT ON COLUMN learning.video_chunks.video_id IS 'The video the chunk belongs to.';
COMMENT ON COLUMN learning.video_chunks.chunk_index IS 'Position of the chunk in the transcript (0-based).';
COMMENT ON COLUMN learning.video_chunks.chunk_text IS 'Transcript text of the chunk.';
COMMENT ON COLUMN learning.video_chunks.embedding IS
  'Embedding of chunk_text: 1536 reals (OpenAI ada-002), NULL until embedded.';
COMMENT ON COLUMN learning.video_chunks.start_time_seconds IS 'Chunk start offset in the video.';
COMMENT ON COLUMN learning.video_chunks.end_time_seconds IS 'Chunk end offset in the video.';
COMMENT ON COLUMN learning.video_chunks.word_count IS 'Number of words in the chunk.';
COMMENT ON COLUMN learning.video_chunks.metadata IS 'Additional chunk metadata.';
COMMENT ON COLUMN learning.video_chunks.created_at IS 'Record creation time.';

CREATE TABLE learning.courses (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  creator_id uuid NOT NULL REFERENCES learning.creators (id) ON DELETE CASCADE,
  title text NOT NULL,
  description text,
  thumbnail_url text,
  is_published boolean NOT NULL DEFAULT false,
  display_order integer NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  published_at timestamptz,
  is_deleted boolean NOT NULL DEFAULT false
);
SELECT pg_catalog.pg_extension_config_dump('learning.courses', '');

COMMENT ON TABLE learning.courses IS 'Courses of a creator, made of modules and lessons.';
COMMENT ON COLUMN learning.courses.id IS 'Primary key.';
COMMENT ON COLUMN learning.courses.creator_id IS 'Owning creator.';
COMMENT ON COLUMN learning.courses.title IS 'Course title.';
COMMENT ON COLUMN learning.courses.description IS 'Course description.';
COMMENT ON COLUMN learning.courses.thumbnail_url IS 'Course thumbnail image URL.';
COMMENT ON COLUMN learning.courses.is_published IS 'Whether students can see the course.';
COMMENT ON COLUMN learning.courses.display_order IS 'Sort order in the creator''s course list.';
COMMENT ON COLUMN learning.courses.metadata IS 'Additional course metadata.';
COMMENT ON COLUMN learning.courses.created_at IS 'Record creation time.';
COMMENT ON COLUMN learning.courses.updated_at IS 'Last update time (maintained by trigger).';
COMMENT ON COLUMN learning.courses.published_at IS 'Publication time.';
COMMENT ON COLUMN learning.courses.is_deleted IS 'Soft-delete flag; students never see deleted courses.';

CREATE TABLE learning.course_modules (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  course_id uuid NOT NULL REFERENCES learning.courses (id) ON DELETE CASCADE,
  title text NOT NULL,
  description text,
  video_ids text[] DEFAULT '{}',
  display_order integer NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
SELECT pg_catalog.pg_extension_config_dump('learning.course_modules', '');

COMMENT ON TABLE learning.course_modules IS 'Modules of a course, each grouping lessons.';
COMMENT ON COLUMN learning.course_modules.id IS 'Primary key.';
COMMENT ON COLUMN learning.course_modules.course_id IS 'The course the module belongs to.';
COMMENT ON COLUMN learning.course_modules.title IS 'Module title.';
COMMENT ON COLUMN learning.course_modules.description IS 'Module description.';
COMMENT ON COLUMN learning.course_modules.video_ids IS
  'DEPRECATED: video ids of the module; use learning.module_lessons.';
COMMENT ON COLUMN learning.course_modules.display_order IS 'Sort order within the course.';
COMMENT ON COLUMN learning.course_modules.metadata IS 'Additional module metadata.';
COMMENT ON COLUMN learning.course_modules.created_at IS 'Record creation time.';
COMMENT ON COLUMN learning.course_modules.updated_at IS 'Last update time (maintained by trigger).';

-- UNIQUE (module_id, video_id) is the seed's idx_module_lessons_unique_video_per_module,
-- created as a unique index in 11_learning_indexes.sql under that name.
CREATE TABLE learning.module_lessons (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  module_id uuid NOT NULL REFERENCES learning.course_modules (id) ON DELETE CASCADE,
  video_id uuid NOT NULL REFERENCES learning.videos (id) ON DELETE CASCADE,
  lesson_order integer NOT NULL,
  title text NOT NULL,
  description text,
  is_required boolean NOT NULL DEFAULT true,
  estimated_duration_minutes integer,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT module_lessons_lesson_order_check CHECK (lesson_order > 0),
  CONSTRAINT module_lessons_estimated_duration_minutes_check
    CHECK (estimated_duration_minutes IS NULL OR estimated_duration_minutes > 0)
);
SELECT pg_catalog.pg_extension_config_dump('learning.module_lessons', '');

COMMENT ON TABLE learning.module_lessons IS
  'Lessons: the ordered videos of a module (a video may appear in many modules).';
COMMENT ON COLUMN learning.module_lessons.id IS 'Primary key.';
COMMENT ON COLUMN learning.module_lessons.module_id IS 'The module the lesson belongs to.';
COMMENT ON COLUMN learning.module_lessons.video_id IS 'The video the lesson plays.';
COMMENT ON COLUMN learning.module_lessons.lesson_order IS 'Position within the module (1-based).';
COMMENT ON COLUMN learning.module_lessons.title IS 'Lesson title (may differ from the video title).';
COMMENT ON COLUMN learning.module_lessons.description IS 'Lesson description or objectives.';
COMMENT ON COLUMN learning.module_lessons.is_required IS 'Whether students must complete the lesson.';
COMMENT ON COLUMN learning.module_lessons.estimated_duration_minutes IS 'Estimated completion time.';
COMMENT ON COLUMN learning.module_lessons.metadata IS 'Additional lesson metadata.';
COMMENT ON COLUMN learning.module_lessons.created_at IS 'Record creation time.';
COMMENT ON COLUMN learning.module_lessons.updated_at IS 'Last update time (maintained by trigger).';

-- 0.1.0/10_learning_tables_engagement.sql
-- learning (seed 003 "Chronos"), part 2 of 2: chat, analytics, watch history and usage.
-- Needs the tables of 10_learning_tables_content.sql.

CREATE TABLE learning.chat_sessions (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  student_id uuid NOT NULL REFERENCES learning.students (id) ON DELETE CASCADE,
  creator_id uuid NOT NULL REFERENCES learning.creators (id) ON DELETE CASCADE,
  title text,
  context_video_ids text[] NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  last_message_at timestamptz
);
SELECT pg_catalog.pg_extension_config_dump('learning.chat_sessions', '');

COMMENT ON TABLE learning.chat_sessions IS 'A student''s conversations with the AI assistant.';
COMMENT ON COLUMN learning.chat_sessions.id IS 'Primary key.';
COMMENT ON COLUMN learning.chat_sessions.student_id IS 'The student who owns the session.';
COMMENT ON COLUMN learning.chat_sessions.creator_id IS
  'The student''s creator, whose videos the assistant answers from.';
COMMENT ON COLUMN learning.chat_sessions.title IS 'Session title (generated or custom).';
COMMENT ON COLUMN learning.chat_sessions.context_video_ids IS 'Ids of the videos in the chat context.';
COMMENT ON COLUMN learning.chat_sessions.metadata IS 'Additional session metadata.';
COMMENT ON COLUMN learning.chat_sessions.created_at IS 'Session creation time.';
COMMENT ON COLUMN learning.chat_sessions.updated_at IS 'Last update time (maintained by trigger).';
COMMENT ON COLUMN learning.chat_sessions.last_message_at IS 'Time of the last message.';

CREATE TABLE learning.chat_messages (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES learning.chat_sessions (id) ON DELETE CASCADE,
  role text NOT NULL,
  content text NOT NULL,
  video_references jsonb NOT NULL DEFAULT '[]',
  token_count integer,
  model text,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT chat_messages_role_check CHECK (role IN ('user', 'assistant', 'system')),
  CONSTRAINT chat_messages_token_count_check CHECK (token_count >= 0)
);
SELECT pg_catalog.pg_extension_config_dump('learning.chat_messages', '');

COMMENT ON TABLE learning.chat_messages IS 'Messages of a chat session.';
COMMENT ON COLUMN learning.chat_messages.id IS 'Primary key.';
COMMENT ON COLUMN learning.chat_messages.session_id IS 'The session the message belongs to.';
COMMENT ON COLUMN learning.chat_messages.role IS 'Author: user, assistant or system.';
COMMENT ON COLUMN learning.chat_messages.content IS 'Message text.';
COMMENT ON COLUMN learning.chat_messages.video_references IS 'Video chunks cited by the message.';
COMMENT ON COLUMN learning.chat_messages.token_count IS 'AI tokens used, when known.';
COMMENT ON COLUMN learning.chat_messages.model IS 'AI model that produced the message.';
COMMENT ON COLUMN learning.chat_messages.metadata IS 'Additional message metadata.';
COMMENT ON COLUMN learning.chat_messages.created_at IS 'Message creation time.';

-- Deviation from the seed: UNIQUE (video_id, date). The daily rollup upserts one row per
-- video and day (INSERT ... ON CONFLICT), which needs this key.
CREATE TABLE learning.video_analytics (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  video_id uuid NOT NULL REFERENCES learning.videos (id) ON DELETE CASCADE,
  date date NOT NULL,
  views integer NOT NULL DEFAULT 0,
  unique_viewers integer NOT NULL DEFAULT 0,
  total_watch_time_seconds integer NOT NULL DEFAULT 0,
  average_watch_time_seconds integer NOT NULL DEFAULT 0,
  completion_rate numeric(5, 2) NOT NULL DEFAULT 0,
  ai_interactions integer NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT video_analytics_video_id_date_key UNIQUE (video_id, date),
  CONSTRAINT video_analytics_counters_check CHECK (
    views >= 0 AND unique_viewers >= 0 AND total_watch_time_seconds >= 0
    AND average_watch_time_seconds >= 0 AND ai_interactions >= 0
  ),
  CONSTRAINT video_analytics_completion_rate_check
    CHECK (completion_rate >= 0 AND completion_rate <= 100)
);
SELECT pg_catalog.pg_extension_config_dump('learning.video_analytics', '');

COMMENT ON TABLE learning.video_analytics IS
  'Daily per-video performance rollup (one row per video and day).';
COMMENT ON COLUMN learning.video_analytics.id IS 'Primary key.';
COMMENT ON COLUMN learning.video_analytics.video_id IS 'The video measured.';
COMMENT ON COLUMN learning.video_analytics.date IS 'The day aggregated.';
COMMENT ON COLUMN learning.video_analytics.views IS 'Views on that day.';
COMMENT ON COLUMN learning.video_analytics.unique_viewers IS 'Distinct students who viewed.';
COMMENT ON COLUMN learning.video_analytics.total_watch_time_seconds IS 'Sum of watch time.';
COMMENT ON COLUMN learning.video_analytics.average_watch_time_seconds IS 'Average watch time per view.';
COMMENT ON COLUMN learning.video_analytics.completion_rate IS 'Percentage of viewers who completed (0-100).';
COMMENT ON COLUMN learning.video_analytics.ai_interactions IS 'Chat messages about the video.';
COMMENT ON COLUMN learning.video_analytics.metadata IS 'Additional analytics metadata.';
COMMENT ON COLUMN learning.video_analytics.created_at IS 'Record creation time.';
COMMENT ON COLUMN learning.video_analytics.updated_at IS 'Last update time (maintained by trigger).';

CREATE TABLE learning.video_analytics_events (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  event_type text NOT NULL,
  video_id uuid NOT NULL REFERENCES learning.videos (id) ON DELETE CASCADE,
  creator_id uuid NOT NULL REFERENCES learning.creators (id) ON DELETE CASCADE,
  student_id uuid REFERENCES learning.students (id) ON DELETE CASCADE,
  -- Events outlive the course structure they happened in: dropping a course keeps the
  -- viewing history and only forgets where it happened.
  course_id uuid REFERENCES learning.courses (id) ON DELETE SET NULL,
  module_id uuid REFERENCES learning.course_modules (id) ON DELETE SET NULL,
  metadata jsonb NOT NULL DEFAULT '{}',
  "timestamp" timestamptz NOT NULL DEFAULT pg_catalog.now(),
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT video_analytics_events_event_type_check CHECK (event_type IN (
    'video_imported', 'video_transcribed', 'video_embedded', 'video_added_to_course',
    'video_started', 'video_progress', 'video_completed', 'video_rewatched'
  ))
);
SELECT pg_catalog.pg_extension_config_dump('learning.video_analytics_events', '');

COMMENT ON TABLE learning.video_analytics_events IS
  'Append-only log of video lifecycle events and student viewing events.';
COMMENT ON COLUMN learning.video_analytics_events.id IS 'Primary key.';
COMMENT ON COLUMN learning.video_analytics_events.event_type IS
  'video_imported, video_transcribed, video_embedded, video_added_to_course, video_started, '
  'video_progress, video_completed or video_rewatched.';
COMMENT ON COLUMN learning.video_analytics_events.video_id IS 'The video concerned.';
COMMENT ON COLUMN learning.video_analytics_events.creator_id IS 'The video''s creator.';
COMMENT ON COLUMN learning.video_analytics_events.student_id IS
  'The student who caused the event; NULL for creator and lifecycle events.';
COMMENT ON COLUMN learning.video_analytics_events.course_id IS 'Course context, if any.';
COMMENT ON COLUMN learning.video_analytics_events.module_id IS 'Module context, if any.';
COMMENT ON COLUMN learning.video_analytics_events.metadata IS
  'Event-specific data (e.g. percent_complete and watch_time_seconds for video_progress).';
COMMENT ON COLUMN learning.video_analytics_events."timestamp" IS 'When the event occurred.';
COMMENT ON COLUMN learning.video_analytics_events.created_at IS 'When the event was recorded.';

-- Watch history is permanent: no role may DELETE (see 15_learning_grants.sql); rows go only
-- when their video or student is deleted outright.
CREATE TABLE learning.video_watch_sessions (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  video_id uuid NOT NULL REFERENCES learning.videos (id) ON DELETE CASCADE,
  student_id uuid NOT NULL REFERENCES learning.students (id) ON DELETE CASCADE,
  session_start timestamptz NOT NULL DEFAULT pg_catalog.now(),
  session_end timestamptz,
  watch_time_seconds integer NOT NULL DEFAULT 0,
  percent_complete integer NOT NULL DEFAULT 0,
  completed boolean NOT NULL DEFAULT false,
  device_type text,
  referrer_type text,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT video_watch_sessions_percent_complete_check
    CHECK (percent_complete >= 0 AND percent_complete <= 100),
  CONSTRAINT video_watch_sessions_watch_time_seconds_check CHECK (watch_time_seconds >= 0),
  CONSTRAINT video_watch_sessions_session_end_check
    CHECK (session_end IS NULL OR session_end >= session_start),
  CONSTRAINT video_watch_sessions_device_type_check
    CHECK (device_type IS NULL OR device_type IN ('desktop', 'mobile', 'tablet')),
  CONSTRAINT video_watch_sessions_referrer_type_check CHECK (
    referrer_type IS NULL
    OR referrer_type IN ('course_page', 'direct_link', 'search', 'chat_reference')
  )
);
SELECT pg_catalog.pg_extension_config_dump('learning.video_watch_sessions', '');

COMMENT ON TABLE learning.video_watch_sessions IS
  'One row per viewing session of a student on a video; permanent history (no DELETE).';
COMMENT ON COLUMN learning.video_watch_sessions.id IS 'Primary key.';
COMMENT ON COLUMN learning.video_watch_sessions.video_id IS 'The video watched.';
COMMENT ON COLUMN learning.video_watch_sessions.student_id IS 'The student watching.';
COMMENT ON COLUMN learning.video_watch_sessions.session_start IS 'When the student started watching.';
COMMENT ON COLUMN learning.video_watch_sessions.session_end IS
  'When the student stopped watching; NULL while the session is active.';
COMMENT ON COLUMN learning.video_watch_sessions.watch_time_seconds IS
  'Time actually watched, excluding pauses.';
COMMENT ON COLUMN learning.video_watch_sessions.percent_complete IS 'Share of the video watched (0-100).';
COMMENT ON COLUMN learning.video_watch_sessions.completed IS
  'True once 90% or more was watched (set by trigger, never cleared by it).';
COMMENT ON COLUMN learning.video_watch_sessions.device_type IS 'desktop, mobile or tablet.';
COMMENT ON COLUMN learning.video_watch_sessions.referrer_type IS
  'course_page, direct_link, search or chat_reference.';
COMMENT ON COLUMN learning.video_watch_sessions.metadata IS 'Playback speed, quality, etc.';
COMMENT ON COLUMN learning.video_watch_sessions.created_at IS 'Record creation time.';
COMMENT ON COLUMN learning.video_watch_sessions.updated_at IS 'Last update time (maintained by trigger).';

-- Deviation from the seed: UNIQUE (creator_id, date), for the same reason as
-- video_analytics: the daily usage rollup upserts one row per creator and day.
CREATE TABLE learning.usage_metrics (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  creator_id uuid NOT NULL REFERENCES learning.creators (id) ON DELETE CASCADE,
  date date NOT NULL,
  storage_used_bytes bigint NOT NULL DEFAULT 0,
  videos_uploaded integer NOT NULL DEFAULT 0,
  total_video_duration_seconds integer NOT NULL DEFAULT 0,
  ai_credits_used integer NOT NULL DEFAULT 0,
  transcription_minutes integer NOT NULL DEFAULT 0,
  chat_messages_sent integer NOT NULL DEFAULT 0,
  active_students integer NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT usage_metrics_creator_id_date_key UNIQUE (creator_id, date),
  CONSTRAINT usage_metrics_counters_check CHECK (
    storage_used_bytes >= 0 AND videos_uploaded >= 0 AND total_video_duration_seconds >= 0
    AND ai_credits_used >= 0 AND transcription_minutes >= 0 AND chat_messages_sent >= 0
    AND active_students >= 0
  )
);
SELECT pg_catalog.pg_extension_config_dump('learning.usage_metrics', '');

COMMENT ON TABLE learning.usage_metrics IS
  'Daily per-creator usage rollup for billing and limits (one row per creator and day).';
COMMENT ON COLUMN learning.usage_metrics.id IS 'Primary key.';
COMMENT ON COLUMN learning.usage_metrics.creator_id IS 'The creator measured.';
COMMENT ON COLUMN learning.usage_metrics.date IS 'The day aggregated.';
COMMENT ON COLUMN learning.usage_metrics.storage_used_bytes IS 'Total storage used.';
COMMENT ON COLUMN learning.usage_metrics.videos_uploaded IS 'Videos uploaded that day.';
COMMENT ON COLUMN learning.usage_metrics.total_video_duration_seconds IS 'Total video duration.';
COMMENT ON COLUMN learning.usage_metrics.ai_credits_used IS 'AI API credits consumed.';
COMMENT ON COLUMN learning.usage_metrics.transcription_minutes IS 'Transcription minutes processed.';
COMMENT ON COLUMN learning.usage_metrics.chat_messages_sent IS 'Chat messages sent.';
COMMENT ON COLUMN learning.usage_metrics.active_students IS 'Distinct active students.';
COMMENT ON COLUMN learning.usage_metrics.metadata IS 'Additional usage metadata.';
COMMENT ON COLUMN learning.usage_metrics.created_at IS 'Record creation time.';
COMMENT ON COLUMN learning.usage_metrics.updated_at IS 'Last update time (maintained by trigger).';

-- 0.1.0/11_learning_indexes.sql
-- learning indexes: every index seed 003 lists, under the seed's names, plus what the
-- foreign keys need so ON DELETE CASCADE / SET NULL never scans a whole table.
--
-- Not created, on purpose:
-- * idx_creators_whop_company_id and idx_students_whop_user_id: the UNIQUE constraints
--   creators_whop_company_id_key and students_whop_user_id_key already index exactly those
--   columns; a second identical btree would only double the write cost.
-- * idx_video_chunks_embedding (IVFFlat): needs pgvector; the search issue adds its own.

-- creators
CREATE INDEX idx_creators_subscription_tier ON learning.creators (subscription_tier);
CREATE INDEX idx_creators_is_active ON learning.creators (is_active);

-- students
CREATE INDEX idx_students_whop_membership_id ON learning.students (whop_membership_id);
CREATE INDEX idx_students_creator_id ON learning.students (creator_id);
CREATE INDEX idx_students_is_active ON learning.students (is_active);

-- videos
CREATE INDEX idx_videos_creator_id ON learning.videos (creator_id);
CREATE INDEX idx_videos_status ON learning.videos (status);
CREATE INDEX idx_videos_created_at ON learning.videos (created_at);
CREATE INDEX idx_videos_is_deleted ON learning.videos (is_deleted);
CREATE INDEX idx_videos_source_type ON learning.videos (source_type);
-- The external ids are set only for their own source, so partial indexes skip the NULLs
-- that most rows carry; lookups by id (WHERE x = $1) imply x IS NOT NULL and can use them.
CREATE INDEX idx_videos_youtube_video_id ON learning.videos (youtube_video_id)
  WHERE youtube_video_id IS NOT NULL;
CREATE INDEX idx_videos_whop_lesson_id ON learning.videos (whop_lesson_id)
  WHERE whop_lesson_id IS NOT NULL;
CREATE INDEX idx_videos_mux_asset_id ON learning.videos (mux_asset_id)
  WHERE mux_asset_id IS NOT NULL;
CREATE INDEX idx_videos_mux_playback_id ON learning.videos (mux_playback_id)
  WHERE mux_playback_id IS NOT NULL;
CREATE INDEX idx_videos_embed_type ON learning.videos (embed_type)
  WHERE embed_type IS NOT NULL;

-- video_chunks (the UNIQUE (video_id, chunk_index) index covers this too; kept because the
-- seed names it and it is the smaller index for "all chunks of a video")
CREATE INDEX idx_video_chunks_video_id ON learning.video_chunks (video_id);

-- courses and modules: "ordered list" only makes sense within one parent, so the order
-- indexes lead with the parent id.
CREATE INDEX idx_courses_creator_id ON learning.courses (creator_id);
CREATE INDEX idx_courses_is_published ON learning.courses (is_published);
CREATE INDEX idx_courses_display_order ON learning.courses (creator_id, display_order);
CREATE INDEX idx_course_modules_course_id ON learning.course_modules (course_id);
CREATE INDEX idx_course_modules_display_order
  ON learning.course_modules (course_id, display_order);

-- module_lessons
CREATE INDEX idx_module_lessons_module_id ON learning.module_lessons (module_id);
CREATE INDEX idx_module_lessons_video_id ON learning.module_lessons (video_id);
CREATE INDEX idx_module_lessons_module_order
  ON learning.module_lessons (module_id, lesson_order);
CREATE UNIQUE INDEX idx_module_lessons_unique_video_per_module
  ON learning.module_lessons (module_id, video_id);

-- chat
CREATE INDEX idx_chat_sessions_student_id ON learning.chat_sessions (student_id);
CREATE INDEX idx_chat_sessions_creator_id ON learning.chat_sessions (creator_id);
CREATE INDEX idx_chat_messages_session_id ON learning.chat_messages (session_id);

-- video_analytics
CREATE INDEX idx_video_analytics_video_id ON learning.video_analytics (video_id);
CREATE INDEX idx_video_analytics_date ON learning.video_analytics (date);

-- video_analytics_events. The seed names these idx_video_analytics_*, which collides with
-- video_analytics' own idx_video_analytics_video_id (index names are unique per schema), so
-- they are renamed idx_video_analytics_events_*.
CREATE INDEX idx_video_analytics_events_video_id
  ON learning.video_analytics_events (video_id);
CREATE INDEX idx_video_analytics_events_creator_id
  ON learning.video_analytics_events (creator_id);
CREATE INDEX idx_video_analytics_events_student_id
  ON learning.video_analytics_events (student_id);
CREATE INDEX idx_video_analytics_events_event_type
  ON learning.video_analytics_events (event_type);
CREATE INDEX idx_video_analytics_events_timestamp
  ON learning.video_analytics_events ("timestamp");
CREATE INDEX idx_video_analytics_events_course_events
  ON learning.video_analytics_events (course_id, event_type, "timestamp");
CREATE INDEX idx_video_analytics_events_student_events
  ON learning.video_analytics_events (student_id, video_id, event_type, "timestamp");
-- Not in the seed: module_id has no index leading with it, and deleting a module would
-- otherwise scan the whole event log for its ON DELETE SET NULL. Most events carry no
-- module, hence partial.
CREATE INDEX idx_video_analytics_events_module_id
  ON learning.video_analytics_events (module_id)
  WHERE module_id IS NOT NULL;

-- video_watch_sessions
CREATE INDEX idx_video_watch_sessions_video_id ON learning.video_watch_sessions (video_id);
CREATE INDEX idx_video_watch_sessions_student_id ON learning.video_watch_sessions (student_id);
-- Serves "has this student completed this video" and per-video completion counts.
CREATE INDEX idx_video_watch_sessions_completed
  ON learning.video_watch_sessions (video_id, student_id)
  WHERE completed;
CREATE INDEX idx_video_watch_sessions_student_video
  ON learning.video_watch_sessions (student_id, video_id, session_start);
CREATE INDEX idx_video_watch_sessions_start ON learning.video_watch_sessions (session_start);
-- Serves "the student's open session on this video", which the player resumes.
CREATE INDEX idx_video_watch_sessions_active
  ON learning.video_watch_sessions (student_id, video_id)
  WHERE session_end IS NULL;

-- usage_metrics
CREATE INDEX idx_usage_metrics_creator_id ON learning.usage_metrics (creator_id);
CREATE INDEX idx_usage_metrics_date ON learning.usage_metrics (date);

-- 0.1.0/12_learning_triggers.sql
-- learning triggers: updated_at stamping and watch-session auto-completion.

-- updated_at is stamped by the database, not trusted from the client, on every table that
-- has the column.
CREATE TRIGGER creators_updated_at_trigger
  BEFORE UPDATE ON learning.creators
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER students_updated_at_trigger
  BEFORE UPDATE ON learning.students
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER videos_updated_at_trigger
  BEFORE UPDATE ON learning.videos
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER courses_updated_at_trigger
  BEFORE UPDATE ON learning.courses
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER course_modules_updated_at_trigger
  BEFORE UPDATE ON learning.course_modules
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER module_lessons_updated_at_trigger
  BEFORE UPDATE ON learning.module_lessons
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER chat_sessions_updated_at_trigger
  BEFORE UPDATE ON learning.chat_sessions
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER video_analytics_updated_at_trigger
  BEFORE UPDATE ON learning.video_analytics
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER video_watch_sessions_updated_at_trigger
  BEFORE UPDATE ON learning.video_watch_sessions
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER usage_metrics_updated_at_trigger
  BEFORE UPDATE ON learning.usage_metrics
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();

COMMENT ON TRIGGER creators_updated_at_trigger ON learning.creators IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER students_updated_at_trigger ON learning.students IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER videos_updated_at_trigger ON learning.videos IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER courses_updated_at_trigger ON learning.courses IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER course_modules_updated_at_trigger ON learning.course_modules IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER module_lessons_updated_at_trigger ON learning.module_lessons IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER chat_sessions_updated_at_trigger ON learning.chat_sessions IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER video_analytics_updated_at_trigger ON learning.video_analytics IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER video_watch_sessions_updated_at_trigger ON learning.video_watch_sessions IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER usage_metrics_updated_at_trigger ON learning.usage_metrics IS
  'Stamps updated_at on every update.';

-- A player reports progress, not completion; deriving completed here keeps the 90% rule in
-- one place. It only ever sets completed: a later report of lower progress (rewatching
-- from the start) must not undo a completion already earned.
CREATE FUNCTION learning.video_watch_sessions_auto_complete()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
PARALLEL SAFE
SET search_path = pg_catalog
AS $$
BEGIN
  -- completed is derived, never taken from the writer: a student (who may write their own
  -- sessions) cannot mark a video completed without reaching 90%. Once reached it stays.
  IF TG_OP = 'INSERT' THEN
    NEW.completed := NEW.percent_complete >= 90;
  ELSE
    NEW.completed := OLD.completed OR NEW.percent_complete >= 90;
  END IF;
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION learning.video_watch_sessions_auto_complete() IS
  'BEFORE INSERT OR UPDATE row trigger on learning.video_watch_sessions: completed is true '
  'once percent_complete has reached 90 (sticky); a written value of completed is ignored.';

CREATE TRIGGER video_watch_sessions_auto_complete_trigger
  BEFORE INSERT OR UPDATE ON learning.video_watch_sessions
  FOR EACH ROW EXECUTE FUNCTION learning.video_watch_sessions_auto_complete();

COMMENT ON TRIGGER video_watch_sessions_auto_complete_trigger ON learning.video_watch_sessions IS
  'Marks the session completed once percent_complete >= 90.';

-- 0.1.0/13_learning_identity.sql
-- learning identity: who the current end user is, as the policies need it.
--
-- A policy on table A that queries table B runs B's policies too; a policy that had to read
-- learning.students under RLS to find the caller's creator would depend on the students
-- policies, which themselves need the caller's identity. These functions read creators and
-- students as their owner (SECURITY DEFINER, and the owner is not subject to RLS on its own
-- tables) and return only the caller's own ids, so they leak nothing and cannot recurse.
-- Policies call them wrapped in a scalar subquery, (SELECT learning.current_creator_id()),
-- so they run once per query as an InitPlan rather than once per row.
--
-- An inactive account (is_active = false: a cancelled Whop membership or a disabled creator)
-- has no identity, so it sees nothing until it is reactivated.
--
-- search_path is pinned to pg_catalog, pg_temp (pg_temp last so a caller's temporary table
-- cannot shadow anything) and every reference is schema-qualified.

CREATE FUNCTION learning.current_creator_id()
RETURNS uuid
LANGUAGE sql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT c.id
  FROM learning.creators AS c
  WHERE c.id = reelbase.current_user_id() AND c.is_active
$$;

COMMENT ON FUNCTION learning.current_creator_id() IS
  'The current identity (reelbase.current_user_id()) if it is an active learning.creators '
  'id, else NULL.';

CREATE FUNCTION learning.current_student_id()
RETURNS uuid
LANGUAGE sql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.id
  FROM learning.students AS s
  WHERE s.id = reelbase.current_user_id() AND s.is_active
$$;

COMMENT ON FUNCTION learning.current_student_id() IS
  'The current identity (reelbase.current_user_id()) if it is an active learning.students '
  'id, else NULL.';

CREATE FUNCTION learning.current_student_creator_id()
RETURNS uuid
LANGUAGE sql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.creator_id
  FROM learning.students AS s
  WHERE s.id = reelbase.current_user_id() AND s.is_active
$$;

COMMENT ON FUNCTION learning.current_student_creator_id() IS
  'The creator of the current student (as stored before the current statement), or NULL '
  'when the identity is not a student.';

REVOKE ALL ON FUNCTION
  learning.current_creator_id(),
  learning.current_student_id(),
  learning.current_student_creator_id()
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
  learning.current_creator_id(),
  learning.current_student_id(),
  learning.current_student_creator_id()
  TO reelbase_app, reelbase_admin;

-- 0.1.0/14_learning_rls_content.sql
-- learning row level security, part 1 of 2: accounts and content (seed 003, "Row Level
-- Security"). Part 2 is 16_learning_rls_engagement.sql.
--
-- Model: reelbase_app acts for one end user per transaction (reelbase.set_user_id); that
-- user is a creator or a student, found through the SECURITY DEFINER helpers of
-- 13_learning_identity.sql. With no identity set every helper is NULL and every end-user
-- policy is false, so reelbase_app sees nothing. reelbase_admin gets explicit policies
-- instead of BYPASSRLS. RLS is enabled, not forced: the owner (the installing DBA) and
-- foreign-key actions are not filtered.
--
-- Subqueries on other learning tables inside a policy are themselves filtered by those
-- tables' policies; no chain of them leads back to its own table, so nothing recurses.
-- Column references inside such subqueries are qualified with the policy's table name
-- because an unqualified creator_id or id would bind to the subquery's table.

ALTER TABLE learning.creators ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.students ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.videos ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.video_chunks ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.courses ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.course_modules ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.module_lessons ENABLE ROW LEVEL SECURITY;

-- creators: accounts are created and removed by administrators only (Whop onboarding).

CREATE POLICY creators_select_own ON learning.creators
  FOR SELECT TO reelbase_app
  USING (id = (SELECT learning.current_creator_id()));
CREATE POLICY creators_update_own ON learning.creators
  FOR UPDATE TO reelbase_app
  USING (id = (SELECT learning.current_creator_id()))
  WITH CHECK (id = (SELECT learning.current_creator_id()));
CREATE POLICY creators_admin_all ON learning.creators
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY creators_select_own ON learning.creators IS
  'A creator reads their own account.';
COMMENT ON POLICY creators_update_own ON learning.creators IS
  'A creator updates their own account and cannot re-key it.';
COMMENT ON POLICY creators_admin_all ON learning.creators IS
  'Administrators read and change every creator, including INSERT and DELETE.';

-- students

CREATE POLICY students_select_own ON learning.students
  FOR SELECT TO reelbase_app
  USING (id = (SELECT learning.current_student_id()));
-- current_student_creator_id() reads the row as stored before this statement, so the
-- WITH CHECK pins creator_id: a student cannot move to another creator's catalogue.
CREATE POLICY students_update_own ON learning.students
  FOR UPDATE TO reelbase_app
  USING (id = (SELECT learning.current_student_id()))
  WITH CHECK (
    id = (SELECT learning.current_student_id())
    AND creator_id = (SELECT learning.current_student_creator_id())
  );
CREATE POLICY students_select_by_creator ON learning.students
  FOR SELECT TO reelbase_app
  USING (creator_id = (SELECT learning.current_creator_id()));
CREATE POLICY students_admin_all ON learning.students
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY students_select_own ON learning.students IS
  'A student reads their own account.';
COMMENT ON POLICY students_update_own ON learning.students IS
  'A student updates their own account but cannot change its id or creator.';
COMMENT ON POLICY students_select_by_creator ON learning.students IS
  'A creator reads the accounts of their students.';
COMMENT ON POLICY students_admin_all ON learning.students IS
  'Administrators read and change every student.';

-- videos

CREATE POLICY videos_creator_all_own ON learning.videos
  FOR ALL TO reelbase_app
  USING (creator_id = (SELECT learning.current_creator_id()))
  WITH CHECK (creator_id = (SELECT learning.current_creator_id()));
CREATE POLICY videos_student_select ON learning.videos
  FOR SELECT TO reelbase_app
  USING (
    creator_id = (SELECT learning.current_student_creator_id())
    AND NOT is_deleted
  );
CREATE POLICY videos_admin_all ON learning.videos
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY videos_creator_all_own ON learning.videos IS
  'A creator reads, adds, changes and deletes their own videos (soft-deleted ones too).';
COMMENT ON POLICY videos_student_select ON learning.videos IS
  'A student reads their creator''s videos that are not soft-deleted.';
COMMENT ON POLICY videos_admin_all ON learning.videos IS
  'Administrators read and change every video.';

-- video_chunks: written by the processing pipeline (reelbase_admin), read by end users.

CREATE POLICY video_chunks_creator_select ON learning.video_chunks
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.videos AS v
    WHERE v.id = video_chunks.video_id
      AND v.creator_id = (SELECT learning.current_creator_id())
  ));
CREATE POLICY video_chunks_student_select ON learning.video_chunks
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.videos AS v
    WHERE v.id = video_chunks.video_id
      AND v.creator_id = (SELECT learning.current_student_creator_id())
      AND NOT v.is_deleted
  ));
CREATE POLICY video_chunks_admin_all ON learning.video_chunks
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY video_chunks_creator_select ON learning.video_chunks IS
  'A creator reads the chunks of their own videos.';
COMMENT ON POLICY video_chunks_student_select ON learning.video_chunks IS
  'A student reads the chunks of their creator''s videos that are not soft-deleted.';
COMMENT ON POLICY video_chunks_admin_all ON learning.video_chunks IS
  'Administrators (and the processing pipeline) read and change every chunk.';

-- courses

CREATE POLICY courses_creator_all_own ON learning.courses
  FOR ALL TO reelbase_app
  USING (creator_id = (SELECT learning.current_creator_id()))
  WITH CHECK (creator_id = (SELECT learning.current_creator_id()));
CREATE POLICY courses_student_select_published ON learning.courses
  FOR SELECT TO reelbase_app
  USING (
    creator_id = (SELECT learning.current_student_creator_id())
    AND is_published
    AND NOT is_deleted
  );
CREATE POLICY courses_admin_all ON learning.courses
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY courses_creator_all_own ON learning.courses IS
  'A creator reads, adds, changes and deletes their own courses.';
COMMENT ON POLICY courses_student_select_published ON learning.courses IS
  'A student reads their creator''s published courses that are not soft-deleted.';
COMMENT ON POLICY courses_admin_all ON learning.courses IS
  'Administrators read and change every course.';

-- course_modules: ownership comes from the course. The WITH CHECK repeats it so a module
-- cannot be created in, or moved to, another creator's course.

CREATE POLICY course_modules_creator_all_own ON learning.course_modules
  FOR ALL TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.courses AS c
    WHERE c.id = course_modules.course_id
      AND c.creator_id = (SELECT learning.current_creator_id())
  ))
  WITH CHECK (EXISTS (
    SELECT 1 FROM learning.courses AS c
    WHERE c.id = course_modules.course_id
      AND c.creator_id = (SELECT learning.current_creator_id())
  ));
CREATE POLICY course_modules_student_select_published ON learning.course_modules
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.courses AS c
    WHERE c.id = course_modules.course_id
      AND c.creator_id = (SELECT learning.current_student_creator_id())
      AND c.is_published
      AND NOT c.is_deleted
  ));
CREATE POLICY course_modules_admin_all ON learning.course_modules
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY course_modules_creator_all_own ON learning.course_modules IS
  'A creator reads, adds, changes and deletes the modules of their own courses.';
COMMENT ON POLICY course_modules_student_select_published ON learning.course_modules IS
  'A student reads the modules of their creator''s published, non-deleted courses.';
COMMENT ON POLICY course_modules_admin_all ON learning.course_modules IS
  'Administrators read and change every module.';

-- module_lessons: ownership comes from module -> course. A new or changed lesson must also
-- play one of the creator's own videos, or a creator could pull another creator's video
-- into a course.

CREATE POLICY module_lessons_creator_all_own ON learning.module_lessons
  FOR ALL TO reelbase_app
  USING (EXISTS (
    SELECT 1
    FROM learning.course_modules AS m
    JOIN learning.courses AS c ON c.id = m.course_id
    WHERE m.id = module_lessons.module_id
      AND c.creator_id = (SELECT learning.current_creator_id())
  ))
  WITH CHECK (
    EXISTS (
      SELECT 1
      FROM learning.course_modules AS m
      JOIN learning.courses AS c ON c.id = m.course_id
      WHERE m.id = module_lessons.module_id
        AND c.creator_id = (SELECT learning.current_creator_id())
    )
    AND EXISTS (
      SELECT 1 FROM learning.videos AS v
      WHERE v.id = module_lessons.video_id
        AND v.creator_id = (SELECT learning.current_creator_id())
    )
  );
CREATE POLICY module_lessons_student_select_published ON learning.module_lessons
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1
    FROM learning.course_modules AS m
    JOIN learning.courses AS c ON c.id = m.course_id
    WHERE m.id = module_lessons.module_id
      AND c.creator_id = (SELECT learning.current_student_creator_id())
      AND c.is_published
      AND NOT c.is_deleted
  ));
CREATE POLICY module_lessons_admin_all ON learning.module_lessons
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY module_lessons_creator_all_own ON learning.module_lessons IS
  'A creator reads, adds, changes and deletes lessons in their own modules, using only '
  'their own videos.';
COMMENT ON POLICY module_lessons_student_select_published ON learning.module_lessons IS
  'A student reads the lessons of their creator''s published, non-deleted courses.';
COMMENT ON POLICY module_lessons_admin_all ON learning.module_lessons IS
  'Administrators read and change every lesson.';

-- 0.1.0/15_learning_grants.sql
-- learning privileges. Privileges say which statements a role may run at all; the policies
-- of 14 and 16 say which rows. Both must allow an action, so the two exceptions below are
-- enforced twice: a missing privilege fails loudly (42501) where a missing policy would
-- silently match no rows.
--
-- Exceptions:
-- * creators and students: end users update only their profile columns.
-- * video_watch_sessions is permanent history: nobody gets DELETE.
-- * video_analytics and usage_metrics are maintained by the rollups (run as an
--   administrator): reelbase_app only reads them.
-- TRUNCATE, REFERENCES and TRIGGER are not granted to anyone: they bypass or outlive
-- row level security.

GRANT USAGE ON SCHEMA learning TO reelbase_app, reelbase_admin;

-- End users edit only their own profile columns: a creator cannot change their own
-- subscription tier or Whop company, a student cannot reactivate their own membership.
GRANT SELECT ON learning.creators, learning.students TO reelbase_app;
GRANT UPDATE (name, email, settings, last_login_at) ON learning.creators TO reelbase_app;
GRANT UPDATE (name, email, preferences, last_active_at) ON learning.students TO reelbase_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON
  learning.videos,
  learning.video_chunks,
  learning.courses,
  learning.course_modules,
  learning.module_lessons,
  learning.chat_sessions,
  learning.chat_messages,
  learning.video_analytics_events
  TO reelbase_app;
GRANT SELECT, INSERT, UPDATE ON learning.video_watch_sessions TO reelbase_app;
GRANT SELECT ON learning.video_analytics, learning.usage_metrics TO reelbase_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON
  learning.creators,
  learning.students,
  learning.videos,
  learning.video_chunks,
  learning.courses,
  learning.course_modules,
  learning.module_lessons,
  learning.chat_sessions,
  learning.chat_messages,
  learning.video_analytics,
  learning.video_analytics_events,
  learning.usage_metrics
  TO reelbase_admin;
GRANT SELECT, INSERT, UPDATE ON learning.video_watch_sessions TO reelbase_admin;

-- 0.1.0/16_learning_rls_engagement.sql
-- learning row level security, part 2 of 2: chat, analytics, watch history and usage.
-- The model is described at the top of 14_learning_rls_content.sql.

ALTER TABLE learning.chat_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.chat_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.video_analytics ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.video_analytics_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.video_watch_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.usage_metrics ENABLE ROW LEVEL SECURITY;

-- chat_sessions: a session is answered from one creator's videos, which must be the
-- student's own creator.

CREATE POLICY chat_sessions_student_all_own ON learning.chat_sessions
  FOR ALL TO reelbase_app
  USING (student_id = (SELECT learning.current_student_id()))
  WITH CHECK (
    student_id = (SELECT learning.current_student_id())
    AND creator_id = (SELECT learning.current_student_creator_id())
  );
CREATE POLICY chat_sessions_creator_select ON learning.chat_sessions
  FOR SELECT TO reelbase_app
  USING (creator_id = (SELECT learning.current_creator_id()));
CREATE POLICY chat_sessions_admin_all ON learning.chat_sessions
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY chat_sessions_student_all_own ON learning.chat_sessions IS
  'A student reads, starts, changes and deletes their own chat sessions, always with their '
  'own creator.';
COMMENT ON POLICY chat_sessions_creator_select ON learning.chat_sessions IS
  'A creator reads (never changes) the chat sessions held with their students.';
COMMENT ON POLICY chat_sessions_admin_all ON learning.chat_sessions IS
  'Administrators read and change every chat session.';

-- chat_messages: ownership comes from the session.

CREATE POLICY chat_messages_student_all_own ON learning.chat_messages
  FOR ALL TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.chat_sessions AS cs
    WHERE cs.id = chat_messages.session_id
      AND cs.student_id = (SELECT learning.current_student_id())
  ))
  WITH CHECK (EXISTS (
    SELECT 1 FROM learning.chat_sessions AS cs
    WHERE cs.id = chat_messages.session_id
      AND cs.student_id = (SELECT learning.current_student_id())
  ));
CREATE POLICY chat_messages_creator_select ON learning.chat_messages
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.chat_sessions AS cs
    WHERE cs.id = chat_messages.session_id
      AND cs.creator_id = (SELECT learning.current_creator_id())
  ));
CREATE POLICY chat_messages_admin_all ON learning.chat_messages
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY chat_messages_student_all_own ON learning.chat_messages IS
  'A student reads, adds, changes and deletes messages of their own chat sessions.';
COMMENT ON POLICY chat_messages_creator_select ON learning.chat_messages IS
  'A creator reads (never changes) the messages of their students'' chat sessions.';
COMMENT ON POLICY chat_messages_admin_all ON learning.chat_messages IS
  'Administrators read and change every chat message.';

-- video_analytics and usage_metrics: rollups, written by administrators only (reelbase_app
-- has no write privilege on them, see 15_learning_grants.sql). Students see no analytics.

CREATE POLICY video_analytics_creator_select ON learning.video_analytics
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.videos AS v
    WHERE v.id = video_analytics.video_id
      AND v.creator_id = (SELECT learning.current_creator_id())
  ));
CREATE POLICY video_analytics_admin_all ON learning.video_analytics
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY video_analytics_creator_select ON learning.video_analytics IS
  'A creator reads the daily analytics of their own videos.';
COMMENT ON POLICY video_analytics_admin_all ON learning.video_analytics IS
  'Administrators (and the rollup) read and change every analytics row.';

CREATE POLICY usage_metrics_creator_select ON learning.usage_metrics
  FOR SELECT TO reelbase_app
  USING (creator_id = (SELECT learning.current_creator_id()));
CREATE POLICY usage_metrics_admin_all ON learning.usage_metrics
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY usage_metrics_creator_select ON learning.usage_metrics IS
  'A creator reads their own usage metrics.';
COMMENT ON POLICY usage_metrics_admin_all ON learning.usage_metrics IS
  'Administrators (and the rollup) read and change every usage row.';

-- video_analytics_events: readable by the creator only, but written by both sides.
-- learning.track_video_event runs with the caller's rights and inserts without RETURNING
-- (RETURNING would need a SELECT policy, which students do not have). The INSERT checks
-- keep the log consistent: the video, course and module belong to the event's creator,
-- students record only their own viewing events, creators only events without a student.
-- Referenced rows are looked up under the caller's policies, so a student can only log
-- against videos, courses and modules they can see.

CREATE POLICY video_analytics_events_creator_select ON learning.video_analytics_events
  FOR SELECT TO reelbase_app
  USING (creator_id = (SELECT learning.current_creator_id()));
CREATE POLICY video_analytics_events_creator_insert ON learning.video_analytics_events
  FOR INSERT TO reelbase_app
  WITH CHECK (
    creator_id = (SELECT learning.current_creator_id())
    AND student_id IS NULL
    AND EXISTS (
      SELECT 1 FROM learning.videos AS v
      WHERE v.id = video_analytics_events.video_id
        AND v.creator_id = video_analytics_events.creator_id
    )
    AND (course_id IS NULL OR EXISTS (
      SELECT 1 FROM learning.courses AS c
      WHERE c.id = video_analytics_events.course_id
        AND c.creator_id = video_analytics_events.creator_id
    ))
    AND (module_id IS NULL OR EXISTS (
      SELECT 1
      FROM learning.course_modules AS m
      JOIN learning.courses AS c ON c.id = m.course_id
      WHERE m.id = video_analytics_events.module_id
        AND c.creator_id = video_analytics_events.creator_id
    ))
  );
CREATE POLICY video_analytics_events_student_insert_own ON learning.video_analytics_events
  FOR INSERT TO reelbase_app
  WITH CHECK (
    student_id = (SELECT learning.current_student_id())
    AND creator_id = (SELECT learning.current_student_creator_id())
    AND event_type IN ('video_started', 'video_progress', 'video_completed', 'video_rewatched')
    AND EXISTS (
      SELECT 1 FROM learning.videos AS v
      WHERE v.id = video_analytics_events.video_id
        AND v.creator_id = video_analytics_events.creator_id
    )
    AND (course_id IS NULL OR EXISTS (
      SELECT 1 FROM learning.courses AS c
      WHERE c.id = video_analytics_events.course_id
        AND c.creator_id = video_analytics_events.creator_id
    ))
    AND (module_id IS NULL OR EXISTS (
      SELECT 1
      FROM learning.course_modules AS m
      JOIN learning.courses AS c ON c.id = m.course_id
      WHERE m.id = video_analytics_events.module_id
        AND c.creator_id = video_analytics_events.creator_id
    ))
  );
CREATE POLICY video_analytics_events_admin_all ON learning.video_analytics_events
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY video_analytics_events_creator_select ON learning.video_analytics_events IS
  'A creator reads the events of their own videos.';
COMMENT ON POLICY video_analytics_events_creator_insert ON learning.video_analytics_events IS
  'A creator logs events without a student on their own videos, courses and modules.';
COMMENT ON POLICY video_analytics_events_student_insert_own ON learning.video_analytics_events IS
  'A student logs their own viewing events (started, progress, completed, rewatched) on '
  'videos, courses and modules of their creator that they can see.';
COMMENT ON POLICY video_analytics_events_admin_all ON learning.video_analytics_events IS
  'Administrators read and change every event.';

-- video_watch_sessions: permanent history. There is no DELETE policy for anyone, and no
-- DELETE privilege either (15_learning_grants.sql). A student's UPDATE needs the SELECT
-- policy too, since the UPDATE reads the row it changes.

CREATE POLICY video_watch_sessions_student_select_own ON learning.video_watch_sessions
  FOR SELECT TO reelbase_app
  USING (student_id = (SELECT learning.current_student_id()));
CREATE POLICY video_watch_sessions_student_insert_own ON learning.video_watch_sessions
  FOR INSERT TO reelbase_app
  WITH CHECK (
    student_id = (SELECT learning.current_student_id())
    AND EXISTS (
      SELECT 1 FROM learning.videos AS v
      WHERE v.id = video_watch_sessions.video_id
        AND v.creator_id = (SELECT learning.current_student_creator_id())
    )
  );
CREATE POLICY video_watch_sessions_student_update_own ON learning.video_watch_sessions
  FOR UPDATE TO reelbase_app
  USING (student_id = (SELECT learning.current_student_id()))
  WITH CHECK (
    student_id = (SELECT learning.current_student_id())
    AND EXISTS (
      SELECT 1 FROM learning.videos AS v
      WHERE v.id = video_watch_sessions.video_id
        AND v.creator_id = (SELECT learning.current_student_creator_id())
    )
  );
CREATE POLICY video_watch_sessions_creator_select ON learning.video_watch_sessions
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.videos AS v
    WHERE v.id = video_watch_sessions.video_id
      AND v.creator_id = (SELECT learning.current_creator_id())
  ));
CREATE POLICY video_watch_sessions_admin_select ON learning.video_watch_sessions
  FOR SELECT TO reelbase_admin
  USING (true);
CREATE POLICY video_watch_sessions_admin_insert ON learning.video_watch_sessions
  FOR INSERT TO reelbase_admin
  WITH CHECK (true);
CREATE POLICY video_watch_sessions_admin_update ON learning.video_watch_sessions
  FOR UPDATE TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY video_watch_sessions_student_select_own ON learning.video_watch_sessions IS
  'A student reads their own watch sessions.';
COMMENT ON POLICY video_watch_sessions_student_insert_own ON learning.video_watch_sessions IS
  'A student starts watch sessions for themselves on their creator''s visible videos.';
COMMENT ON POLICY video_watch_sessions_student_update_own ON learning.video_watch_sessions IS
  'A student records progress on their own watch sessions.';
COMMENT ON POLICY video_watch_sessions_creator_select ON learning.video_watch_sessions IS
  'A creator reads the watch sessions of their own videos.';
COMMENT ON POLICY video_watch_sessions_admin_select ON learning.video_watch_sessions IS
  'Administrators read every watch session.';
COMMENT ON POLICY video_watch_sessions_admin_insert ON learning.video_watch_sessions IS
  'Administrators add watch sessions (imports, repairs).';
COMMENT ON POLICY video_watch_sessions_admin_update ON learning.video_watch_sessions IS
  'Administrators correct watch sessions; they cannot delete them.';

-- 0.1.0/20_learning_functions.sql
-- The seed's learning functions, implemented in Swift (Sources/ReelbaseExtension/Learning).
-- They run with the caller's rights: row-level security decides what each caller may record
-- and read.

CREATE FUNCTION learning.track_video_event(
  p_event_type text,
  p_video_id uuid,
  p_creator_id uuid,
  p_student_id uuid DEFAULT NULL,
  p_course_id uuid DEFAULT NULL,
  p_module_id uuid DEFAULT NULL,
  p_metadata jsonb DEFAULT '{}'::jsonb,
  p_timestamp timestamptz DEFAULT now()
) RETURNS uuid
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'track_video_event';
COMMENT ON FUNCTION learning.track_video_event(text, uuid, uuid, uuid, uuid, uuid, jsonb, timestamptz) IS
  'Records a video analytics event and returns its id (a time-ordered UUIDv7). Checks the event type, that p_metadata is a JSON object (NULL means {}), that the video exists, is not deleted and belongs to p_creator_id, and that the student, course and module (when given) belong to the same creator and course. Watching events need p_student_id. SQLSTATEs: 22004 NULL required argument, 22023 invalid value or mismatched rows, 23503 missing row, 55000 deleted video, 42501 refused by row-level security.';

CREATE FUNCTION learning.get_student_total_watch_time(p_student_id uuid, p_video_id uuid)
  RETURNS integer
  LANGUAGE c STABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'get_student_total_watch_time';
COMMENT ON FUNCTION learning.get_student_total_watch_time(uuid, uuid) IS
  'Total seconds the student watched the video across all watch sessions (0 if none).';

CREATE FUNCTION learning.get_student_highest_completion(p_student_id uuid, p_video_id uuid)
  RETURNS integer
  LANGUAGE c STABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'get_student_highest_completion';
COMMENT ON FUNCTION learning.get_student_highest_completion(uuid, uuid) IS
  'Highest percent_complete (0-100) the student reached on the video in any session (0 if none).';

CREATE FUNCTION learning.has_student_completed_video(p_student_id uuid, p_video_id uuid)
  RETURNS boolean
  LANGUAGE c STABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'has_student_completed_video';
COMMENT ON FUNCTION learning.has_student_completed_video(uuid, uuid) IS
  'True if any of the student''s watch sessions of the video is completed (90% or more watched).';

REVOKE ALL ON FUNCTION
  learning.track_video_event(text, uuid, uuid, uuid, uuid, uuid, jsonb, timestamptz),
  learning.get_student_total_watch_time(uuid, uuid),
  learning.get_student_highest_completion(uuid, uuid),
  learning.has_student_completed_video(uuid, uuid)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
  learning.track_video_event(text, uuid, uuid, uuid, uuid, uuid, jsonb, timestamptz),
  learning.get_student_total_watch_time(uuid, uuid),
  learning.get_student_highest_completion(uuid, uuid),
  learning.has_student_completed_video(uuid, uuid)
  TO reelbase_app, reelbase_admin;
