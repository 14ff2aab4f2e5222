-- reelbase demo data: a small, hand-written "Chronos" (schema learning) data set.
--
-- Load as the superuser into a database where CREATE EXTENSION reelbase has run:
--   psql -v ON_ERROR_STOP=1 -d reelbase_demo -f demo/data.sql
--
-- Ids are fixed and readable. The first group says what a row is, the last group says whose
-- it is: 0000000Cxx = creator C, item xx.
--   c0000000-...  creators           5d000000-...  students
--   f1000000-...  videos             f2000000-...  video_chunks
--   c5000000-...  courses            d0000000-...  course_modules     d1000000-...  module_lessons
--   ca000000-...  chat_sessions      cb000000-...  chat_messages
--   a0000000-...  video_watch_sessions
--   e0000000-...  video_analytics_events   aa000000-...  video_analytics   ab000000-...  usage_metrics
-- e.g. f1000000-0000-4000-8000-000000000203 is video 03 of creator 2.
--
-- The three creators:
--   1  Pixel Pro Academy      (Maya Okafor, pro)         video editing and colour grading
--   2  Reyes Capital Academy  (Daniel Reyes, enterprise) trading education
--   3  Sourdough Sundays      (Priya Natarajan, basic)   home baking

\set ON_ERROR_STOP 1
BEGIN;

-- ---------------------------------------------------------------------------------------------
-- creators
INSERT INTO learning.creators
  (id, whop_company_id, whop_user_id, email, name, subscription_tier, settings,
   created_at, updated_at, last_login_at, is_active)
VALUES
  ('c0000000-0000-4000-8000-000000000001', 'biz_l0bv12hb2hRE1S', 'user_8sLtZfcXKGHTpg',
   'maya@pixelpro.example.com', 'Maya Okafor', 'pro',
   '{"brand_color": "#7C3AED", "ai_chat_enabled": true, "default_transcript_language": "en"}',
   '2025-03-02 10:14:00+00', '2025-11-10 08:00:00+00', '2025-11-10 08:00:00+00', true),
  ('c0000000-0000-4000-8000-000000000002', 'biz_JVg7JdJu3Kl0ep', 'user_lPpDNSW8zqxMz8',
   'daniel@reyescapital.example.com', 'Daniel Reyes', 'enterprise',
   '{"brand_color": "#0F766E", "ai_chat_enabled": true, "chat_model": "claude-3-5-haiku-20241022", "weekly_report": true}',
   '2024-11-18 15:40:00+00', '2025-11-11 13:25:00+00', '2025-11-11 13:25:00+00', true),
  ('c0000000-0000-4000-8000-000000000003', 'biz_wJA9fyGp7A1V9k', 'user_ASKWLR7HREjPz5',
   'priya@sourdoughsundays.example.com', 'Priya Natarajan', 'basic',
   '{"brand_color": "#B45309", "ai_chat_enabled": false}',
   '2025-09-21 07:05:00+00', '2025-11-09 06:30:00+00', '2025-11-09 06:30:00+00', true);

-- ---------------------------------------------------------------------------------------------
-- students: 4 for Pixel Pro, 5 for Reyes Capital, 3 for Sourdough Sundays
INSERT INTO learning.students
  (id, whop_user_id, whop_membership_id, creator_id, email, name, preferences,
   created_at, last_active_at, is_active)
VALUES
  ('5d000000-0000-4000-8000-000000000101', 'user_4jkgFVE6SH8CLU', 'mem_2lirWmjLGu7o2S',
   'c0000000-0000-4000-8000-000000000001', 'liam.novak@example.com', 'Liam Novak',
   '{"playback_speed": 1.25, "theme": "dark", "captions": true}',
   '2025-04-11 18:20:00+00', '2025-11-05 07:46:00+00', true),
  ('5d000000-0000-4000-8000-000000000102', 'user_I9XsQT2AM2LLr4', 'mem_ntbrEZymlKxpuE',
   'c0000000-0000-4000-8000-000000000001', 'sofia.marquez@example.net', 'Sofia Marquez',
   '{"playback_speed": 1.0, "theme": "light"}',
   '2025-06-02 09:00:00+00', '2025-11-07 21:10:00+00', true),
  ('5d000000-0000-4000-8000-000000000103', 'user_X3jASESMnDL150', 'mem_PJbEUe28zYU49c',
   'c0000000-0000-4000-8000-000000000001', 'kenji.watanabe@example.org', 'Kenji Watanabe',
   '{"playback_speed": 1.5}',
   '2025-08-19 12:30:00+00', '2025-11-06 16:12:00+00', true),
  ('5d000000-0000-4000-8000-000000000104', 'user_D6o5pPTXRe9n2q', 'mem_p4mXqilNTR2c57',
   'c0000000-0000-4000-8000-000000000001', 'amara.obi@example.com', 'Amara Obi',
   '{}',
   '2025-05-23 20:45:00+00', '2025-10-01 19:30:00+00', false),   -- membership lapsed

  ('5d000000-0000-4000-8000-000000000201', 'user_qk3culBfUZfhfq', 'mem_16scwCLURvabvv',
   'c0000000-0000-4000-8000-000000000002', 'noah.fischer@example.com', 'Noah Fischer',
   '{"playback_speed": 1.25, "theme": "dark", "timezone": "Europe/Berlin"}',
   '2025-01-07 06:55:00+00', '2025-11-10 07:05:00+00', true),
  ('5d000000-0000-4000-8000-000000000202', 'user_ByFenPLV9FziIu', 'mem_h4reQBhC4H6qgH',
   'c0000000-0000-4000-8000-000000000002', 'chloe.dubois@example.net', 'Chloé Dubois',
   '{"theme": "dark", "timezone": "Europe/Paris"}',
   '2025-02-14 19:10:00+00', '2025-11-11 13:35:00+00', true),
  ('5d000000-0000-4000-8000-000000000203', 'user_8SxRXxWCsQRQP8', 'mem_Z0qgW89vRKIHhQ',
   'c0000000-0000-4000-8000-000000000002', 'arjun.mehta@example.com', 'Arjun Mehta',
   '{"playback_speed": 2.0, "timezone": "Asia/Kolkata"}',
   '2025-03-30 03:15:00+00', '2025-11-08 04:40:00+00', true),
  ('5d000000-0000-4000-8000-000000000204', 'user_Mk2vQ8rTn4LpXa', 'mem_Wc7yHs3eJd9bFq',
   'c0000000-0000-4000-8000-000000000002', 'grace.kim@example.org', 'Grace Kim',
   '{"timezone": "America/Los_Angeles"}',
   '2025-07-04 22:00:00+00', '2025-11-09 01:20:00+00', true),
  ('5d000000-0000-4000-8000-000000000205', 'user_Tz6nBq1xKe8RwU', 'mem_Ga5mLp0sVy3NcH',
   'c0000000-0000-4000-8000-000000000002', 'mateo.rossi@example.com', 'Mateo Rossi',
   '{"playback_speed": 1.0, "timezone": "Europe/Rome"}',
   '2025-10-12 17:45:00+00', '2025-11-11 18:02:00+00', true),

  ('5d000000-0000-4000-8000-000000000301', 'user_Hf9wRc2mZt7KyE', 'mem_Pq4sXn8vDb1JuL',
   'c0000000-0000-4000-8000-000000000003', 'hannah.schmidt@example.net', 'Hannah Schmidt',
   '{"theme": "light", "captions": true}',
   '2025-09-28 08:10:00+00', '2025-11-09 09:15:00+00', true),
  ('5d000000-0000-4000-8000-000000000302', 'user_Vb3kYp6tGh0MnS', 'mem_Rx7cLw2qFz5ToA',
   'c0000000-0000-4000-8000-000000000003', 'oliver.bennett@example.com', 'Oliver Bennett',
   '{}',
   '2025-10-03 11:00:00+00', '2025-11-02 10:40:00+00', true),
  ('5d000000-0000-4000-8000-000000000303', 'user_Ne1jUd5aWs9XoG', 'mem_Ky8bTr4hPm2VeC',
   'c0000000-0000-4000-8000-000000000003', 'yuki.tanaka@example.org', 'Yuki Tanaka',
   '{"playback_speed": 1.25}',
   '2025-10-20 23:30:00+00', NULL, true);

