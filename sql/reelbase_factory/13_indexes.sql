-- The seed's indexes of the plain tables, with its names ("Table Definitions" and "Indexes
-- Strategy"). The metrics' indexes are on their default partition (14_partitions.sql). Indexes
-- not in the seed say who needs them.

-- The seed declares slug UNIQUE and also a plain idx_dossiers_slug, and its "Indexes Strategy"
-- makes idx_dossiers_slug the unique one: one unique index, named so.
CREATE UNIQUE INDEX idx_dossiers_slug ON factory.cf_product_dossiers (slug);
CREATE INDEX idx_dossiers_status ON factory.cf_product_dossiers (status);
CREATE INDEX idx_dossiers_category ON factory.cf_product_dossiers (category);
CREATE INDEX idx_dossiers_created_at ON factory.cf_product_dossiers (created_at DESC);
-- Not in the seed: every policy finds the caller's dossiers by owner.
CREATE INDEX idx_dossiers_owner_id ON factory.cf_product_dossiers (owner_id);

CREATE INDEX idx_images_dossier ON factory.cf_generated_images (dossier_id);
CREATE INDEX idx_images_type ON factory.cf_generated_images (type);
CREATE INDEX idx_images_status ON factory.cf_generated_images (status);
CREATE INDEX idx_images_remotion_job ON factory.cf_generated_images (remotion_job_id) WHERE remotion_job_id IS NOT NULL;
CREATE INDEX idx_images_pending ON factory.cf_generated_images (created_at) WHERE status = 'pending';

CREATE INDEX idx_videos_dossier ON factory.cf_generated_videos (dossier_id);
CREATE INDEX idx_videos_source_image ON factory.cf_generated_videos (source_image_id);
CREATE INDEX idx_videos_type ON factory.cf_generated_videos (type);
CREATE INDEX idx_videos_status ON factory.cf_generated_videos (status);
CREATE INDEX idx_videos_remotion_job ON factory.cf_generated_videos (remotion_job_id) WHERE remotion_job_id IS NOT NULL;
-- Not in the seed, which has it for images only: the pending videos in age order (its
-- "Get pending generation jobs" query, and the video work queue).
CREATE INDEX idx_videos_pending ON factory.cf_generated_videos (created_at) WHERE status = 'pending';

CREATE INDEX idx_scripts_dossier ON factory.cf_scripts (dossier_id);
CREATE INDEX idx_scripts_awareness ON factory.cf_scripts (awareness_level);
-- NULLS NOT DISTINCT (not in the seed): market_sophistication may be NULL, and with NULLs
-- distinct a dossier could hold any number of scripts of one level without a sophistication,
-- which the seed's "only one script per combination" forbids.
CREATE UNIQUE INDEX idx_scripts_dossier_awareness ON factory.cf_scripts (dossier_id, awareness_level, market_sophistication)
  NULLS NOT DISTINCT;

CREATE INDEX idx_assembled_dossier ON factory.cf_assembled_content (dossier_id);
CREATE INDEX idx_assembled_script ON factory.cf_assembled_content (script_id);
CREATE INDEX idx_assembled_status ON factory.cf_assembled_content (status);
CREATE INDEX idx_assembled_platform ON factory.cf_assembled_content (platform);
CREATE INDEX idx_assembled_remotion ON factory.cf_assembled_content (remotion_render_id) WHERE remotion_render_id IS NOT NULL;

CREATE INDEX idx_published_assembled ON factory.cf_published_content (assembled_content_id);
CREATE INDEX idx_published_platform ON factory.cf_published_content (platform);
CREATE INDEX idx_published_platform_post ON factory.cf_published_content (platform, platform_post_id);
CREATE INDEX idx_published_promotion_status ON factory.cf_published_content (promotion_status);
CREATE INDEX idx_published_date ON factory.cf_published_content (published_at DESC);

-- Unique, not the seed's plain index: "only one active config at a time".
CREATE UNIQUE INDEX idx_scoring_active ON factory.cf_scoring_config (active) WHERE active = true;

CREATE INDEX idx_tests_status ON factory.cf_ab_tests (status);
CREATE INDEX idx_tests_winner ON factory.cf_ab_tests (winner_id);
-- Not in the seed: the policies and the dossier's cascade find a dossier's tests.
CREATE INDEX idx_tests_dossier ON factory.cf_ab_tests (dossier_id);

-- Not in the seed: a row's trail in time order, and an owner's trail (its policy).
CREATE INDEX idx_audit_log_record ON factory.cf_audit_log (record_id, created_at);
CREATE INDEX idx_audit_log_owner ON factory.cf_audit_log (owner_id);
