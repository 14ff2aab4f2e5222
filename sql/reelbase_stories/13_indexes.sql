-- The seed's indexes of the plain tables, with its names (section 2). The partitioned tables'
-- indexes are on their default partitions (14_partitions.sql).
-- idx_users_email and idx_users_username repeat the unique constraints' indexes; kept because
-- the seed names them.

CREATE INDEX idx_users_email ON stories.users (email);
CREATE INDEX idx_users_username ON stories.users (username);
CREATE INDEX idx_users_created_at ON stories.users (created_at);

CREATE INDEX idx_oauth_user_id ON stories.oauth_accounts (user_id);

CREATE INDEX idx_topics_slug ON stories.topics (slug);
CREATE INDEX idx_topics_display_order ON stories.topics (display_order);

CREATE INDEX idx_user_topics_status ON stories.user_topics (status);
CREATE INDEX idx_user_topics_user_id ON stories.user_topics (user_id);

CREATE INDEX idx_categories_topic_id ON stories.categories (topic_id);

CREATE INDEX idx_ideas_topic_id ON stories.ideas (topic_id);
CREATE INDEX idx_ideas_category_id ON stories.ideas (category_id);
CREATE INDEX idx_ideas_user_id ON stories.ideas (user_id);
CREATE INDEX idx_ideas_status ON stories.ideas (status) WHERE status = 'active';
CREATE INDEX idx_ideas_created_at ON stories.ideas (created_at DESC);
CREATE INDEX idx_ideas_like_count ON stories.ideas (like_count DESC);
CREATE INDEX idx_ideas_tags ON stories.ideas USING gin (tags);

CREATE INDEX idx_scenes_idea_id ON stories.scenes (idea_id);
CREATE INDEX idx_scenes_user_id ON stories.scenes (user_id);
CREATE INDEX idx_scenes_topic_id ON stories.scenes (topic_id);
CREATE INDEX idx_scenes_status ON stories.scenes (status) WHERE status = 'active';
CREATE INDEX idx_scenes_created_at ON stories.scenes (created_at DESC);
CREATE INDEX idx_scenes_like_count ON stories.scenes (like_count DESC);
CREATE INDEX idx_scenes_last_segment_at ON stories.scenes (last_segment_at DESC);

CREATE INDEX idx_scene_bibles_scene_id ON stories.scene_bibles (scene_id);
CREATE INDEX idx_scene_bibles_scene_version ON stories.scene_bibles (scene_id, version DESC);

CREATE INDEX idx_scene_summaries_scene_id ON stories.scene_summaries (scene_id);

CREATE INDEX idx_moderation_status ON stories.moderation_flags (status) WHERE status = 'pending';
CREATE INDEX idx_moderation_target ON stories.moderation_flags (target_type, target_id);
CREATE INDEX idx_moderation_created_at ON stories.moderation_flags (created_at DESC);

CREATE INDEX idx_scene_views_scene_id ON stories.scene_views (scene_id);
CREATE INDEX idx_scene_views_created_at ON stories.scene_views (created_at);

CREATE INDEX idx_likes_target ON stories.likes (target_type, target_id);

-- Not in the seed: the job idempotency keys are looked up by job when a job is deleted.
CREATE INDEX idx_job_idempotency_keys_job_id ON stories.job_idempotency_keys (job_id);
