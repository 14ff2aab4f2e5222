-- The two writes that order a scene (Swift, Sources/ReelbaseExtension/Stories): a new bible
-- version under optimistic locking, and the next segment of a scene.

-- scenes.bible_version follows the newest bible row; no role is granted the column.
CREATE FUNCTION stories.scene_bibles_advance() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  UPDATE stories.scenes SET bible_version = NEW.version, updated_at = pg_catalog.now()
  WHERE id OPERATOR(pg_catalog.=) NEW.scene_id AND bible_version OPERATOR(pg_catalog.<) NEW.version;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION stories.scene_bibles_advance() IS
  'Trigger on stories.scene_bibles: moves scenes.bible_version up to the newest bible row.';
REVOKE ALL ON FUNCTION stories.scene_bibles_advance() FROM PUBLIC;
CREATE TRIGGER scene_bibles_advance
  AFTER INSERT OR UPDATE OF version ON stories.scene_bibles
  FOR EACH ROW EXECUTE FUNCTION stories.scene_bibles_advance();
CREATE FUNCTION stories.update_scene_bible(scene_id uuid, expected_version integer, data jsonb,
                                           created_by_segment_id uuid DEFAULT NULL)
  RETURNS TABLE (bible_id uuid, version integer, created_at timestamptz)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'stories_update_scene_bible';
COMMENT ON FUNCTION stories.update_scene_bible(uuid, integer, jsonb, uuid) IS
  'Writes version expected_version + 1 of the scene''s bible and moves scenes.bible_version. data must match the stored bible schema and data.version must be expected_version + 1 (22023, the first errors'' paths in the detail). Errors: 40001 when the scene''s bible is no longer at expected_version (the detail names the current version), 23503 for a scene that does not exist or is not visible, 55000 for a removed scene. Caller''s rights.';

CREATE FUNCTION stories.append_segment(job_id uuid, video_url text, duration integer, expanded_script text,
                                       hls_playlist_url text DEFAULT NULL, thumbnail_url text DEFAULT NULL,
                                       resolution text DEFAULT NULL, file_size bigint DEFAULT NULL)
  RETURNS TABLE (segment_id uuid, scene_id uuid, sequence integer, created_at timestamptz)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'stories_append_segment';
COMMENT ON FUNCTION stories.append_segment(uuid, text, integer, text, text, text, text, bigint) IS
  'Appends the segment a final_ready job produced as the next of its scene (sequences 1..N, no gap, no duplicate, under any number of concurrent appenders), with the job''s user, input_text and bible_version; the scene''s counters and last_segment_at follow. The same job again returns its segment. Errors: 23503 for a job or scene that does not exist or is not visible, 55000 for a job that is not final_ready or a locked or removed scene, 22023 for a negative duration. Caller''s rights.';

-- The pipeline's: end users hold no write on bibles or segments (23_grants.sql).
REVOKE ALL ON FUNCTION stories.update_scene_bible(uuid, integer, jsonb, uuid),
  stories.append_segment(uuid, text, integer, text, text, text, text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stories.update_scene_bible(uuid, integer, jsonb, uuid),
  stories.append_segment(uuid, text, integer, text, text, text, text, bigint) TO reelbase_admin;
