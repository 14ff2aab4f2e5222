-- The stories benchmark's fixture: 8 users, one approved idea, 200 scenes each with bible
-- version 1, and a trigger-free copy of stories.jobs for the plain-UPDATE baseline. Ids are
-- made from numbers (bench.scene(n), ...) so a pgbench script can name a row by a number.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS reelbase_stories CASCADE;
CREATE SCHEMA IF NOT EXISTS bench;
CREATE FUNCTION bench.id(prefix text, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (prefix || '-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid $$;
CREATE FUNCTION bench.scene(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT bench.id('5b000001', n) $$;
CREATE FUNCTION bench.usr(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT bench.id('5b000002', n) $$;
CREATE FUNCTION bench.job(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT bench.id('5b000003', n) $$;

INSERT INTO stories.users (id, email, username)
SELECT bench.usr(g), 'b' || g || '@example.com', 'bench' || g FROM generate_series(1, 8) g;
INSERT INTO stories.topics (id, name, slug) VALUES ('5b000000-0000-4000-8000-0000000000a1', 'Bench', 'bench');
INSERT INTO stories.ideas (id, user_id, topic_id, title, prompt, moderation_status)
VALUES ('5b000000-0000-4000-8000-0000000000b1', bench.usr(1), '5b000000-0000-4000-8000-0000000000a1',
        'Bench idea', 'A benchmark', 'approved');
INSERT INTO stories.scenes (id, idea_id, user_id, topic_id, title)
SELECT bench.scene(g), '5b000000-0000-4000-8000-0000000000b1', bench.usr(g % 8 + 1),
       '5b000000-0000-4000-8000-0000000000a1', 'Scene ' || g
FROM generate_series(1, 200) g;
INSERT INTO stories.scene_bibles (scene_id, version, data)
SELECT bench.scene(g), 1, '{"version": 1, "characters": [], "setting": {}, "timeline": {}}'
FROM generate_series(1, 200) g;

-- A bible of the size the seed describes (section 3): four characters with aliases, traits,
-- relationships and reference assets, three locations, world rules, five timeline events,
-- three plot threads and a style guide; about 3.5 KB as jsonb text.
CREATE FUNCTION bench.example_bible(v integer) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('version', v) || $j$
  {"characters": [
    {"entityId": "char_mara01", "canonicalName": "Mara Quill", "aliases": ["the keeper", "Quill"],
     "description": "Lighthouse keeper in her fifties, weathered hands, sharp grey eyes, speaks little.",
     "traits": ["stubborn", "observant", "loyal"],
     "relationships": [{"targetEntityId": "char_tomas02", "relationshipType": "mentor"},
                       {"targetEntityId": "char_iris03", "relationshipType": "estranged sister"}],
     "referenceAssets": {"portraitUrl": "https://cdn.example.com/ref/mara.png",
                         "voiceAnchorUrl": "https://cdn.example.com/ref/mara.wav",
                         "styleFrameUrl": "https://cdn.example.com/ref/mara-frame.png"},
     "introducedInSegment": 1, "isActive": true},
    {"entityId": "char_tomas02", "canonicalName": "Tomas Bell", "aliases": ["the boy"],
     "description": "Fisherman's son, sixteen, curious, carries a brass compass.",
     "traits": ["curious", "reckless"],
     "relationships": [{"targetEntityId": "char_mara01", "relationshipType": "apprentice"}],
     "referenceAssets": {"portraitUrl": "https://cdn.example.com/ref/tomas.png"},
     "introducedInSegment": 2, "isActive": true},
    {"entityId": "char_iris03", "canonicalName": "Iris Quill", "aliases": ["the cartographer"],
     "description": "Mara's younger sister, mapmaker, returned after twenty years abroad.",
     "traits": ["secretive", "charming"],
     "relationships": [{"targetEntityId": "char_mara01", "relationshipType": "estranged sister"}],
     "introducedInSegment": 4, "isActive": true},
    {"entityId": "char_harbor04", "canonicalName": "Harbormaster Eddo", "traits": ["pompous"],
     "description": "Runs the port, owes money to the wrong people.", "introducedInSegment": 5, "isActive": false}],
   "setting": {"primaryLocation": "Saltmere lighthouse", "timePeriod": "1920s, late autumn",
     "worldRules": ["The lamp must never go out at night", "Maps drawn by Iris show places that are not there yet"],
     "locations": [{"name": "Saltmere lighthouse", "description": "White tower on a basalt spit, 212 steps."},
                   {"name": "The harbor", "description": "Crowded, smells of tar and herring."},
                   {"name": "The drowned chapel", "description": "Visible only at the lowest tide."}]},
   "timeline": {"currentPoint": "The night of the first storm",
     "majorEvents": [{"segmentNumber": 1, "event": "Mara finds a map in a bottle", "consequences": "She hides it"},
                     {"segmentNumber": 2, "event": "Tomas sees the map", "consequences": "He tells no one, yet"},
                     {"segmentNumber": 4, "event": "Iris arrives on the mail boat", "consequences": "Old quarrel reopens"},
                     {"segmentNumber": 5, "event": "Eddo demands the lighthouse logs", "consequences": "Mara refuses"},
                     {"segmentNumber": 6, "event": "The storm begins", "consequences": "The lamp flickers"}]},
   "plotThreads": [{"id": "thread_map", "description": "Where does the map lead?", "status": "active"},
                   {"id": "thread_sisters", "description": "Why did Iris leave?", "status": "active"},
                   {"id": "thread_debt", "description": "Eddo's debt", "status": "abandoned"}],
   "styleGuide": {"tone": "melancholic, hopeful", "genre": "magical realism",
                  "visualStyle": "muted teal and amber, 35 mm grain", "narrativeStyle": "close third person"}}
  $j$::jsonb
$$;

-- The bible the runs insert, parsed once: only its version changes from row to row.
CREATE TABLE bench.bible_template AS SELECT bench.example_bible(0) AS data;

-- The baseline of claim + complete: a copy of stories.jobs with no trigger, keyed by id.
CREATE TABLE bench.jobs_plain (LIKE stories.jobs INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (id));
ALTER TABLE bench.jobs_plain SET (autovacuum_enabled = off);
INSERT INTO bench.jobs_plain (id, scene_id, user_id, input_text, bible_version)
SELECT bench.job(g), bench.scene(g % 200 + 1), bench.usr(g % 8 + 1), 'plain ' || g, 1 FROM generate_series(1, 200000) g;
CREATE SEQUENCE bench.append_seq;
ANALYZE;
