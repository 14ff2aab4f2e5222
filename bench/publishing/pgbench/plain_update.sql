-- Baseline: the same read-modify-write as update_video.sql, as the plain OCC UPDATE on the
-- trigger-free copy bench.videos_plain (no rules trigger, no audit row, no updated_at stamp).
\set n 1 + :client_id + 2 * random(0, 499)
SELECT state_version AS v FROM bench.videos_plain WHERE id = bench.video(:n) \gset
UPDATE bench.videos_plain SET title = 'take ' || (:v + 1), state_version = state_version + 1
WHERE id = bench.video(:n) AND state_version = :v;
