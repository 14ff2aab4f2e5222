-- The market schema (seed 000): catalog facts (tables, RLS, pg_dump registration, indexes,
-- foreign keys) and every CHECK / UNIQUE / NOT NULL rule, as the superuser.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/market.sql'
\i :fixture
\set VERBOSITY terse

-- All 11 tables of seed 000, each with row-level security on, at least one policy, and
-- registered with pg_extension_config_dump (pg_dump keeps their rows).
SELECT c.relname, c.relrowsecurity AS rls, c.oid = ANY (e.extconfig) AS dumped,
       (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace CROSS JOIN pg_extension e
WHERE n.nspname = 'market' AND c.relkind = 'r' AND e.extname = 'reelbase_market'
  AND c.relname NOT LIKE '%\_lists'
ORDER BY c.relname;

-- The seed's named indexes: no row means none is missing.
SELECT i.name AS missing_index
FROM unnest(ARRAY[
  'idx_analyzed_videos_platform', 'idx_analyzed_videos_created', 'idx_video_ratings_video',
  'idx_video_ratings_overall', 'idx_video_ratings_rated', 'idx_market_contexts_country',
  'idx_market_contexts_language', 'idx_model_versions_active', 'idx_model_versions_trained',
  'idx_model_versions_single_active', 'idx_concepts_source', 'idx_concepts_virality',
  'idx_concepts_archived', 'idx_concepts_evergreen', 'idx_listing_windows_concept',
  'idx_listing_windows_market', 'idx_listing_windows_status', 'idx_listing_windows_active',
  'idx_listing_windows_end', 'idx_transactions_buyer', 'idx_transactions_concept',
  'idx_transactions_listing', 'idx_transactions_cashback', 'idx_produced_content_transaction',
  'idx_produced_content_verified', 'idx_produced_content_platform', 'idx_viewer_overlays_concept',
  'idx_viewer_overlays_language', 'idx_viewer_overlays_type', 'idx_viewer_overlays_concept_lang',
  'idx_feature_snapshots_model', 'idx_feature_snapshots_date', 'idx_arbitrage_concept',
  'idx_arbitrage_origin', 'idx_arbitrage_target']) AS i(name)
WHERE to_regclass('market.' || i.name) IS NULL;

-- Foreign keys as in the seed (a = no action: money records and ratings never vanish with
-- what they reference).
SELECT conrelid::regclass AS tbl, pg_get_constraintdef(oid) AS fk, confdeltype AS on_delete
FROM pg_constraint WHERE contype = 'f' AND connamespace = 'market'::regnamespace
ORDER BY conrelid::regclass::text, 2;

-- Defaults of a minimal row
BEGIN;
INSERT INTO market.listing_windows (concept_id, market_context_id, window_start, window_end, base_price_usd, listed_price)
VALUES ('e0000000-0000-0000-0000-0000000000d2', 'e0000000-0000-0000-0000-0000000000a2',
        '2026-01-01 00:00+00', '2026-01-04 00:00+00', 10, 2.50)
RETURNING per_market_cap, global_cap, sold_count, status, created_at IS NOT NULL AS created;
SELECT platform FROM market.analyzed_videos WHERE id = 'e0000000-0000-0000-0000-0000000000c1';
SELECT evergreen_eligible, archived FROM market.concepts WHERE id = 'e0000000-0000-0000-0000-0000000000d1';
SELECT cashback_eligible, cashback_status FROM market.transactions WHERE id = 'e0000000-0000-0000-0000-0000000000f1';
SELECT verified, verified_at IS NULL AS unverified FROM market.produced_content;
ROLLBACK;

-- Each rule below fails with its constraint's name (23514 check, 23505 unique, 23502 not null, 23503 fk).
\set ON_ERROR_STOP 0
-- analyzed_videos
INSERT INTO market.analyzed_videos (video_url, platform) VALUES ('https://x', 'vimeo');
INSERT INTO market.analyzed_videos (video_url) VALUES ('');
INSERT INTO market.analyzed_videos (video_url, content_embedding) VALUES ('https://x', ARRAY[1, 2, 3]::real[]);
INSERT INTO market.analyzed_videos (video_url, visual_analysis) VALUES ('https://x', '[1]');
INSERT INTO market.analyzed_videos (video_url, user_notes) VALUES ('https://x', 'legacy');
-- a 1,536-dimensional embedding is accepted
INSERT INTO market.analyzed_videos (video_url, content_embedding)
  SELECT 'https://ok', array_agg(0.5::real) FROM generate_series(1, 1536)
  RETURNING platform;
-- stored uncompressed although it compresses (STORAGE PLAIN: scans read it in place)
SELECT pg_column_compression(content_embedding) AS compression, pg_column_size(content_embedding) AS bytes
FROM market.analyzed_videos WHERE video_url = 'https://ok';
DELETE FROM market.analyzed_videos WHERE video_url = 'https://ok';
-- video_ratings: one rating per rater per video, score range, rater type
INSERT INTO market.video_ratings (video_id, overall_score, dimensions, rater_id)
  VALUES ('e0000000-0000-0000-0000-0000000000c1', 0.5, '{"hook": 0.5, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}', 'a0000000-0000-0000-0000-0000000000a0');
INSERT INTO market.video_ratings (video_id, overall_score, dimensions, rater_id)
  VALUES ('e0000000-0000-0000-0000-0000000000c1', 1.5, '{"hook": 0.5, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}', 'a0000000-0000-0000-0000-0000000000a1');
INSERT INTO market.video_ratings (video_id, overall_score, dimensions, rater_id, rater_type)
  VALUES ('e0000000-0000-0000-0000-0000000000c1', 0.5, '{"hook": 0.5, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}', 'a0000000-0000-0000-0000-0000000000a1', 'guest');
-- no identity set: the rater defaults to nobody, which NOT NULL refuses
INSERT INTO market.video_ratings (video_id, overall_score, dimensions)
  VALUES ('e0000000-0000-0000-0000-0000000000c1', 0.5, '{"hook": 0.5, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}');
INSERT INTO market.video_ratings (video_id, overall_score, dimensions, rater_id)
  VALUES ('e0000000-0000-0000-0000-00000000ffff', 0.5, '{"hook": 0.5, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}', 'a0000000-0000-0000-0000-0000000000a1');
-- market_contexts
INSERT INTO market.market_contexts (country_code, region_name, primary_language, purchasing_power_index, currency_code)
  VALUES ('US', 'Again', 'en', 1, 'USD');
INSERT INTO market.market_contexts (country_code, region_name, primary_language, purchasing_power_index, currency_code)
  VALUES ('usa', 'x', 'en', 1, 'USD');
INSERT INTO market.market_contexts (country_code, region_name, primary_language, purchasing_power_index, currency_code)
  VALUES ('FR', 'France', 'fr', 0, 'EUR');
INSERT INTO market.market_contexts (country_code, region_name, primary_language, purchasing_power_index, currency_code)
  VALUES ('FR', 'France', 'fr', 'NaN', 'EUR');
INSERT INTO market.market_contexts (country_code, region_name, primary_language, purchasing_power_index, currency_code, subtitle_priority)
  VALUES ('FR', 'France', 'fr', 0.9, 'EUR', 11);
INSERT INTO market.market_contexts (country_code, region_name, primary_language, purchasing_power_index, currency_code)
  VALUES ('FR', 'France', 'fr', 0.9, 'euro');
-- model_versions: only one active model
INSERT INTO market.model_versions (version_tag, trained_at, training_video_count, feature_weights, accuracy_metrics, is_active)
  VALUES ('v2.0', now(), 10, '{}', '{}', true);
INSERT INTO market.model_versions (version_tag, trained_at, training_video_count, feature_weights, accuracy_metrics)
  VALUES ('v1.0', now(), 10, '{}', '{}');
INSERT INTO market.model_versions (version_tag, trained_at, training_video_count, feature_weights, accuracy_metrics)
  VALUES ('v3.0', now(), 10, '[]', '{}');
-- concepts
INSERT INTO market.concepts (source_video_id, concept_core, virality_score)
  VALUES ('e0000000-0000-0000-0000-0000000000c1', 'too viral', 10.5);
INSERT INTO market.concepts (source_video_id, concept_core) VALUES (NULL, 'orphan');
-- listing_windows: one listing per concept, market and window start; 72 hours; caps; status
INSERT INTO market.listing_windows (concept_id, market_context_id, window_start, window_end, base_price_usd, listed_price)
  VALUES ('e0000000-0000-0000-0000-0000000000d1', 'e0000000-0000-0000-0000-0000000000a2',
          '2025-12-03 00:00+00', '2025-12-06 00:00+00', 50, 12.50);
INSERT INTO market.listing_windows (concept_id, market_context_id, window_start, window_end, base_price_usd, listed_price)
  VALUES ('e0000000-0000-0000-0000-0000000000d1', 'e0000000-0000-0000-0000-0000000000a1',
          '2025-12-03 00:00+00', '2025-12-05 00:00+00', 50, 50);
INSERT INTO market.listing_windows (concept_id, market_context_id, window_start, window_end, base_price_usd, listed_price)
  VALUES ('e0000000-0000-0000-0000-0000000000d1', 'e0000000-0000-0000-0000-0000000000a1',
          '2025-12-03 00:00+00', '2025-12-06 00:00+00', 0, 0.01);
INSERT INTO market.listing_windows (concept_id, market_context_id, window_start, window_end, base_price_usd, listed_price, per_market_cap)
  VALUES ('e0000000-0000-0000-0000-0000000000d1', 'e0000000-0000-0000-0000-0000000000a1',
          '2025-12-03 00:00+00', '2025-12-06 00:00+00', 50, 50, 0);
UPDATE market.listing_windows SET sold_count = 6 WHERE id = 'e0000000-0000-0000-0000-0000000000e1';
UPDATE market.listing_windows SET status = 'paused' WHERE id = 'e0000000-0000-0000-0000-0000000000e1';
-- transactions
UPDATE market.transactions SET cashback_status = 'refunded' WHERE id = 'e0000000-0000-0000-0000-0000000000f1';
UPDATE market.transactions SET price_paid = -1 WHERE id = 'e0000000-0000-0000-0000-0000000000f1';
UPDATE market.transactions SET listing_window_id = 'e0000000-0000-0000-0000-00000000ffff' WHERE id = 'e0000000-0000-0000-0000-0000000000f1';
-- produced_content: one per transaction, platform
INSERT INTO market.produced_content (transaction_id, submitted_url, platform)
  VALUES ('e0000000-0000-0000-0000-0000000000f2', 'https://again', 'tiktok');
INSERT INTO market.produced_content (transaction_id, submitted_url, platform)
  VALUES ('e0000000-0000-0000-0000-0000000000f1', 'https://x', 'myspace');
-- viewer_overlays
INSERT INTO market.viewer_overlays (concept_id, overlay_type, language_code, content)
  VALUES ('e0000000-0000-0000-0000-0000000000d1', 'banner', 'en', 'x');
INSERT INTO market.viewer_overlays (concept_id, overlay_type, language_code, content, timestamp_start, timestamp_end)
  VALUES ('e0000000-0000-0000-0000-0000000000d1', 'subtitle', 'en', 'x', 3, 2);
-- snapshots and arbitrage
INSERT INTO market.feature_importance_snapshots (model_version_id, training_count, top_positive_features, top_negative_features)
  VALUES ('e0000000-0000-0000-0000-0000000000b1', 1, '{}', '[]');
INSERT INTO market.arbitrage_metrics (concept_id, origin_market_id, target_market_id)
  VALUES ('e0000000-0000-0000-0000-0000000000d1', 'e0000000-0000-0000-0000-0000000000a1', 'e0000000-0000-0000-0000-0000000000a2');
-- deleting what money records reference is refused (no cascade)
DELETE FROM market.listing_windows WHERE id = 'e0000000-0000-0000-0000-0000000000e1';
DELETE FROM market.concepts WHERE id = 'e0000000-0000-0000-0000-0000000000d1';
\set ON_ERROR_STOP 1

\set fixture :abs_srcdir '/sql/fixtures/market_cleanup.sql'
\i :fixture
