-- The next finished job (made by 30_segments.sh) appended as its scene's next segment.
SELECT nextval('bench.append_seq') AS n \gset
SELECT sequence FROM stories.append_segment(bench.job(1000000 + :n), 'https://cdn.example.com/a.mp4', 6, 'script');
