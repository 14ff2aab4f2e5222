-- Every CHECK of the seed (and of the deviations) refuses what it should, by name; the
-- generated columns on extreme metrics; one script per (dossier, level, sophistication), a
-- missing sophistication included.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/factory.sql'
\i :fixture
\set VERBOSITY terse
\set ON_ERROR_ROLLBACK on

-- dossiers: status, slug format, NOT NULLs
INSERT INTO factory.cf_product_dossiers (name, status, owner_id) VALUES ('x', 'live', :ann);
INSERT INTO factory.cf_product_dossiers (name, slug, owner_id) VALUES ('x', 'Not A Slug', :ann);
INSERT INTO factory.cf_product_dossiers (name, slug, owner_id) VALUES ('x', 'trailing-', :ann);
INSERT INTO factory.cf_product_dossiers (name, slug, owner_id) VALUES ('x', repeat('a', 101), :ann);
INSERT INTO factory.cf_product_dossiers (name, status, owner_id) VALUES ('x', NULL, :ann);
INSERT INTO factory.cf_product_dossiers (name) VALUES ('no owner');
INSERT INTO factory.cf_product_dossiers (name, owner_id) VALUES (NULL, :ann);
-- The defaults the seed gives.
SELECT slug, benefits, pain_points, proof_types, status, owner_id = :ann AS ann_owns FROM factory.cf_product_dossiers WHERE id = :d1;