-- ---------------------------------------------------------------------------------------------
-- videos: every source type. youtube -> youtube_video_id (11 chars), mux -> mux_playback_id,
-- loom -> embed_type/embed_id, upload -> storage_path.
INSERT INTO learning.videos
  (id, creator_id, title, description, url, storage_path, thumbnail_url, duration_seconds,
   transcript, transcript_language, status, error_message, processing_started_at,
   processing_completed_at, file_size_bytes, metadata, created_at, is_deleted, source_type,
   youtube_video_id, youtube_channel_id, whop_lesson_id, mux_asset_id, mux_playback_id,
   embed_type, embed_id)
VALUES
  -- Pixel Pro Academy
  ('f1000000-0000-4000-8000-000000000101', 'c0000000-0000-4000-8000-000000000001',
   'Color Grading Basics in DaVinci Resolve',
   'Primary wheels, scopes and a repeatable node tree for every clip.',
   'https://www.youtube.com/watch?v=Q3v9XkLmT2a', NULL,
   'https://i.ytimg.com/vi/Q3v9XkLmT2a/hqdefault.jpg', 1265,
   'Welcome back. Today we are grading a short interview in DaVinci Resolve ...', 'en',
   'completed', NULL, '2025-10-01 09:00:05+00', '2025-10-01 09:03:41+00', NULL,
   '{"resolution": "2160p", "fps": 24, "captions": "youtube_auto"}',
   '2025-10-01 09:00:00+00', false, 'youtube',
   'Q3v9XkLmT2a', 'UCp1xelProAcad3myE9kQ2wX', NULL, NULL, NULL, 'youtube', 'Q3v9XkLmT2a'),
  ('f1000000-0000-4000-8000-000000000102', 'c0000000-0000-4000-8000-000000000001',
   'Cutting on Action: Editing Rhythm',
   'Why cuts on movement feel invisible, with three before/after examples.',
   'https://www.youtube.com/watch?v=hR7_cWn4pZe', NULL,
   'https://i.ytimg.com/vi/hR7_cWn4pZe/hqdefault.jpg', 842,
   'The best cut is the one nobody notices ...', 'en',
   'completed', NULL, '2025-10-03 14:20:02+00', '2025-10-03 14:22:10+00', NULL,
   '{"resolution": "1080p", "fps": 25}',
   '2025-10-03 14:20:00+00', false, 'youtube',
   'hR7_cWn4pZe', 'UCp1xelProAcad3myE9kQ2wX', NULL, NULL, NULL, 'youtube', 'hR7_cWn4pZe'),
  ('f1000000-0000-4000-8000-000000000103', 'c0000000-0000-4000-8000-000000000001',
   'Masterclass: Building a LUT from Scratch',
   'Members-only: measuring a film stock and turning it into a 33-point LUT.',
   NULL, NULL,
   'https://image.mux.com/pLIix6MEOLeMa61EqJomTEI1JEzO3joOj37HyVaQXekW/thumbnail.jpg', 2710,
   'In this masterclass we build a look-up table from first principles ...', 'en',
   'completed', NULL, '2025-10-12 18:00:04+00', '2025-10-12 18:09:57+00', NULL,
   '{"resolution": "2160p", "fps": 24, "max_stored_resolution": "UHD"}',
   '2025-10-12 18:00:00+00', false, 'mux',
   NULL, NULL, 'les_1yKwILALo5vR67', '9LctXb03rEMU64yTY6BzUZKC97i4xgciFnq9RBXO2tAG',
   'pLIix6MEOLeMa61EqJomTEI1JEzO3joOj37HyVaQXekW', NULL, NULL),
  ('f1000000-0000-4000-8000-000000000104', 'c0000000-0000-4000-8000-000000000001',
   'Feedback Walkthrough: Student Reel #14',
   'Frame-by-frame notes on a student showreel (shared with permission).',
   'https://www.loom.com/share/d460fd71e9a72937116d10f35970d13a', NULL,
   'https://cdn.loom.com/sessions/thumbnails/d460fd71e9a72937116d10f35970d13a-with-play.gif', 614,
   'Okay, let''s look at reel number fourteen. The opening shot is great but ...', 'en',
   'completed', NULL, '2025-10-20 16:45:03+00', '2025-10-20 16:46:30+00', NULL,
   '{"recorded_with": "loom_desktop"}',
   '2025-10-20 16:45:00+00', false, 'loom',
   NULL, NULL, NULL, NULL, NULL, 'loom', 'd460fd71e9a72937116d10f35970d13a'),
  ('f1000000-0000-4000-8000-000000000105', 'c0000000-0000-4000-8000-000000000001',
   'Project Files Tour (Premiere Pro)',
   'How the course project is organised: bins, proxies and the export presets.',
   NULL, 'videos/c0000000-0000-4000-8000-000000000001/f1000000-0000-4000-8000-000000000105.mp4',
   NULL, 1032,
   NULL, 'en',
   'transcribing', NULL, '2025-11-11 21:30:12+00', NULL, 734003200,
   '{"original_filename": "project-tour-final-v3.mp4", "codec": "h264"}',
   '2025-11-11 21:28:00+00', false, 'upload',
   NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  ('f1000000-0000-4000-8000-000000000106', 'c0000000-0000-4000-8000-000000000001',
   'Channel Trailer (2023)',
   'Replaced by the 2025 trailer.',
   'https://www.youtube.com/watch?v=tY2mB8-xKqL', NULL,
   'https://i.ytimg.com/vi/tY2mB8-xKqL/hqdefault.jpg', 95,
   'Hi, I''m Maya and this is Pixel Pro ...', 'en',
   'completed', NULL, '2025-03-02 10:20:00+00', '2025-03-02 10:20:40+00', NULL,
   '{}',
   '2025-03-02 10:20:00+00', true, 'youtube',          -- soft-deleted
   'tY2mB8-xKqL', 'UCp1xelProAcad3myE9kQ2wX', NULL, NULL, NULL, 'youtube', 'tY2mB8-xKqL'),

  -- Reyes Capital Academy
  ('f1000000-0000-4000-8000-000000000201', 'c0000000-0000-4000-8000-000000000002',
   'Reading Candlestick Charts',
   'Bodies, wicks and the five patterns worth knowing.',
   NULL, NULL,
   'https://image.mux.com/fwZeA5jbsBXA3hcMNWcyTLvJ47rGpctaegMIc8mAsNqj/thumbnail.jpg', 1830,
   'A candlestick tells you four prices: open, high, low and close ...', 'en',
   'completed', NULL, '2025-06-01 12:00:03+00', '2025-06-01 12:06:44+00', NULL,
   '{"resolution": "1080p", "chapters": 6}',
   '2025-06-01 12:00:00+00', false, 'mux',
   NULL, NULL, 'les_Sc3vux9i53yyD3', 'ubyNLOidOOvDwR6wMTrVFbLd9Rb9xqODtLMulxluWx2M',
   'fwZeA5jbsBXA3hcMNWcyTLvJ47rGpctaegMIc8mAsNqj', NULL, NULL),
  ('f1000000-0000-4000-8000-000000000202', 'c0000000-0000-4000-8000-000000000002',
   'Risk Management: The 1% Rule',
   'Position sizing so that no single trade can hurt the account.',
   NULL, NULL,
   'https://image.mux.com/qtYygX0bKRVitGoPZrpulRBPSggMu8vR1oCZ29kfvVPn/thumbnail.jpg', 1495,
   'If you remember one thing from this course, make it this: never risk more than one percent ...', 'en',
   'completed', NULL, '2025-06-08 12:00:02+00', '2025-06-08 12:05:13+00', NULL,
   '{"resolution": "1080p", "chapters": 4}',
   '2025-06-08 12:00:00+00', false, 'mux',
   NULL, NULL, 'les_4KCroYhcH9muZ1', '1yKwILALo5vR67b2rMQSkS3u9I5KKgTPnO1KrsheE2OE',
   'qtYygX0bKRVitGoPZrpulRBPSggMu8vR1oCZ29kfvVPn', NULL, NULL),
  ('f1000000-0000-4000-8000-000000000203', 'c0000000-0000-4000-8000-000000000002',
   'My Market Open Routine',
   'The 20 minutes before the bell: levels, news, watchlist.',
   'https://www.youtube.com/watch?v=M0pEn4rTq9s', NULL,
   'https://i.ytimg.com/vi/M0pEn4rTq9s/hqdefault.jpg', 905,
   'It is 9:10 Eastern, so let''s build today''s watchlist ...', 'en',
   'completed', NULL, '2025-07-15 13:00:01+00', '2025-07-15 13:02:37+00', NULL,
   '{"resolution": "1440p"}',
   '2025-07-15 13:00:00+00', false, 'youtube',
   'M0pEn4rTq9s', 'UCr3yesCap1talMkts7Hq0Zb', NULL, NULL, NULL, 'youtube', 'M0pEn4rTq9s'),
  ('f1000000-0000-4000-8000-000000000204', 'c0000000-0000-4000-8000-000000000002',
   'Live Session Replay: 14 October',
   'Recording of the monthly members Q&A.',
   NULL, 'videos/c0000000-0000-4000-8000-000000000002/f1000000-0000-4000-8000-000000000204.mov',
   NULL, NULL,
   NULL, 'en',
   'failed', 'Transcription failed: no audio stream found in upload (ffprobe reported 0 audio tracks)',
   '2025-10-14 22:10:05+00', NULL, 2147483648,
   '{"original_filename": "qa-replay-oct14.mov", "codec": "prores"}',
   '2025-10-14 22:05:00+00', false, 'upload',              -- failed processing
   NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  ('f1000000-0000-4000-8000-000000000205', 'c0000000-0000-4000-8000-000000000002',
   'Portfolio Review Template Walkthrough',
   'How to fill in the weekly review spreadsheet.',
   'https://www.loom.com/share/48f1b763357840fc1878d1fa0141312f', NULL,
   'https://cdn.loom.com/sessions/thumbnails/48f1b763357840fc1878d1fa0141312f-with-play.gif', 388,
   'Here is the template. Column A is the ticker ...', 'en',
   'embedding', NULL, '2025-11-11 13:30:00+00', NULL, NULL,
   '{"recorded_with": "loom_chrome_extension"}',
   '2025-11-11 13:29:00+00', false, 'loom',
   NULL, NULL, NULL, NULL, NULL, 'loom', '48f1b763357840fc1878d1fa0141312f'),
  ('f1000000-0000-4000-8000-000000000206', 'c0000000-0000-4000-8000-000000000002',
   'Options Greeks Explained',
   'Delta, gamma, theta and vega with one running example.',
   NULL, 'videos/c0000000-0000-4000-8000-000000000002/f1000000-0000-4000-8000-000000000206.mp4',
   'https://chronos.example.supabase.co/storage/v1/object/public/thumbnails/f1000000-0000-4000-8000-000000000206.jpg',
   2240,
   'Options have a price, and the greeks tell you how that price moves ...', 'en',
   'completed', NULL, '2025-08-20 10:00:09+00', '2025-08-20 10:14:51+00', 1288490188,
   '{"original_filename": "greeks-final.mp4", "codec": "h264", "transcript_method": "whisper"}',
   '2025-08-20 09:55:00+00', false, 'upload',
   NULL, NULL, NULL, NULL, NULL, NULL, NULL),

  -- Sourdough Sundays
  ('f1000000-0000-4000-8000-000000000301', 'c0000000-0000-4000-8000-000000000003',
   'Feeding Your Starter',
   'Ratios, temperatures and how to read the jar.',
   'https://www.youtube.com/watch?v=sT4rt3rF33d', NULL,
   'https://i.ytimg.com/vi/sT4rt3rF33d/hqdefault.jpg', 540,
   'Good morning! First thing every Sunday, the starter gets fed ...', 'en',
   'completed', NULL, '2025-09-28 07:00:02+00', '2025-09-28 07:01:30+00', NULL,
   '{"resolution": "1080p"}',
   '2025-09-28 07:00:00+00', false, 'youtube',
   'sT4rt3rF33d', 'UCs0urd0ughSundays4kP1mx', NULL, NULL, NULL, 'youtube', 'sT4rt3rF33d'),
  ('f1000000-0000-4000-8000-000000000302', 'c0000000-0000-4000-8000-000000000003',
   'Shaping a Batard',
   'Pre-shape, bench rest and final shape, filmed from above.',
   NULL, 'videos/c0000000-0000-4000-8000-000000000003/f1000000-0000-4000-8000-000000000302.mp4',
   'https://chronos.example.supabase.co/storage/v1/object/public/thumbnails/f1000000-0000-4000-8000-000000000302.jpg',
   780,
   'Tip the dough out seam side up and use your bench scraper ...', 'en',
   'completed', NULL, '2025-10-05 08:00:07+00', '2025-10-05 08:04:02+00', 412090368,
   '{"original_filename": "batard-overhead.mp4", "codec": "hevc", "transcript_method": "whisper"}',
   '2025-10-05 07:58:00+00', false, 'upload',
   NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  ('f1000000-0000-4000-8000-000000000303', 'c0000000-0000-4000-8000-000000000003',
   'Q&A: Why Is My Crumb So Dense?',
   'Answering the five most common questions from the community.',
   'https://www.loom.com/share/12fa5a2bcc9b86ad340c251bec1d1bfa', NULL,
   NULL, 1020,
   NULL, 'en',
   'pending', NULL, NULL, NULL, NULL,
   '{}',
   '2025-11-09 06:40:00+00', false, 'loom',
   NULL, NULL, NULL, NULL, NULL, 'loom', '12fa5a2bcc9b86ad340c251bec1d1bfa');

-- ---------------------------------------------------------------------------------------------
-- video_chunks: transcript chunks, not yet embedded (embedding stays NULL)
INSERT INTO learning.video_chunks
  (id, video_id, chunk_index, chunk_text, embedding, start_time_seconds, end_time_seconds,
   word_count, metadata)
VALUES
  ('f2000000-0000-4000-8000-000000000101', 'f1000000-0000-4000-8000-000000000101', 0,
   'Welcome back. Today we are grading a short interview in DaVinci Resolve. Before touching a single wheel, open the scopes: the waveform tells you where your blacks and whites really are.',
   NULL, 0, 312, 34, '{"speaker": "Maya"}'),
  ('f2000000-0000-4000-8000-000000000102', 'f1000000-0000-4000-8000-000000000101', 1,
   'Skin tones sit on the vectorscope skin line. If your subject looks orange, pull the gain wheel towards blue until the trace lines up, then check it against a neutral grey card.',
   NULL, 312, 741, 35, '{"speaker": "Maya"}'),
  ('f2000000-0000-4000-8000-000000000103', 'f1000000-0000-4000-8000-000000000101', 2,
   'Finally, save the node tree as a PowerGrade so every clip in the interview starts from the same balance, and only tweak exposure per shot.',
   NULL, 741, 1265, 27, '{"speaker": "Maya"}'),
  ('f2000000-0000-4000-8000-000000000201', 'f1000000-0000-4000-8000-000000000202', 0,
   'If you remember one thing from this course, make it this: never risk more than one percent of the account on a single trade. On a 20,000 dollar account that is 200 dollars.',
   NULL, 0, 655, 36, '{}'),
  ('f2000000-0000-4000-8000-000000000202', 'f1000000-0000-4000-8000-000000000202', 1,
   'Position size is risk divided by the distance to your stop. A 200 dollar risk with a stop 50 cents away means 400 shares, not a share more.',
   NULL, 655, 1495, 29, '{}'),
  ('f2000000-0000-4000-8000-000000000301', 'f1000000-0000-4000-8000-000000000301', 0,
   'Good morning! First thing every Sunday, the starter gets fed: one part starter, five parts flour, five parts water, by weight.',
   NULL, 0, 260, 22, '{}'),
  ('f2000000-0000-4000-8000-000000000302', 'f1000000-0000-4000-8000-000000000301', 1,
   'Mark the jar with a rubber band. When it has doubled and the top is domed, usually after six hours at 24 degrees, it is ready to bake with.',
   NULL, 260, 540, 28, '{}');

-- ---------------------------------------------------------------------------------------------
-- courses: three published, one draft
INSERT INTO learning.courses
  (id, creator_id, title, description, thumbnail_url, is_published, display_order, metadata,
   created_at, published_at)
VALUES
  ('c5000000-0000-4000-8000-000000000101', 'c0000000-0000-4000-8000-000000000001',
   'Editing Foundations', 'From first cut to a graded export in four weeks.',
   'https://chronos.example.supabase.co/storage/v1/object/public/courses/editing-foundations.jpg',
   true, 1, '{"level": "beginner"}', '2025-10-04 10:00:00+00', '2025-10-06 09:00:00+00'),
  ('c5000000-0000-4000-8000-000000000102', 'c0000000-0000-4000-8000-000000000001',
   'Advanced Color Science', 'Draft: LUTs, colour management and HDR delivery.',
   NULL, false, 2, '{"level": "advanced"}', '2025-10-13 11:00:00+00', NULL),
  ('c5000000-0000-4000-8000-000000000201', 'c0000000-0000-4000-8000-000000000002',
   'Trading Fundamentals', 'Charts, risk and a daily routine you can keep.',
   'https://chronos.example.supabase.co/storage/v1/object/public/courses/trading-fundamentals.jpg',
   true, 1, '{"level": "beginner", "certificate": true}', '2025-06-10 09:00:00+00',
   '2025-06-15 12:00:00+00'),
  ('c5000000-0000-4000-8000-000000000301', 'c0000000-0000-4000-8000-000000000003',
   'Sourdough from Zero', 'Your first loaf in seven days.',
   NULL, true, 1, '{"level": "beginner"}', '2025-10-05 09:00:00+00', '2025-10-06 07:00:00+00');

INSERT INTO learning.course_modules (id, course_id, title, description, display_order)
VALUES
  ('d0000000-0000-4000-8000-000000000101', 'c5000000-0000-4000-8000-000000000101',
   'Getting Started with Editing', 'Rhythm, pacing and feedback.', 1),
  ('d0000000-0000-4000-8000-000000000102', 'c5000000-0000-4000-8000-000000000101',
   'Color Grading', 'Balance first, then look.', 2),
  ('d0000000-0000-4000-8000-000000000103', 'c5000000-0000-4000-8000-000000000102',
   'Building Custom LUTs', NULL, 1),
  ('d0000000-0000-4000-8000-000000000201', 'c5000000-0000-4000-8000-000000000201',
   'Reading the Chart', 'Price action before indicators.', 1),
  ('d0000000-0000-4000-8000-000000000202', 'c5000000-0000-4000-8000-000000000201',
   'Managing Risk', 'Sizing, stops and the Greeks.', 2),
  ('d0000000-0000-4000-8000-000000000301', 'c5000000-0000-4000-8000-000000000301',
   'Starter and Shaping', NULL, 1);

-- A video may appear in several modules (the masterclass is in the course and in the draft).
INSERT INTO learning.module_lessons
  (id, module_id, video_id, lesson_order, title, description, is_required,
   estimated_duration_minutes)
VALUES
  ('d1000000-0000-4000-8000-000000000101', 'd0000000-0000-4000-8000-000000000101',
   'f1000000-0000-4000-8000-000000000102', 1, 'Cutting on action', 'Spot three invisible cuts.', true, 15),
  ('d1000000-0000-4000-8000-000000000102', 'd0000000-0000-4000-8000-000000000101',
   'f1000000-0000-4000-8000-000000000104', 2, 'How feedback works here', NULL, false, 10),
  ('d1000000-0000-4000-8000-000000000103', 'd0000000-0000-4000-8000-000000000102',
   'f1000000-0000-4000-8000-000000000101', 1, 'Balance an interview', 'Neutral skin tones on scopes.', true, 25),
  ('d1000000-0000-4000-8000-000000000104', 'd0000000-0000-4000-8000-000000000102',
   'f1000000-0000-4000-8000-000000000103', 2, 'Bonus: LUT masterclass', NULL, false, 45),
  ('d1000000-0000-4000-8000-000000000105', 'd0000000-0000-4000-8000-000000000103',
   'f1000000-0000-4000-8000-000000000103', 1, 'Measuring a film stock', NULL, true, 45),
  ('d1000000-0000-4000-8000-000000000201', 'd0000000-0000-4000-8000-000000000201',
   'f1000000-0000-4000-8000-000000000201', 1, 'Candlesticks', NULL, true, 30),
  ('d1000000-0000-4000-8000-000000000202', 'd0000000-0000-4000-8000-000000000201',
   'f1000000-0000-4000-8000-000000000203', 2, 'A real market open', 'Watch me prepare live.', false, 15),
  ('d1000000-0000-4000-8000-000000000203', 'd0000000-0000-4000-8000-000000000202',
   'f1000000-0000-4000-8000-000000000202', 1, 'The 1% rule', 'Size every position from risk.', true, 25),
  ('d1000000-0000-4000-8000-000000000204', 'd0000000-0000-4000-8000-000000000202',
   'f1000000-0000-4000-8000-000000000206', 2, 'Options Greeks', NULL, true, 40),
  ('d1000000-0000-4000-8000-000000000301', 'd0000000-0000-4000-8000-000000000301',
   'f1000000-0000-4000-8000-000000000301', 1, 'Day 1: feeding', NULL, true, 10),
  ('d1000000-0000-4000-8000-000000000302', 'd0000000-0000-4000-8000-000000000301',
   'f1000000-0000-4000-8000-000000000302', 2, 'Day 6: shaping', NULL, true, 15);

-- ---------------------------------------------------------------------------------------------
-- chat: students asking the AI assistant about their creator's videos
INSERT INTO learning.chat_sessions
  (id, student_id, creator_id, title, context_video_ids, metadata, created_at, last_message_at)
VALUES
  ('ca000000-0000-4000-8000-000000000101', '5d000000-0000-4000-8000-000000000101',
   'c0000000-0000-4000-8000-000000000001', 'Why do my skin tones look orange?',
   '{f1000000-0000-4000-8000-000000000101}', '{"source": "video_page"}',
   '2025-11-04 20:40:00+00', '2025-11-04 20:42:30+00'),
  ('ca000000-0000-4000-8000-000000000102', '5d000000-0000-4000-8000-000000000102',
   'c0000000-0000-4000-8000-000000000001', 'Saving a grade for every clip',
   '{f1000000-0000-4000-8000-000000000101,f1000000-0000-4000-8000-000000000103}', '{}',
   '2025-11-06 12:25:00+00', '2025-11-06 12:25:40+00'),
  ('ca000000-0000-4000-8000-000000000201', '5d000000-0000-4000-8000-000000000201',
   'c0000000-0000-4000-8000-000000000002', 'Position size for a 20k account',
   '{f1000000-0000-4000-8000-000000000202}', '{"source": "course_page"}',
   '2025-11-10 07:10:00+00', '2025-11-10 07:11:15+00'),
  ('ca000000-0000-4000-8000-000000000301', '5d000000-0000-4000-8000-000000000301',
   'c0000000-0000-4000-8000-000000000003', 'Starter not rising',
   '{f1000000-0000-4000-8000-000000000301}', '{}',
   '2025-11-09 09:20:00+00', '2025-11-09 09:20:50+00');

INSERT INTO learning.chat_messages
  (id, session_id, role, content, video_references, token_count, model, created_at)
VALUES
  ('cb000000-0000-4000-8000-000000000101', 'ca000000-0000-4000-8000-000000000101', 'user',
   'My interview footage looks orange after grading. What am I doing wrong?', '[]', NULL, NULL,
   '2025-11-04 20:40:00+00'),
  ('cb000000-0000-4000-8000-000000000102', 'ca000000-0000-4000-8000-000000000101', 'assistant',
   'Check the vectorscope: skin should sit on the skin line. Maya shows how to pull the gain wheel towards blue until it does (Color Grading Basics, 5:12).',
   '[{"video_id": "f1000000-0000-4000-8000-000000000101", "chunk_index": 1, "start_time_seconds": 312, "similarity": 0.89}]',
   412, 'claude-3-5-haiku-20241022', '2025-11-04 20:40:06+00'),
  ('cb000000-0000-4000-8000-000000000103', 'ca000000-0000-4000-8000-000000000101', 'user',
   'Should I do that on every clip?', '[]', NULL, NULL, '2025-11-04 20:42:20+00'),
  ('cb000000-0000-4000-8000-000000000104', 'ca000000-0000-4000-8000-000000000101', 'assistant',
   'Balance once, save it as a PowerGrade, then only adjust exposure per shot (12:21).',
   '[{"video_id": "f1000000-0000-4000-8000-000000000101", "chunk_index": 2, "start_time_seconds": 741, "similarity": 0.84}]',
   268, 'claude-3-5-haiku-20241022', '2025-11-04 20:42:30+00'),
  ('cb000000-0000-4000-8000-000000000105', 'ca000000-0000-4000-8000-000000000102', 'user',
   'How do I reuse my grade across the whole timeline?', '[]', NULL, NULL,
   '2025-11-06 12:25:00+00'),
  ('cb000000-0000-4000-8000-000000000106', 'ca000000-0000-4000-8000-000000000102', 'assistant',
   'Save the node tree as a PowerGrade and apply it to every clip (Color Grading Basics, 12:21).',
   '[{"video_id": "f1000000-0000-4000-8000-000000000101", "chunk_index": 2, "start_time_seconds": 741, "similarity": 0.91}]',
   197, 'claude-3-5-haiku-20241022', '2025-11-06 12:25:40+00'),
  ('cb000000-0000-4000-8000-000000000201', 'ca000000-0000-4000-8000-000000000201', 'system',
   'Answer only from Reyes Capital Academy videos. This is education, not financial advice.',
   '[]', NULL, NULL, '2025-11-10 07:10:00+00'),
  ('cb000000-0000-4000-8000-000000000202', 'ca000000-0000-4000-8000-000000000201', 'user',
   'With 20k and a stop 50 cents away, how many shares can I buy?', '[]', NULL, NULL,
   '2025-11-10 07:10:30+00'),
  ('cb000000-0000-4000-8000-000000000203', 'ca000000-0000-4000-8000-000000000201', 'assistant',
   'At 1% risk that is 200 dollars; 200 / 0.50 = 400 shares (Risk Management, 10:55).',
   '[{"video_id": "f1000000-0000-4000-8000-000000000202", "chunk_index": 1, "start_time_seconds": 655, "similarity": 0.93}]',
   233, 'claude-3-5-haiku-20241022', '2025-11-10 07:11:15+00'),
  ('cb000000-0000-4000-8000-000000000301', 'ca000000-0000-4000-8000-000000000301', 'user',
   'My starter has not doubled after 8 hours. Is it dead?', '[]', NULL, NULL,
   '2025-11-09 09:20:00+00'),
  ('cb000000-0000-4000-8000-000000000302', 'ca000000-0000-4000-8000-000000000301', 'assistant',
   'Probably just cold: Priya waits about six hours at 24 degrees. Try a warmer spot (Feeding Your Starter, 4:20).',
   '[{"video_id": "f1000000-0000-4000-8000-000000000301", "chunk_index": 1, "start_time_seconds": 260, "similarity": 0.87}]',
   184, 'claude-3-5-haiku-20241022', '2025-11-09 09:20:50+00');

-- ---------------------------------------------------------------------------------------------
-- video_watch_sessions. completed is not set here: the auto-complete trigger sets it when
-- percent_complete >= 90. session_end NULL = still watching.
INSERT INTO learning.video_watch_sessions
  (id, video_id, student_id, session_start, session_end, watch_time_seconds, percent_complete,
   device_type, referrer_type, metadata)
VALUES
  -- Pixel Pro Academy
  ('a0000000-0000-4000-8000-000000000101', 'f1000000-0000-4000-8000-000000000101',
   '5d000000-0000-4000-8000-000000000101', '2025-11-03 19:02:00+00', '2025-11-03 19:12:10+00',
   540, 43, 'desktop', 'course_page', '{"playback_speed": 1.25, "quality": "1080p"}'),
  ('a0000000-0000-4000-8000-000000000102', 'f1000000-0000-4000-8000-000000000101',
   '5d000000-0000-4000-8000-000000000101', '2025-11-04 20:15:00+00', '2025-11-04 20:37:40+00',
   1180, 100, 'desktop', 'course_page', '{"playback_speed": 1.25, "quality": "2160p"}'),
  ('a0000000-0000-4000-8000-000000000103', 'f1000000-0000-4000-8000-000000000102',
   '5d000000-0000-4000-8000-000000000101', '2025-11-05 07:40:00+00', '2025-11-05 07:46:05+00',
   350, 38, 'mobile', 'course_page', '{"playback_speed": 1.25}'),
  ('a0000000-0000-4000-8000-000000000104', 'f1000000-0000-4000-8000-000000000101',
   '5d000000-0000-4000-8000-000000000102', '2025-11-06 12:00:00+00', '2025-11-06 12:21:30+00',
   1150, 92, 'tablet', 'direct_link', '{"playback_speed": 1.0}'),
  ('a0000000-0000-4000-8000-000000000105', 'f1000000-0000-4000-8000-000000000103',
   '5d000000-0000-4000-8000-000000000102', '2025-11-07 21:00:00+00', NULL,
   600, 22, 'desktop', 'search', '{"playback_speed": 1.0}'),                  -- still watching
  ('a0000000-0000-4000-8000-000000000106', 'f1000000-0000-4000-8000-000000000104',
   '5d000000-0000-4000-8000-000000000103', '2025-11-06 16:00:00+00', '2025-11-06 16:07:20+00',
   410, 100, 'desktop', 'chat_reference', '{"playback_speed": 1.5}'),
  ('a0000000-0000-4000-8000-000000000107', 'f1000000-0000-4000-8000-000000000102',
   '5d000000-0000-4000-8000-000000000104', '2025-09-30 19:00:00+00', '2025-09-30 19:13:00+00',
   749, 89, 'mobile', 'course_page', '{}'),                                   -- one short of 90
  -- Reyes Capital Academy
  ('a0000000-0000-4000-8000-000000000201', 'f1000000-0000-4000-8000-000000000201',
   '5d000000-0000-4000-8000-000000000201', '2025-11-08 06:30:00+00', '2025-11-08 06:55:00+00',
   1390, 95, 'desktop', 'course_page', '{"playback_speed": 1.25}'),
  ('a0000000-0000-4000-8000-000000000202', 'f1000000-0000-4000-8000-000000000202',
   '5d000000-0000-4000-8000-000000000201', '2025-11-10 06:40:00+00', '2025-11-10 06:53:00+00',
   720, 60, 'desktop', 'course_page', '{"playback_speed": 1.25}'),
  ('a0000000-0000-4000-8000-000000000203', 'f1000000-0000-4000-8000-000000000201',
   '5d000000-0000-4000-8000-000000000202', '2025-11-11 13:31:00+00', NULL,
   275, 15, 'mobile', 'direct_link', '{}'),                                   -- still watching
  ('a0000000-0000-4000-8000-000000000204', 'f1000000-0000-4000-8000-000000000206',
   '5d000000-0000-4000-8000-000000000203', '2025-11-08 04:00:00+00', '2025-11-08 04:19:00+00',
   1120, 100, 'desktop', 'search', '{"playback_speed": 2.0}'),
  ('a0000000-0000-4000-8000-000000000205', 'f1000000-0000-4000-8000-000000000203',
   '5d000000-0000-4000-8000-000000000204', '2025-11-09 01:00:00+00', '2025-11-09 01:08:00+00',
   452, 50, 'tablet', 'course_page', '{}'),
  ('a0000000-0000-4000-8000-000000000206', 'f1000000-0000-4000-8000-000000000202',
   '5d000000-0000-4000-8000-000000000205', '2025-11-11 17:35:00+00', '2025-11-11 18:00:00+00',
   1365, 91, 'mobile', 'chat_reference', '{}'),
  -- Sourdough Sundays
  ('a0000000-0000-4000-8000-000000000301', 'f1000000-0000-4000-8000-000000000301',
   '5d000000-0000-4000-8000-000000000301', '2025-11-02 08:00:00+00', '2025-11-02 08:09:10+00',
   540, 100, 'tablet', 'course_page', '{}'),
  ('a0000000-0000-4000-8000-000000000302', 'f1000000-0000-4000-8000-000000000302',
   '5d000000-0000-4000-8000-000000000301', '2025-11-09 09:05:00+00', NULL,
   310, 40, 'tablet', 'course_page', '{}'),                                   -- still watching
  ('a0000000-0000-4000-8000-000000000303', 'f1000000-0000-4000-8000-000000000301',
   '5d000000-0000-4000-8000-000000000302', '2025-11-02 10:30:00+00', '2025-11-02 10:37:00+00',
   380, 70, 'mobile', 'direct_link', '{}');

-- ---------------------------------------------------------------------------------------------
-- video_analytics_events: a little history (the walkthrough adds more with track_video_event)
INSERT INTO learning.video_analytics_events
  (id, event_type, video_id, creator_id, student_id, course_id, module_id, metadata, "timestamp")
VALUES
  ('e0000000-0000-4000-8000-000000000101', 'video_imported', 'f1000000-0000-4000-8000-000000000101',
   'c0000000-0000-4000-8000-000000000001', NULL, NULL, NULL,
   '{"source_type": "youtube", "duration_seconds": 1265}', '2025-10-01 09:00:00+00'),
  ('e0000000-0000-4000-8000-000000000102', 'video_transcribed', 'f1000000-0000-4000-8000-000000000101',
   'c0000000-0000-4000-8000-000000000001', NULL, NULL, NULL,
   '{"transcript_method": "youtube_captions", "cost": 0, "duration_seconds": 1265, "word_count": 2130}',
   '2025-10-01 09:02:10+00'),
  ('e0000000-0000-4000-8000-000000000103', 'video_added_to_course', 'f1000000-0000-4000-8000-000000000101',
   'c0000000-0000-4000-8000-000000000001', NULL, 'c5000000-0000-4000-8000-000000000101',
   'd0000000-0000-4000-8000-000000000102', '{"lesson_order": 1}', '2025-10-04 10:05:00+00'),
  ('e0000000-0000-4000-8000-000000000104', 'video_started', 'f1000000-0000-4000-8000-000000000101',
   'c0000000-0000-4000-8000-000000000001', '5d000000-0000-4000-8000-000000000101',
   'c5000000-0000-4000-8000-000000000101', 'd0000000-0000-4000-8000-000000000102',
   '{"device": "desktop"}', '2025-11-04 20:15:00+00'),
  ('e0000000-0000-4000-8000-000000000105', 'video_completed', 'f1000000-0000-4000-8000-000000000101',
   'c0000000-0000-4000-8000-000000000001', '5d000000-0000-4000-8000-000000000101',
   'c5000000-0000-4000-8000-000000000101', 'd0000000-0000-4000-8000-000000000102',
   '{"percent_complete": 100, "watch_time_seconds": 1180, "session_id": "a0000000-0000-4000-8000-000000000102"}',
   '2025-11-04 20:37:40+00'),
  ('e0000000-0000-4000-8000-000000000201', 'video_imported', 'f1000000-0000-4000-8000-000000000204',
   'c0000000-0000-4000-8000-000000000002', NULL, NULL, NULL,
   '{"source_type": "upload", "file_size_bytes": 2147483648}', '2025-10-14 22:05:00+00'),
  ('e0000000-0000-4000-8000-000000000202', 'video_started', 'f1000000-0000-4000-8000-000000000201',
   'c0000000-0000-4000-8000-000000000002', '5d000000-0000-4000-8000-000000000201',
   'c5000000-0000-4000-8000-000000000201', 'd0000000-0000-4000-8000-000000000201',
   '{"device": "desktop"}', '2025-11-08 06:30:00+00'),
  ('e0000000-0000-4000-8000-000000000203', 'video_completed', 'f1000000-0000-4000-8000-000000000201',
   'c0000000-0000-4000-8000-000000000002', '5d000000-0000-4000-8000-000000000201',
   'c5000000-0000-4000-8000-000000000201', 'd0000000-0000-4000-8000-000000000201',
   '{"percent_complete": 95, "watch_time_seconds": 1390, "session_id": "a0000000-0000-4000-8000-000000000201"}',
   '2025-11-08 06:55:00+00'),
  ('e0000000-0000-4000-8000-000000000301', 'video_started', 'f1000000-0000-4000-8000-000000000301',
   'c0000000-0000-4000-8000-000000000003', '5d000000-0000-4000-8000-000000000301', NULL, NULL,
   '{"device": "tablet"}', '2025-11-02 08:00:00+00');

-- ---------------------------------------------------------------------------------------------
-- daily rollups (normally written by the rollup jobs as reelbase_admin)
INSERT INTO learning.video_analytics
  (id, video_id, date, views, unique_viewers, total_watch_time_seconds,
   average_watch_time_seconds, completion_rate, ai_interactions)
VALUES
  ('aa000000-0000-4000-8000-000000000101', 'f1000000-0000-4000-8000-000000000101', '2025-11-04',
   1, 1, 1180, 1180, 100.00, 2),
  ('aa000000-0000-4000-8000-000000000102', 'f1000000-0000-4000-8000-000000000101', '2025-11-06',
   1, 1, 1150, 1150, 100.00, 1),
  ('aa000000-0000-4000-8000-000000000201', 'f1000000-0000-4000-8000-000000000201', '2025-11-08',
   1, 1, 1390, 1390, 100.00, 0),
  ('aa000000-0000-4000-8000-000000000202', 'f1000000-0000-4000-8000-000000000202', '2025-11-10',
   1, 1, 720, 720, 0.00, 2),
  ('aa000000-0000-4000-8000-000000000301', 'f1000000-0000-4000-8000-000000000301', '2025-11-02',
   2, 2, 920, 460, 50.00, 0);

INSERT INTO learning.usage_metrics
  (id, creator_id, date, storage_used_bytes, videos_uploaded, total_video_duration_seconds,
   ai_credits_used, transcription_minutes, chat_messages_sent, active_students)
VALUES
  ('ab000000-0000-4000-8000-000000000101', 'c0000000-0000-4000-8000-000000000001', '2025-11-11',
   734003200, 1, 1032, 18, 0, 6, 3),
  ('ab000000-0000-4000-8000-000000000201', 'c0000000-0000-4000-8000-000000000002', '2025-11-11',
   3435973836, 1, 388, 42, 7, 3, 4),
  ('ab000000-0000-4000-8000-000000000301', 'c0000000-0000-4000-8000-000000000003', '2025-11-11',
   412090368, 0, 0, 0, 0, 2, 2);

COMMIT;
