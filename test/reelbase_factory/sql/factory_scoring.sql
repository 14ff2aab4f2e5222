-- factory.find_winners and factory.score_published_content on constructed metrics whose
-- ranking is known: rates pooled over the days, normalised by the best, weighted.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/factory.sql'
\i :fixture
\set VERBOSITY terse
\set ON_ERROR_ROLLBACK on
\set p3 '''f0000000-0000-0000-0000-0000000000b3'''
\set p4 '''f0000000-0000-0000-0000-0000000000b4'''
INSERT INTO factory.cf_assembled_content (id, dossier_id, script_id, platform) VALUES
  ('f0000000-0000-0000-0000-0000000000a3', :d1, :s1, 'tiktok'), ('f0000000-0000-0000-0000-0000000000a4', :d1, NULL, 'tiktok');
INSERT INTO factory.cf_published_content (id, assembled_content_id, platform, platform_url) VALUES
  (:p3, 'f0000000-0000-0000-0000-0000000000a3', 'tiktok', 'https://tiktok.com/@a/3'),
  (:p4, 'f0000000-0000-0000-0000-0000000000a4', 'tiktok', 'https://tiktok.com/@a/4');
-- p1 (with the fixture's day: views 1000, likes 50, clicks 10): 10,000 views, 1,000 engagements,
-- 100 clicks, 10 conversions -> engagement .10, ctr .01, conversion .10.
-- p3: 10,000 views, 500 engagements, 200 clicks, 40 conversions -> .05, .02, .20.
-- p4: 900 views (not above the threshold of 1000).
INSERT INTO factory.cf_performance_metrics (published_content_id, date, views, likes, comments, clicks, conversions) VALUES
  (:p1, '2026-01-06', 9000, 900, 50, 90, 10),
  (:p3, '2026-01-06', 4000, 200, 0, 80, 16), (:p3, '2026-02-10', 6000, 300, 0, 120, 24),
  (:p4, '2026-01-06', 900, 500, 0, 90, 90);
-- Weights 0.2 / 0.4 / 0.4: p3 = 0.2 * 0.5 + 0.4 + 0.4 = 0.9, p1 = 0.2 + 0.4 * 0.5 + 0.4 * 0.5 = 0.6.
UPDATE factory.cf_scoring_config SET weights = '{"engagement": 0.2, "ctr": 0.4, "conversions": 0.4}' WHERE id = :c1;
BEGIN;
SET LOCAL ROLE regress_factory_app;
SELECT reelbase.set_user_id(:ann) IS NOT NULL AS ann;
SELECT rank, published_content_id, platform_url, awareness_level, round(score::numeric, 9) AS score, total_views,
       round(engagement_rate::numeric, 6) AS e, round(ctr::numeric, 6) AS ctr, round(conversion_rate::numeric, 6) AS conv,
       engagement_normalised AS e_n, ctr_normalised AS ctr_n, conversion_normalised AS conv_n, config_id = :c1 AS active_config
FROM factory.find_winners();
-- A lower threshold lets p4 in, and its rates now set the maxima.
SELECT rank, published_content_id, round(score::numeric, 6) AS score, total_views FROM factory.find_winners(min_views => 500);
-- since: only p3's February day counts (6,000 views, the rates unchanged), p1 has no day then.
SELECT rank, published_content_id, total_views FROM factory.find_winners(since => '2026-02-01');
SELECT rank, published_content_id FROM factory.find_winners(1);
-- One content, against the same population (p4 below the threshold but scored when asked for).
SELECT published_content_id, round(score::numeric, 9) AS score, total_views FROM factory.score_published_content(:p1);
SELECT published_content_id, round(score::numeric, 6) AS score, total_views FROM factory.score_published_content(:p4);
-- Bob sees none of it, and scores his own against his own.
SELECT reelbase.set_user_id(:bob) IS NOT NULL AS bob;
SELECT rank, published_content_id, round(score::numeric, 6) AS score FROM factory.find_winners(min_views => 0);
SELECT * FROM factory.score_published_content(:p1);
\echo :LAST_ERROR_SQLSTATE
-- Refusals.
SELECT * FROM factory.find_winners(0);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.find_winners(min_views => -1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.score_published_content(:p2, 'f0000000-0000-0000-0000-000000000000');
\echo :LAST_ERROR_SQLSTATE
COMMIT;
UPDATE factory.cf_scoring_config SET active = false;
SELECT * FROM factory.find_winners();
\echo :LAST_ERROR_SQLSTATE
