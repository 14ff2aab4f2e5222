-- reelbase demo data, part 4: the publishing catalogue (seed 002). Two owners with a persona
-- each, a render worker, and three videos; loaded as the superuser.
INSERT INTO publishing.workers (id, name) VALUES ('5e000000-0000-4000-8000-0000000000e1', 'render-worker-1');
INSERT INTO publishing.personas (id, name, voice_profile, style_profile, owner_id) VALUES
  ('5e000000-0000-4000-8000-0000000000a1', 'Nova', '{"voice": "warm", "pace": 1.1}', '{"palette": "teal"}',
   '5e000000-0000-4000-8000-000000000001'),
  ('5e000000-0000-4000-8000-0000000000a2', 'Rex', '{"voice": "deep"}', '{"palette": "amber"}',
   '5e000000-0000-4000-8000-000000000002');
INSERT INTO publishing.videos (id, persona_id, title, description, duration_seconds) VALUES
  ('5e000000-0000-4000-8000-0000000000f1', '5e000000-0000-4000-8000-0000000000a1', 'Tide pools at dawn', 'Short explainer', 48),
  ('5e000000-0000-4000-8000-0000000000f2', '5e000000-0000-4000-8000-0000000000a1', 'Kelp forests', NULL, 61),
  ('5e000000-0000-4000-8000-0000000000f3', '5e000000-0000-4000-8000-0000000000a2', 'Desert night sky', NULL, 75);
