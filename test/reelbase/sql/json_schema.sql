-- JSON Schema (draft-07) validation: reelbase.jsonb_matches_schema and
-- reelbase.jsonschema_validation_errors. The keyword-by-keyword semantics are covered by
-- swift test (Tests/ReelbaseCoreTests/JSONSchema); this checks the SQL surface.
\set VERBOSITY default
SELECT reelbase.jsonb_matches_schema('{"type":"integer"}', '1.0') AS one_point_zero_is_integer,
       reelbase.jsonb_matches_schema('{"type":"integer"}', '1.5') AS one_and_a_half,
       reelbase.jsonb_matches_schema('{"multipleOf":0.1}', '0.3') AS exact_multiple,
       reelbase.jsonb_matches_schema('true', '{"any":"thing"}') AS true_schema,
       reelbase.jsonb_matches_schema(NULL, '1') IS NULL AS strict;

-- Every violation, with an SQL/JSON path into the instance and a pointer into the schema.
SELECT * FROM reelbase.jsonschema_validation_errors(
  '{"type":"object","required":["version","characters"],
    "properties":{"version":{"type":"integer"},
                  "characters":{"type":"array","items":{"type":"object","required":["entityId"],
                    "properties":{"entityId":{"type":"string","pattern":"^char_[a-z0-9]+$"}}}}},
    "additionalProperties":false}',
  '{"version":"2","characters":[{"entityId":"char_ok1"},{"entityId":"Char X"},{}],"extra":1}');
-- The paths work with jsonb_path_query.
SELECT e.path, jsonb_path_query('{"characters":[{"entityId":"char_ok1"},{"entityId":"Char X"}]}'::jsonb, e.path::jsonpath) AS value
FROM reelbase.jsonschema_validation_errors('{"properties":{"characters":{"items":{"properties":{"entityId":{"pattern":"^char_"}}}}}}',
       '{"characters":[{"entityId":"char_ok1"},{"entityId":"Char X"}]}') e;
SELECT count(*) AS errors_when_valid FROM reelbase.jsonschema_validation_errors('{"type":"array"}', '[]');

-- A schema that is itself invalid is an error, not "false".
SELECT reelbase.jsonb_matches_schema('{"type":"text"}', '1');
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.jsonb_matches_schema('{"properties":{"a":{"minLength":-1}}}', '1');
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.jsonb_matches_schema('{"pattern":"(unclosed"}', '"x"');
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.jsonb_matches_schema('{"$ref":"https://example.com/schema.json"}', '1');
\echo :LAST_ERROR_SQLSTATE

-- Values as the validator reads them from jsonb's binary form: scalar roots, escapes and
-- non-ASCII strings (lengths in code points), numbers beyond double and whole numbers written
-- with a fraction.
SELECT reelbase.jsonb_matches_schema('{"type":"string","maxLength":2}', '"é😀"') AS two_code_points,
       reelbase.jsonb_matches_schema('{"type":"string","maxLength":1}', '"é😀"') AS not_one,
       reelbase.jsonb_matches_schema('{"const":"a\"b\\c\n"}', '"a\"b\\c\n"') AS escapes,
       reelbase.jsonb_matches_schema('{"type":"integer"}', '1.0') AS whole_with_fraction,
       reelbase.jsonb_matches_schema('{"type":"integer"}', '-2.5') AS fraction,
       reelbase.jsonb_matches_schema('{"minimum":1e400}', '1e401') AS above_double,
       reelbase.jsonb_matches_schema('{"const":1e400}', '1e401') AS not_equal_above_double,
       reelbase.jsonb_matches_schema('{"enum":[null, true, {"a":[1,{"b":"c"}]}]}', '{"a":[1.00,{"b":"c"}]}') AS nested_enum,
       reelbase.jsonb_matches_schema('{"type":"null"}', 'null') AS null_root;
SELECT path, keyword FROM reelbase.jsonschema_validation_errors(
  '{"properties":{"ключ":{"type":"number"},"b":{"items":{"type":"string"}}}}', '{"ключ":"x","b":["y",2]}') ORDER BY path;

-- Deep instances and reference loops end in a clear error; the backend stays up.
CREATE TEMP TABLE backend AS SELECT pg_backend_pid() AS pid;
SELECT reelbase.jsonb_matches_schema('{"items":{"$ref":"#"}}', (repeat('[', 5000) || repeat(']', 5000))::jsonb);
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.jsonb_matches_schema('{"anyOf":[{"$ref":"#"}]}', 'null');
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.jsonb_matches_schema('{"items":{"$ref":"#"}}', (repeat('[', 300) || repeat(']', 300))::jsonb) AS three_hundred_deep;
-- PostgreSQL's regular expressions: no exponential backtracking on a classic bad pattern.
SELECT reelbase.jsonb_matches_schema('{"pattern":"^(a+)+$"}', to_jsonb(repeat('a', 5000) || 'b')) AS backtracking;

-- As a CHECK constraint, over many rows and more schemas than the cache holds.
CREATE TEMP TABLE docs (
  kind int NOT NULL,
  body jsonb NOT NULL CHECK (reelbase.jsonb_matches_schema(
    jsonb_build_object('type', 'object', 'required', jsonb_build_array('n'),
                       'properties', jsonb_build_object('n', jsonb_build_object('maximum', kind))), body)));
INSERT INTO docs SELECT k, jsonb_build_object('n', k) FROM generate_series(1, 40) k, generate_series(1, 25);
SELECT count(*) AS rows, count(DISTINCT kind) AS schemas FROM docs;
INSERT INTO docs VALUES (3, '{"n": 4}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO docs VALUES (3, '{"m": 1}');
\echo :LAST_ERROR_SQLSTATE
SELECT pid = pg_backend_pid() AS same_backend FROM backend;
