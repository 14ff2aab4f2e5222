-- The scene bible's JSON Schema (seed 004 section 3), stored in the database rather than in
-- Swift source: stories.bible_schema holds its versions, the newest is the current one, and
-- every row written to stories.scene_bibles must match it (reelbase.jsonschema_validation_errors,
-- the core's draft-07 validator, compiled once per backend) and carry data.version = version.
-- A row refused gets 22023 with the first errors' paths in its DETAIL.
-- Version 1 is the seed's schema as written; administrators (reelbase_admin) add later ones.
-- Rows already stored stay as they are when a newer schema is added: each row matched the
-- schema current when it was written.

CREATE TABLE stories.bible_schema (
  version integer PRIMARY KEY CHECK (version > 0),
  schema jsonb NOT NULL,
  description text,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  -- The row the extension script inserts is recreated by CREATE EXTENSION: pg_dump skips it.
  registered_by_extension boolean NOT NULL DEFAULT false,
  -- The validator raises 22023 for a schema that is not a valid draft-07 schema.
  CONSTRAINT bible_schema_is_valid CHECK (reelbase.jsonb_matches_schema(schema, 'null') IS NOT NULL)
);
SELECT pg_catalog.pg_extension_config_dump('stories.bible_schema', 'WHERE NOT registered_by_extension');
COMMENT ON TABLE stories.bible_schema IS
  'Versions of the scene bible JSON Schema (draft-07); the highest version is the one stories.scene_bibles rows are checked against.';

INSERT INTO stories.bible_schema (version, schema, description, registered_by_extension) VALUES (1, $schema$
{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "required": ["version", "characters", "setting", "timeline"],
  "properties": {
    "version": {
      "type": "integer",
      "description": "Bible version number for optimistic locking"
    },
    "characters": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["entityId", "canonicalName"],
        "properties": {
          "entityId": {
            "type": "string",
            "pattern": "^char_[a-z0-9]+$",
            "description": "Stable entity ID (e.g., char_abc123)"
          },
          "canonicalName": {
            "type": "string",
            "description": "Official name used in story"
          },
          "aliases": {
            "type": "array",
            "items": { "type": "string" },
            "description": "Alternative names/nicknames"
          },
          "description": {
            "type": "string",
            "description": "Physical/personality description"
          },
          "traits": {
            "type": "array",
            "items": { "type": "string" }
          },
          "relationships": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "targetEntityId": { "type": "string" },
                "relationshipType": { "type": "string" }
              }
            }
          },
          "referenceAssets": {
            "type": "object",
            "properties": {
              "portraitUrl": { "type": "string" },
              "voiceAnchorUrl": { "type": "string" },
              "styleFrameUrl": { "type": "string" }
            }
          },
          "introducedInSegment": { "type": "integer" },
          "isActive": { "type": "boolean", "default": true }
        }
      }
    },
    "setting": {
      "type": "object",
      "properties": {
        "primaryLocation": { "type": "string" },
        "timePeriod": { "type": "string" },
        "worldRules": {
          "type": "array",
          "items": { "type": "string" }
        },
        "locations": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "name": { "type": "string" },
              "description": { "type": "string" }
            }
          }
        }
      }
    },
    "timeline": {
      "type": "object",
      "properties": {
        "currentPoint": { "type": "string" },
        "majorEvents": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "segmentNumber": { "type": "integer" },
              "event": { "type": "string" },
              "consequences": { "type": "string" }
            }
          }
        }
      }
    },
    "plotThreads": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "id": { "type": "string" },
          "description": { "type": "string" },
          "status": { 
            "type": "string",
            "enum": ["active", "resolved", "abandoned"]
          }
        }
      }
    },
    "styleGuide": {
      "type": "object",
      "properties": {
        "tone": { "type": "string" },
        "genre": { "type": "string" },
        "visualStyle": { "type": "string" },
        "narrativeStyle": { "type": "string" }
      }
    }
  }
}
$schema$, 'Seed 004 section 3, as written.', true);

CREATE FUNCTION stories.check_scene_bible() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  bible_schema_version integer;
  bible_schema_data jsonb;
  errors text;
  error_count bigint;
BEGIN
  SELECT b.version, b.schema INTO bible_schema_version, bible_schema_data
  FROM stories.bible_schema b ORDER BY b.version DESC LIMIT 1;
  -- The boolean check stops at the first error; the error list is built only for a refusal.
  IF NOT reelbase.jsonb_matches_schema(bible_schema_data, NEW.data) THEN
    SELECT pg_catalog.string_agg(pg_catalog.format('%s: %s (%s)', e.path, e.message, e.keyword), '; '),
           pg_catalog.max(e.n)
    INTO errors, error_count
    FROM (SELECT v.path, v.message, v.keyword, pg_catalog.count(*) OVER () AS n
          FROM reelbase.jsonschema_validation_errors(bible_schema_data, NEW.data) v LIMIT 3) e;
    RAISE EXCEPTION 'scene bible version % of scene % does not match bible schema version %',
                    NEW.version, NEW.scene_id, bible_schema_version
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = pg_catalog.format('%s error(s): %s', error_count, errors),
            HINT = 'The schema is stories.bible_schema (highest version).';
  END IF;
  IF (NEW.data OPERATOR(pg_catalog.->) 'version') IS DISTINCT FROM pg_catalog.to_jsonb(NEW.version) THEN
    RAISE EXCEPTION 'scene bible data.version % is not the row''s version %',
                    NEW.data OPERATOR(pg_catalog.->) 'version', NEW.version
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION stories.check_scene_bible() IS
  'Trigger on stories.scene_bibles: data must match the current stories.bible_schema and data.version equal version (22023, the first errors in DETAIL).';
CREATE TRIGGER scene_bibles_check
  BEFORE INSERT OR UPDATE OF data, version ON stories.scene_bibles
  FOR EACH ROW EXECUTE FUNCTION stories.check_scene_bible();
REVOKE ALL ON FUNCTION stories.check_scene_bible() FROM PUBLIC;

GRANT SELECT ON stories.bible_schema TO reelbase_app, reelbase_admin;
GRANT INSERT ON stories.bible_schema TO reelbase_admin;
