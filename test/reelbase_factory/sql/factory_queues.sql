-- The generation work queues: claims oldest first, each row once, only the claiming worker
-- finishes it, and the refusals. Concurrent claimers are in scripts/test-factory.sh.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/factory.sql'
\i :fixture
\set VERBOSITY terse
\set ON_ERROR_ROLLBACK on
-- Three more pending images of d1, older than the fixture's, in a known order.
INSERT INTO factory.cf_generated_images (id, dossier_id, type, prompt, created_at) VALUES
  ('f0000000-0000-0000-0000-0000000000e3', :d1, 'after', 'clear skin', '2026-01-01 00:00:01+00'),
  ('f0000000-0000-0000-0000-0000000000e4', :d1, 'lifestyle', 'at school', '2026-01-01 00:00:02+00'),
  ('f0000000-0000-0000-0000-0000000000e5', :d1, 'product', 'the patch', '2026-01-01 00:00:03+00');

-- The pipeline's: end users may not call them.
SET ROLE regress_factory_app;
SELECT * FROM factory.claim_generation_jobs('image', 'w1');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
SET ROLE regress_factory_admin;
SELECT id, type, prompt FROM factory.claim_generation_jobs('image', 'w1', 2);
SELECT id, type FROM factory.claim_generation_jobs('image', 'w2', 10);
SELECT id FROM factory.claim_generation_jobs('image', 'w3', 10);
SELECT id, status, metadata ->> 'claimed_by' AS worker FROM factory.cf_generated_images ORDER BY created_at;
-- w2 may not finish w1's image; w1 completes one and fails the other.
SELECT factory.complete_generation('image', 'f0000000-0000-0000-0000-0000000000e3', 'w2', 'https://cdn.example.com/e3.png');
\echo :LAST_ERROR_SQLSTATE
SELECT factory.complete_generation('image', 'f0000000-0000-0000-0000-0000000000e3', 'w1', 'https://cdn.example.com/e3.png', '{"seed": 7}');
SELECT factory.fail_generation('image', 'f0000000-0000-0000-0000-0000000000e4', 'w1', 'safety filter');
-- Finished is finished: neither can be completed again.
SELECT factory.complete_generation('image', 'f0000000-0000-0000-0000-0000000000e3', 'w1', 'https://cdn.example.com/again.png');
\echo :LAST_ERROR_SQLSTATE
SELECT factory.complete_generation('image', 'f0000000-0000-0000-0000-0000000000e4', 'w1', 'https://cdn.example.com/e4.png');
\echo :LAST_ERROR_SQLSTATE
SELECT id, status, image_url, metadata - 'claimed_at' - 'failed_at' AS metadata, metadata ? 'failed_at' AS failed_at
FROM factory.cf_generated_images WHERE id IN ('f0000000-0000-0000-0000-0000000000e3', 'f0000000-0000-0000-0000-0000000000e4') ORDER BY id;
-- Videos: the same queue on cf_generated_videos.
SELECT id, type FROM factory.claim_generation_jobs('video', 'w1', 5);
SELECT factory.complete_generation('video', :v2, 'w1', 'https://cdn.example.com/v2.mp4');
SELECT id, status, video_url FROM factory.cf_generated_videos ORDER BY id;
-- Refusals.
SELECT * FROM factory.claim_generation_jobs('audio', 'w1');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.claim_generation_jobs('image', '');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.claim_generation_jobs('image', 'w1', 0);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.claim_generation_jobs('image', 'w1', 1001);
\echo :LAST_ERROR_SQLSTATE
SELECT factory.complete_generation('video', :v1, 'w1', '');
\echo :LAST_ERROR_SQLSTATE
SELECT factory.complete_generation('video', 'f0000000-0000-0000-0000-000000000000', 'w1', 'https://x/y');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
