-- learning rollups, part 2 of 3: helpers of the recomputation (statement text per source,
-- the temporary tables of pairs), used by learning.rollup_apply in 42_rollups_apply.sql.

-- One source's aggregates per pair, as SQL text for learning.rollup_apply (where $1 and $2
-- bound the time range). Range mode (p_pairs NULL): GROUP BY key and UTC day. Pair mode: for
-- each pair of the temporary table p_pairs whose column p_flag is true, the aggregates over
-- that key's rows of that day, read through a (key, time) index; the same bounds let a table
-- partitioned on the time column read one partition.
CREATE FUNCTION learning.rollup_source_sql(p_pairs text, p_flag text, p_pair_key text,
                                           p_key text, p_time text, p_from text,
                                           p_where text, p_aggregates text)
RETURNS text
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$
  SELECT CASE WHEN p_pairs IS NULL THEN format(
    'SELECT %1$s AS %7$I, (%2$s AT TIME ZONE ''UTC'')::date AS day, %6$s
        FROM %3$s
        WHERE %4$s AND %2$s >= $1 AND %2$s < $2
        GROUP BY 1, 2',
    p_key, p_time, p_from, p_where, p_pairs, p_aggregates, p_pair_key)
  ELSE format(
    'SELECT p.%7$I, p.day, a.*
        FROM pg_temp.%5$I AS p
        CROSS JOIN LATERAL (
          SELECT %6$s
          FROM %3$s
          WHERE %4$s AND %1$s = p.%7$I
            AND %2$s >= p.day::timestamp AT TIME ZONE ''UTC''
            AND %2$s < (p.day::timestamp + interval ''1 day'') AT TIME ZONE ''UTC'') AS a
        WHERE p.%8$I',
    p_key, p_time, p_from, p_where, p_pairs, p_aggregates, p_pair_key, p_flag)
  END
$$;

COMMENT ON FUNCTION learning.rollup_source_sql(text, text, text, text, text, text, text, text) IS
  'Internal to the rollups: the SQL text aggregating one source per (key, UTC day), either '
  'grouped over a time range or per pair listed (and flagged) in a temporary table.';

-- The pairs to recompute live in two temporary tables, made afresh by each run. A pair says
-- which kinds of source changed (events, sessions, messages), and only the figures of those
-- kinds are recomputed; the others are kept from the row (they are still right, since none
-- of their sources changed). So new events never cost a scan of chat messages. The planner
-- sees the tables' real size (ANALYZE). They are dropped and re-created rather than reused,
-- so that nothing a caller put in pg_temp under these names runs with the owner's rights.
CREATE FUNCTION learning.rollup_prepare()
RETURNS void
LANGUAGE plpgsql
VOLATILE
PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- to_regclass, not DROP ... IF EXISTS: that one notices when the session has no
  -- temporary schema yet.
  IF to_regclass('pg_temp.rollup_video_days') IS NOT NULL THEN
    DROP TABLE pg_temp.rollup_video_days;
  END IF;
  IF to_regclass('pg_temp.rollup_creator_days') IS NOT NULL THEN
    DROP TABLE pg_temp.rollup_creator_days;
  END IF;
  CREATE TEMPORARY TABLE rollup_video_days (
    video_id uuid NOT NULL, day date NOT NULL,
    events boolean NOT NULL, sessions boolean NOT NULL, messages boolean NOT NULL
  ) ON COMMIT DROP;
  -- A creator pair with no flag set still recomputes uploads and storage (changed videos).
  CREATE TEMPORARY TABLE rollup_creator_days (
    creator_id uuid NOT NULL, day date NOT NULL,
    events boolean NOT NULL, sessions boolean NOT NULL, messages boolean NOT NULL
  ) ON COMMIT DROP;
END
$$;

COMMENT ON FUNCTION learning.rollup_prepare() IS
  'Internal to the rollups: (re)creates the empty temporary tables rollup_video_days and '
  'rollup_creator_days that list the pairs to recompute and which of their sources changed.';

REVOKE ALL ON FUNCTION
  learning.rollup_source_sql(text, text, text, text, text, text, text, text),
  learning.rollup_prepare()
  FROM PUBLIC;
