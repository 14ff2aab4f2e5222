-- Scoring and winners (Swift, Sources/ReelbaseExtension/Factory/Scoring.swift; the score is
-- ReelbaseCore's ContentScoring). The seed's "find winners" query as functions: the contents
-- with more than the config's min_views_threshold views (their metric days since `since`),
-- scored with the config's weights over normalised engagement, CTR and conversion rate.
-- With the caller's rights: only visible content is scored, and scored against visible content.

CREATE FUNCTION factory.find_winners("limit" integer DEFAULT 10, min_views integer DEFAULT NULL, since date DEFAULT NULL)
  RETURNS TABLE ("rank" integer, published_content_id uuid, platform_url text, awareness_level integer, score double precision,
                 total_views bigint, engagement_rate double precision, ctr double precision, conversion_rate double precision,
                 engagement_normalised double precision, ctr_normalised double precision, conversion_normalised double precision,
                 config_id uuid)
  LANGUAGE c STABLE PARALLEL UNSAFE
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'factory_find_winners';
COMMENT ON FUNCTION factory.find_winners(integer, integer, date) IS
  'The best published contents by the active scoring config: more than min_views views (default the config''s min_views_threshold) over their metric days since since (all when NULL), score = the config''s weights over engagement rate, CTR and conversion rate (conversions per click), each pooled over the days and normalised by the highest among the contents scored; best first, ties by views then id; at most limit (1..1000). Errors: 22023 limit or min_views out of range; 55000 no active scoring config.';

CREATE FUNCTION factory.score_published_content(id uuid, config uuid DEFAULT NULL)
  RETURNS TABLE (published_content_id uuid, score double precision, total_views bigint, engagement_rate double precision,
                 ctr double precision, conversion_rate double precision, engagement_normalised double precision,
                 ctr_normalised double precision, conversion_normalised double precision, config_id uuid)
  LANGUAGE c STABLE PARALLEL UNSAFE
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'factory_score_published_content';
COMMENT ON FUNCTION factory.score_published_content(uuid, uuid) IS
  'The score of one published content by config (default the active one), normalised against the contents find_winners would score with that config (and this one, whatever its views). Errors: P0002 no such content or config (or not visible); 55000 no active scoring config.';

REVOKE ALL ON FUNCTION factory.find_winners(integer, integer, date), factory.score_published_content(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION factory.find_winners(integer, integer, date), factory.score_published_content(uuid, uuid)
  TO reelbase_app, reelbase_admin;
