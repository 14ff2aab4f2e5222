-- Generated from sql/ by extension/build-sql.sh; edit those files.
\echo Use "ALTER EXTENSION reelbase UPDATE TO '0.4.0'" to load this file. \quit

-- 0.4.0/50_market_tables_catalog.sql
-- market, part 1 of 2: the analysed-video catalogue (seed 000 sections 1-2): analyzed_videos,
-- video_ratings, market_contexts, model_versions, concepts. Part 2 (51) holds the sales tables.
--
-- Deviations from the seed, kept to its intent (README, "Deviations"):
-- * times are timestamptz, not timestamp: a 72-hour window or a 30-day cashback deadline is a
--   span between instants and must not depend on the session's TimeZone;
-- * money is numeric(12,2) (US dollars, cents exact), not float;
-- * vector(1536) is real[] with a dimension check (pgvector is not a dependency; a pgvector
--   value cast to real[] is accepted);
-- * the seed's placeholder defaults ('owner-uuid-here') become reelbase.current_user_id().
-- Every table is user data and registered with pg_extension_config_dump.

CREATE SCHEMA market;
COMMENT ON SCHEMA market IS
  'reelbase concept marketplace (seed 000): analysed videos and ratings, PPP-priced 72-hour listings with caps, purchases with 12% cashback, produced content, overlays, model versions.';

CREATE TABLE market.analyzed_videos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  video_url text NOT NULL,
  video_id text,
  platform text DEFAULT 'tiktok',
  metadata jsonb,
  gcs_uri text,
  visual_analysis jsonb,
  content_embedding real[],
  created_at timestamptz DEFAULT now(),
  analyzed_at timestamptz,
  user_ratings jsonb,
  user_tags text[],
  user_notes text,
  CONSTRAINT analyzed_videos_platform_check CHECK (platform IN ('tiktok', 'instagram', 'youtube')),
  CONSTRAINT analyzed_videos_video_url_check CHECK (video_url <> ''),
  CONSTRAINT analyzed_videos_metadata_object CHECK (metadata IS NULL OR jsonb_typeof(metadata) = 'object'),
  CONSTRAINT analyzed_videos_visual_analysis_object CHECK (
    visual_analysis IS NULL OR jsonb_typeof(visual_analysis) = 'object'),
  CONSTRAINT analyzed_videos_embedding_dimension CHECK (
    content_embedding IS NULL
    OR (pg_catalog.array_ndims(content_embedding) = 1 AND pg_catalog.array_length(content_embedding, 1) = 1536)
  ),
  -- The seed marks these "EMPTY - DO NOT USE" (ratings live in video_ratings): kept so its
  -- column list is complete, and held empty so nothing starts depending on them.
  CONSTRAINT analyzed_videos_legacy_columns_empty CHECK (
    user_ratings IS NULL AND user_tags IS NULL AND user_notes IS NULL)
);
-- Inline and uncompressed, like learning.video_chunks: the similarity scan reads them in place.
ALTER TABLE market.analyzed_videos ALTER COLUMN content_embedding SET STORAGE MAIN;
SELECT pg_catalog.pg_extension_config_dump('market.analyzed_videos', '');
COMMENT ON TABLE market.analyzed_videos IS
  'Imported platform videos with their AI analysis (visual_analysis) and content embedding.';
COMMENT ON COLUMN market.analyzed_videos.video_id IS 'The platform''s own video id (e.g. a TikTok id).';
COMMENT ON COLUMN market.analyzed_videos.platform IS 'tiktok, instagram or youtube.';
COMMENT ON COLUMN market.analyzed_videos.visual_analysis IS
  'Gemini features as nested JSON (seed 000 section 5); model_versions.feature_weights address them by dotted path.';
COMMENT ON COLUMN market.analyzed_videos.content_embedding IS
  '1,536-dimensional embedding (real[]; a pgvector value cast to real[] is accepted).';
COMMENT ON COLUMN market.analyzed_videos.user_ratings IS 'Legacy, must stay NULL: use market.video_ratings.';
COMMENT ON COLUMN market.analyzed_videos.user_tags IS 'Legacy, must stay NULL: use market.video_ratings.tags.';
COMMENT ON COLUMN market.analyzed_videos.user_notes IS 'Legacy, must stay NULL: use market.video_ratings.notes.';

CREATE TABLE market.video_ratings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  video_id uuid NOT NULL REFERENCES market.analyzed_videos (id),
  overall_score double precision NOT NULL,
  dimensions jsonb NOT NULL,
  notes text,
  tags text[],
  ai_prediction jsonb,
  rated_at timestamptz DEFAULT now(),
  rater_id uuid NOT NULL DEFAULT reelbase.current_user_id(),
  rater_type text NOT NULL DEFAULT 'owner',
  CONSTRAINT video_ratings_unique_rater UNIQUE (video_id, rater_id),
  CONSTRAINT video_ratings_overall_score_range CHECK (overall_score >= 0 AND overall_score <= 1),
  CONSTRAINT video_ratings_dimensions_object CHECK (jsonb_typeof(dimensions) = 'object'),
  CONSTRAINT video_ratings_ai_prediction_object CHECK (
    ai_prediction IS NULL OR jsonb_typeof(ai_prediction) = 'object'),
  CONSTRAINT video_ratings_rater_type_check CHECK (rater_type IN ('owner', 'agent'))
);
SELECT pg_catalog.pg_extension_config_dump('market.video_ratings', '');
COMMENT ON TABLE market.video_ratings IS
  'Human (owner) and agent ratings of analysed videos: the ground truth for model training. One rating per rater per video.';
COMMENT ON COLUMN market.video_ratings.overall_score IS '0 to 1; the primary target variable.';
COMMENT ON COLUMN market.video_ratings.dimensions IS 'Scores per dimension, 0 to 1: hook, pacing, payoff, originality, rewatchable.';
COMMENT ON COLUMN market.video_ratings.ai_prediction IS
  'The model''s guess before rating; its user_disagreement member is computed from the rating, not typed in.';
COMMENT ON COLUMN market.video_ratings.rater_id IS 'Who rated (defaults to reelbase.current_user_id()).';
COMMENT ON COLUMN market.video_ratings.rater_type IS 'owner or agent.';

