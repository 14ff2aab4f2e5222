-- market privileges: which statements a role may run at all; 53's policies say which rows.
--
-- * Buyers (reelbase_app) only read the shop window, submit produced content and read what
--   they bought; purchases go through market.purchase_listing.
-- * Concepts' replication details (template_description, required_elements,
--   variable_elements) are what a buyer pays for: not granted on the table, readable for
--   bought concepts through market.purchased_concepts.
-- * transactions are a ledger: administrators correct rows but never DELETE them.
-- TRUNCATE, REFERENCES and TRIGGER are granted to no one.

GRANT USAGE ON SCHEMA market TO reelbase_app, reelbase_admin;

GRANT SELECT ON market.market_contexts, market.listing_windows, market.transactions,
  market.produced_content, market.viewer_overlays TO reelbase_app;
GRANT SELECT (id, source_video_id, concept_core, origin_market_id, virality_score, model_version_id,
  evergreen_eligible, archived, created_at) ON market.concepts TO reelbase_app;
GRANT INSERT (transaction_id, submitted_url, platform, performance_metrics, metrics_updated_at),
  UPDATE (submitted_url, platform, performance_metrics, metrics_updated_at)
  ON market.produced_content TO reelbase_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON
  market.analyzed_videos,
  market.video_ratings,
  market.market_contexts,
  market.model_versions,
  market.concepts,
  market.listing_windows,
  market.produced_content,
  market.viewer_overlays,
  market.feature_importance_snapshots,
  market.arbitrage_metrics
  TO reelbase_admin;
GRANT SELECT, INSERT, UPDATE ON market.transactions TO reelbase_admin;

-- Runs with its owner's rights (a view), filtered to the current buyer by its WHERE clause;
-- security_barrier keeps a caller's functions from seeing other buyers' rows first.
CREATE VIEW market.purchased_concepts WITH (security_barrier) AS
  SELECT t.id AS transaction_id, t.purchased_at, t.market_context_id, c.id AS concept_id,
         c.concept_core, c.template_description, c.required_elements, c.variable_elements,
         c.source_video_id, c.virality_score
  FROM market.transactions t
  JOIN market.concepts c ON c.id = t.concept_id
  WHERE t.buyer_id = reelbase.current_user_id();
COMMENT ON VIEW market.purchased_concepts IS
  'The current buyer''s purchases with the full concept (template and elements), one row per transaction.';
GRANT SELECT ON market.purchased_concepts TO reelbase_app, reelbase_admin;
