-- What hangs off a video: assets (checked URLs and checksums, one checksum per video), tags
-- (trimmed, case-insensitive, idempotent) and publish receipts (published videos only,
-- idempotent on channel and external id, status only forward). Each change is audited.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/publishing.sql'
\i :fixture
\set VERBOSITY default
\set SHOW_CONTEXT never
\set ON_ERROR_ROLLBACK on
\set sum1 '''sha256:1111111111111111111111111111111111111111111111111111111111111111'''
\set sum2 '''sha256:2222222222222222222222222222222222222222222222222222222222222222'''
-- Terse: the failing rows' details hold generated ids and times.
\set VERBOSITY terse

SELECT type, url, checksum FROM publishing.attach_asset(:v1, 'image', 'https://cdn.example.com/v1/cover.png', :sum1);
SELECT type FROM publishing.attach_asset(:v1, 'audio', 's3://bucket/v1/voice.wav', :sum1);
\echo :LAST_ERROR_SQLSTATE
SELECT type FROM publishing.attach_asset(:v2, 'audio', 'gs://bucket/v2/voice.wav', :sum1);
SELECT type FROM publishing.attach_asset(:v1, 'audio', 'file:///tmp/voice.wav', :sum2);
\echo :LAST_ERROR_SQLSTATE
SELECT type FROM publishing.attach_asset(:v1, 'audio', 'https://cdn.example.com/v', 'md5:abc');
\echo :LAST_ERROR_SQLSTATE
SELECT type FROM publishing.attach_asset(:v1, 'audio', 'https://cdn.example.com/v', upper(:sum2));
\echo :LAST_ERROR_SQLSTATE
SELECT type FROM publishing.attach_asset(:v1, 'video', 'https://cdn.example.com/v', :sum2);
\echo :LAST_ERROR_SQLSTATE
SELECT type FROM publishing.attach_asset('c0000000-0000-0000-0000-000000000000', 'raw', 'https://cdn.example.com/v', :sum2);
\echo :LAST_ERROR_SQLSTATE

SELECT name FROM publishing.tag_video(:v1, ARRAY['  Behind the   Scenes ', 'cats', 'Cats']);
SELECT name FROM publishing.tag_video(:v1, ARRAY['CATS', 'behind the scenes', 'Dogs']);
SELECT name FROM publishing.tag_video(:v2, ARRAY['dogs']);
SELECT name FROM publishing.tag_video(:v1, ARRAY[]::text[]);
SELECT count(*) AS tags FROM publishing.tags;
SELECT name FROM publishing.tag_video(:v1, ARRAY['   ']);
\echo :LAST_ERROR_SQLSTATE
SELECT name FROM publishing.tag_video(:v1, ARRAY['ok', NULL]);
\echo :LAST_ERROR_SQLSTATE
SELECT name FROM publishing.tag_video(:v1, ARRAY[repeat('x', 65)]);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO publishing.tags (name) VALUES (' padded ');
\echo :LAST_ERROR_SQLSTATE

-- Receipts: v1 is a draft, v2 published.
SELECT * FROM publishing.record_receipt(:v1, 'youtube', 'yt-1');
\echo :LAST_ERROR_SQLSTATE
SELECT channel, external_id, status, details FROM publishing.record_receipt(:v2, 'youtube', 'yt-2', 'submitted');
SELECT status, details FROM publishing.record_receipt(:v2, 'youtube', 'yt-2', 'pending');
SELECT status, details FROM publishing.record_receipt(:v2, 'youtube', 'yt-2', 'published', '{"url": "https://youtu.be/2"}');
SELECT status, details FROM publishing.record_receipt(:v2, 'youtube', 'yt-2', 'failed', '{"error": "late"}');
SELECT status FROM publishing.record_receipt(:v2, 'youtube', 'yt-2', 'withdrawn');
SELECT count(*) AS receipts FROM publishing.publish_receipts;
SELECT count(*) AS v1_published FROM (SELECT publishing.transition_video(:v1, 1, 'pending_review')
  UNION ALL SELECT publishing.transition_video(:v1, 2, 'published')) t;
SELECT * FROM publishing.record_receipt(:v1, 'youtube', 'yt-2', 'published');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM publishing.record_receipt(:v2, 'youtube', 'yt-3', 'live');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM publishing.record_receipt(:v2, '', 'yt-3');
\echo :LAST_ERROR_SQLSTATE
UPDATE publishing.publish_receipts SET status = 'pending';
\echo :LAST_ERROR_SQLSTATE
UPDATE publishing.publish_receipts SET external_id = 'other';
\echo :LAST_ERROR_SQLSTATE
SELECT publishing.receipt_status_advances('pending', 'published'), publishing.receipt_status_advances('published', 'pending'),
       publishing.receipt_status_advances('nonsense', 'pending');

-- All of it is in the trail, under the video's chain.
SELECT task_id = :v1 AS v1, action, count(*) FROM publishing.task_audit
WHERE action NOT LIKE 'videos.%' GROUP BY 1, 2 ORDER BY 1, 2;
SELECT state_before ->> 'status' AS was, state_after ->> 'status' AS now FROM publishing.task_audit
WHERE action = 'publish_receipts.update' ORDER BY id;
SELECT ok, chains_checked, rows_checked FROM publishing.verify_audit();
