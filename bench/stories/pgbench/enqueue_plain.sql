-- Baseline: the same job row by a plain INSERT into stories.jobs (its triggers, keeping the key
-- unique across partitions, run as for enqueue_job), without the identity, visibility, scene
-- state and bible version look-ups enqueue_job does.
\set u random(1, 8)
\set s random(1, 200)
BEGIN;
SELECT reelbase.set_user_id(bench.usr(:u));
INSERT INTO stories.jobs (scene_id, user_id, input_text, bible_version, idempotency_key)
VALUES (bench.scene(:s), bench.usr(:u), 'and then the lamp went out', 1, gen_random_uuid()::text)
RETURNING id, created_at, status;
COMMIT;
