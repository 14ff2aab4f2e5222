-- A user queues a job with a fresh idempotency key on a random scene.
\set u random(1, 8)
\set s random(1, 200)
BEGIN;
SELECT reelbase.set_user_id(bench.usr(:u));
SELECT job_id FROM stories.enqueue_job(bench.scene(:s), 'and then the lamp went out', gen_random_uuid()::text);
COMMIT;
