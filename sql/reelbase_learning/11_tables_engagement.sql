-- learning (seed 003 "Chronos"), part 2 of 2: chat, analytics, watch history and usage.
-- Needs the tables of 10_tables_content.sql.

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

-- Range-partitioned by month on "timestamp", managed by the partition engine
-- (35_event_partitions.sql). Deviations from seed 003: the primary key is (id, "timestamp")
-- because a partitioned table's unique constraints must include the partition key (ids stay
-- unique in practice: they are UUIDv7 made by track_video_event or gen_random_uuid()); and
-- the key and every index are on the partitions, not on this parent, so that a dump restores
-- (see 35_event_partitions.sql).
CREATE TABLE learning.video_analytics_events (
  id uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
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
) PARTITION BY RANGE ("timestamp");
-- The rows live in the partitions: the default one is registered for pg_dump in
-- 35_event_partitions.sql; monthly ones are ordinary tables, dumped like any table.

COMMENT ON TABLE learning.video_analytics_events IS
  'Append-only log of video lifecycle events and student viewing events. Partitioned by month on "timestamp" (reelbase.partition_sets).';
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

-- Watch history is permanent: no role may DELETE (see 17_grants.sql); rows go only
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