CREATE TABLE market.market_contexts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  country_code text NOT NULL UNIQUE,
  region_name text NOT NULL,
  primary_language text NOT NULL,
  purchasing_power_index double precision NOT NULL,
  subtitle_priority integer DEFAULT 5,
  currency_code text NOT NULL,
  notes text,
  created_at timestamptz DEFAULT now(),
  CONSTRAINT market_contexts_country_code_check CHECK (country_code ~ '^[A-Z]{2}$'),
  CONSTRAINT market_contexts_primary_language_check CHECK (primary_language ~ '^[a-z]{2}$'),
  CONSTRAINT market_contexts_currency_code_check CHECK (currency_code ~ '^[A-Z]{3}$'),
  -- 'NaN' and 'Infinity' compare greater than every number, hence the upper bound.
  CONSTRAINT market_contexts_ppi_range CHECK (purchasing_power_index > 0 AND purchasing_power_index <= 100),
  CONSTRAINT market_contexts_subtitle_priority_range CHECK (subtitle_priority BETWEEN 1 AND 10)
);
SELECT pg_catalog.pg_extension_config_dump('market.market_contexts', '');
COMMENT ON TABLE market.market_contexts IS
  'Markets (one per country) with their purchasing-power index, which scales listed prices.';
COMMENT ON COLUMN market.market_contexts.country_code IS 'ISO 3166-1 alpha-2, upper case (US, ID).';
COMMENT ON COLUMN market.market_contexts.primary_language IS 'ISO 639-1, lower case (en, id).';
COMMENT ON COLUMN market.market_contexts.purchasing_power_index IS
  '1.0 = US baseline; listed price = base price x this index, rounded to cents.';
COMMENT ON COLUMN market.market_contexts.subtitle_priority IS '1 to 10; higher pre-generates subtitles.';
COMMENT ON COLUMN market.market_contexts.currency_code IS 'ISO 4217 (USD, IDR).';

CREATE TABLE market.model_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version_tag text NOT NULL UNIQUE,
  trained_at timestamptz NOT NULL,
  training_video_count integer NOT NULL,
  feature_weights jsonb NOT NULL,
  accuracy_metrics jsonb NOT NULL,
  notes text,
  is_active boolean DEFAULT false,
  CONSTRAINT model_versions_training_video_count_check CHECK (training_video_count >= 0),
  CONSTRAINT model_versions_feature_weights_object CHECK (jsonb_typeof(feature_weights) = 'object'),
  CONSTRAINT model_versions_accuracy_metrics_object CHECK (jsonb_typeof(accuracy_metrics) = 'object')
);
SELECT pg_catalog.pg_extension_config_dump('market.model_versions', '');
COMMENT ON TABLE market.model_versions IS
  'Trained preference models. At most one is active (idx_model_versions_single_active); its feature_weights score videos.';
COMMENT ON COLUMN market.model_versions.feature_weights IS
  'Weight per feature, keyed by dotted path into visual_analysis ("script.replicability.score": 0.82).';
COMMENT ON COLUMN market.model_versions.accuracy_metrics IS 'Evaluation figures, e.g. {"mae": 0.12, "rmse": 0.15, "r2": 0.68}.';

CREATE TABLE market.concepts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source_video_id uuid NOT NULL REFERENCES market.analyzed_videos (id),
  concept_core text NOT NULL,
  template_description text,
  required_elements text[],
  variable_elements text[],
  origin_market_id uuid REFERENCES market.market_contexts (id),
  virality_score double precision,
  model_version_id uuid REFERENCES market.model_versions (id),
  evergreen_eligible boolean DEFAULT true,
  archived boolean DEFAULT false,
  created_at timestamptz DEFAULT now(),
  CONSTRAINT concepts_concept_core_check CHECK (concept_core <> ''),
  CONSTRAINT concepts_virality_score_range CHECK (virality_score >= 0 AND virality_score <= 10)
);
SELECT pg_catalog.pg_extension_config_dump('market.concepts', '');
COMMENT ON TABLE market.concepts IS
  'Replicable concepts abstracted from source videos: what the marketplace sells.';
COMMENT ON COLUMN market.concepts.concept_core IS 'One-line replicable concept (visible to buyers before purchase).';
COMMENT ON COLUMN market.concepts.template_description IS 'How to replicate it (visible to a buyer after purchase).';
COMMENT ON COLUMN market.concepts.virality_score IS '0 to 10, from the model (market.score_concept).';
COMMENT ON COLUMN market.concepts.evergreen_eligible IS 'Only evergreen-eligible concepts can be listed.';
COMMENT ON COLUMN market.concepts.archived IS 'Permanently unavailable: cannot be listed.';

-- 0.4.0/51_market_tables_sales.sql
-- market, part 2 of 2: listings, transactions, produced content, overlays and analytics
-- (seed 000 sections 3-4). Deviations as in 50_market_tables_catalog.sql.

CREATE TABLE market.listing_windows (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  concept_id uuid NOT NULL REFERENCES market.concepts (id),
  market_context_id uuid NOT NULL REFERENCES market.market_contexts (id),
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  base_price_usd numeric(12,2) NOT NULL,
  listed_price numeric(12,2) NOT NULL,
  per_market_cap integer NOT NULL DEFAULT 5,
  global_cap integer NOT NULL DEFAULT 15,
  sold_count integer NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'active',
  created_at timestamptz DEFAULT now(),
  CONSTRAINT listing_windows_concept_id_market_context_id_window_start_key
    UNIQUE (concept_id, market_context_id, window_start),
  CONSTRAINT listing_windows_72_hours CHECK (window_end = window_start + interval '72 hours'),
  CONSTRAINT listing_windows_base_price_positive CHECK (base_price_usd > 0),
  CONSTRAINT listing_windows_listed_price_positive CHECK (listed_price > 0),
  CONSTRAINT listing_windows_caps_positive CHECK (per_market_cap > 0 AND global_cap > 0),
  CONSTRAINT listing_windows_sold_count_range CHECK (sold_count >= 0 AND sold_count <= per_market_cap),
  CONSTRAINT listing_windows_status_check CHECK (status IN ('active', 'sold_out', 'expired', 'archived'))
);
SELECT pg_catalog.pg_extension_config_dump('market.listing_windows', '');
COMMENT ON TABLE market.listing_windows IS
  'A concept listed in one market for a 72-hour window, at a PPP-adjusted price, with a per-market and a global sales cap. Created by market.list_concept, sold by market.purchase_listing.';
COMMENT ON COLUMN market.listing_windows.window_end IS 'Always window_start + 72 hours.';
COMMENT ON COLUMN market.listing_windows.base_price_usd IS 'US dollars before the purchasing-power adjustment.';
COMMENT ON COLUMN market.listing_windows.listed_price IS
  'US-dollar equivalent charged in this market: base_price_usd x purchasing_power_index, rounded half away from zero to cents.';
