-- reelbase 0.4.0 -> 0.5.0, written and reviewed as a delta (the current definitions are in
-- sql/reelbase/). reelbase becomes the core; learning and market become the extensions
-- reelbase_learning and reelbase_market. After this script, adopt them (docs/upgrading.md):
--   CREATE EXTENSION reelbase_learning VERSION '0.4.0'; ALTER EXTENSION reelbase_learning UPDATE;
--   CREATE EXTENSION reelbase_market VERSION '0.4.0'; ALTER EXTENSION reelbase_market UPDATE;
\echo Use "ALTER EXTENSION reelbase UPDATE TO '0.5.0'" to load this file. \quit

-- 1. One rule for C symbols: schema.function is schema_function. The module still exports the
-- old names (extension/legacy-symbols.txt), so this only brings the catalog to the rule.
DO $symbols$
DECLARE
  r record;
  def text;
BEGIN
  FOR r IN
    SELECT p.oid, p.prosrc, n.nspname || '_' || p.proname AS symbol
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
      AND d.deptype = 'e' AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'reelbase')
    WHERE p.prolang = (SELECT oid FROM pg_catalog.pg_language WHERE lanname = 'c')
      AND p.prosrc <> n.nspname || '_' || p.proname
  LOOP
    def := pg_catalog.pg_get_functiondef(r.oid);
    -- The definition ends AS '<library>', <symbol>; only the symbol changes (comments, grants
    -- and extension membership stay with CREATE OR REPLACE).
    def := pg_catalog.regexp_replace(def, '(AS ''[^'']*'', )\S+\s*$',
                                     '\1' || pg_catalog.quote_literal(r.symbol));
    EXECUTE def;
  END LOOP;
END
$symbols$;

-- 2. Registrations of dropped objects go with them (sql/reelbase/30_forget_dropped.sql).
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

-- 3. Hand learning and market over. Their objects leave this extension (they keep working, as
-- objects of no extension) and are listed in reelbase.pending_adoption, with the pg_dump
-- condition of each user-data table, for the product's CREATE EXTENSION ... VERSION '0.4.0'
-- to adopt. The list is not part of the extension, and the last adoption drops it.
CREATE TABLE reelbase.pending_adoption (
  product name NOT NULL,
  classid oid NOT NULL,
  objid oid NOT NULL,
  objsubid integer NOT NULL,
  dump_condition text,
  PRIMARY KEY (classid, objid, objsubid)
);
ALTER EXTENSION reelbase DROP TABLE reelbase.pending_adoption;

DO $handover$
DECLARE
  ext oid := (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'reelbase');
  r record;
BEGIN
  INSERT INTO reelbase.pending_adoption
  SELECT CASE coalesce(i.schema, i.identity) WHEN 'learning' THEN 'reelbase_learning' ELSE 'reelbase_market' END,
         d.classid, d.objid, d.objsubid, cfg.condition
  FROM pg_catalog.pg_depend d
  CROSS JOIN LATERAL pg_catalog.pg_identify_object(d.classid, d.objid, d.objsubid) i
  LEFT JOIN (SELECT c.oid, c.condition
             FROM pg_catalog.pg_extension e,
                  unnest(e.extconfig, e.extcondition) AS c (oid, condition)
             WHERE e.oid = ext) cfg ON d.classid = 'pg_catalog.pg_class'::regclass AND cfg.oid = d.objid
  WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.refobjid = ext AND d.deptype = 'e'
    AND coalesce(i.schema, CASE WHEN i.type = 'schema' THEN i.identity END) IN ('learning', 'market');

  FOR r IN SELECT i.type, i.identity FROM reelbase.pending_adoption a,
             pg_catalog.pg_identify_object(a.classid, a.objid, a.objsubid) i LOOP
    EXECUTE format('ALTER EXTENSION reelbase DROP %s %s', r.type, r.identity);
  END LOOP;
END
$handover$;


-- 4. The identity counts only in the transaction that set it: reelbase.user_id holds
-- "<transaction>:<uuid>" (sql/reelbase/00_schema_roles_identity.sql). Identities set before the
-- update end with their transactions as before.
CREATE OR REPLACE FUNCTION reelbase.current_user_id()
RETURNS uuid
LANGUAGE c
STABLE
PARALLEL SAFE
AS 'MODULE_PATHNAME', 'reelbase_current_user_id';
COMMENT ON FUNCTION reelbase.current_user_id() IS
  'The end user the current transaction acts for (a learning.creators or learning.students '
  'id), or NULL when none is set. Set it with reelbase.set_user_id(). Errors: 22023 when '
  'reelbase.user_id holds a value set_user_id did not set (SET reelbase.user_id is refused).';
CREATE OR REPLACE FUNCTION reelbase.set_user_id(p_user_id uuid)
RETURNS uuid
LANGUAGE c
VOLATILE
CALLED ON NULL INPUT
PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'reelbase_set_user_id';
COMMENT ON FUNCTION reelbase.set_user_id(uuid) IS
  'Act for end user p_user_id (a creators or students id) until the end of the current '
  'transaction (also when called at session level: the identity counts only in the '
  'transaction that set it); NULL clears the identity. Returns the identity now in effect. The login role '
  'that calls it is trusted to have authenticated that user.';

-- 5. No end-user role reads what is derived from every tenant's rows: the centroids, the
-- registry's figures, the list oracle (sql/reelbase/10_vector_engine.sql). Search reads them
-- as their owner.
REVOKE SELECT ON reelbase.vector_indexes, reelbase.vector_index_centroids FROM reelbase_app;
REVOKE ALL ON FUNCTION reelbase.vector_list_for(text, real[]) FROM PUBLIC, reelbase_app;

-- 6. cosine_similarity scores every finite vector and refuses multi-dimensional arrays.
COMMENT ON FUNCTION reelbase.cosine_similarity(real[], real[]) IS
  'Cosine similarity of two real[] of the same length (Swift, accumulated in double precision, so exact for every finite vector). NULL when either is the zero vector, has NULL or non-finite elements, or the lengths differ. Errors: 22023 for an array of more than one dimension.';

-- 7. JSON Schema validation (sql/reelbase/40_json_schema.sql).
CREATE FUNCTION reelbase.jsonb_matches_schema(schema jsonb, instance jsonb) RETURNS boolean
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'reelbase_jsonb_matches_schema';
COMMENT ON FUNCTION reelbase.jsonb_matches_schema(jsonb, jsonb) IS
  'Whether instance is valid against the JSON Schema (draft-07) schema; stops at the first violation. Errors: 22023 when the schema itself is invalid (the detail names where), 54001 past 512 levels of nesting.';

CREATE FUNCTION reelbase.jsonschema_validation_errors(schema jsonb, instance jsonb)
  RETURNS TABLE (path text, keyword text, message text, schema_path text)
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE ROWS 4
  AS 'MODULE_PATHNAME', 'reelbase_jsonschema_validation_errors';
COMMENT ON FUNCTION reelbase.jsonschema_validation_errors(jsonb, jsonb) IS
  'Every violation of schema by instance: path (an SQL/JSON path into the instance, for jsonb_path_query), the failing keyword, a message, and schema_path (a JSON pointer into the schema). No rows when valid. Errors as jsonb_matches_schema.';

GRANT EXECUTE ON FUNCTION reelbase.jsonb_matches_schema(jsonb, jsonb),
  reelbase.jsonschema_validation_errors(jsonb, jsonb) TO reelbase_app, reelbase_admin;
