-- factory.evaluate_ab_test on constructed metrics with known answers (computed apart, with
-- Python's math.erfc: conversions 100/1000 vs 150/1000 -> z 3.380617, p 0.000723; 100/1000 vs
-- 104/1010 -> z 0.220488, p 0.825491; clicks 1000, 1000, 1010 per 10,000 views -> chi-square
-- 0.073855 on 2 df, p 0.963746; Wilson 95% of 150/1000: 0.129210 .. 0.173469).
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/factory.sql'
\i :fixture
\set VERBOSITY terse
\set ON_ERROR_ROLLBACK on
\set p3 '''f0000000-0000-0000-0000-0000000000b3'''
\set p4 '''f0000000-0000-0000-0000-0000000000b4'''
INSERT INTO factory.cf_assembled_content (id, dossier_id, script_id, platform) VALUES
  ('f0000000-0000-0000-0000-0000000000a3', :d1, :s1, 'tiktok'), ('f0000000-0000-0000-0000-0000000000a4', :d1, :s1, 'tiktok');
INSERT INTO factory.cf_published_content (id, assembled_content_id, platform) VALUES
  (:p3, 'f0000000-0000-0000-0000-0000000000a3', 'tiktok'), (:p4, 'f0000000-0000-0000-0000-0000000000a4', 'tiktok');
-- p1 already has 2026-01-05 (views 1000, likes 50, clicks 10): with this day, 10,000 views,
-- 1,000 clicks, 100 conversions.
INSERT INTO factory.cf_performance_metrics (published_content_id, date, views, clicks, conversions, likes) VALUES
  (:p1, '2026-01-06', 9000, 990, 100, 0),
  (:p3, '2026-01-06', 10000, 1000, 150, 20),
  (:p4, '2026-01-06', 10000, 1010, 104, 12000);
CREATE FUNCTION pg_temp.variants(variadic ids uuid[]) RETURNS jsonb[] LANGUAGE sql
  RETURN ARRAY(SELECT jsonb_build_object('label', 'v' || o, 'published_content_id', i) FROM unnest(ids) WITH ORDINALITY u(i, o) ORDER BY o);
INSERT INTO factory.cf_ab_tests (id, dossier_id, name, variants) VALUES
  ('f0000000-0000-0000-0000-000000000072', :d1, 'significant', pg_temp.variants(:p1, :p3)),
  ('f0000000-0000-0000-0000-000000000073', :d1, 'not significant', pg_temp.variants(:p1, :p4)),
  ('f0000000-0000-0000-0000-000000000074', :d1, 'three', pg_temp.variants(:p1, :p3, :p4)),
  ('f0000000-0000-0000-0000-000000000077', :d1, 'upper-case ids', ARRAY[
    jsonb_build_object('published_content_id', upper(:p1)), jsonb_build_object('published_content_id', upper(:p3))]);
-- Variants that a write would refuse (factory_integrity), loaded as a restore loads rows, so
-- that evaluate_ab_test's own checks are seen.
SET row_security = off;
INSERT INTO factory.cf_ab_tests (id, dossier_id, name, variants) VALUES
  ('f0000000-0000-0000-0000-000000000075', :d1, 'foreign', pg_temp.variants(:p1, :p2)),
  ('f0000000-0000-0000-0000-000000000076', :d1, 'malformed', ARRAY['{"published_content_id": "nope"}', '{"label": "x"}']::jsonb[]);
RESET row_security;
BEGIN;
SET LOCAL ROLE regress_factory_app;
SELECT reelbase.set_user_id(:ann) IS NOT NULL AS ann;
-- Significant: the second variant wins, and the test is completed with it.
SELECT variant, label, successes, trials, round(rate::numeric, 6) AS rate, round(interval_lower::numeric, 6) AS lo,
       round(interval_upper::numeric, 6) AS hi, test, round(statistic::numeric, 6) AS statistic, degrees_of_freedom AS df,
       round(p_value::numeric, 6) AS p, significant, winner
FROM factory.evaluate_ab_test('f0000000-0000-0000-0000-000000000072');
SELECT status, winner_id = :p3 AS p3_won, confidence, completed_at IS NOT NULL AS completed FROM factory.cf_ab_tests
WHERE id = 'f0000000-0000-0000-0000-000000000072';
SELECT * FROM factory.evaluate_ab_test('f0000000-0000-0000-0000-000000000072');
\echo :LAST_ERROR_SQLSTATE
-- A uuid written in upper case (Foundation's form) names the same content.
SELECT variant, published_content_id, successes, significant FROM factory.evaluate_ab_test('f0000000-0000-0000-0000-000000000077');
-- Not significant: said so, nothing changed.
SELECT variant, round(statistic::numeric, 6) AS statistic, round(p_value::numeric, 6) AS p, significant, winner
FROM factory.evaluate_ab_test('f0000000-0000-0000-0000-000000000073');
SELECT status, winner_id, confidence, completed_at FROM factory.cf_ab_tests WHERE id = 'f0000000-0000-0000-0000-000000000073';
-- Three variants on clicks per view: the chi-square test.
SELECT variant, successes, trials, test, round(statistic::numeric, 6) AS statistic, degrees_of_freedom AS df,
       round(p_value::numeric, 6) AS p, significant
FROM factory.evaluate_ab_test('f0000000-0000-0000-0000-000000000074', 'clicks');
-- Refusals.
SELECT * FROM factory.evaluate_ab_test('f0000000-0000-0000-0000-000000000074', 'engagement');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.evaluate_ab_test(:t1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.evaluate_ab_test('f0000000-0000-0000-0000-000000000075');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.evaluate_ab_test('f0000000-0000-0000-0000-000000000076');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.evaluate_ab_test('f0000000-0000-0000-0000-000000000073', 'views');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.evaluate_ab_test('f0000000-0000-0000-0000-000000000073', 'clicks', 1.5);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.evaluate_ab_test('f0000000-0000-0000-0000-000000000000');
\echo :LAST_ERROR_SQLSTATE
-- The flow and the winner hold for plain writes too.
UPDATE factory.cf_ab_tests SET status = 'draft' WHERE id = 'f0000000-0000-0000-0000-000000000072';
\echo :LAST_ERROR_SQLSTATE
UPDATE factory.cf_ab_tests SET winner_id = :p2 WHERE id = 'f0000000-0000-0000-0000-000000000073';
\echo :LAST_ERROR_SQLSTATE
UPDATE factory.cf_ab_tests SET status = 'running' WHERE id = 'f0000000-0000-0000-0000-000000000073' RETURNING status;
UPDATE factory.cf_ab_tests SET status = 'cancelled' WHERE id = 'f0000000-0000-0000-0000-000000000073' RETURNING status;
SELECT * FROM factory.evaluate_ab_test('f0000000-0000-0000-0000-000000000073');
\echo :LAST_ERROR_SQLSTATE
-- Bob cannot see Ann's tests.
SELECT reelbase.set_user_id(:bob) IS NOT NULL AS bob;
SELECT * FROM factory.evaluate_ab_test('f0000000-0000-0000-0000-000000000073');
\echo :LAST_ERROR_SQLSTATE
COMMIT;
