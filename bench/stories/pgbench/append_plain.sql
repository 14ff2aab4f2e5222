-- Baseline: the same segment row by a plain INSERT into stories.segments (its triggers, the
-- job check and the scene counters, run as for append_segment), with the sequence given.
SELECT nextval('bench.append_seq') AS n \gset
INSERT INTO stories.segments (scene_id, user_id, job_id, sequence, input_text, expanded_script, video_url, duration, bible_version)
SELECT j.scene_id, j.user_id, j.id, :n, j.input_text, 'script', 'https://cdn.example.com/a.mp4', 6, j.bible_version
FROM stories.jobs j WHERE j.id = bench.job(1000000 + :n);
