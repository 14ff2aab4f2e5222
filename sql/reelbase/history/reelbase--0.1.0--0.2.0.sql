-- Generated from sql/ by extension/build-sql.sh; edit those files.
\echo Use "ALTER EXTENSION reelbase UPDATE TO '0.2.0'" to load this file. \quit

-- 0.2.0/30_vector_engine.sql
-- The vector engine: exact cosine scoring in Swift and IVF indexes (spherical k-means lists)
-- for any real[] embedding column. Each indexed column is registered here once; its table
-- carries an integer list column kept current by a trigger. Later schemas reuse this engine
-- (e.g. the marketplace's analyzed_videos.content_embedding) instead of copying it.

CREATE TABLE reelbase.vector_indexes (
  name text PRIMARY KEY,
  table_name regclass NOT NULL,
  vector_column name NOT NULL,
  list_column name NOT NULL,
  dimension integer NOT NULL CHECK (dimension BETWEEN 1 AND 16000),
  -- NULL until built: search then scans exactly.
  lists integer CHECK (lists > 0),
  -- Bumped by every build, so backends drop centroids they cached from an older one.
  version bigint NOT NULL DEFAULT 0,
  sample_rows integer,
  built_at timestamptz,
  build_seconds double precision,
  UNIQUE (table_name, vector_column)
);
COMMENT ON TABLE reelbase.vector_indexes IS
  'IVF vector indexes: one row per indexed real[] column. Build with reelbase.build_vector_index(index_name). Not dumped by pg_dump: rebuild after a restore.';

CREATE TABLE reelbase.vector_index_centroids (
  index_name text NOT NULL REFERENCES reelbase.vector_indexes (name) ON DELETE CASCADE,
  list_no integer NOT NULL CHECK (list_no >= 0),
  centroid real[] NOT NULL,
  PRIMARY KEY (index_name, list_no)
);
ALTER TABLE reelbase.vector_index_centroids ALTER COLUMN centroid SET STORAGE MAIN;
COMMENT ON TABLE reelbase.vector_index_centroids IS
  'Unit-length centroids of each IVF index, list_no 0..lists-1 (spherical k-means in Swift).';

CREATE FUNCTION reelbase.cosine_similarity(a real[], b real[]) RETURNS real
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'rb_cosine_similarity';
COMMENT ON FUNCTION reelbase.cosine_similarity(real[], real[]) IS
  'Cosine similarity of two real[] of the same length (Swift, SIMD). NULL when either is the zero vector, has NULL or non-finite elements, or the lengths differ.';

CREATE FUNCTION reelbase.unit_cosine(embedding real[], unit_query real[]) RETURNS real
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'rb_unit_cosine';
COMMENT ON FUNCTION reelbase.unit_cosine(real[], real[]) IS
  'Cosine similarity of an embedding to a query already scaled to length 1 (the scan kernel of vector search: one pass, the embedding read in place). NULL for unusable embeddings.';

CREATE FUNCTION reelbase.vector_list_for(index_name text, vector real[]) RETURNS integer
  LANGUAGE c STABLE PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'rb_vector_list_for';
COMMENT ON FUNCTION reelbase.vector_list_for(text, real[]) IS
  'The IVF list (nearest centroid) of a vector in the named index; NULL if the index is not built or the vector is NULL or unusable.';

CREATE FUNCTION reelbase.build_vector_index(
  index_name text,
  lists integer DEFAULT NULL,
  sample_rows integer DEFAULT NULL,
  iterations integer DEFAULT 10
) RETURNS TABLE (list_count integer, sampled_rows integer, assigned_rows bigint, seconds double precision)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'rb_build_vector_index';
COMMENT ON FUNCTION reelbase.build_vector_index(text, integer, integer, integer) IS
  'Builds or rebuilds an IVF index: spherical k-means (Swift) over a sample, centroids stored, every row assigned to its list. Default lists: sqrt(rows) between 1 and 4096; default sample: 50 rows per list, at least 10,000 (all rows if fewer). Blocks writes to the table while it runs.';

REVOKE ALL ON FUNCTION reelbase.build_vector_index(text, integer, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reelbase.build_vector_index(text, integer, integer, integer) TO reelbase_admin;
GRANT EXECUTE ON FUNCTION reelbase.cosine_similarity(real[], real[]),
  reelbase.unit_cosine(real[], real[]), reelbase.vector_list_for(text, real[])
  TO reelbase_app, reelbase_admin;
GRANT SELECT ON reelbase.vector_indexes, reelbase.vector_index_centroids TO reelbase_app, reelbase_admin;

-- 0.2.0/31_learning_search.sql
-- Semantic search over transcript chunks (seed 003 search_video_chunks), on the vector engine.

-- Embeddings stay inline and uncompressed (STORAGE MAIN): 1,536 floats are 6 KB, which fits in
-- a page, and random floats do not compress, so the scan reads each embedding in place from the
-- heap page, with no TOAST lookups and no copy. (Existing rows keep their storage until
-- rewritten; new and updated rows use it.)
ALTER TABLE learning.video_chunks ALTER COLUMN embedding SET STORAGE MAIN;

ALTER TABLE learning.video_chunks ADD COLUMN ivf_list integer;
COMMENT ON COLUMN learning.video_chunks.ivf_list IS
  'IVF list of the embedding (reelbase.vector_indexes ''learning.video_chunks''); kept current by a trigger, set for all rows by learning.build_chunk_index().';
CREATE INDEX idx_video_chunks_ivf_list ON learning.video_chunks (ivf_list);

INSERT INTO reelbase.vector_indexes (name, table_name, vector_column, list_column, dimension)
VALUES ('learning.video_chunks', 'learning.video_chunks', 'embedding', 'ivf_list', 1536);

CREATE FUNCTION learning.video_chunks_assign_list() RETURNS trigger
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog
AS $$
BEGIN
  NEW.ivf_list := reelbase.vector_list_for('learning.video_chunks', NEW.embedding);
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION learning.video_chunks_assign_list() IS
  'BEFORE INSERT OR UPDATE OF embedding on learning.video_chunks: files the chunk in its IVF list.';
CREATE TRIGGER video_chunks_assign_list_trigger
  BEFORE INSERT OR UPDATE OF embedding ON learning.video_chunks
  FOR EACH ROW EXECUTE FUNCTION learning.video_chunks_assign_list();

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
  AS 'MODULE_PATHNAME', 'search_video_chunks';
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
