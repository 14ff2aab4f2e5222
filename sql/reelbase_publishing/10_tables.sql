-- publishing tables (seed 002): personas, videos, assets, tags, video_tags, publish_receipts,
-- task_audit, and workers (not in the seed: who may act on every video, docs/publishing.md).
--
-- Columns, types and defaults are the seed's; times are timestamptz. Where the seed leaves a
-- column open, the table says what the functions rely on (deviations: docs/publishing.md):
-- ids default to gen_random_uuid(), personas carry their owner, videos.status is NOT NULL
-- (default draft) and state_version at least 1, checksums and URLs have a checked format, and
-- task_audit carries its hash chain. Every table is user data (pg_extension_config_dump).

CREATE SCHEMA publishing;
COMMENT ON SCHEMA publishing IS
  'reelbase publishing catalogue (seed 002): videos under optimistic concurrency, assets, personas, tags, a hash-chained append-only audit trail, publish receipts.';

CREATE TABLE publishing.workers (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
SELECT pg_catalog.pg_extension_config_dump('publishing.workers', '');
COMMENT ON TABLE publishing.workers IS
  'Worker identities (reelbase.set_user_id ids of pipeline services): they read and update every video. Written by administrators.';

CREATE TABLE publishing.personas (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  name text,
  voice_profile jsonb,
  style_profile jsonb,
  owner_id uuid NOT NULL DEFAULT reelbase.current_user_id()
);
SELECT pg_catalog.pg_extension_config_dump('publishing.personas', '');
COMMENT ON TABLE publishing.personas IS
  'Presenter personas. owner_id (not in the seed) is the end user whose videos these are.';
COMMENT ON COLUMN publishing.personas.owner_id IS
  'The identity (reelbase.set_user_id) that owns the persona and its videos; defaults to the current one.';

CREATE TABLE publishing.videos (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  persona_id uuid REFERENCES publishing.personas (id),
  title text,
  description text,
  video_url text,
  thumbnail_url text,
  duration_seconds int,
  status text NOT NULL DEFAULT 'draft',
  confidence float,
  state_version int NOT NULL DEFAULT 1,
  created_at timestamptz DEFAULT pg_catalog.now(),
  updated_at timestamptz DEFAULT pg_catalog.now(),
  CONSTRAINT videos_status_check CHECK (status IN ('draft', 'pending_review', 'published', 'rejected')),
  CONSTRAINT videos_state_version_check CHECK (state_version >= 1),
  CONSTRAINT videos_duration_seconds_check CHECK (duration_seconds >= 0)
);
SELECT pg_catalog.pg_extension_config_dump('publishing.videos', '');
COMMENT ON TABLE publishing.videos IS
  'Videos on their way from draft to published. Every UPDATE advances state_version by exactly one (optimistic concurrency; publishing.update_video), status moves draft -> pending_review -> published | rejected, rejected -> draft; every change is audited in task_audit.';
COMMENT ON COLUMN publishing.videos.state_version IS
  'Optimistic concurrency: an UPDATE must set it to the old value + 1 (a trigger refuses anything else); update_video checks the expected value.';

CREATE TABLE publishing.assets (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  video_id uuid NOT NULL REFERENCES publishing.videos (id) ON DELETE CASCADE,
  type text NOT NULL,
  url text NOT NULL,
  checksum text NOT NULL,
  created_at timestamptz DEFAULT pg_catalog.now(),
  CONSTRAINT assets_type_check CHECK (type IN ('image', 'audio', 'raw')),
  -- Object storage is addressed by absolute URL: http(s) or a bucket scheme, host or bucket first.
  CONSTRAINT assets_url_check CHECK (url ~ '^(https?|s3|gs)://[^/[:space:]]+(/[^[:space:]]*)?$'),
  CONSTRAINT assets_checksum_check CHECK (checksum ~ '^sha256:[0-9a-f]{64}$')
);
SELECT pg_catalog.pg_extension_config_dump('publishing.assets', '');
COMMENT ON TABLE publishing.assets IS
  'A video''s binaries in object storage: URL (http, https, s3 or gs) and checksum (sha256: and 64 lower-case hex digits), unique per video.';

CREATE TABLE publishing.tags (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  name text NOT NULL,
  CONSTRAINT tags_name_key UNIQUE (name),
  CONSTRAINT tags_name_check CHECK (name = pg_catalog.btrim(name) AND pg_catalog.length(name) BETWEEN 1 AND 64)
);
SELECT pg_catalog.pg_extension_config_dump('publishing.tags', '');
COMMENT ON TABLE publishing.tags IS
  'Tags: trimmed, 1 to 64 characters, unique regardless of case (the first spelling is kept; publishing.tag_video).';

CREATE TABLE publishing.video_tags (
  video_id uuid REFERENCES publishing.videos (id) ON DELETE CASCADE,
  tag_id uuid REFERENCES publishing.tags (id),
  PRIMARY KEY (video_id, tag_id)
);
SELECT pg_catalog.pg_extension_config_dump('publishing.video_tags', '');
COMMENT ON TABLE publishing.video_tags IS 'Which tags a video carries.';

CREATE TABLE publishing.publish_receipts (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  -- No ON DELETE CASCADE: a receipt records what a channel published, so a video with
  -- receipts is not deleted (23503).
  video_id uuid NOT NULL REFERENCES publishing.videos (id),
  channel text NOT NULL,
  external_id text NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  details jsonb,
  created_at timestamptz DEFAULT pg_catalog.now(),
  CONSTRAINT publish_receipts_channel_external_id_key UNIQUE (channel, external_id),
  CONSTRAINT publish_receipts_status_check
    CHECK (status IN ('pending', 'submitted', 'published', 'failed', 'withdrawn'))
);
SELECT pg_catalog.pg_extension_config_dump('publishing.publish_receipts', '');
COMMENT ON TABLE publishing.publish_receipts IS
  'What a channel answered when a published video was sent to it; one receipt per (channel, external_id), its status only moving forward (publishing.record_receipt).';

-- The seed's audit trail plus its chain: row_hash = SHA-256 over the row and prev_hash, the
-- previous row of the same video (task_id); a chain's first row follows 32 zero bytes.
-- Written only by the audit triggers (22_audit.sql), never updated or deleted.
CREATE TABLE publishing.task_audit (
  id bigserial PRIMARY KEY,
  task_id uuid NOT NULL,
  actor text,
  action text,
  state_before jsonb,
  state_after jsonb,
  state_version int,
  "timestamp" timestamptz NOT NULL DEFAULT pg_catalog.now(),
  prev_hash bytea NOT NULL,
  row_hash bytea NOT NULL
);
SELECT pg_catalog.pg_extension_config_dump('publishing.task_audit', '');
SELECT pg_catalog.pg_extension_config_dump('publishing.task_audit_id_seq', '');
COMMENT ON TABLE publishing.task_audit IS
  'Append-only, hash-chained audit trail: one row per change of a video (task_id) or of its assets, tags and receipts, in the change''s transaction. publishing.verify_audit() checks the chains, publishing.replay_video() rebuilds a video from them.';
COMMENT ON COLUMN publishing.task_audit.state_before IS 'The changed columns'' old values (the whole row for a delete; NULL for an insert).';
COMMENT ON COLUMN publishing.task_audit.state_after IS 'The changed columns'' new values (the whole row for an insert; NULL for a delete).';
COMMENT ON COLUMN publishing.task_audit.prev_hash IS 'row_hash of the previous row of the same task_id; 32 zero bytes for the first.';
COMMENT ON COLUMN publishing.task_audit.row_hash IS 'SHA-256 of this row''s fields and prev_hash (publishing.audit_row_hash).';
