-- factory, part 2 of 3: the daily metrics, range-partitioned by month on date (the seed's
-- "Scaling" advice) through the core's partition engine (14_partitions.sql).
--
-- As for stories.segments: the primary key and the indexes are the default partition's, which
-- the engine copies onto every partition it makes; the parent carries the columns, CHECKs and
-- the foreign key (PostgreSQL 15 clones it onto each partition). The seed's id primary key
-- becomes (id, date), a partitioned table's key holding its partition key. One row per
-- (published content, date) stays exact: idx_metrics_unique holds the partition key too, and
-- a date falls in exactly one partition.
--
-- The generated ratios are numeric without a typmod, not the seed's DECIMAL(5,4): that refuses
-- every row whose ratio reaches 10 (views 1, likes 20 -> 20.0, 22003), and the seed's
-- likes + comments + shares + saves overflows integer before dividing. The counts are summed
-- as numeric, and numeric holds every quotient of them (at most 4 x (2^31 - 1) over 1) to at
-- least 16 significant digits, so no row of valid counts is ever refused by them.

CREATE TABLE factory.cf_performance_metrics (
  id uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
  published_content_id uuid NOT NULL REFERENCES factory.cf_published_content (id) ON DELETE CASCADE,
  date date NOT NULL,
  views integer NOT NULL DEFAULT 0,
  likes integer NOT NULL DEFAULT 0,
  comments integer NOT NULL DEFAULT 0,
  shares integer NOT NULL DEFAULT 0,
  saves integer NOT NULL DEFAULT 0,
  clicks integer NOT NULL DEFAULT 0,
  conversions integer NOT NULL DEFAULT 0,
  spend numeric(10,2) NOT NULL DEFAULT 0,
  engagement_rate numeric GENERATED ALWAYS AS (
    CASE WHEN views > 0
    THEN (likes::numeric + comments::numeric + shares::numeric + saves::numeric) / views::numeric
    ELSE 0 END
  ) STORED,
  ctr numeric GENERATED ALWAYS AS (
    CASE WHEN views > 0
    THEN clicks::numeric / views::numeric
    ELSE 0 END
  ) STORED,
  created_at timestamptz DEFAULT pg_catalog.now(),
  CONSTRAINT check_views_positive CHECK (views >= 0),
  CONSTRAINT cf_performance_metrics_likes_check CHECK (likes >= 0),
  CONSTRAINT cf_performance_metrics_comments_check CHECK (comments >= 0),
  CONSTRAINT cf_performance_metrics_shares_check CHECK (shares >= 0),
  CONSTRAINT cf_performance_metrics_saves_check CHECK (saves >= 0),
  CONSTRAINT cf_performance_metrics_clicks_check CHECK (clicks >= 0),
  CONSTRAINT cf_performance_metrics_conversions_check CHECK (conversions >= 0),
  CONSTRAINT cf_performance_metrics_spend_check CHECK (spend >= 0)
) PARTITION BY RANGE (date);
COMMENT ON TABLE factory.cf_performance_metrics IS
  'Daily performance of published content, one row per (published_content_id, date). Partitioned by month on date (reelbase.partition_sets, every partition kept).';
COMMENT ON COLUMN factory.cf_performance_metrics.engagement_rate IS
  '(likes + comments + shares + saves) / views, 0 without views (generated; numeric, so any ratio of valid counts fits, 20 for views 1 and likes 20).';
COMMENT ON COLUMN factory.cf_performance_metrics.ctr IS 'clicks / views, 0 without views (generated; numeric).';
COMMENT ON COLUMN factory.cf_performance_metrics.spend IS 'Promotion spend of the day in USD.';
