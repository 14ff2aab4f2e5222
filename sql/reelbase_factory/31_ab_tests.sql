-- A/B test evaluation (Swift, Sources/ReelbaseExtension/Factory/EvaluateABTest.swift; the
-- statistics are ReelbaseCore's, Sources/ReelbaseCore/Factory/). Runs with the caller's rights:
-- the variants' content and metrics are read through the policies.

CREATE FUNCTION factory.evaluate_ab_test(test_id uuid, metric text DEFAULT 'conversions',
                                         confidence_level double precision DEFAULT 0.95)
  RETURNS TABLE (variant integer, label text, published_content_id uuid, successes bigint, trials bigint,
                 rate double precision, interval_lower double precision, interval_upper double precision,
                 test text, statistic double precision, degrees_of_freedom integer, p_value double precision,
                 significant boolean, winner boolean)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'factory_evaluate_ab_test';
COMMENT ON FUNCTION factory.evaluate_ab_test(uuid, text, double precision) IS
  'Evaluates an A/B test over its variants'' metric days: metric ''conversions'' (conversions per click), ''clicks'' (clicks per view) or ''engagement'' (likes, comments, shares and saves per view); two variants: two-proportion z-test, more: chi-square test of independence; one row per variant (rate, Wilson interval at confidence_level) with the test''s statistic and p-value. When significant (p < 1 - confidence_level) sets winner_id (the best rate, ties to the first variant), confidence, status completed and completed_at; otherwise changes nothing. Errors: 22023 unknown metric, bad confidence, a variant that is not a published content of the test''s dossier, a variant without trials, engagement above views; P0002 no such test (or not visible); 55000 a completed or cancelled test.';
REVOKE ALL ON FUNCTION factory.evaluate_ab_test(uuid, text, double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION factory.evaluate_ab_test(uuid, text, double precision) TO reelbase_app, reelbase_admin;
