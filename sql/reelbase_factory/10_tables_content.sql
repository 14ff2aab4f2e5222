-- factory, part 1 of 3: the content pipeline (seed 001, "Table Definitions"): product dossiers,
-- generated images and videos, scripts, assembled content, published content. Part 2 (11)
-- holds the partitioned daily metrics, part 3 (12) scoring configs, A/B tests, the audit log.
--
-- Columns, types, defaults, constraints and index names are the seed's (its "Table
-- Definitions" and "Constraints & Validations"; its "Migrations" repeat them with fewer
-- CHECKs). CHECKs the seed leaves unnamed carry the names PostgreSQL would give them, written
-- out so they never drift; the four it names in "Constraints & Validations" carry its names
-- (one constraint each, not the seed's inline copy plus its named copy). Where the seed
-- cannot run as written or leaves a rule open, the table says what was tightened
-- (docs/factory.md, "Deviations from seed 001"): dossiers carry their owner, status columns
-- are NOT NULL, a slug has the slug format. Every table is user data
-- (pg_extension_config_dump).

CREATE SCHEMA factory;
COMMENT ON SCHEMA factory IS
  'reelbase content factory (seed 001): product dossiers, generated images and videos, scripts, assembled and published content, partitioned daily metrics, scoring configs, A/B tests, an append-only audit log.';

CREATE TABLE factory.cf_product_dossiers (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  -- Unique through idx_dossiers_slug (13_indexes.sql); made from name when not given
  -- (15_slugs.sql).
  slug text NOT NULL,
  name text NOT NULL,
  benefits text[] DEFAULT '{}',
  pain_points text[] DEFAULT '{}',
  proof_types text[] DEFAULT '{before_after}',
  target_audience text,
  category text,
  niche text,
  price numeric(10,2),
  tiktok_shop_url text,
  affiliate_link text,
  status text NOT NULL DEFAULT 'draft',
  created_at timestamptz DEFAULT pg_catalog.now(),
  updated_at timestamptz DEFAULT pg_catalog.now(),
  -- Not in the seed, whose policy reads a user_id the table does not have: the identity
  -- (reelbase.set_user_id) that owns the dossier and everything made from it.
  owner_id uuid NOT NULL DEFAULT reelbase.current_user_id(),
  CONSTRAINT check_status CHECK (status IN ('draft', 'active', 'archived')),
  CONSTRAINT cf_product_dossiers_slug_check CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND pg_catalog.octet_length(slug) <= 100)
);
SELECT pg_catalog.pg_extension_config_dump('factory.cf_product_dossiers', '');
COMMENT ON TABLE factory.cf_product_dossiers IS
  'Product dossiers, where all content generation starts; owned by the identity that made them (owner_id), status draft -> active -> archived; every change is audited (cf_audit_log).';
COMMENT ON COLUMN factory.cf_product_dossiers.slug IS
  'URL identifier, unique: lower-case ASCII letters and digits in words joined by "-", at most 100 bytes. Made from name when not given (factory.slugify), with -2, -3, ... when taken.';
COMMENT ON COLUMN factory.cf_product_dossiers.proof_types IS 'Proof needed: before_after, testimonial, demo.';
COMMENT ON COLUMN factory.cf_product_dossiers.price IS 'Product price in USD.';
COMMENT ON COLUMN factory.cf_product_dossiers.status IS 'draft -> active -> archived (factory.status_flow).';
COMMENT ON COLUMN factory.cf_product_dossiers.owner_id IS
  'The identity (reelbase.set_user_id) that owns the dossier and every row made from it; defaults to the current one.';

CREATE TABLE factory.cf_generated_images (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES factory.cf_product_dossiers (id) ON DELETE CASCADE,
  type text NOT NULL,
  prompt text NOT NULL,
  model text DEFAULT 'nano-banana',
  image_url text,
  remotion_job_id text,
  status text NOT NULL DEFAULT 'pending',
  metadata jsonb DEFAULT '{}',
  created_at timestamptz DEFAULT pg_catalog.now(),
  CONSTRAINT cf_generated_images_type_check CHECK (type IN ('before', 'after', 'product', 'lifestyle')),
  CONSTRAINT cf_generated_images_status_check CHECK (status IN ('pending', 'generating', 'completed', 'failed'))
);
SELECT pg_catalog.pg_extension_config_dump('factory.cf_generated_images', '');
COMMENT ON TABLE factory.cf_generated_images IS
  'AI-generated images (Remotion -> Nano Banana) of a dossier; status pending -> generating -> completed | failed.';
COMMENT ON COLUMN factory.cf_generated_images.type IS 'before (problem state), after (solution state), product, lifestyle.';
COMMENT ON COLUMN factory.cf_generated_images.remotion_job_id IS 'Remotion API job id, for status polling.';
COMMENT ON COLUMN factory.cf_generated_images.metadata IS 'Remotion response data (dimensions, format, ...).';

CREATE TABLE factory.cf_generated_videos (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES factory.cf_product_dossiers (id) ON DELETE CASCADE,
  source_image_id uuid REFERENCES factory.cf_generated_images (id) ON DELETE SET NULL,
  type text NOT NULL,
  prompt text NOT NULL,
  model text DEFAULT 'veo-3.1',
  duration integer,
  aspect_ratio text DEFAULT '9:16',
  video_url text,
  remotion_job_id text,
  status text NOT NULL DEFAULT 'pending',
  metadata jsonb DEFAULT '{}',
  created_at timestamptz DEFAULT pg_catalog.now(),
  CONSTRAINT cf_generated_videos_type_check CHECK (type IN ('reveal', 'demo', 'transition', 'testimonial')),
  CONSTRAINT cf_generated_videos_duration_check CHECK (duration > 0),
  CONSTRAINT cf_generated_videos_aspect_ratio_check CHECK (aspect_ratio IN ('9:16', '16:9', '1:1', '4:5')),
  CONSTRAINT cf_generated_videos_status_check CHECK (status IN ('pending', 'generating', 'completed', 'failed'))
);
SELECT pg_catalog.pg_extension_config_dump('factory.cf_generated_videos', '');
COMMENT ON TABLE factory.cf_generated_videos IS
  'AI-generated videos (Remotion -> Veo 3.1) of a dossier, optionally from a source image; status pending -> generating -> completed | failed.';