COMMENT ON COLUMN market.listing_windows.per_market_cap IS 'Most sales this listing may make.';
COMMENT ON COLUMN market.listing_windows.global_cap IS 'Most sales the concept may make across all markets (counted over all its listings).';
COMMENT ON COLUMN market.listing_windows.sold_count IS 'Sales made by this listing.';
COMMENT ON COLUMN market.listing_windows.status IS
  'active -> sold_out (a cap reached) | expired (past window_end); expired, and sold_out past window_end -> archived (sweeps).';

CREATE TABLE market.transactions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  buyer_id uuid NOT NULL,
  concept_id uuid NOT NULL REFERENCES market.concepts (id),
  listing_window_id uuid NOT NULL REFERENCES market.listing_windows (id),
  market_context_id uuid NOT NULL REFERENCES market.market_contexts (id),
  price_paid numeric(12,2) NOT NULL,
  currency_code text NOT NULL,
  cashback_eligible boolean NOT NULL DEFAULT true,
  cashback_amount numeric(12,2),
  cashback_status text NOT NULL DEFAULT 'pending',
  purchased_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT transactions_price_paid_check CHECK (price_paid >= 0),
  CONSTRAINT transactions_cashback_amount_check CHECK (cashback_amount >= 0),
  CONSTRAINT transactions_currency_code_check CHECK (currency_code ~ '^[A-Z]{3}$'),
  CONSTRAINT transactions_cashback_status_check CHECK (cashback_status IN ('pending', 'claimed', 'expired'))
);
SELECT pg_catalog.pg_extension_config_dump('market.transactions', '');
COMMENT ON TABLE market.transactions IS
  'Purchases (market.purchase_listing). A buyer sees only their own.';
COMMENT ON COLUMN market.transactions.buyer_id IS 'The end user who bought (reelbase.current_user_id() of the purchase).';
COMMENT ON COLUMN market.transactions.price_paid IS 'The listing''s listed_price at the time of purchase, in US dollars.';
COMMENT ON COLUMN market.transactions.currency_code IS 'Currency of payment (USD: prices are US-dollar equivalents).';
COMMENT ON COLUMN market.transactions.cashback_amount IS 'price_paid x 0.12, rounded half away from zero to cents.';
COMMENT ON COLUMN market.transactions.cashback_status IS
  'pending -> claimed (verified produced content) | expired (30 days without content submitted in time).';

CREATE TABLE market.produced_content (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  transaction_id uuid NOT NULL UNIQUE REFERENCES market.transactions (id),
  submitted_url text NOT NULL,
  platform text NOT NULL,
  performance_metrics jsonb,
  verified boolean NOT NULL DEFAULT false,
  verification_notes text,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  verified_at timestamptz,
  metrics_updated_at timestamptz,
  CONSTRAINT produced_content_platform_check CHECK (platform IN ('tiktok', 'instagram', 'youtube')),
  CONSTRAINT produced_content_submitted_url_check CHECK (submitted_url <> ''),
  CONSTRAINT produced_content_performance_metrics_object CHECK (
    performance_metrics IS NULL OR jsonb_typeof(performance_metrics) = 'object')
);
SELECT pg_catalog.pg_extension_config_dump('market.produced_content', '');
COMMENT ON TABLE market.produced_content IS
  'A buyer''s video made from a purchased concept: claims the cashback once an administrator verifies it.';
COMMENT ON COLUMN market.produced_content.platform IS 'tiktok, instagram or youtube.';
COMMENT ON COLUMN market.produced_content.performance_metrics IS 'Scraped figures: {views, likes, shares, comments, scraped_at}.';
COMMENT ON COLUMN market.produced_content.verified IS 'Set by an administrator; claims the transaction''s pending cashback.';

CREATE TABLE market.viewer_overlays (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  concept_id uuid NOT NULL REFERENCES market.concepts (id),
  overlay_type text NOT NULL,
  language_code text NOT NULL,
  content text NOT NULL,
  timestamp_start double precision,
  timestamp_end double precision,
  created_at timestamptz DEFAULT now(),
  CONSTRAINT viewer_overlays_overlay_type_check CHECK (overlay_type IN ('subtitle', 'scene_marker', 'timing_cue')),
  CONSTRAINT viewer_overlays_language_code_check CHECK (language_code ~ '^[a-z]{2}$'),
  CONSTRAINT viewer_overlays_timestamps_check CHECK (
    timestamp_start >= 0 AND timestamp_start < 'Infinity'
    AND timestamp_end >= timestamp_start AND timestamp_end < 'Infinity')
);
SELECT pg_catalog.pg_extension_config_dump('market.viewer_overlays', '');
COMMENT ON TABLE market.viewer_overlays IS
  'Subtitles, scene markers and timing cues shown over a concept''s video in the concept viewer.';
COMMENT ON COLUMN market.viewer_overlays.overlay_type IS 'subtitle, scene_marker or timing_cue.';
COMMENT ON COLUMN market.viewer_overlays.timestamp_start IS 'Seconds from the video''s start.';

CREATE TABLE market.feature_importance_snapshots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  model_version_id uuid NOT NULL REFERENCES market.model_versions (id),
  snapshot_at timestamptz DEFAULT now(),
  training_count integer NOT NULL,
  top_positive_features jsonb NOT NULL,
  top_negative_features jsonb NOT NULL,
  pruned_features text[],
  notes text,
  CONSTRAINT feature_importance_snapshots_training_count_check CHECK (training_count >= 0),
  CONSTRAINT feature_importance_snapshots_features_arrays CHECK (
    jsonb_typeof(top_positive_features) = 'array' AND jsonb_typeof(top_negative_features) = 'array')
);
SELECT pg_catalog.pg_extension_config_dump('market.feature_importance_snapshots', '');
COMMENT ON TABLE market.feature_importance_snapshots IS
  'Which features predicted high and low ratings at a point in a model''s training.';
COMMENT ON COLUMN market.feature_importance_snapshots.top_positive_features IS
  'Array of {feature, correlation, rank}.';

CREATE TABLE market.arbitrage_metrics (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  concept_id uuid NOT NULL REFERENCES market.concepts (id),
  origin_market_id uuid NOT NULL REFERENCES market.market_contexts (id),
  target_market_id uuid NOT NULL REFERENCES market.market_contexts (id),
  time_to_first_sale interval,
  total_sales integer NOT NULL DEFAULT 0,
  conversion_rate double precision,
  recorded_at timestamptz DEFAULT now(),
  CONSTRAINT arbitrage_metrics_route_key
    UNIQUE (concept_id, origin_market_id, target_market_id),
  CONSTRAINT arbitrage_metrics_total_sales_check CHECK (total_sales >= 0)
);
SELECT pg_catalog.pg_extension_config_dump('market.arbitrage_metrics', '');
COMMENT ON TABLE market.arbitrage_metrics IS
  'Sales per concept and route (origin market -> target market), kept current by market.purchase_listing.';
