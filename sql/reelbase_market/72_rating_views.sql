-- Ratings read back for administrators: where raters disagree with the AI prediction, and how
-- raters agree with each other per video. security_invoker: the caller's privileges and RLS
-- apply (ratings are the administrators').

CREATE VIEW market.rating_disagreements WITH (security_invoker = true) AS
  SELECT r.id AS rating_id, r.video_id, r.rater_id, r.rater_type, r.rated_at,
         'overall'::text AS dimension, r.overall_score AS rated,
         (r.ai_prediction ->> 'overall')::double precision AS predicted,
         (r.ai_prediction -> 'user_disagreement' ->> 'overall_delta')::double precision AS delta
  FROM market.video_ratings r
  WHERE r.ai_prediction -> 'user_disagreement' ? 'overall_delta'
  UNION ALL
  SELECT r.id, r.video_id, r.rater_id, r.rater_type, r.rated_at,
         d.key, (r.dimensions ->> d.key)::double precision,
         (r.ai_prediction -> 'dimensions' ->> d.key)::double precision,
         (d.value #>> '{}')::double precision
  FROM market.video_ratings r,
       jsonb_each(r.ai_prediction -> 'user_disagreement' -> 'dimension_deltas') d;
COMMENT ON VIEW market.rating_disagreements IS
  'One row per rating and compared dimension (''overall'' or hook, pacing, ...): the rated value, the AI''s prediction and delta = rated - predicted (from ai_prediction.user_disagreement, 4 decimals). Negative: the rater liked it less than predicted.';

CREATE VIEW market.video_rating_summary WITH (security_invoker = true) AS
  SELECT r.video_id,
         count(*) AS rater_count,
         count(*) FILTER (WHERE r.rater_type = 'owner') AS owner_count,
         count(*) FILTER (WHERE r.rater_type = 'agent') AS agent_count,
         avg(r.overall_score) AS mean_overall,
         stddev_pop(r.overall_score) AS overall_stddev,
         max(r.overall_score) - min(r.overall_score) AS overall_range,
         avg(r.overall_score) FILTER (WHERE r.rater_type = 'owner') AS owner_overall,
         avg(r.overall_score) FILTER (WHERE r.rater_type = 'agent') AS agent_mean_overall,
         avg(r.overall_score) FILTER (WHERE r.rater_type = 'agent')
           - avg(r.overall_score) FILTER (WHERE r.rater_type = 'owner') AS agent_owner_spread,
         avg((r.ai_prediction -> 'user_disagreement' ->> 'overall_delta')::double precision) AS mean_ai_overall_delta,
         max(r.rated_at) AS last_rated_at
  FROM market.video_ratings r
  GROUP BY r.video_id;
COMMENT ON VIEW market.video_rating_summary IS
  'Agreement between raters per video: rater counts by type, mean, population standard deviation and range of overall_score, the owner''s score and the agents'' mean, agent_owner_spread = agents'' mean - owner''s (NULL unless both rated), and the mean disagreement with the AI''s overall prediction.';

GRANT SELECT ON market.rating_disagreements, market.video_rating_summary TO reelbase_admin;
