-- learning indexes: every index seed 003 lists, under the seed's names, plus what the
-- foreign keys need so ON DELETE CASCADE / SET NULL never scans a whole table.
--
-- Not created, on purpose:
-- * idx_creators_whop_company_id and idx_students_whop_user_id: the UNIQUE constraints
--   creators_whop_company_id_key and students_whop_user_id_key already index exactly those
--   columns; a second identical btree would only double the write cost.
-- * idx_video_chunks_embedding (IVFFlat): needs pgvector; the vector engine's IVF index
--   (30_search.sql, 31_chunk_lists.sql) takes its place.

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

-- track_video_event checks, on every call, that the video belongs to the creator and is not
-- deleted and that the student belongs to the same creator. These covering indexes let both
-- checks read the index alone (an index-only scan once the tables are vacuumed), instead of
-- the index and then the row.
CREATE INDEX idx_videos_id_owner ON learning.videos (id) INCLUDE (creator_id, is_deleted);
CREATE INDEX idx_students_id_owner ON learning.students (id) INCLUDE (creator_id);

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

-- video_analytics_events: on its default partition (35_event_partitions.sql).

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
