-- factory row level security. reelbase_app acts for one identity per transaction
-- (reelbase.set_user_id): an owner reads and writes the dossiers it owns (owner_id) and every
-- row made from them (images, videos, scripts, assembled content, its published content and
-- their metrics, A/B tests), each table following its parent's visibility; without an identity
-- nothing is visible. Scoring configs are shared: every identity reads them, administrators
-- write them. The audit log: an owner reads the trail of its dossiers and tests, and every
-- identity the changes it made. reelbase_admin administers through explicit policies (not
-- BYPASSRLS). (SELECT f()) runs each identity function once per query.

DO $enable$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cf_product_dossiers', 'cf_generated_images', 'cf_generated_videos', 'cf_scripts',
                           'cf_assembled_content', 'cf_published_content', 'cf_performance_metrics',
                           'cf_scoring_config', 'cf_ab_tests', 'cf_audit_log']
  LOOP
    EXECUTE format('ALTER TABLE factory.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON factory.%I FOR ALL TO reelbase_admin USING (true) WITH CHECK (true)',
                   t || '_admin_all', t);
    EXECUTE format('COMMENT ON POLICY %I ON factory.%I IS %L', t || '_admin_all', t,
                   'Administrators read and change every row (privileges still limit the statements, 23_grants.sql).');
  END LOOP;
END
$enable$;

CREATE POLICY cf_product_dossiers_owner ON factory.cf_product_dossiers FOR ALL TO reelbase_app
  USING (owner_id = (SELECT reelbase.current_user_id()))
  WITH CHECK (owner_id = (SELECT reelbase.current_user_id()));
COMMENT ON POLICY cf_product_dossiers_owner ON factory.cf_product_dossiers IS
  'An owner reads and writes the dossiers it owns (the seed''s "Users can view own dossiers", on owner_id).';

-- What is made from a dossier, and what is made from that: visible and writable with its
-- parent (the subquery is itself subject to the parent's policies): images, videos, scripts,
-- assembled content and A/B tests with their dossier, published content with its assembled
-- content, metrics with their published content.
DO $children$
DECLARE
  c text[];
BEGIN
  FOREACH c SLICE 1 IN ARRAY ARRAY[
      ['cf_generated_images', 'cf_product_dossiers', 'dossier_id'],
      ['cf_generated_videos', 'cf_product_dossiers', 'dossier_id'],
      ['cf_scripts', 'cf_product_dossiers', 'dossier_id'],
      ['cf_assembled_content', 'cf_product_dossiers', 'dossier_id'],
      ['cf_ab_tests', 'cf_product_dossiers', 'dossier_id'],
      ['cf_published_content', 'cf_assembled_content', 'assembled_content_id'],
      ['cf_performance_metrics', 'cf_published_content', 'published_content_id']] LOOP
    EXECUTE format('CREATE POLICY %I ON factory.%I FOR ALL TO reelbase_app '
                   'USING (EXISTS (SELECT FROM factory.%I AS p WHERE p.id = %I)) '
                   'WITH CHECK (EXISTS (SELECT FROM factory.%I AS p WHERE p.id = %I))',
                   c[1] || '_with_parent', c[1], c[2], c[3], c[2], c[3]);
    EXECUTE format('COMMENT ON POLICY %I ON factory.%I IS %L', c[1] || '_with_parent', c[1],
                   format('Rows whose %s (%s) the caller can see, read and written with it.', c[3], c[2]));
  END LOOP;
END
$children$;

CREATE POLICY cf_scoring_config_select ON factory.cf_scoring_config FOR SELECT TO reelbase_app
  USING ((SELECT reelbase.current_user_id()) IS NOT NULL);
COMMENT ON POLICY cf_scoring_config_select ON factory.cf_scoring_config IS
  'Scoring configs are shared: every identity reads them (administrators write them).';

CREATE POLICY cf_audit_log_own ON factory.cf_audit_log FOR SELECT TO reelbase_app
  USING (owner_id = (SELECT reelbase.current_user_id()) OR user_id = (SELECT reelbase.current_user_id()));
COMMENT ON POLICY cf_audit_log_own ON factory.cf_audit_log IS
  'The trail of the dossiers and tests the caller owns (deleted ones included), and every change the caller made.';
