-- IVF list membership moves out of the indexed table into a narrow side table. In 0.2.0 a
-- build wrote a list column on every row of learning.video_chunks: each 6 KB row was rewritten,
-- the heap doubled, and exact scans slowed down for good. Now a build rewrites only
-- (chunk_id, ivf_list) pairs.

ALTER TABLE reelbase.vector_indexes ADD COLUMN key_column name;
ALTER TABLE reelbase.vector_indexes ADD COLUMN list_table regclass;
ALTER TABLE reelbase.vector_indexes ADD COLUMN list_key_column name;
COMMENT ON COLUMN reelbase.vector_indexes.key_column IS
  'The indexed table''s key, stored in list_table next to each row''s list.';
COMMENT ON COLUMN reelbase.vector_indexes.list_table IS
  'The side table (list_key_column, list_column) that files each row in its IVF list.';
COMMENT ON COLUMN reelbase.vector_indexes.list_key_column IS
  'The column of list_table holding the indexed row''s key_column value.';

CREATE TABLE learning.video_chunk_lists (
  chunk_id uuid PRIMARY KEY REFERENCES learning.video_chunks (id) ON DELETE CASCADE,
  ivf_list integer NOT NULL CHECK (ivf_list >= 0)
);
COMMENT ON TABLE learning.video_chunk_lists IS
  'IVF list of each transcript chunk embedding (reelbase.vector_indexes ''learning.video_chunks''): written by learning.build_chunk_index() and kept current by a trigger on learning.video_chunks. Derived data: not dumped, rebuild after a restore.';
COMMENT ON COLUMN learning.video_chunk_lists.chunk_id IS 'The chunk.';
COMMENT ON COLUMN learning.video_chunk_lists.ivf_list IS 'Its list (nearest centroid).';
CREATE INDEX idx_video_chunk_lists_list ON learning.video_chunk_lists (ivf_list, chunk_id);

-- Keep what 0.2.0 filed, then drop the old column, its index and its trigger.
INSERT INTO learning.video_chunk_lists (chunk_id, ivf_list)
SELECT id, ivf_list FROM learning.video_chunks WHERE ivf_list IS NOT NULL;
DROP TRIGGER video_chunks_assign_list_trigger ON learning.video_chunks;
DROP FUNCTION learning.video_chunks_assign_list();
DROP INDEX learning.idx_video_chunks_ivf_list;
ALTER TABLE learning.video_chunks DROP COLUMN ivf_list;
UPDATE reelbase.vector_indexes
SET key_column = 'id', list_table = 'learning.video_chunk_lists', list_key_column = 'chunk_id'
WHERE name = 'learning.video_chunks';
ALTER TABLE reelbase.vector_indexes ALTER COLUMN key_column SET NOT NULL;
ALTER TABLE reelbase.vector_indexes ALTER COLUMN list_table SET NOT NULL;
ALTER TABLE reelbase.vector_indexes ALTER COLUMN list_key_column SET NOT NULL;

-- Row-level security like every learning table: a row is visible when its chunk is.
ALTER TABLE learning.video_chunk_lists ENABLE ROW LEVEL SECURITY;
CREATE POLICY video_chunk_lists_visible_chunks ON learning.video_chunk_lists FOR SELECT TO reelbase_app
  USING (EXISTS (SELECT 1 FROM learning.video_chunks c WHERE c.id = chunk_id));
COMMENT ON POLICY video_chunk_lists_visible_chunks ON learning.video_chunk_lists IS
  'End users see the list of the chunks they can see.';
CREATE POLICY video_chunk_lists_admin_all ON learning.video_chunk_lists TO reelbase_admin
  USING (true) WITH CHECK (true);
COMMENT ON POLICY video_chunk_lists_admin_all ON learning.video_chunk_lists IS
  'Administrators (index builds) read and write every row.';
GRANT SELECT ON learning.video_chunk_lists TO reelbase_app;
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
