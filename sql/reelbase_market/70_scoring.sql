-- Model scoring (market issue item 5): the active model's feature_weights applied to a video's
-- visual_analysis. The rules (FeatureScoring in ReelbaseCore) in short:
--   raw = sum over the weights of weight x feature value, each key a dotted path into
--         visual_analysis ("script.replicability.score" -> va->'script'->'replicability'->'score');
--   feature value: a JSON number as itself, true / false as 1 / 0; a missing path, JSON null, a
--         string, an object or an array adds nothing and is counted in features_missing;
--   virality_score = 10 / (1 + exp(-raw)): raw 0 is 5, always finite and within [0, 10]
--         (market.concepts' CHECK);
--   a weight that is not a JSON number -> 22023 naming its key; a number beyond double
--         precision -> 22003.
-- The functions run with the caller's rights; only administrators may execute them (analysed
-- videos and models are theirs, and score_concept writes concepts).

CREATE FUNCTION market.score_video(p_video_id uuid, p_model_version_id uuid DEFAULT NULL)
RETURNS TABLE (raw_score double precision, virality_score double precision,
               features_used integer, features_missing integer)
  LANGUAGE c STABLE PARALLEL SAFE ROWS 1
  AS 'MODULE_PATHNAME', 'market_score_video';
COMMENT ON FUNCTION market.score_video(uuid, uuid) IS
  'Scores an analysed video with a model (NULL: the active one): raw = sum of weight x feature (numbers, booleans as 1/0; missing, null, strings, objects and arrays count as missing), virality_score = 10 / (1 + exp(-raw)) in [0, 10]. Errors: 22004 NULL video, 23503 unknown video or model, 55000 no active model or no visual_analysis, 22023 a non-numeric weight, 22003 a number beyond double precision.';

CREATE FUNCTION market.virality_score(p_visual_analysis jsonb, p_feature_weights jsonb)
RETURNS double precision
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'market_virality_score';
COMMENT ON FUNCTION market.virality_score(jsonb, jsonb) IS
  'The virality_score (0 to 10) that feature weights give a visual analysis, by the rules of market.score_video; both must be JSON objects (22023).';

CREATE FUNCTION market.score_concept(p_concept_id uuid, p_model_version_id uuid DEFAULT NULL)
RETURNS double precision
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'market_score_concept';
COMMENT ON FUNCTION market.score_concept(uuid, uuid) IS
  'Scores the concept''s source video with a model (NULL: the active one), stores virality_score and model_version_id on the concept and returns the score. Errors as market.score_video, and 23503 for an unknown concept.';

REVOKE ALL ON FUNCTION market.score_video(uuid, uuid), market.virality_score(jsonb, jsonb),
  market.score_concept(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION market.score_video(uuid, uuid), market.virality_score(jsonb, jsonb),
  market.score_concept(uuid, uuid) TO reelbase_admin;
