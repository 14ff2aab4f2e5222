-- learning.search_video_chunks and the vector engine: exact results against a brute-force
-- reference (same ids, same order, ties by id), the threshold, the video filter, RLS per role,
-- the IVF index (build, probing, maintenance on insert/update/delete) and every bad input.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixtures :abs_srcdir '/sql/fixtures/'
\set fixture :fixtures 'learning.sql'
\i :fixture
\set VERBOSITY default
\set SHOW_CONTEXT never

-- Deterministic 1,536-value embeddings: a blend of waves whose frequencies depend on n, so
-- similarities spread over (-1, 1) with no accidental near-ties.
CREATE FUNCTION pg_temp.emb(n integer) RETURNS real[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_agg((sin(i * ((n % 37) + 1) * 0.013) + 0.5 * cos(i * ((n % 11) + 1) * 0.07)
                    + 0.25 * sin(i * 0.001 * n))::real ORDER BY i)
  FROM generate_series(1, 1536) i $$;
-- Brute force in double precision over unnest: the reference the Swift scan must match.
CREATE FUNCTION pg_temp.ref_cosine(a real[], b real[]) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT sum(x * y) / sqrt(sum(x * x) * sum(y * y)) FROM unnest(a::float8[], b::float8[]) t(x, y) $$;

-- 60 chunks on V11 and V12 (creator 1), 30 on V21 (creator 2), 20 on the soft-deleted V13.
INSERT INTO learning.video_chunks (video_id, chunk_index, chunk_text, embedding)
SELECT CASE WHEN n <= 30 THEN 'd0000000-0000-0000-0000-000000000011'
            WHEN n <= 60 THEN 'd0000000-0000-0000-0000-000000000012'
            WHEN n <= 90 THEN 'd0000000-0000-0000-0000-000000000021'
            ELSE 'd0000000-0000-0000-0000-000000000013' END::uuid,
       100 + n, 'chunk ' || n, pg_temp.emb(n)
FROM generate_series(1, 110) n;
-- Embeddings are stored uncompressed even when they compress (STORAGE PLAIN): a constant
-- vector compresses to a few bytes, and a scan would decompress it on every read.
INSERT INTO learning.video_chunks (id, video_id, chunk_index, chunk_text, embedding) VALUES
  ('00000000-0000-4000-8000-0000000000c0', 'd0000000-0000-0000-0000-000000000013', 950, 'flat',
   pg_catalog.array_fill(0.5::real, ARRAY[1536]));
SELECT pg_column_compression(embedding) AS compression, pg_column_size(embedding) AS bytes
FROM learning.video_chunks WHERE id = '00000000-0000-4000-8000-0000000000c0';
DELETE FROM learning.video_chunks WHERE id = '00000000-0000-4000-8000-0000000000c0';
-- Two chunks with the same embedding: an exact tie, broken by id.
INSERT INTO learning.video_chunks (id, video_id, chunk_index, chunk_text, embedding) VALUES
  ('00000000-0000-4000-8000-0000000000b2', 'd0000000-0000-0000-0000-000000000012', 900, 'twin b', pg_temp.emb(500)),
  ('00000000-0000-4000-8000-0000000000a1', 'd0000000-0000-0000-0000-000000000011', 901, 'twin a', pg_temp.emb(500));

CREATE TEMP TABLE q AS SELECT pg_temp.emb(7) AS e, pg_temp.emb(500) AS twin;
GRANT SELECT ON q TO PUBLIC;
CREATE TEMP VIEW reference AS
  SELECT c.id, c.video_id, pg_temp.ref_cosine(c.embedding, q.e) AS sim
  FROM learning.video_chunks c JOIN learning.videos v ON v.id = c.video_id, q
  WHERE NOT v.is_deleted AND c.embedding IS NOT NULL;

-- Exact mode (no index yet): the same ids in the same order as the reference, similarity
-- within float rounding.
SELECT (SELECT array_agg(id ORDER BY similarity DESC, id) FROM learning.search_video_chunks((SELECT e FROM q), 10, -1))
     = (SELECT array_agg(id ORDER BY sim DESC, id) FROM (SELECT * FROM reference ORDER BY sim DESC, id LIMIT 10) r)
       AS same_top10,
       (SELECT max(abs(s.similarity - r.sim)) < 1e-5 FROM learning.search_video_chunks((SELECT e FROM q), 200, -1) s
        JOIN reference r USING (id)) AS similarity_matches,
       (SELECT count(*) FROM learning.search_video_chunks((SELECT e FROM q), 1000, -1)) AS all_visible_rows;
-- The best match first; the row's own columns come back.
SELECT chunk_text, chunk_index, round(similarity::numeric, 4) AS similarity
FROM learning.search_video_chunks((SELECT e FROM q), 3, 0.0);
-- Ties: equal similarity, ordered by id.
SELECT chunk_text, id FROM learning.search_video_chunks((SELECT twin FROM q), 2, 0.99);
-- Threshold: exactly the rows at or above it, never fewer (up to match_count).
SELECT (SELECT count(*) FROM learning.search_video_chunks((SELECT e FROM q), 1000, 0.3))
     = (SELECT count(*) FROM reference WHERE sim >= 0.3) AS threshold_exact,
       (SELECT count(*) FROM reference WHERE sim >= 0.3) AS rows_above_0_3,
       (SELECT count(*) FROM learning.search_video_chunks((SELECT e FROM q), 1000, 1.0001)) AS above_one;
-- Defaults: 5 rows, threshold 0.7.
SELECT count(*) <= 5 AS at_most_five, bool_and(similarity >= 0.7) AS all_above_default
FROM learning.search_video_chunks((SELECT e FROM q));
-- Filter: only the given videos (text ids, as the seed declares them); soft-deleted V13 never.
SELECT video_id, count(*) FROM learning.search_video_chunks((SELECT e FROM q), 1000, -1,
  ARRAY['d0000000-0000-0000-0000-000000000021', 'd0000000-0000-0000-0000-000000000013'])
GROUP BY 1 ORDER BY 1;
SELECT count(*) AS no_videos FROM learning.search_video_chunks((SELECT e FROM q), 10, -1, ARRAY[]::text[]);
-- Row-level security decides: a student sees their creator's non-deleted videos only, a
-- creator their own; admins everything but soft-deleted videos.
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-000000000021') IS NOT NULL AS acting;
SELECT video_id, count(*) FROM learning.search_video_chunks((SELECT e FROM q), 1000, -1) GROUP BY 1 ORDER BY 1;
SELECT reelbase.set_user_id('c0000000-0000-0000-0000-000000000001') IS NOT NULL AS acting;
SELECT video_id, count(*) FROM learning.search_video_chunks((SELECT e FROM q), 1000, -1) GROUP BY 1 ORDER BY 1;
SELECT reelbase.set_user_id(NULL) IS NULL AS nobody;
SELECT count(*) AS without_identity FROM learning.search_video_chunks((SELECT e FROM q), 1000, -1);
ROLLBACK;

-- Bad input: 22023 naming the problem (22004 for a NULL query).
SELECT * FROM learning.search_video_chunks(NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks('{1,2,3}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks(array_fill(0::real, ARRAY[1536]));
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks((SELECT e[1:6] || '{NaN}'::real[] || e[8:1536] FROM q));
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks((SELECT e[1:1535] || '{Infinity}'::real[] FROM q));
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks((SELECT e[1:9] || '{NULL}'::real[] || e[11:1536] FROM q));
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks(array_fill(0.5::real, ARRAY[2, 768]));
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks('{}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks((SELECT e FROM q), 0);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks((SELECT e FROM q), 1001);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks((SELECT e FROM q), NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks((SELECT e FROM q), 5, 'NaN');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks((SELECT e FROM q), 5, 0.5, ARRAY['d0000000-0000-0000-0000-000000000011', 'not-a-uuid']);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks((SELECT e FROM q), 5, 0.5, ARRAY['d0000000-0000-0000-0000-000000000011', NULL]);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM learning.search_video_chunks((SELECT e FROM q), 5, 0.5, ARRAY[repeat('x', 100000)]);
\echo :LAST_ERROR_SQLSTATE

-- The scoring kernels return NULL, not an error, for rows they cannot score.
SELECT reelbase.cosine_similarity('{1,0}', '{0,1}') AS orthogonal,
       reelbase.cosine_similarity('{1,2,3}', '{2,4,6}') AS parallel,
       reelbase.cosine_similarity('{1,2}', '{1,2,3}') IS NULL AS length_mismatch,
       reelbase.cosine_similarity('{0,0}', '{1,1}') IS NULL AS zero,
       reelbase.cosine_similarity('{1,NULL}', '{1,1}') IS NULL AS null_element,
       reelbase.cosine_similarity('{NaN,1}', '{1,1}') IS NULL AS nan;
-- Every finite vector is scored: squares of the largest floats and of denormals fit a double.
SELECT reelbase.cosine_similarity('{3e38,3e38}', '{3e38,3e38}') AS largest,
       reelbase.cosine_similarity('{3e38,0}', '{0,3e38}') AS largest_orthogonal,
       reelbase.cosine_similarity('{1e-45,1e-45}', '{1e-45,1e-45}') AS denormal,
       reelbase.cosine_similarity('{3e38,1e-45}', '{1,0}') AS mixed;
-- A two-dimensional array is refused (its elements are not a vector).
SELECT reelbase.cosine_similarity('{{1,2},{3,4}}', '{{1,2},{3,4}}');
\echo :LAST_ERROR_SQLSTATE
-- The per-row kernel scores no two-dimensional array either: one bad row gives NULL, not an error.
SELECT reelbase.unit_cosine('{{1,2},{3,4}}', '{1,2,3,4}') IS NULL AS row_2d,
       reelbase.unit_cosine('{1,2,3,4}', '{{1,2},{3,4}}') IS NULL AS query_2d,
       reelbase.unit_cosine('{1,0}', '{1,0}') AS same;

-- IVF index: build it (4 lists over the 113 chunks with embeddings, deleted video included).
CREATE TEMP TABLE chunk_positions AS SELECT id, ctid AS position FROM learning.video_chunks;
SELECT list_count, sampled_rows, assigned_rows FROM learning.build_chunk_index(lists => 4);
SELECT name, lists, version, sample_rows FROM reelbase.vector_indexes WHERE name = 'learning.video_chunks';
-- Every chunk with an embedding is filed in the side table, in its nearest list; the chunk
-- rows themselves are not rewritten (their physical position, ctid, is unchanged).
SELECT count(*) FILTER (WHERE l.chunk_id IS NULL) AS unfiled,
       count(*) FILTER (WHERE l.chunk_id IS NULL AND c.embedding IS NOT NULL) AS unfiled_with_embedding,
       count(DISTINCT l.ivf_list) AS lists_used,
       bool_and(l.ivf_list = reelbase.vector_list_for('learning.video_chunks', c.embedding)) AS nearest_centroid,
       bool_and(c.ctid = b.position) AS rows_not_rewritten
FROM learning.video_chunks c
LEFT JOIN learning.video_chunk_lists l ON l.chunk_id = c.id
JOIN chunk_positions b ON b.id = c.id;
-- Probing every list is exact; with one probe the answer is still match_count long, because a
-- search short of rows probes further lists.
SET reelbase.search_probes = 4;
SELECT (SELECT array_agg(id ORDER BY similarity DESC, id) FROM learning.search_video_chunks((SELECT e FROM q), 10, -1))
     = (SELECT array_agg(id ORDER BY sim DESC, id) FROM (SELECT * FROM reference ORDER BY sim DESC, id LIMIT 10) r)
       AS all_lists_exact;
SET reelbase.search_probes = 1;
SELECT count(*) AS one_probe_rows FROM learning.search_video_chunks((SELECT e FROM q), 50, -1);
SELECT count(*) AS filtered_rows FROM learning.search_video_chunks((SELECT e FROM q), 30, -1,
  ARRAY['d0000000-0000-0000-0000-000000000021']);
RESET reelbase.search_probes;
-- exact_search forces the scan even with the index.
SET reelbase.exact_search = on;
SELECT count(*) AS exact_rows FROM learning.search_video_chunks((SELECT e FROM q), 1000, -1);
RESET reelbase.exact_search;

-- Maintenance: an inserted chunk is filed in its list, an updated embedding moves, a NULL
-- embedding has no list, a deleted chunk is gone from results.
INSERT INTO learning.video_chunks (id, video_id, chunk_index, chunk_text, embedding) VALUES
  ('00000000-0000-4000-8000-0000000000c3', 'd0000000-0000-0000-0000-000000000011', 950, 'new', pg_temp.emb(7));
SELECT ivf_list = reelbase.vector_list_for('learning.video_chunks', pg_temp.emb(7)) AS filed
FROM learning.video_chunk_lists WHERE chunk_id = '00000000-0000-4000-8000-0000000000c3';
SELECT chunk_text, round(similarity::numeric, 4) AS similarity
FROM learning.search_video_chunks((SELECT e FROM q), 1, 0.5);
UPDATE learning.video_chunks SET embedding = pg_temp.emb(500) WHERE id = '00000000-0000-4000-8000-0000000000c3';
SELECT ivf_list = reelbase.vector_list_for('learning.video_chunks', pg_temp.emb(500)) AS moved
FROM learning.video_chunk_lists WHERE chunk_id = '00000000-0000-4000-8000-0000000000c3';
UPDATE learning.video_chunks SET embedding = NULL WHERE id = '00000000-0000-4000-8000-0000000000c3';
SELECT count(*) = 0 AS unfiled FROM learning.video_chunk_lists WHERE chunk_id = '00000000-0000-4000-8000-0000000000c3';
DELETE FROM learning.video_chunks WHERE chunk_text = 'chunk 7';
SELECT count(*) AS lists_of_deleted_chunks FROM learning.video_chunk_lists l
WHERE NOT EXISTS (SELECT 1 FROM learning.video_chunks c WHERE c.id = l.chunk_id);
SELECT count(*) AS deleted_chunk_found FROM learning.search_video_chunks((SELECT e FROM q), 1000, -1)
WHERE chunk_text = 'chunk 7';
-- A rebuild bumps the version; other sessions reload centroids on their next call.
SELECT list_count FROM learning.build_chunk_index(lists => 2);
SELECT lists, version FROM reelbase.vector_indexes WHERE name = 'learning.video_chunks';
-- Build errors.
SELECT * FROM learning.build_chunk_index(lists => 0);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM reelbase.build_vector_index('no.such.index');
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.vector_list_for('no.such.index', '{1}');
\echo :LAST_ERROR_SQLSTATE
-- Only administrators build indexes, and they can.
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT * FROM learning.build_chunk_index();
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
BEGIN;
SET LOCAL ROLE regress_reelbase_admin;
SELECT list_count FROM learning.build_chunk_index(lists => 3);
ROLLBACK;
-- Centroids average every tenant's embeddings and the registry counts their rows: an end user
-- reads neither, nor asks vector_list_for; search through the index still works for them and
-- finds what an exact scan finds among the rows they may see.
BEGIN;
SET LOCAL ROLE regress_reelbase_app;
SELECT reelbase.set_user_id('a0000000-0000-0000-0000-000000000021') IS NOT NULL AS acting;
SAVEPOINT s;
SELECT count(*) FROM reelbase.vector_index_centroids;
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
SELECT count(*) FROM reelbase.vector_indexes;
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
SELECT reelbase.vector_list_for('learning.video_chunks', (SELECT e FROM q));
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
-- Nor the list of each chunk: it is the nearest centroid, so it moves with other tenants' rows.
SELECT count(*) FROM learning.video_chunk_lists;
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
SET LOCAL reelbase.search_probes = 2;
SELECT array_agg(id ORDER BY similarity DESC, id) AS ivf FROM learning.search_video_chunks((SELECT e FROM q), 1000, -1) \gset
SET LOCAL reelbase.exact_search = on;
SELECT array_agg(id ORDER BY similarity DESC, id) = :'ivf' AS ivf_as_app_equals_exact, cardinality(:'ivf'::uuid[]) AS rows_seen
FROM learning.search_video_chunks((SELECT e FROM q), 1000, -1);
SELECT current_user AS still_the_caller;
ROLLBACK;

\set fixture :fixtures 'learning_cleanup.sql'
\i :fixture
DELETE FROM reelbase.vector_index_centroids;
UPDATE reelbase.vector_indexes SET lists = NULL, version = 0, sample_rows = NULL, built_at = NULL, build_seconds = NULL;
