-- reelbase demo data, part 3: a small collaborative story (stories schema, seed 004). Ids:
-- 5d..01 Ann and 5d..02 Bob (users), 5d..03 Mia (moderator); 5d..a1 the topic, 5d..b1 the
-- idea, 5d..c1 the scene. Loaded by scripts/demo.sh after CREATE EXTENSION reelbase_stories.
SET client_min_messages = warning;
INSERT INTO stories.users (id, email, username, role) VALUES
  ('5d000000-0000-4000-8000-000000000001', 'ann@example.com', 'ann', 'user'),
  ('5d000000-0000-4000-8000-000000000002', 'bob@example.com', 'bob', 'user'),
  ('5d000000-0000-4000-8000-000000000003', 'mia@example.com', 'mia', 'moderator');
INSERT INTO stories.topics (id, name, slug) VALUES ('5d000000-0000-4000-8000-0000000000a1', 'Sea stories', 'sea-stories');
INSERT INTO stories.ideas (id, user_id, topic_id, title, prompt, moderation_status) VALUES
  ('5d000000-0000-4000-8000-0000000000b1', '5d000000-0000-4000-8000-000000000001', '5d000000-0000-4000-8000-0000000000a1',
   'The lighthouse keeper', 'A keeper finds a map in a bottle', 'approved');
INSERT INTO stories.scenes (id, idea_id, user_id, topic_id, title) VALUES
  ('5d000000-0000-4000-8000-0000000000c1', '5d000000-0000-4000-8000-0000000000b1', '5d000000-0000-4000-8000-000000000001',
   '5d000000-0000-4000-8000-0000000000a1', 'The first storm');
INSERT INTO stories.scene_bibles (scene_id, version, data) VALUES ('5d000000-0000-4000-8000-0000000000c1', 1,
  '{"version": 1, "characters": [{"entityId": "char_mara", "canonicalName": "Mara Quill", "traits": ["stubborn"]}],
    "setting": {"primaryLocation": "Saltmere lighthouse", "timePeriod": "1920s"}, "timeline": {"currentPoint": "dusk"}}');
