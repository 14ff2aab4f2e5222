-- The counters the database keeps: after inserts, updates and deletes of scenes, segments,
-- likes and views each counter equals what it counts (checked against a recount).
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/stories.sql'
\i :fixture
\set VERBOSITY terse

-- The recount: every counter next to the value it must have; a row here is a wrong counter.
CREATE FUNCTION pg_temp.wrong_counters() RETURNS TABLE (what text, id uuid, kept bigint, actual bigint)
LANGUAGE sql AS $$
  SELECT 'topics.scene_count', t.id, t.scene_count::bigint, (SELECT count(*) FROM stories.scenes s WHERE s.topic_id = t.id)
  FROM stories.topics t
  UNION ALL SELECT 'ideas.scene_count', i.id, i.scene_count, (SELECT count(*) FROM stories.scenes s WHERE s.idea_id = i.id)
  FROM stories.ideas i
  UNION ALL SELECT 'ideas.like_count', i.id, i.like_count,
    (SELECT count(*) FROM stories.likes l WHERE l.target_type = 'idea' AND l.target_id = i.id) FROM stories.ideas i
  UNION ALL SELECT 'ideas.view_count', i.id, i.view_count,
    (SELECT count(*) FROM stories.scene_views v JOIN stories.scenes s ON s.id = v.scene_id WHERE s.idea_id = i.id)
  FROM stories.ideas i
  UNION ALL SELECT 'scenes.segment_count', s.id, s.segment_count, (SELECT count(*) FROM stories.segments g WHERE g.scene_id = s.id)
  FROM stories.scenes s
  UNION ALL SELECT 'scenes.total_duration', s.id, s.total_duration,
    (SELECT coalesce(sum(g.duration), 0) FROM stories.segments g WHERE g.scene_id = s.id) FROM stories.scenes s
  UNION ALL SELECT 'scenes.contributor_count', s.id, s.contributor_count,
    (SELECT count(DISTINCT g.user_id) FROM stories.segments g WHERE g.scene_id = s.id) FROM stories.scenes s
  UNION ALL SELECT 'scenes.like_count', s.id, s.like_count,
    (SELECT count(*) FROM stories.likes l WHERE l.target_type = 'scene' AND l.target_id = s.id) FROM stories.scenes s
  UNION ALL SELECT 'scenes.view_count', s.id, s.view_count, (SELECT count(*) FROM stories.scene_views v WHERE v.scene_id = s.id)
  FROM stories.scenes s
  UNION ALL SELECT 'scenes.last_segment_at', s.id, 0, 1 FROM stories.scenes s
  WHERE s.last_segment_at IS DISTINCT FROM (SELECT max(g.created_at) FROM stories.segments g WHERE g.scene_id = s.id)
$$;
CREATE FUNCTION pg_temp.wrong() RETURNS SETOF text LANGUAGE sql AS $$
  SELECT format('%s of %s: kept %s, actual %s', what, id, kept, actual) FROM pg_temp.wrong_counters() WHERE kept <> actual
$$;
CREATE FUNCTION pg_temp.add_segment(p_scene uuid, p_user uuid, p_duration int, p_at timestamptz)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO stories.segments (scene_id, user_id, job_id, sequence, input_text, expanded_script, video_url,
                                duration, bible_version, created_at)
  SELECT p_scene, p_user, 'a0000000-0000-0000-0000-0000000000d1',
         (SELECT coalesce(max(sequence), 0) + 1 FROM stories.segments WHERE scene_id = p_scene),
         'text', 'script', 'https://v/x.mp4', p_duration, 1, p_at
$$;

-- The fixture: 3 scenes of one topic, one per idea.
SELECT * FROM pg_temp.wrong();
SELECT scene_count FROM stories.topics;
SELECT title, scene_count FROM stories.ideas ORDER BY title;

-- Segments: ann twice and bob once on s1, ann once on s2.
SELECT pg_temp.add_segment('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000a', 10, '2026-01-05 10:00+00');
SELECT pg_temp.add_segment('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000b', 20, '2026-01-06 10:00+00');
SELECT pg_temp.add_segment('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000a', 30, '2026-01-07 10:00+00');
SELECT pg_temp.add_segment('a0000000-0000-0000-0000-0000000000c2', 'a0000000-0000-0000-0000-00000000000a', 5, '2026-01-02 10:00+00');
SELECT title, segment_count, total_duration, contributor_count, last_segment_at AT TIME ZONE 'UTC' AS last_segment_utc
FROM stories.scenes ORDER BY title;
SELECT * FROM pg_temp.wrong();