COMMENT ON COLUMN market.arbitrage_metrics.time_to_first_sale IS
  'From the start of the first listing window in the target market that sold to its first sale.';
COMMENT ON COLUMN market.arbitrage_metrics.recorded_at IS 'When the route last changed.';

-- 0.4.0/52_market_indexes.sql
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

-- 0.4.0/53_market_rls.sql
-- market row level security. reelbase_app acts for one end user per transaction
-- (reelbase.set_user_id): in the market that user is a buyer. reelbase_admin administers the
-- marketplace through explicit policies (not BYPASSRLS).
--
-- What a buyer reads: markets and listings (the shop window); concepts that are not archived,
-- without the replication template (column privileges, 54); the full concept and its overlays
-- only once bought (market.purchased_concepts, and the viewer_overlays policy); their own
-- transactions and produced content. Analysed videos, ratings, models, snapshots and
-- arbitrage figures are the administrators'. Buyers never write transactions or listings
-- directly: market.purchase_listing does (SECURITY DEFINER), under the caps' locks.

ALTER TABLE market.analyzed_videos ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.video_ratings ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.market_contexts ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.model_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.concepts ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.listing_windows ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.transactions ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.produced_content ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.viewer_overlays ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.feature_importance_snapshots ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.arbitrage_metrics ENABLE ROW LEVEL SECURITY;

DO $admin$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['analyzed_videos', 'video_ratings', 'market_contexts', 'model_versions',
    'concepts', 'listing_windows', 'transactions', 'produced_content', 'viewer_overlays',
    'feature_importance_snapshots', 'arbitrage_metrics']
  LOOP
    EXECUTE format('CREATE POLICY %I ON market.%I FOR ALL TO reelbase_admin USING (true) WITH CHECK (true)',
                   t || '_admin_all', t);
    EXECUTE format('COMMENT ON POLICY %I ON market.%I IS %L', t || '_admin_all', t,
                   'Administrators read and change every row (privileges still limit the statements, see 54_market_grants.sql).');
  END LOOP;
END
$admin$;

CREATE POLICY market_contexts_select_buyer ON market.market_contexts
  FOR SELECT TO reelbase_app USING (true);
COMMENT ON POLICY market_contexts_select_buyer ON market.market_contexts IS 'Markets are public.';

CREATE POLICY listing_windows_select_buyer ON market.listing_windows
  FOR SELECT TO reelbase_app USING (true);
COMMENT ON POLICY listing_windows_select_buyer ON market.listing_windows IS
  'Listings, whatever their status, are public (the shop window and its history).';

CREATE POLICY concepts_select_buyer ON market.concepts
  FOR SELECT TO reelbase_app USING (NOT archived);
COMMENT ON POLICY concepts_select_buyer ON market.concepts IS
  'Buyers see concepts that are not archived; the template columns are not granted to them.';

CREATE POLICY transactions_select_own ON market.transactions
  FOR SELECT TO reelbase_app USING (buyer_id = (SELECT reelbase.current_user_id()));
COMMENT ON POLICY transactions_select_own ON market.transactions IS 'A buyer sees only their own purchases.';

-- The subquery on transactions is itself filtered by transactions_select_own.
CREATE POLICY produced_content_select_own ON market.produced_content
  FOR SELECT TO reelbase_app
  USING (transaction_id IN (SELECT t.id FROM market.transactions t));
CREATE POLICY produced_content_insert_own ON market.produced_content
  FOR INSERT TO reelbase_app
  WITH CHECK (transaction_id IN (SELECT t.id FROM market.transactions t) AND NOT verified);
CREATE POLICY produced_content_update_own ON market.produced_content
  FOR UPDATE TO reelbase_app
  USING (transaction_id IN (SELECT t.id FROM market.transactions t) AND NOT verified)
  WITH CHECK (transaction_id IN (SELECT t.id FROM market.transactions t) AND NOT verified);
COMMENT ON POLICY produced_content_select_own ON market.produced_content IS
  'A buyer sees the content they submitted for their own purchases.';
COMMENT ON POLICY produced_content_insert_own ON market.produced_content IS
  'A buyer submits content for their own purchase, unverified.';
COMMENT ON POLICY produced_content_update_own ON market.produced_content IS
  'A buyer edits their submission until an administrator verifies it.';

CREATE POLICY viewer_overlays_select_bought ON market.viewer_overlays
  FOR SELECT TO reelbase_app
  USING (concept_id IN (SELECT t.concept_id FROM market.transactions t));
COMMENT ON POLICY viewer_overlays_select_bought ON market.viewer_overlays IS
  'A buyer sees the overlays of concepts they bought.';

-- 0.4.0/54_market_grants.sql
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

-- 0.4.0/60_market_sales_functions.sql
-- market listing and purchase (seed 000 sections 2.1 and 3.1-3.2), implemented in Swift
-- (Sources/ReelbaseExtension/Market, rules in Sources/ReelbaseCore/Market).
--
-- list_concept runs with the caller's rights and is for administrators only. purchase_listing
-- is SECURITY DEFINER because buyers (reelbase_app) may not write listings, transactions or
-- arbitrage figures; it takes the buyer from reelbase.current_user_id(), never from an
-- argument, and the time from now(), so a buyer chooses neither. Its search_path is pinned
-- and every name in it is schema-qualified.
--
-- Refusals of purchase_listing use custom SQLSTATEs that clients map (docs/market-sales.md):
-- RB001 listing not active, RB002 per-market cap reached, RB003 global cap reached.

CREATE FUNCTION market.list_concept(
  p_concept_id uuid,
  p_market_context_id uuid,
  p_base_price_usd numeric,
  p_window_start timestamptz DEFAULT now(),
  p_per_market_cap integer DEFAULT 5,
  p_global_cap integer DEFAULT 15
) RETURNS uuid
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'market_list_concept';
COMMENT ON FUNCTION market.list_concept(uuid, uuid, numeric, timestamptz, integer, integer) IS
  'Lists a concept in one market for the 72-hour window from p_window_start and returns the listing id. listed_price = base price (rounded half away from zero to cents) x the market''s purchasing_power_index (taken as its shortest decimal), rounded half away from zero to cents. SQLSTATEs: 22004 NULL argument; 22023 price not positive after rounding, non-finite price or window start, cap not positive; 22003 price beyond numeric(12,2); 23503 unknown concept or market; 55000 concept archived or not evergreen eligible; 23505 the concept is already listed in that market for that window start.';

CREATE FUNCTION market.purchase_listing(p_listing_window_id uuid)
  RETURNS uuid
  LANGUAGE c VOLATILE PARALLEL UNSAFE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'market_purchase_listing';
