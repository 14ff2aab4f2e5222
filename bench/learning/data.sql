-- Generated data for the learning benchmarks. Deterministic: setseed() fixes random(), and
-- every id is made from random() (gen_random_uuid() ignores the seed).
--   100 creators; 10,000 students (100 per creator); 10,000 videos, each of a random creator.
--   bench.triples(n, video_id, creator_id, student_id), n = 1..10,000: video n, its creator and
--   a random student of that creator, so a pgbench script that draws n gets ids that belong
--   together.
--   bench.overflow: one (student, video) pair with two watch sessions of 2,000,000,000 s each,
--   whose sum does not fit learning.get_student_total_watch_time's integer result.
SELECT setseed(0.42) \g /dev/null

CREATE SCHEMA bench;

CREATE TABLE bench.creator_ids AS
  SELECT i AS creator_no, md5(random()::text)::uuid AS id FROM generate_series(1, 100) AS i;

INSERT INTO learning.creators (id, whop_company_id, whop_user_id, email, name)
SELECT id, 'bench_company_' || creator_no, 'bench_creator_user_' || creator_no,
       'creator' || creator_no || '@bench.invalid', 'Creator ' || creator_no
FROM bench.creator_ids ORDER BY creator_no;

CREATE TABLE bench.student_ids AS
  SELECT i AS student_no, 1 + (i - 1) % 100 AS creator_no, 1 + (i - 1) / 100 AS rank_in_creator,
         md5(random()::text)::uuid AS id
  FROM generate_series(1, 10000) AS i;

INSERT INTO learning.students (id, whop_user_id, whop_membership_id, creator_id, email)
SELECT s.id, 'bench_student_user_' || s.student_no, 'bench_membership_' || s.student_no, c.id,
       'student' || s.student_no || '@bench.invalid'
FROM bench.student_ids s JOIN bench.creator_ids c USING (creator_no) ORDER BY s.student_no;

CREATE TABLE bench.video_ids AS
  SELECT i AS video_no, 1 + floor(random() * 100)::int AS creator_no,
         md5(random()::text)::uuid AS id
  FROM generate_series(1, 10000) AS i;

INSERT INTO learning.videos (id, creator_id, title, source_type, storage_path, status,
                             duration_seconds)
SELECT v.id, c.id, 'Video ' || v.video_no, 'upload', 'bench/' || v.video_no || '.mp4',
       'completed', 600
FROM bench.video_ids v JOIN bench.creator_ids c USING (creator_no) ORDER BY v.video_no;

CREATE TABLE bench.triples (
  n int PRIMARY KEY,
  video_id uuid NOT NULL,
  creator_id uuid NOT NULL,
  student_id uuid NOT NULL
);
INSERT INTO bench.triples
SELECT v.video_no, v.id, c.id, s.id
FROM (SELECT video_no, id, creator_no, 1 + floor(random() * 100)::int AS rank_in_creator
      FROM bench.video_ids ORDER BY video_no) v
JOIN bench.creator_ids c USING (creator_no)
JOIN bench.student_ids s ON s.creator_no = v.creator_no AND s.rank_in_creator = v.rank_in_creator;

CREATE TABLE bench.overflow AS
  SELECT t.student_id, t.video_id, t.creator_id FROM bench.triples t WHERE t.n = 1;
INSERT INTO learning.video_watch_sessions (video_id, student_id, watch_time_seconds, percent_complete)
SELECT video_id, student_id, 2000000000, 100 FROM bench.overflow, generate_series(1, 2);

ANALYZE;
