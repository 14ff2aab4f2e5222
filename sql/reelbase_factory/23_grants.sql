-- factory privileges: which statements a role may run at all, down to the column; 24's
-- policies say which rows.
-- * reelbase_app acts for the owner of dossiers (reelbase.set_user_id). It writes dossiers and
--   everything made from them; id defaults, created_at, updated_at and owner_id are the
--   database's; the row's parent (dossier_id, assembled_content_id, published_content_id,
--   date) is set on INSERT and never moves; a new row starts where its status flow starts
--   (status is granted for UPDATE only, where the flow triggers check it). It reads the
--   scoring configs and its own audit trail.
-- * reelbase_admin also sets owner_id (reassigning a dossier takes everything made from it
--   along), inserts rows in any state, and writes the scoring configs.
-- * cf_audit_log is read-only to both (the triggers append as the owner, 22_audit.sql).
--   TRUNCATE, REFERENCES and TRIGGER are held by no one.

GRANT USAGE ON SCHEMA factory TO reelbase_app, reelbase_admin;

-- reelbase_app: SELECT and DELETE, INSERT of the columns a new row may set.
GRANT SELECT, DELETE ON factory.cf_product_dossiers, factory.cf_generated_images, factory.cf_generated_videos,
  factory.cf_scripts, factory.cf_assembled_content, factory.cf_published_content, factory.cf_performance_metrics,
  factory.cf_ab_tests TO reelbase_app;
GRANT INSERT (id, slug, name, benefits, pain_points, proof_types, target_audience, category, niche, price,
              tiktok_shop_url, affiliate_link)
  ON factory.cf_product_dossiers TO reelbase_app;
GRANT INSERT (id, dossier_id, type, prompt, model, image_url, remotion_job_id, metadata)
  ON factory.cf_generated_images TO reelbase_app;
GRANT INSERT (id, dossier_id, source_image_id, type, prompt, model, duration, aspect_ratio, video_url,
              remotion_job_id, metadata)
  ON factory.cf_generated_videos TO reelbase_app;
GRANT INSERT (id, dossier_id, awareness_level, market_sophistication, hook, body, cta, estimated_duration)
  ON factory.cf_scripts TO reelbase_app;
GRANT INSERT (id, dossier_id, script_id, video_ids, image_ids, platform, caption, hashtags,
              compliance_disclosure, remotion_render_id, final_video_url, metadata)
  ON factory.cf_assembled_content TO reelbase_app;
GRANT INSERT (id, assembled_content_id, platform, platform_post_id, platform_url, promotion_budget,
              promotion_status, promotion_started_at, promotion_ended_at, published_at)
  ON factory.cf_published_content TO reelbase_app;
GRANT INSERT (published_content_id, date, views, likes, comments, shares, saves, clicks, conversions, spend)
  ON factory.cf_performance_metrics TO reelbase_app;
GRANT INSERT (id, dossier_id, name, variants) ON factory.cf_ab_tests TO reelbase_app;
GRANT SELECT ON factory.cf_scoring_config, factory.cf_audit_log TO reelbase_app;

-- reelbase_admin: every column on INSERT (but the generated ones, which no one writes), the
-- scoring configs, the audit log's SELECT.
GRANT SELECT, INSERT, DELETE ON factory.cf_product_dossiers, factory.cf_generated_images,
  factory.cf_generated_videos, factory.cf_scripts, factory.cf_assembled_content,
  factory.cf_published_content, factory.cf_performance_metrics, factory.cf_scoring_config,
  factory.cf_ab_tests TO reelbase_admin;
GRANT UPDATE (name, weights, min_views_threshold, active) ON factory.cf_scoring_config TO reelbase_admin;
GRANT UPDATE (owner_id) ON factory.cf_product_dossiers TO reelbase_admin;
GRANT SELECT ON factory.cf_audit_log TO reelbase_admin;

-- Both: the columns an UPDATE may change (never id, created_at, a row's parent or the date of
-- a metrics row).
GRANT UPDATE (slug, name, benefits, pain_points, proof_types, target_audience, category, niche, price,
              tiktok_shop_url, affiliate_link, status)
  ON factory.cf_product_dossiers TO reelbase_app, reelbase_admin;
GRANT UPDATE (type, prompt, model, image_url, remotion_job_id, status, metadata)
  ON factory.cf_generated_images TO reelbase_app, reelbase_admin;
GRANT UPDATE (source_image_id, type, prompt, model, duration, aspect_ratio, video_url, remotion_job_id,
              status, metadata)
  ON factory.cf_generated_videos TO reelbase_app, reelbase_admin;
GRANT UPDATE (awareness_level, market_sophistication, hook, body, cta, estimated_duration)
  ON factory.cf_scripts TO reelbase_app, reelbase_admin;
GRANT UPDATE (script_id, video_ids, image_ids, platform, caption, hashtags, compliance_disclosure,
              remotion_render_id, final_video_url, status, metadata)
  ON factory.cf_assembled_content TO reelbase_app, reelbase_admin;
GRANT UPDATE (platform, platform_post_id, platform_url, promotion_budget, promotion_status,
              promotion_started_at, promotion_ended_at, published_at)
  ON factory.cf_published_content TO reelbase_app, reelbase_admin;
GRANT UPDATE (views, likes, comments, shares, saves, clicks, conversions, spend)
  ON factory.cf_performance_metrics TO reelbase_app, reelbase_admin;
GRANT UPDATE (name, variants, status, winner_id, confidence, started_at, completed_at)
  ON factory.cf_ab_tests TO reelbase_app, reelbase_admin;

REVOKE ALL ON FUNCTION factory.slugify(text, integer), factory.check_scoring_weights(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION factory.slugify(text, integer), factory.check_scoring_weights(jsonb)
  TO reelbase_app, reelbase_admin;
