-- reelbase_learning 0.4.0 (adopted from reelbase 0.4.0) -> 0.5.0. The core's update already
-- brought the C symbols to the 0.5.0 rule. What changes here:
\echo Use "ALTER EXTENSION reelbase_learning UPDATE TO '0.5.0'" to load this file. \quit

-- The events table's key and indexes move from the parent to its partitions, so that a dump
-- of a database whose maintenance has made partitions restores (35_event_partitions.sql).
-- Detaching a partition turns its cloned key and indexes into its own; with the parent's then
-- dropped, attaching it again clones nothing. The default partition's indexes take the names
-- the parent's had, as a fresh install names them.
DO $move$
DECLARE
  parent constant regclass := 'learning.video_analytics_events';
  part record;
  idx record;
  bounds text[] := '{}';
  parts regclass[] := '{}';
  index_names text[];
  child_indexes regclass[];
BEGIN
  LOCK TABLE learning.video_analytics_events IN ACCESS EXCLUSIVE MODE;
  -- (Arrays, not a temporary table: a table made here would become a member of the extension.)
  SELECT pg_catalog.array_agg(pi.relname::text), pg_catalog.array_agg(ci.indexrelid::regclass)
    INTO index_names, child_indexes
    FROM pg_catalog.pg_index ci
    JOIN pg_catalog.pg_inherits h ON h.inhrelid = ci.indexrelid
    JOIN pg_catalog.pg_class pi ON pi.oid = h.inhparent
    WHERE ci.indrelid = 'learning.video_analytics_events_default'::regclass
      AND pi.relname OPERATOR(pg_catalog.<>) 'video_analytics_events_pkey';
  FOR part IN
    SELECT c.oid::regclass AS rel, pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound
    FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent
  LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s DETACH PARTITION %s', parent, part.rel);
    parts := parts OPERATOR(pg_catalog.||) part.rel;
    bounds := bounds OPERATOR(pg_catalog.||) part.bound;
  END LOOP;
  FOR idx IN
    SELECT i.indexrelid::regclass AS rel FROM pg_catalog.pg_index i
    WHERE i.indrelid = parent AND NOT i.indisprimary
  LOOP
    EXECUTE pg_catalog.format('DROP INDEX %s', idx.rel);
  END LOOP;
  ALTER TABLE learning.video_analytics_events DROP CONSTRAINT video_analytics_events_pkey;
  FOR i IN 1 .. pg_catalog.cardinality(child_indexes) LOOP
    EXECUTE pg_catalog.format('ALTER INDEX %s RENAME TO %I', child_indexes[i], index_names[i]);
  END LOOP;
  FOR i IN 1 .. pg_catalog.cardinality(parts) LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s ATTACH PARTITION %s %s', parent, parts[i], bounds[i]);
  END LOOP;
END
$move$;