-- Deleting the newest segment moves last_segment_at back; deleting bob's only one drops a
-- contributor; a duration change follows into total_duration.
DELETE FROM stories.segments WHERE scene_id = 'a0000000-0000-0000-0000-0000000000c1' AND sequence = 3;
SELECT segment_count, total_duration, contributor_count, last_segment_at AT TIME ZONE 'UTC' AS last_segment_utc
FROM stories.scenes WHERE id = 'a0000000-0000-0000-0000-0000000000c1';
DELETE FROM stories.segments WHERE scene_id = 'a0000000-0000-0000-0000-0000000000c1' AND user_id = 'a0000000-0000-0000-0000-00000000000b';
UPDATE stories.segments SET duration = 12 WHERE scene_id = 'a0000000-0000-0000-0000-0000000000c1';
SELECT segment_count, total_duration, contributor_count, last_segment_at AT TIME ZONE 'UTC' AS last_segment_utc
FROM stories.scenes WHERE id = 'a0000000-0000-0000-0000-0000000000c1';
SELECT * FROM pg_temp.wrong();
-- Bob again: a contributor again. Many segments in one statement.
SELECT pg_temp.add_segment('a0000000-0000-0000-0000-0000000000c1', 'a0000000-0000-0000-0000-00000000000b', 1, '2026-02-01 00:00+00');
INSERT INTO stories.segments (scene_id, user_id, job_id, sequence, input_text, expanded_script, video_url, duration, bible_version, created_at)
SELECT 'a0000000-0000-0000-0000-0000000000c1', CASE WHEN n % 2 = 0 THEN 'a0000000-0000-0000-0000-00000000000c'::uuid ELSE 'a0000000-0000-0000-0000-00000000000d'::uuid END,
       'a0000000-0000-0000-0000-0000000000d1', 10 + n, 't', 's', 'https://v/n.mp4', n, 1, '2026-03-01 00:00+00'::timestamptz + n * interval '1 hour'
FROM generate_series(1, 50) n;
SELECT segment_count, total_duration, contributor_count, last_segment_at AT TIME ZONE 'UTC' AS last_segment_utc
FROM stories.scenes WHERE id = 'a0000000-0000-0000-0000-0000000000c1';
SELECT * FROM pg_temp.wrong();
DELETE FROM stories.segments WHERE user_id = 'a0000000-0000-0000-0000-00000000000c';
SELECT segment_count, contributor_count FROM stories.scenes WHERE id = 'a0000000-0000-0000-0000-0000000000c1';
SELECT * FROM pg_temp.wrong();

-- Likes of ideas and scenes; unlike; a like of nothing is refused (23503).
INSERT INTO stories.likes (user_id, target_type, target_id) VALUES
  ('a0000000-0000-0000-0000-00000000000a', 'idea', 'a0000000-0000-0000-0000-0000000000b1'),
  ('a0000000-0000-0000-0000-00000000000b', 'idea', 'a0000000-0000-0000-0000-0000000000b1'),
  ('a0000000-0000-0000-0000-00000000000b', 'scene', 'a0000000-0000-0000-0000-0000000000c1'),
  ('a0000000-0000-0000-0000-00000000000c', 'scene', 'a0000000-0000-0000-0000-0000000000c1'),
  ('a0000000-0000-0000-0000-00000000000d', 'scene', 'a0000000-0000-0000-0000-0000000000c2');
SELECT title, like_count FROM stories.ideas ORDER BY title;
SELECT title, like_count FROM stories.scenes ORDER BY title;
DELETE FROM stories.likes WHERE user_id = 'a0000000-0000-0000-0000-00000000000b';
SELECT title, like_count FROM stories.scenes ORDER BY title;
\set ON_ERROR_STOP 0
INSERT INTO stories.likes (user_id, target_type, target_id)
  VALUES ('a0000000-0000-0000-0000-00000000000a', 'scene', 'a0000000-0000-0000-0000-0000000000b1');
