-- stories privileges: which statements a role may run at all, down to the column; 24's
-- policies say which rows.
--
-- * End users act through reelbase_app. Of users, the public profile is granted; email,
--   email_verified and last_login_at are read through stories.my_account(). The secrets (users.password_hash,
--   oauth_accounts.access_token and refresh_token) are not granted to it at all: selecting
--   them is 42501 for everyone, the owner included, who reads their own through
--   stories.my_password_hash() and stories.my_oauth_accounts() (22_identity.sql).
-- * The counters (scene_count, segment_count, total_duration, contributor_count, view_count,
--   like_count, last_segment_at) and scenes.bible_version are granted for neither INSERT nor
--   UPDATE, to reelbase_app or reelbase_admin: only the triggers of 21_counters.sql write them. users.role, is_active and
--   email_verified are the administrators'.
-- * status / moderation_status are granted for UPDATE because moderators are reelbase_app
--   users too; a trigger lets only moderators change them (22_identity.sql).
-- * Segments, jobs, bibles and summaries are written by the product's functions (not built
--   yet, docs/stories.md) and by reelbase_admin; reelbase_app only reads them.
-- * The bookkeeping tables (job_idempotency_keys, scene_contributors, bible_schema's history
--   apart) and the partitions themselves are granted to no end user.
-- reelbase_admin (the back office) holds every privilege on the tables but the counter
-- columns' INSERT and UPDATE, and TRUNCATE, REFERENCES and TRIGGER, which no one holds.

GRANT USAGE ON SCHEMA stories TO reelbase_app, reelbase_admin;

-- A profile is public; email, email_verified and last_login_at are one's own, read through
-- stories.my_account().
GRANT SELECT (id, username, display_name, avatar_url, bio, role, is_active, created_at, updated_at),
      UPDATE (username, display_name, avatar_url, bio, updated_at)
  ON stories.users TO reelbase_app;
GRANT SELECT (id, user_id, provider, provider_id, expires_at, created_at) ON stories.oauth_accounts TO reelbase_app;

GRANT SELECT, DELETE,
      INSERT (id, name, slug, description, icon_url, is_curated, is_active, display_order),
      UPDATE (name, slug, description, icon_url, is_curated, is_active, display_order, updated_at)
  ON stories.topics TO reelbase_app;
GRANT SELECT, DELETE,
      INSERT (id, topic_id, name, slug, description, display_order, is_active),
      UPDATE (topic_id, name, slug, description, display_order, is_active)
  ON stories.categories TO reelbase_app;
GRANT SELECT,
      INSERT (id, user_id, name, description),
      UPDATE (status, reviewed_by, reviewed_at, rejection_reason, promoted_to_topic_id)
  ON stories.user_topics TO reelbase_app;

GRANT SELECT,
      INSERT (id, user_id, topic_id, category_id, title, prompt, tags),
      UPDATE (topic_id, category_id, title, prompt, tags, status, moderation_status, updated_at)
  ON stories.ideas TO reelbase_app;
GRANT SELECT,
      INSERT (id, idea_id, user_id, topic_id, title, description, thumbnail_url),
      UPDATE (title, description, thumbnail_url, status, updated_at)
  ON stories.scenes TO reelbase_app;
GRANT SELECT, UPDATE (status) ON stories.segments TO reelbase_app;
GRANT SELECT ON stories.jobs, stories.scene_bibles, stories.scene_summaries TO reelbase_app;
GRANT SELECT,
      INSERT (id, target_type, target_id, reporter_id, reason, description),
      UPDATE (status, reviewed_by, reviewed_at, action_taken, notes)
  ON stories.moderation_flags TO reelbase_app;
-- ip_hash is the database's to compute from the raw IP (record_view, not built yet).
GRANT SELECT, INSERT (id, scene_id, user_id) ON stories.scene_views TO reelbase_app;
GRANT SELECT, DELETE, INSERT (id, user_id, target_type, target_id) ON stories.likes TO reelbase_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON
  stories.users, stories.oauth_accounts, stories.user_topics, stories.categories,
  stories.segments, stories.jobs, stories.scene_bibles,
  stories.scene_summaries, stories.moderation_flags, stories.scene_views, stories.likes
  TO reelbase_admin;
-- Administrators write everything but the counters (and bible_version) too.
GRANT SELECT, DELETE,
      INSERT (id, name, slug, description, icon_url, is_curated, is_active, display_order, created_at, updated_at),
      UPDATE (name, slug, description, icon_url, is_curated, is_active, display_order, created_at, updated_at)
  ON stories.topics TO reelbase_admin;
GRANT SELECT, DELETE,
      INSERT (id, user_id, topic_id, category_id, title, prompt, tags, status, moderation_status, created_at, updated_at),
      UPDATE (user_id, topic_id, category_id, title, prompt, tags, status, moderation_status, created_at, updated_at)
  ON stories.ideas TO reelbase_admin;
GRANT SELECT, DELETE,
      INSERT (id, idea_id, user_id, topic_id, title, description, status, thumbnail_url, created_at, updated_at),
      UPDATE (idea_id, user_id, topic_id, title, description, status, thumbnail_url, created_at, updated_at)
  ON stories.scenes TO reelbase_admin;
GRANT SELECT ON stories.job_idempotency_keys, stories.scene_contributors TO reelbase_admin;
