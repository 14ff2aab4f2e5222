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
-- Embeddings stay inline and uncompressed (STORAGE PLAIN): 1,536 floats are 6 KB, which fits in
-- a page, so the vector scan reads each embedding in place from the heap page, with no TOAST
-- lookup, no decompression and no copy. Not MAIN: MAIN still compresses inline, and real model
-- output compresses (6,168 -> 1,805 bytes a row for MiniLM text embeddings), which made every
-- scan decompress every row. The other columns stay toastable, so a row still fits.
ALTER TABLE learning.video_chunks ALTER COLUMN embedding SET STORAGE PLAIN;
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
-- created as a unique index in 12_indexes.sql under that name.
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
