-- publishing privileges: which statements a role may run at all, down to the column; 24's
-- policies say which rows.
-- * reelbase_app acts for a persona owner or a worker (20_identity.sql). It writes personas,
--   videos, assets, tags and receipts; id, created_at and updated_at are the database's;
--   a new video starts as a draft at state_version 1 (status and state_version are granted
--   for UPDATE only, where the OCC trigger checks them).
-- * task_audit is read-only to everyone (the triggers append as the owner); workers is the
--   administrators'.
-- * reelbase_admin holds every privilege but on task_audit (SELECT) and TRUNCATE, REFERENCES
--   and TRIGGER, which no one holds.

GRANT USAGE ON SCHEMA publishing TO reelbase_app, reelbase_admin;

GRANT SELECT, DELETE, INSERT (id, name, voice_profile, style_profile),
      UPDATE (name, voice_profile, style_profile)
  ON publishing.personas TO reelbase_app;
GRANT SELECT, DELETE,
      INSERT (id, persona_id, title, description, video_url, thumbnail_url, duration_seconds, confidence),
      UPDATE (persona_id, title, description, video_url, thumbnail_url, duration_seconds, status, confidence, state_version)
  ON publishing.videos TO reelbase_app;
GRANT SELECT, DELETE, INSERT (id, video_id, type, url, checksum) ON publishing.assets TO reelbase_app;
GRANT SELECT, INSERT (id, name) ON publishing.tags TO reelbase_app;
GRANT SELECT, INSERT, DELETE ON publishing.video_tags TO reelbase_app;
GRANT SELECT, INSERT (id, video_id, channel, external_id, status, details), UPDATE (status, details)
  ON publishing.publish_receipts TO reelbase_app;
GRANT SELECT ON publishing.task_audit TO reelbase_app, reelbase_admin;

GRANT SELECT, INSERT, UPDATE, DELETE ON publishing.workers, publishing.personas, publishing.videos,
  publishing.assets, publishing.tags, publishing.video_tags, publishing.publish_receipts TO reelbase_admin;
