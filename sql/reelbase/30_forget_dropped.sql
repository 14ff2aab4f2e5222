-- Registrations go with what they register. Products (and administrators) register partition
-- sets, maintenance tasks and vector indexes in the core's tables; DROP EXTENSION of a product,
-- or DROP TABLE / DROP FUNCTION of a registered object, would otherwise leave rows naming
-- objects that no longer exist, and maintenance would fail on them at every run.
--
-- SECURITY DEFINER: an event trigger runs as whoever ran the DROP, who may own the dropped table
-- without any privilege on the registries. It deletes only the rows of objects that command
-- dropped, so it grants nothing else.
CREATE FUNCTION reelbase.forget_dropped_objects() RETURNS event_trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- The registries themselves go when the core is dropped.
  IF pg_catalog.to_regclass('reelbase.partition_sets') IS NULL THEN
    RETURN;
  END IF;
  DELETE FROM reelbase.partition_sets AS p USING pg_catalog.pg_event_trigger_dropped_objects() AS o
  WHERE o.classid = 'pg_catalog.pg_class'::regclass AND o.objid = p.parent::oid;
  DELETE FROM reelbase.vector_indexes AS v USING pg_catalog.pg_event_trigger_dropped_objects() AS o
  WHERE o.classid = 'pg_catalog.pg_class'::regclass AND o.objid = v.table_name::oid;
  DELETE FROM reelbase.maintenance_tasks AS t USING pg_catalog.pg_event_trigger_dropped_objects() AS o
  WHERE o.classid = 'pg_catalog.pg_proc'::regclass AND o.objid = t.function::oid;
END
$$;
COMMENT ON FUNCTION reelbase.forget_dropped_objects() IS
  'sql_drop event trigger: removes the partition sets, vector indexes and maintenance tasks of dropped tables and functions.';
REVOKE ALL ON FUNCTION reelbase.forget_dropped_objects() FROM PUBLIC;
CREATE EVENT TRIGGER reelbase_forget_dropped_objects ON sql_drop
  EXECUTE FUNCTION reelbase.forget_dropped_objects();
