-- A worker's read-modify-write of a video: read its state_version, then update_video with it
-- as the expected version (the OCC and status trigger and the audit row with its hash chain
-- run inside). Client c (0 or 1) only picks videos 1 + c + 2k, so the two clients never
-- race for one video: a lost race would be a 40001, which fails the pgbench run.
\set n 1 + :client_id + 2 * random(0, 499)
SELECT state_version AS v FROM publishing.videos WHERE id = bench.video(:n) \gset
SELECT state_version FROM publishing.update_video(bench.video(:n), :v,
  jsonb_build_object('title', 'take ' || (:v + 1)), 'worker-' || :client_id);