COMMENT ON FUNCTION market.purchase_listing(uuid) IS
  'The current end user (reelbase.set_user_id) buys one unit of a listing at its listed price, in US dollars, with a pending 12% cashback; returns the transaction id. Purchases of one concept are serialised (concept row lock, then listing row lock), so neither cap is ever exceeded. The sale that reaches a cap marks listings sold_out, and the route origin market -> listing market is counted in market.arbitrage_metrics. SQLSTATEs: RB001 listing not active (expired, archived, or now() outside its window); RB002 per-market cap reached; RB003 global cap reached (sales of the concept over all its listings); 23503 unknown listing; 42501 no end user set; 22004 NULL argument; 0A000 called in a REPEATABLE READ transaction.';

REVOKE ALL ON FUNCTION market.list_concept(uuid, uuid, numeric, timestamptz, integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION market.purchase_listing(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION market.list_concept(uuid, uuid, numeric, timestamptz, integer, integer)
  TO reelbase_admin;
GRANT EXECUTE ON FUNCTION market.purchase_listing(uuid) TO reelbase_app, reelbase_admin;

-- 0.4.0/65_market_sweep_indexes.sql
-- Indexes for the market sweeps (67_market_sweeps.sql). Each is partial on the status a sweep
-- looks for and ordered by the time it becomes due, so a sweep reads only due rows, oldest
-- first, and the indexes stay small: rows leave them as the sweeps change their status.

CREATE INDEX idx_listing_windows_active_end ON market.listing_windows (window_end)
  WHERE status = 'active';
COMMENT ON INDEX market.idx_listing_windows_active_end IS
  'market.expire_listings: active listings by window_end.';

CREATE INDEX idx_listing_windows_archivable_end ON market.listing_windows (window_end)
  WHERE status IN ('expired', 'sold_out');
COMMENT ON INDEX market.idx_listing_windows_archivable_end IS
  'market.archive_listings: expired and sold-out listings by window_end.';

-- Pending cashback awaiting verification (content submitted in time) stays in this index
-- until an administrator verifies it; the sweep steps over those rows on every run, so their
-- number is the backlog of unverified submissions, not the history of all purchases.
CREATE INDEX idx_transactions_cashback_pending ON market.transactions (purchased_at)
  WHERE cashback_status = 'pending';
COMMENT ON INDEX market.idx_transactions_cashback_pending IS
  'market.expire_cashback: pending cashback by purchase time (due when purchased_at <= now - 30 days).';

-- 0.4.0/66_market_cashback_claim.sql
-- Cashback is claimed the moment produced content is verified (seed 000: "pending -> claimed
-- when produced_content submitted and verified"), by this trigger, in the verifying
-- statement's transaction: no sweep, no delay.
--
-- The 30-day period is 720 hours, an exact span (see ReelbaseCore SweepRules): content counts
-- as in time when submitted_at <= purchased_at + 720 hours, the same rule market.expire_cashback
-- uses, so a transaction is either claimable or expirable, never both. Changing submitted_url
-- or platform is a resubmission and moves submitted_at to now(): otherwise a placeholder
-- submitted on day 1 and replaced later would meet the deadline with content made after it.
--
-- Two triggers. BEFORE: only shapes the row (submitted_at of a resubmission, verified_at).
-- AFTER: claims the cashback and refuses to unverify a claimed one. The claim must be AFTER,
-- because a BEFORE row trigger runs for rows that are then not written (INSERT ... ON CONFLICT
-- DO NOTHING drops the row after it; an ON CONFLICT DO UPDATE turns it into an update), and a
-- claim for a row never written would pay cashback for content nobody verified. An AFTER row
-- trigger fires only for rows the statement actually wrote, with their final values.
--
-- Neither function is SECURITY DEFINER. The AFTER trigger reads or writes market.transactions
-- only when verified becomes true or a verified row is changed, and only administrators (and
-- the owner) can do either: buyers have no privilege on verified, and their policies admit
-- only unverified rows. Administrators have SELECT and UPDATE on market.transactions and its
-- admin policy. search_path stays pinned.

-- verified_at is set exactly when verified is: the trigger keeps it so, the check proves it.
ALTER TABLE market.produced_content ADD CONSTRAINT produced_content_verified_at_iff_verified
  CHECK (verified = (verified_at IS NOT NULL));
COMMENT ON COLUMN market.produced_content.verified_at IS
  'When it was verified: set by the trigger when verified becomes true (unless given), NULL while unverified.';

CREATE FUNCTION market.produced_content_verification() RETURNS trigger
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- Changing what was submitted is a resubmission: its time is now, so the 30-day deadline
  -- cannot be met by a placeholder submitted early and replaced later. Buyers cannot write
  -- submitted_at at all; an administrator who sets it in the same statement keeps that value.
  IF TG_OP = 'UPDATE'
     AND (NEW.submitted_url IS DISTINCT FROM OLD.submitted_url OR NEW.platform IS DISTINCT FROM OLD.platform)
     AND NEW.submitted_at IS NOT DISTINCT FROM OLD.submitted_at THEN
    NEW.submitted_at := now();
  END IF;

  IF NOT NEW.verified THEN
    NEW.verified_at := NULL;
  ELSIF TG_OP = 'UPDATE' AND OLD.verified THEN
    -- Still verified: keeps its time of verification unless one is given.
    NEW.verified_at := coalesce(NEW.verified_at, OLD.verified_at);
  ELSE
    -- Becomes verified now (INSERT verified, or UPDATE false -> true); the AFTER trigger claims.
    NEW.verified_at := coalesce(NEW.verified_at, now());
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION market.produced_content_verification() IS
  'BEFORE trigger of market.produced_content: sets submitted_at to now() when submitted_url or platform changes (a resubmission), and keeps verified_at set iff verified.';
REVOKE EXECUTE ON FUNCTION market.produced_content_verification() FROM PUBLIC;

CREATE TRIGGER produced_content_verification
  BEFORE INSERT OR UPDATE ON market.produced_content
  FOR EACH ROW EXECUTE FUNCTION market.produced_content_verification();
COMMENT ON TRIGGER produced_content_verification ON market.produced_content IS
  'A changed submission is resubmitted now; verified_at follows verified.';

CREATE FUNCTION market.produced_content_claim() RETURNS trigger
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.verified THEN
    -- A claimed cashback has been paid out (or promised): taking its proof away, or moving the
    -- proof to another purchase, would leave a claim without a verified submission.
    IF (NOT NEW.verified OR NEW.transaction_id IS DISTINCT FROM OLD.transaction_id)
       AND EXISTS (SELECT 1 FROM market.transactions t
                   WHERE t.id = OLD.transaction_id AND t.cashback_status = 'claimed') THEN
      RAISE EXCEPTION 'produced content % backs a claimed cashback', OLD.id
        USING ERRCODE = '55000',
              DETAIL = format('Transaction %s has cashback_status ''claimed''.', OLD.transaction_id),
              HINT = 'Correct the transaction''s cashback_status first if the claim itself was wrong.';
    END IF;
    RETURN NULL;
  END IF;
  IF NOT NEW.verified THEN
    RETURN NULL;
  END IF;

  -- Became verified (INSERT verified, or UPDATE false -> true), and the row was written: claim.
  UPDATE market.transactions t SET cashback_status = 'claimed'
  WHERE t.id = NEW.transaction_id
    AND t.cashback_status = 'pending'
    AND t.cashback_eligible
    AND NEW.submitted_at <= t.purchased_at + interval '720 hours';
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION market.produced_content_claim() IS
  'AFTER trigger of market.produced_content: claims the transaction''s cashback when written content becomes verified (pending, eligible, submitted within 30 days of the purchase), and refuses (55000) to unverify or move content whose cashback is claimed.';
REVOKE EXECUTE ON FUNCTION market.produced_content_claim() FROM PUBLIC;

CREATE TRIGGER produced_content_claim
  AFTER INSERT OR UPDATE ON market.produced_content
  FOR EACH ROW EXECUTE FUNCTION market.produced_content_claim();
COMMENT ON TRIGGER produced_content_claim ON market.produced_content IS
  'Verification claims cashback at once, for rows actually written.';

-- 0.4.0/67_market_sweeps.sql
-- The market sweeps (seed 000's "via cron job" transitions), Swift (ReelbaseExtension/Market/
-- MarketSweep.swift). Each call changes one bounded batch of due rows, oldest first, and
-- returns how many; rows a purchase or a verification holds are skipped (FOR UPDATE SKIP
-- LOCKED), not waited on; a second call with nothing newly due changes 0.
--
-- They run with the caller's rights: administrators may call them, and run_maintenance runs
-- them (as the owner, or as an administrator) through the task registered below. p_now is a
-- parameter so the transitions can be tested and replayed with a fake clock. Not STRICT: a
-- NULL argument is an error (22004) that names it, not a silent NULL. expire_cashback and
-- run_sweeps refuse REPEATABLE READ and SERIALIZABLE (0A000): see MarketSweep.swift.

CREATE FUNCTION market.expire_listings(p_now timestamptz DEFAULT now(), p_batch_size integer DEFAULT 1000)
  RETURNS integer
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'market_expire_listings';
COMMENT ON FUNCTION market.expire_listings(timestamptz, integer) IS
  'Sweep: listings ''active'' whose window has ended (window_end <= p_now) become ''expired'', at most p_batch_size (1..1000000) per call, oldest window_end first, skipping rows locked by a purchase. Returns the number changed. Errors: 22004 NULL argument, 22023 infinite p_now or batch size out of range.';

CREATE FUNCTION market.archive_listings(p_now timestamptz DEFAULT now(), p_batch_size integer DEFAULT 1000)
  RETURNS integer
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'market_archive_listings';
COMMENT ON FUNCTION market.archive_listings(timestamptz, integer) IS
  'Sweep: listings ''expired'', and ''sold_out'' whose window has ended (window_end <= p_now), become ''archived'', at most p_batch_size (1..1000000) per call, oldest window_end first, skipping locked rows. Returns the number changed. Errors as market.expire_listings.';

CREATE FUNCTION market.expire_cashback(p_now timestamptz DEFAULT now(), p_batch_size integer DEFAULT 10000)
  RETURNS integer
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'market_expire_cashback';
COMMENT ON FUNCTION market.expire_cashback(timestamptz, integer) IS
  'Sweep: transactions whose cashback is ''pending'' 30 days (720 hours) after purchase (purchased_at <= p_now - 720 hours) with no produced content submitted within those 30 days become ''expired'', at most p_batch_size (1..1000000) per call, oldest purchase first, skipping locked rows. Content submitted in time but not yet verified keeps the cashback pending (it is claimed on verification). Returns the number changed. Errors as market.expire_listings, and 0A000 in a REPEATABLE READ or SERIALIZABLE transaction (its second statement needs READ COMMITTED''s new snapshot).';

CREATE FUNCTION market.run_sweeps(p_now timestamptz DEFAULT now(), p_batch_size integer DEFAULT 1000)
  RETURNS TABLE (sweep text, changed integer)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'market_run_sweeps';
COMMENT ON FUNCTION market.run_sweeps(timestamptz, integer) IS
  'One batch of each sweep, in order: expire_listings, archive_listings, expire_cashback; one row (sweep, changed) per sweep. Run every minute by reelbase.run_maintenance() (task ''market.run_sweeps''). Errors as market.expire_cashback.';

REVOKE EXECUTE ON FUNCTION market.expire_listings(timestamptz, integer),
  market.archive_listings(timestamptz, integer), market.expire_cashback(timestamptz, integer),
  market.run_sweeps(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION market.expire_listings(timestamptz, integer),
  market.archive_listings(timestamptz, integer), market.expire_cashback(timestamptz, integer),
  market.run_sweeps(timestamptz, integer) TO reelbase_admin;

-- run_task calls the registered function with no arguments (SELECT market.run_sweeps()), so
-- the defaults apply: now() and 1,000 rows per sweep per minute, which is 1.44 million rows a
-- day per sweep, far above the marketplace's rate, while each run stays short.
INSERT INTO reelbase.maintenance_tasks (name, function, run_every, registered_by_extension)
VALUES ('market.run_sweeps', 'market.run_sweeps(timestamptz, integer)', interval '1 minute', true);

-- 0.4.0/70_market_scoring.sql
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
  AS 'MODULE_PATHNAME', 'score_video';
COMMENT ON FUNCTION market.score_video(uuid, uuid) IS
  'Scores an analysed video with a model (NULL: the active one): raw = sum of weight x feature (numbers, booleans as 1/0; missing, null, strings, objects and arrays count as missing), virality_score = 10 / (1 + exp(-raw)) in [0, 10]. Errors: 22004 NULL video, 23503 unknown video or model, 55000 no active model or no visual_analysis, 22023 a non-numeric weight, 22003 a number beyond double precision.';

CREATE FUNCTION market.virality_score(p_visual_analysis jsonb, p_feature_weights jsonb)
RETURNS double precision
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'virality_score';
COMMENT ON FUNCTION market.virality_score(jsonb, jsonb) IS
  'The virality_score (0 to 10) that feature weights give a visual analysis, by the rules of market.score_video; both must be JSON objects (22023).';

CREATE FUNCTION market.score_concept(p_concept_id uuid, p_model_version_id uuid DEFAULT NULL)
RETURNS double precision
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'score_concept';
COMMENT ON FUNCTION market.score_concept(uuid, uuid) IS
  'Scores the concept''s source video with a model (NULL: the active one), stores virality_score and model_version_id on the concept and returns the score. Errors as market.score_video, and 23503 for an unknown concept.';

REVOKE ALL ON FUNCTION market.score_video(uuid, uuid), market.virality_score(jsonb, jsonb),
  market.score_concept(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION market.score_video(uuid, uuid), market.virality_score(jsonb, jsonb),
  market.score_concept(uuid, uuid) TO reelbase_admin;

-- 0.4.0/71_market_ratings.sql
-- Ratings (seed 000 sections 1.2 and 7.1): dimensions checked, and the AI prediction's
-- disagreement computed from the rating, never typed in.
--
-- dimensions: a JSON object with exactly the five keys hook, pacing, payoff, originality and
--   rewatchable, each a JSON number in [0, 1]. All five are required: ratings are the training
--   set's ground truth, and a partial row would bias every per-dimension figure towards the
--   raters who skip. Unknown or missing keys and non-numbers -> 22023; a number outside [0, 1]
--   -> 23514 (like overall_score's CHECK).
-- ai_prediction.user_disagreement is rewritten on every INSERT and UPDATE:
--   {"overall_delta": overall_score - ai.overall,                      (when ai has overall)
--    "dimension_deltas": {dim: dimensions[dim] - ai.dimensions[dim]}}   (when ai has dimensions;
--                                                                        dims present in both)
--   each rounded half away from zero to 4 decimals (rating 0.3 vs prediction 0.7 -> -0.4).
--   Without overall and dimensions there is nothing to compare and a typed-in
--   user_disagreement is removed. The compared prediction values must be numbers in [0, 1]
--   (22023): the model predicts on the rating's scale. Other members (modelUsed, reasoning,
--   ...) are kept as they are.

CREATE FUNCTION market.video_ratings_before_write() RETURNS trigger
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog
AS $$
DECLARE
  names constant text[] := ARRAY['hook', 'pacing', 'payoff', 'originality', 'rewatchable'];
  dimension_hint constant text := 'dimensions is {"hook", "pacing", "payoff", "originality", "rewatchable"}, each a number from 0 to 1.';
  k text;
  v jsonb;
  missing text[];
  ai jsonb;
  ai_dims jsonb;
  deltas jsonb := '{}';
  disagreement jsonb := '{}';
BEGIN
  -- NULLs and non-objects are left to the NOT NULL and CHECK constraints.
  IF jsonb_typeof(NEW.dimensions) = 'object' THEN
    FOR k, v IN SELECT e.key, e.value FROM jsonb_each(NEW.dimensions) e LOOP
      IF NOT k = ANY (names) THEN
        RAISE EXCEPTION 'unknown rating dimension "%"', left(k, 100)
          USING ERRCODE = 'invalid_parameter_value', HINT = dimension_hint;
      END IF;
      IF jsonb_typeof(v) <> 'number' THEN
        RAISE EXCEPTION 'rating dimension "%" must be a number, got %', k, jsonb_typeof(v)
          USING ERRCODE = 'invalid_parameter_value', HINT = dimension_hint;
      END IF;
      IF v::numeric < 0 OR v::numeric > 1 THEN
        -- A number's text can run to hundreds of digits (1e400): cut beyond 40 characters and
        -- say so, as market.list_concept does, so a cut number never reads as a smaller one.
        RAISE EXCEPTION 'rating dimension "%" must be between 0 and 1, got %', k,
          CASE WHEN length(v::text) > 40 THEN left(v::text, 24) || '... (' || length(v::text) || ' characters)'
               ELSE v::text END
          USING ERRCODE = 'check_violation', HINT = dimension_hint;
      END IF;
    END LOOP;
    SELECT array_agg(n ORDER BY o) INTO missing
    FROM unnest(names) WITH ORDINALITY AS u(n, o) WHERE NOT NEW.dimensions ? n;
    IF missing IS NOT NULL THEN
      RAISE EXCEPTION 'rating dimensions missing: %', array_to_string(missing, ', ')
        USING ERRCODE = 'invalid_parameter_value', HINT = dimension_hint;
    END IF;
  END IF;

  IF jsonb_typeof(NEW.ai_prediction) IS DISTINCT FROM 'object' THEN
    RETURN NEW;
  END IF;
  ai := NEW.ai_prediction - 'user_disagreement';
  IF ai ? 'overall' THEN
    IF jsonb_typeof(ai -> 'overall') IS DISTINCT FROM 'number'
       OR (ai ->> 'overall')::numeric NOT BETWEEN 0 AND 1 THEN
      RAISE EXCEPTION 'ai_prediction.overall must be a number from 0 to 1, got %', left((ai -> 'overall')::text, 40)
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- An out-of-range or NULL overall_score fails its own constraints after this trigger.
    IF NEW.overall_score BETWEEN 0 AND 1 THEN
      disagreement := jsonb_build_object('overall_delta',
        round(NEW.overall_score::numeric - (ai ->> 'overall')::numeric, 4)::double precision);
    END IF;
  END IF;
  IF ai ? 'dimensions' THEN
    ai_dims := ai -> 'dimensions';
    IF jsonb_typeof(ai_dims) IS DISTINCT FROM 'object' THEN
      RAISE EXCEPTION 'ai_prediction.dimensions must be a JSON object, got %', coalesce(jsonb_typeof(ai_dims), 'null')
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF jsonb_typeof(NEW.dimensions) = 'object' THEN
      FOR k, v IN SELECT e.key, e.value FROM jsonb_each(NEW.dimensions) e WHERE ai_dims ? e.key ORDER BY e.key LOOP
        IF jsonb_typeof(ai_dims -> k) <> 'number' OR (ai_dims ->> k)::numeric NOT BETWEEN 0 AND 1 THEN
          RAISE EXCEPTION 'ai_prediction.dimensions.% must be a number from 0 to 1, got %', k, left((ai_dims -> k)::text, 40)
            USING ERRCODE = 'invalid_parameter_value';
        END IF;
        deltas := deltas || jsonb_build_object(k,
          round(v::numeric - (ai_dims ->> k)::numeric, 4)::double precision);
      END LOOP;
    END IF;
    disagreement := disagreement || jsonb_build_object('dimension_deltas', deltas);
  END IF;
  IF ai ? 'overall' OR ai ? 'dimensions' THEN
    ai := ai || jsonb_build_object('user_disagreement', disagreement);
  END IF;
  NEW.ai_prediction := ai;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION market.video_ratings_before_write() IS
  'BEFORE INSERT OR UPDATE on market.video_ratings: checks dimensions (all five of hook, pacing, payoff, originality, rewatchable, numbers in [0, 1]) and rewrites ai_prediction.user_disagreement from the rating (deltas rounded to 4 decimals).';
REVOKE ALL ON FUNCTION market.video_ratings_before_write() FROM PUBLIC;
CREATE TRIGGER video_ratings_before_write_trigger
  BEFORE INSERT OR UPDATE ON market.video_ratings
  FOR EACH ROW EXECUTE FUNCTION market.video_ratings_before_write();

-- 0.4.0/72_market_rating_views.sql
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

-- 0.4.0/73_market_similar.sql
-- Similar videos (market issue item 1): analyzed_videos.content_embedding registered with the
-- vector engine (sql/0.2.0/30, 0.3.0/36), like learning.video_chunks: exact scan by default,
-- IVF lists once reelbase.build_vector_index('market.analyzed_videos') (or
-- market.build_video_index()) has run, reelbase.search_probes and reelbase.exact_search as for
-- transcript search. This replaces the seed's ivfflat index idx_analyzed_videos_embedding.

-- IVF list of each video, in a narrow side table so a build never rewrites the 6 KB rows.
CREATE TABLE market.analyzed_video_lists (
  video_id uuid PRIMARY KEY REFERENCES market.analyzed_videos (id) ON DELETE CASCADE,
  ivf_list integer NOT NULL CHECK (ivf_list >= 0)
);
COMMENT ON TABLE market.analyzed_video_lists IS
  'IVF list of each analysed video''s content_embedding (reelbase.vector_indexes ''market.analyzed_videos''): written by index builds, kept current by a trigger on market.analyzed_videos. Derived data: not dumped, rebuild after a restore.';
COMMENT ON COLUMN market.analyzed_video_lists.video_id IS 'The analysed video.';
COMMENT ON COLUMN market.analyzed_video_lists.ivf_list IS 'Its list (nearest centroid).';
CREATE INDEX idx_analyzed_video_lists_list ON market.analyzed_video_lists (ivf_list, video_id);

ALTER TABLE market.analyzed_video_lists ENABLE ROW LEVEL SECURITY;
CREATE POLICY analyzed_video_lists_admin_all ON market.analyzed_video_lists TO reelbase_admin
  USING (true) WITH CHECK (true);
COMMENT ON POLICY analyzed_video_lists_admin_all ON market.analyzed_video_lists IS
  'Administrators (searches, index builds) read and write every row; analysed videos are theirs.';
GRANT SELECT, INSERT, UPDATE, DELETE ON market.analyzed_video_lists TO reelbase_admin;

INSERT INTO reelbase.vector_indexes (name, table_name, vector_column, list_column, dimension,
                                     key_column, list_table, list_key_column)
VALUES ('market.analyzed_videos', 'market.analyzed_videos', 'content_embedding', 'ivf_list', 1536,
        'id', 'market.analyzed_video_lists', 'video_id');

-- SECURITY DEFINER: whoever may write a video need not be granted the side table.
CREATE FUNCTION market.analyzed_videos_file_list() RETURNS trigger
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  list integer := reelbase.vector_list_for('market.analyzed_videos', NEW.content_embedding);
BEGIN
  IF list IS NULL THEN
    DELETE FROM market.analyzed_video_lists WHERE video_id = NEW.id;
  ELSE
    INSERT INTO market.analyzed_video_lists (video_id, ivf_list) VALUES (NEW.id, list)
    ON CONFLICT (video_id) DO UPDATE SET ivf_list = EXCLUDED.ivf_list;
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION market.analyzed_videos_file_list() IS
  'AFTER INSERT OR UPDATE OF content_embedding on market.analyzed_videos: files the video in its IVF list (market.analyzed_video_lists), or unfiles it when the embedding is NULL or unusable or no index is built.';
REVOKE ALL ON FUNCTION market.analyzed_videos_file_list() FROM PUBLIC;
CREATE TRIGGER analyzed_videos_file_list_trigger
  AFTER INSERT OR UPDATE OF content_embedding ON market.analyzed_videos
  FOR EACH ROW EXECUTE FUNCTION market.analyzed_videos_file_list();

CREATE FUNCTION market.search_videos(query_embedding real[], match_count integer DEFAULT 10)
RETURNS TABLE (video_id uuid, similarity real)
  LANGUAGE c STABLE PARALLEL SAFE ROWS 10
  SET jit = off
  AS 'MODULE_PATHNAME', 'search_videos';
COMMENT ON FUNCTION market.search_videos(real[], integer) IS
  'Analysed videos whose content_embedding is most similar (cosine) to query_embedding (1,536 finite values, not all zero; a pgvector value as v::real[]), best first, ties by id, at most match_count (1..1000). IVF when built (reelbase.search_probes, reelbase.exact_search), else exact. Errors: 22004 NULL, 22023 invalid arguments.';

CREATE FUNCTION market.similar_videos(p_video_id uuid, p_match_count integer DEFAULT 10)
RETURNS TABLE (video_id uuid, similarity real)
  LANGUAGE c STABLE PARALLEL SAFE ROWS 10
  SET jit = off
  AS 'MODULE_PATHNAME', 'similar_videos';
COMMENT ON FUNCTION market.similar_videos(uuid, integer) IS
  'The analysed videos most similar to p_video_id by content_embedding, the video itself excluded, as market.search_videos. Errors: 22004 NULL, 22023 p_match_count outside 1..1000 or an unusable stored embedding, 23503 unknown video, 55000 a video without content_embedding.';

CREATE FUNCTION market.build_video_index(lists integer DEFAULT NULL, sample_rows integer DEFAULT NULL)
RETURNS TABLE (list_count integer, sampled_rows integer, assigned_rows bigint, seconds double precision)
  LANGUAGE sql VOLATILE
  SET search_path = pg_catalog
AS $$ SELECT * FROM reelbase.build_vector_index('market.analyzed_videos', lists, sample_rows) $$;
COMMENT ON FUNCTION market.build_video_index(integer, integer) IS
  'Builds or rebuilds the IVF index of analysed videos'' content embeddings (see reelbase.build_vector_index).';

REVOKE ALL ON FUNCTION market.search_videos(real[], integer), market.similar_videos(uuid, integer),
  market.build_video_index(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION market.search_videos(real[], integer), market.similar_videos(uuid, integer),
  market.build_video_index(integer, integer) TO reelbase_admin;
