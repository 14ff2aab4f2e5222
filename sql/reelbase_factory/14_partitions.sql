-- The partitions of cf_performance_metrics. A default partition first, so every row has
-- somewhere to go; reelbase.run_maintenance() makes the monthly partitions ahead and moves rows
-- out of the default one. Monthly partitions are never made here: made by the extension
-- script they would become members of the extension, which pg_dump skips. Every partition is
-- kept (no retention: the metrics are what winners are picked from).
SELECT reelbase.manage_partitions('factory.cf_performance_metrics', premake => 4);

-- pg_dump keeps the rows of the default partition this way.
SELECT pg_catalog.pg_extension_config_dump('factory.cf_performance_metrics_default', '');
COMMENT ON TABLE factory.cf_performance_metrics_default IS
  'Rows of factory.cf_performance_metrics whose month has no partition yet; reelbase.run_maintenance() moves them out.';

-- The key and the seed's indexes are the default partition's, and the partition engine makes
-- them again on every partition it makes (see 35_event_partitions.sql of learning for why not
-- on the parent). Each holds the partition key or serves one partition's rows, so a unique one
-- is unique across the table.
ALTER TABLE factory.cf_performance_metrics_default
  ADD CONSTRAINT cf_performance_metrics_default_pkey PRIMARY KEY (id, date);
CREATE UNIQUE INDEX idx_metrics_unique ON factory.cf_performance_metrics_default (published_content_id, date);
-- idx_metrics_published repeats idx_metrics_unique's leading column; kept because the seed names it.
CREATE INDEX idx_metrics_published ON factory.cf_performance_metrics_default (published_content_id);
CREATE INDEX idx_metrics_date ON factory.cf_performance_metrics_default (date DESC);
CREATE INDEX idx_metrics_high_engagement ON factory.cf_performance_metrics_default (engagement_rate DESC)
  WHERE views > 1000;
CREATE INDEX idx_metrics_high_ctr ON factory.cf_performance_metrics_default (ctr DESC)
  WHERE views > 1000;
