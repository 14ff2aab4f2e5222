-- market, part 2 of 2: listings, transactions, produced content, overlays and analytics
-- (seed 000 sections 3-4). Deviations as in 50_tables_catalog.sql.

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
    performance_metrics IS NULL OR jsonb_typeof(performance_metrics) = 'object'),
  -- Kept so by the verification trigger (66_cashback_claim.sql).
  CONSTRAINT produced_content_verified_at_iff_verified CHECK (verified = (verified_at IS NOT NULL))
);
SELECT pg_catalog.pg_extension_config_dump('market.produced_content', '');
COMMENT ON TABLE market.produced_content IS
  'A buyer''s video made from a purchased concept: claims the cashback once an administrator verifies it.';
COMMENT ON COLUMN market.produced_content.platform IS 'tiktok, instagram or youtube.';
COMMENT ON COLUMN market.produced_content.performance_metrics IS 'Scraped figures: {views, likes, shares, comments, scraped_at}.';
COMMENT ON COLUMN market.produced_content.verified IS 'Set by an administrator; claims the transaction''s pending cashback.';
COMMENT ON COLUMN market.produced_content.verified_at IS
  'When it was verified: set by the trigger when verified becomes true (unless given), NULL while unverified.';

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
