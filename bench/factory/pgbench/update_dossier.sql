-- A dossier edit: one column of one of the 400 dossiers (update_dossier_updated_at stamps it;
-- the audit trigger, when enabled, appends the old and new row to cf_audit_log).
\set n random(1, 400)
\set v random(1, 1000000)
UPDATE factory.cf_product_dossiers SET target_audience = 'audience ' || :v WHERE id = bench.dossier(:n);
