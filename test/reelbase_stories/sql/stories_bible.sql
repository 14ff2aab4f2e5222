-- Scene bibles are checked against the JSON Schema stored in stories.bible_schema (seed 004
-- section 3): the seed-shaped example is accepted; data that fails the schema, or whose
-- version is not the row's, is refused with 22023 and the first errors in the detail.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/stories.sql'
\i :fixture
\set VERBOSITY default
\set SHOW_CONTEXT never

-- The stored schema is the seed's (a few of its facts), version 1, registered by the script.
SELECT version, registered_by_extension, schema->>'$schema' AS dialect, schema->'required' AS required,
       schema #> '{properties,characters,items,properties,entityId,pattern}' AS entity_pattern,
       schema #> '{properties,plotThreads,items,properties,status,enum}' AS thread_status
FROM stories.bible_schema;

-- The seed-shaped example: every section of the schema filled in.
\set example '{"version": 1, "characters": [{"entityId": "char_keeper1", "canonicalName": "Mara Voss", "aliases": ["the keeper"], "description": "Weathered, patient, hears too much.", "traits": ["stubborn", "kind"], "relationships": [{"targetEntityId": "char_ghost2", "relationshipType": "haunted by"}], "referenceAssets": {"portraitUrl": "https://cdn.example/mara.png", "voiceAnchorUrl": "https://cdn.example/mara.wav", "styleFrameUrl": "https://cdn.example/mara-frame.png"}, "introducedInSegment": 1, "isActive": true}, {"entityId": "char_ghost2", "canonicalName": "The Knocker"}], "setting": {"primaryLocation": "Black Rock lighthouse", "timePeriod": "1920s", "worldRules": ["the lamp must never go out"], "locations": [{"name": "lamp room", "description": "glass and brass"}]}, "timeline": {"currentPoint": "the third night", "majorEvents": [{"segmentNumber": 1, "event": "first knock", "consequences": "Mara stops sleeping"}]}, "plotThreads": [{"id": "thread_knock", "description": "who knocks", "status": "active"}], "styleGuide": {"tone": "eerie", "genre": "gothic mystery", "visualStyle": "desaturated film grain", "narrativeStyle": "close third person"}}'
SELECT reelbase.jsonb_matches_schema((SELECT schema FROM stories.bible_schema), :'example'::jsonb) AS example_valid;
INSERT INTO stories.scene_bibles (scene_id, version, data)
  VALUES ('a0000000-0000-0000-0000-0000000000c1', 1, :'example'::jsonb);
-- The minimal bible: the four required members.
INSERT INTO stories.scene_bibles (scene_id, version, data)
  VALUES ('a0000000-0000-0000-0000-0000000000c2', 1, '{"version": 1, "characters": [], "setting": {}, "timeline": {}}');
-- 2.0 is an integer in draft-07, and equals version 2.
INSERT INTO stories.scene_bibles (scene_id, version, data)
  VALUES ('a0000000-0000-0000-0000-0000000000c2', 2, '{"version": 2.0, "characters": [], "setting": {}, "timeline": {}}');
SELECT scene_id, version, data->'characters'->0->>'canonicalName' AS first_character FROM stories.scene_bibles ORDER BY 1, 2;

-- Refused, 22023, with the paths of the first errors.
\set ON_ERROR_STOP 0
-- missing required members
INSERT INTO stories.scene_bibles (scene_id, version, data)
  VALUES ('a0000000-0000-0000-0000-0000000000c3', 1, '{"version": 1, "characters": []}');
\echo :LAST_ERROR_SQLSTATE
-- a bad entity id, a character without a name, a wrong type deep down, an unknown thread status
INSERT INTO stories.scene_bibles (scene_id, version, data)
  VALUES ('a0000000-0000-0000-0000-0000000000c3', 1, jsonb_set(jsonb_set(jsonb_set(:'example'::jsonb,
    '{characters,0,entityId}', '"Char-Keeper"'), '{characters,1}', '{"entityId": "char_x"}'),
    '{plotThreads,0,status}', '"forgotten"'));
\echo :LAST_ERROR_SQLSTATE
INSERT INTO stories.scene_bibles (scene_id, version, data)
  VALUES ('a0000000-0000-0000-0000-0000000000c3', 1, jsonb_set(:'example'::jsonb, '{timeline,majorEvents,0,segmentNumber}', '"one"'));
\echo :LAST_ERROR_SQLSTATE
-- not an object; version not an integer
INSERT INTO stories.scene_bibles (scene_id, version, data) VALUES ('a0000000-0000-0000-0000-0000000000c3', 1, '[]');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO stories.scene_bibles (scene_id, version, data)
  VALUES ('a0000000-0000-0000-0000-0000000000c3', 1, jsonb_set(:'example'::jsonb, '{version}', '1.5'));
\echo :LAST_ERROR_SQLSTATE
-- valid data whose version is not the row's
INSERT INTO stories.scene_bibles (scene_id, version, data)
  VALUES ('a0000000-0000-0000-0000-0000000000c3', 2, :'example'::jsonb);
\echo :LAST_ERROR_SQLSTATE
-- an update cannot break a stored bible either
UPDATE stories.scene_bibles SET data = data - 'setting' WHERE scene_id = 'a0000000-0000-0000-0000-0000000000c1';
\echo :LAST_ERROR_SQLSTATE
UPDATE stories.scene_bibles SET version = 3 WHERE scene_id = 'a0000000-0000-0000-0000-0000000000c1';
\echo :LAST_ERROR_SQLSTATE
-- an invalid schema cannot be stored
INSERT INTO stories.bible_schema (version, schema) VALUES (2, '{"type": "objekt"}');
\echo :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
SELECT count(*) AS bibles FROM stories.scene_bibles;

-- A newer schema version becomes the current one: here one that also requires plotThreads.
INSERT INTO stories.bible_schema (version, schema, description)
SELECT 2, jsonb_set(schema, '{required}', schema->'required' || '["plotThreads"]'), 'plot threads required'
FROM stories.bible_schema WHERE version = 1;
\set ON_ERROR_STOP 0
INSERT INTO stories.scene_bibles (scene_id, version, data)
  VALUES ('a0000000-0000-0000-0000-0000000000c3', 1, '{"version": 1, "characters": [], "setting": {}, "timeline": {}}');
\echo :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
INSERT INTO stories.scene_bibles (scene_id, version, data)
  VALUES ('a0000000-0000-0000-0000-0000000000c3', 1, '{"version": 1, "characters": [], "setting": {}, "timeline": {}, "plotThreads": []}');
DELETE FROM stories.bible_schema WHERE version = 2;

DELETE FROM stories.scene_bibles;
\set fixture :abs_srcdir '/sql/fixtures/stories_cleanup.sql'
\i :fixture
