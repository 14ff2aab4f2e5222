-- The publishing functions (Swift: Sources/ReelbaseExtension/Publishing/). All run as the
-- caller (its policies decide what it may touch) with search_path pinned.

CREATE FUNCTION publishing.update_video(id uuid, expected_version int, changes jsonb, actor text DEFAULT NULL)
  RETURNS SETOF publishing.videos
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'publishing_update_video';
COMMENT ON FUNCTION publishing.update_video(uuid, int, jsonb, text) IS
  'Sets the columns named in changes (a JSON object) of video id if its state_version is expected_version, advancing it by one; returns the updated row; audited with actor (default publishing.current_actor()). Errors: 22023 unknown, read-only or mistyped key; P0002 no such video (or not visible); 40001 version mismatch (detail: the current version; re-read and retry); 55000 a status move outside the flow; 42501 a persona_id that moves the video out of the caller''s reach.';

CREATE FUNCTION publishing.transition_video(id uuid, expected_version int, new_status text, actor text DEFAULT NULL)
  RETURNS SETOF publishing.videos
  LANGUAGE sql VOLATILE PARALLEL UNSAFE
  SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
  SELECT * FROM publishing.update_video(transition_video.id, transition_video.expected_version,
                                        pg_catalog.jsonb_build_object('status', transition_video.new_status),
                                        transition_video.actor);
END;
COMMENT ON FUNCTION publishing.transition_video(uuid, int, text, text) IS
  'update_video(id, expected_version, {"status": new_status}, actor): draft -> pending_review -> published | rejected, rejected -> draft.';

CREATE FUNCTION publishing.verify_audit(video_id uuid DEFAULT NULL)
  RETURNS TABLE (ok boolean, chains_checked bigint, rows_checked bigint, broken_id bigint,
                 broken_task_id uuid, problem text)
  LANGUAGE c STABLE PARALLEL UNSAFE
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'publishing_verify_audit';
COMMENT ON FUNCTION publishing.verify_audit(uuid) IS
  'Walks the audit chain of video_id (every visible chain when NULL) in id order, recomputing each row''s SHA-256, and reports the first broken link: its row id, video and what is wrong (a changed row, a removed or reordered predecessor). One row; ok when nothing is broken.';

CREATE FUNCTION publishing.replay_video(id uuid, up_to timestamptz DEFAULT pg_catalog.now())
  RETURNS publishing.videos
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  state jsonb;
  r record;
BEGIN
  FOR r IN SELECT a.action, a.state_after FROM publishing.task_audit AS a
           WHERE a.task_id = replay_video.id AND a."timestamp" <= up_to AND a.action LIKE 'videos.%'
           ORDER BY a.id
  LOOP
    state := CASE r.action WHEN 'videos.insert' THEN r.state_after
                           WHEN 'videos.update' THEN coalesce(state, '{}') || r.state_after
                           ELSE NULL END;
  END LOOP;
  RETURN pg_catalog.jsonb_populate_record(NULL::publishing.videos, state);
END
$$;
COMMENT ON FUNCTION publishing.replay_video(uuid, timestamptz) IS
  'The video as its audit trail says it was at up_to: its insert with every later update applied, NULL before it existed or after its delete. Reads the trail as the caller.';

CREATE FUNCTION publishing.record_receipt(video_id uuid, channel text, external_id text,
                                          status text DEFAULT 'pending', details jsonb DEFAULT NULL)
  RETURNS SETOF publishing.publish_receipts
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'publishing_record_receipt';
COMMENT ON FUNCTION publishing.record_receipt(uuid, text, text, text, jsonb) IS
  'Records what channel answered for a published video, idempotent on (channel, external_id): a repeat returns the stored receipt, moving its status (and details) only forward. Errors: 22023 unknown status or empty channel/external_id; 23505 the pair belongs to another video (also one the caller cannot see); 55000 the video is not published.';

CREATE FUNCTION publishing.attach_asset(video_id uuid, type text, url text, checksum text)
  RETURNS SETOF publishing.assets
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'publishing_attach_asset';
COMMENT ON FUNCTION publishing.attach_asset(uuid, text, text, text) IS
  'Adds an asset to a video. Errors: 23505 another asset of the video has this checksum (the detail names it); 23514 a URL that is not absolute http(s), s3 or gs, or a checksum other than sha256: and 64 lower-case hex digits; 42501 a video the caller cannot see (23503 for administrators: no such video).';

CREATE FUNCTION publishing.tag_video(video_id uuid, tags text[])
  RETURNS SETOF publishing.tags
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'publishing_tag_video';
COMMENT ON FUNCTION publishing.tag_video(uuid, text[]) IS
  'Tags a video (idempotent): names are trimmed and matched regardless of case, missing tags are created. Returns every tag of the video. Errors: 22023 an empty or over-64-character name.';

REVOKE ALL ON FUNCTION publishing.update_video(uuid, int, jsonb, text), publishing.transition_video(uuid, int, text, text),
  publishing.verify_audit(uuid), publishing.replay_video(uuid, timestamptz),
  publishing.record_receipt(uuid, text, text, text, jsonb), publishing.attach_asset(uuid, text, text, text),
  publishing.tag_video(uuid, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION publishing.update_video(uuid, int, jsonb, text), publishing.transition_video(uuid, int, text, text),
  publishing.verify_audit(uuid), publishing.replay_video(uuid, timestamptz),
  publishing.record_receipt(uuid, text, text, text, jsonb), publishing.attach_asset(uuid, text, text, text),
  publishing.tag_video(uuid, text[]), publishing.is_worker(), publishing.current_actor()
  TO reelbase_app, reelbase_admin;
