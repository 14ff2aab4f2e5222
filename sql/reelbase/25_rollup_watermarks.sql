-- Watermarks of incremental rollups: a product's rollup records here how far it has read its
-- sources (learning.rollup_analytics is the first user).

-- One row per incremental rollup. Kept by pg_dump with the rollup tables, so a restored
-- database continues where the dump left off; without a row the next run rebuilds everything.
CREATE TABLE reelbase.rollup_watermarks (
  name text PRIMARY KEY,
  processed_until timestamptz NOT NULL,
  last_run_at timestamptz,
  last_run_seconds double precision,
  last_pairs integer,
  last_rows integer
);
SELECT pg_catalog.pg_extension_config_dump('reelbase.rollup_watermarks', '');

COMMENT ON TABLE reelbase.rollup_watermarks IS
  'Progress of each incremental rollup (learning.rollup_analytics: name ''learning.analytics''). '
  'Delete a row to make the next run rebuild its tables from scratch.';
COMMENT ON COLUMN reelbase.rollup_watermarks.name IS 'The rollup.';
COMMENT ON COLUMN reelbase.rollup_watermarks.processed_until IS
  'Source rows written (created_at / updated_at) before this time have been rolled up; the '
  'next run starts a little earlier (the overlap) and goes up to the oldest transaction still '
  'open or now().';
COMMENT ON COLUMN reelbase.rollup_watermarks.last_run_at IS 'When the last run finished.';
COMMENT ON COLUMN reelbase.rollup_watermarks.last_run_seconds IS 'How long the last run took.';
COMMENT ON COLUMN reelbase.rollup_watermarks.last_pairs IS
  'How many (video, day) and (creator, day) pairs the last run recomputed.';
COMMENT ON COLUMN reelbase.rollup_watermarks.last_rows IS
  'How many rollup rows the last run inserted, changed or deleted.';

GRANT SELECT ON reelbase.rollup_watermarks TO reelbase_admin;
