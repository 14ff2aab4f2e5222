-- The Swift function; the bench.triples lookup is the same in all three variants.
\set n random(1, 10000)
SELECT learning.track_video_event('video_progress', t.video_id, t.creator_id, t.student_id,
         NULL, NULL, '{"percent_complete": 50, "watch_time_seconds": 120}'::jsonb)
FROM bench.triples t WHERE t.n = :n;
