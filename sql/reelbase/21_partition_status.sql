-- What the engine manages, at a glance: every set, each partition with its bounds, how many
-- rows wait in the default partition (rows outside the kept range stay there) and the first
-- month from now on that has no partition yet.

CREATE FUNCTION reelbase.partition_status()
RETURNS TABLE (parent regclass, partition regclass, is_default boolean, bounds text,
               rows_waiting_in_default bigint, next_missing_month date)
  LANGUAGE plpgsql STABLE
  -- Counting rows in default partitions needs SELECT on them, which partitions do not inherit
  -- from their parent; the status only reports counts and catalog facts.
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  s record;
  waiting bigint;
  missing date;
BEGIN
  FOR s IN SELECT ps.parent FROM reelbase.partition_sets ps ORDER BY ps.parent::text LOOP
    waiting := NULL;
    FOR partition IN
      SELECT i.inhrelid::regclass FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = s.parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT'
    LOOP
      EXECUTE format('SELECT count(*) FROM ONLY %s', partition) INTO waiting;
    END LOOP;
    -- Bounds print in the session's DateStyle and read back the same way; ::date keeps the day.
    WITH ranges AS (
      SELECT (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \(''([^'']+)''\)'))[1]::date AS lo,
             (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::date AS hi
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = s.parent AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
    )
    SELECT min(m)::date INTO missing
    FROM generate_series(date_trunc('month', now() AT TIME ZONE 'UTC'),
                         date_trunc('month', now() AT TIME ZONE 'UTC') + interval '100 years',
                         interval '1 month') m
    WHERE NOT EXISTS (SELECT 1 FROM ranges r WHERE r.lo <= m::date AND m::date < r.hi);
    RETURN QUERY
      SELECT s.parent, i.inhrelid::regclass, pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT',
             pg_get_expr(c.relpartbound, c.oid), waiting, missing
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = s.parent
      ORDER BY pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT' DESC, c.relname;
  END LOOP;
END
$$;
COMMENT ON FUNCTION reelbase.partition_status() IS
  'Every managed partition set: its partitions and bounds, rows waiting in the default partition, and the first month from the current one without a partition.';

CREATE VIEW reelbase.partition_status AS SELECT * FROM reelbase.partition_status();
COMMENT ON VIEW reelbase.partition_status IS
  'Managed partition sets at a glance (see reelbase.partition_status()).';

REVOKE ALL ON FUNCTION reelbase.partition_status() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reelbase.partition_status() TO reelbase_admin;
GRANT SELECT ON reelbase.partition_status TO reelbase_admin;
