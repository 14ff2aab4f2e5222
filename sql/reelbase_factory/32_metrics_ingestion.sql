-- Daily metrics ingestion (Swift, Sources/ReelbaseExtension/Factory/RecordDailyMetrics.swift and
-- MetricsPartitionUpsert.swift). One row per (published content, date): the unique index is on
-- each partition (14_partitions.sql), so there is no arbiter for INSERT ... ON CONFLICT on the
-- partitioned parent. The function takes a transaction-level advisory lock per published
-- content (in id order, so callers never deadlock) and checks each is visible, then:
-- * when every row names the same keys and each month has its own partition, one
--   INSERT ... ON CONFLICT DO UPDATE into each such partition, run as the table's owner
--   (partitions carry no grants or policies; the visibility check is the parent's policy);
-- * otherwise one statement through the parent that updates the rows that exist and inserts
--   the rest. enable_seqscan = off is for it: its plan is made once per session, often while
--   the month's partition is new and empty, and with an empty partition's statistics the
--   planner joins the call's rows to a sequential scan of it (63 ms a call for 100 rows in the
--   benchmark instead of 3). Its index probes can still pick idx_metrics_published and filter
--   on the date, which costs more as the month fills; the partition path's arbiter probes are
--   the unique index whatever the statistics.

CREATE FUNCTION factory.record_daily_metrics(rows jsonb)
  RETURNS TABLE (inserted integer, updated integer)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  SET search_path = pg_catalog, pg_temp
  SET enable_seqscan = off
  AS 'MODULE_PATHNAME', 'factory_record_daily_metrics';
COMMENT ON FUNCTION factory.record_daily_metrics(jsonb) IS
  'Upserts daily metrics: rows is a JSON array of {"published_content_id", "date" (YYYY-MM-DD), and any of views, likes, comments, shares, saves, clicks, conversions (whole numbers 0..2147483647) and spend (0..99999999.99)}. A new row gets 0 for a count it does not name, an existing row keeps it. All or nothing: errors name the row. Errors: 22023 a malformed row (unknown key, bad id or date, a negative, fractional or too large count, non-finite or negative spend, the same content and date twice); 23503 a published content that does not exist (or is not visible).';
REVOKE ALL ON FUNCTION factory.record_daily_metrics(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION factory.record_daily_metrics(jsonb) TO reelbase_app, reelbase_admin;
