-- reelbase demo data, part 5: the content factory (seed 001). One owner's dossier with two
-- published posts and a week of their metrics, two pending images, the active scoring config;
-- loaded as the superuser.
INSERT INTO factory.cf_product_dossiers (id, name, owner_id, category, status) VALUES
  ('5f000000-0000-4000-8000-0000000000d1', 'Crème Hydratante Éclat', '5f000000-0000-4000-8000-000000000001', 'Beauty', 'active');
INSERT INTO factory.cf_generated_images (dossier_id, type, prompt, created_at) VALUES
  ('5f000000-0000-4000-8000-0000000000d1', 'before', 'dry skin, morning light', now() - interval '2 minutes'),
  ('5f000000-0000-4000-8000-0000000000d1', 'after', 'glowing skin, same light', now() - interval '1 minute');
INSERT INTO factory.cf_scripts (id, dossier_id, awareness_level, market_sophistication, hook, body, cta) VALUES
  ('5f000000-0000-4000-8000-0000000000c1', '5f000000-0000-4000-8000-0000000000d1', 2, 3, 'Dry by noon?', 'One layer, all day.', 'Link in bio');
INSERT INTO factory.cf_assembled_content (id, dossier_id, script_id, platform) VALUES
  ('5f000000-0000-4000-8000-0000000000a1', '5f000000-0000-4000-8000-0000000000d1', '5f000000-0000-4000-8000-0000000000c1', 'tiktok'),
  ('5f000000-0000-4000-8000-0000000000a2', '5f000000-0000-4000-8000-0000000000d1', '5f000000-0000-4000-8000-0000000000c1', 'tiktok');
INSERT INTO factory.cf_published_content (id, assembled_content_id, platform, platform_url) VALUES
  ('5f000000-0000-4000-8000-0000000000b1', '5f000000-0000-4000-8000-0000000000a1', 'tiktok', 'https://www.tiktok.com/@eclat/video/1'),
  ('5f000000-0000-4000-8000-0000000000b2', '5f000000-0000-4000-8000-0000000000a2', 'tiktok', 'https://www.tiktok.com/@eclat/video/2');
INSERT INTO factory.cf_scoring_config (name, weights) VALUES
  ('Default', '{"engagement": 0.4, "ctr": 0.3, "conversions": 0.3}');
INSERT INTO factory.cf_ab_tests (id, dossier_id, name, variants) VALUES
  ('5f000000-0000-4000-8000-000000000071', '5f000000-0000-4000-8000-0000000000d1', 'Hook: question vs POV', ARRAY[
    '{"label": "Question hook", "published_content_id": "5f000000-0000-4000-8000-0000000000b1"}',
    '{"label": "POV hook", "published_content_id": "5f000000-0000-4000-8000-0000000000b2"}']::jsonb[]);
