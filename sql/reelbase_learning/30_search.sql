-- Semantic search over transcript chunks (seed 003 search_video_chunks), on the vector engine.

CREATE FUNCTION learning.search_video_chunks(
  query_embedding real[],
  match_count integer DEFAULT 5,
  similarity_threshold double precision DEFAULT 0.7,
  filter_video_ids text[] DEFAULT NULL
) RETURNS TABLE (
  id uuid,
  video_id uuid,
  chunk_index integer,
  chunk_text text,
  start_time_seconds integer,
  end_time_seconds integer,
  similarity double precision
)
  LANGUAGE c STABLE PARALLEL SAFE ROWS 5
  -- The exact scan's plan costs just over jit_above_cost, and JIT compilation then takes
  -- 12-24 ms of every search (more than an indexed search takes in all).
  SET jit = off
  AS 'MODULE_PATHNAME', 'learning_search_video_chunks';
COMMENT ON FUNCTION learning.search_video_chunks(real[], integer, double precision, text[]) IS
  'Transcript chunks most similar (cosine) to query_embedding (1,536 finite values, not all zero), best first, at least similarity_threshold, at most match_count (1..1000), optionally only of the given video ids. Runs with the caller''s rights (RLS); chunks of soft-deleted videos are never returned. Uses the IVF index when built (probing reelbase.search_probes lists first, more until match_count rows are found), else an exact scan; reelbase.exact_search = on forces the exact scan. A pgvector value is accepted as v::real[]. Errors: 22023 for invalid arguments.';

CREATE FUNCTION learning.build_chunk_index(lists integer DEFAULT NULL, sample_rows integer DEFAULT NULL)
RETURNS TABLE (list_count integer, sampled_rows integer, assigned_rows bigint, seconds double precision)
  LANGUAGE sql VOLATILE
  SET search_path = pg_catalog
AS $$ SELECT * FROM reelbase.build_vector_index('learning.video_chunks', lists, sample_rows) $$;
COMMENT ON FUNCTION learning.build_chunk_index(integer, integer) IS
  'Builds or rebuilds the IVF index of transcript chunk embeddings (see reelbase.build_vector_index).';

REVOKE ALL ON FUNCTION learning.build_chunk_index(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION learning.build_chunk_index(integer, integer) TO reelbase_admin;
REVOKE ALL ON FUNCTION learning.search_video_chunks(real[], integer, double precision, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION learning.search_video_chunks(real[], integer, double precision, text[])
  TO reelbase_app, reelbase_admin;
