-- The IVF list of each transcript chunk, in a narrow side table rather than a column of
-- learning.video_chunks: a build rewrites only (chunk_id, ivf_list) pairs, not the 6 KB rows.

CREATE TABLE learning.video_chunk_lists (
  chunk_id uuid PRIMARY KEY REFERENCES learning.video_chunks (id) ON DELETE CASCADE,
  ivf_list integer NOT NULL CHECK (ivf_list >= 0)
);
COMMENT ON TABLE learning.video_chunk_lists IS
  'IVF list of each transcript chunk embedding (reelbase.vector_indexes ''learning.video_chunks''): written by learning.build_chunk_index() and kept current by a trigger on learning.video_chunks. Derived data: not dumped, rebuild after a restore.';
COMMENT ON COLUMN learning.video_chunk_lists.chunk_id IS 'The chunk.';
COMMENT ON COLUMN learning.video_chunk_lists.ivf_list IS 'Its list (nearest centroid).';
CREATE INDEX idx_video_chunk_lists_list ON learning.video_chunk_lists (ivf_list, chunk_id);

-- The IVF index of chunk embeddings, on the vector engine.
INSERT INTO reelbase.vector_indexes
  (name, table_name, vector_column, key_column, list_table, list_key_column, list_column, dimension)
VALUES ('learning.video_chunks', 'learning.video_chunks', 'embedding', 'id',
        'learning.video_chunk_lists', 'chunk_id', 'ivf_list', 1536);

-- Not for end users: a chunk's list is its nearest centroid, and centroids average every
-- tenant's embeddings, so even the list of one's own chunk moves with other tenants' rows.
-- Search looks lists up as the table's owner (VectorIndexState.keys) and reads the chunks
-- with the caller's rights.
ALTER TABLE learning.video_chunk_lists ENABLE ROW LEVEL SECURITY;
CREATE POLICY video_chunk_lists_admin_all ON learning.video_chunk_lists TO reelbase_admin
  USING (true) WITH CHECK (true);
COMMENT ON POLICY video_chunk_lists_admin_all ON learning.video_chunk_lists IS
  'Administrators (index builds) read and write every row.';
GRANT SELECT, INSERT, UPDATE, DELETE ON learning.video_chunk_lists TO reelbase_admin;

-- Files a chunk whenever its embedding is written. SECURITY DEFINER: whoever may write the
-- chunk (an administrator's pipeline) need not be granted the side table.
CREATE FUNCTION learning.video_chunks_file_list() RETURNS trigger
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  list integer := reelbase.vector_list_for('learning.video_chunks', NEW.embedding);
BEGIN
  IF list IS NULL THEN
    DELETE FROM learning.video_chunk_lists WHERE chunk_id = NEW.id;
  ELSE
    INSERT INTO learning.video_chunk_lists (chunk_id, ivf_list) VALUES (NEW.id, list)
    ON CONFLICT (chunk_id) DO UPDATE SET ivf_list = EXCLUDED.ivf_list;
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION learning.video_chunks_file_list() IS
  'AFTER INSERT OR UPDATE OF embedding on learning.video_chunks: files the chunk in its IVF list (learning.video_chunk_lists), or unfiles it when the embedding is NULL or unusable or no index is built.';
REVOKE ALL ON FUNCTION learning.video_chunks_file_list() FROM PUBLIC;
CREATE TRIGGER video_chunks_file_list_trigger
  AFTER INSERT OR UPDATE OF embedding ON learning.video_chunks
  FOR EACH ROW EXECUTE FUNCTION learning.video_chunks_file_list();