-- images and videos
INSERT INTO factory.cf_generated_images (dossier_id, type, prompt) VALUES (:d1, 'selfie', 'p');
INSERT INTO factory.cf_generated_images (dossier_id, type, prompt, status) VALUES (:d1, 'after', 'p', 'done');
INSERT INTO factory.cf_generated_images (dossier_id, type, prompt) VALUES (:d1, 'after', NULL);
INSERT INTO factory.cf_generated_images (dossier_id, type, prompt) VALUES ('f0000000-0000-0000-0000-000000000000', 'after', 'p');
SELECT model, status, metadata FROM factory.cf_generated_images WHERE id = :i1;
INSERT INTO factory.cf_generated_videos (dossier_id, type, prompt) VALUES (:d1, 'vlog', 'p');
INSERT INTO factory.cf_generated_videos (dossier_id, type, prompt, duration) VALUES (:d1, 'demo', 'p', 0);
INSERT INTO factory.cf_generated_videos (dossier_id, type, prompt, aspect_ratio) VALUES (:d1, 'demo', 'p', '4:3');
INSERT INTO factory.cf_generated_videos (dossier_id, type, prompt, status) VALUES (:d1, 'demo', 'p', 'queued');
SELECT model, aspect_ratio, status FROM factory.cf_generated_videos WHERE id = :v1;
-- Deleting an image sets source_image_id NULL (the seed's ON DELETE SET NULL).
BEGIN;
DELETE FROM factory.cf_generated_images WHERE id = :i1;
SELECT source_image_id FROM factory.cf_generated_videos WHERE id = :v1;
ROLLBACK;

-- scripts: levels 1 to 5, full_script generated, one per combination (NULL sophistication too)
INSERT INTO factory.cf_scripts (dossier_id, awareness_level, hook, body, cta) VALUES (:d1, 0, 'h', 'b', 'c');
INSERT INTO factory.cf_scripts (dossier_id, awareness_level, hook, body, cta) VALUES (:d1, 6, 'h', 'b', 'c');
INSERT INTO factory.cf_scripts (dossier_id, awareness_level, market_sophistication, hook, body, cta) VALUES (:d1, 5, 0, 'h', 'b', 'c');
INSERT INTO factory.cf_scripts (dossier_id, awareness_level, market_sophistication, hook, body, cta) VALUES (:d1, 5, 6, 'h', 'b', 'c');
INSERT INTO factory.cf_scripts (dossier_id, awareness_level, hook, body, cta) VALUES (:d1, 5, 'h', NULL, 'c');
INSERT INTO factory.cf_scripts (dossier_id, awareness_level, market_sophistication, hook, body, cta) VALUES (:d1, 1, 1, 'h', 'b', 'c');
INSERT INTO factory.cf_scripts (dossier_id, awareness_level, hook, body, cta) VALUES (:d2, 2, 'again', 'b', 'c');
INSERT INTO factory.cf_scripts (dossier_id, awareness_level, market_sophistication, hook, body, cta) VALUES (:d1, 1, 2, 'h', 'b', 'c');
INSERT INTO factory.cf_scripts (dossier_id, awareness_level, full_script, hook, body, cta) VALUES (:d1, 4, 'mine', 'h', 'b', 'c');
SELECT full_script FROM factory.cf_scripts WHERE id = :s1;
UPDATE factory.cf_scripts SET cta = 'Tap the link' WHERE id = :s1;
SELECT full_script FROM factory.cf_scripts WHERE id = :s1;

-- assembled and published content
INSERT INTO factory.cf_assembled_content (dossier_id, platform) VALUES (:d1, 'myspace');
INSERT INTO factory.cf_assembled_content (dossier_id, platform, status) VALUES (:d1, 'tiktok', 'live');
SELECT video_ids, image_ids, hashtags, status, metadata FROM factory.cf_assembled_content WHERE id = :a2;
INSERT INTO factory.cf_published_content (assembled_content_id, platform) VALUES (:a1, 'myspace');
INSERT INTO factory.cf_published_content (assembled_content_id, platform, promotion_budget) VALUES (:a1, 'tiktok', -0.01);
INSERT INTO factory.cf_published_content (assembled_content_id, platform, promotion_status) VALUES (:a1, 'tiktok', 'paused');
INSERT INTO factory.cf_published_content (assembled_content_id, platform, promotion_budget, promotion_status) VALUES (:a1, 'tiktok', 0, 'none');
SELECT count(*) FROM factory.cf_published_content WHERE assembled_content_id = :a1;

-- metrics: no negative count or spend, counts are NOT NULL
INSERT INTO factory.cf_performance_metrics (published_content_id, date, views) VALUES (:p1, '2026-02-01', -1);
INSERT INTO factory.cf_performance_metrics (published_content_id, date, likes) VALUES (:p1, '2026-02-01', -1);
INSERT INTO factory.cf_performance_metrics (published_content_id, date, comments) VALUES (:p1, '2026-02-01', -1);
INSERT INTO factory.cf_performance_metrics (published_content_id, date, shares) VALUES (:p1, '2026-02-01', -1);
INSERT INTO factory.cf_performance_metrics (published_content_id, date, saves) VALUES (:p1, '2026-02-01', -1);
INSERT INTO factory.cf_performance_metrics (published_content_id, date, clicks) VALUES (:p1, '2026-02-01', -1);
INSERT INTO factory.cf_performance_metrics (published_content_id, date, conversions) VALUES (:p1, '2026-02-01', -1);
INSERT INTO factory.cf_performance_metrics (published_content_id, date, spend) VALUES (:p1, '2026-02-01', -0.01);
INSERT INTO factory.cf_performance_metrics (published_content_id, date, likes) VALUES (:p1, '2026-02-01', NULL);
INSERT INTO factory.cf_performance_metrics (published_content_id, date) VALUES (:p1, NULL);
INSERT INTO factory.cf_performance_metrics (published_content_id, date, ctr) VALUES (:p1, '2026-02-01', 1);
-- The generated ratios take every valid row: more interactions than views (DECIMAL(5,4) of the
-- seed refuses these), no views at all, and every count at its maximum over one view (the
-- seed's integer sum overflows).
INSERT INTO factory.cf_performance_metrics (published_content_id, date, views, likes, comments, shares, saves, clicks, conversions) VALUES
  (:p1, '2026-02-01', 1, 20, 0, 0, 0, 3, 0),
  (:p1, '2026-02-02', 0, 5, 5, 5, 5, 5, 5),
  (:p1, '2026-02-03', 1, 2147483647, 2147483647, 2147483647, 2147483647, 2147483647, 2147483647),
  (:p1, '2026-02-04', 2147483647, 1, 0, 0, 0, 1, 0),
  (:p1, '2026-02-05', 3, 1, 0, 0, 0, 2, 0);
SELECT date, views, engagement_rate, ctr, pg_typeof(engagement_rate) AS type
FROM factory.cf_performance_metrics WHERE published_content_id = :p1 AND date >= '2026-02-01' ORDER BY date;
-- The ratios follow an update of the counts.
UPDATE factory.cf_performance_metrics SET views = 40 WHERE published_content_id = :p1 AND date = '2026-02-01';
SELECT engagement_rate, ctr FROM factory.cf_performance_metrics WHERE published_content_id = :p1 AND date = '2026-02-01';

-- scoring configs and A/B tests
INSERT INTO factory.cf_scoring_config (name, weights, min_views_threshold, active) VALUES ('neg', '{"ctr": 1}', -1, false);
INSERT INTO factory.cf_scoring_config (name, weights, active) VALUES ('null active', '{"ctr": 1}', NULL);
SELECT min_views_threshold, active FROM factory.cf_scoring_config WHERE id = :c1;
INSERT INTO factory.cf_ab_tests (dossier_id, name, variants, status) VALUES (:d1, 'x', '{}', 'paused');
INSERT INTO factory.cf_ab_tests (dossier_id, name, variants, confidence) VALUES (:d1, 'x', '{}', 1.01);
INSERT INTO factory.cf_ab_tests (dossier_id, name, variants, confidence) VALUES (:d1, 'x', '{}', -0.01);
INSERT INTO factory.cf_ab_tests (dossier_id, name, variants) VALUES (:d1, 'x', NULL);
INSERT INTO factory.cf_ab_tests (name, variants) VALUES ('no dossier', '{}');
INSERT INTO factory.cf_ab_tests (dossier_id, name, variants, winner_id) VALUES (:d1, 'x', '{}', 'f0000000-0000-0000-0000-000000000000');
SELECT status, confidence, winner_id FROM factory.cf_ab_tests WHERE id = :t1;

-- Deleting a dossier cascades to everything made from it.
DELETE FROM factory.cf_product_dossiers WHERE id = :d2;
SELECT (SELECT count(*) FROM factory.cf_generated_images WHERE dossier_id = :d2) AS images,
       (SELECT count(*) FROM factory.cf_generated_videos WHERE dossier_id = :d2) AS videos,
       (SELECT count(*) FROM factory.cf_scripts WHERE dossier_id = :d2) AS scripts,
       (SELECT count(*) FROM factory.cf_assembled_content WHERE dossier_id = :d2) AS assembled,
       (SELECT count(*) FROM factory.cf_published_content WHERE id = :p2) AS published,
       (SELECT count(*) FROM factory.cf_performance_metrics WHERE published_content_id = :p2) AS metrics;
