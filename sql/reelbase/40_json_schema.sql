-- JSON Schema (draft-07) validation in Swift (Sources/ReelbaseCore/JSONSchema), for CHECK
-- constraints and triggers such as the stories scene bible. Schemas are compiled once per
-- backend (16 kept, least recently used dropped). `pattern` uses PostgreSQL's regular
-- expressions (advanced syntax, C collation), which can be cancelled.

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