COMMENT ON COLUMN factory.cf_generated_videos.type IS 'reveal, demo, transition, testimonial.';
COMMENT ON COLUMN factory.cf_generated_videos.duration IS 'Seconds.';
COMMENT ON COLUMN factory.cf_generated_videos.aspect_ratio IS '9:16 (TikTok, Reels), 16:9 (YouTube, Facebook), 1:1 (Instagram feed), 4:5 (Instagram story/feed).';

CREATE TABLE factory.cf_scripts (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES factory.cf_product_dossiers (id) ON DELETE CASCADE,
  awareness_level integer NOT NULL,
  market_sophistication integer,
  hook text NOT NULL,
  body text NOT NULL,
  cta text NOT NULL,
  full_script text GENERATED ALWAYS AS (hook || E'\n\n' || body || E'\n\n' || cta) STORED,
  estimated_duration integer,
  created_at timestamptz DEFAULT pg_catalog.now(),
  CONSTRAINT check_awareness_level CHECK (awareness_level BETWEEN 1 AND 5),
  CONSTRAINT check_market_sophistication CHECK (market_sophistication BETWEEN 1 AND 5)
);
SELECT pg_catalog.pg_extension_config_dump('factory.cf_scripts', '');
COMMENT ON TABLE factory.cf_scripts IS
  'Scripts of a dossier by Eugene Schwartz''s awareness level (1 unaware .. 5 most aware) and market sophistication (1 direct claim .. 5 identity); one per (dossier, level, sophistication), a missing sophistication counting as one value.';
COMMENT ON COLUMN factory.cf_scripts.full_script IS 'hook, body and cta joined by blank lines (generated).';
COMMENT ON COLUMN factory.cf_scripts.estimated_duration IS 'Reading time in seconds.';

CREATE TABLE factory.cf_assembled_content (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES factory.cf_product_dossiers (id) ON DELETE CASCADE,
  script_id uuid REFERENCES factory.cf_scripts (id) ON DELETE SET NULL,
  video_ids uuid[] DEFAULT '{}',
  image_ids uuid[] DEFAULT '{}',
  platform text NOT NULL,
  caption text,
  hashtags text[] DEFAULT '{}',
  compliance_disclosure text,
  remotion_render_id text,
  final_video_url text,
  status text NOT NULL DEFAULT 'draft',
  metadata jsonb DEFAULT '{}',
  created_at timestamptz DEFAULT pg_catalog.now(),
  CONSTRAINT cf_assembled_content_platform_check CHECK (platform IN ('tiktok', 'instagram', 'facebook', 'youtube')),
  CONSTRAINT cf_assembled_content_status_check CHECK (status IN ('draft', 'rendering', 'ready', 'published', 'failed'))
);
SELECT pg_catalog.pg_extension_config_dump('factory.cf_assembled_content', '');
COMMENT ON TABLE factory.cf_assembled_content IS
  'Platform content assembled (Remotion templates) from a dossier''s script, videos and images; status draft -> rendering -> ready -> published, failed from rendering or ready.';
COMMENT ON COLUMN factory.cf_assembled_content.video_ids IS 'cf_generated_videos of the same dossier used in the assembly (checked: factory.assembled_assets).';
COMMENT ON COLUMN factory.cf_assembled_content.image_ids IS 'cf_generated_images of the same dossier used in the assembly (checked: factory.assembled_assets).';
COMMENT ON COLUMN factory.cf_assembled_content.hashtags IS 'Hashtags without the # prefix.';
COMMENT ON COLUMN factory.cf_assembled_content.compliance_disclosure IS 'FTC or platform-required disclosure.';

CREATE TABLE factory.cf_published_content (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  assembled_content_id uuid NOT NULL REFERENCES factory.cf_assembled_content (id) ON DELETE CASCADE,
  platform text NOT NULL,
  platform_post_id text,
  platform_url text,
  promotion_budget numeric(10,2),
  promotion_status text,
  promotion_started_at timestamptz,
  promotion_ended_at timestamptz,
  published_at timestamptz DEFAULT pg_catalog.now(),
  CONSTRAINT cf_published_content_platform_check CHECK (platform IN ('tiktok', 'instagram', 'facebook', 'youtube')),
  CONSTRAINT cf_published_content_promotion_budget_check CHECK (promotion_budget >= 0),
  CONSTRAINT cf_published_content_promotion_status_check
    CHECK (promotion_status IN ('none', 'pending', 'active', 'completed', 'failed'))
);
SELECT pg_catalog.pg_extension_config_dump('factory.cf_published_content', '');
COMMENT ON TABLE factory.cf_published_content IS
  'Assembled content as published on a platform (post id and URL), with its paid promotion; measured daily in cf_performance_metrics.';
COMMENT ON COLUMN factory.cf_published_content.platform_post_id IS 'The platform''s post id (TikTok video id, Instagram media id).';
COMMENT ON COLUMN factory.cf_published_content.promotion_status IS 'none, pending (scheduled), active, completed, failed.';
