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
