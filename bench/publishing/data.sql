-- The publishing benchmark's fixture: one persona with 1,000 videos, bench.video(1..1000), and
-- bench.videos_plain, a copy of publishing.videos with the same columns, defaults, checks and
-- indexes but no trigger (so no OCC rule, no audit row) and no row level security: the
-- baseline of update_video. Ids are made from numbers so a pgbench script can name a video.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS reelbase_publishing CASCADE;
CREATE SCHEMA IF NOT EXISTS bench;
CREATE FUNCTION bench.video(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ('5b000004-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid $$;

INSERT INTO publishing.personas (id, name, owner_id)
VALUES ('5b000000-0000-4000-8000-0000000000c1', 'Bench presenter', '5b000000-0000-4000-8000-0000000000d1');
-- Through the audit trigger: each video's chain starts with its videos.insert row, as in use.
INSERT INTO publishing.videos (id, persona_id, title, description, video_url, duration_seconds, confidence)
SELECT bench.video(g), '5b000000-0000-4000-8000-0000000000c1', 'take 1', 'Video ' || g,
       'https://cdn.example.com/v/' || g || '.mp4', 60, 0.9
FROM generate_series(1, 1000) g;

-- INCLUDING ALL copies defaults, checks and indexes (primary key, persona_id); LIKE copies no
-- trigger, foreign key or policy.
CREATE TABLE bench.videos_plain (LIKE publishing.videos INCLUDING ALL);
INSERT INTO bench.videos_plain SELECT * FROM publishing.videos;

-- Autovacuum off for the tables the runs write, so no worker wakes up inside one run and not
-- another; each run starts after a VACUUM of its table (10_update_video.sh).
ALTER TABLE publishing.videos SET (autovacuum_enabled = off);
ALTER TABLE publishing.task_audit SET (autovacuum_enabled = off);
ALTER TABLE bench.videos_plain SET (autovacuum_enabled = off);
ANALYZE;
