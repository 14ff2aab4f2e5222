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
-- Inline and never compressed (STORAGE PLAIN), like learning.video_chunks: the similarity scan
-- reads them in place.
ALTER TABLE market.analyzed_videos ALTER COLUMN content_embedding SET STORAGE PLAIN;
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
