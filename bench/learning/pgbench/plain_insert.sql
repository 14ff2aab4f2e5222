-- Baseline: the event row inserted directly (id from the column default), id returned to the
-- client like the two functions return it. The bench.triples lookup is the same in all three.
\set n random(1, 10000)
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id, metadata)
SELECT 'video_progress', t.video_id, t.creator_id, t.student_id,
       '{"percent_complete": 50, "watch_time_seconds": 120}'::jsonb
FROM bench.triples t WHERE t.n = :n
RETURNING id;
