-- Likes, views, flags and user-topic review (Swift, Sources/ReelbaseExtension/Stories).

-- The key of the anonymous viewers' IP hashes (HMAC-SHA-256): made by the first anonymous
-- view (stories.record_view) from the server's strong random source, readable by no end
-- user, kept by a dump so hashes stay comparable after a restore (the dump holds the key:
-- guard dumps as the data they are). Not made at install: a restore would then meet two.
CREATE TABLE stories.view_hash_key (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  key bytea NOT NULL CHECK (pg_catalog.length(key) >= 32)
);
COMMENT ON TABLE stories.view_hash_key IS
  'The secret key of stories.scene_views.ip_hash (HMAC-SHA-256 of the normalized IP). One row; no end-user access.';
SELECT pg_catalog.pg_extension_config_dump('stories.view_hash_key', '');
-- Row-level security with no policy: no one but its owner (record_view) reads a row.
ALTER TABLE stories.view_hash_key ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION stories.like(target_type text, target_id uuid) RETURNS boolean
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'stories_like';
COMMENT ON FUNCTION stories.like(text, uuid) IS
  'The current user likes an idea or a scene; true when the like is new, false when it was there (idempotent). Errors: 42501 without an active user, 22023 for another target_type, 23503 for a target that does not exist or is not visible.';
CREATE FUNCTION stories.unlike(target_type text, target_id uuid) RETURNS boolean
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'stories_unlike';
COMMENT ON FUNCTION stories.unlike(text, uuid) IS
  'The current user takes back a like; true when there was one.';

CREATE FUNCTION stories.record_view(scene_id uuid, ip text DEFAULT NULL) RETURNS uuid
  LANGUAGE c VOLATILE PARALLEL UNSAFE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'stories_record_view';
COMMENT ON FUNCTION stories.record_view(uuid, text) IS
  'Records a view of a scene the caller may see: the current user''s, or an anonymous one carrying ip_hash, the keyed hash (HMAC-SHA-256, stories.view_hash_key) of the normalized ip; the ip itself is never stored. Returns the view id. Errors: 23503 for a scene that does not exist or is not visible, 22023 for an anonymous view without ip, 22P02 for an ip that is not one.';

CREATE FUNCTION stories.flag_content(target_type text, target_id uuid, reason text, description text DEFAULT NULL)
  RETURNS uuid
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'stories_flag_content';
COMMENT ON FUNCTION stories.flag_content(text, uuid, text, text) IS
  'The current user reports an idea, scene, segment, user or topic they can see; returns the flag id.';

CREATE FUNCTION stories.resolve_flag(flag_id uuid, resolution text, action text DEFAULT NULL, notes text DEFAULT NULL)
  RETURNS text
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'stories_resolve_flag';
COMMENT ON FUNCTION stories.resolve_flag(uuid, text, text, text) IS
  'A moderator resolves or dismisses a pending flag, recording who and when; action hide or remove sets the flagged idea, scene or segment to hidden or removed. Errors: 42501 for a non-moderator, 55000 for a flag already closed, 22023 for an action on a user or topic (the back office''s).';

CREATE FUNCTION stories.review_user_topic(user_topic_id uuid, decision text, rejection_reason text DEFAULT NULL)
  RETURNS TABLE (status text, promoted_to_topic_id uuid)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'stories_review_user_topic';
COMMENT ON FUNCTION stories.review_user_topic(uuid, text, text) IS
  'A moderator approves or rejects a pending user topic; an admin promotes it to a curated topic (slug from the name, unique with a numeric suffix). Errors: 42501, 55000 for a topic already decided.';

GRANT EXECUTE ON FUNCTION stories.like(text, uuid), stories.unlike(text, uuid), stories.record_view(uuid, text),
  stories.flag_content(text, uuid, text, text), stories.resolve_flag(uuid, text, text, text),
  stories.review_user_topic(uuid, text, text) TO reelbase_app, reelbase_admin;
