-- IVF index builds over embeddings stored compressed or out of line (TOAST). Reading such a
-- value detoasts it into a copy; the build reads its sample row by row inside one SPI
-- connection, so the copies must be freed as they are read, not left in SPI's memory until
-- the build ends (6 KB per sampled row). A trigger on the index's side table, which fills
-- while that connection is still open, records how large SPI's memory then is.
\set VERBOSITY default
\set SHOW_CONTEXT never

CREATE SCHEMA regress_vector_storage;
-- Embeddings that compress: a slow wave, stored compressed in line (EXTENDED) ...
CREATE TABLE regress_vector_storage.packed (id integer PRIMARY KEY, embedding real[]);
ALTER TABLE regress_vector_storage.packed ALTER COLUMN embedding SET STORAGE EXTENDED;
-- ... and the same values out of line, uncompressed (EXTERNAL).
CREATE TABLE regress_vector_storage.external (id integer PRIMARY KEY, embedding real[]);
ALTER TABLE regress_vector_storage.external ALTER COLUMN embedding SET STORAGE EXTERNAL;
CREATE TABLE regress_vector_storage.packed_lists (id integer PRIMARY KEY, ivf_list integer NOT NULL);
CREATE TABLE regress_vector_storage.external_lists (id integer PRIMARY KEY, ivf_list integer NOT NULL);
INSERT INTO reelbase.vector_indexes (name, table_name, vector_column, list_column, dimension,
                                     key_column, list_table, list_key_column)
VALUES ('regress.packed', 'regress_vector_storage.packed', 'embedding', 'ivf_list', 1536,
        'id', 'regress_vector_storage.packed_lists', 'id'),
       ('regress.external', 'regress_vector_storage.external', 'embedding', 'ivf_list', 1536,
        'id', 'regress_vector_storage.external_lists', 'id');

-- 1,536 values in steps of 1/64 along a wave whose phase depends on n: pglz finds the runs.
CREATE FUNCTION pg_temp.emb(n integer) RETURNS real[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_agg((round(sin((i / 96) * 0.4 + n * 0.37) * 64) / 64)::real ORDER BY i)
  FROM generate_series(0, 1535) i $$;
INSERT INTO regress_vector_storage.packed SELECT n, pg_temp.emb(n) FROM generate_series(1, 400) n;
INSERT INTO regress_vector_storage.external SELECT n, pg_temp.emb(n) FROM generate_series(1, 400) n;
-- The storage is what the test is about: every packed value compressed, every external one
-- out of line at its full size (1,536 floats and the array header).
SELECT count(*) FILTER (WHERE pg_column_compression(embedding) = 'pglz') AS packed_compressed,
       max(pg_column_size(embedding)) < 6000 AS packed_smaller
FROM regress_vector_storage.packed;
SELECT count(*) FILTER (WHERE pg_column_compression(embedding) IS NULL) AS external_uncompressed,
       min(pg_column_size(embedding)) AS external_size,
       pg_relation_size((SELECT reltoastrelid FROM pg_class
                         WHERE oid = 'regress_vector_storage.external'::regclass)) > 400 * 6000 AS in_toast_table
FROM regress_vector_storage.external;

-- The probe: the largest total size of SPI's procedure memory seen while the rows are filed.
CREATE FUNCTION pg_temp.spi_memory_probe() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bytes bigint := (SELECT sum(total_bytes) FROM pg_backend_memory_contexts WHERE name = 'SPI Proc');
BEGIN
  IF bytes > coalesce(nullif(current_setting('regress.spi_peak', true), ''), '0')::bigint THEN
    PERFORM set_config('regress.spi_peak', bytes::text, false);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER probe BEFORE INSERT ON regress_vector_storage.packed_lists
  FOR EACH ROW EXECUTE FUNCTION pg_temp.spi_memory_probe();
CREATE TRIGGER probe BEFORE INSERT ON regress_vector_storage.external_lists
  FOR EACH ROW EXECUTE FUNCTION pg_temp.spi_memory_probe();

-- Builds work on both, every row is filed in its nearest list, and SPI's memory stays far
-- below the 2.4 MB that 400 leaked 6 KB copies would take.
SELECT set_config('regress.spi_peak', '0', false) IS NOT NULL AS reset;
SELECT list_count, sampled_rows, assigned_rows FROM reelbase.build_vector_index('regress.packed', lists => 4);
SELECT current_setting('regress.spi_peak')::bigint BETWEEN 1 AND 512 * 1024 AS packed_memory_flat;
SELECT count(*) AS filed, bool_and(l.ivf_list = reelbase.vector_list_for('regress.packed', p.embedding)) AS nearest
FROM regress_vector_storage.packed p JOIN regress_vector_storage.packed_lists l USING (id);

SELECT set_config('regress.spi_peak', '0', false) IS NOT NULL AS reset;
SELECT list_count, sampled_rows, assigned_rows FROM reelbase.build_vector_index('regress.external', lists => 4);
SELECT current_setting('regress.spi_peak')::bigint BETWEEN 1 AND 512 * 1024 AS external_memory_flat;
SELECT count(*) AS filed, bool_and(l.ivf_list = reelbase.vector_list_for('regress.external', e.embedding)) AS nearest
FROM regress_vector_storage.external e JOIN regress_vector_storage.external_lists l USING (id);
-- Same values, same seed: the two storages give the same index.
SELECT bool_and(p.centroid = e.centroid) AS same_centroids
FROM reelbase.vector_index_centroids p JOIN reelbase.vector_index_centroids e USING (list_no)
WHERE p.index_name = 'regress.packed' AND e.index_name = 'regress.external';

-- The scoring kernels read toasted values too (each call frees its copy).
SELECT count(*) AS scored, bool_and(abs(reelbase.cosine_similarity(p.embedding, e.embedding) - 1) < 1e-6) AS identical
FROM regress_vector_storage.packed p JOIN regress_vector_storage.external e USING (id);

DELETE FROM reelbase.vector_indexes WHERE name IN ('regress.packed', 'regress.external');
DROP SCHEMA regress_vector_storage CASCADE;
RESET regress.spi_peak;
