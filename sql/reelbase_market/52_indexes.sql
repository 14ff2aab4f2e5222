-- market indexes: the seed's, by its names. The seed's ivfflat index on content_embedding is
-- the vector engine's IVF index instead (market.similar_videos). UNIQUE constraints already
-- index country_code, so idx_market_contexts_country duplicates it; kept because the seed
-- names it and it costs one small index on a table of a few hundred rows.

CREATE INDEX idx_analyzed_videos_platform ON market.analyzed_videos (platform);
CREATE INDEX idx_analyzed_videos_created ON market.analyzed_videos (created_at DESC);

CREATE INDEX idx_video_ratings_video ON market.video_ratings (video_id);
CREATE INDEX idx_video_ratings_overall ON market.video_ratings (overall_score);
CREATE INDEX idx_video_ratings_rated ON market.video_ratings (rated_at DESC);

CREATE INDEX idx_market_contexts_country ON market.market_contexts (country_code);
CREATE INDEX idx_market_contexts_language ON market.market_contexts (primary_language);

CREATE INDEX idx_model_versions_active ON market.model_versions (is_active) WHERE is_active = true;
CREATE INDEX idx_model_versions_trained ON market.model_versions (trained_at DESC);
CREATE UNIQUE INDEX idx_model_versions_single_active ON market.model_versions (is_active) WHERE is_active = true;

CREATE INDEX idx_concepts_source ON market.concepts (source_video_id);
CREATE INDEX idx_concepts_virality ON market.concepts (virality_score DESC);
CREATE INDEX idx_concepts_archived ON market.concepts (archived);
CREATE INDEX idx_concepts_evergreen ON market.concepts (evergreen_eligible);

CREATE INDEX idx_listing_windows_concept ON market.listing_windows (concept_id);
CREATE INDEX idx_listing_windows_market ON market.listing_windows (market_context_id);
CREATE INDEX idx_listing_windows_status ON market.listing_windows (status);
CREATE INDEX idx_listing_windows_active ON market.listing_windows (status) WHERE status = 'active';
CREATE INDEX idx_listing_windows_end ON market.listing_windows (window_end);

CREATE INDEX idx_transactions_buyer ON market.transactions (buyer_id);
CREATE INDEX idx_transactions_concept ON market.transactions (concept_id);
CREATE INDEX idx_transactions_listing ON market.transactions (listing_window_id);
CREATE INDEX idx_transactions_cashback ON market.transactions (cashback_status);

CREATE INDEX idx_produced_content_transaction ON market.produced_content (transaction_id);
CREATE INDEX idx_produced_content_verified ON market.produced_content (verified);
CREATE INDEX idx_produced_content_platform ON market.produced_content (platform);

CREATE INDEX idx_viewer_overlays_concept ON market.viewer_overlays (concept_id);
CREATE INDEX idx_viewer_overlays_language ON market.viewer_overlays (language_code);
CREATE INDEX idx_viewer_overlays_type ON market.viewer_overlays (overlay_type);
CREATE INDEX idx_viewer_overlays_concept_lang ON market.viewer_overlays (concept_id, language_code);

CREATE INDEX idx_feature_snapshots_model ON market.feature_importance_snapshots (model_version_id);
CREATE INDEX idx_feature_snapshots_date ON market.feature_importance_snapshots (snapshot_at DESC);

CREATE INDEX idx_arbitrage_concept ON market.arbitrage_metrics (concept_id);
CREATE INDEX idx_arbitrage_origin ON market.arbitrage_metrics (origin_market_id);
CREATE INDEX idx_arbitrage_target ON market.arbitrage_metrics (target_market_id);
