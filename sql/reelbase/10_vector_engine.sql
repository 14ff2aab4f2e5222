-- The vector engine: exact cosine scoring in Swift and IVF indexes (spherical k-means lists)
-- for any real[] embedding column. Each indexed column is registered here once, by the product
-- that owns it (learning.video_chunks.embedding, market.analyzed_videos.content_embedding).
-- List membership lives in a narrow side table (key, list) of the product, kept current by its
-- trigger: a build then rewrites only those pairs, never the wide rows of the indexed table.

CREATE TABLE reelbase.vector_indexes (
  name text PRIMARY KEY,
  table_name regclass NOT NULL,
  vector_column name NOT NULL,
  key_column name NOT NULL,
  list_table regclass NOT NULL,
  list_key_column name NOT NULL,
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
COMMENT ON COLUMN reelbase.vector_indexes.key_column IS
  'The indexed table''s key, stored in list_table next to each row''s list.';
COMMENT ON COLUMN reelbase.vector_indexes.list_table IS
  'The side table (list_key_column, list_column) that files each row in its IVF list.';
COMMENT ON COLUMN reelbase.vector_indexes.list_key_column IS
  'The column of list_table holding the indexed row''s key_column value.';

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
  AS 'MODULE_PATHNAME', 'reelbase_cosine_similarity';
COMMENT ON FUNCTION reelbase.cosine_similarity(real[], real[]) IS
  'Cosine similarity of two real[] of the same length (Swift, accumulated in double precision, so exact for every finite vector). NULL when either is the zero vector, has NULL or non-finite elements, or the lengths differ. Errors: 22023 for an array of more than one dimension.';

CREATE FUNCTION reelbase.unit_cosine(embedding real[], unit_query real[]) RETURNS real
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'reelbase_unit_cosine';
COMMENT ON FUNCTION reelbase.unit_cosine(real[], real[]) IS
  'Cosine similarity of an embedding to a query already scaled to length 1 (the scan kernel of vector search: one pass, the embedding read in place). NULL for unusable embeddings.';

CREATE FUNCTION reelbase.vector_list_for(index_name text, vector real[]) RETURNS integer
  LANGUAGE c STABLE PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'reelbase_vector_list_for';
COMMENT ON FUNCTION reelbase.vector_list_for(text, real[]) IS
  'The IVF list (nearest centroid) of a vector in the named index; NULL if the index is not built or the vector is NULL or unusable.';

CREATE FUNCTION reelbase.build_vector_index(
  index_name text,
  lists integer DEFAULT NULL,
  sample_rows integer DEFAULT NULL,
  iterations integer DEFAULT 10
) RETURNS TABLE (list_count integer, sampled_rows integer, assigned_rows bigint, seconds double precision)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'reelbase_build_vector_index';
COMMENT ON FUNCTION reelbase.build_vector_index(text, integer, integer, integer) IS
  'Builds or rebuilds an IVF index: spherical k-means (Swift) over a sample, centroids stored, every row assigned to its list. Default lists: sqrt(rows) between 1 and 4096; default sample: 50 rows per list, at least 10,000 (all rows if fewer). Blocks writes to the table while it runs.';

REVOKE ALL ON FUNCTION reelbase.build_vector_index(text, integer, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reelbase.build_vector_index(text, integer, integer, integer) TO reelbase_admin;
GRANT EXECUTE ON FUNCTION reelbase.cosine_similarity(real[], real[]),
  reelbase.unit_cosine(real[], real[]) TO reelbase_app, reelbase_admin;
-- Not for end users: centroids are averages of every tenant's embeddings (RLS cannot filter
-- an average), the registry counts their rows, and vector_list_for answers questions about
-- the centroids. Search reads them as their owner (VectorIndexCatalog.swift).
GRANT EXECUTE ON FUNCTION reelbase.vector_list_for(text, real[]) TO reelbase_admin;
REVOKE ALL ON FUNCTION reelbase.vector_list_for(text, real[]) FROM PUBLIC;
GRANT SELECT ON reelbase.vector_indexes, reelbase.vector_index_centroids TO reelbase_admin;
-- Administrators build indexes (build_vector_index runs with their rights), which writes the
-- registry and the centroids.
GRANT UPDATE ON reelbase.vector_indexes TO reelbase_admin;
GRANT INSERT, UPDATE, DELETE ON reelbase.vector_index_centroids TO reelbase_admin;
