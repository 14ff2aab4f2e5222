-- Diagnostics of the Swift/Postgres bridge. They exist so the boundary can be tested on any
-- installation (an error from Swift, an error from Postgres during a Swift call, every type
-- conversion); only administrators may run them.

CREATE FUNCTION reelbase.bridge_echo(value anyelement) RETURNS anyelement
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'reelbase_bridge_echo';
COMMENT ON FUNCTION reelbase.bridge_echo(anyelement) IS
  'Converts a value into Swift and back (bool, int2/4/8, real, double, text, uuid, date, timestamptz, interval, numeric, jsonb, text[], uuid[], real[]); for testing the bridge.';

CREATE FUNCTION reelbase.bridge_describe(value anyelement) RETURNS text
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'reelbase_bridge_describe';
COMMENT ON FUNCTION reelbase.bridge_describe(anyelement) IS
  'How Swift sees a value of a bridged type; for testing the bridge.';

CREATE FUNCTION reelbase.bridge_fail(kind text) RETURNS text
  LANGUAGE c VOLATILE STRICT PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'reelbase_bridge_fail';
COMMENT ON FUNCTION reelbase.bridge_fail(text) IS
  'Raises an error of the given kind across the Swift boundary (swift, server, server_swallowed, server_then_swift, type_input, palloc, nested, spin); for testing the bridge.';

REVOKE ALL ON FUNCTION reelbase.bridge_echo(anyelement), reelbase.bridge_describe(anyelement),
  reelbase.bridge_fail(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reelbase.bridge_echo(anyelement), reelbase.bridge_describe(anyelement),
  reelbase.bridge_fail(text) TO reelbase_admin;
