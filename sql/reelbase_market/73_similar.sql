-- Similar videos (market issue item 1): analyzed_videos.content_embedding registered with the
-- vector engine (the core's 10_vector_engine.sql), like learning.video_chunks: exact scan by default,
-- IVF lists once reelbase.build_vector_index('market.analyzed_videos') (or
-- market.build_video_index()) has run, reelbase.search_probes and reelbase.exact_search as for
-- transcript search. This replaces the seed's ivfflat index idx_analyzed_videos_embedding.

-- IVF list of each video, in a narrow side table so a build never rewrites the 6 KB rows.
CREATE TABLE market.analyzed_video_lists (
  video_id uuid PRIMARY KEY REFERENCES market.analyzed_videos (id) ON DELETE CASCADE,
  ivf_list integer NOT NULL CHECK (ivf_list >= 0)
);
COMMENT ON TABLE market.analyzed_video_lists IS
  'IVF list of each analysed video''s content_embedding (reelbase.vector_indexes ''market.analyzed_videos''): written by index builds, kept current by a trigger on market.analyzed_videos. Derived data: not dumped, rebuild after a restore.';
COMMENT ON COLUMN market.analyzed_video_lists.video_id IS 'The analysed video.';
COMMENT ON COLUMN market.analyzed_video_lists.ivf_list IS 'Its list (nearest centroid).';
CREATE INDEX idx_analyzed_video_lists_list ON market.analyzed_video_lists (ivf_list, video_id);

ALTER TABLE market.analyzed_video_lists ENABLE ROW LEVEL SECURITY;
CREATE POLICY analyzed_video_lists_admin_all ON market.analyzed_video_lists TO reelbase_admin
  USING (true) WITH CHECK (true);
COMMENT ON POLICY analyzed_video_lists_admin_all ON market.analyzed_video_lists IS
  'Administrators (searches, index builds) read and write every row; analysed videos are theirs.';
GRANT SELECT, INSERT, UPDATE, DELETE ON market.analyzed_video_lists TO reelbase_admin;

INSERT INTO reelbase.vector_indexes (name, table_name, vector_column, list_column, dimension,
                                     key_column, list_table, list_key_column)
VALUES ('market.analyzed_videos', 'market.analyzed_videos', 'content_embedding', 'ivf_list', 1536,
        'id', 'market.analyzed_video_lists', 'video_id');

-- SECURITY DEFINER: whoever may write a video need not be granted the side table.
CREATE FUNCTION market.analyzed_videos_file_list() RETURNS trigger
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  list integer := reelbase.vector_list_for('market.analyzed_videos', NEW.content_embedding);
BEGIN
  IF list IS NULL THEN
    DELETE FROM market.analyzed_video_lists WHERE video_id = NEW.id;
  ELSE
    INSERT INTO market.analyzed_video_lists (video_id, ivf_list) VALUES (NEW.id, list)
    ON CONFLICT (video_id) DO UPDATE SET ivf_list = EXCLUDED.ivf_list;
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION market.analyzed_videos_file_list() IS
  'AFTER INSERT OR UPDATE OF content_embedding on market.analyzed_videos: files the video in its IVF list (market.analyzed_video_lists), or unfiles it when the embedding is NULL or unusable or no index is built.';
REVOKE ALL ON FUNCTION market.analyzed_videos_file_list() FROM PUBLIC;
CREATE TRIGGER analyzed_videos_file_list_trigger
  AFTER INSERT OR UPDATE OF content_embedding ON market.analyzed_videos
  FOR EACH ROW EXECUTE FUNCTION market.analyzed_videos_file_list();

CREATE FUNCTION market.search_videos(query_embedding real[], match_count integer DEFAULT 10)
RETURNS TABLE (video_id uuid, similarity real)
  LANGUAGE c STABLE PARALLEL SAFE ROWS 10
  SET jit = off
  AS 'MODULE_PATHNAME', 'market_search_videos';
COMMENT ON FUNCTION market.search_videos(real[], integer) IS
  'Analysed videos whose content_embedding is most similar (cosine) to query_embedding (1,536 finite values, not all zero; a pgvector value as v::real[]), best first, ties by id, at most match_count (1..1000). IVF when built (reelbase.search_probes, reelbase.exact_search), else exact. Errors: 22004 NULL, 22023 invalid arguments.';

CREATE FUNCTION market.similar_videos(p_video_id uuid, p_match_count integer DEFAULT 10)
RETURNS TABLE (video_id uuid, similarity real)
  LANGUAGE c STABLE PARALLEL SAFE ROWS 10
  SET jit = off
  AS 'MODULE_PATHNAME', 'market_similar_videos';
COMMENT ON FUNCTION market.similar_videos(uuid, integer) IS
  'The analysed videos most similar to p_video_id by content_embedding, the video itself excluded, as market.search_videos. Errors: 22004 NULL, 22023 p_match_count outside 1..1000 or an unusable stored embedding, 23503 unknown video, 55000 a video without content_embedding.';

CREATE FUNCTION market.build_video_index(lists integer DEFAULT NULL, sample_rows integer DEFAULT NULL)
RETURNS TABLE (list_count integer, sampled_rows integer, assigned_rows bigint, seconds double precision)
  LANGUAGE sql VOLATILE
  SET search_path = pg_catalog
AS $$ SELECT * FROM reelbase.build_vector_index('market.analyzed_videos', lists, sample_rows) $$;
COMMENT ON FUNCTION market.build_video_index(integer, integer) IS
  'Builds or rebuilds the IVF index of analysed videos'' content embeddings (see reelbase.build_vector_index).';

REVOKE ALL ON FUNCTION market.search_videos(real[], integer), market.similar_videos(uuid, integer),
  market.build_video_index(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION market.search_videos(real[], integer), market.similar_videos(uuid, integer),
  market.build_video_index(integer, integer) TO reelbase_admin;