\echo :LAST_ERROR_SQLSTATE
UPDATE stories.likes SET target_id = 'a0000000-0000-0000-0000-0000000000c1' WHERE target_type = 'scene';
\echo :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
SELECT * FROM pg_temp.wrong();

-- Views: a user's and anonymous ones, counted on the scene and on its idea.
INSERT INTO stories.scene_views (scene_id, user_id, ip_hash)
SELECT 'a0000000-0000-0000-0000-0000000000c1', CASE WHEN n <= 3 THEN 'a0000000-0000-0000-0000-00000000000a'::uuid END,
       CASE WHEN n > 3 THEN md5(n::text) END
FROM generate_series(1, 7) n;
INSERT INTO stories.scene_views (scene_id) VALUES ('a0000000-0000-0000-0000-0000000000c2');
SELECT title, view_count FROM stories.scenes ORDER BY title;
SELECT title, view_count FROM stories.ideas ORDER BY title;
DELETE FROM stories.scene_views WHERE user_id IS NOT NULL;
SELECT title, view_count FROM stories.scenes ORDER BY title;
SELECT * FROM pg_temp.wrong();

-- A new row's counters start at zero, whatever the INSERT says (even the table owner's).
INSERT INTO stories.scenes (id, idea_id, user_id, topic_id, title, segment_count, total_duration, contributor_count,
                            view_count, like_count, last_segment_at)
VALUES ('a0000000-0000-0000-0000-0000000000c8', 'a0000000-0000-0000-0000-0000000000b1', 'a0000000-0000-0000-0000-00000000000a',
        'a0000000-0000-0000-0000-0000000000a1', 'Bogus', 9, 9, 9, 9, 9, now());
INSERT INTO stories.ideas (id, user_id, topic_id, title, prompt, scene_count, like_count, view_count)
VALUES ('a0000000-0000-0000-0000-0000000000b8', 'a0000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-0000000000a1',
        'Bogus idea', 'p', 9, 9, 9);
INSERT INTO stories.topics (id, name, slug, scene_count) VALUES ('a0000000-0000-0000-0000-0000000000a8', 'Bogus', 'bogus', 9);
SELECT segment_count, total_duration, contributor_count, view_count, like_count, last_segment_at FROM stories.scenes WHERE title = 'Bogus';
SELECT scene_count, like_count, view_count FROM stories.ideas WHERE title = 'Bogus idea';
SELECT scene_count FROM stories.topics WHERE slug = 'bogus';
SELECT * FROM pg_temp.wrong();
DELETE FROM stories.scenes WHERE title = 'Bogus';
DELETE FROM stories.ideas WHERE title = 'Bogus idea';
DELETE FROM stories.topics WHERE slug = 'bogus';

-- A scene moves to another idea and topic: its views and its count move along.
INSERT INTO stories.topics (id, name, slug) VALUES ('a0000000-0000-0000-0000-0000000000a9', 'Comedy', 'comedy');
UPDATE stories.scenes SET idea_id = 'a0000000-0000-0000-0000-0000000000b3', topic_id = 'a0000000-0000-0000-0000-0000000000a9'
WHERE id = 'a0000000-0000-0000-0000-0000000000c2';
SELECT name, scene_count FROM stories.topics ORDER BY name;
SELECT title, scene_count, view_count FROM stories.ideas ORDER BY title;
SELECT * FROM pg_temp.wrong();
-- A scene deleted (with its views, likes, segments first): its idea's and topic's counts drop.
DELETE FROM stories.segments WHERE scene_id = 'a0000000-0000-0000-0000-0000000000c2';
DELETE FROM stories.scenes WHERE id = 'a0000000-0000-0000-0000-0000000000c2';
SELECT count(*) AS likes_of_deleted_scene FROM stories.likes WHERE target_id = 'a0000000-0000-0000-0000-0000000000c2';
SELECT name, scene_count FROM stories.topics ORDER BY name;
SELECT title, scene_count, view_count FROM stories.ideas ORDER BY title;
SELECT * FROM pg_temp.wrong();
SELECT count(*) AS contributor_rows, sum(segments) AS segments FROM stories.scene_contributors;

\set fixture :abs_srcdir '/sql/fixtures/stories_cleanup.sql'
\i :fixture
SELECT count(*) AS contributor_rows_left FROM stories.scene_contributors;
