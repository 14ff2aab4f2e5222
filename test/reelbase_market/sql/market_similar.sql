-- Similar videos on the vector engine: market.search_videos and market.similar_videos against a
-- brute-force reference (same ids, same order, ties by id), the video itself excluded, bad
-- input, the IVF path (build, probing, list maintenance) and rights. Sets up and removes its
-- own rows.
SET client_min_messages = warning;
\set VERBOSITY default
\set SHOW_CONTEXT never

-- Deterministic 1,536-value embeddings (as in search.sql).
CREATE FUNCTION pg_temp.emb(n integer) RETURNS real[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_agg((sin(i * ((n % 37) + 1) * 0.013) + 0.5 * cos(i * ((n % 11) + 1) * 0.07)
                    + 0.25 * sin(i * 0.001 * n))::real ORDER BY i)
  FROM generate_series(1, 1536) i $$;
CREATE FUNCTION pg_temp.ref_cosine(a real[], b real[]) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT sum(x * y) / sqrt(sum(x * x) * sum(y * y)) FROM unnest(a::float8[], b::float8[]) t(x, y) $$;
CREATE FUNCTION pg_temp.vid(n integer) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT ('5b000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid $$;

-- The registry knows the column.
SELECT name, table_name, vector_column, dimension, key_column, list_table, list_key_column, lists
FROM reelbase.vector_indexes WHERE name = 'market.analyzed_videos';

-- 60 videos with embeddings, two twins (equal embeddings: a tie broken by id), one without an
-- embedding and one with a zero vector (unusable: never returned, refused as a query).
INSERT INTO market.analyzed_videos (id, video_url, content_embedding)
SELECT pg_temp.vid(n), 'https://www.tiktok.com/@a/video/' || n, pg_temp.emb(n) FROM generate_series(1, 60) n;
INSERT INTO market.analyzed_videos (id, video_url, content_embedding) VALUES
  (pg_temp.vid(102), 'https://www.tiktok.com/@a/video/102', pg_temp.emb(500)),
  (pg_temp.vid(101), 'https://www.tiktok.com/@a/video/101', pg_temp.emb(500)),
  (pg_temp.vid(200), 'https://www.tiktok.com/@a/video/200', NULL),
  (pg_temp.vid(201), 'https://www.tiktok.com/@a/video/201', array_fill(0::real, ARRAY[1536]));
CREATE TEMP VIEW reference AS
  SELECT a.id AS query_id, b.id, pg_temp.ref_cosine(a.content_embedding, b.content_embedding) AS sim
  FROM market.analyzed_videos a, market.analyzed_videos b
  WHERE a.id::text LIKE '5b000000-%' AND b.id::text LIKE '5b000000-%' AND a.id <> b.id
    AND a.content_embedding IS NOT NULL AND b.content_embedding IS NOT NULL
    AND b.id <> pg_temp.vid(201);

-- Exact mode: the same ids in the same order as the reference, the video itself excluded.
SELECT (SELECT array_agg(video_id ORDER BY similarity DESC, video_id) FROM market.similar_videos(pg_temp.vid(7), 10))
     = (SELECT array_agg(id ORDER BY sim DESC, id) FROM (SELECT * FROM reference WHERE query_id = pg_temp.vid(7)
                                                         ORDER BY sim DESC, id LIMIT 10) r) AS same_top10,
       (SELECT max(abs(s.similarity - r.sim)) < 1e-5 FROM market.similar_videos(pg_temp.vid(7), 1000) s
        JOIN reference r ON r.query_id = pg_temp.vid(7) AND r.id = s.video_id) AS similarity_matches,
       (SELECT count(*) FROM market.similar_videos(pg_temp.vid(7), 1000)) AS others_with_usable_embeddings,
       (SELECT count(*) FROM market.similar_videos(pg_temp.vid(7), 1000) WHERE video_id = pg_temp.vid(7)) AS self_rows;
-- Ordered best first; a twin's most similar video is the other twin (similarity 1).
SELECT video_id, round(similarity::numeric, 4) AS similarity FROM market.similar_videos(pg_temp.vid(101), 3);
-- search_videos does not exclude anything: with the twins' embedding, both come first, by id.
SELECT video_id, round(similarity::numeric, 4) AS similarity FROM market.search_videos(pg_temp.emb(500), 3);
-- Default match_count 10; search_videos agrees with similar_videos plus the video itself.
SELECT (SELECT count(*) FROM market.search_videos(pg_temp.emb(7))) AS default_count,
       (SELECT array_agg(video_id ORDER BY similarity DESC, video_id) FROM market.search_videos(pg_temp.emb(7), 11))
     = (SELECT pg_temp.vid(7) || array_agg(video_id ORDER BY similarity DESC, video_id)
        FROM market.similar_videos(pg_temp.vid(7), 10)) AS search_equals_self_plus_similar;

-- Bad input: 22004 NULL, 22023 dimension / elements / zero / match_count, 23503 unknown
-- video, 55000 no embedding.
SELECT * FROM market.search_videos(NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.search_videos('{1,2,3}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.search_videos(array_fill(0::real, ARRAY[1536]));
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.search_videos(array_fill(1::real, ARRAY[2, 768]));
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.search_videos(array_append(array_fill(1::real, ARRAY[1535]), 'NaN'));
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.search_videos(array_append(array_fill(1::real, ARRAY[1535]), NULL));
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.search_videos(pg_temp.emb(1), 0);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.search_videos(pg_temp.emb(1), 1001);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.search_videos(pg_temp.emb(1), NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.similar_videos(NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.similar_videos(pg_temp.vid(1), 0);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.similar_videos(pg_temp.vid(999));
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.similar_videos(pg_temp.vid(200));
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.similar_videos(pg_temp.vid(201));
\echo :LAST_ERROR_SQLSTATE
-- The table refuses a wrong dimension outright (its CHECK).
\set VERBOSITY terse
UPDATE market.analyzed_videos SET content_embedding = '{1,2}' WHERE id = pg_temp.vid(200);
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default

-- IVF: build 4 lists; every usable embedding is filed in its nearest list, the zero vector
-- and the NULL are not.
SELECT list_count, sampled_rows, assigned_rows FROM market.build_video_index(lists => 4);
SELECT count(*) AS filed, count(DISTINCT l.ivf_list) AS lists_used,
       bool_and(l.ivf_list = reelbase.vector_list_for('market.analyzed_videos', v.content_embedding)) AS nearest_centroid,
       count(*) FILTER (WHERE v.id IN (pg_temp.vid(200), pg_temp.vid(201))) AS unusable_filed
FROM market.analyzed_video_lists l JOIN market.analyzed_videos v ON v.id = l.video_id;
-- All lists probed: exact. One probe: still match_count rows (further lists are probed).
SET reelbase.search_probes = 4;
SELECT (SELECT array_agg(video_id ORDER BY similarity DESC, video_id) FROM market.similar_videos(pg_temp.vid(7), 10))
     = (SELECT array_agg(id ORDER BY sim DESC, id) FROM (SELECT * FROM reference WHERE query_id = pg_temp.vid(7)
                                                         ORDER BY sim DESC, id LIMIT 10) r) AS all_lists_exact;
SET reelbase.search_probes = 1;
SELECT count(*) AS one_probe_rows FROM market.similar_videos(pg_temp.vid(7), 40);
SELECT count(*) AS one_probe_all FROM market.search_videos(pg_temp.emb(7), 1000);
-- The best match is in the nearest list, so one probe finds the twin.
SELECT video_id FROM market.similar_videos(pg_temp.vid(101), 1);
RESET reelbase.search_probes;
SET reelbase.exact_search = on;
SELECT count(*) AS exact_rows FROM market.search_videos(pg_temp.emb(7), 1000);
RESET reelbase.exact_search;
-- Which path ran: only the IVF path reads the side table (this transaction's scan counters).
CREATE FUNCTION pg_temp.list_scans() RETURNS bigint LANGUAGE sql AS $$
  SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables
  WHERE relid = 'market.analyzed_video_lists'::regclass $$;
BEGIN;
SELECT pg_temp.list_scans() AS before \gset
SET LOCAL reelbase.exact_search = on;
SELECT count(*) AS exact FROM market.similar_videos(pg_temp.vid(7), 5);
SELECT pg_temp.list_scans() = :before AS exact_skips_lists;
SET LOCAL reelbase.exact_search = off;
SELECT count(*) AS indexed FROM market.similar_videos(pg_temp.vid(7), 5);
SELECT pg_temp.list_scans() > :before AS ivf_reads_lists;
COMMIT;
-- Maintenance: an updated embedding moves to its list, a NULL one is unfiled, a deleted video's
-- entry goes with it.
UPDATE market.analyzed_videos SET content_embedding = pg_temp.emb(500) WHERE id = pg_temp.vid(200);
SELECT ivf_list = reelbase.vector_list_for('market.analyzed_videos', pg_temp.emb(500)) AS filed
FROM market.analyzed_video_lists WHERE video_id = pg_temp.vid(200);
SELECT video_id FROM market.similar_videos(pg_temp.vid(101), 2) ORDER BY video_id;
UPDATE market.analyzed_videos SET content_embedding = NULL WHERE id = pg_temp.vid(200);
SELECT count(*) AS unfiled FROM market.analyzed_video_lists WHERE video_id = pg_temp.vid(200);
DELETE FROM market.analyzed_videos WHERE id = pg_temp.vid(3);
SELECT count(*) AS deleted_entries FROM market.analyzed_video_lists WHERE video_id = pg_temp.vid(3);

-- Rights: administrators search and build; the application role may not.
BEGIN;
SET LOCAL ROLE reelbase_admin;
SELECT count(*) AS admin_rows FROM market.similar_videos(pg_temp.vid(7), 5);
SELECT list_count FROM market.build_video_index(lists => 2);
ROLLBACK;
BEGIN;
SET LOCAL ROLE reelbase_app;
SELECT * FROM market.search_videos(pg_temp.emb(7));
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
BEGIN;
SET LOCAL ROLE reelbase_app;
SELECT * FROM market.build_video_index();
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;

-- Clean up: the rows, and the index back to unbuilt.
DELETE FROM market.analyzed_videos WHERE id::text LIKE '5b000000-%';
DELETE FROM reelbase.vector_index_centroids WHERE index_name = 'market.analyzed_videos';
UPDATE reelbase.vector_indexes SET lists = NULL, version = 0, sample_rows = NULL, built_at = NULL, build_seconds = NULL
WHERE name = 'market.analyzed_videos';
